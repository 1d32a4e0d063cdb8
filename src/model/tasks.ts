/**
 * The tasks of a problem in one flat list: every job, then the pickup and the
 * delivery stop of every shipment. Task `t < jobCount` is job `t`; the stops of
 * shipment `s` are tasks `jobCount + 2s` (pickup) and `jobCount + 2s + 1`
 * (delivery). The checker evaluates routes as lists of task indices; the
 * solver may use the same numbering.
 *
 * Also the lookups of docs/semantics.md's id rule: orders (jobs and shipments,
 * one id space) and stops by their string id.
 */
import { pointer } from '../core/errors.js';
import { idKey } from './ids.js';
import { latenessRule } from './lateness.js';
import type { Id, Job, Location, Problem, Shipment, ShipmentStop, TimeWindow, Vehicle } from './types.js';

export type TaskKind = 'job' | 'pickup' | 'delivery';

/** One task: a job, or one stop of a shipment. */
export interface Task {
  kind: TaskKind;
  /** Index in `problem.jobs` (job) or `problem.shipments` (pickup, delivery). */
  owner: number;
  /** The id a step shows: the job id, or the stop id (the stop's own id, else the shipment id). */
  id: Id;
  /** The shipment id (pickup, delivery). */
  shipment?: Id;
  location: Location;
  /** The plain service and setup durations (see `serviceDurationFor` / `setupDurationFor` for a vehicle). */
  serviceDuration: number;
  setupDuration: number;
  timeWindows?: TimeWindow[];
  /** Soft windows: price per time unit of lateness (0 = none) and the most lateness allowed (0 = hard windows). */
  latenessCost: number;
  maxLateness: number;
  /** Priority of the task's order (0 by default; a shipment's counts at each stop). */
  priority: number;
  /** The order the task belongs to: the job itself, or the shipment. */
  order: Job | Shipment;
  /** The object the visit is described by: the job, or the shipment stop. */
  visit: Job | ShipmentStop;
  /** The partner stop's task index (pickup ↔ delivery), −1 for a job. */
  partner: number;
  /** JSON pointer of the visit in the problem (`/jobs/3`, `/shipments/2/pickup`). */
  pointer: string;
}

/** The tasks of a problem and the id lookups (see the module comment). */
export interface TaskTable {
  tasks: Task[];
  jobCount: number;
  shipmentCount: number;
  /** Jobs and shipments by id key (first occurrence wins on duplicates). */
  orders: Map<string, { kind: 'job' | 'shipment'; index: number }>;
  /** Shipment index by the stop id of its pickup / delivery. */
  pickups: Map<string, number>;
  deliveries: Map<string, number>;
}

/** The stop id of a shipment's pickup or delivery: its own id, else the shipment's. */
export function stopId(shipment: Shipment, which: 'pickup' | 'delivery'): Id {
  return shipment[which].id ?? shipment.id;
}

function perType(map: Record<string, number> | undefined, v: Vehicle): number | undefined {
  return v.type !== undefined && map && Object.hasOwn(map, v.type) ? map[v.type] : undefined;
}

/** A task's service duration on vehicle `v`: its entry for `v.type` in `serviceDurationPerType`, else `serviceDuration`. */
export function serviceDurationFor(task: Task, v: Vehicle): number {
  return perType(task.visit.serviceDurationPerType, v) ?? task.serviceDuration;
}

/** A task's setup duration on vehicle `v`: its entry for `v.type` in `setupDurationPerType`, else `setupDuration`. */
export function setupDurationFor(task: Task, v: Vehicle): number {
  return perType(task.visit.setupDurationPerType, v) ?? task.setupDuration;
}

/** Task index of shipment `s`'s pickup. */
export function pickupTask(table: TaskTable, s: number): number {
  return table.jobCount + 2 * s;
}

/** Task index of shipment `s`'s delivery. */
export function deliveryTask(table: TaskTable, s: number): number {
  return table.jobCount + 2 * s + 1;
}

/**
 * A task as built by `taskTable`: its JSON pointer is made on first read (only
 * an error names it), not once per task per table.
 */
class TaskEntry implements Task {
  shipment?: Id;
  constructor(
    public kind: TaskKind,
    public owner: number,
    public id: Id,
    shipment: Id | undefined,
    public location: Location,
    public serviceDuration: number,
    public setupDuration: number,
    public timeWindows: TimeWindow[] | undefined,
    public latenessCost: number,
    public maxLateness: number,
    public priority: number,
    public order: Job | Shipment,
    public visit: Job | ShipmentStop,
    public partner: number,
  ) {
    if (shipment !== undefined) this.shipment = shipment;
  }

  get pointer(): string {
    return this.kind === 'job' ? pointer('jobs', this.owner) : pointer('shipments', this.owner, this.kind);
  }
}

type OrderRef = { kind: 'job' | 'shipment'; index: number };

/** A task table whose id maps are built on first use (the solver's tables never look an id up). */
class LazyTaskTable implements TaskTable {
  private maps?: { orders: Map<string, OrderRef>; pickups: Map<string, number>; deliveries: Map<string, number> };
  constructor(
    private readonly problem: Problem,
    public tasks: Task[],
    public jobCount: number,
    public shipmentCount: number,
  ) {}

  get orders(): Map<string, OrderRef> {
    return (this.maps ??= idMaps(this.problem)).orders;
  }

  get pickups(): Map<string, number> {
    return (this.maps ??= idMaps(this.problem)).pickups;
  }

  get deliveries(): Map<string, number> {
    return (this.maps ??= idMaps(this.problem)).deliveries;
  }

  private numeric?: Map<number, OrderRef> | null;

  /**
   * Orders by numeric id when every job and shipment id is a number, else null.
   * For numbers, equal string forms means equal under the Map's SameValueZero
   * (−0 and 0 both read "0", NaN "NaN"), and the first occurrence wins as in
   * `orders`: a number finds what `orders.get(idKey(n))` finds, without making the string.
   */
  numericOrders(): Map<number, OrderRef> | null {
    if (this.numeric === undefined) this.numeric = numericIds(this.problem);
    return this.numeric;
  }
}

/** `LazyTaskTable.numericOrders` (see there). */
function numericIds(problem: Problem): Map<number, OrderRef> | null {
  const orders = new Map<number, OrderRef>();
  const jobs = problem.jobs;
  for (let j = 0; j < jobs.length; j++) {
    const id = jobs[j].id;
    if (typeof id !== 'number') return null;
    if (!orders.has(id)) orders.set(id, { kind: 'job', index: j });
  }
  const shipments = problem.shipments ?? [];
  for (let s = 0; s < shipments.length; s++) {
    const id = shipments[s].id;
    if (typeof id !== 'number') return null;
    if (!orders.has(id)) orders.set(id, { kind: 'shipment', index: s });
  }
  return orders;
}

/** The order (job or shipment) with id `id` by the id rule, if any. */
function orderOf(table: TaskTable, id: Id): OrderRef | undefined {
  if (typeof id === 'number' && table instanceof LazyTaskTable) {
    const numeric = table.numericOrders();
    if (numeric) return numeric.get(id);
  }
  return table.orders.get(idKey(id));
}

/** The id lookups of a problem (first occurrence wins on duplicates). */
function idMaps(problem: Problem): { orders: Map<string, OrderRef>; pickups: Map<string, number>; deliveries: Map<string, number> } {
  const orders = new Map<string, OrderRef>();
  const pickups = new Map<string, number>();
  const deliveries = new Map<string, number>();
  const jobs = problem.jobs;
  for (let j = 0; j < jobs.length; j++) {
    const key = idKey(jobs[j].id);
    if (!orders.has(key)) orders.set(key, { kind: 'job', index: j });
  }
  const shipments = problem.shipments ?? [];
  for (let s = 0; s < shipments.length; s++) {
    const sh = shipments[s];
    for (const [which, byId] of [['pickup', pickups], ['delivery', deliveries]] as const) {
      const key = idKey(stopId(sh, which));
      if (!byId.has(key)) byId.set(key, s);
    }
    const key = idKey(sh.id);
    if (!orders.has(key)) orders.set(key, { kind: 'shipment', index: s });
  }
  return { orders, pickups, deliveries };
}

/**
 * Builds the task table of a (validated) problem. O(jobs + shipments); the
 * id maps are built on first use and the tasks' pointers on first read.
 */
export function taskTable(problem: Problem): TaskTable {
  const jobs = problem.jobs;
  const shipments = problem.shipments ?? [];
  const n = jobs.length;
  const tasks: Task[] = [];
  for (let j = 0; j < n; j++) {
    const job = jobs[j];
    const late = latenessRule(job, problem.defaults);
    tasks.push(new TaskEntry('job', j, job.id, undefined, job.location, job.serviceDuration ?? 0, job.setupDuration ?? 0, job.timeWindows,
      late.price, late.max, job.priority ?? 0, job, job, -1));
  }
  for (let s = 0; s < shipments.length; s++) {
    const sh = shipments[s];
    for (const which of ['pickup', 'delivery'] as const) {
      const stop = sh[which];
      const late = latenessRule(stop, problem.defaults);
      tasks.push(new TaskEntry(which, s, stopId(sh, which), sh.id, stop.location, stop.serviceDuration ?? 0, stop.setupDuration ?? 0,
        stop.timeWindows, late.price, late.max, sh.priority ?? 0, sh, stop, n + 2 * s + (which === 'pickup' ? 1 : 0)));
    }
  }
  return new LazyTaskTable(problem, tasks, n, shipments.length);
}

/**
 * The task a plan step names, or a message saying why it names none. A `job`
 * step names a job by `id`; a `pickup` / `delivery` step names a stop by `id`
 * (the stop id), by `shipment` (the shipment id), or by both when they agree.
 */
export function taskOfStep(table: TaskTable, step: { type: string; id?: Id; shipment?: Id }): number | string {
  if (step.type === 'job') {
    const o = step.id === undefined ? undefined : orderOf(table, step.id);
    if (!o) return `job ${String(step.id)} is not in the problem`;
    if (o.kind !== 'job') return `${String(step.id)} is a shipment: its steps are 'pickup' and 'delivery'`;
    return o.index;
  }
  if (step.type !== 'pickup' && step.type !== 'delivery') return `a '${step.type}' step is not a task`;
  const which = step.type;
  let s: number | undefined;
  if (step.shipment !== undefined) {
    const o = orderOf(table, step.shipment);
    if (o?.kind !== 'shipment') return `shipment ${String(step.shipment)} is not in the problem`;
    s = o.index;
    if (step.id !== undefined) {
      const byId = (which === 'pickup' ? table.pickups : table.deliveries).get(idKey(step.id));
      if (byId !== s) return `${which} ${String(step.id)} is not the ${which} of shipment ${String(step.shipment)}`;
    }
  } else if (step.id !== undefined) {
    s = (which === 'pickup' ? table.pickups : table.deliveries).get(idKey(step.id));
    if (s === undefined) return `${which} ${String(step.id)} is not in the problem`;
  } else {
    return `a ${which} step needs an id or a shipment`;
  }
  return table.jobCount + 2 * s + (which === 'pickup' ? 0 : 1);
}
