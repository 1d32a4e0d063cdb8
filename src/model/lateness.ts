/**
 * Soft time windows (docs/semantics.md, "Soft time windows"): which lateness a
 * task may have and what each time unit of it costs, from the task's own
 * `latenessCost` / `maxLateness` and the problem's `defaults`.
 */
import type { TaskDefaults } from './types.js';

/** How a task may be late: `price` per time unit, at most `max` (0 = hard windows, Infinity = unbounded). */
export interface LatenessRule {
  price: number;
  max: number;
}

/**
 * The lateness rule of a job or shipment stop: each field its own, else the
 * problem default; without any `maxLateness` the bound is unbounded when a
 * price applies and 0 (hard windows) when none does.
 */
export function latenessRule(visit: { latenessCost?: number; maxLateness?: number }, defaults: TaskDefaults | undefined): LatenessRule {
  const price = visit.latenessCost ?? defaults?.latenessCost;
  const max = visit.maxLateness ?? defaults?.maxLateness ?? (price !== undefined ? Infinity : 0);
  return { price: price ?? 0, max };
}
