/**
 * Sorting a large index array without blocking: a bottom-up merge sort
 * (insertion-sorted runs of 32, then stable merges) written as steps
 * (core/pacer.ts) that yield after about every 4,096 elements placed. With a
 * total order (`cmp` never 0 for distinct elements) the result is exactly the
 * one `TypedArray.prototype.sort(cmp)` gives.
 */
import type { Steps } from './pacer.js';

const RUN = 32;
const CHUNK = 4096;

type Compare = (x: number, y: number) => number;

/** Sorts `a` in place by `cmp`, as steps (see the module comment); returns `a`. */
export function* sortSteps(a: Int32Array, cmp: Compare): Steps<Int32Array> {
  const n = a.length;
  for (let lo = 0; lo < n; lo += CHUNK) {
    insertionRuns(a, Math.min(n, lo + CHUNK), lo, cmp);
    yield;
  }
  if (n <= RUN) return a;
  let src: Int32Array = a;
  let dst: Int32Array = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    let placed = 0;
    for (let lo = 0; lo < n; lo += 2 * width) {
      const hi = Math.min(n, lo + 2 * width);
      merge(src, dst, lo, Math.min(n, lo + width), hi, cmp);
      placed += hi - lo;
      if (placed >= CHUNK) {
        placed = 0;
        yield;
      }
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== a) a.set(src);
  return a;
}

/** Insertion-sorts the runs of `RUN` elements of a[from..to) (from a multiple of RUN). */
function insertionRuns(a: Int32Array, to: number, from: number, cmp: Compare): void {
  for (let lo = from; lo < to; lo += RUN) {
    const hi = Math.min(to, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const v = a[i];
      let j = i - 1;
      while (j >= lo && cmp(a[j], v) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }
}

/** Merges the sorted src[lo..mid) and src[mid..hi) into dst[lo..hi); on a tie the left run's element comes first (stable). */
function merge(src: Int32Array, dst: Int32Array, lo: number, mid: number, hi: number, cmp: Compare): void {
  let i = lo, j = mid, k = lo;
  while (i < mid && j < hi) dst[k++] = cmp(src[j], src[i]) < 0 ? src[j++] : src[i++];
  while (i < mid) dst[k++] = src[i++];
  while (j < hi) dst[k++] = src[j++];
}
