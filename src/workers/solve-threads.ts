/**
 * `solveInThreads`: the search off the main thread and on every core.
 *
 * N independent searches run in N worker threads, each from its own seed
 * (thread 0 keeps the caller's seed, so one thread gives exactly `solve`'s
 * answer), on travel shared in memory (shared-travel.ts). Every `exchangeEvery`
 * iterations each search hands its best plan to an `ExchangeHub` and adopts the
 * elite of all threads when it is better (exchange-hub.ts). With
 * `maxIterations` the hub works in barrier mode, so a seed and a thread count
 * give one answer; under a time limit it works asynchronously and no thread
 * waits for another. The best plan of all threads is returned.
 *
 * Problems that `solve` would plan zone by zone have their zones solved side
 * by side instead (`solveZonesInThreads`); with one thread they go to one
 * worker as they are; on a road network (which cannot be posted, and whose
 * matrix of every location would be O(locations²)) they are solved in the
 * calling thread, each zone fetching its own travel on demand.
 */
import { VrpkitError } from '../core/errors.js';
import type { Problem, Solution } from '../model/types.js';
import { assertProblem } from '../model/validate.js';
import { compareObjective, solutionObjective, withObjective } from '../model/objective.js';
import { shouldDecompose } from '../solver/decompose/options.js';
import type { SolveOptions, SolveProgress } from '../solver/index.js';
import { ExchangeHub, type ExchangeMode } from './exchange-hub.js';
import { deserializeError, type FromWorker, type PlainSolveOptions } from './protocol.js';
import { canShareTravel, needsSharedTravel, restoreLocations, shareTravel } from './shared-travel.js';
import { solve } from '../solver/index.js';
import { solveZonesInThreads } from './solve-zones.js';
import { defaultThreads, startSolveThread, type SolveThread } from './thread.js';

export interface ThreadSolveOptions extends Omit<SolveOptions, 'exchange'> {
  /** Worker threads (default: the available cores, at most 8). */
  threads?: number;
  /** Iterations between two elite exchanges (default: 20 000 / jobs, clamped to [20, 500]). */
  exchangeEvery?: number;
  /** `barrier` (reproducible), `async` (no waiting) or `auto` (default: barrier when `maxIterations` is set). */
  exchangeMode?: ExchangeMode | 'auto';
  /** Share travel as matrices in shared memory even for one thread (default: only when it pays, see `solveInThreads`). */
  shareTravel?: boolean;
  /**
   * Nice value of the search threads (Linux; e.g. 10): the calling thread — an
   * HTTP service's event loop — then gets the CPU first. Default: unchanged.
   */
  threadNice?: number;
}

/** Seed of thread `t`: the caller's for thread 0, then well-spread distinct values. */
export function threadSeed(seed: number, t: number): number {
  if (t === 0) return seed;
  return (Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(t, 0x27d4eb2f)) >>> 1;
}

/** Default iterations between exchanges for a problem of `jobs` jobs. */
export function defaultExchangeEvery(jobs: number): number {
  return Math.max(20, Math.min(500, Math.round(20_000 / Math.max(1, jobs))));
}

/** Better final solution: fewer unassigned jobs, then the problem's objective (ties keep the earlier thread). */
function betterSolution(problem: Problem, a: Solution, b: Solution): boolean {
  if (a.unassigned.length !== b.unassigned.length) return a.unassigned.length < b.unassigned.length;
  return compareObjective(solutionObjective(problem, a), solutionObjective(problem, b)) < 0;
}

/**
 * Solves `problem` in worker threads (see the module comment). Same contract as
 * `solve`: anytime, abortable through `signal`, progress through `onProgress`
 * (the best of all threads), bad input rejected with a `VrpkitError`.
 */
export async function solveInThreads(problem: Problem, options: ThreadSolveOptions = {}): Promise<Solution> {
  const started = Date.now();
  assertProblem(withObjective(problem, options.objective));
  const zoned = shouldDecompose(problem, options);
  const wanted = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  if (zoned && wanted > 1 && !needsSharedTravel(problem)) return solveZonesInThreads(problem, wanted, options);
  // a road network cannot be posted, and its matrix twin of every location is O(locations²) time and memory
  // (10,000 stops: 290 s and 3.7 GB, bench/results/large-roads.md): zone by zone the zones fetch their own
  // travel on demand, so such a problem is solved in the calling thread
  if (zoned && needsSharedTravel(problem)) return solve(problem, options);
  const threads = zoned ? 1 : wanted;
  const { threads: _t, exchangeEvery, exchangeMode, shareTravel: share, threadNice, signal, onProgress, ...rest } = options;
  const plain: PlainSolveOptions = rest;
  // travel profiles cannot be shared as one matrix: such a problem is posted as
  // it is, or, when one of its travels is a road network (which cannot be
  // posted), solved in the calling thread
  if (!canShareTravel(problem) && needsSharedTravel(problem)) return solve(problem, options);
  const shared = canShareTravel(problem) && (share || threads > 1 || needsSharedTravel(problem) || problem.travel.type === 'matrix')
    ? shareTravel(problem).problem
    : problem;
  const mode: ExchangeMode = exchangeMode === 'barrier' || exchangeMode === 'async'
    ? exchangeMode
    : options.maxIterations !== undefined ? 'barrier' : 'async';
  const every = threads > 1 ? Math.max(1, Math.floor(exchangeEvery ?? defaultExchangeEvery(problem.jobs.length))) : undefined;
  const deadline = options.timeLimitMs !== undefined ? started + options.timeLimitMs : undefined;
  const seed = options.seed ?? 1;

  const hub = new ExchangeHub(threads, mode);
  const progress: (SolveProgress | undefined)[] = new Array(threads);
  const results: (Solution | undefined)[] = new Array(threads);
  const handles: SolveThread[] = [];
  let failure: Error | undefined;
  let left = threads;

  const solution = await new Promise<Solution | undefined>((resolveAll) => {
    const stopAll = () => {
      for (const h of handles) h.post({ type: 'abort' });
    };
    const finishOne = (t: number) => {
      hub.finish(t);
      if (--left === 0) {
        signal?.removeEventListener('abort', stopAll);
        let best: Solution | undefined;
        for (const s of results) if (s && (!best || betterSolution(withObjective(problem, options.objective), s, best))) best = s;
        resolveAll(best);
      }
    };
    for (let t = 0; t < threads; t++) {
      let done = false;
      const handle = startSolveThread(
        (m: FromWorker) => {
          if (m.type === 'progress') {
            progress[t] = m.progress;
            if (onProgress) onProgress(mergeProgress(progress, started));
          } else if (m.type === 'offer') {
            hub.offer(t, m.offer, m.iteration).then((plan) => handle.post({ type: 'exchanged', iteration: m.iteration, ...(plan ? { plan } : {}) }));
          } else if (m.type === 'done' || m.type === 'error') {
            if (done) return;
            done = true;
            if (m.type === 'done') results[t] = m.solution;
            else if (!failure) {
              failure = deserializeError(m.error);
              stopAll();
            }
            finishOne(t);
          }
        },
        (error) => {
          if (done) return;
          done = true;
          if (!failure) {
            failure = error ?? new Error('solve thread stopped without an answer');
            stopAll();
          }
          finishOne(t);
        },
      );
      handles.push(handle);
      handle.post({
        type: 'solve',
        problem: shared,
        options: { ...plain, seed: threadSeed(seed, t) },
        ...(deadline !== undefined ? { deadline } : {}),
        ...(every !== undefined ? { exchangeEvery: every } : {}),
        progressMs: 50,
        ...(threadNice !== undefined ? { nice: threadNice } : {}),
      });
    }
    if (signal) {
      if (signal.aborted) stopAll();
      else signal.addEventListener('abort', stopAll, { once: true });
    }
  }).finally(() => Promise.all(handles.map((h) => h.terminate())));

  if (failure) throw failure;
  if (!solution) throw new VrpkitError('internal', 'no thread returned a solution');
  if (shared !== problem) restoreLocations(problem, solution);
  const iterations = results.reduce((s, r) => s + (r?.stats?.iterations ?? 0), 0);
  solution.stats = {
    ...solution.stats,
    threads,
    iterations,
    exchanges: hub.offers,
    adoptions: hub.adoptions,
    elapsedMs: Date.now() - started,
  };
  return solution;
}

/** The progress of all threads as one: total iterations, the best cost, feasible when any best is. */
function mergeProgress(all: (SolveProgress | undefined)[], started: number): SolveProgress {
  let iteration = 0;
  let bestCost = Infinity;
  let feasible = false;
  for (const p of all) {
    if (!p) continue;
    iteration += p.iteration;
    if (p.feasible && !feasible) {
      feasible = true;
      bestCost = p.bestCost;
    } else if (p.feasible === feasible && p.bestCost < bestCost) bestCost = p.bestCost;
  }
  return { iteration, elapsedMs: Date.now() - started, bestCost, feasible };
}
