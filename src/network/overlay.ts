/**
 * Chain contraction for one-to-many searches and matrices.
 *
 * Road graphs from OpenStreetMap keep every shape point as a node: most nodes
 * (80–90 % of the shared graphs) have exactly two neighbours. Such a node is a
 * *chain* node; every other node is a *core* node. A chain is a maximal run of
 * chain nodes between two core nodes. The overlay is the graph on core nodes
 * with the original core–core arcs plus one arc per chain and direction (its
 * weight: the sum along the chain, Infinity when some piece is one-way the
 * other way). One-to-many searches run Dijkstra on the overlay only:
 * - a chain source seeds the two ends of its chain with the costs to reach them,
 * - a chain target takes the best of (end + cost from that end), and of the
 *   direct run along the chain when source and target share a chain.
 * The results equal plain Dijkstra distances (same sums, possibly associated in
 * another order: exact for integer weights).
 *
 * The structure (which nodes are core, the chains, the overlay's arcs) depends
 * on the topology only and is shared by derived networks; weights are laid out
 * per network and metric. A reversed topology gets the reversed structure,
 * derived in O(overlay arcs) when the other direction's is already built.
 */
import type { SearchSpace, Topology } from './topology.js';
import { IndexedHeap } from './heap.js';
import type { LexHeap } from './ch-heap.js';

/** Weight-independent chain structure of a topology. */
export interface ChainStructure {
  /** Core id of a node, or -1 for chain nodes. */
  coreOf: Int32Array;
  /** Node index of each core id. */
  coreNodes: Int32Array;
  /** Chain of a chain node (-1 for core nodes) and its position 1..L-1 in the chain's node sequence. */
  chainOf: Int32Array;
  posOf: Int32Array;
  /** Node sequence of chain c: `seq[start[c] .. start[c+1]-1]`, core ends included. */
  start: Int32Array;
  seq: Int32Array;
  /** Overlay CSR over core ids. */
  offsets: Int32Array;
  heads: Int32Array;
  /** Per overlay arc: original CSR arc (>= 0), or `-(2 * chain + dir) - 1` (dir 0 = along the sequence, 1 = against). */
  origin: Int32Array;
  /** Reusable search state on core ids (`lexHeap`: the `both` searches', created on first use). */
  lexHeap?: LexHeap;
  dist: Float64Array;
  other: Float64Array;
  stamp: Uint32Array;
  gen: number;
  heap: IndexedHeap;
  targetStamp: Uint32Array;
  targetGen: number;
  /** Reverse overlay CSR: slots `revOffsets[v] .. revOffsets[v+1]-1` enter core v from `revTails[k]` by overlay arc `revArc[k]`. */
  revOffsets: Int32Array;
  revTails: Int32Array;
  revArc: Int32Array;
  /** Unit-sphere `[x, y, z]` per core node (for chord-length potentials), built on first use; null without coordinates. */
  xyz?: Float64Array | null;
  /** Point-to-point search spaces on core ids (created on first use). */
  pathF?: SearchSpace;
  pathB?: SearchSpace;
}

/** Overlay weights for one weight array (and an optional second one summed along). */
export interface OverlayWeights {
  structure: ChainStructure;
  core: Float64Array;
  core2: Float64Array | null;
  /** Per sequence slot i of a chain: weight of the piece seq[i] → seq[i+1] (fwd) and seq[i+1] → seq[i] (bwd). */
  fwd: Float64Array;
  bwd: Float64Array;
  fwd2: Float64Array | null;
  bwd2: Float64Array | null;
}

/** The distinct neighbours (either direction) of `v`, up to 3 (enough to tell "exactly two"). */
function neighbours(t: Topology, v: number, out: Int32Array): number {
  let k = 0;
  const add = (x: number): void => {
    for (let i = 0; i < k; i++) if (out[i] === x) return;
    if (k < 3) out[k] = x;
    k++;
  };
  for (let a = t.fwdOffsets[v]; a < t.fwdOffsets[v + 1] && k < 3; a++) add(t.fwdHeads[a]);
  for (let s = t.revOffsets[v]; s < t.revOffsets[v + 1] && k < 3; s++) add(t.revTails[s]);
  return k;
}

/** Builds (once per topology) the chain structure. */
export function chainStructure(t: Topology): ChainStructure {
  if (t.chains) return t.chains;
  if (t.reversed?.chains) return (t.chains = reversedChains(t.reversed.chains, t));
  const n = t.nodeCount;
  const nb = new Int32Array(3);
  const isChain = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (neighbours(t, v, nb) === 2 && nb[0] !== v && nb[1] !== v) isChain[v] = 1;
  }
  const chainOf = new Int32Array(n).fill(-1);
  const posOf = new Int32Array(n);
  const seq: number[] = [];
  const start: number[] = [0];
  const walk = (c: number, first: number): void => {
    const id = start.length - 1;
    seq.push(c);
    let prev = c;
    let cur = first;
    while (isChain[cur]) {
      chainOf[cur] = id;
      posOf[cur] = seq.length - start[id];
      seq.push(cur);
      neighbours(t, cur, nb);
      const next = nb[0] === prev ? nb[1] : nb[0];
      prev = cur;
      cur = next;
    }
    seq.push(cur);
    start.push(seq.length);
  };
  const fromCore = (c: number): void => {
    const list: number[] = [];
    for (let a = t.fwdOffsets[c]; a < t.fwdOffsets[c + 1]; a++) list.push(t.fwdHeads[a]);
    for (let s = t.revOffsets[c]; s < t.revOffsets[c + 1]; s++) list.push(t.revTails[s]);
    for (const x of list) if (isChain[x] && chainOf[x] < 0) walk(c, x);
  };
  for (let v = 0; v < n; v++) if (!isChain[v]) fromCore(v);
  // Rings made only of chain nodes: promote one node per ring to core.
  for (let v = 0; v < n; v++) {
    if (isChain[v] && chainOf[v] < 0) {
      isChain[v] = 0;
      fromCore(v);
    }
  }
  const coreOf = new Int32Array(n).fill(-1);
  const coreList: number[] = [];
  for (let v = 0; v < n; v++) if (!isChain[v]) coreList.push(v);
  // Number core nodes along a Hilbert curve when coordinates are known: nodes near
  // each other on the map get nearby ids, so searches touch fewer cache lines.
  if (t.coords && t.coordsComplete) sortByHilbert(coreList, t.coords);
  coreList.forEach((v, i) => (coreOf[v] = i));
  const nc = coreList.length;
  const nChains = start.length - 1;
  // Overlay arcs: direct core → core arcs, plus both directions of every chain (self loops skipped).
  const arcTail: number[] = [];
  const arcHead: number[] = [];
  const arcOrigin: number[] = [];
  for (const u of coreList) {
    for (let a = t.fwdOffsets[u]; a < t.fwdOffsets[u + 1]; a++) {
      const v = t.fwdHeads[a];
      if (!isChain[v] && v !== u) {
        arcTail.push(coreOf[u]);
        arcHead.push(coreOf[v]);
        arcOrigin.push(a);
      }
    }
  }
  for (let c = 0; c < nChains; c++) {
    const a = seq[start[c]];
    const b = seq[start[c + 1] - 1];
    if (a === b) continue;
    arcTail.push(coreOf[a], coreOf[b]);
    arcHead.push(coreOf[b], coreOf[a]);
    arcOrigin.push(-(2 * c) - 1, -(2 * c + 1) - 1);
  }
  const mc = arcTail.length;
  const offsets = new Int32Array(nc + 1);
  for (let i = 0; i < mc; i++) offsets[arcTail[i] + 1]++;
  for (let i = 0; i < nc; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, nc);
  const heads = new Int32Array(mc);
  const origin = new Int32Array(mc);
  for (let i = 0; i < mc; i++) {
    const slot = fill[arcTail[i]]++;
    heads[slot] = arcHead[i];
    origin[slot] = arcOrigin[i];
  }
  const revOffsets = new Int32Array(nc + 1);
  for (let k = 0; k < mc; k++) revOffsets[heads[k] + 1]++;
  for (let i = 0; i < nc; i++) revOffsets[i + 1] += revOffsets[i];
  const revFill = revOffsets.slice(0, nc);
  const revTails = new Int32Array(mc);
  const revArc = new Int32Array(mc);
  for (let u = 0; u < nc; u++) {
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const slot = revFill[heads[k]]++;
      revTails[slot] = u;
      revArc[slot] = k;
    }
  }
  t.chains = {
    revOffsets,
    revTails,
    revArc,
    coreOf,
    coreNodes: Int32Array.from(coreList),
    chainOf,
    posOf,
    start: Int32Array.from(start),
    seq: Int32Array.from(seq),
    offsets,
    heads,
    origin,
    dist: new Float64Array(nc),
    other: new Float64Array(nc),
    stamp: new Uint32Array(nc),
    gen: 0,
    heap: new IndexedHeap(nc),
    targetStamp: new Uint32Array(nc),
    targetGen: 0,
  };
  return t.chains;
}

/**
 * The chain structure of `r` from that of its reverse (`S`, built on
 * `r.reversed`). Which nodes are core and the chains' node sequences depend only
 * on who neighbours whom, so they are shared. Every overlay arc is turned around:
 * the forward and reverse overlay CSR swap, an original arc `a` of the other
 * topology becomes arc `r.revArc[a]` of `r` (its reverse slot `a`), and the arc
 * along a chain's sequence becomes the one against it. Search state is fresh.
 */
function reversedChains(S: ChainStructure, r: Topology): ChainStructure {
  const mc = S.heads.length;
  const nc = S.coreNodes.length;
  const origin = new Int32Array(mc);
  for (let k = 0; k < mc; k++) {
    const o = S.origin[S.revArc[k]];
    origin[k] = o >= 0 ? r.revArc[o] : -((-o - 1) ^ 1) - 1;
  }
  const revArc = new Int32Array(mc);
  for (let k = 0; k < mc; k++) revArc[S.revArc[k]] = k;
  return {
    coreOf: S.coreOf,
    coreNodes: S.coreNodes,
    chainOf: S.chainOf,
    posOf: S.posOf,
    start: S.start,
    seq: S.seq,
    offsets: S.revOffsets,
    heads: S.revTails,
    origin,
    revOffsets: S.offsets,
    revTails: S.heads,
    revArc,
    dist: new Float64Array(nc),
    other: new Float64Array(nc),
    stamp: new Uint32Array(nc),
    gen: 0,
    heap: new IndexedHeap(nc),
    targetStamp: new Uint32Array(nc),
    targetGen: 0,
    ...(S.xyz !== undefined ? { xyz: S.xyz } : {}),
  };
}

/** Sorts node indices by the Hilbert index of their coordinates (16 bits per axis, bounding box of the nodes). */
function sortByHilbert(nodes: number[], coords: Float64Array): void {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const v of nodes) {
    x0 = Math.min(x0, coords[2 * v]);
    x1 = Math.max(x1, coords[2 * v]);
    y0 = Math.min(y0, coords[2 * v + 1]);
    y1 = Math.max(y1, coords[2 * v + 1]);
  }
  const sx = x1 > x0 ? 65535 / (x1 - x0) : 0;
  const sy = y1 > y0 ? 65535 / (y1 - y0) : 0;
  const keys = new Float64Array(nodes.length);
  nodes.forEach((v, i) => (keys[i] = hilbert(Math.floor((coords[2 * v] - x0) * sx), Math.floor((coords[2 * v + 1] - y0) * sy))));
  const order = Array.from(nodes.keys()).sort((i, j) => keys[i] - keys[j] || nodes[i] - nodes[j]);
  const sorted = order.map((i) => nodes[i]);
  for (let i = 0; i < nodes.length; i++) nodes[i] = sorted[i];
}

/** Position of cell (x, y) on a Hilbert curve over a 65536 x 65536 grid. */
function hilbert(x: number, y: number): number {
  let d = 0;
  for (let s = 32768; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    // Rotate the quadrant so the curve stays continuous.
    if (ry === 0) {
      if (rx === 1) {
        x = 65535 - x;
        y = 65535 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

/** Lays out overlay weights for `weight` (and `second`, summed along the same pieces). */
export function overlayWeights(t: Topology, weight: Float64Array, second: Float64Array | null): OverlayWeights {
  const S = chainStructure(t);
  const L = S.seq.length;
  const fwd = new Float64Array(L).fill(Infinity);
  const bwd = new Float64Array(L).fill(Infinity);
  const fwd2 = second ? new Float64Array(L).fill(Infinity) : null;
  const bwd2 = second ? new Float64Array(L).fill(Infinity) : null;
  const nChains = S.start.length - 1;
  // Cheapest arc p → q by `weight` (ties: the smaller `second`, then the first), written to slot i of `w` / `w2`.
  const piece = (p: number, q: number, i: number, w: Float64Array, w2: Float64Array | null): void => {
    for (let a = t.fwdOffsets[p]; a < t.fwdOffsets[p + 1]; a++) {
      if (t.fwdHeads[a] === q && (weight[a] < w[i] || (w2 !== null && weight[a] === w[i] && second![a] < w2[i]))) {
        w[i] = weight[a];
        if (w2) w2[i] = second![a];
      }
    }
  };
  for (let c = 0; c < nChains; c++) {
    for (let i = S.start[c]; i < S.start[c + 1] - 1; i++) {
      piece(S.seq[i], S.seq[i + 1], i, fwd, fwd2);
      piece(S.seq[i + 1], S.seq[i], i, bwd, bwd2);
    }
  }
  const mc = S.heads.length;
  const core = new Float64Array(mc);
  const core2 = second ? new Float64Array(mc) : null;
  for (let k = 0; k < mc; k++) {
    const o = S.origin[k];
    if (o >= 0) {
      core[k] = weight[o];
      if (core2) core2[k] = second![o];
      continue;
    }
    const code = -o - 1;
    const c = code >> 1;
    const along = (code & 1) === 0;
    let s1 = 0;
    let s2 = 0;
    const w = along ? fwd : bwd;
    const w2 = along ? fwd2 : bwd2;
    // Sum in travel order so the sums associate like a Dijkstra walking the chain.
    if (along) {
      for (let i = S.start[c]; i < S.start[c + 1] - 1; i++) {
        s1 += w[i];
        if (w2) s2 += w2[i];
      }
    } else {
      for (let i = S.start[c + 1] - 2; i >= S.start[c]; i--) {
        s1 += w[i];
        if (w2) s2 += w2[i];
      }
    }
    core[k] = s1;
    if (core2) core2[k] = s2;
  }
  return { structure: S, core, core2, fwd, bwd, fwd2, bwd2 };
}

/** The same overlay weights without the second sum (a `both` overlay serves `duration` queries unchanged). */
export function primaryOnly(W: OverlayWeights): OverlayWeights {
  return { structure: W.structure, core: W.core, core2: null, fwd: W.fwd, bwd: W.bwd, fwd2: null, bwd2: null };
}

/**
 * Overlay weights for the reversed network from `W` (built on the other
 * direction), when `S` is the reverse of `W.structure` (one derived from the
 * other: same chain sequences, overlay CSR swapped); null otherwise. A piece
 * `seq[i] → seq[i+1]` of the reversed network is the piece `seq[i+1] → seq[i]`
 * of the other, so the per-slot arrays swap; overlay arc `k` of `S` is arc
 * `W.structure.revArc[k]` turned around and keeps its weight.
 */
export function reversedOverlayWeights(W: OverlayWeights, S: ChainStructure): OverlayWeights | null {
  const X = W.structure;
  if (S.seq !== X.seq || S.offsets !== X.revOffsets || S.heads !== X.revTails) return null;
  const mc = S.heads.length;
  const core = new Float64Array(mc);
  const core2 = W.core2 ? new Float64Array(mc) : null;
  for (let k = 0; k < mc; k++) {
    const j = X.revArc[k];
    core[k] = W.core[j];
    if (core2) core2[k] = W.core2![j];
  }
  return { structure: S, core, core2, fwd: W.bwd, bwd: W.fwd, fwd2: W.bwd2, bwd2: W.fwd2 };
}
