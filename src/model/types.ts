/**
 * The language of vrpkit: public types for a routing `Problem` and its `Solution`.
 *
 * Units are the user's: whatever unit the travel durations use is the unit of
 * every time field (time windows, service durations, shifts, release times), and
 * whatever unit the distances use is the unit of every distance field. Road
 * networks and the haversine metric use metres and seconds.
 *
 * The types are plain data (JSON-compatible except for typed arrays and a
 * `RoadNetwork` instance), so a `Problem` can be read from a route file,
 * validated with `validateProblem`, solved with `solve` and checked with
 * `checkSolution`.
 */

/**
 * An identifier of a job, shipment, shipment stop, vehicle or break. Ids compare
 * by their string form: `1` and `"1"` are the same id (so they clash within one
 * list, and a plan naming `"1"` refers to the job whose id is `1`). Outputs
 * carry an id exactly as the problem gives it.
 */
export type Id = string | number;

/**
 * Where something is:
 * - a non-negative integer: an index into the travel matrices (`travel.type === 'matrix'`),
 *   or into `travel.coordinates` / road-network points,
 * - `[x, y]`: coordinates — `[lon, lat]` in degrees for `haversine` and road networks,
 *   plane coordinates for `euclidean`.
 */
export type Location = LocationIndex | [number, number];

/**
 * An index into the travel's locations (matrix rows, `travel.coordinates`, `travel.points`).
 * @asType integer
 * @minimum 0
 */
export type LocationIndex = number;

/**
 * An amount of goods in one capacity dimension (parcels, kilograms, ...): a whole number ≥ 0.
 * @asType integer
 * @minimum 0
 */
export type Amount = number;

/**
 * A number ≥ 0.
 * @minimum 0
 */
export type NonNegative = number;

/** A closed interval `[start, end]` of times. */
export type TimeWindow = [number, number];

/**
 * A skill a task requires or a vehicle has (a number or a string; compared by
 * its string form, like ids).
 */
export type Skill = string | number;

/** Durations per vehicle type: `vehicle.type` → duration (time units, ≥ 0). */
export type DurationPerType = Record<string, number>;

/**
 * Per-vehicle cost coefficients. A route costs
 * `fixed + perDistance × distance + perTravelTime × travelTime + perDuration × duration + perTaskTime × taskTime`
 * (see docs/semantics.md, "Cost"); the objective sums them over used vehicles.
 */
export interface VehicleCosts {
  /** Paid once if the vehicle is used (serves at least one task). Default 0. @minimum 0 */
  fixed?: number;
  /** Per unit of distance travelled. Default 1. Not allowed with a travel `costs` matrix (it replaces it). @minimum 0 */
  perDistance?: number;
  /**
   * Per unit of route duration (from start departure to end arrival: travel,
   * setup, service, breaks and waiting). Default 0. @minimum 0
   */
  perDuration?: number;
  /**
   * Per unit of travel time (the sum of the route's arc durations, after
   * `speedFactor`): VROOM's `per_hour` / 3600 with seconds. Default 0. Not
   * allowed with a travel `costs` matrix (it replaces it).
   */
  perTravelTime?: number;
  /**
   * Per unit of task time (setup + service of the route's tasks, breaks not
   * included): VROOM's `per_task_hour` / 3600 with seconds. Default 0.
   */
  perTaskTime?: number;
}

/** A place to visit: an order to deliver or collect, with its amounts and time windows. */
export interface Job {
  /** Unique job id. */
  id: Id;
  /** Where the job is served. */
  location: Location;
  /** Amounts brought from the vehicle's start to this job (one entry per capacity dimension). */
  delivery?: Amount[];
  /** Amounts picked up here and carried to the vehicle's end. */
  pickup?: Amount[];
  /** Time spent at the job. Default 0. @minimum 0 */
  serviceDuration?: number;
  /**
   * Time spent before service when the vehicle arrives from a different
   * location (VROOM's `setup`; none when the previous task — or the vehicle's
   * start, for the first task — is at the same location). Default 0.
   */
  setupDuration?: number;
  /** `serviceDuration` per vehicle type (`vehicle.type`); types not listed use `serviceDuration`. */
  serviceDurationPerType?: DurationPerType;
  /** `setupDuration` per vehicle type (`vehicle.type`); types not listed use `setupDuration`. */
  setupDurationPerType?: DurationPerType;
  /**
   * When the task may start (setup, then service): a list of disjoint windows
   * sorted by start. Arriving early means waiting; the task must start at or
   * before the window's end (setup and service may run past it).
   * Default: any time.
   * @minItems 1
   */
  timeWindows?: TimeWindow[];
  /**
   * Soft time windows: the price per time unit of lateness (service starting
   * after the end of the last window). With a price (here or in
   * `problem.defaults`) the task may start late, up to `maxLateness`; the route
   * cost includes price × lateness (docs/semantics.md, "Soft time windows").
   * Default: `problem.defaults.latenessCost`, else none (hard windows).
   * @minimum 0
   */
  latenessCost?: number;
  /**
   * The most lateness allowed (time units; `Infinity` = no bound). Default:
   * `problem.defaults.maxLateness`, else unbounded when a lateness price
   * applies, else 0 (hard windows).
   * @minimum 0
   */
  maxLateness?: number;
  /**
   * Earliest time the vehicle serving this job may leave its start (the order is
   * ready then — e.g. the SLA "processed" time). Default: no constraint.
   */
  releaseTime?: number;
  /**
   * Latest time the vehicle serving this job may leave its start (the SLA
   * dispatch deadline). Default: no constraint.
   */
  dispatchDeadline?: number;
  /** If given, only these vehicles may serve the job. */
  allowedVehicles?: Id[];
  /** Skills the serving vehicle must all have (`vehicle.skills`). Default none. */
  skills?: Skill[];
  /**
   * Integer 0–100. The objective first maximises the summed priority of served
   * tasks, then their number, then minimises cost. Default 0.
   */
  priority?: number;
  /**
   * Re-planning: the vehicle this job is already promised to. Serving it with
   * another vehicle adds `reassignmentPenalty` (default 0) to the search
   * objective; it is a preference, not a constraint, and not part of route costs.
   */
  preferredVehicle?: Id;
  /** What serving the job with another vehicle than `preferredVehicle` adds to the search objective. Default 0. @minimum 0 */
  reassignmentPenalty?: number;
  /** Free-form data carried through to the solution untouched. */
  data?: unknown;
}

/** A vehicle (and its driver): where it starts and ends, what it carries, when it works, what it costs. */
export interface Vehicle {
  /** Unique vehicle id. */
  id: Id;
  /** Where the route starts. Omitted: the route starts at its first job. */
  start?: Location;
  /** Where the route ends. Omitted: the route ends at its last job (open route). */
  end?: Location;
  /** Capacity per dimension. Omitted: unlimited. Must have as many entries as job amounts. */
  capacity?: NonNegative[];
  /** Working hours `[earliest start, latest end]`. Default: any time. */
  shift?: TimeWindow;
  costs?: VehicleCosts;
  /** Longest allowed route duration (end arrival − start departure). Default: unlimited. @minimum 0 */
  maxDuration?: number;
  /** Longest allowed route distance. Default: unlimited. @minimum 0 */
  maxDistance?: number;
  /** Longest allowed travel time (sum of the route's arc durations, after `speedFactor`; VROOM's `max_travel_time`). */
  maxTravelTime?: number;
  /** Most tasks (jobs, pickups, deliveries; breaks not counted) the route may serve. Integer ≥ 0. Default unlimited. */
  maxTasks?: number;
  /** The vehicle's skills; it may serve a task only when the task's skills are a subset of these. Default none. */
  skills?: Skill[];
  /**
   * Serves only tasks whose location is within this travel distance of the
   * vehicle's `start` (distance units of its travel; needs a `start`). Default unlimited.
   */
  serviceRadius?: number;
  /** Driver breaks; a vehicle that serves at least one task takes every one of its breaks. Default none. */
  breaks?: Break[];
  /** Travel durations of this vehicle are divided by it (> 0; 2 = twice as fast). Default 1. */
  speedFactor?: number;
  /** Name of the travel definition in `problem.profiles` this vehicle uses. Default: `problem.travel`. */
  profile?: string;
  /** Vehicle type, selecting tasks' `serviceDurationPerType` / `setupDurationPerType` entries. */
  type?: string;
  /** Free-form data carried through to the solution untouched. */
  data?: unknown;
}

/**
 * A driver break. It starts inside one of its windows, takes place wherever the
 * vehicle is at that moment (at a stop, or on the way: see docs/semantics.md),
 * and the load on board then must not exceed `maxLoad`.
 */
export interface Break {
  /** Unique among the vehicle's breaks. */
  id: Id;
  /** When the break may start: disjoint windows sorted by start. Default: any time. */
  timeWindows?: TimeWindow[];
  /** Length of the break (time units). Default 0. */
  duration?: number;
  /** Highest load (per capacity dimension) allowed during the break. Default unlimited. */
  maxLoad?: number[];
  /** Free-form data carried through untouched. */
  data?: unknown;
}

/**
 * How arc lengths are rounded, per arc, before they are summed (benchmark
 * conventions): `nint` = nearest integer (TSPLIB EUC_2D), `truncate1` = truncate
 * to one decimal (DIMACS VRPTW), `none` = full double precision.
 */
export type ArcRounding = 'none' | 'nint' | 'truncate1';

/** Travel given as full matrices, row-major: `durations[i * size + j]` is i → j. */
export interface MatrixTravel {
  type: 'matrix';
  /** Number of locations (rows = columns). @asType integer @minimum 0 */
  size: number;
  durations: ArrayLike<number>;
  /** Defaults to the durations when omitted. */
  distances?: ArrayLike<number>;
  /**
   * Arc costs, row-major like `durations` (VROOM's custom cost matrix): the
   * travel part of a route's cost becomes the sum of these over its arcs,
   * replacing `perDistance` and `perTravelTime`; not scaled by `speedFactor`.
   */
  costs?: ArrayLike<number>;
  /** Optional `[x, y]` / `[lon, lat]` per location, used for geometry only (clustering, sectors). */
  coordinates?: [number, number][];
}

/** Travel computed from coordinates. Duration = distance / speed. */
export interface MetricTravel {
  type: 'euclidean' | 'haversine';
  /**
   * Locations that jobs and vehicles may refer to by index. Jobs and vehicles
   * may also give coordinates directly.
   */
  coordinates?: [number, number][];
  /** Distance units per time unit. Default 1 (euclidean) or 10 m/s = 36 km/h (haversine). @exclusiveMinimum 0 */
  speed?: number;
  /** Per-arc rounding of distances (and hence durations). Default `none`. */
  rounding?: ArcRounding;
}

/** Something that can produce a dense travel matrix between points (a `RoadNetwork` does). */
export interface TravelProvider {
  /**
   * Travel between the given points (node ids, or `[lon, lat]` snapped to the
   * network), row-major `n × n` in metres and seconds; unreachable pairs are `Infinity`.
   */
  travelMatrix(points: (number | string | [number, number])[]): {
    durations: Float64Array;
    distances: Float64Array;
  };
  /**
   * Optional: travel between the points a block at a time, for problems too
   * large for an `n × n` matrix (`resolveTravel` uses it above a few thousand
   * points; a `RoadNetwork` answers from its contraction hierarchy).
   */
  travelOnDemand?(points: (number | string | [number, number])[]): OnDemandTravel;
}

/** Travel between some of a problem's points at a time (see `TravelProvider.travelOnDemand`). */
export interface OnDemandTravel {
  /** `[lon0, lat0, lon1, lat1, ...]` of the points (where they snapped), or null when unknown. */
  readonly coordinates: Float64Array | null;
  /** Seconds and metres from each of `rows` to each of `cols` (point indices), row-major; Infinity when unreachable. */
  block(rows: ArrayLike<number>, cols: ArrayLike<number>): { durations: Float64Array; distances: Float64Array };
}

/**
 * Travel on a road network: coordinates are snapped to the nearest network node
 * and travel times/distances come from shortest paths. `network` is a
 * `RoadNetwork` instance (typed by the `TravelProvider` interface so that `model/`
 * does not depend on `network/`).
 */
export interface NetworkTravel {
  type: 'network';
  network: TravelProvider;
  /** Node ids or `[lon, lat]` points that jobs and vehicles may refer to by index. */
  points?: (number | string | [number, number])[];
}

export type Travel = MatrixTravel | MetricTravel | NetworkTravel;

/**
 * One end of a shipment: where the goods are collected (`pickup`) or handed
 * over (`delivery`). Times work exactly as for a job's visit.
 */
export interface ShipmentStop {
  /**
   * The stop's own id, shown in route steps (as VROOM's pickup/delivery ids).
   * Unique among the problem's pickups (resp. deliveries). Default: the
   * shipment's id.
   */
  id?: Id;
  /** Where the stop is served. */
  location: Location;
  /** Time spent at the stop. Default 0. */
  serviceDuration?: number;
  /** Setup before service when arriving from a different location, as for a job. Default 0. */
  setupDuration?: number;
  /** `serviceDuration` per vehicle type, as for a job. */
  serviceDurationPerType?: DurationPerType;
  /** `setupDuration` per vehicle type, as for a job. */
  setupDurationPerType?: DurationPerType;
  /**
   * When the task may start at this stop: disjoint windows sorted by start, as
   * for a job. Default: any time.
   */
  timeWindows?: TimeWindow[];
  /** Price per time unit of lateness at this stop (soft windows), as for a job. @minimum 0 */
  latenessCost?: number;
  /** The most lateness allowed at this stop, as for a job. @minimum 0 */
  maxLateness?: number;
  /** Free-form data carried through untouched. */
  data?: unknown;
}

/**
 * Goods moved from one place to another by one vehicle: picked up at `pickup`,
 * carried on board, handed over at `delivery` later on the same route. Served
 * whole (both stops, pickup first) or listed whole in `unassigned`.
 */
export interface Shipment {
  /** Unique id; jobs and shipments share one id space. */
  id: Id;
  /** Amount on board from the pickup to the delivery, per capacity dimension. Default all zeros. */
  amount?: number[];
  pickup: ShipmentStop;
  delivery: ShipmentStop;
  /** If given, only these vehicles may serve the shipment (both stops). */
  allowedVehicles?: Id[];
  /** Skills the serving vehicle must all have. Default none. */
  skills?: Skill[];
  /** Integer 0–100, counted once per stop served (as in VROOM). Default 0. */
  priority?: number;
  /** Free-form data carried through to the solution untouched. */
  data?: unknown;
}

/**
 * What makes one plan better than another after served priority and served
 * tasks (docs/semantics.md, "Objective and summary"):
 * - `cost`: the lower total cost (the default);
 * - `fewest-vehicles`: the fewer routes, then the lower cost;
 * - `balance`: the lower cost + weight × the spread of a per-vehicle measure;
 * - `makespan`: the earlier latest end arrival, then the lower cost.
 */
export type ObjectiveName = 'cost' | 'fewest-vehicles' | 'balance' | 'makespan';

/** What the `balance` objective evens out between vehicles. */
export type BalanceMeasure = 'duration' | 'stops' | 'distance';

/** An objective with its settings (`measure` and `weight` apply to `balance` only). */
export interface ObjectiveSpec {
  type: ObjectiveName;
  /** `balance`: the per-vehicle measure whose spread is priced: route duration, tasks or distance. Default `duration`. */
  measure?: BalanceMeasure;
  /** `balance`: the cost of one unit of spread (standard deviation of the measure over the fleet). Default 1. @minimum 0 */
  weight?: number;
}

/** The objective: a name, or an object with `type` and the balance settings. */
export type Objective = ObjectiveName | ObjectiveSpec;

/** Problem-wide defaults of task fields (`problem.defaults`). */
export interface TaskDefaults {
  /** Lateness price of every job and shipment stop without its own `latenessCost`. @minimum 0 */
  latenessCost?: number;
  /** Lateness bound of every job and shipment stop without its own `maxLateness`. @minimum 0 */
  maxLateness?: number;
}

export interface Problem {
  /** The jobs to plan; each ends in a route or in `unassigned` with a reason. */
  jobs: Job[];
  /** Paired pickup → delivery tasks (see `Shipment`). Default none. */
  shipments?: Shipment[];
  /** The fleet: a hard limit (at most one route per vehicle). At least one. */
  vehicles: Vehicle[];
  /** Travel of every vehicle without a `profile`: how travel times and distances between locations are known. */
  travel: Travel;
  /**
   * Further travel definitions by name (e.g. `car`, `bike`), chosen per vehicle
   * with `vehicle.profile`. Every task location must be valid in each of them.
   */
  profiles?: Record<string, Travel>;
  /** Values for every job and shipment stop that does not state its own (soft time windows). */
  defaults?: TaskDefaults;
  /** How plans compare after served priority and tasks: `cost` (default), `fewest-vehicles`, `balance`, `makespan`. */
  objective?: Objective;
  /** Free-form name (e.g. the benchmark instance name). */
  name?: string;
  /** The JSON Schema a route file follows, for editors (`./node_modules/vrpkit/schema.json`). Ignored. */
  $schema?: string;
}

// ---------------------------------------------------------------------------
// Solution
// ---------------------------------------------------------------------------

/** `job`, `pickup` and `delivery` steps are the route's tasks; `break` steps its driver breaks. */
export type StepType = 'start' | 'job' | 'pickup' | 'delivery' | 'break' | 'end';

export interface Step {
  type: StepType;
  /** The job id (`job`), the stop's id (`pickup` / `delivery`: its own id, else the shipment id), or the break id. */
  id?: Id;
  /** The shipment id, on `pickup` and `delivery` steps. */
  shipment?: Id;
  /** The location as given in the problem. */
  location?: Location;
  /** Arrival time at the step (for `start`: the departure time). */
  arrival: number;
  /** Waiting before service starts (early arrival). */
  waiting: number;
  /** When the task (setup, then service) or the break starts: the time its window constrains. */
  serviceStart: number;
  /** Setup time spent at this step (0 when none; omitted by producers that know no setup). */
  setup?: number;
  /** Departure time (service start + setup + service duration, or + break duration). */
  departure: number;
  /** Load on board after the step, per capacity dimension. */
  load: number[];
  /** Distance travelled from the route start up to this step. */
  distance: number;
  /** How long after the end of its last window the task or break starts (0 when on time). */
  lateness?: number;
}

export interface Route {
  vehicle: Id;
  steps: Step[];
  /** Cost of this route under the vehicle's costs. */
  cost: number;
  distance: number;
  /** End arrival − start departure (travel + setup + service + breaks + waiting). */
  duration: number;
  waiting: number;
  /** Service time of the route's tasks (breaks not included). */
  service: number;
  /** Setup time of the route's tasks. */
  setup?: number;
  /** Sum of the arc durations (after `speedFactor`). */
  travelTime?: number;
  /** Sum of the break durations. */
  breakDuration?: number;
  /** Summed priority of the route's tasks (a shipment counts once per stop). */
  priority?: number;
  /** The part of `cost` that prices lateness: Σ latenessCost × lateness over the route's tasks. */
  latenessCost?: number;
  /**
   * Amounts unloaded / loaded at the route's stops: job deliveries plus
   * delivered shipment amounts / job pickups plus picked-up shipment amounts.
   */
  delivery: number[];
  pickup: number[];
}

/** Why a job is not in any route. */
export type UnassignedReason =
  /** No vehicle can serve it within its time window / shift, even alone. */
  | 'time-window'
  /** Its amounts exceed every vehicle's capacity. */
  | 'capacity'
  /** No allowed vehicle exists / none of its allowed vehicles can reach it. */
  | 'no-vehicle'
  /** The location cannot be reached on the road network. */
  | 'unreachable'
  /** Alone it would break a vehicle's max duration or max distance. */
  | 'max-duration'
  | 'max-distance'
  /** Its release time / dispatch deadline cannot be met. */
  | 'release-time'
  /** No vehicle has every skill it needs. */
  | 'skills'
  /** It is outside every (allowed, skilled) vehicle's service radius. */
  | 'service-radius'
  /** Every vehicle that could serve it has `maxTasks` too low. */
  | 'max-tasks'
  /** Alone it would break every vehicle's max travel time. */
  | 'max-travel-time'
  /** No vehicle can serve it and still take its breaks within their windows and load limits. */
  | 'break'
  /** It could be served alone, but the fleet has no room left for it. */
  | 'fleet-exhausted'
  /** Removed by the caller (e.g. a cancelled order in re-planning). */
  | 'cancelled'
  /** The solve was aborted before the order was planned (status `aborted`; docs/semantics.md, "Abort"). */
  | 'aborted';

export interface Unassigned {
  /** The job id, or the shipment id for a shipment. */
  id: Id;
  /** What `id` names. Default `job`. */
  type?: 'job' | 'shipment';
  /** For a shipment: the ids of its two stops (their own ids, else the shipment id). */
  pickup?: Id;
  delivery?: Id;
  reason: UnassignedReason;
  /** Human-readable detail. */
  message?: string;
}

export interface SolutionSummary {
  cost: number;
  /** The part of `cost` that prices lateness (soft time windows). */
  latenessCost?: number;
  /** Summed priority of the served tasks (a shipment counts once per stop). */
  priority?: number;
  routes: number;
  unassigned: number;
  distance: number;
  duration: number;
  waiting: number;
  service: number;
  delivery: number[];
  pickup: number[];
}

export type SolveStatus = 'completed' | 'time-limit' | 'aborted';

export interface Solution {
  summary: SolutionSummary;
  routes: Route[];
  unassigned: Unassigned[];
  /** Whether the search ended on its own budget, the time limit or an abort. */
  status?: SolveStatus;
  /** Search statistics (iterations, elapsed ms, ...). */
  stats?: Record<string, number>;
}

/**
 * A step of a `RoutePlan`: only `type` is required, plus `id` for a job or a
 * break, and `id` (the stop id) and/or `shipment` for a pickup or delivery
 * (both, when given, must name the same stop); stated times are claims to check.
 */
export interface PlanStep {
  type: StepType;
  id?: Id;
  shipment?: Id;
  location?: Location;
  arrival?: number;
  waiting?: number;
  serviceStart?: number;
  setup?: number;
  departure?: number;
  load?: number[];
  distance?: number;
  lateness?: number;
}

/**
 * Minimal shape accepted by `checkSolution` and as a warm start: routes as
 * vehicle id + job ids in visiting order (times, loads and costs are
 * re-derived; any that are stated are checked as claims). A full `Solution`
 * satisfies it.
 */
export interface RoutePlan {
  routes: {
    vehicle: Id;
    steps: PlanStep[];
    cost?: number;
    distance?: number;
    duration?: number;
  }[];
  unassigned?: { id: Id; reason?: string; type?: 'job' | 'shipment'; pickup?: Id; delivery?: Id }[];
  summary?: Partial<SolutionSummary>;
}
