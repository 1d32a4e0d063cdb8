/**
 * A contraction hierarchy of one network and one metric, in flat typed arrays.
 *
 * Every node has a rank (its position in the contraction order). Searches run
 * on ranks: a forward search from `s` only climbs arcs to higher ranks
 * (`fwd*`), a backward search from `t` only climbs arcs that enter a node from
 * a higher one (`bwd*`, read tail ← head), and the two meet at the highest node
 * of a shortest path. Arcs are either original arcs or shortcuts; a shortcut
 * `a → b` stands for `a → m → b` through a lower node `m` (its middle), so a
 * path is unpacked by looking `a → m` up among `m`'s backward arcs and `m → b`
 * among its forward arcs.
 *
 * Weights are pairs: the metric itself and a second sum used only to break
 * ties (the distance along fastest paths for the `duration` hierarchy, zero for
 * the `distance` one), compared lexicographically everywhere, so that the
 * `both` matrices report the shortest among the fastest paths.
 */
import { LexHeap } from './ch-heap.js';
import type { ShortcutHalves } from './ch-unpack.js';
import type { CoreTable } from './ch-core.js';
import type { UpwardGraph } from './ch-upward.js';
import type { UpwardSpace } from './ch-upward-space.js';

export type HierarchyMetric = 'distance' | 'duration';

export interface Hierarchy {
  readonly metric: HierarchyMetric;
  readonly nodeCount: number;
  /** Checksum of the network (topology and weights) the hierarchy was built for. */
  readonly checksum: number;
  /** Rank of node index `v`, and node index of rank `r`. */
  readonly rank: Int32Array;
  readonly order: Int32Array;
  /** Upward arcs leaving rank r: `fwdOffsets[r] .. fwdOffsets[r+1]-1`, to `fwdHeads[k]` (a higher rank). */
  readonly fwdOffsets: Int32Array;
  readonly fwdHeads: Int32Array;
  readonly fwdWeight: Float64Array;
  readonly fwdWeight2: Float64Array;
  /** Middle rank of a shortcut, or `-1 - arc` for original arc `arc` (network CSR index). */
  readonly fwdMiddle: Int32Array;
  /** Arcs entering rank r from a higher rank: `bwdTails[k] → r`. */
  readonly bwdOffsets: Int32Array;
  readonly bwdTails: Int32Array;
  readonly bwdWeight: Float64Array;
  readonly bwdWeight2: Float64Array;
  readonly bwdMiddle: Int32Array;
  /** Reusable query state (not serialised). */
  scratch?: HierarchyScratch;
  /** The halves of every shortcut, for unpacking (derived on first use, see ch-unpack.ts). */
  halves?: ShortcutHalves;
  /** Weights between the top ranks (see ch-core.ts): computed with the hierarchy, saved and loaded with it. */
  core?: CoreTable;
  /** The point-to-point query layout (derived on first use, see ch-upward.ts) and its search state. */
  upward?: UpwardGraph;
  upwardSpace?: UpwardSpace;
}

/**
 * One search direction's per-rank state. The numbers a search touches for one
 * rank sit side by side (one cache line holds two ranks): `state[4r]` the
 * generation stamp (the rest is valid where it equals `gen`), `state[4r+1]`
 * the weight, `state[4r+2]` the second weight, `state[4r+3]` the arc by which
 * the rank was reached in the direction's CSR (-1 at the root).
 */
export interface HierarchySpace {
  gen: number;
  readonly state: Float64Array;
  readonly heap: LexHeap;
  /** Ranks settled (and not stalled) by the last exhaustive search, in order: `settled[0 .. settledCount-1]`. */
  readonly settled: Int32Array;
  settledCount: number;
  /** Per-rank tie flag of the derived-network searches (see ch-updates.ts). */
  readonly tainted: Uint8Array;
}

export interface HierarchyScratch {
  forward: HierarchySpace;
  backward: HierarchySpace;
  /** Stack of arc refs while unpacking (grown on demand). */
  unpackStack: Int32Array;
}

/** A fresh search space over `n` ranks. */
export function newHierarchySpace(n: number): HierarchySpace {
  return {
    gen: 0,
    state: new Float64Array(4 * n),
    heap: new LexHeap(n),
    settled: new Int32Array(n),
    settledCount: 0,
    tainted: new Uint8Array(n),
  };
}

/** Bumps a space's generation (O(1); O(n) once every 2^32 queries). */
export function nextHierarchyGeneration(space: HierarchySpace): number {
  if (space.gen >= 0xfffffffe) {
    space.state.fill(0);
    space.gen = 0;
  }
  space.heap.clear();
  return ++space.gen;
}

/** The hierarchy's query scratch (created on first use). */
export function hierarchyScratch(h: Hierarchy): HierarchyScratch {
  if (!h.scratch) h.scratch = { forward: newHierarchySpace(h.nodeCount), backward: newHierarchySpace(h.nodeCount), unpackStack: new Int32Array(256) };
  return h.scratch;
}

/** Bytes held by the hierarchy's arrays and core table (scratch and query layout excluded). */
export function hierarchyBytes(h: Hierarchy): number {
  const arrays = [h.rank, h.order, h.fwdOffsets, h.fwdHeads, h.fwdWeight, h.fwdWeight2, h.fwdMiddle, h.bwdOffsets, h.bwdTails, h.bwdWeight, h.bwdWeight2, h.bwdMiddle, h.core?.weight, h.core?.weight2];
  return arrays.reduce((s, a) => s + (a?.byteLength ?? 0), 0);
}

/** Whether any second weight of `h` is non-zero (the `distance` hierarchy has none). */
export function hasSecondWeights(h: Hierarchy): boolean {
  for (const list of [h.fwdWeight2, h.bwdWeight2]) for (let k = 0; k < list.length; k++) if (list[k] !== 0) return true;
  return false;
}

/** Number of arcs (original and shortcuts, both directions). */
export function hierarchyArcCount(h: Hierarchy): number {
  return h.fwdHeads.length + h.bwdTails.length;
}
