/**
 * The SLA clock read against a plan: every order gets its planned departure
 * (its route's start departure) and ETA (its job's service start), and its
 * stages are re-judged with those as forecasts — a pending `depart` or
 * `deliver` stage whose planned time lies after its deadline is `at-risk`.
 *
 * - Times come from the independent checker's re-derived routes
 *   (`plannedJobs`), converted with `ms = timeOrigin + t × timeUnitMs`.
 * - An order whose job is unassigned (or missing from the plan) will not depart
 *   under this plan: its pending depart and deliver stages are `at-risk` with
 *   `forecast: null`.
 * - An order that matches no job of the problem keeps its plain `checkSla` statuses.
 * - The promised delivery time is the order's `promisedBy`; without it, the end of
 *   the job's last time window (the window the customer was given), if any.
 */
import type { Id, Problem, RoutePlan, Solution } from '../model/types.js';
import { evaluateOrder, parseNow, slaTotals, type SlaOrderResult, type SlaReport, type StageForecast } from './check.js';
import { parseOrders, type SlaOrder } from './orders.js';
import { idLookup, parseTimeFrame } from './plan.js';
import { plannedJobs } from './planned.js';
import type { SlaPolicy } from './policy.js';
import { toIso, type TimeInput } from './time.js';

/** What the plan does with an order's job. Times are epoch ms with ISO twins. */
export type OrderPlan =
  | {
      state: 'routed';
      vehicle: Id;
      /** 0-based position among the route's jobs. */
      position: number;
      departure: number;
      departureIso: string | null;
      arrival: number;
      arrivalIso: string | null;
      /** Service start: when the customer gets the order. */
      eta: number;
      etaIso: string | null;
    }
  | { state: 'unassigned'; reason?: string }
  /** The problem has no job with the order's id. */
  | { state: 'not-planned' };

export interface SlaForecastOrder extends SlaOrderResult {
  plan: OrderPlan;
}

export interface SlaForecastReport extends Omit<SlaReport, 'orders'> {
  orders: SlaForecastOrder[];
  /** The checker's verdict on the plan the forecast stands on. */
  planFeasible: boolean;
  planViolations: number;
}

export interface ForecastSlaOptions {
  /** The instant problem time 0 stands for. */
  timeOrigin: TimeInput;
  /** Milliseconds per problem time unit. Default 1000 (seconds). */
  timeUnitMs?: number;
  now: TimeInput;
  policy?: Partial<SlaPolicy>;
}

/**
 * Attaches the plan's departure and ETA to every order and judges its stages
 * with them as forecasts. Throws a `VrpkitError` for bad orders, options or a
 * plan that is not shaped like routes.
 */
export function forecastSla(problem: Problem, solution: RoutePlan | Solution, orders: readonly SlaOrder[], options: ForecastSlaOptions): SlaForecastReport {
  const now = parseNow(options?.now);
  const { origin, unit } = parseTimeFrame(options);
  const parsed = parseOrders(orders, options.policy);
  const planned = plannedJobs(problem, solution);
  const findJob = idLookup(problem.jobs);
  const toMs = (t: number) => origin + t * unit;

  const results: SlaForecastOrder[] = parsed.map((order) => {
    const job = findJob(order.id);
    if (!job) return { ...evaluateOrder(order, now), plan: { state: 'not-planned' } };
    let promised = order;
    const windows = job.timeWindows;
    if (order.promisedBy === undefined && windows && windows.length > 0 && Number.isFinite(windows[windows.length - 1][1])) {
      promised = { ...order, promisedBy: toMs(windows[windows.length - 1][1]) };
    }
    const visit = planned.routed.get(job.id);
    if (!visit) {
      const never: StageForecast = { depart: Infinity, deliver: Infinity };
      const reason = planned.unassigned.get(job.id);
      return { ...evaluateOrder(promised, now, never), plan: reason === undefined ? { state: 'unassigned' } : { state: 'unassigned', reason } };
    }
    const departure = toMs(visit.departure);
    const arrival = toMs(visit.arrival);
    const eta = toMs(visit.serviceStart);
    return {
      ...evaluateOrder(promised, now, { depart: departure, deliver: eta }),
      plan: {
        state: 'routed',
        vehicle: visit.vehicle,
        position: visit.position,
        departure,
        departureIso: toIso(departure),
        arrival,
        arrivalIso: toIso(arrival),
        eta,
        etaIso: toIso(eta),
      },
    };
  });
  return {
    now,
    nowIso: toIso(now),
    orders: results,
    totals: slaTotals(results),
    planFeasible: planned.check.feasible,
    planViolations: planned.check.violations.length,
  };
}
