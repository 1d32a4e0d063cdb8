/**
 * The exact route simulation of the solver's decode (docs/semantics.md): for
 * vehicle k serving tasks (jobs and shipment stops, task indices of
 * model/tasks.ts) in order, it derives the departure, every arrival, wait,
 * service start and departure, the loads, distance, duration and cost, and
 * counts every violated constraint — using the travel's own arc functions, not
 * the search's matrices. Written apart from the checker on purpose: the
 * checker re-derives all of it independently.
 */
import { idKey } from '../model/ids.js';
import type { TaskTable } from '../model/tasks.js';
import type { ResolvedTravel } from '../model/travel.js';
import type { Problem, Route, Step } from '../model/types.js';

export interface SimulatedRoute {
  route: Route;
  /** Number of violated constraints and their total amount. */
  violations: number;
  amount: number;
}

/** Floating-point tolerance around a limit, as the checker's default (1e-9 absolute + 1e-9 relative). */
function tol(x: number): number {
  return 1e-9 + 1e-9 * (Number.isFinite(x) ? Math.abs(x) : 0);
}

/** What the decode knows of the problem: its tasks and their travel (`travel.jobLocation` indexed by task). */
export interface DecodeContext {
  problem: Problem;
  tasks: TaskTable;
  travel: ResolvedTravel;
  dims: number;
}

/** The amounts a task unloads (`delivery`) and loads (`pickup`) at its stop, per dimension. */
function amounts(ctx: DecodeContext, t: number): { delivery?: number[]; pickup?: number[] } {
  const task = ctx.tasks.tasks[t];
  if (task.kind === 'job') {
    const job = ctx.problem.jobs[task.owner];
    return { delivery: job.delivery, pickup: job.pickup };
  }
  const amount = ctx.problem.shipments![task.owner].amount;
  return task.kind === 'pickup' ? { pickup: amount } : { delivery: amount };
}

/** Simulates vehicle `k` serving `route` (task indices) in order; see docs/semantics.md. */
export function simulateRoute(ctx: DecodeContext, k: number, route: number[]): SimulatedRoute {
  const { problem, travel, dims } = ctx;
  const tasks = ctx.tasks.tasks;
  const v = problem.vehicles[k];
  const start = travel.vehicleStart[k];
  const end = travel.vehicleEnd[k];
  const shiftStart = v.shift?.[0] ?? -Infinity;
  const shiftEnd = v.shift?.[1] ?? Infinity;
  let maxRel = -Infinity;
  let minDl = Infinity;
  for (const t of route) {
    const task = tasks[t];
    if (task.kind !== 'job') continue;
    const job = problem.jobs[task.owner];
    if (job.releaseTime !== undefined && job.releaseTime > maxRel) maxRel = job.releaseTime;
    if (job.dispatchDeadline !== undefined && job.dispatchDeadline < minDl) minDl = job.dispatchDeadline;
  }
  let e = Math.max(shiftStart, maxRel);
  if (e === -Infinity) e = 0;
  const tt = (a: number, b: number) => (a < 0 || b < 0 ? 0 : travel.duration(a, b));
  const dd = (a: number, b: number) => (a < 0 || b < 0 ? 0 : travel.distance(a, b));
  const windowAt = (t: number, arrival: number) => tasks[t].timeWindows?.find((w) => w[1] + tol(w[1]) >= arrival);

  // earliest schedule, for the forward slack
  let time = e;
  let prev = start;
  let W = 0;
  let slack = Infinity;
  let late = false;
  for (let i = 0; i < route.length; i++) {
    const t = route[i];
    const loc = travel.jobLocation[t];
    const arrival = i === 0 && start < 0 ? time : time + tt(prev, loc);
    const tw = windowAt(t, arrival);
    if (!tw && tasks[t].timeWindows && tasks[t].timeWindows!.length > 0) late = true;
    const wEnd = tw ? tw[1] : Infinity;
    slack = Math.min(slack, W + wEnd - arrival);
    const ss = tw ? Math.max(arrival, tw[0]) : arrival;
    W += ss - arrival;
    time = ss + tasks[t].serviceDuration;
    prev = loc;
  }
  const endArr0 = end < 0 ? time : time + tt(prev, end);
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
  for (const t of route) {
    const a = amounts(ctx, t);
    for (let q = 0; q < dims; q++) {
      delivery[q] += a.delivery?.[q] ?? 0;
      pickup[q] += a.pickup?.[q] ?? 0;
      if (tasks[t].kind === 'job') load[q] += a.delivery?.[q] ?? 0;
    }
  }
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
  time = d;
  prev = start;
  const vid = idKey(v.id);
  const seen = new Map<number, number>(); // shipment stop task → position
  for (let i = 0; i < route.length; i++) {
    const t = route[i];
    const task = tasks[t];
    const loc = travel.jobLocation[t];
    const arc = i === 0 && start < 0 ? 0 : tt(prev, loc);
    const arcD = i === 0 && start < 0 ? 0 : dd(prev, loc);
    if (!Number.isFinite(arc) || !Number.isFinite(arcD)) {
      violations++;
      amount += 1e9;
    }
    dist += arcD;
    const arrival = time + arc;
    const tw = windowAt(t, arrival);
    let ss = arrival;
    if (tw) ss = Math.max(arrival, tw[0]);
    else if (task.timeWindows && task.timeWindows.length > 0) {
      violations++;
      amount += arrival - task.timeWindows[task.timeWindows.length - 1][1];
    }
    waiting += ss - arrival;
    service += task.serviceDuration;
    time = ss + task.serviceDuration;
    const a = amounts(ctx, t);
    for (let q = 0; q < dims; q++) load[q] += (a.pickup?.[q] ?? 0) - (a.delivery?.[q] ?? 0);
    checkLoad();
    const order = task.order;
    if (order.allowedVehicles && !order.allowedVehicles.some((x) => idKey(x) === vid)) {
      violations++;
      amount += 1e6;
    }
    if (task.kind === 'job') {
      const job = problem.jobs[task.owner];
      if (job.releaseTime !== undefined && d < job.releaseTime - tol(job.releaseTime)) {
        violations++;
        amount += job.releaseTime - d;
      }
      if (job.dispatchDeadline !== undefined && d > job.dispatchDeadline + tol(job.dispatchDeadline)) {
        violations++;
        amount += d - job.dispatchDeadline;
      }
    } else {
      // a delivery needs its pickup earlier on the same route
      seen.set(t, i);
      if (task.kind === 'delivery' && !seen.has(task.partner)) {
        violations++;
        amount += 1e6;
      }
    }
    steps.push({
      type: task.kind,
      id: task.id,
      ...(task.shipment !== undefined ? { shipment: task.shipment } : {}),
      location: task.location,
      arrival,
      waiting: ss - arrival,
      serviceStart: ss,
      departure: time,
      load: load.slice(),
      distance: dist,
    });
    prev = loc;
  }
  for (const [t] of seen) {
    if (tasks[t].kind === 'pickup' && !seen.has(tasks[t].partner)) {
      violations++;
      amount += 1e6;
    }
  }
  const arcEnd = end < 0 ? 0 : tt(prev, end);
  const arcEndD = end < 0 ? 0 : dd(prev, end);
  if (!Number.isFinite(arcEnd) || !Number.isFinite(arcEndD)) {
    violations++;
    amount += 1e9;
  }
  dist += arcEndD;
  const endArrival = time + arcEnd;
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
