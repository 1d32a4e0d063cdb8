/**
 * The glue between `RoadNetwork` and its contraction hierarchies: which
 * weights a metric's hierarchy is built on, the network checksum a hierarchy
 * is tied to, and matrices from a hierarchy (with the exact fallback for
 * entries a derived network may have changed, see ch-updates.ts).
 */
import { buildHierarchy } from './ch-build.js';
import { checksumArrays } from './ch-checksum.js';
import { bucketRow, targetBuckets } from './ch-matrix.js';
import type { ArcTaint } from './ch-query.js';
import type { Hierarchy, HierarchyMetric } from './ch-types.js';
import type { OverlayWeights } from './overlay.js';
import { anchorTargets, overlayOneToMany } from './overlay-matrix.js';
import type { Topology } from './topology.js';

/** What a hierarchy needs to know about a network. */
export interface WeightedNetwork {
  readonly topology: Topology;
  readonly arcDistance: Float64Array;
  readonly arcDuration: Float64Array;
}

/** A hierarchy ready to answer for a network: its own, or another's with taint flags. */
export interface UsableHierarchy {
  hierarchy: Hierarchy;
  taint: ArcTaint | null;
}

/**
 * The weight pair of a metric's hierarchy: `distance` alone, or `duration`
 * with the distance as tie-break (the `both` matrices' shortest among fastest).
 */
export function metricWeights(net: WeightedNetwork, metric: HierarchyMetric): { weight: Float64Array; weight2: Float64Array | null } {
  return metric === 'distance' ? { weight: net.arcDistance, weight2: null } : { weight: net.arcDuration, weight2: net.arcDistance };
}

/** Checksum of everything a metric's hierarchy depends on: node and arc counts, arcs, weights. */
export function networkChecksum(net: WeightedNetwork, metric: HierarchyMetric): number {
  const t = net.topology;
  const { weight, weight2 } = metricWeights(net, metric);
  const counts = Int32Array.of(t.nodeCount, t.arcCount, metric === 'distance' ? 0 : 1);
  return checksumArrays(weight2 ? [counts, t.fwdOffsets, t.fwdHeads, weight, weight2] : [counts, t.fwdOffsets, t.fwdHeads, weight]);
}

/** Builds a metric's hierarchy for a network. */
export function buildNetworkHierarchy(net: WeightedNetwork, metric: HierarchyMetric): Hierarchy {
  const { weight, weight2 } = metricWeights(net, metric);
  return buildHierarchy({ topology: net.topology, metric, weight, weight2, checksum: networkChecksum(net, metric) });
}

/**
 * A matrix from a hierarchy between node indices: writes `primary` (the
 * metric) and `second` (the tie-break sums: distances of the `duration`
 * hierarchy) row-major. With taint, entries whose best path uses a changed arc
 * are listed in the returned `[row, col]` pairs for the caller to recompute.
 */
export function hierarchyMatrix(
  use: UsableHierarchy,
  src: Int32Array,
  tgt: Int32Array,
  primary: Float64Array,
  second: Float64Array,
): number[][] {
  const { hierarchy: h, taint } = use;
  const cols = tgt.length;
  const buckets = targetBuckets(h, tgt, taint);
  const flags = taint ? new Uint8Array(cols) : null;
  const redo: number[][] = [];
  for (let r = 0; r < src.length; r++) {
    bucketRow(h, src[r], buckets, primary, second, r * cols, taint, flags);
    if (!flags) continue;
    const list: number[] = [];
    for (let c = 0; c < cols; c++) if (flags[c] && primary[r * cols + c] < Infinity) list.push(c);
    if (list.length > 0) redo.push([r, ...list]);
  }
  return redo;
}

/**
 * Fills a matrix's sums between node indices (`primary`: the metric, `second`:
 * the distances of fastest paths for `both`, else null): from the hierarchy
 * when there is one — redoing on the chain overlay the entries whose best path
 * uses a changed arc — else every row on the chain overlay.
 */
export function matrixSums(
  use: UsableHierarchy | null,
  overlay: () => OverlayWeights,
  src: Int32Array,
  tgt: Int32Array,
  primary: Float64Array,
  second: Float64Array | null,
): void {
  const rows = src.length;
  const cols = tgt.length;
  if (!use) {
    const W = overlay();
    const anchors = anchorTargets(W, tgt);
    for (let r = 0; r < rows; r++) overlayOneToMany(W, src[r], anchors, primary, second, r * cols);
    return;
  }
  const redo = hierarchyMatrix(use, src, tgt, primary, second ?? new Float64Array(rows * cols));
  const W = redo.length > 0 ? overlay() : null;
  for (const [r, ...list] of redo) {
    const sub = Int32Array.from(list, (c) => tgt[c]);
    const p = new Float64Array(list.length);
    const q = second ? new Float64Array(list.length) : null;
    overlayOneToMany(W!, src[r], anchorTargets(W!, sub), p, q, 0);
    list.forEach((c, i) => {
      primary[r * cols + c] = p[i];
      if (second) second[r * cols + c] = q![i];
    });
  }
}
