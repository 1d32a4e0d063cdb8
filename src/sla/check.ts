/**
 * The SLA order clock: per order and stage, is it met, breached, pending or at risk?
 *
 * Deadlines chain (policy defaults in brackets):
 * - accept  by receivedAt + acceptWithinMs [1 h],
 * - process by (acceptedAt, or the accept deadline when not accepted yet) + processWithinMs [2 h],
 * - depart  by (processedAt, or the process deadline) + departWithinMs [3 h],
 * - deliver by promisedBy; without `promisedBy` the stage is `not-applicable`.
 *
 * Status of a stage with deadline D:
 * - it happened at t ≤ D → `met` (exactly on the deadline is met);
 * - it happened at t > D → `breached`, `breachMs = t − D` (one millisecond over is breached);
 * - it has not happened and now > D → `breached`, `breachMs = now − D` (no `at`: still open);
 * - it has not happened and now ≤ D → `pending`, `slackMs = D − now` (≥ 0), or
 *   `at-risk` (also with `slackMs`) when a forecast for the stage lies after D
 *   (`forecastBreachMs = forecast − D`) or the forecast says it will not happen at all.
 *
 * Event times are taken as given; they are not checked against `now`.
 * Times in the result are epoch ms with an ISO-8601 UTC twin (`deadline` + `deadlineIso`).
 */
import { VrpkitError } from '../core/errors.js';
import type { Id } from '../model/types.js';
import { SLA_STAGES, parseOrders, type ParsedOrder, type SlaOrder, type SlaStage } from './orders.js';
import type { SlaPolicy } from './policy.js';
import { parseInstant, toIso, type TimeInput } from './time.js';

export type SlaStatus = 'met' | 'breached' | 'pending' | 'at-risk' | 'not-applicable';

export interface SlaStageResult {
  status: SlaStatus;
  /** Epoch ms the stage is due by; null for `deliver` without `promisedBy`. */
  deadline: number | null;
  deadlineIso: string | null;
  /** When the stage happened (absent: not yet). */
  at?: number;
  atIso?: string;
  /** `pending` / `at-risk`: deadline − now (≥ 0). */
  slackMs?: number;
  /** `breached`: how late (> 0). */
  breachMs?: number;
  /** The forecast used for a stage that has not happened; null means "the forecast says never". */
  forecast?: number | null;
  forecastIso?: string | null;
  /** `at-risk` with a forecast time: forecast − deadline (> 0). */
  forecastBreachMs?: number;
}

export interface SlaOrderResult {
  id: Id;
  /** Position in the input list. */
  index: number;
  /** The worst stage: breached > at-risk > pending > met (not-applicable stages are ignored). */
  status: Exclude<SlaStatus, 'not-applicable'>;
  stages: Record<SlaStage, SlaStageResult>;
}

/** Counts per status. `onTimeRate = met / (met + breached)`: decided stages only; null when none is decided. */
export interface SlaTotals {
  total: number;
  met: number;
  breached: number;
  pending: number;
  atRisk: number;
  notApplicable: number;
  onTimeRate: number | null;
}

export interface SlaReport {
  now: number;
  nowIso: string | null;
  orders: SlaOrderResult[];
  /** Per stage, and `order` for the orders' overall status. */
  totals: Record<SlaStage | 'order', SlaTotals>;
}

export interface CheckSlaOptions {
  /** The time the clock is read at (required: the report must not depend on the machine's clock). */
  now: TimeInput;
  /** Global policy overrides (each order may override again with its own `policy`). */
  policy?: Partial<SlaPolicy>;
}

/** Forecast per stage; `Infinity` means the stage will not happen under the forecast. */
export type StageForecast = Partial<Record<SlaStage, number>>;

/** The deadlines of one order's stages (epoch ms; `deliver` null without `promisedBy`). */
export function stageDeadlines(order: ParsedOrder): { accept: number; process: number; depart: number; deliver: number | null } {
  const p = order.policy;
  const accept = order.receivedAt + p.acceptWithinMs;
  const process = (order.acceptedAt ?? accept) + p.processWithinMs;
  const depart = (order.processedAt ?? process) + p.departWithinMs;
  return { accept, process, depart, deliver: order.promisedBy ?? null };
}

const ACTUAL: Record<SlaStage, 'acceptedAt' | 'processedAt' | 'departedAt' | 'deliveredAt'> = {
  accept: 'acceptedAt',
  process: 'processedAt',
  depart: 'departedAt',
  deliver: 'deliveredAt',
};

function stageResult(deadline: number | null, at: number | undefined, now: number, forecast: number | undefined): SlaStageResult {
  const r: SlaStageResult = { status: 'not-applicable', deadline, deadlineIso: deadline === null ? null : toIso(deadline) };
  if (at !== undefined) {
    r.at = at;
    r.atIso = toIso(at) ?? undefined;
  }
  if (deadline === null) return r;
  if (at !== undefined) {
    if (at <= deadline) r.status = 'met';
    else {
      r.status = 'breached';
      r.breachMs = at - deadline;
    }
    return r;
  }
  if (now > deadline) {
    r.status = 'breached';
    r.breachMs = now - deadline;
    return r;
  }
  r.status = 'pending';
  r.slackMs = deadline - now;
  if (forecast !== undefined) {
    const never = !Number.isFinite(forecast);
    r.forecast = never ? null : forecast;
    r.forecastIso = never ? null : toIso(forecast);
    if (never || forecast > deadline) {
      r.status = 'at-risk';
      if (!never) r.forecastBreachMs = forecast - deadline;
    }
  }
  return r;
}

const RANK: Record<SlaStatus, number> = { 'not-applicable': 0, met: 1, pending: 2, 'at-risk': 3, breached: 4 };

/**
 * Evaluates one validated order at `now` (epoch ms). `forecast` entries replace
 * the order's own forecast per stage.
 */
export function evaluateOrder(order: ParsedOrder, now: number, forecast: StageForecast = {}): SlaOrderResult {
  const deadlines = stageDeadlines(order);
  const stages = {} as Record<SlaStage, SlaStageResult>;
  let worst: SlaStatus = 'met';
  for (const s of SLA_STAGES) {
    const f = s in forecast ? forecast[s] : order.forecast[s];
    stages[s] = stageResult(deadlines[s], order[ACTUAL[s]], now, f);
    if (RANK[stages[s].status] > RANK[worst]) worst = stages[s].status;
  }
  return { id: order.id, index: order.index, status: worst as SlaOrderResult['status'], stages };
}

function emptyTotals(): SlaTotals {
  return { total: 0, met: 0, breached: 0, pending: 0, atRisk: 0, notApplicable: 0, onTimeRate: null };
}

function count(t: SlaTotals, status: SlaStatus): void {
  t.total++;
  if (status === 'met') t.met++;
  else if (status === 'breached') t.breached++;
  else if (status === 'pending') t.pending++;
  else if (status === 'at-risk') t.atRisk++;
  else t.notApplicable++;
}

/** Totals per stage and per order over evaluated orders. */
export function slaTotals(orders: readonly SlaOrderResult[]): Record<SlaStage | 'order', SlaTotals> {
  const totals = { accept: emptyTotals(), process: emptyTotals(), depart: emptyTotals(), deliver: emptyTotals(), order: emptyTotals() };
  for (const o of orders) {
    for (const s of SLA_STAGES) count(totals[s], o.stages[s].status);
    count(totals.order, o.status);
  }
  for (const t of Object.values(totals)) {
    const decided = t.met + t.breached;
    t.onTimeRate = decided === 0 ? null : t.met / decided;
  }
  return totals;
}

/** Reads `now` for the clock, throwing a `VrpkitError` (pointer `/now`) when it is missing or unreadable. */
export function parseNow(now: unknown): number {
  if (now === undefined || now === null) throw new VrpkitError('sla-now', 'now is required (ISO-8601 with offset or epoch ms)', '/now');
  const r = parseInstant(now);
  if (!r.ok) throw new VrpkitError('sla-now', `now ${r.message}`, '/now');
  return r.ms;
}

/**
 * Reports every order's stages at `options.now`: status, deadline, slack or
 * breach, plus totals per stage. Throws a `VrpkitError` listing every input
 * problem (pointer `/orders/<index>/<field>`, message naming the order id).
 */
export function checkSla(orders: readonly SlaOrder[], options: CheckSlaOptions): SlaReport {
  const now = parseNow(options?.now);
  const parsed = parseOrders(orders, options.policy);
  const results = parsed.map((o) => evaluateOrder(o, now));
  return { now, nowIso: toIso(now), orders: results, totals: slaTotals(results) };
}
