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
 * shared this way; its shortest paths are then searched once instead of once
 * per thread. (Not for problems planned zone by zone: solve-threads.ts solves
 * those in the calling thread with travel on demand.)
 */
import { resolveTaskTravel } from '../model/task-travel.js';
import { taskOfStep, taskTable } from '../model/tasks.js';
import type { Job, Location, Problem, Shipment, Solution, Vehicle } from '../model/types.js';

export interface SharedTravelProblem {
  /** The matrix problem to post to workers (its matrices live in shared memory). */
  problem: Problem;
  /** Bytes of shared memory holding the matrices. */
  sharedBytes: number;
}

/** Whether `problem` must be shared as matrices to reach a worker (a road network cannot be posted). */
export function needsSharedTravel(problem: Problem): boolean {
  return problem.travel.type === 'network' || Object.values(problem.profiles ?? {}).some((t) => t.type === 'network');
}

/**
 * Whether `shareTravel` can build the matrix twin: not with travel profiles
 * (each vehicle's travel would need its own matrices; such problems are posted
 * as they are, or solved in the calling thread when a profile is a road network).
 */
export function canShareTravel(problem: Problem): boolean {
  return Object.keys(problem.profiles ?? {}).length === 0;
}

/**
 * The matrix twin of a (validated) problem, its matrices in shared memory (see
 * the module comment). O(locations²) time and memory, once for all threads.
 */
export function shareTravel(problem: Problem): SharedTravelProblem {
  const table = taskTable(problem);
  const travel = resolveTaskTravel(problem, table);
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
  // a costs matrix keeps its location indices (matrix travel is indexed as given)
  let costs: Float64Array | undefined;
  if (problem.travel.type === 'matrix' && problem.travel.costs) {
    costs = new Float64Array(new SharedArrayBuffer(cells * 8));
    costs.set(Float64Array.from(problem.travel.costs as ArrayLike<number>));
  }
  let coordinates: [number, number][] | undefined;
  if (travel.coordinates) {
    const c = travel.coordinates;
    coordinates = Array.from({ length: size }, (_, i): [number, number] => [c[2 * i], c[2 * i + 1]]);
  }
  const at = travel.jobLocation; // indexed by task: jobs, then pickup and delivery of each shipment
  const n = problem.jobs.length;
  const jobs: Job[] = problem.jobs.map((job, j) => ({ ...job, location: at[j] }));
  const shipments: Shipment[] | undefined = problem.shipments?.map((sh, s) => ({
    ...sh,
    pickup: { ...sh.pickup, location: at[n + 2 * s] },
    delivery: { ...sh.delivery, location: at[n + 2 * s + 1] },
  }));
  const vehicles: Vehicle[] = problem.vehicles.map((v, k) => {
    const out: Vehicle = { ...v };
    delete out.start;
    delete out.end;
    if (travel.vehicleStart[k] >= 0) out.start = travel.vehicleStart[k];
    if (travel.vehicleEnd[k] >= 0) out.end = travel.vehicleEnd[k];
    return out;
  });
  // every other field (objective, defaults, limits, name, ...) travels unchanged
  const shared: Problem = {
    ...problem,
    jobs,
    ...(shipments ? { shipments } : {}),
    vehicles,
    travel: {
      type: 'matrix',
      size,
      durations,
      ...(same ? {} : { distances }),
      ...(costs ? { costs } : {}),
      ...(coordinates ? { coordinates } : {}),
    },
  };
  return { problem: shared, sharedBytes: ((same ? 1 : 2) + (costs ? 1 : 0)) * cells * 8 };
}

/**
 * Puts the original problem's locations back into the steps of a solution
 * found on its matrix twin (in place; returns it). Times, loads and costs are
 * already those of the original problem.
 */
export function restoreLocations(original: Problem, solution: Solution): Solution {
  const table = taskTable(original);
  const vehicleOf = new Map<string, Vehicle>();
  for (const v of original.vehicles) vehicleOf.set(`${typeof v.id}:${String(v.id)}`, v);
  for (const route of solution.routes) {
    const v = vehicleOf.get(`${typeof route.vehicle}:${String(route.vehicle)}`);
    for (const step of route.steps) {
      let loc: Location | undefined;
      if (step.type === 'start') loc = v?.start;
      else if (step.type === 'end') loc = v?.end;
      else {
        const t = taskOfStep(table, step);
        if (typeof t === 'number') loc = table.tasks[t].location;
      }
      if (loc === undefined) delete step.location;
      else step.location = loc;
    }
  }
  return solution;
}
