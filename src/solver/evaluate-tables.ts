/**
 * The table groups of `EvaluatorData` (evaluate-data.ts), each built by one
 * small function with plain loops over locals: the tables are built once per
 * problem, mostly before the JIT has warmed up. Same definitions as there
 * (docs/semantics.md): per task its kind, partner, priority, release time,
 * dispatch deadline and amounts, its windows and soft-window terms, service
 * and setup per vehicle type; per vehicle its arcs, start and end, shift,
 * limits, capacities and costs; the breaks in slot order.
 */
import type { VehicleTravel } from '../model/fleet-travel.js';
import { serviceDurationFor, setupDurationFor, type TaskTable } from '../model/tasks.js';
import type { ResolvedTravel } from '../model/travel.js';
import type { Problem, TimeWindow, Vehicle } from '../model/types.js';

/** Metric travel with at most this many locations is tabulated once (≤ 2 × 8 MB). */
const DENSE_LIMIT = 1000;

/** Arc tables of one travel definition: dense when known, else the travel's functions. */
export interface ArcTable {
  travel: ResolvedTravel;
  size: number;
  durations?: ArrayLike<number>;
  distances?: ArrayLike<number>;
}

/** The arc tables of one travel definition (dense when small and metric). */
export function arcTable(travel: ResolvedTravel): ArcTable {
  if (travel.dense) return { travel, size: travel.size, durations: travel.dense.durations, distances: travel.dense.distances };
  const size = travel.size;
  if (travel.block || size > DENSE_LIMIT) return { travel, size };
  const distances = new Float64Array(size * size);
  const durations = new Float64Array(size * size);
  let same = true;
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++) {
      distances[a * size + b] = travel.distance(a, b);
      durations[a * size + b] = travel.duration(a, b);
      if (durations[a * size + b] !== distances[a * size + b]) same = false;
    }
  }
  return { travel, size, distances, durations: same ? distances : durations };
}

/** The per-task columns of `EvaluatorData` (kinds, partners, priorities, release times, dispatch deadlines, amounts). */
export function taskColumns(problem: Problem, table: TaskTable, dims: number) {
  const n = table.tasks.length;
  const kind = new Uint8Array(n);
  const partner = new Int32Array(n);
  const priority = new Float64Array(n);
  const release = new Float64Array(n).fill(-Infinity);
  const deadline = new Float64Array(n).fill(Infinity);
  const fromStart = new Float64Array(n * dims);
  const unload = new Float64Array(n * dims);
  const load = new Float64Array(n * dims);
  const tasks = table.tasks;
  const jobs = problem.jobs;
  const shipments = problem.shipments ?? [];
  for (let t = 0; t < n; t++) {
    const task = tasks[t];
    partner[t] = task.partner;
    priority[t] = task.priority;
    if (task.kind === 'job') {
      const job = jobs[task.owner];
      if (job.releaseTime !== undefined) release[t] = job.releaseTime;
      if (job.dispatchDeadline !== undefined) deadline[t] = job.dispatchDeadline;
      const delivery = job.delivery, pickup = job.pickup;
      for (let q = 0; q < dims; q++) {
        fromStart[t * dims + q] = delivery?.[q] ?? 0;
        unload[t * dims + q] = delivery?.[q] ?? 0;
        load[t * dims + q] = pickup?.[q] ?? 0;
      }
    } else {
      kind[t] = task.kind === 'pickup' ? 1 : 2;
      const amount = shipments[task.owner].amount;
      const into = task.kind === 'pickup' ? load : unload;
      for (let q = 0; q < dims; q++) into[t * dims + q] = amount?.[q] ?? 0;
    }
  }
  return { kind, partner, priority, release, deadline, fromStart, unload, load };
}

/** Every task's windows (for `windowTable`) and soft-window terms. */
export function softWindows(table: TaskTable) {
  const tasks = table.tasks;
  const n = tasks.length;
  const windowLists = new Array<TimeWindow[] | undefined>(n);
  const latenessCost = new Float64Array(n);
  const maxLateness = new Float64Array(n);
  let anySoft = false;
  for (let t = 0; t < n; t++) {
    const task = tasks[t];
    windowLists[t] = task.timeWindows;
    latenessCost[t] = task.latenessCost;
    maxLateness[t] = task.maxLateness;
    if (task.latenessCost > 0 || task.maxLateness > 0) anySoft = true;
  }
  return { windowLists, latenessCost, maxLateness, anySoft };
}

/** Duration classes by vehicle type (class 0: no type) and every task's service and setup per class. */
export function durationClasses(vehicles: Vehicle[], table: TaskTable) {
  const classOf = new Map<string, number>();
  const vehicleClass = new Int32Array(vehicles.length);
  const classVehicle: number[] = [-1];
  for (let k = 0; k < vehicles.length; k++) {
    const type = vehicles[k].type;
    if (type === undefined) continue;
    let c = classOf.get(type);
    if (c === undefined) {
      c = classVehicle.length;
      classOf.set(type, c);
      classVehicle.push(k);
    }
    vehicleClass[k] = c;
  }
  const C = classVehicle.length;
  const tasks = table.tasks;
  const n = tasks.length;
  const service = new Float64Array(n * C);
  const setup = new Float64Array(n * C);
  const untyped = { id: '' };
  let anySetup = false;
  for (let t = 0; t < n; t++) {
    const task = tasks[t];
    for (let c = 0; c < C; c++) {
      const v = c === 0 ? untyped : vehicles[classVehicle[c]];
      service[t * C + c] = serviceDurationFor(task, v);
      setup[t * C + c] = setupDurationFor(task, v);
      if (setup[t * C + c] > 0) anySetup = true;
    }
  }
  return { vehicleClass, classes: C, service, setup, anySetup };
}

/** The per-vehicle columns of `EvaluatorData` (travel, start and end, shift, limits, capacities, costs). */
export function vehicleColumns(vehicles: Vehicle[], fleet: VehicleTravel[], dims: number) {
  const K = vehicles.length;
  const arcs: ArcTable[] = [];
  const arcOf = new Map<ResolvedTravel, ArcTable>();
  const taskLoc: Int32Array[] = [];
  const speedFactor = new Float64Array(K);
  const startLoc = new Int32Array(K);
  const endLoc = new Int32Array(K);
  const shiftStart = new Float64Array(K);
  const shiftEnd = new Float64Array(K);
  const maxDuration = new Float64Array(K);
  const maxDistance = new Float64Array(K);
  const maxTravelTime = new Float64Array(K);
  const maxTasks = new Float64Array(K);
  const capacity = new Float64Array(K * dims);
  const fixed = new Float64Array(K);
  const perDistance = new Float64Array(K);
  const perTravelTime = new Float64Array(K);
  const perDuration = new Float64Array(K);
  const perTaskTime = new Float64Array(K);
  const arcCosts: (ArrayLike<number> | null)[] = [];
  for (let k = 0; k < K; k++) {
    const v = vehicles[k];
    const vt = fleet[k];
    let arc = arcOf.get(vt.travel);
    if (!arc) arcOf.set(vt.travel, (arc = arcTable(vt.travel)));
    arcs.push(arc);
    taskLoc.push(vt.travel.jobLocation);
    speedFactor[k] = vt.speedFactor;
    startLoc[k] = vt.travel.vehicleStart[k];
    endLoc[k] = vt.travel.vehicleEnd[k];
    shiftStart[k] = v.shift ? v.shift[0] : -Infinity;
    shiftEnd[k] = v.shift ? v.shift[1] : Infinity;
    maxDuration[k] = v.maxDuration ?? Infinity;
    maxDistance[k] = v.maxDistance ?? Infinity;
    maxTravelTime[k] = v.maxTravelTime ?? Infinity;
    maxTasks[k] = v.maxTasks ?? Infinity;
    for (let q = 0; q < dims; q++) capacity[k * dims + q] = v.capacity ? (v.capacity[q] ?? 0) : Infinity;
    const c = v.costs ?? {};
    fixed[k] = c.fixed ?? 0;
    perDistance[k] = c.perDistance ?? 1;
    perTravelTime[k] = c.perTravelTime ?? 0;
    perDuration[k] = c.perDuration ?? 0;
    perTaskTime[k] = c.perTaskTime ?? 0;
    arcCosts.push(vt.costs ?? null);
  }
  return {
    arcs, taskLoc, speedFactor, startLoc, endLoc, shiftStart, shiftEnd, maxDuration, maxDistance, maxTravelTime, maxTasks,
    capacity, fixed, perDistance, perTravelTime, perDuration, perTaskTime, arcCosts,
  };
}

/** Break slots, per vehicle in the order of their first window start (ties: their order in the vehicle), and their windows' lists. */
export function breakTables(vehicles: Vehicle[], dims: number) {
  const K = vehicles.length;
  const breakStart = new Int32Array(K + 1);
  const origin: number[] = [];
  const lists: (TimeWindow[] | undefined)[] = [];
  let maxBreaks = 0;
  for (let k = 0; k < K; k++) {
    const breaks = vehicles[k].breaks;
    if (!breaks || breaks.length === 0) {
      breakStart[k + 1] = origin.length;
      continue;
    }
    const firstStart = (b: number) => breaks[b].timeWindows?.[0]?.[0] ?? -Infinity;
    const order = breaks.map((_, b) => b).sort((a, b) => firstStart(a) - firstStart(b) || a - b);
    for (const b of order) {
      origin.push(b);
      lists.push(breaks[b].timeWindows);
    }
    breakStart[k + 1] = origin.length;
    maxBreaks = Math.max(maxBreaks, breaks.length);
  }
  const breakOrigin = Int32Array.from(origin);
  const breakDuration = new Float64Array(origin.length);
  const breakMaxLoad = new Float64Array(origin.length * dims);
  for (let k = 0; k < K; k++) {
    for (let g = breakStart[k]; g < breakStart[k + 1]; g++) {
      const b = vehicles[k].breaks![origin[g]];
      breakDuration[g] = b.duration ?? 0;
      for (let q = 0; q < dims; q++) breakMaxLoad[g * dims + q] = b.maxLoad ? (b.maxLoad[q] ?? 0) : Infinity;
    }
  }
  return { breakStart, maxBreaks, breakOrigin, breakDuration, breakMaxLoad, lists };
}
