/**
 * `solve`: validates, compiles the problem for the search (compile.ts), runs
 * the engine `algorithm` names (`auto`: engine-choice.ts — the iterated local
 * search of search/ils.ts, or the hybrid genetic search of hgs.ts for plain
 * capacitated problems), then builds the plan under the exact rules of
 * docs/semantics.md (decode.ts). Problems above the zone threshold are planned
 * zone by zone (decompose/).
 */
import { DEFAULT_SLICE_MS, Pacer } from '../core/pacer.js';
import { VrpkitError } from '../core/errors.js';
import type { Objective, Problem, RoutePlan, Solution } from '../model/types.js';
import { withObjective } from '../model/objective.js';
import { assertProblem } from '../model/validate.js';
import { compileProblemPaced } from './compile.js';
import { abortedSolution } from './aborted.js';
import { defaultEngine } from './engine-choice.js';
import { decodePlan, type DecodeContext } from './decode.js';
import { runHgs } from './run-hgs.js';
import { runIls } from './run-ils.js';
import { quickZonesExpected, shouldDecompose, solveByZones, type ZoneOptions } from './decompose/index.js';
import { unsupportedField } from './unsupported.js';
import { fleetStageShare, solveInStages } from './fleet-stage.js';
import { now } from '../core/clock.js';

export interface SolveProgress {
  iteration: number;
  elapsedMs: number;
  bestCost: number;
  feasible: boolean;
}

export interface SolveOptions extends ZoneOptions {
  /** Wall-clock limit in ms; the best solution found is returned when it expires. */
  timeLimitMs?: number;
  /** HGS iterations; with a seed the answer is identical on every run. */
  maxIterations?: number;
  /** Random seed (default 1). */
  seed?: number;
  /** Replaces `problem.objective` for this solve (docs/semantics.md, "Objective and summary"). */
  objective?: Objective;
  /** Abort: resolves with the best solution so far and status `aborted`. */
  signal?: AbortSignal;
  /** Called about every 50 ms. */
  onProgress?: (p: SolveProgress) => void;
  /**
   * Longest stretch of work (ms) between two turns the solve hands the event
   * loop (default 15). Only when to yield depends on it, never the answer.
   */
  yieldIntervalMs?: number;
  /** Warm start (e.g. the current plan when re-planning). */
  initialSolution?: RoutePlan;
  /** HGS mu: minimum subpopulation size (default 25; 12 above 200 jobs). */
  populationSize?: number;
  /** HGS lambda: generation size (default 40; 20 above 200 jobs). */
  generationSize?: number;
  /** Elite individuals protected by the biased fitness (default 4). */
  nbElite?: number;
  /** Closest individuals in the diversity measure (default 5). */
  nbClose?: number;
  /** Granular neighbourhood size Gamma (default 20; 30 with time windows). */
  granularSize?: number;
  /**
   * Iterations without improvement before the population restarts (default
   * 20,000). Without `timeLimitMs` and `maxIterations` it is the stopping
   * criterion instead, by default 50 × jobs clamped to [500, 20,000], within
   * the default time limit (`defaultTimeLimitMs`).
   */
  iterationsWithoutImprovement?: number;
  /** Target fraction of feasible local-search outputs (default 0.2). */
  targetFeasible?: number;
  /** Probability of repairing an infeasible offspring with ×10 penalties (default 0.5). */
  repairProbability?: number;
  /** Share of initial individuals built from a jittered sweep (default 0.8 above 300 jobs, else 0.1). */
  sweepShare?: number;
  /** Size of the initial population (default 4 × populationSize up to 200 jobs, then 4 × populationSize × 200 / n, at least 10). */
  initialPopulation?: number;
  /** Use the SWAP* neighbourhood (default true). */
  useSwapStar?: boolean;
  /**
   * Search engine: `auto` (default: the hybrid genetic search for plain
   * capacitated problems up to 450 jobs when the time limit gives 70 ms per
   * job or there is none — and up to 1,500 when every job has the same
   * amounts and the time limit gives 30 ms per job — the iterated local
   * search for everything else: engine-choice.ts), `ils` or `hgs`.
   */
  algorithm?: 'auto' | 'ils' | 'hgs';
  /**
   * ILS with shipments: also try exchanging two shipments between routes, each
   * at its best pickup and delivery places (default false: at equal CPU it was
   * level on Li & Lim 100 at 5 s and 3.5–5.8 % worse on 800 stops, where it
   * cost 10× the iterations; bench/results/tuning.md).
   */
  pairExchange?: boolean;
  /**
   * ILS: new bests found up to this iteration get SWAP* over every route pair
   * (then the clients it moved) instead of the exhaustive local search
   * (default 8 × clients above 500 clients with time windows, else 0).
   */
  cheapBestIterations?: number;
  /**
   * ILS: after this many iterations without a new best, the best plan loses
   * one route to the ejection pool and the search goes on from it (a failed
   * attempt doubles the wait); 0 = never. Default 3 × clients with time
   * windows above 500 clients, and up to 500 under the cost objective where
   * the loads allow more than 20 clients per route on average (with
   * fewest-vehicles there too, up to 150 clients); else 0.
   */
  routeKickAfter?: number;
  /**
   * ILS: every other route-elimination kick opens a route instead — the
   * clients nearest a random client move to an empty route (search/route-split.ts).
   * Default true under the cost objective up to 500 clients (where kicks run), else false.
   */
  routeOpeningKicks?: boolean;
  /**
   * ILS: perturbations cut strings of up to this many consecutive clients
   * from the routes near a random client instead of removing its nearest
   * clients, once the first `cheapBestIterations` are over; 0 = never.
   * Default 10 above 500 clients with time windows, else 0.
   */
  stringRuin?: number;
  /**
   * ILS: once a feasible best plan exists, the recreate and the local search
   * open no route beyond its route count plus this slack (never fewer than
   * one route above the loads' lower bound); negative = no cap.
   * Default 0 under the cost objective with one vehicle type and neither time
   * windows nor shifts nor optional jobs (a route more never shortens a plan
   * there), else no cap.
   */
  routeCapSlack?: number;
  /** ILS: late-acceptance history length (default 300 up to 500 clients and on long capacity-only routes above given 30 ms per client, else 100: run-ils.ts `ilsSizeDefaults`). */
  historyLength?: number;
  /**
   * ILS: fewest / most clients moved by one perturbation (default 1, and a
   * maximum of 25 up to 500 clients and on long capacity-only routes above (given 30 ms per client), 10
   * otherwise: run-ils.ts `ilsSizeDefaults`). A maximum of 0 sizes it to about
   * one route; a negative maximum −m draws sizes skewed towards the minimum
   * (`min + ⌊(m − min + 1)·u²⌋`, u uniform) — the default −25 up to 500 clients.
   */
  minPerturbation?: number;
  maxPerturbation?: number;
  /** ILS: share of perturbations that ruin a whole short route (default 0; 0.3 with shipments, 0.2 for `fewest-vehicles`). */
  routeRemovalRate?: number;
  /**
   * ILS: how the first plan is built — `savings` (Clarke & Wright), `insertion`
   * (greedy, seeded random order) or `auto` (default: where time windows,
   * release times, deadlines or finite shifts matter above 300 clients,
   * insertion when the time limit gives 5 ms per client, savings replaced by
   * insertion when it leaves over 1.25 × the loads' route bound from 1 ms per
   * client; savings otherwise and with shipments).
   */
  construction?: 'auto' | 'savings' | 'insertion';
  /**
   * Cooperation between independent searches (threads, workers): every
   * `exchange.every` iterations the search calls `exchange.exchange` with its
   * best plan so far and awaits the answer; a returned plan is adopted as a
   * starting point (and as the best when it is better). Calls happen at fixed
   * iteration counts, so with `maxIterations`, a seed per search and a
   * deterministic exchange the result stays reproducible. Ignored by the
   * zone decomposition.
   */
  exchange?: SolveExchange;
  /**
   * `fewest-vehicles`: share of the time limit (or of `maxIterations`) after
   * which a second, independent search of the plain cost objective runs on
   * the fleet cut to the vehicles of the routes found (fleet-stage.ts); the
   * better plan by the objective is returned. 0 = one stage. Default 0.7 up
   * to 150 jobs without shipments, optional jobs, travel profiles or a
   * caller's plan; else 0.
   */
  fleetStageShare?: number;
}

/** The best plan of one search, as handed to `SolveExchange.exchange`. */
export interface ExchangeOffer {
  /** Search cost of the plan (the solution cost when feasible). */
  cost: number;
  feasible: boolean;
  /** Vehicle id + job ids in visiting order (times are not included). */
  plan: RoutePlan;
}

export interface SolveExchange {
  /** Iterations between two exchanges (≥ 1). */
  every: number;
  /** Receives this search's best (null when it has none yet); resolves to a plan to adopt, or undefined. */
  exchange(best: ExchangeOffer | null, iteration: number): Promise<RoutePlan | undefined>;
}

/** Default time limit when neither `timeLimitMs` nor `maxIterations` is given: 2 s + 40 ms per job, at most 5 min. */
export function defaultTimeLimitMs(jobs: number): number {
  return Math.min(300_000, 2000 + 40 * jobs);
}

/** Below `QUICK_SETUP_MS_PER_JOB` × jobs of time limit, problems of at least `QUICK_FROM_JOBS` jobs take the quick plan. */
const QUICK_SETUP_MS_PER_JOB = 0.25;
const QUICK_FROM_JOBS = 500;

/**
 * Whether a time limit is too short for the search's set-up at this size and
 * the problem can go the zone path's quick way (no shipments, one travel).
 * Never without a time limit (answers with `maxIterations` stay the same).
 */
function quickPathFits(problem: Problem, options: SolveOptions): boolean {
  if (options.timeLimitMs === undefined || options.decompose === 'never') return false;
  const n = problem.jobs.length;
  return n >= QUICK_FROM_JOBS && options.timeLimitMs < QUICK_SETUP_MS_PER_JOB * n && shouldDecompose(problem, { decompose: 'always' });
}

/**
 * Whether `solve` will answer with the quick plan (docs/semantics.md, "Time
 * limit"): a time limit too short for the search's set-up, or zone by zone
 * for every zone's sub-solve. Callers that would spread the work over threads
 * can then save the threads' start-up: there is no search to spread.
 */
export function quickPlanExpected(problem: Problem, options: SolveOptions): boolean {
  if (options.timeLimitMs === undefined) return false;
  if (shouldDecompose(problem, options)) return quickZonesExpected(problem.jobs.length, options.timeLimitMs, options.zoneTimeShare);
  return quickPathFits(problem, options);
}

/** Minimal structural guard (the full validation lives in model/validate). */
function guard(problem: Problem): void {
  if (!problem || !Array.isArray(problem.jobs)) throw new VrpkitError('problem', 'jobs must be an array', '/jobs');
  if (!Array.isArray(problem.vehicles)) throw new VrpkitError('problem', 'vehicles must be an array', '/vehicles');
  if (!problem.travel) throw new VrpkitError('problem', 'travel is required', '/travel');
}

/**
 * Solves a routing problem. Every job ends in a route or in `unassigned` with
 * a reason; the plan never has more routes than vehicles and never violates a
 * constraint (jobs are left unassigned instead).
 */
export async function solve(problem: Problem, options: SolveOptions = {}): Promise<Solution> {
  const started = now();
  if (options.objective !== undefined) problem = withObjective(problem, options.objective);
  await validate(problem);
  return solveValidated(problem, options, started);
}

/**
 * `solve` for a problem already validated (the zone decomposition's
 * sub-problems, built from a validated problem), with the time limit counted
 * from `started` (a `performance.now()` reading). Internal.
 */
export async function solveValidated(problem: Problem, options: SolveOptions, started: number): Promise<Solution> {
  if (options.objective !== undefined) problem = withObjective(problem, options.objective);
  const signal = options.signal;
  // every long phase hands the event loop a turn about every `yieldIntervalMs` and stops early on an abort
  const pacer = new Pacer(Math.max(0, options.yieldIntervalMs ?? DEFAULT_SLICE_MS), signal);
  const unsupported = unsupportedField(problem);
  if (unsupported) throw new VrpkitError('unsupported', unsupported.message, unsupported.pointer);
  // an abort before the first plan: every order unassigned as `aborted` (aborted.ts)
  if (pacer.aborted) return abortedSolution(problem, now() - started);
  await pacer.yieldNow();
  // Very large problems are planned zone by zone (cluster, route each zone, improve across borders).
  if (shouldDecompose(problem, options)) return solveByZones(problem, options, { started, validated: true });
  // A time limit too short for the search's set-up (compile, neighbourhoods, construction, decode; about
  // 0.3 ms per job at 1,000 jobs): the zone path's quick plan instead (docs/semantics.md, "Time limit").
  if (quickPathFits(problem, options)) return solveByZones(problem, { ...options, decompose: 'always' }, { started, validated: true });
  const hasTime = options.timeLimitMs !== undefined;
  const hasIt = options.maxIterations !== undefined;
  const timeLimit = hasTime ? options.timeLimitMs! : hasIt ? Infinity : defaultTimeLimitMs(problem.jobs.length);
  // fewest-vehicles: the route count, then the distance with the fleet fixed (fleet-stage.ts)
  const stageShare = fleetStageShare(problem, options);
  if (stageShare > 0) return solveInStages(problem, options, started, stageShare, timeLimit, solveValidated);
  const deadline = started + timeLimit;
  let stoppedBy: 'time-limit' | 'aborted' | null = null;
  const cpTimeWindows = problem.jobs.some((j) => j.timeWindows && j.timeWindows.length > 0);
  // the engine sees the limit in force: the caller's, the default one, or none (Infinity) under an iteration budget alone
  const algorithm = options.algorithm === 'ils' || options.algorithm === 'hgs' ? options.algorithm : defaultEngine(problem, timeLimit);
  const cp = await compileProblemPaced(problem, { granularSize: algorithm === 'hgs' ? (options.granularSize ?? (cpTimeWindows ? 30 : 20)) : 0 }, pacer);
  if (cp === undefined) return abortedSolution(problem, now() - started);
  await pacer.yieldNow(); // compiling and searching are separate turns of the event loop
  const shouldStop = () => {
    if (signal?.aborted) {
      stoppedBy = 'aborted';
      return true;
    }
    if (now() >= deadline) {
      stoppedBy = 'time-limit';
      return true;
    }
    return false;
  };
  // the search hands the event loop a turn about every `yieldIntervalMs` and reports progress about every 50 ms
  let lastProgress = started;
  const report = async (iteration: number, bestCost: number, feasible: boolean) => {
    if (!pacer.due()) return;
    await pacer.yieldNow();
    const t = now();
    if (t - lastProgress < 50) return;
    lastProgress = t;
    options.onProgress?.({ iteration, elapsedMs: t - started, bestCost, feasible });
  };
  const run = algorithm === 'hgs'
    ? await runHgs(problem, cp, options, hasTime, hasIt, shouldStop, report)
    : await runIls(problem, cp, options, hasTime, hasIt, shouldStop, report, pacer);
  if (run === null) return abortedSolution(problem, now() - started);

  // internal best -> per-vehicle task lists
  const plan = new Map<number, number[]>();
  run.routes.forEach((route, r) => {
    if (route.length > 0) plan.set(run.slotVehicle[r], Array.from(route, (c) => cp.taskIndex[c]));
  });
  // the search's route model can be coarser than the exact evaluation: decode repairs (decode.ts)
  const ctx: DecodeContext = { problem, tasks: cp.tasks, travel: cp.travel, dims: cp.problemDims, evaluator: cp.evaluator };
  await pacer.yieldNow();
  // after an abort the decode's repair is cut short (decode.ts): what it has no time for stays out as `aborted`
  const solution = decodePlan(ctx, plan, cp.taskIndex, cp.unassigned, cp.needsWalk, () => pacer.aborted);
  solution.status = stoppedBy ?? 'completed';
  solution.stats = { ...run.stats, elapsedMs: now() - started };
  return solution;
}

/** Validates with model/validate's `assertProblem` (every issue reported at once). */
async function validate(problem: Problem): Promise<void> {
  guard(problem);
  assertProblem(problem);
}

export type { CompiledProblem } from './compile.js';
