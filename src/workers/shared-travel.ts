/**
 * Travel shared between worker threads: the dense duration and distance
 * matrices are computed once, in the calling thread, into `SharedArrayBuffer`s,
 * and every worker gets a `matrix` problem whose arrays are views on those
 * buffers (posting a view on a shared buffer shares it; nothing is copied).
 *
 * The matrix problem has exactly the arcs of the original: `resolveTravel`
 * gives every arc with the problem's rounding and speed already applied, and
 * the matrix holds those numbers bit for bit, indexed by the same location
 * indices; coordinates (when the travel has them) come along for geometry.
 * A plan found on the matrix problem therefore has the same times, loads,
 * distances and costs on the original problem; only the step locations are
 * indices, and `restoreLocations` puts the original ones back.
 *
 * A road network cannot be posted to a worker at all, so network travel is
 * always shared this way; its shortest paths are then searched once instead of
 * once per thread.
 */
import { resolveTravel } from '../model/travel.js';
import type { Id, Job, Location, Problem, Solution, Vehicle } from '../model/types.js';

export interface SharedTravelProblem {
  /** The matrix problem to post to workers (its matrices live in shared memory). */
  problem: Problem;
  /** Bytes of shared memory holding the matrices. */
  sharedBytes: number;
}

/** Whether `problem` must be shared as matrices to reach a worker (a road network cannot be posted). */
export function needsSharedTravel(problem: Problem): boolean {
  return problem.travel.type === 'network';
}

/**
 * Whether the matrix twin means the same problem. It carries the jobs and
 * vehicles of the default travel only: not shipments, not other profiles,
 * not a costs matrix; and its matrix rows are never the same location, so
 * setup between stops with equal coordinates would change. For such a problem
 * the original is posted as it is (or, on a road network, solved in the
 * calling thread).
 */
export function twinKeepsMeaning(problem: Problem): boolean {
  if ((problem.shipments?.length ?? 0) > 0) return false;
  if (problem.vehicles.some((v) => v.profile !== undefined)) return false;
  const travel = problem.travel;
  if (travel.type === 'matrix' && travel.costs) return false;
  if (travel.type === 'euclidean' || travel.type === 'haversine') {
    if (problem.jobs.some((j) => (j.setupDuration ?? 0) > 0 || Object.keys(j.setupDurationPerType ?? {}).length > 0)) return false;
  }
  return true;
}

/**
 * The matrix twin of a (validated) problem, its matrices in shared memory (see
 * the module comment). O(locations²) time and memory, once for all threads.
 */
export function shareTravel(problem: Problem): SharedTravelProblem {
  const travel = resolveTravel(problem);
  const size = travel.size;
  const cells = size * size;
  const same = travel.dense ? travel.dense.durations === travel.dense.distances : travel.duration === travel.distance;
  const durations = new Float64Array(new SharedArrayBuffer(cells * 8));
  const distances = same ? durations : new Float64Array(new SharedArrayBuffer(cells * 8));
  if (travel.dense) {
    durations.set(travel.dense.durations);
    if (!same) distances.set(travel.dense.distances);
  } else {
    for (let a = 0; a < size; a++) {
      const row = a * size;
      for (let b = 0; b < size; b++) {
        durations[row + b] = travel.duration(a, b);
        if (!same) distances[row + b] = travel.distance(a, b);
      }
    }
  }
  let coordinates: [number, number][] | undefined;
  if (travel.coordinates) {
    const c = travel.coordinates;
    coordinates = Array.from({ length: size }, (_, i): [number, number] => [c[2 * i], c[2 * i + 1]]);
  }
  const jobs: Job[] = problem.jobs.map((job, j) => ({ ...job, location: travel.jobLocation[j] }));
  const vehicles: Vehicle[] = problem.vehicles.map((v, k) => {
    const out: Vehicle = { ...v };
    delete out.start;
    delete out.end;
    if (travel.vehicleStart[k] >= 0) out.start = travel.vehicleStart[k];
    if (travel.vehicleEnd[k] >= 0) out.end = travel.vehicleEnd[k];
    return out;
  });
  const shared: Problem = {
    jobs,
    vehicles,
    travel: {
      type: 'matrix',
      size,
      durations,
      ...(same ? {} : { distances }),
      ...(coordinates ? { coordinates } : {}),
    },
    ...(problem.name !== undefined ? { name: problem.name } : {}),
  };
  return { problem: shared, sharedBytes: (same ? 1 : 2) * cells * 8 };
}

/**
 * Puts the original problem's locations back into the steps of a solution
 * found on its matrix twin (in place; returns it). Times, loads and costs are
 * already those of the original problem.
 */
export function restoreLocations(original: Problem, solution: Solution): Solution {
  const key = (id: Id) => `${typeof id}:${String(id)}`;
  const jobAt = new Map<string, Location>();
  for (const job of original.jobs) jobAt.set(key(job.id), job.location);
  const vehicleOf = new Map<string, Vehicle>();
  for (const v of original.vehicles) vehicleOf.set(key(v.id), v);
  for (const route of solution.routes) {
    const v = vehicleOf.get(key(route.vehicle));
    for (const step of route.steps) {
      let loc: Location | undefined;
      if (step.type === 'job' && step.id !== undefined) loc = jobAt.get(key(step.id));
      else if (step.type === 'start') loc = v?.start;
      else if (step.type === 'end') loc = v?.end;
      if (loc === undefined) delete step.location;
      else step.location = loc;
    }
  }
  return solution;
}
