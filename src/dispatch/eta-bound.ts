/**
 * `maxEtaShift`: how far re-planning may move a promised ETA.
 *
 * A *promised* job is one the old plan routed on a vehicle that is still
 * available and that is neither frozen nor cancelled. Its promised ETA is the
 * old plan's `serviceStart` for it, `p`. With `maxEtaShift = s`, the search
 * sees the job with its service start bounded to `[p − s, p + s]`: its time
 * windows are cut to that interval (a vehicle that comes earlier waits). The
 * bound is hard, so the search either keeps the job within it (on any
 * vehicle) or leaves it out; `replan` then prefers the kept-order plan, which
 * keeps every previous assignment in its old order, whenever the bounded search
 * leaves more jobs unassigned (see `replan`).
 *
 * A job whose own windows (and maximum lateness) never meet `[p − s, p + s]` —
 * its promised start was already outside them — cannot be bounded and keeps
 * its own windows; it is reported in `unbounded`.
 *
 * Shipments: each stop of a promised shipment (one the old plan routed on a
 * vehicle still available, neither stop frozen) is bounded by its own promised
 * start in the same way; the shipment id is listed in `bounded` (and in
 * `unbounded` when a stop cannot be bounded). An on-board delivery is a job of
 * the reduced problem (the shipment's id) promised at its old delivery start.
 */
import { idKey } from '../model/ids.js';
import type { Id, Job, Problem, Shipment, ShipmentStop, Solution } from '../model/types.js';
import type { TaskKeys } from './stops.js';

export interface EtaBound {
  /** The reduced problem with the bounded windows. */
  problem: Problem;
  maxEtaShift: number;
  /** Promised jobs whose service start is bounded, with their promised start. */
  bounded: { id: Id; promised: number }[];
  /** Promised jobs that could not be bounded (their promised start lies outside their own windows). */
  unbounded: Id[];
}

/** The allowed service starts `[from, to]` of a job: its windows, the last one extended by its maximum lateness. */
function ownWindows(problem: Problem, job: Job | ShipmentStop): [number, number][] {
  const windows = job.timeWindows && job.timeWindows.length > 0 ? job.timeWindows.map((w) => [w[0], w[1]] as [number, number]) : [[-Infinity, Infinity] as [number, number]];
  const priced = job.latenessCost !== undefined || problem.defaults?.latenessCost !== undefined;
  const maxLateness = job.maxLateness ?? problem.defaults?.maxLateness ?? (priced ? Infinity : 0);
  windows[windows.length - 1][1] += maxLateness;
  return windows;
}

/**
 * Bounds the service start of the promised jobs of `problem` (`promised`: job id →
 * the old plan's service start). Soft-window fields of a bounded job are dropped:
 * its new windows already end where its lateness allowance ended, or earlier.
 */
export function boundEtas(problem: Problem, promised: Map<string, number>, maxEtaShift: number, promisedStops?: Map<string, number>): EtaBound {
  const bounded: EtaBound['bounded'] = [];
  const unbounded: Id[] = [];
  /** The visit with its windows cut to the bound, or undefined when they never meet it. */
  const cutVisit = <T extends Job | ShipmentStop>(visit: T, p: number): T | undefined => {
    const from = p - maxEtaShift;
    const to = p + maxEtaShift;
    const cut: [number, number][] = [];
    for (const [a, b] of ownWindows(problem, visit)) {
      const lo = Math.max(a, from);
      const hi = Math.min(b, to);
      if (lo <= hi) cut.push([lo, hi]);
    }
    if (cut.length === 0) return undefined;
    const { latenessCost: _c, maxLateness: _m, ...rest } = visit;
    // Lateness within the old allowance is not priced inside the bound (the window now ends there): hard windows, maxLateness 0.
    return { ...rest, timeWindows: cut, ...(problem.defaults?.latenessCost !== undefined || problem.defaults?.maxLateness !== undefined ? { maxLateness: 0 } : {}) } as T;
  };
  const jobs = problem.jobs.map((job) => {
    const p = promised.get(idKey(job.id));
    if (p === undefined || !Number.isFinite(p)) return job;
    const out = cutVisit(job, p);
    if (!out) {
      unbounded.push(job.id);
      return job;
    }
    bounded.push({ id: job.id, promised: p });
    return out;
  });
  if (!promisedStops || promisedStops.size === 0 || !problem.shipments) return { problem: { ...problem, jobs }, maxEtaShift, bounded, unbounded };
  const shipments = problem.shipments.map((sh): Shipment => {
    let out = sh;
    let any = false;
    let missed = false;
    let first: number | undefined;
    for (const which of ['pickup', 'delivery'] as const) {
      const p = promisedStops.get(stopPromiseKey(which, sh.id));
      if (p === undefined || !Number.isFinite(p)) continue;
      const stop = cutVisit(sh[which], p);
      if (!stop) {
        missed = true;
        continue;
      }
      out = { ...out, [which]: stop };
      any = true;
      first ??= p;
    }
    if (any) bounded.push({ id: sh.id, promised: first! });
    if (missed) unbounded.push(sh.id);
    return out;
  });
  return { problem: { ...problem, jobs, shipments }, maxEtaShift, bounded, unbounded };
}

/** The key of a shipment stop in the map of promised stop starts. */
export function stopPromiseKey(which: 'pickup' | 'delivery', shipment: Id): string {
  return `${which} ${idKey(shipment)}`;
}

/**
 * Promised service starts of shipment stops (key `stopPromiseKey`) and of
 * on-board deliveries (jobs of the reduced problem with the shipment's id,
 * keyed by that id) in `initial`, from the old plan's steps. `keys` are the
 * original problem's task keys.
 */
export function promisedStopStarts(
  oldPlan: Solution,
  initial: { routes: { steps: { type: string; id?: Id; shipment?: Id }[] }[] },
  keys: TaskKeys,
): { stops: Map<string, number>; onBoard: Map<string, number> } {
  const start = new Map<Id, number>();
  for (const r of oldPlan.routes) {
    for (const s of r.steps) {
      if (s.type !== 'pickup' && s.type !== 'delivery') continue;
      const key = keys.ofStep(s);
      if (key !== undefined) start.set(key, s.serviceStart);
    }
  }
  const stops = new Map<string, number>();
  const onBoard = new Map<string, number>();
  for (const r of initial.routes) {
    for (const s of r.steps) {
      if (s.type === 'job' && s.id !== undefined) {
        const order = keys.table.orders.get(idKey(s.id));
        if (order?.kind !== 'shipment') continue;
        const p = start.get(keys.stop(order.index, 'delivery'));
        if (p !== undefined) onBoard.set(idKey(s.id), p);
      } else if ((s.type === 'pickup' || s.type === 'delivery') && s.shipment !== undefined) {
        const key = keys.ofStep(s);
        const p = key === undefined ? undefined : start.get(key);
        if (p !== undefined) stops.set(stopPromiseKey(s.type, s.shipment), p);
      }
    }
  }
  return { stops, onBoard };
}

/** Promised service starts: every job of `initial` (remaining old sequences) → its `serviceStart` in `oldPlan`. */
export function promisedStarts(oldPlan: Solution, initial: { routes: { steps: { type: string; id?: Id }[] }[] }): Map<string, number> {
  const start = new Map<string, number>();
  for (const r of oldPlan.routes) for (const s of r.steps) if (s.type === 'job' && s.id !== undefined) start.set(idKey(s.id), s.serviceStart);
  const out = new Map<string, number>();
  for (const r of initial.routes) {
    for (const s of r.steps) {
      if (s.type !== 'job' || s.id === undefined) continue;
      const p = start.get(idKey(s.id));
      if (p !== undefined) out.set(idKey(s.id), p);
    }
  }
  return out;
}
