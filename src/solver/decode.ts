/**
 * From internal routes to the public `Solution` (docs/semantics.md): routes
 * are simulated exactly (simulate.ts); `reassignVehicles` and `makeFeasible`
 * repair a plan the search's coarser route model believed feasible (moving a
 * route to another vehicle, then dropping whole orders — a job, or both stops
 * of a shipment — cheapest loss first), `reinsert` puts dropped orders back
 * where they fit, so the solver never claims an infeasible plan.
 */
import type { Problem, Route, Solution, Unassigned } from '../model/types.js';
import { simulateRoute, type DecodeContext } from './simulate.js';

export { simulateRoute, type DecodeContext, type SimulatedRoute } from './simulate.js';

/** Identity of a vehicle for placement purposes (location, capacity, shift, costs, limits; not its id). */
function vehicleKinds(ctx: DecodeContext): string[] {
  const { problem, travel } = ctx;
  return problem.vehicles.map((v, k) => JSON.stringify([travel.vehicleStart[k], travel.vehicleEnd[k], v.capacity, v.shift, v.costs, v.maxDuration, v.maxDistance]));
}

/** True when (violations, amount) `a` is strictly better than `b`. */
function fewerViolations(av: number, aa: number, bv: number, ba: number): boolean {
  return av < bv || (av === bv && aa < ba - 1e-9 * (1 + Math.abs(ba)));
}

/** Whether some task of `route` is restricted to particular vehicles (then every empty vehicle is worth a try). */
function restricted(ctx: DecodeContext, route: number[]): boolean {
  return route.some((t) => {
    const task = ctx.tasks.tasks[t];
    return task.order.allowedVehicles !== undefined || (task.kind === 'job' && ctx.problem.jobs[task.owner].preferredVehicle !== undefined);
  });
}

/**
 * Moves whole violating routes to another vehicle (an unused one, or swapping
 * with that vehicle's route) while this strictly lowers the violations of the
 * two routes involved, before `makeFeasible` removes anything.
 */
export function reassignVehicles(ctx: DecodeContext, plan: Map<number, number[]>, workLimit = 2e6): void {
  const K = ctx.problem.vehicles.length;
  const kindOf = vehicleKinds(ctx);
  const sim = (k: number, route: number[]) => {
    if (route.length === 0) return { violations: 0, amount: 0, cost: 0 };
    const s = simulateRoute(ctx, k, route);
    return { violations: s.violations, amount: s.amount, cost: s.route.cost };
  };
  let work = 0;
  let changed = true;
  while (changed && work < workLimit) {
    changed = false;
    for (const k of [...plan.keys()].sort((a, b) => a - b)) {
      const route = plan.get(k)!;
      if (route.length === 0) continue;
      const here = sim(k, route);
      if (here.violations === 0) continue;
      const anyEmpty = restricted(ctx, route);
      const triedEmpty = new Set<string>([kindOf[k]]);
      let bestK = -1, bestV = Infinity, bestA = Infinity, bestC = Infinity;
      for (let k2 = 0; k2 < K && work < workLimit; k2++) {
        if (k2 === k) continue;
        const other = plan.get(k2) ?? [];
        if (other.length === 0) {
          if (!anyEmpty && triedEmpty.has(kindOf[k2])) continue;
          triedEmpty.add(kindOf[k2]);
        }
        work += route.length + other.length;
        const before = sim(k2, other);
        const a = sim(k2, route);
        const b = sim(k, other);
        const v = a.violations + b.violations, am = a.amount + b.amount, c = a.cost + b.cost;
        if (!fewerViolations(v, am, here.violations + before.violations, here.amount + before.amount)) continue;
        if (fewerViolations(v, am, bestV, bestA) || (v === bestV && Math.abs(am - bestA) <= 1e-9 * (1 + Math.abs(bestA)) && c < bestC)) {
          bestK = k2; bestV = v; bestA = am; bestC = c;
        }
      }
      if (bestK < 0) continue;
      const other = plan.get(bestK) ?? [];
      plan.set(bestK, route);
      if (other.length > 0) plan.set(k, other);
      else plan.delete(k);
      changed = true;
    }
  }
}

/** The tasks of the order that task `t` belongs to (a job: itself; a shipment: both stops). */
function orderTasks(ctx: DecodeContext, t: number): number[] {
  const p = ctx.tasks.tasks[t].partner;
  return p < 0 ? [t] : [Math.min(t, p), Math.max(t, p)];
}

/**
 * Removes orders from violating routes (fewest violations left, then least
 * amount, then lowest cost first) until every route is feasible. `removed`
 * receives one task per removed order (a job, or a shipment's pickup).
 */
export function makeFeasible(ctx: DecodeContext, plan: Map<number, number[]>, removed: number[]): void {
  for (const [k, route] of plan) {
    let sim = simulateRoute(ctx, k, route);
    while (sim.violations > 0 && route.length > 0) {
      let best: number[] = [], bestV = Infinity, bestA = Infinity, bestC = Infinity;
      const tried = new Set<number>();
      for (const t of route) {
        const gone = orderTasks(ctx, t);
        if (tried.has(gone[0])) continue;
        tried.add(gone[0]);
        const trial = route.filter((x) => !gone.includes(x));
        const s = simulateRoute(ctx, k, trial);
        if (s.violations < bestV || (s.violations === bestV && (s.amount < bestA - 1e-9 || (Math.abs(s.amount - bestA) <= 1e-9 && s.route.cost < bestC)))) {
          best = gone; bestV = s.violations; bestA = s.amount; bestC = s.route.cost;
        }
      }
      removed.push(best[0]);
      for (const x of best) route.splice(route.indexOf(x), 1);
      sim = simulateRoute(ctx, k, route);
    }
  }
}

/** Cheapest feasible reinsertion of removed orders into any vehicle (used or not); returns the orders left over. */
export function reinsert(ctx: DecodeContext, plan: Map<number, number[]>, removed: number[], workLimit = 2e6): number[] {
  const left: number[] = [];
  let work = 0;
  const kindOf = vehicleKinds(ctx);
  for (const first of removed) {
    const order = orderTasks(ctx, first);
    let best = Infinity, bestK = -1, bestRoute: number[] | null = null;
    const triedEmpty = new Set<string>();
    const anyEmpty = restricted(ctx, order);
    for (let k = 0; k < ctx.problem.vehicles.length && work < workLimit; k++) {
      const route = plan.get(k) ?? [];
      if (route.length === 0) {
        if (!anyEmpty && triedEmpty.has(kindOf[k])) continue;
        triedEmpty.add(kindOf[k]);
      }
      const base = route.length > 0 ? simulateRoute(ctx, k, route).route.cost : 0;
      const consider = (trial: number[]) => {
        work += trial.length;
        const s = simulateRoute(ctx, k, trial);
        if (s.violations === 0 && s.route.cost - base < best) {
          best = s.route.cost - base; bestK = k; bestRoute = trial;
        }
      };
      for (let p = 0; p <= route.length && work < workLimit; p++) {
        if (order.length === 1) {
          consider([...route.slice(0, p), order[0], ...route.slice(p)]);
          continue;
        }
        for (let q = p; q <= route.length && work < workLimit; q++) {
          consider([...route.slice(0, p), order[0], ...route.slice(p, q), order[1], ...route.slice(q)]);
        }
      }
    }
    if (bestK < 0 || !bestRoute) left.push(first);
    else plan.set(bestK, bestRoute);
  }
  return left;
}

/** Assembles the public solution from per-vehicle task lists. */
export function buildSolution(ctx: DecodeContext, plan: Map<number, number[]>, unassigned: Unassigned[]): Solution {
  const dims = ctx.dims;
  const routes: Route[] = [];
  const ks = [...plan.keys()].sort((a, b) => a - b);
  for (const k of ks) {
    const route = plan.get(k)!;
    if (route.length === 0) continue;
    routes.push(simulateRoute(ctx, k, route).route);
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

/** The unassigned entry of the order of task `t`, with a reason and message. */
export function unassignedOrder(ctx: DecodeContext, t: number, reason: Unassigned['reason'], message: string): Unassigned {
  const task = ctx.tasks.tasks[t];
  if (task.kind === 'job') return { id: task.id, reason, message };
  const sh = ctx.problem.shipments![task.owner];
  const pick = ctx.tasks.tasks[task.kind === 'pickup' ? t : task.partner];
  const drop = ctx.tasks.tasks[task.kind === 'pickup' ? task.partner : t];
  return { id: sh.id, type: 'shipment', pickup: pick.id, delivery: drop.id, reason, message: message.replace('the job', 'the shipment') };
}

export type { Problem };
