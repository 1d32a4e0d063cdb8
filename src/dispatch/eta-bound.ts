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
 */
import { idKey } from '../model/ids.js';
import type { Id, Job, Problem, Solution } from '../model/types.js';

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
function ownWindows(problem: Problem, job: Job): [number, number][] {
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
export function boundEtas(problem: Problem, promised: Map<string, number>, maxEtaShift: number): EtaBound {
  const bounded: EtaBound['bounded'] = [];
  const unbounded: Id[] = [];
  const jobs = problem.jobs.map((job) => {
    const p = promised.get(idKey(job.id));
    if (p === undefined || !Number.isFinite(p)) return job;
    const from = p - maxEtaShift;
    const to = p + maxEtaShift;
    const cut: [number, number][] = [];
    for (const [a, b] of ownWindows(problem, job)) {
      const lo = Math.max(a, from);
      const hi = Math.min(b, to);
      if (lo <= hi) cut.push([lo, hi]);
    }
    if (cut.length === 0) {
      unbounded.push(job.id);
      return job;
    }
    bounded.push({ id: job.id, promised: p });
    const { latenessCost: _c, maxLateness: _m, ...rest } = job;
    // Lateness within the old allowance is not priced inside the bound (the window now ends there): hard windows, maxLateness 0.
    return { ...rest, timeWindows: cut, ...(problem.defaults?.latenessCost !== undefined || problem.defaults?.maxLateness !== undefined ? { maxLateness: 0 } : {}) };
  });
  return { problem: { ...problem, jobs }, maxEtaShift, bounded, unbounded };
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
