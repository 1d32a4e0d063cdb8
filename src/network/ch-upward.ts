/**
 * The point-to-point query layout of a contraction hierarchy: both arc lists
 * of a node merged into one contiguous run, nodes numbered from the top rank
 * down (see `upwardOrder`).
 *
 * A node's run holds one entry per higher neighbour `x`, with the weight of the
 * upward arc `node → x` (the forward search relaxes it; Infinity when absent)
 * and of `x → node` (the backward search relaxes it; Infinity when absent).
 * The forward search's stall test reads the backward weights of the very same
 * run, and the other way round, so settling a node reads one stretch of
 * memory. Within a run, entries with only a forward arc come first, then those
 * with both, then those with only a backward arc: each direction's relaxations
 * and stall tests are contiguous ranges with no absent weights to skip.
 *
 * An entry is 24 bytes, interleaved: the neighbour's slot (int32 at `6e`), the
 * forward weight (float64 at `3e + 1`) and the backward weight (`3e + 2`), in
 * one buffer viewed both ways. Second weights (tie-breaks, see ch-types.ts),
 * when the hierarchy has any, sit in their own array (`2e`, `2e + 1`); the
 * hierarchy arcs an entry stands for (for unpacking paths) in two more.
 */
import { hierarchyCore, type CoreTable } from './ch-core.js';
import { hasSecondWeights, type Hierarchy } from './ch-types.js';

export interface UpwardGraph {
  readonly nodeCount: number;
  /** Slot of node index `v` (the searches run on slots). */
  readonly slotOfNode: Int32Array;
  /** Hierarchy rank of slot `i`. */
  readonly rankOfSlot: Int32Array;
  /**
   * Per slot `u`, four bounds: `bounds[3u] ..` forward only, `bounds[3u+1] ..`
   * both, `bounds[3u+2] ..` backward only, up to `bounds[3u+3]` (the next slot's start).
   */
  readonly bounds: Int32Array;
  /** Neighbour slot of entry `e` at `head[6e]` (a view of the same buffer as `weight`). */
  readonly head: Int32Array;
  /** Forward weight of entry `e` at `weight[3e+1]`, backward weight at `weight[3e+2]`. */
  readonly weight: Float64Array;
  /** Second weights: forward at `weight2[2e]`, backward at `weight2[2e+1]`; null when all are zero. */
  readonly weight2: Float64Array | null;
  /** The hierarchy's forward arc (index in `fwdHeads`) of entry `e`, or -1. */
  readonly fwdArc: Int32Array;
  /** The hierarchy's backward arc (index in `bwdTails`) of entry `e`, or -1. */
  readonly bwdArc: Int32Array;
  /** Weights between the core slots `0 .. core.size-1` (the top ranks, see ch-core.ts). */
  readonly core: CoreTable;
}

/** The query layout of `h` (derived on first use, O(nodes + arcs), kept on the hierarchy). */
export function upwardGraph(h: Hierarchy): UpwardGraph {
  if (!h.upward) h.upward = buildUpwardGraph(h, hierarchyCore(h));
  return h.upward;
}

/**
 * The slot order: ranks from the top down, so the core (see ch-core.ts) is
 * slots `0 .. size-1` in the order of its table, and the nodes most searches
 * touch share a few pages. Returns the rank of each slot. (A depth-first order
 * from the top, tried on Porto, touched a third fewer pages per query but was
 * not measurably faster.)
 */
export function upwardOrder(h: Hierarchy): Int32Array {
  const n = h.nodeCount;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = n - 1 - i;
  return out;
}

/** Builds the layout of `h` around a core table of its top ranks (see ch-core.ts; size 0: none). */
export function buildUpwardGraph(h: Hierarchy, core: CoreTable): UpwardGraph {
  const n = h.nodeCount;
  const { fwdOffsets, fwdHeads, fwdWeight, fwdWeight2, bwdOffsets, bwdTails, bwdWeight, bwdWeight2 } = h;
  const rankOfSlot = upwardOrder(h);
  const slotOfRank = new Int32Array(n);
  for (let i = 0; i < n; i++) slotOfRank[rankOfSlot[i]] = i;
  const slotOfNode = new Int32Array(n);
  for (let v = 0; v < n; v++) slotOfNode[v] = slotOfRank[h.rank[v]];
  // Per rank, its backward arc from each higher neighbour (at most one), marked while the rank is read.
  const bwdOf = new Int32Array(n).fill(-1);
  // Run sizes per slot (forward only, both, backward only), then their bounds.
  const bounds = new Int32Array(3 * n + 1);
  for (let r = 0; r < n; r++) {
    const f0 = fwdOffsets[r];
    const f1 = fwdOffsets[r + 1];
    const b0 = bwdOffsets[r];
    const b1 = bwdOffsets[r + 1];
    for (let k = b0; k < b1; k++) bwdOf[bwdTails[k]] = k;
    let both = 0;
    for (let k = f0; k < f1; k++) if (bwdOf[fwdHeads[k]] >= 0) both++;
    for (let k = b0; k < b1; k++) bwdOf[bwdTails[k]] = -1;
    const u = slotOfRank[r];
    bounds[3 * u + 1] = f1 - f0 - both;
    bounds[3 * u + 2] = f1 - f0;
    bounds[3 * u + 3] = f1 - f0 + b1 - b0 - both;
  }
  let entries = 0;
  for (let u = 0; u < n; u++) {
    const start = entries;
    entries = start + bounds[3 * u + 3];
    bounds[3 * u] = start;
    bounds[3 * u + 1] += start;
    bounds[3 * u + 2] += start;
    bounds[3 * u + 3] = entries;
  }
  const buffer = new ArrayBuffer(24 * Math.max(1, entries));
  const head = new Int32Array(buffer);
  const weight = new Float64Array(buffer);
  const second = hasSecondWeights(h);
  const weight2 = second ? new Float64Array(2 * entries) : null;
  const fwdArc = new Int32Array(entries);
  const bwdArc = new Int32Array(entries);
  for (let r = 0; r < n; r++) {
    const u = slotOfRank[r];
    let fOnly = bounds[3 * u];
    let both = bounds[3 * u + 1];
    let bOnly = bounds[3 * u + 2];
    const b0 = bwdOffsets[r];
    const b1 = bwdOffsets[r + 1];
    for (let k = b0; k < b1; k++) bwdOf[bwdTails[k]] = k;
    for (let k = fwdOffsets[r], end = fwdOffsets[r + 1]; k < end; k++) {
      const x = fwdHeads[k];
      const kb = bwdOf[x];
      const e = kb >= 0 ? both++ : fOnly++;
      head[6 * e] = slotOfRank[x];
      weight[3 * e + 1] = fwdWeight[k];
      weight[3 * e + 2] = kb >= 0 ? bwdWeight[kb] : Infinity;
      if (weight2) {
        weight2[2 * e] = fwdWeight2[k];
        weight2[2 * e + 1] = kb >= 0 ? bwdWeight2[kb] : Infinity;
      }
      fwdArc[e] = k;
      bwdArc[e] = kb;
      bwdOf[x] = -1;
    }
    for (let k = b0; k < b1; k++) {
      const x = bwdTails[k];
      if (bwdOf[x] < 0) continue;
      const e = bOnly++;
      head[6 * e] = slotOfRank[x];
      weight[3 * e + 1] = Infinity;
      weight[3 * e + 2] = bwdWeight[k];
      if (weight2) {
        weight2[2 * e] = Infinity;
        weight2[2 * e + 1] = bwdWeight2[k];
      }
      fwdArc[e] = -1;
      bwdArc[e] = k;
      bwdOf[x] = -1;
    }
  }
  return { nodeCount: n, slotOfNode, rankOfSlot, bounds, head, weight, weight2, fwdArc, bwdArc, core };
}

/** Bytes held by the layout's arrays. */
export function upwardBytes(g: UpwardGraph): number {
  const arrays = [g.slotOfNode, g.rankOfSlot, g.bounds, g.weight, g.weight2, g.fwdArc, g.bwdArc, g.core.weight, g.core.weight2];
  return arrays.reduce((sum, a) => sum + (a?.byteLength ?? 0), 0);
}
