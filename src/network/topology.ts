/**
 * The compiled shape of a road network: CSR adjacency in both directions, node
 * coordinates and the id mapping. A topology is shared, unchanged, by a network
 * and every network derived from it (closures, speed factors); only the per-arc
 * weight arrays differ between them. The reversed topology (every arc turned
 * around) reuses the same arrays with the two directions swapped.
 */
import type { NodeIds } from './ids.js';
import { IndexedHeap } from './heap.js';
import type { ChainStructure } from './overlay.js';

export interface Topology {
  readonly nodeCount: number;
  readonly arcCount: number;
  /** Arcs leaving node u are `fwdOffsets[u] .. fwdOffsets[u+1]-1`; arc `a` goes to `fwdHeads[a]`. */
  readonly fwdOffsets: Int32Array;
  readonly fwdHeads: Int32Array;
  /** Arcs entering node v are slots `revOffsets[v] .. revOffsets[v+1]-1`; slot `k` comes from `revTails[k]` and is forward arc `revArc[k]`. */
  readonly revOffsets: Int32Array;
  readonly revTails: Int32Array;
  readonly revArc: Int32Array;
  /** `[lon0, lat0, lon1, lat1, ...]` in degrees, NaN where unknown; null when no node has coordinates. */
  readonly coords: Float64Array | null;
  /** True when every node has coordinates (A* needs them). */
  readonly coordsComplete: boolean;
  readonly ids: NodeIds;
  /** Reusable search state, created on the first query (internal). */
  scratch?: Scratch;
  /** Chain contraction for one-to-many searches, built on first use (internal). */
  chains?: ChainStructure;
  /** The reversed topology, once derived; the two point at each other (internal). */
  reversed?: Topology;
}

/** One search direction's reusable per-node state, valid where `stamp[v] === gen`. */
export interface SearchSpace {
  gen: number;
  readonly stamp: Uint32Array;
  readonly dist: Float64Array;
  /** A second sum carried along the tree (e.g. distance while optimising duration). */
  readonly other: Float64Array;
  /** Forward arc index by which the node was reached (-1 at the root). */
  readonly parentArc: Int32Array;
  /** The neighbour the node was reached from (towards the root). */
  readonly parentNode: Int32Array;
  readonly heap: IndexedHeap;
  /** Cached potential of a node (valid where `potStamp[v] === gen`). */
  readonly potStamp: Uint32Array;
  readonly pot: Float64Array;
}

export interface Scratch {
  forward: SearchSpace;
  backward?: SearchSpace;
  /** Marks query targets in one-to-many searches. */
  targetStamp: Uint32Array;
  targetGen: number;
}

export function newSpace(n: number): SearchSpace {
  return {
    gen: 0,
    stamp: new Uint32Array(n),
    dist: new Float64Array(n),
    other: new Float64Array(n),
    parentArc: new Int32Array(n),
    parentNode: new Int32Array(n),
    heap: new IndexedHeap(n),
    potStamp: new Uint32Array(n),
    pot: new Float64Array(n),
  };
}

/** Starts a new query on a search space: bumps its generation (O(1); O(n) once every 2^32 queries). */
export function nextGeneration(space: SearchSpace): number {
  if (space.gen >= 0xfffffffe) {
    space.stamp.fill(0);
    space.potStamp.fill(0);
    space.gen = 0;
  }
  space.heap.clear();
  return ++space.gen;
}

/** The topology's forward search space (created on first use). */
export function forwardSpace(t: Topology): SearchSpace {
  if (!t.scratch) t.scratch = { forward: newSpace(t.nodeCount), targetStamp: new Uint32Array(t.nodeCount), targetGen: 0 };
  return t.scratch.forward;
}

/** The topology's backward search space (created on first use). */
export function backwardSpace(t: Topology): SearchSpace {
  forwardSpace(t);
  const s = t.scratch!;
  if (!s.backward) s.backward = newSpace(t.nodeCount);
  return s.backward;
}

/**
 * The topology with every arc `u → v` turned into `v → u`, sharing the arrays:
 * the reverse CSR becomes the forward one and vice versa. Arc `k` of the result
 * is reverse slot `k` of `t`, i.e. arc `t.revArc[k]` of `t` turned around (lay
 * weights out with `w[t.revArc[k]]`). Only the inverse permutation of `revArc`
 * is new (O(arcs), 4 bytes per arc). Built once; reversing the result gives `t`
 * back, with its search scratch and chain structure.
 */
export function reversedTopology(t: Topology): Topology {
  if (t.reversed) return t.reversed;
  const m = t.arcCount;
  const revArc = new Int32Array(m);
  for (let k = 0; k < m; k++) revArc[t.revArc[k]] = k;
  const r: Topology = {
    nodeCount: t.nodeCount,
    arcCount: m,
    fwdOffsets: t.revOffsets,
    fwdHeads: t.revTails,
    revOffsets: t.fwdOffsets,
    revTails: t.fwdHeads,
    revArc,
    coords: t.coords,
    coordsComplete: t.coordsComplete,
    ids: t.ids,
    reversed: t,
  };
  t.reversed = r;
  return r;
}

/**
 * Builds the CSR arrays from an arc list given by node index. Arcs keep their
 * input order among arcs of the same tail. Returns the topology arrays and the
 * permutation `order` (CSR slot → input arc) so callers can lay out weights.
 */
export function compileArcs(
  nodeCount: number,
  tails: Int32Array,
  heads: Int32Array,
): {
  fwdOffsets: Int32Array;
  fwdHeads: Int32Array;
  revOffsets: Int32Array;
  revTails: Int32Array;
  revArc: Int32Array;
  order: Int32Array;
} {
  const m = tails.length;
  const fwdOffsets = new Int32Array(nodeCount + 1);
  const revOffsets = new Int32Array(nodeCount + 1);
  for (let a = 0; a < m; a++) {
    fwdOffsets[tails[a] + 1]++;
    revOffsets[heads[a] + 1]++;
  }
  for (let v = 0; v < nodeCount; v++) {
    fwdOffsets[v + 1] += fwdOffsets[v];
    revOffsets[v + 1] += revOffsets[v];
  }
  const fill = fwdOffsets.slice(0, nodeCount);
  const order = new Int32Array(m);
  const fwdHeads = new Int32Array(m);
  for (let a = 0; a < m; a++) {
    const slot = fill[tails[a]]++;
    order[slot] = a;
    fwdHeads[slot] = heads[a];
  }
  const revFill = revOffsets.slice(0, nodeCount);
  const revTails = new Int32Array(m);
  const revArc = new Int32Array(m);
  // Walk the forward CSR so every reverse slot can point at its forward arc.
  for (let u = 0; u < nodeCount; u++) {
    for (let a = fwdOffsets[u], end = fwdOffsets[u + 1]; a < end; a++) {
      const slot = revFill[fwdHeads[a]]++;
      revTails[slot] = u;
      revArc[slot] = a;
    }
  }
  return { fwdOffsets, fwdHeads, revOffsets, revTails, revArc, order };
}
