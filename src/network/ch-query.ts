/**
 * Point-to-point queries on a contraction hierarchy: a forward search from the
 * source over upward arcs and a backward search from the target over arcs
 * entering from above, both with stall-on-demand (a node reached more cheaply
 * through a higher neighbour is not expanded: no shortest path climbs through
 * it). The best meeting node gives the distance; the path is unpacked from the
 * shortcuts back to original arcs.
 *
 * On the hierarchy's own network the searches run on its query layout with the
 * core table (ch-upward.ts, ch-core.ts, ch-query-upward*.ts). With `taint` (a
 * derived network, see ch-updates.ts) they run here on the plain arc lists,
 * and every label also records whether its path uses a changed arc; on equal
 * weights an untainted label wins. Labels are weight pairs compared
 * lexicographically (see ch-types.ts).
 */
import { hierarchyScratch, nextHierarchyGeneration, type Hierarchy, type HierarchySpace } from './ch-types.js';
import { unpackRef } from './ch-unpack.js';
import { upwardGraph, type UpwardGraph } from './ch-upward.js';
import { entryTail, newUpwardSpace, type UpwardSpace } from './ch-upward-space.js';
import { upwardDistance } from './ch-query-upward.js';
import { upwardPairDistance } from './ch-query-upward-pair.js';

/** Per-arc "uses a changed arc" flags of a hierarchy on a derived network. */
export interface ArcTaint {
  fwd: Uint8Array;
  bwd: Uint8Array;
}

/** The result of a hierarchy query: original arcs (network CSR indices) or null, and the work done. */
export interface HierarchyPath {
  arcs: number[] | null;
  /** Weight pair of the path (Infinity when unreachable). */
  weight: number;
  weight2: number;
  /** Whether the path uses a changed arc (always false without taint). */
  tainted: boolean;
  settled: number;
}

/** Shortest path from node `s` to node `t` (node indices) on the hierarchy. */
export function hierarchyPath(h: Hierarchy, s: number, t: number, taint: ArcTaint | null = null, unpack = true): HierarchyPath {
  if (s === t) return { arcs: [], weight: 0, weight2: 0, tainted: false, settled: 0 };
  if (taint === null) return layoutPath(h, s, t, unpack);
  const { forward: F, backward: B } = hierarchyScratch(h);
  const gf = nextHierarchyGeneration(F);
  const gb = nextHierarchyGeneration(B);
  const rs = h.rank[s];
  const rt = h.rank[t];
  let best = Infinity;
  let best2 = Infinity;
  let bestTaint = 1;
  let meet = -1;
  let settled = 0;
  seed(F, gf, rs);
  seed(B, gb, rt);
  let fDone = false;
  let bDone = false;
  const fh = F.heap;
  const bh = B.heap;
  while (!fDone || !bDone) {
    let forward: boolean;
    if (fDone) forward = false;
    else if (bDone) forward = true;
    else forward = fh.keys[0] < bh.keys[0] || (fh.keys[0] === bh.keys[0] && fh.keys2[0] <= bh.keys2[0]);
    const X = forward ? F : B;
    const Y = forward ? B : F;
    const heap = X.heap;
    const gy = forward ? gb : gf;
    const k1 = heap.size > 0 ? heap.keys[0] : Infinity;
    const k2 = heap.size > 0 ? heap.keys2[0] : Infinity;
    if (heap.size === 0 || k1 > best || (k1 === best && (k2 > best2 || (k2 === best2 && bestTaint === 0)))) {
      if (forward) fDone = true;
      else bDone = true;
      continue;
    }
    const u = heap.pop();
    settled++;
    const ys = Y.state;
    if (ys[4 * u] === gy) {
      const xs = X.state;
      const d = xs[4 * u + 1] + ys[4 * u + 1];
      const d2 = xs[4 * u + 2] + ys[4 * u + 2];
      const tt = X.tainted[u] | Y.tainted[u];
      if (d < best || (d === best && (d2 < best2 || (d2 === best2 && tt < bestTaint)))) {
        best = d;
        best2 = d2;
        bestTaint = tt;
        meet = u;
      }
    }
    if (forward) expand(F, gf, u, h.fwdOffsets, h.fwdHeads, h.fwdWeight, h.fwdWeight2, h.bwdOffsets, h.bwdTails, h.bwdWeight, h.bwdWeight2, taint?.fwd ?? null);
    else expand(B, gb, u, h.bwdOffsets, h.bwdTails, h.bwdWeight, h.bwdWeight2, h.fwdOffsets, h.fwdHeads, h.fwdWeight, h.fwdWeight2, taint?.bwd ?? null);
  }
  if (meet < 0) return { arcs: null, weight: Infinity, weight2: Infinity, tainted: false, settled };
  const result: HierarchyPath = { arcs: null, weight: best, weight2: best2, tainted: bestTaint === 1, settled };
  if (!unpack) return result;
  const arcs: number[] = [];
  // Forward half: hierarchy arcs from the meeting rank back to the source (an arc's tail is the
  // rank whose range holds it), unpacked in travel order.
  const chain: number[] = [];
  for (let r = meet; r !== rs; ) {
    const k = F.state[4 * r + 3];
    chain.push(k);
    r = rangeOf(h.fwdOffsets, k);
  }
  for (let i = chain.length - 1; i >= 0; i--) unpackRef(h, chain[i], arcs);
  for (let r = meet; r !== rt; ) {
    const k = B.state[4 * r + 3];
    unpackRef(h, -1 - k, arcs);
    r = rangeOf(h.bwdOffsets, k);
  }
  result.arcs = arcs;
  return result;
}

/**
 * The query on the hierarchy's own network, on its query layout: with the
 * core table for the weight alone; with a search of the whole hierarchy when
 * the path is wanted (the part of a path inside the core would take a second
 * search, which on Porto costs about what the whole search does).
 */
function layoutPath(h: Hierarchy, s: number, t: number, unpack: boolean): HierarchyPath {
  const g = upwardGraph(h);
  const pairs = g.weight2 !== null;
  const S = (h.upwardSpace ??= newUpwardSpace(g, pairs));
  const a = g.slotOfNode[s];
  const b = g.slotOfNode[t];
  const useCore = !unpack;
  const weight = pairs ? upwardPairDistance(g, S, a, b, useCore) : upwardDistance(g, S, a, b, useCore);
  const weight2 = pairs ? S.weight2 : 0;
  if (S.meet < 0) return { arcs: null, weight: Infinity, weight2: Infinity, tainted: false, settled: S.settled };
  const found: HierarchyPath = { arcs: null, weight, weight2, tainted: false, settled: S.settled };
  if (!unpack) return found;
  const refs: number[] = [];
  upwardChain(g, S, a, b, refs);
  const arcs: number[] = [];
  for (const ref of refs) unpackRef(h, ref, arcs);
  found.arcs = arcs;
  return found;
}

/**
 * After a layout search from slot `s` to slot `t` without the core table, the
 * hierarchy arc refs (see ch-unpack.ts) of its path, in travel order: forward
 * arcs from the source up to the meeting slot, then backward arcs down to the
 * target.
 */
function upwardChain(g: UpwardGraph, S: UpwardSpace, s: number, t: number, out: number[]): void {
  const at = S.stride - 2;
  const meet = S.meet;
  const up: number[] = [];
  for (let u = meet; u !== s; ) {
    const e = S.link[2 * (S.stride * u + at)];
    up.push(g.fwdArc[e]);
    u = entryTail(g, e);
  }
  for (let i = up.length - 1; i >= 0; i--) out.push(up[i]);
  for (let u = meet; u !== t; ) {
    const e = S.link[2 * (S.stride * u + at) + 1];
    out.push(-1 - g.bwdArc[e]);
    u = entryTail(g, e);
  }
}

/** The rank whose arc range `offsets[r] .. offsets[r+1]-1` holds arc `k` (binary search). */
function rangeOf(offsets: Int32Array, k: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Starts a search at rank `r`. */
export function seed(X: HierarchySpace, gen: number, r: number): void {
  const st = X.state;
  st[4 * r] = gen;
  st[4 * r + 1] = 0;
  st[4 * r + 2] = 0;
  st[4 * r + 3] = -1;
  X.tainted[r] = 0;
  X.heap.push(r, 0, 0);
}

/**
 * Settles rank `u` of one direction: unless stalled (a higher neighbour `x`
 * already reaches `u` more cheaply through the opposite arc list), relaxes its
 * upward arcs. `off/heads/w/w2` are this direction's arcs, `sOff/...` the
 * other direction's, used for the stall test. Returns false when stalled.
 */
export function expand(
  X: HierarchySpace,
  gen: number,
  u: number,
  off: Int32Array,
  heads: Int32Array,
  w: Float64Array,
  w2: Float64Array,
  sOff: Int32Array,
  sHeads: Int32Array,
  sW: Float64Array,
  sW2: Float64Array,
  taint: Uint8Array | null,
): boolean {
  const { state, heap } = X;
  const du = state[4 * u + 1];
  const du2 = state[4 * u + 2];
  for (let k = sOff[u], end = sOff[u + 1]; k < end; k++) {
    const x = 4 * sHeads[k];
    if (state[x] !== gen) continue;
    const c = state[x + 1] + sW[k];
    if (c < du || (c === du && state[x + 2] + sW2[k] < du2)) return false;
  }
  const pos = heap.pos;
  if (taint === null) {
    for (let k = off[u], end = off[u + 1]; k < end; k++) {
      const v = heads[k];
      const x = 4 * v;
      const nd = du + w[k];
      const nd2 = du2 + w2[k];
      if (state[x] !== gen) {
        state[x] = gen;
        state[x + 1] = nd;
        state[x + 2] = nd2;
        state[x + 3] = k;
        X.tainted[v] = 0;
        heap.push(v, nd, nd2);
      } else if (pos[v] >= 0) {
        const dx = state[x + 1];
        if (nd < dx || (nd === dx && nd2 < state[x + 2])) {
          state[x + 1] = nd;
          state[x + 2] = nd2;
          state[x + 3] = k;
          heap.decrease(v, nd, nd2);
        }
      }
    }
    return true;
  }
  const tainted = X.tainted;
  const tu = tainted[u];
  for (let k = off[u], end = off[u + 1]; k < end; k++) {
    const v = heads[k];
    const x = 4 * v;
    const nd = du + w[k];
    const nd2 = du2 + w2[k];
    const nt = tu | taint[k];
    if (state[x] !== gen) {
      state[x] = gen;
      state[x + 1] = nd;
      state[x + 2] = nd2;
      state[x + 3] = k;
      tainted[v] = nt;
      heap.push(v, nd, nd2);
    } else if (pos[v] >= 0) {
      const dx = state[x + 1];
      if (nd < dx || (nd === dx && (nd2 < state[x + 2] || (nd2 === state[x + 2] && nt < tainted[v])))) {
        state[x + 1] = nd;
        state[x + 2] = nd2;
        state[x + 3] = k;
        tainted[v] = nt;
        heap.decrease(v, nd, nd2);
      }
    }
  }
  return true;
}
