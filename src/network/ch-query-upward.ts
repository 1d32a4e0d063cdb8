/**
 * Point-to-point distance on the query layout of a contraction hierarchy (see
 * ch-upward.ts), single weights: the bidirectional upward search with
 * stall-on-demand, the directions taking turns by smaller key, each stopping
 * once its smallest key reaches the best meeting weight found.
 *
 * Both directions' labels of a node sit side by side (`state[4u]` forward
 * stamp, `+1` forward weight, `+2` backward stamp, `+3` backward weight), so a
 * relaxation sees at once whether the other side reached the node, and the
 * meeting weight is tightened there (earlier than when nodes are settled,
 * which lets both searches stop sooner). Labels are valid where their stamp is
 * the query's; the queues drop entries whose key is above the label
 * (superseded). Nothing is allocated per query.
 */
import { LazyQueue } from './ch-queue.js';
import type { UpwardGraph } from './ch-upward.js';

/** Reusable state of the searches on one layout. */
export interface UpwardSpace {
  /**
   * Per slot `u`, 32 bytes: forward weight (`dist[4u]`), backward weight
   * (`dist[4u+1]`), both Infinity where not reached, and the entry by which
   * each direction reached the slot (`link[8u+4]`, `link[8u+5]`, the same buffer).
   */
  readonly dist: Float64Array;
  readonly link: Int32Array;
  /** Slots whose weights were set by the last query (reset at the start of the next). */
  touched: Int32Array;
  touchedCount: number;
  readonly forward: LazyQueue;
  readonly backward: LazyQueue;
  /** Meeting slot of the last query (-1 when unreachable) and the slots settled. */
  meet: number;
  settled: number;
}

/** A fresh search state for layout `g`. */
export function newUpwardSpace(g: UpwardGraph): UpwardSpace {
  const buffer = new ArrayBuffer(32 * g.nodeCount);
  const dist = new Float64Array(buffer).fill(Infinity);
  return { dist, link: new Int32Array(buffer), touched: new Int32Array(1024), touchedCount: 0, forward: new LazyQueue(), backward: new LazyQueue(), meet: -1, settled: 0 };
}

/** Clears the weights the last query set (O(slots it touched)). */
function reset(S: UpwardSpace): void {
  const { dist, touched } = S;
  for (let i = 0, end = S.touchedCount; i < end; i++) {
    const x = 4 * touched[i];
    dist[x] = Infinity;
    dist[x + 1] = Infinity;
  }
  S.touchedCount = 0;
  S.forward.size = 0;
  S.backward.size = 0;
}

/** Records slot `v` as touched (growing the list when full). */
function touch(S: UpwardSpace, v: number): void {
  if (S.touchedCount === S.touched.length) {
    const bigger = new Int32Array(2 * S.touched.length);
    bigger.set(S.touched);
    S.touched = bigger;
  }
  S.touched[S.touchedCount++] = v;
}

/**
 * The weight of a shortest path from slot `s` to slot `t` (Infinity when there
 * is none); `S.meet` and `S.link` then describe the path (see `upwardChain`).
 */
export function upwardDistance(g: UpwardGraph, S: UpwardSpace, s: number, t: number): number {
  reset(S);
  const dist = S.dist;
  const link = S.link;
  const fq = S.forward;
  const bq = S.backward;
  const bounds = g.bounds;
  const head = g.head;
  const weight = g.weight;
  touch(S, s);
  touch(S, t);
  dist[4 * s] = 0;
  link[8 * s + 4] = -1;
  fq.push(s, 0);
  dist[4 * t + 1] = 0;
  link[8 * t + 5] = -1;
  bq.push(t, 0);
  let best = s === t ? 0 : Infinity;
  let meet = s === t ? s : -1;
  let settled = 0;
  for (;;) {
    const fk = fq.size > 0 ? fq.keys[0] : Infinity;
    const bk = bq.size > 0 ? bq.keys[0] : Infinity;
    const fOpen = fk < best;
    const bOpen = bk < best;
    if (!fOpen && !bOpen) break;
    if (fOpen && (!bOpen || fk <= bk)) {
      const u = fq.pop();
      if (fk > dist[4 * u]) continue;
      settled++;
      // Stalled when a higher neighbour reaches u more cheaply by its downward arc.
      let stalled = false;
      for (let e = bounds[3 * u + 1], end = bounds[3 * u + 3]; e < end; e++) {
        if (dist[4 * head[6 * e]] + weight[3 * e + 2] < fk) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      for (let e = bounds[3 * u], end = bounds[3 * u + 2]; e < end; e++) {
        const v = head[6 * e];
        const y = 4 * v;
        const nd = fk + weight[3 * e + 1];
        const old = dist[y];
        if (nd >= old) continue;
        if (old === Infinity) touch(S, v);
        dist[y] = nd;
        link[2 * y + 4] = e;
        fq.push(v, nd);
        const c = nd + dist[y + 1];
        if (c < best) {
          best = c;
          meet = v;
        }
      }
    } else {
      const u = bq.pop();
      if (bk > dist[4 * u + 1]) continue;
      settled++;
      let stalled = false;
      for (let e = bounds[3 * u], end = bounds[3 * u + 2]; e < end; e++) {
        if (dist[4 * head[6 * e] + 1] + weight[3 * e + 1] < bk) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      for (let e = bounds[3 * u + 1], end = bounds[3 * u + 3]; e < end; e++) {
        const v = head[6 * e];
        const y = 4 * v;
        const nd = bk + weight[3 * e + 2];
        const old = dist[y + 1];
        if (nd >= old) continue;
        if (old === Infinity) touch(S, v);
        dist[y + 1] = nd;
        link[2 * y + 5] = e;
        bq.push(v, nd);
        const c = nd + dist[y];
        if (c < best) {
          best = c;
          meet = v;
        }
      }
    }
  }
  S.meet = meet;
  S.settled = settled;
  return best;
}

/**
 * After `upwardDistance`, the hierarchy arc refs (see ch-unpack.ts) of the path
 * found, in travel order: forward arcs from the source up to the meeting slot,
 * then backward arcs down to the target.
 */
export function upwardChain(g: UpwardGraph, S: UpwardSpace, s: number, t: number, out: number[]): void {
  const meet = S.meet;
  const up: number[] = [];
  for (let u = meet; u !== s; ) {
    const e = S.link[8 * u + 4];
    up.push(g.fwdArc[e]);
    u = entryTail(g, e);
  }
  for (let i = up.length - 1; i >= 0; i--) out.push(up[i]);
  for (let u = meet; u !== t; ) {
    const e = S.link[8 * u + 5];
    out.push(-1 - g.bwdArc[e]);
    u = entryTail(g, e);
  }
}
/** The slot whose run holds entry `e` (binary search over the run starts). */
function entryTail(g: UpwardGraph, e: number): number {
  const bounds = g.bounds;
  let lo = 0;
  let hi = g.nodeCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[3 * mid] <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
