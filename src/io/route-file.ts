/**
 * The JSON shapes of vrpkit's files, as types. They are the source the JSON
 * Schema (`vrpkit/schema.json`) is generated from at build time
 * (`scripts/schema/build.ts`), so the schema follows `src/model/types.ts`
 * automatically: a route file is a `Problem` whose travel is written as JSON
 * (matrices as flat arrays or rows, a road network as a file name), plus an
 * optional `$schema`; a plan file is a `Solution` as `vrpkit solve` writes it,
 * or the short hand-written form of `RoutePlan`.
 *
 * Types only: nothing here runs.
 */
import type { Kpis } from '../kpi/compute.js';
import type { Id, MatrixTravel, MetricTravel, NetworkTravel, NonNegative, Problem, RoutePlan, Solution } from '../model/types.js';

/**
 * Travel given as full matrices, row-major: either one flat array of
 * `size × size` entries (`durations[i * size + j]` is i → j) or an array of
 * `size` rows. Entries are ≥ 0; a missing arc is written as a very large number.
 */
export interface MatrixFileTravel extends Omit<MatrixTravel, 'size' | 'durations' | 'distances'> {
  /**
   * Number of locations (rows = columns). May be omitted when the matrices are given as rows.
   * @minimum 0
   * @asType integer
   */
  size?: number;
  /** Travel times, i → j, in the problem's time unit. */
  durations: NonNegative[] | NonNegative[][];
  /** Travel distances, i → j, in the problem's distance unit. Default: the durations. */
  distances?: NonNegative[] | NonNegative[][];
}

/**
 * Travel on a road network stored in a file: `file` is a DIMACS `.gr` / `.gr.gz`
 * (with its `.co` coordinates beside it) or a GeoJSON road file, relative to the
 * route file. Locations are node ids or `[lon, lat]` points snapped to the
 * nearest node; travel is the fastest path, in metres and seconds.
 */
export interface NetworkFileTravel extends Omit<NetworkTravel, 'network'> {
  /**
   * Path of the road-network file, relative to the route file.
   * @minLength 1
   */
  file: string;
}

/**
 * The `travel` of a route file, chosen by its `type`.
 * @discriminator type
 */
export type RouteFileTravel = MatrixFileTravel | MetricTravel | NetworkFileTravel;

/** A route file: a `Problem` as JSON (`vrpkit solve FILE`). */
export interface RouteFile extends Omit<Problem, 'travel'> {
  /** How travel times and distances between locations are known: coordinates, matrices or a road-network file. */
  travel: RouteFileTravel;
}

/** A solution file as `vrpkit solve` writes it (`--kpi` adds `kpis`). */
export interface SolutionFile extends Solution {
  /** The JSON Schema this file follows. Ignored by vrpkit. */
  $schema?: string;
  /** Logistics KPIs (with `vrpkit solve --kpi`). */
  kpis?: Kpis;
}

/** A route of a hand-written plan: the vehicle and its job ids in visiting order. */
export interface ShortPlanRoute {
  vehicle: Id;
  /** Job ids in visiting order. */
  jobs: Id[];
  cost?: number;
  distance?: number;
  duration?: number;
}

/**
 * A plan for `vrpkit check` / `vrpkit report`: a solution file, a `RoutePlan`
 * (steps with only `type` and `id` required), or routes written as
 * `{ "vehicle": ..., "jobs": [...] }`.
 */
export interface PlanFile extends Omit<RoutePlan, 'routes'> {
  /** The JSON Schema this file follows. Ignored by vrpkit. */
  $schema?: string;
  routes: (RoutePlan['routes'][number] | ShortPlanRoute)[];
}
