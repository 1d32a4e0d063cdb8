/**
 * Sub-problems for zone-by-zone solving: a `Problem` holding only some jobs
 * and some vehicles, with a compact travel over just the locations they use,
 * so that compiling it costs O(zone²) memory however large the whole problem is.
 *
 * Arcs are bit-for-bit those of the whole problem: metric travel keeps the same
 * coordinates, speed and rounding (only re-indexed); matrix and network travel
 * become a matrix sub-block copied from the resolved dense matrices, or, for
 * network travel on demand (large problems), fetched as one block of just
 * these locations. A
 * sub-solution's routes therefore cost exactly what they cost in the whole
 * problem, and can be merged back by job/vehicle index.
 */
import type { ResolvedTravel } from '../../model/travel.js';
import type { Id, Job, Problem, RoutePlan, Solution, Travel, Vehicle } from '../../model/types.js';

export interface SubProblem {
  problem: Problem;
  /** Whole-problem job index of every sub-problem job. */
  jobs: Int32Array;
  /** Whole-problem vehicle index of every sub-problem vehicle. */
  vehicles: Int32Array;
}

/**
 * Builds the sub-problem of jobs `jobs` served by vehicles `vehicles` (indices
 * into the whole problem). `allowedVehicles` lists are cut to the vehicles
 * present (an empty list leaves the job unservable here, to be re-homed by the
 * caller); a `preferredVehicle` that is absent is dropped, which changes no
 * decision since every vehicle here would pay the same penalty.
 */
export function buildSubProblem(
  problem: Problem, travel: ResolvedTravel, jobs: ArrayLike<number>, vehicles: ArrayLike<number>,
): SubProblem {
  const localOf = new Map<number, number>();
  const used: number[] = [];
  const local = (loc: number): number => {
    let i = localOf.get(loc);
    if (i === undefined) {
      i = used.length;
      localOf.set(loc, i);
      used.push(loc);
    }
    return i;
  };
  const present = new Set<string>();
  for (let i = 0; i < vehicles.length; i++) present.add(String(problem.vehicles[vehicles[i]].id));

  const subVehicles: Vehicle[] = [];
  for (let i = 0; i < vehicles.length; i++) {
    const k = vehicles[i];
    const v: Vehicle = { ...problem.vehicles[k] };
    delete v.start;
    delete v.end;
    if (travel.vehicleStart[k] >= 0) v.start = local(travel.vehicleStart[k]);
    if (travel.vehicleEnd[k] >= 0) v.end = local(travel.vehicleEnd[k]);
    subVehicles.push(v);
  }
  const subJobs: Job[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const j = jobs[i];
    const job: Job = { ...problem.jobs[j], location: local(travel.jobLocation[j]) };
    if (job.allowedVehicles) job.allowedVehicles = job.allowedVehicles.filter((id) => present.has(String(id)));
    if (job.preferredVehicle !== undefined && !present.has(String(job.preferredVehicle))) {
      delete job.preferredVehicle;
      delete job.reassignmentPenalty;
    }
    subJobs.push(job);
  }
  return {
    problem: { jobs: subJobs, vehicles: subVehicles, travel: subTravel(problem.travel, travel, used), name: problem.name },
    jobs: Int32Array.from(jobs),
    vehicles: Int32Array.from(vehicles),
  };
}

/** The travel over locations `used` (whole-problem location indices), in that order. */
function subTravel(original: Travel, travel: ResolvedTravel, used: number[]): Travel {
  const m = used.length;
  const coordinates = travel.coordinates
    ? used.map((l): [number, number] => [travel.coordinates![2 * l], travel.coordinates![2 * l + 1]])
    : undefined;
  if (travel.dense) {
    const size = travel.size;
    const { durations, distances } = travel.dense;
    const subDur = new Float64Array(m * m);
    const subDist = distances === durations ? subDur : new Float64Array(m * m);
    for (let a = 0; a < m; a++) {
      const row = used[a] * size;
      for (let b = 0; b < m; b++) {
        subDur[a * m + b] = durations[row + used[b]];
        if (subDist !== subDur) subDist[a * m + b] = distances[row + used[b]];
      }
    }
    return {
      type: 'matrix', size: m, durations: subDur,
      ...(subDist !== subDur ? { distances: subDist } : {}),
      ...(coordinates ? { coordinates } : {}),
    };
  }
  if (travel.block) {
    // Network travel on demand: just this sub-problem's block of arcs.
    const { durations, distances } = travel.block(used, used);
    return { type: 'matrix', size: m, durations, distances, ...(coordinates ? { coordinates } : {}) };
  }
  if (original.type !== 'euclidean' && original.type !== 'haversine') {
    // resolveTravel gives dense matrices (or blocks on demand) for every non-metric travel.
    throw new Error(`unexpected travel type ${original.type} without dense matrices`);
  }
  return {
    type: original.type,
    coordinates: coordinates ?? [],
    ...(original.speed !== undefined ? { speed: original.speed } : {}),
    ...(original.rounding !== undefined ? { rounding: original.rounding } : {}),
  };
}

/** A warm start for the sub-problem: the current routes of its vehicles (job ids in order). */
export function warmPlan(problem: Problem, routes: Map<number, number[]>, vehicles: ArrayLike<number>): RoutePlan {
  const plan: RoutePlan = { routes: [] };
  for (let i = 0; i < vehicles.length; i++) {
    const jobs = routes.get(vehicles[i]);
    if (!jobs || jobs.length === 0) continue;
    plan.routes.push({
      vehicle: problem.vehicles[vehicles[i]].id,
      steps: [{ type: 'start' }, ...jobs.map((j) => ({ type: 'job' as const, id: problem.jobs[j].id })), { type: 'end' }],
    });
  }
  return plan;
}

/**
 * Maps a sub-solution back to whole-problem indices: the job list of every
 * used vehicle, and the unassigned jobs with their reasons.
 */
export function mapBack(
  whole: Problem, sub: SubProblem, solution: RoutePlan | Solution,
): { routes: Map<number, number[]>; unassigned: { job: number; reason: string; message?: string }[] } {
  const key = (id: Id) => String(id);
  const jobOf = new Map<string, number>();
  for (let i = 0; i < sub.jobs.length; i++) jobOf.set(key(whole.jobs[sub.jobs[i]].id), sub.jobs[i]);
  const vehicleOf = new Map<string, number>();
  for (let i = 0; i < sub.vehicles.length; i++) vehicleOf.set(key(whole.vehicles[sub.vehicles[i]].id), sub.vehicles[i]);
  const routes = new Map<number, number[]>();
  for (const r of solution.routes) {
    const k = vehicleOf.get(key(r.vehicle));
    if (k === undefined) throw new Error(`sub-solution uses unknown vehicle ${String(r.vehicle)}`);
    const list: number[] = [];
    for (const s of r.steps) {
      if (s.type !== 'job' || s.id === undefined) continue;
      const j = jobOf.get(key(s.id));
      if (j === undefined) throw new Error(`sub-solution serves unknown job ${String(s.id)}`);
      list.push(j);
    }
    if (list.length > 0) routes.set(k, list);
  }
  const unassigned = (solution.unassigned ?? []).map((u) => {
    const j = jobOf.get(key(u.id));
    if (j === undefined) throw new Error(`sub-solution reports unknown job ${String(u.id)}`);
    const message = (u as { message?: unknown }).message;
    return { job: j, reason: u.reason ?? 'fleet-exhausted', ...(typeof message === 'string' ? { message } : {}) };
  });
  return { routes, unassigned };
}
