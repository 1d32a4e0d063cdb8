/**
 * The flat tables the exact route evaluator (`evaluate.ts`) reads, built once
 * per problem from docs/semantics.md's definitions: per task its locations,
 * windows (several per task, CSR), service and setup per vehicle type,
 * release time, dispatch deadline, amounts, priority and partner; per vehicle
 * its travel, start and end, shift, limits, capacities, cost coefficients and
 * breaks (sorted by their first window's start, windows in CSR); and which
 * vehicle may serve which task (allowed vehicles, skills and service radius,
 * as a bitset). Everything the evaluator's hot loop touches is a typed array.
 */
import { capacityDimensions } from '../model/check-context.js';
import { resolveFleetTravel, type VehicleTravel } from '../model/fleet-travel.js';
import { idKey } from '../model/ids.js';
import { serviceDurationFor, setupDurationFor, taskTable, type TaskTable } from '../model/tasks.js';
import type { ResolvedTravel } from '../model/travel.js';
import type { Problem, TimeWindow } from '../model/types.js';

/** How the evaluator gets the problem's tasks and travel (each resolved anew when absent). */
export interface EvaluatorOptions {
  /** `taskTable(problem)`. */
  tasks?: TaskTable;
  /**
   * The problem's default travel resolved per task (`resolveTaskTravel`):
   * reused for every vehicle when no vehicle names a profile.
   */
  travel?: ResolvedTravel;
  /** Every vehicle's travel (`resolveFleetTravel`), when the caller has it. */
  fleet?: VehicleTravel[];
  /** At least this many capacity dimensions (the problem's own count otherwise). */
  dims?: number;
  /** Tolerance before a limit counts as broken, as the checker's default (1e-9 absolute + 1e-9 relative). */
  epsAbs?: number;
  epsRel?: number;
}

/** Metric travel with at most this many locations is tabulated once (≤ 2 × 8 MB). */
const DENSE_LIMIT = 1000;

/** Arc tables of one travel definition: dense when known, else the travel's functions. */
export interface ArcTable {
  travel: ResolvedTravel;
  size: number;
  durations?: ArrayLike<number>;
  distances?: ArrayLike<number>;
}

function arcTable(travel: ResolvedTravel): ArcTable {
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

/** Windows as CSR: entries `start[i] .. start[i + 1] − 1` of `open`, `close` and `closeTol` (close + tolerance). */
export interface WindowTable {
  start: Int32Array;
  open: Float64Array;
  close: Float64Array;
  closeTol: Float64Array;
}

function windowTable(lists: (TimeWindow[] | undefined)[], eps: (x: number) => number): WindowTable {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i] + (lists[i]?.length ?? 0);
  const m = start[lists.length];
  const open = new Float64Array(m);
  const close = new Float64Array(m);
  const closeTol = new Float64Array(m);
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i];
    if (!list) continue;
    for (let w = 0; w < list.length; w++) {
      const [a, b] = list[w];
      open[start[i] + w] = a;
      close[start[i] + w] = b;
      closeTol[start[i] + w] = b + eps(b);
    }
  }
  return { start, open, close, closeTol };
}

/** The evaluator's problem tables (see the module comment). */
export class EvaluatorData {
  readonly problem: Problem;
  readonly table: TaskTable;
  readonly fleet: VehicleTravel[];
  /** Number of tasks, vehicles, capacity dimensions. */
  readonly n: number;
  readonly K: number;
  readonly dims: number;
  readonly epsAbs: number;
  readonly epsRel: number;

  // --- per task --------------------------------------------------------------
  /** 0 job, 1 pickup, 2 delivery. */
  readonly kind: Uint8Array;
  readonly partner: Int32Array;
  readonly priority: Float64Array;
  readonly release: Float64Array;
  readonly deadline: Float64Array;
  /** Per (task, dimension): what a job brings from the start; what the stop unloads; what it loads. */
  readonly fromStart: Float64Array;
  readonly unload: Float64Array;
  readonly load: Float64Array;
  readonly windows: WindowTable;
  /** Duration classes: vehicles of one `type` share service and setup durations; class 0 = no type. */
  readonly classes: number;
  readonly vehicleClass: Int32Array;
  /** Per (task, class). */
  readonly service: Float64Array;
  readonly setup: Float64Array;
  /** Whether some task has a setup duration (plans then state `setup` on every step). */
  readonly anySetup: boolean;
  /** Soft windows per task: price per time unit of lateness, most lateness allowed (0: hard windows). */
  readonly latenessCost: Float64Array;
  readonly maxLateness: Float64Array;
  /** Whether some task has soft windows (plans then state lateness on steps and routes). */
  readonly anySoft: boolean;
  /** Bitset per task over vehicles (`allowWords` words), or null when every vehicle may serve every task. */
  readonly allow: Uint32Array | null;
  readonly allowWords: number;

  // --- per vehicle -----------------------------------------------------------
  readonly arcs: ArcTable[];
  readonly speedFactor: Float64Array;
  readonly startLoc: Int32Array;
  readonly endLoc: Int32Array;
  /** Per vehicle, the travel's location index of every task (`travel.jobLocation`). */
  readonly taskLoc: Int32Array[];
  readonly shiftStart: Float64Array;
  readonly shiftEnd: Float64Array;
  readonly maxDuration: Float64Array;
  readonly maxDistance: Float64Array;
  readonly maxTravelTime: Float64Array;
  readonly maxTasks: Float64Array;
  /** Per (vehicle, dimension); Infinity when unlimited. */
  readonly capacity: Float64Array;
  readonly fixed: Float64Array;
  readonly perDistance: Float64Array;
  readonly perTravelTime: Float64Array;
  readonly perDuration: Float64Array;
  readonly perTaskTime: Float64Array;
  /** Arc cost matrix of the vehicle's travel (`costs[a * size + b]`), or null. */
  readonly arcCosts: (ArrayLike<number> | null)[];

  // --- breaks (global slots, per vehicle `breakStart[k] .. breakStart[k + 1] − 1`, sorted by first window start)
  readonly breakStart: Int32Array;
  /** Index of the slot's break in `vehicle.breaks`. */
  readonly breakOrigin: Int32Array;
  readonly breakDuration: Float64Array;
  /** Per (slot, dimension); Infinity when unlimited. */
  readonly breakMaxLoad: Float64Array;
  readonly breakWindows: WindowTable;
  /** Most breaks of one vehicle. */
  readonly maxBreaks: number;

  constructor(problem: Problem, options: EvaluatorOptions = {}) {
    this.problem = problem;
    const table = (this.table = options.tasks ?? taskTable(problem));
    const vehicles = problem.vehicles;
    const n = (this.n = table.tasks.length);
    const K = (this.K = vehicles.length);
    const dims = (this.dims = Math.max(options.dims ?? 0, capacityDimensions(problem), 1));
    const epsAbs = (this.epsAbs = options.epsAbs ?? 1e-9);
    const epsRel = (this.epsRel = options.epsRel ?? 1e-9);
    const eps = (x: number) => epsAbs + epsRel * (Number.isFinite(x) ? Math.abs(x) : 0);
    const fleet = (this.fleet = options.fleet ?? fleetOf(problem, table, options.travel));
    const shipments = problem.shipments ?? [];

    // tasks (plain loops over locals here and below: the constructor runs once per problem, mostly before the JIT has warmed up)
    const kind = (this.kind = new Uint8Array(n));
    const partner = (this.partner = new Int32Array(n));
    const priority = (this.priority = new Float64Array(n));
    const release = (this.release = new Float64Array(n).fill(-Infinity));
    const deadline = (this.deadline = new Float64Array(n).fill(Infinity));
    const fromStart = (this.fromStart = new Float64Array(n * dims));
    const unload = (this.unload = new Float64Array(n * dims));
    const load = (this.load = new Float64Array(n * dims));
    const tasks = table.tasks;
    const jobs = problem.jobs;
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
    const windowLists = new Array<TimeWindow[] | undefined>(n);
    const latenessCost = (this.latenessCost = new Float64Array(n));
    const maxLateness = (this.maxLateness = new Float64Array(n));
    let anySoft = false;
    for (let t = 0; t < n; t++) {
      const task = tasks[t];
      windowLists[t] = task.timeWindows;
      latenessCost[t] = task.latenessCost;
      maxLateness[t] = task.maxLateness;
      if (task.latenessCost > 0 || task.maxLateness > 0) anySoft = true;
    }
    this.windows = windowTable(windowLists, eps);
    this.anySoft = anySoft;

    // duration classes by vehicle type
    const classOf = new Map<string, number>();
    this.vehicleClass = new Int32Array(K);
    const classVehicle: number[] = [-1];
    vehicles.forEach((v, k) => {
      if (v.type === undefined) return;
      let c = classOf.get(v.type);
      if (c === undefined) {
        c = classVehicle.length;
        classOf.set(v.type, c);
        classVehicle.push(k);
      }
      this.vehicleClass[k] = c;
    });
    const C = (this.classes = classVehicle.length);
    const service = (this.service = new Float64Array(n * C));
    const setup = (this.setup = new Float64Array(n * C));
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
    this.anySetup = anySetup;

    // vehicles
    this.arcs = [];
    const arcOf = new Map<ResolvedTravel, ArcTable>();
    this.taskLoc = [];
    this.speedFactor = new Float64Array(K);
    this.startLoc = new Int32Array(K);
    this.endLoc = new Int32Array(K);
    this.shiftStart = new Float64Array(K);
    this.shiftEnd = new Float64Array(K);
    this.maxDuration = new Float64Array(K);
    this.maxDistance = new Float64Array(K);
    this.maxTravelTime = new Float64Array(K);
    this.maxTasks = new Float64Array(K);
    this.capacity = new Float64Array(K * dims);
    this.fixed = new Float64Array(K);
    this.perDistance = new Float64Array(K);
    this.perTravelTime = new Float64Array(K);
    this.perDuration = new Float64Array(K);
    this.perTaskTime = new Float64Array(K);
    this.arcCosts = [];
    for (let k = 0; k < K; k++) {
      const v = vehicles[k];
      const vt = fleet[k];
      let arcs = arcOf.get(vt.travel);
      if (!arcs) arcOf.set(vt.travel, (arcs = arcTable(vt.travel)));
      this.arcs.push(arcs);
      this.taskLoc.push(vt.travel.jobLocation);
      this.speedFactor[k] = vt.speedFactor;
      this.startLoc[k] = vt.travel.vehicleStart[k];
      this.endLoc[k] = vt.travel.vehicleEnd[k];
      this.shiftStart[k] = v.shift ? v.shift[0] : -Infinity;
      this.shiftEnd[k] = v.shift ? v.shift[1] : Infinity;
      this.maxDuration[k] = v.maxDuration ?? Infinity;
      this.maxDistance[k] = v.maxDistance ?? Infinity;
      this.maxTravelTime[k] = v.maxTravelTime ?? Infinity;
      this.maxTasks[k] = v.maxTasks ?? Infinity;
      for (let q = 0; q < dims; q++) this.capacity[k * dims + q] = v.capacity ? (v.capacity[q] ?? 0) : Infinity;
      const c = v.costs ?? {};
      this.fixed[k] = c.fixed ?? 0;
      this.perDistance[k] = c.perDistance ?? 1;
      this.perTravelTime[k] = c.perTravelTime ?? 0;
      this.perDuration[k] = c.perDuration ?? 0;
      this.perTaskTime[k] = c.perTaskTime ?? 0;
      this.arcCosts.push(vt.costs ?? null);
    }

    // breaks, per vehicle in the order of their first window start (ties: their order in the vehicle)
    this.breakStart = new Int32Array(K + 1);
    const origin: number[] = [];
    const lists: (TimeWindow[] | undefined)[] = [];
    let maxBreaks = 0;
    for (let k = 0; k < K; k++) {
      const breaks = vehicles[k].breaks;
      if (!breaks || breaks.length === 0) {
        this.breakStart[k + 1] = origin.length;
        continue;
      }
      const firstStart = (b: number) => breaks[b].timeWindows?.[0]?.[0] ?? -Infinity;
      const order = breaks.map((_, b) => b).sort((a, b) => firstStart(a) - firstStart(b) || a - b);
      for (const b of order) {
        origin.push(b);
        lists.push(breaks[b].timeWindows);
      }
      this.breakStart[k + 1] = origin.length;
      maxBreaks = Math.max(maxBreaks, breaks.length);
    }
    this.maxBreaks = maxBreaks;
    this.breakOrigin = Int32Array.from(origin);
    this.breakDuration = new Float64Array(origin.length);
    this.breakMaxLoad = new Float64Array(origin.length * dims);
    for (let k = 0; k < K; k++) {
      for (let g = this.breakStart[k]; g < this.breakStart[k + 1]; g++) {
        const b = vehicles[k].breaks![origin[g]];
        this.breakDuration[g] = b.duration ?? 0;
        for (let q = 0; q < dims; q++) this.breakMaxLoad[g * dims + q] = b.maxLoad ? (b.maxLoad[q] ?? 0) : Infinity;
      }
    }
    this.breakWindows = windowTable(lists, eps);

    // who may serve what
    this.allowWords = (K + 31) >>> 5;
    this.allow = allowTable(problem, table, fleet, this.allowWords, eps);
  }

  /** Whether vehicle `k` may serve task `t` (allowed vehicles, skills, service radius). */
  allowed(t: number, k: number): boolean {
    return this.allow === null || (this.allow[t * this.allowWords + (k >>> 5)] & (1 << (k & 31))) !== 0;
  }
}

/** Every vehicle's travel; the caller's task-indexed default travel is reused when no vehicle names a profile. */
function fleetOf(problem: Problem, table: TaskTable, travel: ResolvedTravel | undefined): VehicleTravel[] {
  if (!travel || problem.vehicles.some((v) => v.profile !== undefined)) return resolveFleetTravel(problem, table);
  const def = problem.travel;
  const costs = def.type === 'matrix' ? def.costs : undefined;
  const mergeCoordinates = def.type === 'euclidean' || def.type === 'haversine';
  return problem.vehicles.map((v) => ({ travel, speedFactor: v.speedFactor ?? 1, costs, mergeCoordinates }));
}

/** The bitset of `EvaluatorData.allow`, or null when nothing restricts any task. */
function allowTable(problem: Problem, table: TaskTable, fleet: VehicleTravel[], words: number, eps: (x: number) => number): Uint32Array | null {
  const vehicles = problem.vehicles;
  const radius = vehicles.some((v) => v.serviceRadius !== undefined);
  const restricted = table.tasks.some((t) => t.order.allowedVehicles !== undefined || (t.order.skills?.length ?? 0) > 0);
  if (!radius && !restricted) return null;
  const n = table.tasks.length;
  const allow = new Uint32Array(n * words);
  const skillSets = vehicles.map((v) => new Set((v.skills ?? []).map(idKey)));
  const vehicleOf = new Map<string, number[]>();
  vehicles.forEach((v, k) => {
    const key = idKey(v.id);
    vehicleOf.set(key, [...(vehicleOf.get(key) ?? []), k]);
  });
  const ok = new Uint8Array(vehicles.length);
  table.tasks.forEach((task, t) => {
    const order = task.order;
    if (order.allowedVehicles) {
      ok.fill(0);
      for (const a of order.allowedVehicles) for (const k of vehicleOf.get(idKey(a)) ?? []) ok[k] = 1;
    } else ok.fill(1);
    const skills = (order.skills ?? []).map(idKey);
    for (let k = 0; k < vehicles.length; k++) {
      if (!ok[k]) continue;
      if (skills.some((s) => !skillSets[k].has(s))) continue;
      const r = vehicles[k].serviceRadius;
      if (r !== undefined) {
        const travel = fleet[k].travel;
        const start = travel.vehicleStart[k];
        const far = start >= 0 ? travel.distance(start, travel.jobLocation[t]) : Infinity;
        if (!(far <= r + eps(r))) continue;
      }
      allow[t * words + (k >>> 5)] |= 1 << (k & 31);
    }
  });
  return allow;
}
