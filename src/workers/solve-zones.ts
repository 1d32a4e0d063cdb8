/**
 * `solveZonesInThreads`: a problem large enough to be planned zone by zone,
 * with its zones solved side by side in worker threads.
 *
 * The zone tasks come from `planZoneFanout` (the same zones, fleet split and
 * sub-problems as `solveByZones`); a pool of N threads takes them one after
 * the other, largest first; the zones' routes are merged, and one thread then
 * runs `solveByZones` warm-started from them, which re-homes left-out jobs and
 * improves across zone borders until the time limit. The BullMQ flow
 * (src/queue) does the same across machines.
 */
import type { Problem, RoutePlan, Solution } from '../model/types.js';
import { mergeZonePlans, planZoneFanout, type ZoneTask } from '../solver/decompose/fanout.js';
import { solve, type SolveProgress } from '../solver/index.js';
import { deserializeError, type FromWorker, type PlainSolveOptions, type ToWorker } from './protocol.js';
import { startSolveThread, type SolveThread } from './thread.js';
import type { ThreadSolveOptions } from './solve-threads.js';

/**
 * Runs `problem` zone by zone on `threads` threads (≥ 2; see the module
 * comment). The problem must be postable to a thread (matrix or metric travel).
 */
export async function solveZonesInThreads(problem: Problem, threads: number, options: ThreadSolveOptions): Promise<Solution> {
  const started = Date.now();
  const { threads: _t, exchangeEvery: _e, exchangeMode: _m, shareTravel: _s, threadNice, signal, onProgress, ...rest } = options;
  const nice = threadNice !== undefined ? { nice: threadNice } : {};
  const plain: PlainSolveOptions = rest;
  const deadline = options.timeLimitMs !== undefined ? started + options.timeLimitMs : undefined;
  const fanout = planZoneFanout(problem, { ...plain, parallelism: threads });
  const order = fanout.tasks.map((_, i) => i).sort((a, b) => fanout.tasks[b].jobs.length - fanout.tasks[a].jobs.length || a - b);
  const results: (Solution | undefined)[] = new Array(fanout.tasks.length);
  let zonesDone = 0;
  const report = (p: Partial<SolveProgress>) => onProgress?.({ iteration: zonesDone, elapsedMs: Date.now() - started, bestCost: Infinity, feasible: false, ...p });

  const pool = new ThreadPool(Math.min(threads, Math.max(1, fanout.tasks.length)), signal);
  try {
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < order.length && !signal?.aborted) {
        const i = order[next++];
        const task: ZoneTask = fanout.tasks[i];
        results[i] = await pool.run({ type: 'solve', problem: task.problem, options: task.options, progressMs: 1000, ...nice });
        zonesDone++;
        report({});
      }
    };
    await Promise.all(Array.from({ length: pool.size }, lane));
    const merged: RoutePlan = mergeZonePlans(problem, fanout.tasks, results);
    // the borders: this thread draws neighbourhoods with nothing in common, the pool re-solves them side by side
    const solution = await solve(problem, {
      ...plain, decompose: 'always', initialSolution: merged,
      ...(deadline !== undefined ? { timeLimitMs: Math.max(1, deadline - Date.now()) } : {}),
      ...(signal ? { signal } : {}),
      onProgress: (p) => report({ ...p, iteration: zonesDone + p.iteration }),
      borderParallelism: pool.size,
      solveBatch: (calls) => Promise.all(calls.map((c) => pool.run({
        // no shared deadline here: a sub-solve keeps its own short limit
        type: 'solve', problem: c.problem, options: c.options as PlainSolveOptions, progressMs: 1000, ...nice,
      }))),
    });
    solution.stats = { ...solution.stats, threads, zoneTasks: fanout.tasks.length, elapsedMs: Date.now() - started };
    return solution;
  } finally {
    await pool.close();
  }
}

/** N reusable solve threads; `run` waits for a free one. Aborting `signal` aborts every running solve. */
class ThreadPool {
  private readonly idle: SolveThread[] = [];
  private readonly all: SolveThread[] = [];
  private readonly queue: ((t: SolveThread) => void)[] = [];
  private readonly current = new Map<SolveThread, { done: (m: FromWorker) => void; fail: (e: Error) => void; progress?: (p: SolveProgress) => void }>();
  private aborted = false;

  constructor(
    readonly size: number,
    signal?: AbortSignal,
  ) {
    for (let i = 0; i < size; i++) {
      const thread: SolveThread = startSolveThread(
        (m) => {
          const c = this.current.get(thread);
          if (!c) return;
          if (m.type === 'progress') c.progress?.(m.progress);
          else if (m.type === 'done' || m.type === 'error') c.done(m);
        },
        (error) => this.current.get(thread)?.fail(error ?? new Error('solve thread stopped without an answer')),
      );
      this.all.push(thread);
      this.idle.push(thread);
    }
    const abort = () => {
      this.aborted = true;
      for (const t of this.current.keys()) t.post({ type: 'abort' });
    };
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  }

  /** Runs one solve message on a free thread; resolves to its solution. */
  async run(message: Extract<ToWorker, { type: 'solve' }>, progress?: (p: SolveProgress) => void): Promise<Solution> {
    const thread = this.idle.pop() ?? (await new Promise<SolveThread>((r) => this.queue.push(r)));
    try {
      const m = await new Promise<FromWorker>((done, fail) => {
        this.current.set(thread, { done, fail, progress });
        thread.post(message);
        if (this.aborted) thread.post({ type: 'abort' });
      });
      if (m.type === 'error') throw deserializeError(m.error);
      if (m.type !== 'done') throw new Error(`unexpected message ${m.type}`);
      return m.solution;
    } finally {
      this.current.delete(thread);
      const waiter = this.queue.shift();
      if (waiter) waiter(thread);
      else this.idle.push(thread);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((t) => t.terminate()));
  }
}
