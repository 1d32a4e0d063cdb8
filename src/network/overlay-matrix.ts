/**
 * One-to-many searches on the chain overlay (see overlay.ts): targets are
 * resolved once to their chain ends ("anchors"), every source row runs Dijkstra
 * on core nodes only, stopping once every anchor is settled.
 */
import { LexHeap } from './ch-heap.js';
import type { OverlayWeights } from './overlay.js';

/** A target resolved to up to two anchors (core ids) with the cost from each anchor to it. */
export interface TargetAnchors {
  node: Int32Array;
  a0: Int32Array;
  c0: Float64Array;
  s0: Float64Array;
  a1: Int32Array;
  c1: Float64Array;
  s1: Float64Array;
}

/** Resolves targets to their anchors (core ends of their chains, or themselves). */
export function anchorTargets(W: OverlayWeights, targets: Int32Array): TargetAnchors {
  const S = W.structure;
  const n = targets.length;
  const r: TargetAnchors = {
    node: targets,
    a0: new Int32Array(n).fill(-1),
    c0: new Float64Array(n).fill(Infinity),
    s0: new Float64Array(n).fill(Infinity),
    a1: new Int32Array(n).fill(-1),
    c1: new Float64Array(n).fill(Infinity),
    s1: new Float64Array(n).fill(Infinity),
  };
  for (let i = 0; i < n; i++) {
    const v = targets[i];
    if (S.coreOf[v] >= 0) {
      r.a0[i] = S.coreOf[v];
      r.c0[i] = 0;
      r.s0[i] = 0;
      continue;
    }
    const c = S.chainOf[v];
    const base = S.start[c];
    const end = S.start[c + 1] - 1;
    const j = base + S.posOf[v];
    // From the chain's first node along the sequence to v.
    let d = 0;
    let e = 0;
    for (let k = base; k < j; k++) {
      d += W.fwd[k];
      if (W.fwd2) e += W.fwd2[k];
    }
    if (d < Infinity) {
      r.a0[i] = S.coreOf[S.seq[base]];
      r.c0[i] = d;
      r.s0[i] = e;
    }
    // From the chain's last node against the sequence to v.
    d = 0;
    e = 0;
    for (let k = end - 1; k >= j; k--) {
      d += W.bwd[k];
      if (W.bwd2) e += W.bwd2[k];
    }
    if (d < Infinity) {
      r.a1[i] = S.coreOf[S.seq[end]];
      r.c1[i] = d;
      r.s1[i] = e;
    }
  }
  return r;
}

/**
 * One-to-many on the overlay from node `s` to the anchored targets, writing the
 * optimised sums to `out[offset + i]` and the second sums to `out2` (Infinity
 * when unreachable). Returns the number of core nodes settled.
 */
export function overlayOneToMany(
  W: OverlayWeights,
  s: number,
  T: TargetAnchors,
  out: Float64Array,
  out2: Float64Array | null,
  offset: number,
  exhaustive = false,
): number {
  const S = W.structure;
  const { offsets, heads, dist, other, stamp, heap, targetStamp } = S;
  const pos = heap.pos;
  const core = W.core;
  const core2 = W.core2;
  const two = core2 !== null;
  if (S.gen >= 0xfffffffe) {
    stamp.fill(0);
    S.gen = 0;
  }
  const gen = ++S.gen;
  if (S.targetGen >= 0xfffffffe) {
    targetStamp.fill(0);
    S.targetGen = 0;
  }
  const tgen = ++S.targetGen;
  heap.clear();
  let remaining = 0;
  const mark = (a: number): void => {
    if (a >= 0 && targetStamp[a] !== tgen) {
      targetStamp[a] = tgen;
      remaining++;
    }
  };
  for (let i = 0; i < T.a0.length; i++) {
    mark(T.a0[i]);
    mark(T.a1[i]);
  }
  if (exhaustive) remaining = Infinity;
  // With a second sum (`both`), labels are (primary, second) pairs compared
  // lexicographically, so ties go to the smaller second sum: the shortest
  // among the fastest paths, whatever order equal keys are settled in.
  const lex = two ? lexHeapOf(S) : null;
  const seed = (a: number, d: number, e: number): void => {
    if (!(d < Infinity)) return;
    if (stamp[a] !== gen) {
      stamp[a] = gen;
      dist[a] = d;
      other[a] = e;
      if (lex) lex.push(a, d, e);
      else heap.push(a, d);
    } else if (d < dist[a] || (lex && d === dist[a] && e < other[a])) {
      dist[a] = d;
      other[a] = e;
      if (lex) lex.decrease(a, d, e);
      else heap.decrease(a, d);
    }
  };
  const sc = S.coreOf[s];
  let chain = -1;
  let sj = 0;
  if (sc >= 0) seed(sc, 0, 0);
  else {
    chain = S.chainOf[s];
    const base = S.start[chain];
    const end = S.start[chain + 1] - 1;
    sj = base + S.posOf[s];
    let d = 0;
    let e = 0;
    for (let k = sj - 1; k >= base; k--) {
      d += W.bwd[k];
      if (W.bwd2) e += W.bwd2[k];
    }
    seed(S.coreOf[S.seq[base]], d, e);
    d = 0;
    e = 0;
    for (let k = sj; k < end; k++) {
      d += W.fwd[k];
      if (W.fwd2) e += W.fwd2[k];
    }
    seed(S.coreOf[S.seq[end]], d, e);
  }
  let settled = 0;
  if (lex) {
    settled = lexCore(W, lex, gen, tgen, remaining);
  } else while (heap.size > 0 && remaining > 0) {
    const u = heap.pop();
    settled++;
    if (targetStamp[u] === tgen) remaining--;
    const du = dist[u];
    const ou = two ? other[u] : 0;
    for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
      const nd = du + core[a];
      if (!(nd < Infinity)) continue;
      const v = heads[a];
      if (stamp[v] !== gen) {
        stamp[v] = gen;
        dist[v] = nd;
        if (two) other[v] = ou + core2![a];
        heap.push(v, nd);
      } else if (nd < dist[v] && pos[v] >= 0) {
        dist[v] = nd;
        if (two) other[v] = ou + core2![a];
        heap.decrease(v, nd);
      }
    }
  }
  const settledPos = lex ? lex.pos : pos;
  for (let i = 0; i < T.a0.length; i++) {
    let best = Infinity;
    let best2 = Infinity;
    const a0 = T.a0[i];
    if (a0 >= 0 && stamp[a0] === gen && settledPos[a0] < 0) {
      best = dist[a0] + T.c0[i];
      best2 = other[a0] + T.s0[i];
    }
    const a1 = T.a1[i];
    if (a1 >= 0 && stamp[a1] === gen && settledPos[a1] < 0) {
      const d = dist[a1] + T.c1[i];
      const d2 = other[a1] + T.s1[i];
      if (d < best || (two && d === best && d2 < best2)) {
        best = d;
        best2 = d2;
      }
    }
    const v = T.node[i];
    if (v === s) {
      best = 0;
      best2 = 0;
    } else if (chain >= 0 && S.chainOf[v] === chain) {
      // Source and target on one chain: the direct run may beat leaving the chain.
      const tj = S.start[chain] + S.posOf[v];
      let d = 0;
      let e = 0;
      if (tj > sj) {
        for (let k = sj; k < tj; k++) {
          d += W.fwd[k];
          if (W.fwd2) e += W.fwd2[k];
        }
      } else {
        for (let k = sj - 1; k >= tj; k--) {
          d += W.bwd[k];
          if (W.bwd2) e += W.bwd2[k];
        }
      }
      if (d < best || (two && d === best && e < best2)) {
        best = d;
        best2 = e;
      }
    }
    out[offset + i] = best;
    if (out2) out2[offset + i] = best < Infinity ? best2 : Infinity;
  }
  return settled;
}

/** The structure's lexicographic heap (created on first use by a `both` search). */
function lexHeapOf(S: OverlayWeights['structure']): LexHeap {
  if (!S.lexHeap) S.lexHeap = new LexHeap(S.coreNodes.length);
  S.lexHeap.clear();
  return S.lexHeap;
}

/** The core Dijkstra of `overlayOneToMany` on (primary, second) labels; returns the nodes settled. */
function lexCore(W: OverlayWeights, heap: LexHeap, gen: number, tgen: number, remaining: number): number {
  const S = W.structure;
  const { offsets, heads, dist, other, stamp, targetStamp } = S;
  const pos = heap.pos;
  const core = W.core;
  const core2 = W.core2!;
  let settled = 0;
  while (heap.size > 0 && remaining > 0) {
    const u = heap.pop();
    settled++;
    if (targetStamp[u] === tgen) remaining--;
    const du = dist[u];
    const ou = other[u];
    for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
      const nd = du + core[a];
      if (!(nd < Infinity)) continue;
      const v = heads[a];
      const no = ou + core2[a];
      if (stamp[v] !== gen) {
        stamp[v] = gen;
        dist[v] = nd;
        other[v] = no;
        heap.push(v, nd, no);
      } else if ((nd < dist[v] || (nd === dist[v] && no < other[v])) && pos[v] >= 0) {
        dist[v] = nd;
        other[v] = no;
        heap.decrease(v, nd, no);
      }
    }
  }
  return settled;
}

const NO_TARGETS: TargetAnchors = {
  node: new Int32Array(0),
  a0: new Int32Array(0),
  c0: new Float64Array(0),
  s0: new Float64Array(0),
  a1: new Int32Array(0),
  c1: new Float64Array(0),
  s1: new Float64Array(0),
};

/**
 * One-to-all from node `s`: Dijkstra on the core, then every chain is filled by
 * one sweep from each end (and from `s` along its own chain). Writes the sums of
 * the overlay's weights to `out[v]` for every node (Infinity when unreachable).
 * Returns the number of core nodes settled.
 */
export function overlayOneToAll(W: OverlayWeights, s: number, out: Float64Array): number {
  const settled = overlayOneToMany(W, s, NO_TARGETS, out, null, 0, true);
  const S = W.structure;
  const { dist, stamp, coreNodes, seq, start } = S;
  const gen = S.gen;
  for (let c = 0; c < coreNodes.length; c++) out[coreNodes[c]] = stamp[c] === gen ? dist[c] : Infinity;
  const nChains = start.length - 1;
  for (let c = 0; c < nChains; c++) {
    const first = start[c];
    const last = start[c + 1] - 1;
    for (let k = first + 1; k < last; k++) out[seq[k]] = Infinity;
    const a = S.coreOf[seq[first]];
    let acc = stamp[a] === gen ? dist[a] : Infinity;
    for (let k = first; k < last - 1 && acc < Infinity; k++) {
      acc += W.fwd[k];
      if (acc < out[seq[k + 1]]) out[seq[k + 1]] = acc;
    }
    const b = S.coreOf[seq[last]];
    acc = stamp[b] === gen ? dist[b] : Infinity;
    for (let k = last - 1; k > first && acc < Infinity; k--) {
      acc += W.bwd[k];
      if (acc < out[seq[k]]) out[seq[k]] = acc;
    }
  }
  const chain = S.chainOf[s];
  if (chain >= 0) {
    // Runs along the source's own chain, without leaving it.
    const first = start[chain];
    const last = start[chain + 1] - 1;
    const sj = first + S.posOf[s];
    let acc = 0;
    for (let k = sj; k < last - 1 && acc < Infinity; k++) {
      acc += W.fwd[k];
      if (acc < out[seq[k + 1]]) out[seq[k + 1]] = acc;
    }
    acc = 0;
    for (let k = sj - 1; k > first && acc < Infinity; k--) {
      acc += W.bwd[k];
      if (acc < out[seq[k]]) out[seq[k]] = acc;
    }
  }
  out[s] = 0;
  return settled;
}
