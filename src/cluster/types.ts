/**
 * Public types of the delivery-zone clustering (`clusterPoints`).
 *
 * Points come in three shapes (graphology-style: one function, one signature):
 * `[x, y]` pairs, `{ location, demand?, id? }` objects, or a flat typed array
 * `[x0, y0, x1, y1, ...]` (the fast path for the solver's decomposition).
 * Coordinates are `[lon, lat]` degrees for the haversine metric, plane
 * coordinates otherwise.
 */
import type { Rng } from '../core/rng.js';

/** A point given as an object. `demand` defaults to 1 (one stop). */
export interface ClusterPointObject {
  location: [number, number];
  demand?: number;
  id?: string | number;
}

/** Every accepted point input shape. */
export type ClusterPoints =
  | ReadonlyArray<readonly [number, number]>
  | ReadonlyArray<ClusterPointObject>
  | Float64Array
  | Float32Array
  | ReadonlyArray<number>;

/** A distance between two points given by their coordinates. */
export type CoordinateDistance = (a: readonly [number, number], b: readonly [number, number]) => number;

/**
 * How distances are measured:
 * - `'euclidean'`: straight line in the plane,
 * - `'haversine'`: great circle on the Earth, in metres (`[lon, lat]` degrees),
 * - a function of two coordinate pairs,
 * - `{ distance(i, j) }`: point-to-point distances by point index (road distances,
 *   possibly asymmetric; `i` is the zone centre's point, `j` the member),
 * - `{ matrix }`: a row-major n × n matrix of point-to-point distances.
 * With the last three, zone centres are medoids (points of the zone).
 */
export type ClusterMetric =
  | 'euclidean'
  | 'haversine'
  | CoordinateDistance
  | { distance(i: number, j: number): number }
  | { matrix: ArrayLike<number> };

/** Which clustering algorithm to run. */
export type ClusterMethod = 'kmeans' | 'sweep' | 'capacitated';

export interface ClusterOptions {
  /** Algorithm. Default: `'capacitated'` when `maxDemand` is given, else `'kmeans'`. */
  method?: ClusterMethod;
  /** Number of zones. Required for `kmeans`; optional for `sweep`/`capacitated` when `maxDemand` is given. */
  k?: number;
  /** Largest total demand of one zone (`sweep`, `capacitated`). */
  maxDemand?: number;
  /** Default `'euclidean'`. */
  metric?: ClusterMetric;
  /** Demand per point for pair / flat-array input (objects carry their own). Default 1 each. */
  demand?: ArrayLike<number>;
  /** Seed for the internal `Rng` (default 1); ignored when `rng` is given. */
  seed?: number;
  /** The generator to draw from (the caller's stream, e.g. the solver's). */
  rng?: Rng;
  /** Lloyd iterations (`kmeans`, default 100) or assignment rounds (`capacitated`, default 10). */
  maxIterations?: number;
  /**
   * Sweep centre; default the mean of the coordinates. Angles are measured in
   * the coordinates' plane (for haversine, longitude scaled by cos of the depot's latitude).
   */
  depot?: readonly [number, number];
  /** Sweep balance: equal total demand (default; with unit demands this is equal counts) or equal counts. */
  balance?: 'demand' | 'count';
  /**
   * Capacitated: how far a zone's point count may exceed the mean `n / k`
   * (0.25 → at most ceil(1.25 n / k) points). A soft limit: it yields when
   * demand could not be packed otherwise. Default 0.25; `Infinity` disables it.
   */
  sizeTolerance?: number;
}

/** The zones found. Arrays are indexed by zone id `0..k-1` unless said otherwise. */
export interface ClusterResult {
  method: ClusterMethod;
  /** `'euclidean'`, `'haversine'` or `'custom'`. */
  metric: 'euclidean' | 'haversine' | 'custom';
  /** Number of zones. */
  k: number;
  /** Zone id per point. */
  zones: Int32Array;
  /** Zone centres as `[x, y]` (`[lon, lat]` for haversine); a medoid's coordinates for custom metrics. */
  centres: [number, number][];
  /** For custom metrics: the point index of each zone's medoid. */
  medoids?: Int32Array;
  /** Total demand per zone. */
  demand: number[];
  /** Number of points per zone. */
  sizes: number[];
  /** Quality: sum over points of the distance to their zone's centre (metric units; metres for haversine). */
  cost: number;
  /**
   * The objective after each iteration: `kmeans` → within-zone sum of squared
   * distances (plane units², or chord metres² for haversine; sums of distances
   * for custom metrics); `capacitated` → `cost` per round; `sweep` → `[cost]`.
   */
  history: number[];
  /** Iterations / rounds run. */
  iterations: number;
}
