/**
 * Planning with the SLA clock: an order's processing time is its release time
 * (its vehicle cannot leave before the order is ready) and its depart deadline
 * is its dispatch deadline (its vehicle must leave by then).
 *
 * For an order not processed yet, the release time is its process deadline:
 * the latest time it will be ready if the warehouse keeps the SLA. That is the
 * conservative choice — a plan built on it never sends a van out before the
 * goods can be on it — and it leaves exactly `departWithinMs` (3 h) between
 * release and dispatch deadline, as for a processed order.
 */
import { VrpkitError } from '../core/errors.js';
import type { Id, Job, Problem } from '../model/types.js';
import { parseNow, stageDeadlines } from './check.js';
import { parseOrders, type ParsedOrder, type SlaOrder } from './orders.js';
import type { SlaPolicy } from './policy.js';
import { parseInstant, type TimeInput } from './time.js';

/** Release time and dispatch deadline of one order, epoch ms. */
export interface SlaPlanningTimes {
  id: Id;
  /** processedAt, or the process deadline when not processed yet. */
  releaseTimeMs: number;
  /** The depart deadline: release time + departWithinMs. */
  dispatchDeadlineMs: number;
}

/**
 * The planning window of one validated order (see the module comment for the
 * choice). With `now` (epoch ms), an order not processed yet is released no
 * earlier than `now` — an overdue order is not ready just because its deadline
 * passed; its dispatch deadline stays the SLA depart deadline.
 */
export function planningTimes(order: ParsedOrder, now?: number): SlaPlanningTimes {
  const d = stageDeadlines(order);
  const release = order.processedAt ?? (now === undefined ? d.process : Math.max(d.process, now));
  return { id: order.id, releaseTimeMs: release, dispatchDeadlineMs: d.depart };
}

export interface ApplySlaOptions {
  /** The instant (epoch ms or ISO-8601 with offset) that problem time 0 stands for. */
  timeOrigin: TimeInput;
  /** Milliseconds per problem time unit. Default 1000 (problem times in seconds). */
  timeUnitMs?: number;
  /** Global policy overrides. */
  policy?: Partial<SlaPolicy>;
  /** The time of planning: orders not processed yet are released no earlier than this. */
  now?: TimeInput;
  /**
   * Turn each order's `promisedBy` into a soft time window of its job
   * (docs/semantics.md, "Soft time windows"): a job without `timeWindows` gets
   * `[[receivedAt, promisedBy]]` and, unless it states its own, this
   * `latenessCost` and `maxLateness`. Jobs with their own windows keep them
   * (the customer's windows win). Without a price or bound (`{}`) the window
   * is hard. Default: promises do not become windows.
   */
  promise?: { latenessCost?: number; maxLateness?: number };
}

/** Reads the `promise` option, throwing `VrpkitError`s that name the field. */
function parsePromise(p: unknown): { latenessCost?: number; maxLateness?: number } | undefined {
  if (p === undefined) return undefined;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new VrpkitError('sla-promise', 'promise must be an object { latenessCost, maxLateness }', 'promise');
  const o = p as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (key !== 'latenessCost' && key !== 'maxLateness' && o[key] !== undefined) throw new VrpkitError('sla-promise', `unknown field ${JSON.stringify(key)} in promise`, `promise.${key}`);
  }
  const number = (key: 'latenessCost' | 'maxLateness', infinite: boolean) => {
    const x = o[key];
    if (x === undefined) return undefined;
    if (typeof x !== 'number' || Number.isNaN(x) || x < 0 || (!infinite && !Number.isFinite(x))) {
      throw new VrpkitError('sla-promise', `promise.${key} must be a ${infinite ? '' : 'finite '}number ≥ 0`, `promise.${key}`);
    }
    return x;
  };
  const out: { latenessCost?: number; maxLateness?: number } = {};
  const price = number('latenessCost', false);
  const max = number('maxLateness', true);
  if (price !== undefined) out.latenessCost = price;
  if (max !== undefined) out.maxLateness = max;
  return out;
}

/** Reads `timeOrigin` / `timeUnitMs`, throwing `VrpkitError`s that name the option. */
export function parseTimeFrame(options: { timeOrigin?: TimeInput; timeUnitMs?: number }): { origin: number; unit: number } {
  if (options?.timeOrigin === undefined) throw new VrpkitError('sla-time-origin', 'timeOrigin is required', 'timeOrigin');
  const r = parseInstant(options.timeOrigin);
  if (!r.ok) throw new VrpkitError('sla-time-origin', `timeOrigin ${r.message}`, 'timeOrigin');
  const unit = options.timeUnitMs ?? 1000;
  if (typeof unit !== 'number' || !Number.isFinite(unit) || unit <= 0) {
    throw new VrpkitError('sla-time-unit', 'timeUnitMs must be a finite number > 0', 'timeUnitMs');
  }
  return { origin: r.ms, unit };
}

/**
 * Matches order ids with job ids: an exact match (same type and value) first,
 * then the string form (order "17" matches job 17) when that is unambiguous.
 * Returns a lookup over `items` by the other side's id.
 */
export function idLookup<T extends { id: Id }>(items: readonly T[]): (id: Id) => T | undefined {
  const exact = new Map<string, T>();
  const loose = new Map<string, T | null>();
  for (const it of items) {
    exact.set(`${typeof it.id}:${it.id}`, it);
    const k = String(it.id);
    loose.set(k, loose.has(k) ? null : it);
  }
  return (id) => exact.get(`${typeof id}:${id}`) ?? loose.get(String(id)) ?? undefined;
}

/**
 * Returns a copy of `problem` whose jobs carry the SLA release time and
 * dispatch deadline of their order (matched by id), in problem time units:
 * `(ms − timeOrigin) / timeUnitMs`. A job that already has a `releaseTime` /
 * `dispatchDeadline` keeps the tighter of the two (later release, earlier
 * deadline). With `options.promise`, promises become soft windows (see
 * `ApplySlaOptions.promise`). Jobs without an order and orders without a job
 * are left alone. The input problem is not modified.
 */
export function applySlaToProblem(problem: Problem, orders: readonly SlaOrder[], options: ApplySlaOptions): Problem {
  const { origin, unit } = parseTimeFrame(options);
  const now = options.now === undefined ? undefined : parseNow(options.now);
  const promise = parsePromise(options.promise);
  const parsed = parseOrders(orders, options.policy);
  const find = idLookup(parsed.map((o) => planningTimes(o, now)));
  const findOrder = idLookup(parsed);
  const jobs: Job[] = problem.jobs.map((job) => {
    const t = find(job.id);
    if (!t) return job;
    const release = (t.releaseTimeMs - origin) / unit;
    const deadline = (t.dispatchDeadlineMs - origin) / unit;
    const out: Job = {
      ...job,
      releaseTime: job.releaseTime === undefined ? release : Math.max(job.releaseTime, release),
      dispatchDeadline: job.dispatchDeadline === undefined ? deadline : Math.min(job.dispatchDeadline, deadline),
    };
    const order = findOrder(job.id);
    if (promise && order?.promisedBy !== undefined && job.timeWindows === undefined) {
      const received = (order.receivedAt - origin) / unit;
      const promised = (order.promisedBy - origin) / unit;
      out.timeWindows = [[Math.min(received, promised), promised]];
      if (promise.latenessCost !== undefined && job.latenessCost === undefined) out.latenessCost = promise.latenessCost;
      if (promise.maxLateness !== undefined && job.maxLateness === undefined) out.maxLateness = promise.maxLateness;
    }
    return out;
  });
  return { ...problem, jobs };
}
