/**
 * The reusable state of the point-to-point searches on a query layout (see
 * ch-upward.ts, ch-query-upward.ts): per-slot labels of both directions side
 * by side, the slots to clear before the next query, the queues and the core
 * slots reached.
 */
import { LazyPairQueue, LazyQueue } from './ch-queue.js';
import type { UpwardGraph } from './ch-upward.js';

/** Reusable state of the searches on one layout. */
export interface UpwardSpace {
  /**
   * Per slot `u`, `stride` numbers: forward weight (`dist[stride·u]`),
   * backward weight (`+1`), both Infinity where not reached; with weight
   * pairs (stride 6) the second weights (`+2`, `+3`); then the entry by which
   * each direction reached the slot (`link[2·(stride·u + stride - 2)]` and the
   * next int32, the same buffer).
   */
  readonly stride: number;
  readonly dist: Float64Array;
  readonly link: Int32Array;
  /** Slots whose weights were set by the last query (reset at the start of the next). */
  touched: Int32Array;
  touchedCount: number;
  readonly forward: LazyQueue;
  readonly backward: LazyQueue;
  /** The queues of the pair searches (stride 6 only). */
  readonly forwardPairs: LazyPairQueue | null;
  readonly backwardPairs: LazyPairQueue | null;
  /** Core slots reached by each direction in the last query (the first `forwardCoreCount` / `backwardCoreCount`). */
  readonly forwardCore: Int32Array;
  readonly backwardCore: Int32Array;
  forwardCoreCount: number;
  backwardCoreCount: number;
  /**
   * Where the forward search's path of the last query ends (-1 when
   * unreachable): the meeting slot, or with the core table the core slot where
   * the path enters the core (its path is then not unpacked, see ch-query.ts).
   */
  meet: number;
  /** Second weight of the last pair search's answer. */
  weight2: number;
  /** Slots settled (taken from the queues, stalled or not). */
  settled: number;
}

/** A fresh search state for layout `g` (single weights: 32 bytes per slot, pairs: 48). */
export function newUpwardSpace(g: UpwardGraph, pairs: boolean): UpwardSpace {
  const stride = pairs ? 6 : 4;
  const buffer = new ArrayBuffer(8 * stride * g.nodeCount);
  const dist = new Float64Array(buffer).fill(Infinity);
  const core = g.core.size;
  return {
    stride,
    dist,
    link: new Int32Array(buffer),
    touched: new Int32Array(1024),
    touchedCount: 0,
    forward: new LazyQueue(),
    backward: new LazyQueue(),
    forwardPairs: pairs ? new LazyPairQueue() : null,
    backwardPairs: pairs ? new LazyPairQueue() : null,
    forwardCore: new Int32Array(core),
    backwardCore: new Int32Array(core),
    forwardCoreCount: 0,
    backwardCoreCount: 0,
    meet: -1,
    weight2: 0,
    settled: 0,
  };
}

/**
 * Clears the weights the last query set (O(slots it touched)); second weights
 * are only read where the first is finite, so they need no clearing.
 */
export function resetUpwardSpace(S: UpwardSpace): void {
  const { dist, touched, stride } = S;
  for (let i = 0, end = S.touchedCount; i < end; i++) {
    const x = stride * touched[i];
    dist[x] = Infinity;
    dist[x + 1] = Infinity;
  }
  S.touchedCount = 0;
  S.forward.size = 0;
  S.backward.size = 0;
  S.forwardCoreCount = 0;
  S.backwardCoreCount = 0;
}

/** Records slot `v` as touched (growing the list when full). */
export function touch(S: UpwardSpace, v: number): void {
  if (S.touchedCount === S.touched.length) {
    const bigger = new Int32Array(2 * S.touched.length);
    bigger.set(S.touched);
    S.touched = bigger;
  }
  S.touched[S.touchedCount++] = v;
}

/** The slot whose run holds entry `e` (binary search over the run starts). */
export function entryTail(g: UpwardGraph, e: number): number {
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
