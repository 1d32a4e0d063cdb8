/**
 * Turns the accepted point shapes into flat arrays and reports every bad value
 * at once (`VrpkitError` with one issue per problem, JSON pointers under `/points`).
 */
import { VrpkitError, pointer, type InputIssue } from '../core/errors.js';
import type { ClusterMetric, ClusterPoints } from './types.js';

/** Points in flat, index-addressed form. */
export interface PointSet {
  n: number;
  /** `[x0, y0, x1, y1, ...]`. */
  coords: Float64Array;
  /** Demand per point. */
  demand: Float64Array;
  /** Where point i's demand came from, for error pointers. */
  demandPointer(i: number): string;
}

function isFlat(points: ClusterPoints): points is Float64Array | Float32Array | ReadonlyArray<number> {
  if (points instanceof Float64Array || points instanceof Float32Array) return true;
  return Array.isArray(points) && points.length > 0 && typeof points[0] === 'number';
}

/**
 * Reads points (pairs, objects or a flat array) and demands. Throws a
 * `VrpkitError` listing every NaN / infinite coordinate, out-of-range lon/lat
 * (haversine) and negative or non-finite demand.
 */
export function readPoints(
  points: ClusterPoints,
  demandOption: ArrayLike<number> | undefined,
  geographic: boolean,
): PointSet {
  const issues: InputIssue[] = [];
  if (points === null || typeof points !== 'object' || typeof (points as { length?: unknown }).length !== 'number') {
    throw new VrpkitError('cluster-points', 'points must be an array of [x, y] pairs, point objects or a flat coordinate array', pointer('points'));
  }
  let n: number;
  let coords: Float64Array;
  let badShape: Uint8Array | undefined;
  const objectDemand: (number | undefined)[] = [];
  if (isFlat(points)) {
    if (points.length % 2 !== 0) {
      throw new VrpkitError('cluster-points', `a flat coordinate array needs an even length, got ${points.length}`, pointer('points'));
    }
    n = points.length / 2;
    coords = Float64Array.from(points as ArrayLike<number>);
  } else {
    const list = points as ReadonlyArray<unknown>;
    n = list.length;
    coords = new Float64Array(2 * n);
    badShape = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const p = list[i];
      let loc: unknown = p;
      if (p !== null && typeof p === 'object' && !Array.isArray(p)) {
        const obj = p as { location?: unknown; demand?: unknown };
        loc = obj.location;
        if (obj.demand !== undefined) {
          if (typeof obj.demand !== 'number') {
            issues.push({ code: 'cluster-demand', pointer: pointer('points', i, 'demand'), message: 'demand must be a number' });
            objectDemand[i] = 0;
          } else objectDemand[i] = obj.demand;
        }
        if (!Array.isArray(loc)) {
          issues.push({ code: 'cluster-point', pointer: pointer('points', i, 'location'), message: 'location must be an [x, y] pair' });
          badShape[i] = 1;
          continue;
        }
      } else if (!Array.isArray(p)) {
        issues.push({ code: 'cluster-point', pointer: pointer('points', i), message: 'a point must be an [x, y] pair or an object with a location' });
        badShape[i] = 1;
        continue;
      }
      const pair = loc as unknown[];
      if (pair.length !== 2 || typeof pair[0] !== 'number' || typeof pair[1] !== 'number') {
        const ptr = p === loc ? pointer('points', i) : pointer('points', i, 'location');
        issues.push({ code: 'cluster-point', pointer: ptr, message: 'location must be an [x, y] pair of numbers' });
        badShape[i] = 1;
        continue;
      }
      coords[2 * i] = pair[0];
      coords[2 * i + 1] = pair[1];
    }
  }
  if (n === 0) throw new VrpkitError('cluster-points', 'no points to cluster', pointer('points'));

  const locPtr = (i: number) =>
    !isFlat(points) && !Array.isArray((points as ReadonlyArray<unknown>)[i]) ? pointer('points', i, 'location') : pointer('points', i);
  for (let i = 0; i < n; i++) {
    const x = coords[2 * i], y = coords[2 * i + 1];
    if (badShape !== undefined && badShape[i] === 1) continue;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      issues.push({ code: 'cluster-point', pointer: locPtr(i), message: `coordinates must be finite numbers, got [${x}, ${y}]` });
    } else if (geographic && (x < -180 || x > 180 || y < -90 || y > 90)) {
      issues.push({ code: 'cluster-point', pointer: locPtr(i), message: `[lon, lat] out of range: [${x}, ${y}]` });
    }
  }

  const demand = new Float64Array(n).fill(1);
  if (demandOption !== undefined) {
    if (demandOption.length !== n) {
      issues.push({ code: 'cluster-demand', pointer: 'demand', message: `demand has ${demandOption.length} entries for ${n} points` });
    } else {
      for (let i = 0; i < n; i++) demand[i] = demandOption[i];
    }
  }
  for (let i = 0; i < objectDemand.length; i++) if (objectDemand[i] !== undefined) demand[i] = objectDemand[i] as number;
  for (let i = 0; i < n; i++) {
    const q = demand[i];
    if (!Number.isFinite(q) || q < 0) {
      const ptr = objectDemand[i] !== undefined ? pointer('points', i, 'demand') : `demand${pointer(i)}`;
      if (!issues.some((s) => s.pointer === ptr)) {
        issues.push({ code: 'cluster-demand', pointer: ptr, message: `demand must be a finite number ≥ 0, got ${q}` });
      }
    }
  }
  if (issues.length > 0) throw VrpkitError.fromIssues(issues);
  const demandPointer = (i: number) =>
    objectDemand[i] !== undefined || (demandOption === undefined && !isFlat(points))
      ? pointer('points', i, 'demand')
      : `demand${pointer(i)}`;
  return { n, coords, demand, demandPointer };
}

/** The metric's public name. */
export function metricName(metric: ClusterMetric | undefined): 'euclidean' | 'haversine' | 'custom' {
  if (metric === undefined || metric === 'euclidean') return 'euclidean';
  if (metric === 'haversine') return 'haversine';
  if (typeof metric === 'function') return 'custom';
  if (typeof metric === 'object' && metric !== null) {
    if (typeof (metric as { distance?: unknown }).distance === 'function') return 'custom';
    if ((metric as { matrix?: unknown }).matrix !== undefined) return 'custom';
  }
  throw new VrpkitError(
    'cluster-option',
    `metric must be 'euclidean', 'haversine', a distance function, { distance(i, j) } or { matrix }, got ${String(metric)}`,
    'metric',
  );
}
