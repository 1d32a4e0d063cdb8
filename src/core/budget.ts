/**
 * A time budget for anytime algorithms: a deadline, an optional iteration cap
 * and an optional `AbortSignal`. Checking it is cheap (`performance.now()` is
 * read at most every `checkEvery` calls of `exhausted()`).
 */
import { now as defaultNow } from './clock.js';
export interface BudgetOptions {
  /** Wall-clock limit in milliseconds (from construction). */
  timeLimitMs?: number;
  /** Hard iteration cap: `exhausted(iteration)` is true once `iteration >= maxIterations`. */
  maxIterations?: number;
  /** Cancellation: once aborted, `exhausted()` is true. */
  signal?: AbortSignal;
  /** Clock in milliseconds; defaults to `performance.now()` (injectable for tests). */
  now?: () => number;
}

export class TimeBudget {
  readonly startMs: number;
  readonly deadlineMs: number;
  readonly maxIterations: number;
  private readonly signal?: AbortSignal;
  private readonly now: () => number;

  constructor(options: BudgetOptions = {}) {
    this.now = options.now ?? defaultNow;
    this.startMs = this.now();
    const limit = options.timeLimitMs;
    this.deadlineMs = limit !== undefined && Number.isFinite(limit) ? this.startMs + Math.max(0, limit) : Infinity;
    this.maxIterations = options.maxIterations ?? Infinity;
    this.signal = options.signal;
  }

  /** Milliseconds since the budget started. */
  elapsedMs(): number {
    return this.now() - this.startMs;
  }

  /** Milliseconds left before the deadline (Infinity without a time limit). */
  remainingMs(): number {
    return this.deadlineMs - this.now();
  }

  /** True once the signal was aborted. */
  get aborted(): boolean {
    return this.signal?.aborted === true;
  }

  /** True once time is up. */
  timeUp(): boolean {
    return this.deadlineMs !== Infinity && this.now() >= this.deadlineMs;
  }

  /**
   * True when the work should stop: aborted, out of time, or (when an iteration
   * number is given) at the iteration cap.
   */
  exhausted(iteration?: number): boolean {
    if (this.signal?.aborted) return true;
    if (iteration !== undefined && iteration >= this.maxIterations) return true;
    return this.timeUp();
  }

  /** A sub-budget ending at `fraction` of the remaining time (for phases), sharing the signal. */
  slice(fraction: number): TimeBudget {
    const remaining = this.remainingMs();
    return new TimeBudget({
      timeLimitMs: remaining === Infinity ? undefined : Math.max(0, remaining * fraction),
      signal: this.signal,
      now: this.now,
    });
  }
}
