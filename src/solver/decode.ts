/**
 * From internal routes to the public `Solution`, following docs/semantics.md
 * exactly: the route simulation here re-derives times, loads and costs with
 * `resolveTravel`'s arc functions, flags every violation, and `makeFeasible`
 * removes jobs (cheapest loss first) from a plan that violates something, so
 * the solver never claims an infeasible plan.
 */
import type { ResolvedTravel } from '../model/travel.js';
import type { Problem, Route, Solution, Step, Unassigned } from '../model/types.js';

export interface SimulatedRoute {
  route: Route;
  /** Number of violated constraints and their total amount. */
  violations: number;
  amount: number;
}

/** Simulates vehicle `k` serving jobs `jobs` (indices) in order; see docs/semantics.md. */
/** Floating-point tolerance around a limit, as the checker's default (1e-9 absolute + 1e-9 relative). */
function tol(x: number): number {
  return 1e-9 + 1e-9 * (Number.isFinite(x) ? Math.abs(x) : 0);
}

export function simulateRoute(problem: Problem, travel: ResolvedTravel, k: number, jobs: number[], dims: number): SimulatedRoute {
  const v = problem.vehicles[k];
  const start = travel.vehicleStart[k];
  const end = travel.vehicleEnd[k];
  const shiftStart = v.shift?.[0] ?? -Infinity;
  const shiftEnd = v.shift?.[1] ?? Infinity;
  let maxRel = -Infinity;
  let minDl = Infinity;
  for (const j of jobs) {
    const job = problem.jobs[j];
    if (job.releaseTime !== undefined && job.releaseTime > maxRel) maxRel = job.releaseTime;
    if (job.dispatchDeadline !== undefined && job.dispatchDeadline < minDl) minDl = job.dispatchDeadline;
  }
  let e = Math.max(shiftStart, maxRel);
  if (e === -Infinity) e = 0;
  const tt = (a: number, b: number) => (a < 0 || b < 0 ? 0 : travel.duration(a, b));
  const dd = (a: number, b: number) => (a < 0 || b < 0 ? 0 : travel.distance(a, b));

  // earliest schedule, for the forward slack
  let t = e;
  let prev = start;
  let W = 0;
  let slack = Infinity;
  let late = false;
  for (let i = 0; i < jobs.length; i++) {
    const job = problem.jobs[jobs[i]];
    const loc = travel.jobLocation[jobs[i]];
    const arrival = i === 0 && start < 0 ? t : t + tt(prev, loc);
    const tw = job.timeWindows?.find((w) => w[1] + tol(w[1]) >= arrival);
    if (!tw && job.timeWindows && job.timeWindows.length > 0) late = true;
    const wEnd = tw ? tw[1] : Infinity;
    slack = Math.min(slack, W + wEnd - arrival);
    const ss = tw ? Math.max(arrival, tw[0]) : arrival;
    W += ss - arrival;
    t = ss + (job.serviceDuration ?? 0);
    prev = loc;
  }
  const endArr0 = end < 0 ? t : t + tt(prev, end);
  slack = Math.min(slack, W + shiftEnd - endArr0);
  if (late || !(slack > 0)) slack = 0;
  if (slack === Infinity) slack = W;
  let d = e + Math.min(slack, minDl - e);
  if (!(d >= e)) d = e;

  // the schedule from d
  const steps: Step[] = [];
  const load = new Array<number>(dims).fill(0);
  const delivery = new Array<number>(dims).fill(0);
  const pickup = new Array<number>(dims).fill(0);
  for (const j of jobs) {
    const job = problem.jobs[j];
    for (let q = 0; q < dims; q++) {
      delivery[q] += job.delivery?.[q] ?? 0;
      pickup[q] += job.pickup?.[q] ?? 0;
    }
  }
  for (let q = 0; q < dims; q++) load[q] = delivery[q];
  let violations = 0;
  let amount = 0;
  const cap = v.capacity;
  const checkLoad = () => {
    if (!cap) return;
    for (let q = 0; q < dims; q++) {
      const c = cap[q] ?? Infinity;
      if (load[q] > c + tol(c)) {
        violations++;
        amount += load[q] - c;
      }
    }
  };
  checkLoad();
  steps.push({ type: 'start', ...(v.start !== undefined ? { location: v.start } : {}), arrival: d, waiting: 0, serviceStart: d, departure: d, load: load.slice(), distance: 0 });
  let dist = 0;
  let waiting = 0;
  let service = 0;
  t = d;
  prev = start;
  const allowedOk = (job: Problem['jobs'][number]) =>
    !job.allowedVehicles || job.allowedVehicles.some((a) => String(a) === String(v.id));
  for (let i = 0; i < jobs.length; i++) {
    const job = problem.jobs[jobs[i]];
    const loc = travel.jobLocation[jobs[i]];
    const arc = i === 0 && start < 0 ? 0 : tt(prev, loc);
    const arcD = i === 0 && start < 0 ? 0 : dd(prev, loc);
    if (!Number.isFinite(arc) || !Number.isFinite(arcD)) {
      violations++;
      amount += 1e9;
    }
    dist += arcD;
    const arrival = t + arc;
    const tw = job.timeWindows?.find((w) => w[1] + tol(w[1]) >= arrival);
    let ss = arrival;
    if (tw) ss = Math.max(arrival, tw[0]);
    else if (job.timeWindows && job.timeWindows.length > 0) {
      violations++;
      amount += arrival - job.timeWindows[job.timeWindows.length - 1][1];
    }
    const s = job.serviceDuration ?? 0;
    waiting += ss - arrival;
    service += s;
    t = ss + s;
    for (let q = 0; q < dims; q++) load[q] += (job.pickup?.[q] ?? 0) - (job.delivery?.[q] ?? 0);
    checkLoad();
    if (!allowedOk(job)) {
      violations++;
      amount += 1e6;
    }
    if (job.releaseTime !== undefined && d < job.releaseTime - tol(job.releaseTime)) {
      violations++;
      amount += job.releaseTime - d;
    }
    if (job.dispatchDeadline !== undefined && d > job.dispatchDeadline + tol(job.dispatchDeadline)) {
      violations++;
      amount += d - job.dispatchDeadline;
    }
    steps.push({ type: 'job', id: job.id, location: job.location, arrival, waiting: ss - arrival, serviceStart: ss, departure: t, load: load.slice(), distance: dist });
    prev = loc;
  }
  const arcEnd = end < 0 ? 0 : tt(prev, end);
  const arcEndD = end < 0 ? 0 : dd(prev, end);
  if (!Number.isFinite(arcEnd) || !Number.isFinite(arcEndD)) {
    violations++;
    amount += 1e9;
  }
  dist += arcEndD;
  const endArrival = t + arcEnd;
  steps.push({ type: 'end', ...(v.end !== undefined ? { location: v.end } : {}), arrival: endArrival, waiting: 0, serviceStart: endArrival, departure: endArrival, load: load.slice(), distance: dist });
  const duration = endArrival - d;
  const bump = (x: number, limit: number) => {
    if (x > tol(limit)) {
      violations++;
      amount += x;
    }
  };
  bump(shiftStart - d, shiftStart);
  bump(endArrival - shiftEnd, shiftEnd);
  if (v.maxDuration !== undefined) bump(duration - v.maxDuration, v.maxDuration);
  if (v.maxDistance !== undefined) bump(dist - v.maxDistance, v.maxDistance);
  const costs = v.costs ?? {};
  const cost = (costs.fixed ?? 0) + (costs.perDistance ?? 1) * dist + (costs.perDuration ?? 0) * duration;
  return {
    route: { vehicle: v.id, steps, cost, distance: dist, duration, waiting, service, delivery, pickup },
    violations,
    amount,
  };
}

/** Identity of a vehicle for placement purposes (location, capacity, shift, costs, limits; not its id). */
function vehicleKinds(problem: Problem, travel: ResolvedTravel): string[] {
  return problem.vehicles.map((v, k) => JSON.stringify([travel.vehicleStart[k], travel.vehicleEnd[k], v.capacity, v.shift, v.costs, v.maxDuration, v.maxDistance]));
}

/** True when (violations, amount) `a` is strictly better than `b`. */
function fewerViolations(av: number, aa: number, bv: number, ba: number): boolean {
  return av < bv || (av === bv && aa < ba - 1e-9 * (1 + Math.abs(ba)));
}

/**
 * Moves whole violating routes to another vehicle (an unused one, or swapping
 * with that vehicle's route) while this strictly lowers the violations of the
 * two routes involved, before `makeFeasible` removes any job. The search
 * prices a route on its vehicle type with segment summaries that can be
 * coarser than this exact simulation (e.g. a dispatch deadline before the
 * type's shift start), so a route it believes feasible may only be feasible
 * on another vehicle; moving it keeps its jobs served.
 */
export function reassignVehicles(
  problem: Problem, travel: ResolvedTravel, plan: Map<number, number[]>, dims: number, workLimit = 2e6,
): void {
  const K = problem.vehicles.length;
  const kindOf = vehicleKinds(problem, travel);
  const sim = (k: number, jobs: number[]) => {
    if (jobs.length === 0) return { violations: 0, amount: 0, cost: 0 };
    const s = simulateRoute(problem, travel, k, jobs, dims);
    return { violations: s.violations, amount: s.amount, cost: s.route.cost };
  };
  let work = 0;
  let changed = true;
  while (changed && work < workLimit) {
    changed = false;
    for (const k of [...plan.keys()].sort((a, b) => a - b)) {
      const jobs = plan.get(k)!;
      if (jobs.length === 0) continue;
      const here = sim(k, jobs);
      if (here.violations === 0) continue;
      // vehicle-specific jobs make every empty vehicle worth a try
      const restricted = jobs.some((j) => problem.jobs[j].allowedVehicles !== undefined || problem.jobs[j].preferredVehicle !== undefined);
      const triedEmpty = new Set<string>([kindOf[k]]);
      let bestK = -1, bestV = Infinity, bestA = Infinity, bestC = Infinity;
      for (let k2 = 0; k2 < K && work < workLimit; k2++) {
        if (k2 === k) continue;
        const other = plan.get(k2) ?? [];
        if (other.length === 0) {
          if (!restricted && triedEmpty.has(kindOf[k2])) continue;
          triedEmpty.add(kindOf[k2]);
        }
        work += jobs.length + other.length;
        const before = sim(k2, other);
        const a = sim(k2, jobs);
        const b = sim(k, other);
        const v = a.violations + b.violations, am = a.amount + b.amount, c = a.cost + b.cost;
        if (!fewerViolations(v, am, here.violations + before.violations, here.amount + before.amount)) continue;
        if (fewerViolations(v, am, bestV, bestA) || (v === bestV && Math.abs(am - bestA) <= 1e-9 * (1 + Math.abs(bestA)) && c < bestC)) {
          bestK = k2; bestV = v; bestA = am; bestC = c;
        }
      }
      if (bestK < 0) continue;
      const other = plan.get(bestK) ?? [];
      plan.set(bestK, jobs);
      if (other.length > 0) plan.set(k, other);
      else plan.delete(k);
      changed = true;
    }
  }
}

/** Removes jobs from violating routes (fewest violations, then least amount, then lowest cost first) until feasible. */
export function makeFeasible(
  problem: Problem, travel: ResolvedTravel, plan: Map<number, number[]>, dims: number, removed: number[],
): void {
  for (const [k, jobs] of plan) {
    let sim = simulateRoute(problem, travel, k, jobs, dims);
    while (sim.violations > 0 && jobs.length > 0) {
      let bestI = 0, bestV = Infinity, bestA = Infinity, bestC = Infinity;
      for (let i = 0; i < jobs.length; i++) {
        const trial = jobs.slice(0, i).concat(jobs.slice(i + 1));
        const s = simulateRoute(problem, travel, k, trial, dims);
        if (s.violations < bestV || (s.violations === bestV && (s.amount < bestA - 1e-9 || (Math.abs(s.amount - bestA) <= 1e-9 && s.route.cost < bestC)))) {
          bestI = i; bestV = s.violations; bestA = s.amount; bestC = s.route.cost;
        }
      }
      removed.push(jobs[bestI]);
      jobs.splice(bestI, 1);
      sim = simulateRoute(problem, travel, k, jobs, dims);
    }
  }
}

/** Cheapest feasible reinsertion of removed jobs into any vehicle (used or not); returns those left over. */
export function reinsert(
  problem: Problem, travel: ResolvedTravel, plan: Map<number, number[]>, dims: number, removed: number[], workLimit = 2e6,
): number[] {
  const left: number[] = [];
  let work = 0;
  // identical unused vehicles: trying one of each kind is enough
  const kindOf = vehicleKinds(problem, travel);
  for (const j of removed) {
    let best = Infinity, bestK = -1, bestPos = -1;
    const triedEmpty = new Set<string>();
    const job = problem.jobs[j];
    for (let k = 0; k < problem.vehicles.length && work < workLimit; k++) {
      const jobs = plan.get(k) ?? [];
      if (jobs.length === 0) {
        const restricted = job.allowedVehicles !== undefined || job.preferredVehicle !== undefined;
        if (!restricted && triedEmpty.has(kindOf[k])) continue;
        triedEmpty.add(kindOf[k]);
      }
      const base = jobs.length > 0 ? simulateRoute(problem, travel, k, jobs, dims).route.cost : 0;
      for (let p = 0; p <= jobs.length; p++) {
        const trial = jobs.slice(0, p).concat([j], jobs.slice(p));
        work += trial.length;
        const s = simulateRoute(problem, travel, k, trial, dims);
        if (s.violations === 0 && s.route.cost - base < best) {
          best = s.route.cost - base; bestK = k; bestPos = p;
        }
      }
    }
    if (bestK < 0) left.push(j);
    else {
      const jobs = plan.get(bestK) ?? [];
      jobs.splice(bestPos, 0, j);
      plan.set(bestK, jobs);
    }
  }
  return left;
}

/** Assembles the public solution from per-vehicle job lists. */
export function buildSolution(
  problem: Problem, travel: ResolvedTravel, plan: Map<number, number[]>, dims: number, unassigned: Unassigned[],
): Solution {
  const routes: Route[] = [];
  const ks = [...plan.keys()].sort((a, b) => a - b);
  for (const k of ks) {
    const jobs = plan.get(k)!;
    if (jobs.length === 0) continue;
    routes.push(simulateRoute(problem, travel, k, jobs, dims).route);
  }
  const summary = {
    cost: 0, routes: routes.length, unassigned: unassigned.length, distance: 0, duration: 0, waiting: 0, service: 0,
    delivery: new Array<number>(dims).fill(0), pickup: new Array<number>(dims).fill(0),
  };
  for (const r of routes) {
    summary.cost += r.cost;
    summary.distance += r.distance;
    summary.duration += r.duration;
    summary.waiting += r.waiting;
    summary.service += r.service;
    for (let q = 0; q < dims; q++) {
      summary.delivery[q] += r.delivery[q];
      summary.pickup[q] += r.pickup[q];
    }
  }
  return { summary, routes, unassigned };
}
