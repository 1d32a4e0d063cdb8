/**
 * Evaluation of one route exactly as `docs/semantics.md` defines it: departure
 * (`d*` when the plan does not state it), arrival / waiting / service start /
 * departure at every stop, loads, distance, duration and cost, and the route's
 * violations. Part of the independent checker: plain, obviously-correct code
 * that never imports solver internals.
 */
import type { Id, Job, Location, Step, Vehicle } from './types.js';
import type { ResolvedTravel } from './travel.js';

/** A violation code of docs/semantics.md (plus `missing-reason` for unassigned jobs without one). */
export type ViolationCode =
  | 'late'
  | 'capacity'
  | 'shift-start'
  | 'shift-end'
  | 'max-duration'
  | 'max-distance'
  | 'release-time'
  | 'dispatch-deadline'
  | 'not-allowed'
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
  job?: Id;
  /** By how much the limit is exceeded (time units, distance units, load units), or claim − derived. */
  amount?: number;
  /** JSON pointer into the plan, for `claim-mismatch` and plan-structure violations. */
  pointer?: string;
}

/**
 * A step with every number re-derived by the checker: the public `Step` (for an
 * open start/end, `location` is the first/last job's) plus its lateness.
 */
export interface CheckedStep extends Step {
  /** How late service starts after the last window's end (0 when on time). */
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
  waiting: number;
  service: number;
  delivery: number[];
  pickup: number[];
  /** Total lateness over the route's jobs. */
  lateness: number;
  /** True when this route has no violation of its own (claims excluded). */
  feasible: boolean;
}

/** What the route evaluator needs from the problem, resolved once per check. */
export interface RouteContext {
  jobs: Job[];
  vehicles: Vehicle[];
  travel: ResolvedTravel;
  /** Number of capacity dimensions. */
  dims: number;
  /** Absolute and relative slack allowed before a limit counts as broken (floating-point noise). */
  epsAbs: number;
  epsRel: number;
}

const DEFAULT_COSTS = { fixed: 0, perDistance: 1, perDuration: 0 };

/** Timeline of a route at a given departure: the schedule half of the semantics. */
interface Timeline {
  arrival: Float64Array;
  serviceStart: Float64Array;
  departure: Float64Array;
  lateness: Float64Array;
  /** End of the window used at each job (+Infinity without windows). */
  usedWindowEnd: Float64Array;
  /** Distance from the route start to each job. */
  distanceTo: Float64Array;
  endArrival: number;
  distance: number;
  /** Arcs with infinite or NaN travel: the job index after the arc, or -1 for the arc to the end. */
  unreachable: number[];
}

/** Tolerance allowed around a limit `x`. */
function eps(ctx: RouteContext, x: number): number {
  return ctx.epsAbs + ctx.epsRel * (Number.isFinite(x) ? Math.abs(x) : 0);
}

/** Runs the schedule of `docs/semantics.md` from departure `d` over jobs `route` (job indices). */
function timeline(ctx: RouteContext, vehicleIndex: number, route: number[], d: number): Timeline {
  const { travel, jobs } = ctx;
  const m = route.length;
  const tl: Timeline = {
    arrival: new Float64Array(m),
    serviceStart: new Float64Array(m),
    departure: new Float64Array(m),
    lateness: new Float64Array(m),
    usedWindowEnd: new Float64Array(m),
    distanceTo: new Float64Array(m),
    endArrival: d,
    distance: 0,
    unreachable: [],
  };
  let t = d;
  let prev = travel.vehicleStart[vehicleIndex];
  let dist = 0;
  for (let i = 0; i < m; i++) {
    const job = jobs[route[i]];
    const loc = travel.jobLocation[route[i]];
    let arrival: number;
    if (prev < 0) {
      arrival = d; // open start: the route begins at its first job
    } else {
      const dur = travel.duration(prev, loc);
      const len = travel.distance(prev, loc);
      if (!Number.isFinite(dur) || !Number.isFinite(len)) tl.unreachable.push(i);
      arrival = t + dur;
      dist += len;
    }
    let serviceStart = arrival;
    let usedEnd = Infinity;
    let lateness = 0;
    const windows = job.timeWindows;
    if (windows && windows.length > 0) {
      let used = -1;
      for (let w = 0; w < windows.length; w++) {
        if (windows[w][1] + eps(ctx, windows[w][1]) >= arrival) {
          used = w;
          break;
        }
      }
      if (used >= 0) {
        serviceStart = Math.max(arrival, windows[used][0]);
        usedEnd = windows[used][1];
      } else {
        usedEnd = windows[windows.length - 1][1];
        lateness = arrival - usedEnd;
      }
    }
    tl.arrival[i] = arrival;
    tl.serviceStart[i] = serviceStart;
    tl.departure[i] = serviceStart + (job.serviceDuration ?? 0);
    tl.lateness[i] = lateness;
    tl.usedWindowEnd[i] = usedEnd;
    tl.distanceTo[i] = dist;
    t = tl.departure[i];
    prev = loc;
  }
  const end = travel.vehicleEnd[vehicleIndex];
  if (m > 0 && end >= 0 && prev >= 0) {
    const dur = travel.duration(prev, end);
    const len = travel.distance(prev, end);
    if (!Number.isFinite(dur) || !Number.isFinite(len)) tl.unreachable.push(-1);
    t += dur;
    dist += len;
  }
  tl.endArrival = t;
  tl.distance = dist;
  return tl;
}

/** Earliest and latest allowed departure of a route: `e` and `D` of the semantics. */
export function departureBounds(ctx: RouteContext, vehicleIndex: number, route: number[]): { e: number; D: number } {
  const v = ctx.vehicles[vehicleIndex];
  let e = v.shift ? v.shift[0] : -Infinity;
  let D = Infinity;
  for (const j of route) {
    const job = ctx.jobs[j];
    if (job.releaseTime !== undefined && job.releaseTime > e) e = job.releaseTime;
    if (job.dispatchDeadline !== undefined && job.dispatchDeadline < D) D = job.dispatchDeadline;
  }
  if (e === -Infinity) e = 0;
  return { e, D };
}

/**
 * The departure `d*` of docs/semantics.md: `e + min(slack, D − e)`, never below `e`.
 * `slack` is the forward time slack of the earliest schedule (0 when it is late
 * somewhere). When nothing bounds it (no finite window end, no shift end), it is
 * taken as the schedule's total waiting: departing later than that cannot shorten
 * the route any further.
 */
export function defaultDeparture(ctx: RouteContext, vehicleIndex: number, route: number[]): number {
  const { e, D } = departureBounds(ctx, vehicleIndex, route);
  if (route.length === 0) return e;
  const tl = timeline(ctx, vehicleIndex, route, e);
  let waitedBefore = 0;
  let slack = Infinity;
  let late = false;
  for (let i = 0; i < route.length; i++) {
    if (tl.lateness[i] > 0) late = true;
    slack = Math.min(slack, waitedBefore + tl.usedWindowEnd[i] - tl.arrival[i]);
    waitedBefore += tl.serviceStart[i] - tl.arrival[i];
  }
  const v = ctx.vehicles[vehicleIndex];
  const shiftEnd = v.shift ? v.shift[1] : Infinity;
  slack = Math.min(slack, waitedBefore + shiftEnd - tl.endArrival);
  if (late || !(slack > 0)) slack = 0;
  if (slack === Infinity) slack = waitedBefore;
  const d = e + Math.min(slack, D - e);
  return d < e || Number.isNaN(d) ? e : d;
}

/**
 * Evaluates one route of vehicle `vehicleIndex` visiting jobs `route` (job indices)
 * and appends its violations. `statedDeparture` is the plan's start departure, if any.
 */
export function evaluateRoute(
  ctx: RouteContext,
  index: number,
  vehicleIndex: number,
  route: number[],
  statedDeparture: number | undefined,
  violations: Violation[],
): CheckedRoute {
  const { jobs, dims } = ctx;
  const v = ctx.vehicles[vehicleIndex];
  const vehicle = v.id;
  const m = route.length;
  const d = statedDeparture ?? defaultDeparture(ctx, vehicleIndex, route);
  const tl = timeline(ctx, vehicleIndex, route, d);

  // Loads: deliveries ride from the start, pickups ride to the end.
  const delivery = new Array<number>(dims).fill(0);
  const pickup = new Array<number>(dims).fill(0);
  for (const j of route) {
    const job = jobs[j];
    for (let k = 0; k < dims; k++) {
      delivery[k] += job.delivery?.[k] ?? 0;
      pickup[k] += job.pickup?.[k] ?? 0;
    }
  }
  const capacity = v.capacity;
  let load = delivery.slice();
  let worstExcess = 0;
  let worstAt = -2; // -1 = at the start, i = after job i
  const checkLoad = (at: number) => {
    if (!capacity) return;
    for (let k = 0; k < dims; k++) {
      const excess = load[k] - (capacity[k] ?? 0);
      if (excess > eps(ctx, capacity[k] ?? 0) && excess > worstExcess) {
        worstExcess = excess;
        worstAt = at;
      }
    }
  };

  const startLocation: Location | undefined = v.start ?? (m > 0 ? jobs[route[0]].location : undefined);
  const steps: CheckedStep[] = [
    {
      type: 'start',
      location: startLocation,
      arrival: d,
      waiting: 0,
      serviceStart: d,
      departure: d,
      load: load.slice(),
      distance: 0,
      lateness: 0,
    },
  ];
  checkLoad(-1);
  let waiting = 0;
  let service = 0;
  let lateness = 0;
  for (let i = 0; i < m; i++) {
    const job = jobs[route[i]];
    for (let k = 0; k < dims; k++) load[k] += (job.pickup?.[k] ?? 0) - (job.delivery?.[k] ?? 0);
    checkLoad(i);
    waiting += tl.serviceStart[i] - tl.arrival[i];
    service += job.serviceDuration ?? 0;
    lateness += tl.lateness[i];
    steps.push({
      type: 'job',
      id: job.id,
      location: job.location,
      arrival: tl.arrival[i],
      waiting: tl.serviceStart[i] - tl.arrival[i],
      serviceStart: tl.serviceStart[i],
      departure: tl.departure[i],
      load: load.slice(),
      distance: tl.distanceTo[i],
      lateness: tl.lateness[i],
    });
  }
  const endLocation = v.end ?? (m > 0 ? jobs[route[m - 1]].location : startLocation);
  steps.push({
    type: 'end',
    location: endLocation,
    arrival: tl.endArrival,
    waiting: 0,
    serviceStart: tl.endArrival,
    departure: tl.endArrival,
    load: load.slice(),
    distance: tl.distance,
    lateness: 0,
  });

  const empty = m === 0;
  const duration = empty ? 0 : tl.endArrival - d;
  const distance = empty ? 0 : tl.distance;
  const costs = {
    fixed: v.costs?.fixed ?? DEFAULT_COSTS.fixed,
    perDistance: v.costs?.perDistance ?? DEFAULT_COSTS.perDistance,
    perDuration: v.costs?.perDuration ?? DEFAULT_COSTS.perDuration,
  };
  // A zero coefficient contributes nothing, even over an unreachable (infinite) arc: 0 × ∞ would be NaN.
  const term = (coefficient: number, amount: number) => (coefficient === 0 ? 0 : coefficient * amount);
  const cost = empty ? 0 : costs.fixed + term(costs.perDistance, distance) + term(costs.perDuration, duration);
  const before = violations.length;
  const add = (code: ViolationCode, message: string, extra: Partial<Violation> = {}) =>
    violations.push({ code, message, route: index, vehicle, ...extra });

  if (!empty) {
    for (const i of tl.unreachable) {
      const to = i >= 0 ? `job ${String(jobs[route[i]].id)}` : 'the route end';
      add('unreachable', `vehicle ${String(vehicle)}: the arc to ${to} has no finite travel`, i >= 0 ? { job: jobs[route[i]].id } : {});
    }
    for (let i = 0; i < m; i++) {
      const job = jobs[route[i]];
      if (tl.lateness[i] > 0) {
        add('late', `job ${String(job.id)} is late by ${tl.lateness[i]}`, { job: job.id, amount: tl.lateness[i] });
      }
      if (job.releaseTime !== undefined && d < job.releaseTime - eps(ctx, job.releaseTime)) {
        add('release-time', `vehicle ${String(vehicle)} departs at ${d}, before job ${String(job.id)}'s release time ${job.releaseTime}`, {
          job: job.id,
          amount: job.releaseTime - d,
        });
      }
      if (job.dispatchDeadline !== undefined && d > job.dispatchDeadline + eps(ctx, job.dispatchDeadline)) {
        add('dispatch-deadline', `vehicle ${String(vehicle)} departs at ${d}, after job ${String(job.id)}'s dispatch deadline ${job.dispatchDeadline}`, {
          job: job.id,
          amount: d - job.dispatchDeadline,
        });
      }
      if (job.allowedVehicles && !job.allowedVehicles.some((a) => a === vehicle)) {
        add('not-allowed', `job ${String(job.id)} may not be served by vehicle ${String(vehicle)}`, { job: job.id });
      }
    }
    if (worstAt > -2) {
      const where = worstAt < 0 ? 'at the start' : `after job ${String(jobs[route[worstAt]].id)}`;
      add('capacity', `vehicle ${String(vehicle)} is overloaded by ${worstExcess} ${where}`, {
        amount: worstExcess,
        ...(worstAt >= 0 ? { job: jobs[route[worstAt]].id } : {}),
      });
    }
    if (v.shift) {
      const [shiftStart, shiftEnd] = v.shift;
      if (d < shiftStart - eps(ctx, shiftStart)) {
        add('shift-start', `vehicle ${String(vehicle)} departs at ${d}, before its shift starts at ${shiftStart}`, { amount: shiftStart - d });
      }
      if (tl.endArrival > shiftEnd + eps(ctx, shiftEnd)) {
        add('shift-end', `vehicle ${String(vehicle)} ends at ${tl.endArrival}, after its shift ends at ${shiftEnd}`, {
          amount: tl.endArrival - shiftEnd,
        });
      }
    }
    if (v.maxDuration !== undefined && duration > v.maxDuration + eps(ctx, v.maxDuration)) {
      add('max-duration', `vehicle ${String(vehicle)}'s route lasts ${duration} > maxDuration ${v.maxDuration}`, {
        amount: duration - v.maxDuration,
      });
    }
    if (v.maxDistance !== undefined && distance > v.maxDistance + eps(ctx, v.maxDistance)) {
      add('max-distance', `vehicle ${String(vehicle)}'s route is ${distance} long > maxDistance ${v.maxDistance}`, {
        amount: distance - v.maxDistance,
      });
    }
  }

  return {
    index,
    vehicle,
    vehicleIndex,
    steps,
    cost,
    distance,
    duration,
    waiting,
    service,
    delivery,
    pickup,
    lateness,
    feasible: violations.length === before,
  };
}
