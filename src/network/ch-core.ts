/**
 * The core table of a contraction hierarchy: exact weights between every pair
 * of its highest nodes (the core), so that point-to-point searches stop where
 * they enter the core instead of exploring it.
 *
 * On a city graph most of a point-to-point search happens at the top of the
 * hierarchy (Porto: 150 of the 194 nodes settled per reference query, and nine
 * tenths of the arcs scanned, are among the top 500 ranks), where both
 * directions sweep the same dense core. With the table, each direction only
 * climbs the nodes below the core and notes the core nodes it reaches; a
 * shortest path whose highest node is in the core climbs into it at some node
 * `a` (reached by the forward search with its exact weight), leaves it at some
 * `b` (likewise backward), and in between weighs exactly `table[a][b]`. So the
 * answer is the least of the meetings below the core and of
 * `forward(a) + table[a][b] + backward(b)` over the core nodes reached.
 *
 * The table is computed with the hierarchy's bucket matrix (same exactness as
 * matrices: weight pairs compared lexicographically), a few hundred
 * milliseconds on Porto for a core of 1,000 nodes (8 MB per weight).
 */
import { bucketRow, targetBuckets } from './ch-matrix.js';
import { hasSecondWeights, type Hierarchy } from './ch-types.js';

/** Largest core (nodes): the table holds its square, 8 bytes per weight. */
export const CORE_MAX = 1000;

/**
 * The core size used for a hierarchy of `n` nodes: twice the square root of
 * `n` (the table then grows like the graph: Andorra, 26,522 nodes, 326 core
 * nodes, 0.85 MB), at most `CORE_MAX` (Porto).
 */
export function coreSizeFor(n: number): number {
  return Math.min(CORE_MAX, Math.ceil(2 * Math.sqrt(n)));
}

export interface CoreTable {
  /**
   * Number of core nodes: the top `size` ranks, highest first (core index `c`
   * is rank `n - 1 - c`, slot `c` of the query layout).
   */
  readonly size: number;
  /** Weight from core index `a` to core index `b` at `weight[a * size + b]` (Infinity when unreachable). */
  readonly weight: Float64Array;
  /** The second weights of the same paths (the least among the lightest), or null for single-weight hierarchies. */
  readonly weight2: Float64Array | null;
}

/** The core table of `h` (computed when missing: with the build, or for hierarchies loaded without one). */
export function hierarchyCore(h: Hierarchy): CoreTable {
  if (!h.core) h.core = coreTable(h, coreSizeFor(h.nodeCount));
  return h.core;
}

/** The table between the top `size` ranks of `h` (at most all of them). */
export function coreTable(h: Hierarchy, size: number): CoreTable {
  const n = h.nodeCount;
  size = Math.max(0, Math.min(n, size));
  const coreNodes = Int32Array.from({ length: size }, (_, c) => h.order[n - 1 - c]);
  const second = hasSecondWeights(h);
  const weight = new Float64Array(size * size);
  const weight2 = second ? new Float64Array(size * size) : null;
  if (size > 0) {
    const buckets = targetBuckets(h, coreNodes);
    for (let a = 0; a < size; a++) bucketRow(h, coreNodes[a], buckets, weight, weight2, a * size);
  }
  return { size, weight, weight2 };
}
