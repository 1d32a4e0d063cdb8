/**
 * Logistics KPIs of a plan (and, where given, of the orders' actual events).
 *
 * Every time, load, distance and cost is taken from the independent checker's
 * re-derived routes (`checkSolution`), never from numbers the solution states;
 * `plan.feasible` / `plan.violations` say whether the checker accepted the plan.
 * Conventions: a mean, spread or rate over an empty set is `null` (never NaN);
 * counts, sums and maxima over an empty set are 0.
 */
import { VrpkitError } from '../core/errors.js';
import { capacityDimensions, planIssues } from '../model/check.js';
import type { Id, Problem, RoutePlan, Solution } from '../model/types.js';
import { parseOrders, type SlaOrder } from '../sla/orders.js';
import { idLookup, parseTimeFrame } from '../sla/plan.js';
import { plannedJobs } from '../sla/planned.js';
import type { SlaPolicy } from '../sla/policy.js';
import type { TimeInput } from '../sla/time.js';
import { meanOf, ratio, spread, type Spread } from './stats.js';

export interface KpiOptions {
  /** Orders with their actual events: switches the order KPIs to SLA terms (epoch ms). */
  orders?: readonly SlaOrder[];
  /** The instant problem time 0 stands for; needed to use planned ETAs and windows with `orders`. */
  timeOrigin?: TimeInput;
  /** Milliseconds per problem time unit. Default 1000. */
  timeUnitMs?: number;
  /** Policy overrides for the orders (only used to validate them). */
  policy?: Partial<SlaPolicy>;
  /** The previous plan, for the route change rate. */
  previous?: RoutePlan | Solution;
}

/**
 * On-time figures over orders. Without `options.orders` an order is a job of
 * the problem: delivered at its planned service start, due by the end of its
 * last time window (no window: never late). With `options.orders` an order is
 * delivered at `deliveredAt`, else at its planned ETA (its job's service start,
 * needs `timeOrigin`), and due by `promisedBy`, else by its job's last window end.
 */
export interface OrderKpis {
  /** `plan`: jobs and problem time units; `orders`: the given orders and milliseconds. */
  source: 'plan' | 'orders';
  total: number;
  /** Has a delivery time, no later than its due time (or no due time). */
  onTime: number;
  /** Has a delivery time after its due time. */
  late: number;
  /** No delivery time at all: unassigned / not in the plan and not delivered. */
  open: number;
  /** onTime / total. */
  onTimeRate: number | null;
  /** late / total. */
  delayRate: number | null;
  /** Lateness = delivery − due over late orders: mean (null when none is late), max and sum (0 when none). */
  lateness: { mean: number | null; max: number; total: number };
}

export interface RouteKpis {
  vehicle: Id;
  stops: number;
  duration: number;
  distance: number;
  cost: number;
  /** Highest load on board per capacity dimension (at the start or after any job). */
  peakLoad: number[];
  /** peakLoad / capacity per dimension; null where the capacity is unlimited or 0. */
  loadFactor: (number | null)[];
  /** Shift length (end − start) when finite, else the vehicle's maxDuration; null when neither. */
  workingTimeLimit: number | null;
  /** duration / workingTimeLimit. */
  workingTimeFactor: number | null;
  /** Tasks of the route that start after the end of their last window. */
  lateStops: number;
}

/**
 * Late stops of the plan, from the checker: tasks (jobs, pickups, deliveries)
 * that start after the end of their last window, whether soft windows allow it
 * or it is a violation; lateness in problem time units.
 */
export interface LateStopKpis {
  count: number;
  /** Summed and largest lateness over the late stops (0 when none). */
  total: number;
  max: number;
  /** What the plan pays for lateness (Σ latenessCost × lateness), part of its cost. */
  cost: number;
}

export interface Kpis {
  /** The checker's verdict on the plan the figures stand on. */
  plan: { feasible: boolean; violations: number };
  orders: OrderKpis;
  /** Order cycle time, receipt → delivery (actual or planned), ms; null without `options.orders`. */
  cycleTime: Spread | null;
  utilisation: {
    vehiclesAvailable: number;
    /** Vehicles whose route has at least one job. */
    vehiclesUsed: number;
    /** vehiclesUsed / vehiclesAvailable. */
    fleetUsage: number | null;
    /** Mean loadFactor per dimension over used routes where it is defined. */
    load: (number | null)[];
    /** Mean workingTimeFactor over used routes where it is defined. */
    workingTime: number | null;
  };
  lateStops: LateStopKpis;
  /** Workload balance between drivers: spreads over used routes only. */
  balance: { duration: Spread; stops: Spread };
  cost: {
    cost: number;
    distance: number;
    duration: number;
    /** Jobs served by the plan. */
    served: number;
    /** cost / served. */
    costPerOrder: number | null;
    /** distance / served. */
    distancePerOrder: number | null;
  };
  /** Between `options.previous` and this plan; null without `previous`. */
  change: ChangeKpis | null;
  routes: RouteKpis[];
}

/**
 * Route change rate. Compared: jobs of the problem that the previous plan
 * routes or lists as unassigned. Changed: routed in both on another vehicle
 * (`vehicleChanged`) or on the same vehicle at another 0-based position among
 * its jobs (`positionChanged`), or routed in one plan only. rate = changed / compared.
 */
export interface ChangeKpis {
  compared: number;
  changed: number;
  vehicleChanged: number;
  positionChanged: number;
  newlyAssigned: number;
  newlyUnassigned: number;
  rate: number | null;
}

/** Job id → vehicle and 0-based position among the route's jobs (first occurrence), plus unassigned ids. */
function positions(plan: RoutePlan | Solution): { routed: Map<Id, { vehicle: Id; position: number }>; unassigned: Set<Id> } {
  const routed = new Map<Id, { vehicle: Id; position: number }>();
  for (const r of plan.routes) {
    let position = 0;
    for (const s of r.steps) {
      if (s.type !== 'job' || s.id === undefined) continue;
      if (!routed.has(s.id)) routed.set(s.id, { vehicle: r.vehicle, position });
      position++;
    }
  }
  const unassigned = new Set<Id>();
  for (const u of plan.unassigned ?? []) if (!routed.has(u.id)) unassigned.add(u.id);
  return { routed, unassigned };
}

/** The route change rate between two plans of the same problem (see `ChangeKpis`). */
export function changeRate(problem: Problem, previous: RoutePlan | Solution, current: RoutePlan | Solution): ChangeKpis {
  const before = positions(previous);
  const after = positions(current);
  const c: ChangeKpis = { compared: 0, changed: 0, vehicleChanged: 0, positionChanged: 0, newlyAssigned: 0, newlyUnassigned: 0, rate: null };
  for (const job of problem.jobs) {
    const p = before.routed.get(job.id);
    if (!p && !before.unassigned.has(job.id)) continue;
    c.compared++;
    const q = after.routed.get(job.id);
    if (p && q) {
      if (p.vehicle !== q.vehicle) c.vehicleChanged++;
      else if (p.position !== q.position) c.positionChanged++;
    } else if (p) c.newlyUnassigned++;
    else if (q) c.newlyAssigned++;
  }
  c.changed = c.vehicleChanged + c.positionChanged + c.newlyAssigned + c.newlyUnassigned;
  c.rate = ratio(c.changed, c.compared);
  return c;
}

function orderKpis(source: OrderKpis['source'], items: { delivery?: number; due?: number }[]): OrderKpis {
  // In plan mode (problem time units) use the checker's feasibility tolerance (1e-9 relative +
  // 1e-9 absolute), so float noise in summed travel times is not lateness; order mode compares
  // epoch milliseconds exactly.
  const relTol = source === 'orders' ? 0 : 1e-9;
  let onTime = 0;
  let late = 0;
  let open = 0;
  const lateness: number[] = [];
  for (const { delivery, due } of items) {
    if (delivery === undefined) open++;
    else if (due === undefined || delivery <= due + relTol * (1 + Math.abs(due))) onTime++;
    else {
      late++;
      lateness.push(delivery - due);
    }
  }
  const total = items.length;
  return {
    source,
    total,
    onTime,
    late,
    open,
    onTimeRate: ratio(onTime, total),
    delayRate: ratio(late, total),
    lateness: { mean: meanOf(lateness), max: lateness.reduce((a, b) => Math.max(a, b), 0), total: lateness.reduce((a, b) => a + b, 0) },
  };
}

function lastWindowEnd(windows: [number, number][] | undefined): number | undefined {
  if (!windows || windows.length === 0) return undefined;
  const end = windows[windows.length - 1][1];
  return Number.isFinite(end) ? end : undefined;
}

/**
 * Computes the KPIs of `solution` for `problem` (see `Kpis` for every formula).
 * Throws a `VrpkitError` for malformed orders or a `previous` plan not shaped like routes.
 */
export function computeKpis(problem: Problem, solution: RoutePlan | Solution, options: KpiOptions = {}): Kpis {
  if (options.previous !== undefined) {
    const issues = planIssues(options.previous).map((i) => ({ ...i, pointer: '/previous' + i.pointer }));
    if (issues.length > 0) throw VrpkitError.fromIssues(issues);
  }
  const planned = plannedJobs(problem, solution);
  const { check } = planned;

  // Orders and cycle time.
  let orders: OrderKpis;
  let cycleTime: Spread | null = null;
  if (options.orders === undefined) {
    orders = orderKpis(
      'plan',
      problem.jobs.map((job) => ({ delivery: planned.routed.get(job.id)?.serviceStart, due: lastWindowEnd(job.timeWindows) })),
    );
  } else {
    const parsed = parseOrders(options.orders, options.policy);
    const frame = options.timeOrigin === undefined ? undefined : parseTimeFrame(options);
    const toMs = (t: number | undefined) => (t === undefined || !frame ? undefined : frame.origin + t * frame.unit);
    const findJob = idLookup(problem.jobs);
    const cycles: number[] = [];
    const items = parsed.map((o) => {
      const job = findJob(o.id);
      const visit = job && planned.routed.get(job.id);
      const delivery = o.deliveredAt ?? toMs(visit?.serviceStart);
      if (delivery !== undefined) cycles.push(delivery - o.receivedAt);
      return { delivery, due: o.promisedBy ?? toMs(lastWindowEnd(job?.timeWindows)) };
    });
    orders = orderKpis('orders', items);
    cycleTime = spread(cycles);
  }

  // Routes: utilisation and balance over used routes.
  const dims = capacityDimensions(problem);
  const routes: RouteKpis[] = [];
  const lateStops: LateStopKpis = { count: 0, total: 0, max: 0, cost: check.summary.latenessCost };
  for (const r of check.routes) {
    for (const s of r.steps) {
      if (s.lateness > 0 && (s.type === 'job' || s.type === 'pickup' || s.type === 'delivery')) {
        lateStops.count++;
        lateStops.total += s.lateness;
        lateStops.max = Math.max(lateStops.max, s.lateness);
      }
    }
    const stops = r.steps.filter((s) => s.type === 'job').length;
    if (stops === 0) continue;
    const vehicle = problem.vehicles[r.vehicleIndex];
    const peakLoad = new Array<number>(dims).fill(0);
    for (const s of r.steps) for (let d = 0; d < dims; d++) peakLoad[d] = Math.max(peakLoad[d], s.load[d] ?? 0);
    const loadFactor = peakLoad.map((peak, d) => {
      const cap = vehicle.capacity?.[d];
      return cap === undefined || !Number.isFinite(cap) || cap === 0 ? null : peak / cap;
    });
    const shift = vehicle.shift;
    const shiftLength = shift && Number.isFinite(shift[1] - shift[0]) && shift[1] > shift[0] ? shift[1] - shift[0] : undefined;
    const limit = shiftLength ?? (vehicle.maxDuration !== undefined && vehicle.maxDuration > 0 ? vehicle.maxDuration : undefined);
    routes.push({
      vehicle: r.vehicle,
      stops,
      duration: r.duration,
      distance: r.distance,
      cost: r.cost,
      peakLoad,
      loadFactor,
      workingTimeLimit: limit ?? null,
      workingTimeFactor: limit === undefined ? null : r.duration / limit,
      lateStops: r.lateTasks,
    });
  }
  const load: (number | null)[] = [];
  for (let d = 0; d < dims; d++) {
    load.push(meanOf(routes.map((r) => r.loadFactor[d]).filter((x): x is number => x !== null)));
  }
  const served = planned.routed.size;
  return {
    plan: { feasible: check.feasible, violations: check.violations.length },
    orders,
    cycleTime,
    lateStops,
    utilisation: {
      vehiclesAvailable: problem.vehicles.length,
      vehiclesUsed: routes.length,
      fleetUsage: ratio(routes.length, problem.vehicles.length),
      load,
      workingTime: meanOf(routes.map((r) => r.workingTimeFactor).filter((x): x is number => x !== null)),
    },
    balance: { duration: spread(routes.map((r) => r.duration)), stops: spread(routes.map((r) => r.stops)) },
    cost: {
      cost: check.summary.cost,
      distance: check.summary.distance,
      duration: check.summary.duration,
      served,
      costPerOrder: ratio(check.summary.cost, served),
      distancePerOrder: ratio(check.summary.distance, served),
    },
    change: options.previous === undefined ? null : changeRate(problem, options.previous, solution),
    routes,
  };
}
