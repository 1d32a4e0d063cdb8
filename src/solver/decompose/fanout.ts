/**
 * Zone fan-out: the zone-by-zone plan of `solveByZones` cut into independent
 * pieces that other threads or machines can solve (a thread pool, a BullMQ
 * flow), then merged back here.
 *
 * 1. `planZoneFanout`: zones and the fleet split exactly as `solveByZones`
 *    makes them (zones.ts, fleet.ts), one self-contained sub-problem per zone
 *    (subproblem.ts: plain data, its arcs bit for bit the whole problem's) with
 *    its own seed and budget. Zones run side by side, so each gets
 *    `zoneTimeShare` of the limit times the expected parallelism, in
 *    proportion to its size (never more than the whole share).
 * 2. Anyone solves each task with `solve(task.problem, task.options)`.
 * 3. `mergeZonePlans`: the sub-solutions become one plan on the whole problem
 *    (job and vehicle ids are the whole problem's). A zone with no answer (a
 *    lost task) simply contributes no routes.
 * 4. `improveZonePlan`: `solveByZones` warm-started from that plan keeps every
 *    feasible route, re-homes the jobs left out, improves across zone borders
 *    and returns the checked `Solution` of the whole problem.
 *
 * Pure (plain data in and out); this module only composes the zone modules.
 */
import { Rng } from '../../core/rng.js';
import { resolveTravel } from '../../model/travel.js';
import type { Id, Problem, RoutePlan, Solution } from '../../model/types.js';
import { assertProblem } from '../../model/validate.js';
import { defaultTimeLimitMs } from '../index.js';
import { splitFleet, vehicleKinds, zoneWeights } from './fleet.js';
import { solveByZones } from './index.js';
import type { DecomposeOptions } from './options.js';
import { defaultZoneSize } from './zone-size.js';
import { zoneTimeShare } from './zone-share.js';
import { buildSubProblem, mapBack } from './subproblem.js';
import { zoneJobs } from './zones.js';

/** HGS population of a zone solve unless `populationSize` is given (as in `solveByZones`). */
const ZONE_POPULATION = 5;

/** Options of one zone solve: plain data for `solve`. */
export interface ZoneSolveOptions {
  seed: number;
  timeLimitMs?: number;
  maxIterations?: number;
  populationSize: number;
  decompose: 'never';
}

export interface ZoneTask {
  zone: number;
  /** The zone's sub-problem (matrices as plain arrays, ready for JSON). */
  problem: Problem;
  options: ZoneSolveOptions;
  /** Whole-problem job indices of the sub-problem's jobs, in order. */
  jobs: number[];
  /** Whole-problem vehicle indices of the sub-problem's vehicles, in order. */
  vehicles: number[];
}

export interface ZoneFanout {
  tasks: ZoneTask[];
  /** Vehicles given to no zone. */
  spare: number[];
}

export interface FanoutOptions extends DecomposeOptions {
  /** How many zones are expected to run at once (threads or workers; default 1). */
  parallelism?: number;
}

/** Cuts `problem` into zone tasks (see the module comment). Deterministic for a seed. */
export function planZoneFanout(problem: Problem, options: FanoutOptions = {}): ZoneFanout {
  assertProblem(problem);
  const travel = resolveTravel(problem);
  const n = problem.jobs.length;
  const rng = new Rng(options.seed ?? 1);
  const zoneSize = Math.max(2, options.zoneSize ?? defaultZoneSize(problem));
  const zones = zoneJobs(travel, n, zoneSize, options.zoning ?? 'kmeans', rng);
  const fleet = splitFleet(vehicleKinds(problem, travel), zoneWeights(problem, zones.members), zones.members.map((m) => m.length));
  const hasTime = options.timeLimitMs !== undefined;
  const hasIt = options.maxIterations !== undefined;
  const limit = hasTime ? options.timeLimitMs! : hasIt ? Infinity : defaultTimeLimitMs(n);
  const share = zoneTimeShare(options.zoneTimeShare, n, limit);
  const parallelism = Math.max(1, Math.floor(options.parallelism ?? 1));
  const tasks: ZoneTask[] = [];
  const spare = [...fleet.spare];
  zones.members.forEach((members, z) => {
    const vehicles = fleet.perZone[z];
    const seed = rng.nextUint32() % 2147483647;
    if (vehicles.length === 0) return; // its jobs are re-homed when the plan is improved
    const sub = buildSubProblem(problem, travel, members, vehicles);
    const zoneOptions: ZoneSolveOptions = { seed, populationSize: options.populationSize ?? ZONE_POPULATION, decompose: 'never' };
    if (Number.isFinite(limit)) {
      zoneOptions.timeLimitMs = Math.max(50, Math.min(share * limit, (share * limit * parallelism * members.length) / n));
    }
    if (hasIt) zoneOptions.maxIterations = options.maxIterations;
    tasks.push({ zone: z, problem: plainProblem(sub.problem), options: zoneOptions, jobs: Array.from(sub.jobs), vehicles: Array.from(sub.vehicles) });
  });
  return { tasks, spare };
}

/**
 * One plan on the whole problem from the zones' answers (`results[i]` answers
 * `tasks[i]`; undefined for a zone that has none). Jobs a zone left out are in
 * no route, to be re-homed by `improveZonePlan`.
 */
export function mergeZonePlans(
  problem: Problem, tasks: Pick<ZoneTask, 'jobs' | 'vehicles'>[], results: (RoutePlan | Solution | undefined)[],
): RoutePlan {
  const plan: RoutePlan = { routes: [] };
  tasks.forEach((task, i) => {
    const result = results[i];
    if (!result) return;
    // mapBack reads only the index lists of the sub-problem
    const sub = { problem, jobs: Int32Array.from(task.jobs), vehicles: Int32Array.from(task.vehicles) };
    const back = mapBack(problem, sub, result);
    for (const [k, jobs] of back.routes) {
      plan.routes.push({
        vehicle: problem.vehicles[k].id,
        steps: [{ type: 'start' }, ...jobs.map((j) => ({ type: 'job' as const, id: problem.jobs[j].id as Id })), { type: 'end' }],
      });
    }
  });
  return plan;
}

/**
 * The final step: `solveByZones` from the merged plan (keeps feasible routes,
 * re-homes left-out jobs, improves across zone borders) within the options'
 * limits; returns the whole problem's `Solution`.
 */
export function improveZonePlan(problem: Problem, merged: RoutePlan, options: DecomposeOptions = {}): Promise<Solution> {
  return solveByZones(problem, { ...options, initialSolution: merged });
}

/** A copy of a sub-problem whose typed-array matrices are plain arrays (JSON keeps them). */
function plainProblem(problem: Problem): Problem {
  const t = problem.travel;
  if (t.type !== 'matrix') return problem;
  return {
    ...problem,
    travel: {
      ...t,
      durations: Array.from(t.durations),
      ...(t.distances !== undefined ? { distances: Array.from(t.distances) } : {}),
    },
  };
}
