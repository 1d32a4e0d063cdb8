/**
 * Cooperative pacing of long synchronous work: a `Pacer` knows when the
 * current slice of work has used up its time (`sliceMs`) and hands the event
 * loop a turn then (core/yield.ts), and whether the caller's `AbortSignal`
 * fired. Long phases are written as step generators (`function*` that
 * `yield`s between small chunks of work): `runSteps` drives one to the end in
 * one go (the synchronous path), `runPaced` yields to the event loop between
 * steps whenever a slice is used up and stops early on an abort. The clock
 * only decides *when* to yield, never what the work computes, so both paths
 * give the same result.
 */
import { yieldToEventLoop } from './yield.js';
import { now as defaultNow } from './clock.js';

/** Default slice: the longest stretch of work between two turns of the event loop. */
export const DEFAULT_SLICE_MS = 15;

export class Pacer {
  private last: number;
  private readonly now: () => number;

  /**
   * @param sliceMs longest stretch of work between two yields (≥ 0; 0 yields at every check)
   * @param signal the caller's abort signal, if any
   * @param now clock in ms (injectable for tests)
   */
  constructor(readonly sliceMs: number = DEFAULT_SLICE_MS, readonly signal?: AbortSignal, now?: () => number) {
    this.now = now ?? defaultNow;
    this.last = this.now();
  }

  /** True once the signal was aborted. */
  get aborted(): boolean {
    return this.signal?.aborted === true;
  }

  /** True when the current slice has used up its time. */
  due(): boolean {
    return this.now() - this.last >= this.sliceMs;
  }

  /** Hands the event loop a turn now and starts a new slice. */
  async yieldNow(): Promise<void> {
    await yieldToEventLoop();
    this.last = this.now();
  }

  /** Yields when the slice is used up; resolves to true when the work should stop (aborted). */
  async pause(): Promise<boolean> {
    if (this.due()) await this.yieldNow();
    return this.aborted;
  }
}

/** A phase written as steps: yields (nothing) between chunks of work, returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end without yielding (the synchronous path). */
export function runSteps<T>(steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * Runs `steps`, handing the event loop a turn whenever `pacer`'s slice is used
 * up; resolves to `undefined` (and abandons the steps) once the signal fired.
 */
export async function runPaced<T>(steps: Steps<T>, pacer: Pacer): Promise<T | undefined> {
  if (pacer.aborted) return undefined;
  let r = steps.next();
  while (!r.done) {
    if (pacer.due()) {
      await pacer.yieldNow();
      if (pacer.aborted) {
        steps.return(undefined as T);
        return undefined;
      }
    }
    r = steps.next();
  }
  return r.value;
}

/**
 * Runs `steps`, awaiting `pause` (when given) between two steps; resolves to
 * `undefined` (and abandons the steps) once `pause` resolves to true. Without
 * `pause` the steps run to the end at once.
 */
export async function runPausing<T>(steps: Steps<T>, pause?: () => Promise<boolean>): Promise<T | undefined> {
  if (!pause) return runSteps(steps);
  let r = steps.next();
  while (!r.done) {
    if (await pause()) {
      steps.return(undefined as T);
      return undefined;
    }
    r = steps.next();
  }
  return r.value;
}
