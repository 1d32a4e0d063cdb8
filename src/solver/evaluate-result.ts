/**
 * What the exact route evaluator (`evaluate.ts`) reports: a reusable result
 * object (numbers of the route and its violations split by kind), and the
 * optional per-step record the steps builder (`simulate.ts`) reads.
 */

/**
 * One route's numbers as docs/semantics.md derives them, and its violations.
 * Reused between calls: `RouteEvaluator.evaluate` overwrites every field.
 */
export class RouteEvaluation {
  /** The route cost of docs/semantics.md ("Cost"); 0 for an empty route. */
  cost = 0;
  distance = 0;
  /** Sum of the legs' travel durations (after the speed factor). */
  travelTime = 0;
  /** End arrival − departure. */
  duration = 0;
  waiting = 0;
  /** Service and setup of the tasks (on this vehicle's type). */
  service = 0;
  setup = 0;
  breakDuration = 0;
  /** The departure `d*` and the arrival at the end. */
  departure = 0;
  endArrival = 0;
  /** Summed priority of the tasks; number of tasks. */
  priority = 0;
  tasks = 0;

  /**
   * Σ over tasks and breaks of how late each starts beyond what it may
   * (a task: lateness over its `maxLateness`; a break: after its last window's
   * end) — the checker's `late` / `break-window` amounts.
   */
  lateness = 0;
  /** Tasks that start after their last window's end (allowed or not), and the price of that lateness (part of `cost`). */
  lateTasks = 0;
  latenessCost = 0;
  /** Departure before the shift start plus end arrival after the shift end. */
  shiftExcess = 0;
  durationExcess = 0;
  distanceExcess = 0;
  travelTimeExcess = 0;
  /** Capacity: Σ over dimensions of the largest excess over the route's positions (start and after every task). */
  loadExcess = 0;
  /** Σ over breaks and dimensions of the load's excess over the break's `maxLoad`. */
  breakLoadExcess = 0;
  /** Tasks beyond `maxTasks`. */
  tasksExcess = 0;
  /** Σ over jobs of the departure's distance to their dispatch deadline (or release time) when outside it. */
  dispatchExcess = 0;
  /**
   * Violations that are not amounts: tasks the vehicle may not serve
   * (allowed vehicles, skills, service radius: one per task), shipments split
   * or out of order (one per shipment), arcs with infinite travel (one per arc).
   */
  hard = 0;
  /**
   * Number of violations, about as the checker lists them: one per late task
   * or break, per break over its `maxLoad`, per job outside its dispatch
   * window, per limit broken (capacity counts once), plus `hard`.
   */
  violations = 0;

  /** True when the route breaks no constraint. */
  get feasible(): boolean {
    return this.violations === 0;
  }

  /** Sum of every excess amount (mixed units: a tie-break for repairs, not a price). */
  get excess(): number {
    return (
      this.lateness + this.shiftExcess + this.durationExcess + this.distanceExcess + this.travelTimeExcess +
      this.loadExcess + this.breakLoadExcess + this.tasksExcess + this.dispatchExcess
    );
  }

  /** Sets every field to 0. */
  reset(): void {
    this.cost = this.distance = this.travelTime = this.duration = this.waiting = 0;
    this.service = this.setup = this.breakDuration = this.departure = this.endArrival = 0;
    this.priority = this.tasks = 0;
    this.lateTasks = this.latenessCost = 0;
    this.lateness = this.shiftExcess = this.durationExcess = this.distanceExcess = this.travelTimeExcess = 0;
    this.loadExcess = this.breakLoadExcess = this.tasksExcess = this.dispatchExcess = 0;
    this.hard = this.violations = 0;
  }
}

/**
 * The schedule of the last traced route, item by item in route order (tasks
 * and breaks): what a plan's steps state. Arrays grow as needed and are
 * reused; only the first `count` items (loads: `count × dims`) are valid.
 */
export class ScheduleRecord {
  count = 0;
  /** Task index (≥ 0), or `−1 − b` for `vehicle.breaks[b]`. */
  item = new Int32Array(16);
  arrival = new Float64Array(16);
  waiting = new Float64Array(16);
  serviceStart = new Float64Array(16);
  setup = new Float64Array(16);
  departure = new Float64Array(16);
  /** Distance from the route start. */
  distance = new Float64Array(16);
  lateness = new Float64Array(16);
  /** Load on board after the item, per dimension (a break: the load during it). */
  load: Float64Array;
  /** Load on board at the start. */
  startLoad: Float64Array;

  constructor(readonly dims: number) {
    this.load = new Float64Array(16 * dims);
    this.startLoad = new Float64Array(dims);
  }

  /** Makes room for `m` items. */
  reserve(m: number): void {
    if (m <= this.item.length) return;
    const size = Math.max(m, 2 * this.item.length);
    const grow = <A extends Float64Array | Int32Array>(a: A, per = 1): A => {
      const b = new (a.constructor as new (n: number) => A)(size * per);
      b.set(a);
      return b;
    };
    this.item = grow(this.item);
    this.arrival = grow(this.arrival);
    this.waiting = grow(this.waiting);
    this.serviceStart = grow(this.serviceStart);
    this.setup = grow(this.setup);
    this.departure = grow(this.departure);
    this.distance = grow(this.distance);
    this.lateness = grow(this.lateness);
    this.load = grow(this.load, this.dims);
  }
}
