/**
 * Travel on demand between a large problem's points (`TravelProvider.
 * travelOnDemand`): the points are snapped once, the `duration` contraction
 * hierarchy is made ready (reused from the network the current one was
 * derived from, or built), and every block of rows × columns is a bucket
 * many-to-many matrix of fastest paths, seconds and metres (`both`
 * semantics). Blocks over all points (full rows) keep the buckets of every
 * point, so asking for rows one at a time costs one upward search each.
 */
import type { OnDemandTravel } from '../model/types.js';
import { matrixSums, type UsableHierarchy } from './ch-network.js';
import { bucketRow, targetBuckets, type TargetBuckets } from './ch-matrix.js';
import type { NodeId } from './ids.js';
import type { OverlayWeights } from './overlay.js';
import type { Hierarchy } from './ch-types.js';
import type { Topology } from './topology.js';

/** What the on-demand travel needs from a `RoadNetwork`. */
export interface OnDemandNetwork {
  readonly topology: Topology;
  resolvePoints(points: (NodeId | readonly [number, number])[], where: string): Int32Array;
  hierarchyFor(metric: 'duration'): UsableHierarchy | null;
  ownHierarchy(metric: 'duration'): UsableHierarchy;
  recontraction(metric: 'duration'): [(() => UsableHierarchy) | null, number];
  overlay(metric: 'both'): OverlayWeights;
  toMetres(units: number): number;
}

/** On-demand travel between `points` (node ids or `[lon, lat]` to snap). */
export function travelOnDemand(net: OnDemandNetwork, points: (NodeId | readonly [number, number])[]): OnDemandTravel {
  const idx = net.resolvePoints(points, 'points');
  net.hierarchyFor('duration') ?? net.ownHierarchy('duration');
  const t = net.topology;
  let coordinates: Float64Array | null = null;
  if (t.coords && t.coordsComplete) {
    coordinates = new Float64Array(2 * idx.length);
    for (let i = 0; i < idx.length; i++) {
      coordinates[2 * i] = t.coords[2 * idx[i]];
      coordinates[2 * i + 1] = t.coords[2 * idx[i] + 1];
    }
  }
  let everyPoint: { hierarchy: Hierarchy; buckets: TargetBuckets } | null = null;
  const n = idx.length;
  const block = (rows: ArrayLike<number>, cols: ArrayLike<number>): { durations: Float64Array; distances: Float64Array } => {
    // Asked each time: a derived network may have re-contracted its own hierarchy meanwhile.
    const use = net.hierarchyFor('duration') ?? net.ownHierarchy('duration');
    const src = Int32Array.from(rows, (r) => pick(idx, r));
    const durations = new Float64Array(src.length * cols.length);
    const distances = new Float64Array(src.length * cols.length);
    if (isEveryPoint(cols, n) && !use.taint) {
      if (!everyPoint || everyPoint.hierarchy !== use.hierarchy) everyPoint = { hierarchy: use.hierarchy, buckets: targetBuckets(use.hierarchy, idx) };
      for (let r = 0; r < src.length; r++) bucketRow(use.hierarchy, src[r], everyPoint.buckets, durations, distances, r * n);
    } else {
      matrixSums(use, () => net.overlay('both'), src, Int32Array.from(cols, (c) => pick(idx, c)), durations, distances, ...net.recontraction('duration'));
    }
    for (let k = 0; k < distances.length; k++) distances[k] = net.toMetres(distances[k]);
    return { durations, distances };
  };
  return { coordinates, block };
}

function pick(idx: Int32Array, i: number): number {
  if (!(Number.isInteger(i) && i >= 0 && i < idx.length)) throw new RangeError(`point index ${i} out of range 0..${idx.length - 1}`);
  return idx[i];
}

/** Whether `cols` is `0, 1, ..., n-1`. */
function isEveryPoint(cols: ArrayLike<number>, n: number): boolean {
  if (cols.length !== n) return false;
  for (let i = 0; i < n; i++) if (cols[i] !== i) return false;
  return true;
}
