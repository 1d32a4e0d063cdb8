/**
 * Many-to-many travel on a contraction hierarchy with buckets: one backward
 * upward search per target leaves `(target, weight)` in a bucket at every node
 * it settles; one forward upward search per source then scans the buckets of
 * the nodes it settles, and the lightest `forward + bucket` sum per target is
 * the answer (every shortest path has a highest node where the two meet).
 * Both searches stall on demand, and stalled nodes neither fill nor scan
 * buckets: no shortest path climbs through them.
 *
 * Weights are pairs compared lexicographically (see ch-types.ts); with `taint`
 * each entry also says whether its path uses a changed arc (ch-updates.ts).
 */
import { expand, seed, type ArcTaint } from './ch-query.js';
import { hierarchyScratch, nextHierarchyGeneration, type Hierarchy, type HierarchySpace } from './ch-types.js';

/** Targets resolved to buckets: entries sorted by rank, `start[r] .. start[r+1]-1` at rank r. */
export interface TargetBuckets {
  count: number;
  start: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  weight2: Float64Array;
  tainted: Uint8Array | null;
}

/** Runs the backward searches of `targets` (node indices) and sorts their labels into buckets. */
export function targetBuckets(h: Hierarchy, targets: Int32Array, taint: ArcTaint | null = null): TargetBuckets {
  const { backward: B } = hierarchyScratch(h);
  let cap = Math.max(64, targets.length * 64);
  let rank = new Int32Array(cap);
  let target = new Int32Array(cap);
  let weight = new Float64Array(cap);
  let weight2 = new Float64Array(cap);
  let tainted = taint ? new Uint8Array(cap) : null;
  let size = 0;
  for (let j = 0; j < targets.length; j++) {
    upwardSearch(h, B, h.rank[targets[j]], false, taint);
    const settled = B.settled;
    for (let i = 0; i < B.settledCount; i++) {
      const r = settled[i];
      if (size === cap) {
        cap *= 2;
        rank = grow(rank, new Int32Array(cap));
        target = grow(target, new Int32Array(cap));
        weight = grow(weight, new Float64Array(cap));
        weight2 = grow(weight2, new Float64Array(cap));
        if (tainted) tainted = grow(tainted, new Uint8Array(cap));
      }
      rank[size] = r;
      target[size] = j;
      weight[size] = B.state[4 * r + 1];
      weight2[size] = B.state[4 * r + 2];
      if (tainted) tainted[size] = B.tainted[r];
      size++;
    }
  }
  // Counting sort by rank (stable: targets stay in order within a bucket).
  const n = h.nodeCount;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < size; i++) start[rank[i] + 1]++;
  for (let r = 0; r < n; r++) start[r + 1] += start[r];
  const fill = start.slice(0, n);
  const sTarget = new Int32Array(size);
  const sWeight = new Float64Array(size);
  const sWeight2 = new Float64Array(size);
  const sTainted = tainted ? new Uint8Array(size) : null;
  for (let i = 0; i < size; i++) {
    const slot = fill[rank[i]]++;
    sTarget[slot] = target[i];
    sWeight[slot] = weight[i];
    sWeight2[slot] = weight2[i];
    if (sTainted) sTainted[slot] = tainted![i];
  }
  return { count: targets.length, start, target: sTarget, weight: sWeight, weight2: sWeight2, tainted: sTainted };
}

/**
 * One row: from node `s` to every bucketed target, writing the weight pair to
 * `out[offset + j]` / `out2[offset + j]` (Infinity when unreachable; `out2`
 * may be null when only the first weight is wanted, without taint) and, with
 * taint, the flag to `outTaint[j]`. Returns the ranks settled.
 */
export function bucketRow(
  h: Hierarchy,
  s: number,
  T: TargetBuckets,
  out: Float64Array,
  out2: Float64Array | null,
  offset: number,
  taint: ArcTaint | null = null,
  outTaint: Uint8Array | null = null,
): number {
  const { forward: F } = hierarchyScratch(h);
  out.fill(Infinity, offset, offset + T.count);
  out2?.fill(Infinity, offset, offset + T.count);
  if (outTaint) outTaint.fill(1, 0, T.count);
  upwardSearch(h, F, h.rank[s], true, taint);
  const { start, target, weight, weight2, tainted } = T;
  const settled = F.settled;
  for (let i = 0; i < F.settledCount; i++) {
    const r = settled[i];
    const b0 = start[r];
    const b1 = start[r + 1];
    if (b0 === b1) continue;
    const d = F.state[4 * r + 1];
    const d2 = F.state[4 * r + 2];
    if (out2 === null) {
      for (let e = b0; e < b1; e++) {
        const o = offset + target[e];
        const c = d + weight[e];
        if (c < out[o]) out[o] = c;
      }
      continue;
    }
    if (outTaint && tainted) {
      const t = F.tainted[r];
      for (let e = b0; e < b1; e++) {
        const j = target[e];
        const o = offset + j;
        const c = d + weight[e];
        const c2 = d2 + weight2[e];
        const ct = t | tainted[e];
        const cur = out[o];
        if (c < cur || (c === cur && (c2 < out2[o] || (c2 === out2[o] && ct < outTaint[j])))) {
          out[o] = c;
          out2[o] = c2;
          outTaint[j] = ct;
        }
      }
      continue;
    }
    for (let e = b0; e < b1; e++) {
      const o = offset + target[e];
      const c = d + weight[e];
      const cur = out[o];
      if (c < cur) {
        out[o] = c;
        out2[o] = d2 + weight2[e];
      } else if (c === cur) {
        const c2 = d2 + weight2[e];
        if (c2 < out2[o]) out2[o] = c2;
      }
    }
  }
  return F.settledCount;
}

/**
 * Exhaustive upward search from rank `r` in one direction, recording the ranks
 * settled without being stalled in `X.settled[0 .. X.settledCount-1]`.
 */
export function upwardSearch(h: Hierarchy, X: HierarchySpace, r: number, forward: boolean, taint: ArcTaint | null): void {
  const gen = nextHierarchyGeneration(X);
  const list = X.settled;
  let count = 0;
  seed(X, gen, r);
  const heap = X.heap;
  while (heap.size > 0) {
    const u = heap.pop();
    const open = forward
      ? expand(X, gen, u, h.fwdOffsets, h.fwdHeads, h.fwdWeight, h.fwdWeight2, h.bwdOffsets, h.bwdTails, h.bwdWeight, h.bwdWeight2, taint?.fwd ?? null)
      : expand(X, gen, u, h.bwdOffsets, h.bwdTails, h.bwdWeight, h.bwdWeight2, h.fwdOffsets, h.fwdHeads, h.fwdWeight, h.fwdWeight2, taint?.bwd ?? null);
    if (open) list[count++] = u;
  }
  X.settledCount = count;
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T {
  b.set(a);
  return b;
}
