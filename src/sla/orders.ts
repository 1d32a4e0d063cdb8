/**
 * Orders on the SLA clock: the input shape and its validation.
 *
 * An order moves received → accepted → processed → departed → delivered. Each
 * event time is optional except `receivedAt`, but events must be given in
 * order: a later stage cannot be present while an earlier one is missing, and
 * no event may be earlier than the one before it (equal times are fine).
 * `null` counts as absent (JSON exports often write it).
 */
import { VrpkitError, pointer, type InputIssue } from '../core/errors.js';
import type { Id } from '../model/types.js';
import { policyIssues, resolvePolicy, type SlaPolicy } from './policy.js';
import { parseInstant, type TimeInput } from './time.js';

/** The four stages, in order. `deliver` is due by the order's `promisedBy`. */
export type SlaStage = 'accept' | 'process' | 'depart' | 'deliver';
export const SLA_STAGES: readonly SlaStage[] = ['accept', 'process', 'depart', 'deliver'];

/** One order as users give it. Times: ISO-8601 with offset, or epoch ms. */
export interface SlaOrder {
  id: Id;
  receivedAt: TimeInput;
  acceptedAt?: TimeInput | null;
  processedAt?: TimeInput | null;
  departedAt?: TimeInput | null;
  deliveredAt?: TimeInput | null;
  /** The time promised to the customer (delivery time window end or promised ETA). */
  promisedBy?: TimeInput | null;
  /** Overrides of the global policy for this order. */
  policy?: Partial<SlaPolicy>;
  /** Expected time per stage that has not happened yet; a pending stage forecast past its deadline is `at-risk`. */
  forecast?: Partial<Record<SlaStage, TimeInput | null>>;
}

/** An order after validation: every time as epoch ms, its own policy resolved. */
export interface ParsedOrder {
  /** Position in the input list. */
  index: number;
  id: Id;
  receivedAt: number;
  acceptedAt?: number;
  processedAt?: number;
  departedAt?: number;
  deliveredAt?: number;
  promisedBy?: number;
  policy: SlaPolicy;
  forecast: Partial<Record<SlaStage, number>>;
}

/** The event fields in stage order; `receivedAt` opens the clock. */
export const EVENT_FIELDS = ['receivedAt', 'acceptedAt', 'processedAt', 'departedAt', 'deliveredAt'] as const;
type EventField = (typeof EVENT_FIELDS)[number];

function label(index: number, id: unknown): string {
  return typeof id === 'string' || typeof id === 'number' ? `order ${index} (id ${JSON.stringify(id)})` : `order ${index}`;
}

/**
 * Validates a list of orders (and the global policy) and returns them parsed.
 * Throws one `VrpkitError` listing every problem found, each with the order's
 * index and id in the message and a pointer like `/orders/3/processedAt`.
 */
export function parseOrders(orders: unknown, globalPolicy?: unknown): ParsedOrder[] {
  const issues: InputIssue[] = [...policyIssues(globalPolicy, '/policy')];
  if (!Array.isArray(orders)) {
    issues.push({ code: 'sla-orders', pointer: '/orders', message: 'orders must be an array' });
    throw VrpkitError.fromIssues(issues);
  }
  const global = issues.length === 0 ? (globalPolicy as Partial<SlaPolicy> | undefined) : undefined;
  const parsed: ParsedOrder[] = [];
  const seen = new Map<string, number>();
  orders.forEach((raw, index) => {
    const at = (...t: (string | number)[]) => pointer('orders', index, ...t);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push({ code: 'sla-order', pointer: at(), message: `order ${index} must be an object` });
      return;
    }
    const o = raw as Record<string, unknown>;
    const name = label(index, o.id);
    const before = issues.length;
    if (typeof o.id !== 'string' && !(typeof o.id === 'number' && Number.isFinite(o.id))) {
      issues.push({ code: 'sla-id', pointer: at('id'), message: `${name}: id must be a string or a finite number` });
    } else {
      const key = `${typeof o.id}:${o.id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({ code: 'sla-duplicate-id', pointer: at('id'), message: `${name}: id is already used by order ${first}` });
      } else seen.set(key, index);
    }
    const times: Partial<Record<EventField | 'promisedBy', number>> = {};
    for (const field of [...EVENT_FIELDS, 'promisedBy'] as const) {
      const v = o[field];
      if (v === undefined || v === null) {
        if (field === 'receivedAt') issues.push({ code: 'sla-time', pointer: at(field), message: `${name}: receivedAt is required` });
        continue;
      }
      const r = parseInstant(v);
      if (r.ok) times[field] = r.ms;
      else issues.push({ code: 'sla-time', pointer: at(field), message: `${name}: ${field} ${r.message}` });
    }
    // Gaps: a later event given while an earlier one is missing.
    let lastGiven = -1;
    for (let k = EVENT_FIELDS.length - 1; k >= 0; k--) {
      if (o[EVENT_FIELDS[k]] !== undefined && o[EVENT_FIELDS[k]] !== null) {
        lastGiven = k;
        break;
      }
    }
    for (let k = 1; k < lastGiven; k++) {
      const f = EVENT_FIELDS[k];
      if (o[f] === undefined || o[f] === null) {
        issues.push({
          code: 'sla-missing-stage',
          pointer: at(f),
          message: `${name}: ${f} is missing but ${EVENT_FIELDS[lastGiven]} is given (stages happen in order)`,
        });
      }
    }
    // Order: each event no earlier than the latest earlier event that parsed.
    let prevField: EventField | undefined;
    for (const f of EVENT_FIELDS) {
      const t = times[f];
      if (t === undefined) continue;
      const p = prevField === undefined ? undefined : times[prevField];
      if (prevField !== undefined && p !== undefined && t < p) {
        issues.push({
          code: 'sla-order-sequence',
          pointer: at(f),
          message: `${name}: ${f} is ${p - t} ms before ${prevField} (events out of order)`,
        });
      }
      prevField = f;
    }
    if (times.promisedBy !== undefined && times.receivedAt !== undefined && times.promisedBy < times.receivedAt) {
      issues.push({ code: 'sla-order-sequence', pointer: at('promisedBy'), message: `${name}: promisedBy is before receivedAt` });
    }
    const pIssues = policyIssues(o.policy, at('policy'));
    for (const i of pIssues) issues.push({ ...i, message: `${name}: ${i.message}` });
    const forecast: Partial<Record<SlaStage, number>> = {};
    if (o.forecast !== undefined && o.forecast !== null) {
      if (typeof o.forecast !== 'object' || Array.isArray(o.forecast)) {
        issues.push({ code: 'sla-forecast', pointer: at('forecast'), message: `${name}: forecast must be an object of stage → time` });
      } else {
        for (const [stage, v] of Object.entries(o.forecast as Record<string, unknown>)) {
          if (!(SLA_STAGES as readonly string[]).includes(stage)) {
            issues.push({ code: 'sla-forecast', pointer: at('forecast', stage), message: `${name}: unknown stage '${stage}' in forecast` });
            continue;
          }
          if (v === undefined || v === null) continue;
          const r = parseInstant(v);
          if (r.ok) forecast[stage as SlaStage] = r.ms;
          else issues.push({ code: 'sla-time', pointer: at('forecast', stage), message: `${name}: forecast.${stage} ${r.message}` });
        }
      }
    }
    if (issues.length > before) return;
    parsed.push({
      index,
      id: o.id as Id,
      receivedAt: times.receivedAt as number,
      acceptedAt: times.acceptedAt,
      processedAt: times.processedAt,
      departedAt: times.departedAt,
      deliveredAt: times.deliveredAt,
      promisedBy: times.promisedBy,
      policy: resolvePolicy(global, o.policy as Partial<SlaPolicy> | undefined),
      forecast,
    });
  });
  if (issues.length > 0) throw VrpkitError.fromIssues(issues);
  return parsed;
}
