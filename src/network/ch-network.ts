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
import { anchorTargets, overlayOneToMany, type TargetAnchors } from './overlay-matrix.js';
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

/** Builds a metric's hierarchy for a network (following `order` when given, see `BuildInput.order`). */
export function buildNetworkHierarchy(net: WeightedNetwork, metric: HierarchyMetric, order?: Int32Array): Hierarchy {
  const { weight, weight2 } = metricWeights(net, metric);
  return buildHierarchy({ topology: net.topology, metric, weight, weight2, checksum: networkChecksum(net, metric), ...(order ? { order } : {}) });
}

/**
 * A matrix from a hierarchy between node indices: writes `primary` (the
 * metric) and `second` (the tie-break sums: distances of the `duration`
 * hierarchy; null when not wanted) row-major. With taint, entries whose best
 * path uses a changed arc are returned for the caller to recompute; null
 * (given up) as soon as more than `giveUpAbove` rows have such entries.
 */
export function hierarchyMatrix(
  use: UsableHierarchy,
  src: Int32Array,
  tgt: Int32Array,
  primary: Float64Array,
  second: Float64Array | null,
  giveUpAbove = Infinity,
): Redo | null {
  const { hierarchy: h, taint } = use;
  // Taint flags are compared after both weights: keep the second sums then.
  if (taint && !second) second = new Float64Array(primary.length);
  const cols = tgt.length;
  const buckets = targetBuckets(h, tgt, taint);
  const flags = taint ? new Uint8Array(cols) : null;
  const redo: Redo = { rows: [], starts: [0], cols: [] };
  for (let r = 0; r < src.length; r++) {
    // When most entries so far went through a changed arc, the remaining rows
    // are left to the ordinary search whole: cheaper than buckets, then redoing.
    if (flags && r >= 8 && 2 * redo.cols.length > r * cols) {
      if (redo.rows.length + src.length - r > giveUpAbove) return null;
      for (; r < src.length; r++) {
        for (let c = 0; c < cols; c++) redo.cols.push(c);
        redo.rows.push(r);
        redo.starts.push(redo.cols.length);
      }
      break;
    }
    bucketRow(h, src[r], buckets, primary, second, r * cols, taint, flags);
    if (!flags) continue;
    const before = redo.cols.length;
    for (let c = 0; c < cols; c++) if (flags[c] && primary[r * cols + c] < Infinity) redo.cols.push(c);
    if (redo.cols.length > before) {
      redo.rows.push(r);
      redo.starts.push(redo.cols.length);
      // The caller has a cheaper way once this many rows need redoing.
      if (redo.rows.length > giveUpAbove) return null;
    }
  }
  return redo;
}

/** Matrix entries to recompute: row `rows[i]`, columns `cols[starts[i] .. starts[i+1]-1]`. */
export interface Redo {
  rows: number[];
  starts: number[];
  cols: number[];
}

/**
 * Fills a matrix's sums between node indices (`primary`: the metric, `second`:
 * the distances of fastest paths for `both`, else null). With a hierarchy, from
 * its buckets; on a derived network (taint flags) the entries whose best path
 * uses a changed arc are redone on the chain overlay — a whole row at once when
 * many of its entries are — unless more than `recontractAbove` rows need it:
 * then `recontract` (contracting the derived network in the hierarchy's
 * order, a fraction of a build) pays off and the matrix runs on that. Without
 * a usable hierarchy, every row on the chain overlay (or on a re-contracted
 * hierarchy when there are that many rows and one can be had).
 */
export function matrixSums(
  use: UsableHierarchy | null,
  overlay: () => OverlayWeights,
  src: Int32Array,
  tgt: Int32Array,
  primary: Float64Array,
  second: Float64Array | null,
  recontract: (() => UsableHierarchy) | null = null,
  recontractAbove = Infinity,
): void {
  const rows = src.length;
  const cols = tgt.length;
  if (!use && recontract && rows > recontractAbove) use = recontract();
  if (!use) {
    const W = overlay();
    const anchors = anchorTargets(W, tgt);
    for (let r = 0; r < rows; r++) overlayOneToMany(W, src[r], anchors, primary, second, r * cols);
    return;
  }
  const redo = hierarchyMatrix(use, src, tgt, primary, second, recontract ? recontractAbove : Infinity) ?? hierarchyMatrix(recontract!(), src, tgt, primary, second)!;
  if (redo.rows.length === 0) return;
  const W = overlay();
  let all: TargetAnchors | null = null;
  const rowP = new Float64Array(cols);
  const rowQ = second ? new Float64Array(cols) : null;
  for (let i = 0; i < redo.rows.length; i++) {
    const r = redo.rows[i];
    const list = redo.cols.slice(redo.starts[i], redo.starts[i + 1]);
    // Only the listed entries change (the others keep the hierarchy's sums), whichever search runs.
    if (4 * list.length >= cols) {
      if (!all) all = anchorTargets(W, tgt);
      overlayOneToMany(W, src[r], all, rowP, rowQ, 0);
      for (const c of list) {
        primary[r * cols + c] = rowP[c];
        if (second) second[r * cols + c] = rowQ![c];
      }
      continue;
    }
    const sub = Int32Array.from(list, (c) => tgt[c]);
    const p = new Float64Array(list.length);
    const q = second ? new Float64Array(list.length) : null;
    overlayOneToMany(W, src[r], anchorTargets(W, sub), p, q, 0);
    list.forEach((c, k) => {
      primary[r * cols + c] = p[k];
      if (second) second[r * cols + c] = q![k];
    });
  }
}
