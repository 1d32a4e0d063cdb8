/**
 * From internal routes to the public `Solution` (docs/semantics.md): routes
 * are evaluated exactly (evaluate.ts) and turned into steps (simulate.ts);
 * `reassignVehicles` and `makeFeasible` repair a plan the search's coarser
 * route model believed feasible (moving a route to another vehicle, then
 * dropping whole orders — a job, or both stops of a shipment), and
 * `reinsert` puts dropped orders back where they fit, so the solver never
 * claims an infeasible plan. Both follow the lexicographic objective
 * ("Objective and summary"): served priority first, then served tasks, then
 * cost.
 */
import type { Problem, Route, Solution, Unassigned } from '../model/types.js';
import { polishRoutes } from './decode-polish.js';
import { RouteEvaluation, type RouteEvaluator } from './evaluate.js';
import { evaluatorOf, repairAmount, simulateRoute, type DecodeContext } from './simulate.js';

export { simulateRoute, evaluatorOf, type DecodeContext, type SimulatedRoute } from './simulate.js';

/** Identity of a vehicle for placement purposes (every attribute but its id and data, and where it starts and ends). */
function vehicleKinds(ctx: DecodeContext): string[] {
  const ev = evaluatorOf(ctx);
  return ctx.problem.vehicles.map((v, k) =>
    JSON.stringify([ev.data.startLoc[k], ev.data.endLoc[k], { ...v, id: undefined, data: undefined }]),
  );
}

/** True when (violations, amount) `a` is strictly better than `b`. */
function fewerViolations(av: number, aa: number, bv: number, ba: number): boolean {
  return av < bv || (av === bv && aa < ba - 1e-9 * (1 + Math.abs(ba)));
}

/** Whether some task of `route` is restricted to particular vehicles (then every empty vehicle is worth a try). */
function restricted(ctx: DecodeContext, route: ArrayLike<number>): boolean {
  for (let i = 0; i < route.length; i++) {
    const task = ctx.tasks.tasks[route[i]];
    if (task.order.allowedVehicles !== undefined || (task.order.skills?.length ?? 0) > 0) return true;
    if (task.kind === 'job' && ctx.problem.jobs[task.owner].preferredVehicle !== undefined) return true;
  }
  return false;
}

/** Evaluates into a fresh-per-call-site result: violations, repair amount, cost (0 for an empty route). */
function judge(ev: RouteEvaluator, k: number, route: ArrayLike<number>, count: number, out: RouteEvaluation): { violations: number; amount: number; cost: number } {
  ev.evaluate(k, route, count, out);
  return { violations: out.violations, amount: repairAmount(out), cost: out.cost };
}

/**
 * Moves whole violating routes to another vehicle (an unused one, or swapping
 * with that vehicle's route) while this strictly lowers the violations of the
 * two routes involved, before `makeFeasible` removes anything.
 */
export function reassignVehicles(ctx: DecodeContext, plan: Map<number, number[]>, workLimit = 2e6, stop: () => boolean = noStop): void {
  const K = ctx.problem.vehicles.length;
  const ev = evaluatorOf(ctx);
  const out = new RouteEvaluation();
  const kindOf = vehicleKinds(ctx);
  const sim = (k: number, route: number[]) => judge(ev, k, route, route.length, out);
  let work = 0;
  let changed = true;
  while (changed && work < workLimit) {
    changed = false;
    for (const k of [...plan.keys()].sort((a, b) => a - b)) {
      if (stop()) return;
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

/** The tasks of the order that task `t` belongs to (a job: itself; a shipment: pickup, then delivery). */
function orderTasks(ctx: DecodeContext, t: number): number[] {
  const p = ctx.tasks.tasks[t].partner;
  return p < 0 ? [t] : [Math.min(t, p), Math.max(t, p)];
}

/** The priority an order adds when served (a shipment's counts once per stop). */
function orderPriority(ctx: DecodeContext, order: number[]): number {
  let p = 0;
  for (const t of order) p += ctx.tasks.tasks[t].priority;
  return p;
}

/**
 * Removes whole orders from violating routes until every route is feasible.
 * Each step removes, among the orders whose removal lowers the route's
 * violations (their count, then their amount), the one that loses the least
 * priority, then the fewest tasks; among those, one that makes the route
 * feasible at once, then the fewest violations and amount left, then the
 * lowest cost. When no removal lowers the violations, the one leaving the
 * fewest is removed (same tie-breaks). `removed` receives one task per
 * removed order (a job, or a shipment's pickup). Once `stop()` is true (an
 * abort), a violating route loses all its orders at once instead.
 */
export function makeFeasible(ctx: DecodeContext, plan: Map<number, number[]>, removed: number[], stop: () => boolean = noStop): void {
  const ev = evaluatorOf(ctx);
  const out = new RouteEvaluation();
  let trial = new Int32Array(16);
  for (const [k, route] of plan) {
    let cur = judge(ev, k, route, route.length, out);
    while (cur.violations > 0 && route.length > 0) {
      if (stop()) {
        const orders = new Set<number>();
        for (const t of route) orders.add(orderTasks(ctx, t)[0]);
        removed.push(...orders);
        route.length = 0;
        break;
      }
      if (trial.length < route.length) trial = new Int32Array(2 * route.length);
      let best: number[] = [];
      let bestKey: number[] | null = null;
      const tried = new Set<number>();
      for (const t of route) {
        const gone = orderTasks(ctx, t);
        if (tried.has(gone[0])) continue;
        tried.add(gone[0]);
        let m = 0;
        for (const x of route) if (x !== gone[0] && x !== gone[gone.length - 1]) trial[m++] = x;
        const s = judge(ev, k, trial, m, out);
        const lowers = fewerViolations(s.violations, s.amount, cur.violations, cur.amount);
        // Removals that lower the violations come first; among the others, the fewest violations left.
        const key = [
          lowers ? 0 : 1,
          lowers ? 0 : s.violations,
          lowers ? 0 : s.amount,
          orderPriority(ctx, gone),
          gone.length,
          s.violations === 0 ? 0 : 1,
          s.violations,
          s.amount,
          s.cost,
        ];
        if (bestKey === null || lexLess(key, bestKey)) {
          best = gone;
          bestKey = key;
        }
      }
      removed.push(best[0]);
      for (const x of best) {
        const at = route.indexOf(x);
        if (at >= 0) route.splice(at, 1);
      }
      cur = judge(ev, k, route, route.length, out);
    }
  }
}

/** Lexicographic `a < b` over keys of equal length (numbers within a relative 1e-9 count as equal). */
function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (Math.abs(a[i] - b[i]) <= 1e-9 * (1 + Math.abs(b[i]))) continue;
    return a[i] < b[i];
  }
  return false;
}

/**
 * Reinserts removed orders, highest priority first (then shipments before
 * jobs, then in the given order), each at its cheapest feasible place in any
 * vehicle (used or not; a shipment's pickup and delivery at their best pair of
 * positions). Returns the orders left over (one task each, as `removed`).
 * Once `stop()` is true (an abort) the orders not tried yet go to `skipped`
 * instead.
 */
export function reinsert(ctx: DecodeContext, plan: Map<number, number[]>, removed: number[], workLimit = 2e6, stop: () => boolean = noStop, skipped: number[] = []): number[] {
  const ev = evaluatorOf(ctx);
  const data = ev.data;
  const out = new RouteEvaluation();
  const left: number[] = [];
  let work = 0;
  const kindOf = vehicleKinds(ctx);
  const orders = removed.map((first, i) => ({ first, order: orderTasks(ctx, first), i }));
  orders.sort((a, b) => orderPriority(ctx, b.order) - orderPriority(ctx, a.order) || b.order.length - a.order.length || a.i - b.i);
  let trial = new Int32Array(16);
  for (const { first, order } of orders) {
    if (stop()) {
      skipped.push(first);
      continue;
    }
    let best = Infinity, bestK = -1, bestP = -1, bestQ = -1;
    const triedEmpty = new Set<string>();
    const anyEmpty = restricted(ctx, order);
    for (let k = 0; k < ctx.problem.vehicles.length && work < workLimit; k++) {
      if (!order.every((t) => ev.allowed(t, k))) continue;
      const route = plan.get(k) ?? [];
      if (route.length + order.length > data.maxTasks[k]) continue;
      if (route.length === 0) {
        if (!anyEmpty && triedEmpty.has(kindOf[k])) continue;
        triedEmpty.add(kindOf[k]);
      }
      if (trial.length < route.length + 2) trial = new Int32Array(2 * (route.length + 2));
      const base = route.length > 0 ? ev.evaluate(k, route, route.length, out).cost : 0;
      const n = route.length;
      // Pickup (or the job) before position p, delivery before position q ≥ p of the original route.
      for (let p = 0; p <= n && work < workLimit; p++) {
        for (let q = p; q <= (order.length === 1 ? p : n) && work < workLimit; q++) {
          let m = 0;
          for (let i = 0; i <= n; i++) {
            if (i === p) trial[m++] = order[0];
            if (order.length === 2 && i === q) trial[m++] = order[1];
            if (i < n) trial[m++] = route[i];
          }
          work += m;
          ev.evaluate(k, trial, m, out);
          if (out.violations === 0 && out.cost - base < best) {
            best = out.cost - base; bestK = k; bestP = p; bestQ = q;
          }
        }
      }
    }
    if (bestK < 0) {
      left.push(first);
      continue;
    }
    const route = (plan.get(bestK) ?? []).slice();
    if (order.length === 2) route.splice(bestQ, 0, order[1]);
    route.splice(bestP, 0, order[0]);
    plan.set(bestK, route);
  }
  return left;
}

/** Assembles the public solution from per-vehicle task lists. */
export function buildSolution(ctx: DecodeContext, plan: Map<number, number[]>, unassigned: Unassigned[]): Solution {
  const routes: Route[] = [];
  const ks = [...plan.keys()].sort((a, b) => a - b);
  for (const k of ks) {
    const route = plan.get(k)!;
    if (route.length === 0) continue;
    routes.push(simulateRoute(ctx, k, route).route);
  }
  return assembleSolution(ctx, routes, unassigned);
}

/** The public solution of simulated routes (`simulateRoute`, in vehicle order) and the unassigned entries: sums the summary. */
export function assembleSolution(ctx: DecodeContext, routes: Route[], unassigned: Unassigned[]): Solution {
  const data = evaluatorOf(ctx).data;
  const dims = data.dims;
  const summary = {
    cost: 0, priority: 0, routes: routes.length, unassigned: unassigned.length, distance: 0, duration: 0, waiting: 0, service: 0,
    delivery: new Array<number>(dims).fill(0), pickup: new Array<number>(dims).fill(0),
  };
  let latenessCost = 0;
  for (const r of routes) {
    latenessCost += r.latenessCost ?? 0;
    summary.cost += r.cost;
    summary.priority += r.priority ?? 0;
    summary.distance += r.distance;
    summary.duration += r.duration;
    summary.waiting += r.waiting;
    summary.service += r.service;
    for (let q = 0; q < dims; q++) {
      summary.delivery[q] += r.delivery[q];
      summary.pickup[q] += r.pickup[q];
    }
  }
  return { summary: data.anySoft ? { ...summary, latenessCost } : summary, routes, unassigned };
}

/**
 * The decode after a search (docs/semantics.md, solver section): the search's
 * per-vehicle task lists `plan` (changed in place) are re-evaluated exactly;
 * violating routes move to another vehicle, then orders are dropped until
 * every route is feasible, then the dropped orders and the `candidates` the
 * plan does not serve (task indices of the search's clients; the search may
 * leave optional ones out) are reinserted where they fit. What stays out is
 * listed after `unassigned` (the orders refused before the search) as
 * `fleet-exhausted`: the compiler kept only orders some vehicle can serve
 * alone. With `polish` (the search saw a relaxed model), routes are then
 * improved by exact intra-route moves (decode-polish.ts). Returns the solution.
 *
 * `stop` (an abort) cuts the repair short (docs/semantics.md, "Abort"): no
 * more vehicle moves, a violating route loses all its orders, orders not yet
 * reinserted stay out with reason `aborted`, no polish. The plan stays valid.
 */
export function decodePlan(
  ctx: DecodeContext, plan: Map<number, number[]>, candidates: ArrayLike<number>, unassigned: Unassigned[], polish = false,
  stop: () => boolean = noStop,
): Solution {
  reassignVehicles(ctx, plan, undefined, stop);
  const removed: number[] = [];
  makeFeasible(ctx, plan, removed, stop);
  const placed = new Set<number>();
  for (const route of plan.values()) for (const t of route) placed.add(t);
  const missing = new Set(removed);
  for (let i = 0; i < candidates.length; i++) {
    const t = candidates[i];
    // one entry per order: a job, or a shipment's pickup
    if (ctx.tasks.tasks[t].kind === 'delivery' || placed.has(t)) continue;
    missing.add(t);
  }
  const skipped: number[] = [];
  const left = missing.size > 0 ? reinsert(ctx, plan, [...missing], undefined, stop, skipped) : [];
  if (polish && !stop()) polishRoutes(ctx, plan);
  const all = [...unassigned];
  for (const t of left) all.push(unassignedOrder(ctx, t, 'fleet-exhausted', 'no feasible room for the job in the fleet was found'));
  for (const t of skipped) all.push(unassignedOrder(ctx, t, 'aborted', 'the solve was aborted before the job was planned'));
  return buildSolution(ctx, plan, all);
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

function noStop(): boolean {
  return false;
}

export type { Problem };
