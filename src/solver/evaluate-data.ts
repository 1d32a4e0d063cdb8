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
import { taskTable, type TaskTable } from '../model/tasks.js';
import { breakTables, durationClasses, softWindows, taskColumns, vehicleColumns, type ArcTable } from './evaluate-tables.js';
import type { ResolvedTravel } from '../model/travel.js';
import type { Problem, TimeWindow } from '../model/types.js';

export type { ArcTable } from './evaluate-tables.js';

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
    this.n = table.tasks.length;
    const K = (this.K = vehicles.length);
    const dims = (this.dims = Math.max(options.dims ?? 0, capacityDimensions(problem), 1));
    const epsAbs = (this.epsAbs = options.epsAbs ?? 1e-9);
    const epsRel = (this.epsRel = options.epsRel ?? 1e-9);
    const eps = (x: number) => epsAbs + epsRel * (Number.isFinite(x) ? Math.abs(x) : 0);
    const fleet = (this.fleet = options.fleet ?? fleetOf(problem, table, options.travel));

    // the tables, each group by one small function with plain loops over locals (evaluate-tables.ts)
    const tasks = taskColumns(problem, table, dims);
    this.kind = tasks.kind;
    this.partner = tasks.partner;
    this.priority = tasks.priority;
    this.release = tasks.release;
    this.deadline = tasks.deadline;
    this.fromStart = tasks.fromStart;
    this.unload = tasks.unload;
    this.load = tasks.load;
    const soft = softWindows(table);
    this.latenessCost = soft.latenessCost;
    this.maxLateness = soft.maxLateness;
    this.anySoft = soft.anySoft;
    this.windows = windowTable(soft.windowLists, eps);

    // duration classes by vehicle type
    const classes = durationClasses(vehicles, table);
    this.vehicleClass = classes.vehicleClass;
    this.classes = classes.classes;
    this.service = classes.service;
    this.setup = classes.setup;
    this.anySetup = classes.anySetup;

    // vehicles
    const v = vehicleColumns(vehicles, fleet, dims);
    this.arcs = v.arcs;
    this.taskLoc = v.taskLoc;
    this.speedFactor = v.speedFactor;
    this.startLoc = v.startLoc;
    this.endLoc = v.endLoc;
    this.shiftStart = v.shiftStart;
    this.shiftEnd = v.shiftEnd;
    this.maxDuration = v.maxDuration;
    this.maxDistance = v.maxDistance;
    this.maxTravelTime = v.maxTravelTime;
    this.maxTasks = v.maxTasks;
    this.capacity = v.capacity;
    this.fixed = v.fixed;
    this.perDistance = v.perDistance;
    this.perTravelTime = v.perTravelTime;
    this.perDuration = v.perDuration;
    this.perTaskTime = v.perTaskTime;
    this.arcCosts = v.arcCosts;

    // breaks
    const br = breakTables(vehicles, dims);
    this.breakStart = br.breakStart;
    this.maxBreaks = br.maxBreaks;
    this.breakOrigin = br.breakOrigin;
    this.breakDuration = br.breakDuration;
    this.breakMaxLoad = br.breakMaxLoad;
    this.breakWindows = windowTable(br.lists, eps);

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
