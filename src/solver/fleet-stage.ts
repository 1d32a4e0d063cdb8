/**
 * `fewest-vehicles` in two stages: the route count, then the distance with
 * the fleet fixed.
 *
 * The first stage is the fewest-vehicles search (run-ils.ts: the route phase,
 * the fleet limit, the distance search under a dominating route price) for a
 * share of the time. The second stage is an independent search of the plain
 * cost objective on the same problem with the fleet cut to the vehicles of
 * the first stage's routes: no move can open a route there, so it spends
 * nothing on candidates that do (under fewest-vehicles half of them on long
 * routes, each repaired; bench/results/tuning.md, "Long routes"), its
 * penalties follow time warp and load only, and its own first plan is a
 * second start — with few routes the distance search stalls in a basin that
 * its start decides (same section). Its plan has at most the first stage's
 * routes; the answer is the better of the two plans by the problem's
 * objective (routes, then cost; the second stage's only when it serves every
 * job — on a cut fleet it may not), so the second stage never costs a route.
 *
 * Measured at the real command on Solomon, 30 s (bench/results/tuning.md,
 * "Fewest vehicles in two stages"): mean gap at equal route count 0.70 % in
 * one stage, with half the time for each stage 0.48 % when the second starts
 * from the first stage's plan and 0.37 % when it starts afresh (adopted), but
 * one or two routes more; with 70 % for the first stage 0.39 % and 0.38 % in
 * two seeds (0.70 and 0.755 % in one stage) at 406 and 405 vehicles.
 * Applied where the route phase applies and where it was measured: no
 * shipments, no optional tasks, no travel profiles, no caller's plan, up to
 * `FLEET_STAGE_MAX_JOBS` jobs, the ILS.
 */
import type { Problem, Solution } from '../model/types.js';
import type { SolveOptions, SolveProgress } from './index.js';
import { compareObjective, resolveObjective, solutionObjective, withObjective } from '../model/objective.js';
import { idKey } from '../model/ids.js';
import { now } from '../core/clock.js';

/**
 * Default share of the time (or iterations) of the first stage. At 0.5 the
 * first stage's route phase had too little time on short routes, where it
 * removes the last route late (Solomon R104, R112: 10 routes instead of 9 in
 * two seeds); at 0.7 none lost a route (tuning.md, "Fewest vehicles in two
 * stages").
 */
export const FLEET_STAGE_SHARE = 0.7;
/** Largest problem (jobs) the second stage applies to by default: measured on 100 clients. */
export const FLEET_STAGE_MAX_JOBS = 150;

/** What the stages need from `solve` (its validated entry point, with the clock of the caller). */
export type StageSolve = (problem: Problem, options: SolveOptions, started: number) => Promise<Solution>;

/** The share of the first stage when the two stages apply to this (validated) problem, else 0. */
export function fleetStageShare(problem: Problem, options: SolveOptions): number {
  if (resolveObjective(problem.objective).type !== 'fewest-vehicles') return 0;
  const share = options.fleetStageShare ?? (problem.jobs.length <= FLEET_STAGE_MAX_JOBS ? FLEET_STAGE_SHARE : 0);
  if (!(share > 0 && share < 1)) return 0;
  if (options.initialSolution || options.algorithm === 'hgs') return 0;
  if ((problem.shipments?.length ?? 0) > 0 || Object.keys(problem.profiles ?? {}).length > 0) return 0;
  // optional tasks (a priority) may be left out, and the cost stage would trade them for distance
  if (problem.jobs.some((j) => (j.priority ?? 0) > 0)) return 0;
  return share;
}

/**
 * Runs the two stages (see the module comment) with `share` of the time limit
 * (or of `maxIterations`) for the first; `limitMs` is the whole limit (Infinity
 * when only iterations bound the search).
 */
export async function solveInStages(
  problem: Problem, options: SolveOptions, started: number, share: number, limitMs: number, run: StageSolve,
): Promise<Solution> {
  const first = { ...options, fleetStageShare: 0 };
  if (Number.isFinite(limitMs)) first.timeLimitMs = share * limitMs;
  if (options.maxIterations !== undefined) first.maxIterations = Math.max(1, Math.round(share * options.maxIterations));
  const one = await run(problem, first, started);
  if (one.status === 'aborted' || options.signal?.aborted || one.unassigned.length > 0 || one.routes.length === 0) return one;
  const used = new Set(one.routes.map((r) => idKey(r.vehicle)));
  const fleet = problem.vehicles.filter((v) => used.has(idKey(v.id)));
  const costProblem = withObjective({ ...problem, vehicles: fleet }, 'cost');
  const t1 = now();
  // the engine of the first stage (fewest-vehicles always runs the ILS), not the genetic search the cost objective may pick
  const second: SolveOptions = { ...options, fleetStageShare: 0, objective: undefined, algorithm: 'ils' };
  // progress goes on from the first stage's iterations, clock and best (until the second stage finds a cheaper plan)
  const onProgress = options.onProgress;
  const before = one.stats?.iterations ?? 0;
  const cost = one.summary.cost;
  if (onProgress) {
    second.onProgress = (p: SolveProgress) => {
      const own = p.feasible && p.bestCost < cost;
      onProgress({ iteration: before + p.iteration, elapsedMs: t1 - started + p.elapsedMs, bestCost: own ? p.bestCost : cost, feasible: true });
    };
  }
  if (Number.isFinite(limitMs)) second.timeLimitMs = Math.max(1, started + limitMs - t1);
  if (options.maxIterations !== undefined) second.maxIterations = Math.max(1, options.maxIterations - first.maxIterations!);
  const two = await run(costProblem, second, t1);
  const better = two.unassigned.length === 0 &&
    compareObjective(solutionObjective(problem, two), solutionObjective(problem, one)) < 0;
  const chosen = better ? two : one;
  chosen.stats = { ...chosen.stats, iterations: before + (two.stats?.iterations ?? 0), elapsedMs: now() - started, fleetStage: better ? 1 : 0 };
  if (two.status) chosen.status = two.status;
  return chosen;
}
