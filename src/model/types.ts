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

/** A job or vehicle identifier, unique within its list. */
export type Id = string | number;

/**
 * Where something is:
 * - a non-negative integer: an index into the travel matrices (`travel.type === 'matrix'`),
 *   or into `travel.coordinates` / road-network points,
 * - `[x, y]`: coordinates — `[lon, lat]` in degrees for `haversine` and road networks,
 *   plane coordinates for `euclidean`.
 */
export type Location = number | [number, number];

/** A closed interval `[start, end]` of times. */
export type TimeWindow = [number, number];

/** Per-vehicle cost coefficients. The objective sums them over used vehicles. */
export interface VehicleCosts {
  /** Paid once if the vehicle is used (serves at least one job). Default 0. */
  fixed?: number;
  /** Per unit of distance travelled. Default 1. */
  perDistance?: number;
  /** Per unit of route duration (from start departure to end arrival, waiting included). Default 0. */
  perDuration?: number;
}

export interface Job {
  /** Unique job id. */
  id: Id;
  /** Where the job is served. */
  location: Location;
  /** Amounts brought from the vehicle's start to this job (one entry per capacity dimension). */
  delivery?: number[];
  /** Amounts picked up here and carried to the vehicle's end. */
  pickup?: number[];
  /** Time spent at the job. Default 0. */
  serviceDuration?: number;
  /**
   * When service may start: a list of disjoint windows sorted by start. Arriving
   * early means waiting; service must start at or before the window's end.
   * Default: any time.
   */
  timeWindows?: TimeWindow[];
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
  /**
   * Re-planning: the vehicle this job is already promised to. Serving it with
   * another vehicle adds `reassignmentPenalty` (default 0) to the search
   * objective; it is a preference, not a constraint, and not part of route costs.
   */
  preferredVehicle?: Id;
  reassignmentPenalty?: number;
  /** Free-form data carried through to the solution untouched. */
  data?: unknown;
}

export interface Vehicle {
  /** Unique vehicle id. */
  id: Id;
  /** Where the route starts. Omitted: the route starts at its first job. */
  start?: Location;
  /** Where the route ends. Omitted: the route ends at its last job (open route). */
  end?: Location;
  /** Capacity per dimension. Omitted: unlimited. Must have as many entries as job amounts. */
  capacity?: number[];
  /** Working hours `[earliest start, latest end]`. Default: any time. */
  shift?: TimeWindow;
  costs?: VehicleCosts;
  /** Longest allowed route duration (end arrival − start departure). */
  maxDuration?: number;
  /** Longest allowed route distance. */
  maxDistance?: number;
  /** Free-form data carried through to the solution untouched. */
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
  /** Number of locations (rows = columns). */
  size: number;
  durations: ArrayLike<number>;
  /** Defaults to the durations when omitted. */
  distances?: ArrayLike<number>;
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
  /** Distance units per time unit. Default 1 (euclidean) or 10 m/s = 36 km/h (haversine). */
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

export interface Problem {
  jobs: Job[];
  vehicles: Vehicle[];
  travel: Travel;
  /** Free-form name (e.g. the benchmark instance name). */
  name?: string;
}

// ---------------------------------------------------------------------------
// Solution
// ---------------------------------------------------------------------------

export type StepType = 'start' | 'job' | 'end';

export interface Step {
  type: StepType;
  /** Job id for `job` steps. */
  id?: Id;
  /** The location as given in the problem. */
  location?: Location;
  /** Arrival time at the step (for `start`: the departure time). */
  arrival: number;
  /** Waiting before service starts (early arrival). */
  waiting: number;
  /** Service start time. */
  serviceStart: number;
  /** Departure time (service start + service duration). */
  departure: number;
  /** Load on board after the step, per capacity dimension. */
  load: number[];
  /** Distance travelled from the route start up to this step. */
  distance: number;
}

export interface Route {
  vehicle: Id;
  steps: Step[];
  /** Cost of this route under the vehicle's costs. */
  cost: number;
  distance: number;
  /** End arrival − start departure (travel + service + waiting). */
  duration: number;
  waiting: number;
  service: number;
  /** Sum of job deliveries / pickups on the route. */
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
  /** It could be served alone, but the fleet has no room left for it. */
  | 'fleet-exhausted'
  /** Removed by the caller (e.g. a cancelled order in re-planning). */
  | 'cancelled';

export interface Unassigned {
  id: Id;
  reason: UnassignedReason;
  /** Human-readable detail. */
  message?: string;
}

export interface SolutionSummary {
  cost: number;
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

/** A step of a `RoutePlan`: only `type` (and `id` for jobs) is required; stated times are claims to check. */
export interface PlanStep {
  type: StepType;
  id?: Id;
  location?: Location;
  arrival?: number;
  waiting?: number;
  serviceStart?: number;
  departure?: number;
  load?: number[];
  distance?: number;
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
  unassigned?: { id: Id; reason?: string }[];
  summary?: Partial<SolutionSummary>;
}
