/**
 * Evaluation of one route exactly as `docs/semantics.md` defines it: departure
 * (`d*` when the plan does not state it), the schedule (`check-schedule.ts`),
 * loads, distance, duration and cost, and the route's violations. Part of the
 * independent checker: plain, obviously-correct code that never imports
 * solver internals.
 *
 * A route is a list of items: task indices (`tasks.ts`: jobs first, then the
 * pickup and delivery of every shipment) and the vehicle's breaks (`−1 − b`
 * for `vehicle.breaks[b]`, see `breakItem`).
 */
import type { Id, Location, Step } from './types.js';
import { eps, type RouteContext } from './check-context.js';
import { defaultDeparture, reserveTimeline, timeline } from './check-schedule.js';
import { routeViolations } from './check-rules.js';
import { derivedStep, type RouteTrace } from './check-trace.js';

export { capacityDimensions, routeContext, breakItem } from './check-context.js';
export type { RouteContext } from './check-context.js';
export { derivedStep, derivedStepNumbers, type RouteTrace, type StepNumbers } from './check-trace.js';
export { departureBounds, defaultDeparture } from './check-schedule.js';

/** A violation code of docs/semantics.md (plus `missing-reason` for unassigned entries without one). */
export type ViolationCode =
  | 'late'
  | 'capacity'
  | 'shift-start'
  | 'shift-end'
  | 'max-duration'
  | 'max-distance'
  | 'max-travel-time'
  | 'max-tasks'
  | 'release-time'
  | 'dispatch-deadline'
  | 'not-allowed'
  | 'skills'
  | 'service-radius'
  | 'precedence'
  | 'split-shipment'
  | 'half-served'
  | 'break-window'
  | 'break-load'
  | 'missing-break'
  | 'duplicate-break'
  | 'unknown-break'
  | 'unreachable'
  | 'missing-job'
  | 'duplicate-job'
  | 'unknown-job'
  | 'unknown-vehicle'
  | 'duplicate-vehicle'
  | 'missing-reason'
  | 'claim-mismatch'
  // check-plan.ts: steps out of order, an unassigned reason outside the documented list
  | 'step-order'
  | 'unknown-reason';

/** One reason why a plan is not feasible (or one number it states wrongly). */
export interface Violation {
  code: ViolationCode;
  message: string;
  /** Index of the route in the plan's `routes`. */
  route?: number;
  vehicle?: Id;
  /** The job id, or the stop id for a shipment stop. */
  job?: Id;
  /** The shipment id, for violations about a shipment or one of its stops. */
  shipment?: Id;
  /** The break id, for violations about a break. */
  break?: Id;
  /** By how much the limit is exceeded (time units, distance units, load units), or claim − derived. */
  amount?: number;
  /** JSON pointer into the plan, for `claim-mismatch` and plan-structure violations. */
  pointer?: string;
}

/**
 * A step with every number re-derived by the checker: the public `Step` (for an
 * open start/end, `location` is the first/last task's; breaks have none) plus
 * its lateness.
 */
export interface CheckedStep extends Step {
  /** How late the task or break starts after its last window's end (0 when on time). */
  lateness: number;
}

/** A route with every number re-derived by the checker. */
export interface CheckedRoute {
  /** Index of the route in the plan's `routes`. */
  index: number;
  vehicle: Id;
  /** Index of the vehicle in `problem.vehicles`. */
  vehicleIndex: number;
  steps: CheckedStep[];
  cost: number;
  distance: number;
  /** End arrival − start departure (0 for an empty route). */
  duration: number;
  /** Sum of the arc durations (after the vehicle's speed factor). */
  travelTime: number;
  waiting: number;
  /** Service time of the tasks. */
  service: number;
  /** Setup time of the tasks. */
  setup: number;
  /** Sum of the break durations. */
  breakDuration: number;
  /** Number of tasks (jobs, pickups, deliveries). */
  tasks: number;
  /** Summed priority of the tasks (a shipment counts once per stop). */
  priority: number;
  delivery: number[];
  pickup: number[];
  /** Total lateness over the route's tasks and breaks. */
  lateness: number;
  /** Tasks that start after the end of their last window (soft or not). */
  lateTasks: number;
  /** The part of `cost` that prices lateness: Σ latenessCost × lateness over the route's tasks. */
  latenessCost: number;
  /** True when this route has no violation of its own (claims excluded). */
  feasible: boolean;
}

/** The amount a task unloads at its stop (a job's delivery, a shipment's amount at its delivery stop). */
function deliveryOf(ctx: RouteContext, t: number): number[] | undefined {
  const task = ctx.tasks.tasks[t];
  if (task.kind === 'job') return ctx.problem.jobs[task.owner].delivery;
  return task.kind === 'delivery' ? ctx.problem.shipments![task.owner].amount : undefined;
}

/** The amount a task loads at its stop (a job's pickup, a shipment's amount at its pickup stop). */
function pickupOf(ctx: RouteContext, t: number): number[] | undefined {
  const task = ctx.tasks.tasks[t];
  if (task.kind === 'job') return ctx.problem.jobs[task.owner].pickup;
  return task.kind === 'pickup' ? ctx.problem.shipments![task.owner].amount : undefined;
}

/** Worst excess of `load` over `limit` (beyond tolerance), or 0. */
function excessOver(ctx: RouteContext, load: number[], limit: number[] | undefined): number {
  if (!limit) return 0;
  let worst = 0;
  for (let k = 0; k < load.length; k++) {
    const excess = load[k] - (limit[k] ?? 0);
    if (excess > eps(ctx, limit[k] ?? 0) && excess > worst) worst = excess;
  }
  return worst;
}

/**
 * Evaluates one route of vehicle `vehicleIndex` over `items` (task indices and
 * breaks; for a problem without shipments and breaks these are job indices)
 * and appends its violations. `statedDeparture` is the plan's start departure,
 * if any. A route without tasks is empty: no schedule, no cost, no breaks.
 */
export function evaluateRoute(
  ctx: RouteContext,
  index: number,
  vehicleIndex: number,
  items: number[],
  statedDeparture: number | undefined,
  violations: Violation[],
): CheckedRoute {
  return evaluateRouteTrace(ctx, index, vehicleIndex, items, statedDeparture, violations, true).route;
}

/**
 * `evaluateRoute` that also returns the per-step numbers (`RouteTrace`); with
 * `withSteps` false the route's `steps` stay empty (every number is still
 * derived and every rule checked: build a step with `derivedStep` when needed).
 */
export function evaluateRouteTrace(
  ctx: RouteContext,
  index: number,
  vehicleIndex: number,
  items: number[],
  statedDeparture: number | undefined,
  violations: Violation[],
  withSteps: boolean,
): { route: CheckedRoute; trace: RouteTrace } {
  const { dims } = ctx;
  const tasks = ctx.tasks.tasks;
  const v = ctx.vehicles[vehicleIndex];
  const breaks = v.breaks ?? [];
  const route = items.filter((x) => x >= 0);
  const empty = route.length === 0;
  if (empty) items = route;
  const scratch = (ctx.scratch ??= { loads: new Float64Array(0) });
  let d = statedDeparture;
  if (d === undefined) {
    scratch.probe = reserveTimeline(items.length, scratch.probe);
    d = defaultDeparture(ctx, vehicleIndex, items, scratch.probe);
  }
  const tl = (scratch.schedule = timeline(ctx, vehicleIndex, items, d, scratch.schedule));

  // Loads: job deliveries ride from the start, job pickups ride to the end,
  // shipment amounts ride from their pickup to their delivery.
  const delivery = new Array<number>(dims).fill(0);
  const pickup = new Array<number>(dims).fill(0);
  const load = new Array<number>(dims).fill(0);
  for (const t of route) {
    const del = deliveryOf(ctx, t);
    const pick = pickupOf(ctx, t);
    for (let k = 0; k < dims; k++) {
      delivery[k] += del?.[k] ?? 0;
      pickup[k] += pick?.[k] ?? 0;
      if (tasks[t].kind === 'job') load[k] += del?.[k] ?? 0;
    }
  }
  /** Capacity excess: the worst one and where (−1 = at the start, else the item position). */
  const overload = { amount: excessOver(ctx, load, v.capacity), at: -1 };
  /** Break load excesses: item position → amount over `maxLoad`. */
  const breakOverload = new Map<number, number>();

  const startLocation: Location | undefined = v.start ?? (!empty ? tasks[route[0]].location : undefined);
  // the load after every derived step (start, items, end), row by row
  if (scratch.loads.length < (items.length + 2) * dims) scratch.loads = new Float64Array(Math.max((items.length + 2) * dims, 2 * scratch.loads.length));
  const loads = scratch.loads;
  for (let k = 0; k < dims; k++) loads[k] = load[k];
  let waiting = 0;
  let service = 0;
  let setup = 0;
  let breakDuration = 0;
  let lateness = 0;
  let lateTasks = 0;
  let latenessCost = 0;
  let priority = 0;
  // A zero coefficient contributes nothing, even over an unreachable (infinite) amount: 0 × ∞ would be NaN.
  const term = (coefficient: number | undefined, amount: number) => (!coefficient ? 0 : coefficient * amount);
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    waiting += tl.waiting[i];
    lateness += tl.lateness[i];
    if (x < 0) {
      const b = breaks[-1 - x];
      breakDuration += tl.service[i];
      const over = excessOver(ctx, load, b.maxLoad);
      if (over > 0) breakOverload.set(i, over);
    } else {
      const task = tasks[x];
      const del = deliveryOf(ctx, x);
      const pick = pickupOf(ctx, x);
      for (let k = 0; k < dims; k++) load[k] += (pick?.[k] ?? 0) - (del?.[k] ?? 0);
      const over = excessOver(ctx, load, v.capacity);
      if (over > overload.amount) {
        overload.amount = over;
        overload.at = i;
      }
      service += tl.service[i];
      setup += tl.setup[i];
      priority += task.priority;
      if (tl.lateness[i] > 0) {
        lateTasks++;
        latenessCost += term(task.latenessCost, tl.lateness[i]);
      }
    }
    for (let k = 0; k < dims; k++) loads[(i + 1) * dims + k] = load[k];
  }
  for (let k = 0; k < dims; k++) loads[(items.length + 1) * dims + k] = load[k];
  const endLocation = v.end ?? (!empty ? tasks[route[route.length - 1]].location : startLocation);
  const trace: RouteTrace = { vehicleIndex, items, d, tl, loads, dims, startLocation, endLocation };
  const steps: CheckedStep[] = [];
  if (withSteps) for (let s = 0; s < items.length + 2; s++) steps.push(derivedStep(ctx, trace, s));

  const duration = empty ? 0 : tl.endArrival - d;
  const distance = empty ? 0 : tl.distance;
  const travelTime = empty ? 0 : tl.travelTime;
  const c = v.costs ?? {};
  const travelCost = ctx.fleet[vehicleIndex].costs ? tl.arcCost : term(c.perDistance ?? 1, distance) + term(c.perTravelTime, travelTime);
  const cost = empty ? 0 : (c.fixed ?? 0) + travelCost + term(c.perDuration, duration) + term(c.perTaskTime, setup + service) + latenessCost;

  const before = violations.length;
  if (!empty) {
    routeViolations(ctx, {
      index,
      vehicleIndex,
      items,
      d,
      tl,
      duration,
      distance,
      travelTime,
      overload,
      breakOverload,
      violations,
    });
  }
  const checked: CheckedRoute = {
    index,
    vehicle: v.id,
    vehicleIndex,
    steps,
    cost,
    distance,
    duration,
    travelTime,
    waiting,
    service,
    setup,
    breakDuration,
    tasks: route.length,
    priority,
    delivery,
    pickup,
    lateness,
    lateTasks,
    latenessCost,
    feasible: violations.length === before,
  };
  return { route: checked, trace };
}
