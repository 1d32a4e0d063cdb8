/**
 * Unpacking hierarchy arcs into original arcs. An arc is named by a "ref":
 * forward arc `k` is `k`, backward arc `k` is `-1 - k`. A shortcut `a → b`
 * through middle `m` has two halves, `a → m` (among `m`'s backward arcs) and
 * `m → b` (among `m`'s forward arcs).
 *
 * Following halves down touches memory all over the hierarchy (one cache miss
 * per step on a city graph), so once per hierarchy (O(arcs), kept beside it)
 * every arc standing for at most `RUN` original arcs gets its whole run of
 * original arcs written out contiguously: unpacking a path follows halves only
 * down to such arcs, then copies their runs.
 */
import { hierarchyScratch, type Hierarchy } from './ch-types.js';

/** Longest run of original arcs written out per hierarchy arc (measured on Porto: 15 MB, 98 % of the arcs). */
const RUN = 64;
/** Numbers kept per arc: middle code, first half, second half, run start (-1: none), run length. */
const STRIDE = 5;

/** Per direction, `STRIDE` numbers per arc (see above), and the runs of both directions. */
export interface ShortcutHalves {
  fwd: Int32Array;
  bwd: Int32Array;
  runs: Int32Array;
}

/** The halves and runs of `h`'s arcs (computed on first use, kept on the hierarchy). */
export function shortcutHalves(h: Hierarchy): ShortcutHalves {
  if (h.halves) return h.halves;
  const n = h.nodeCount;
  const fwd = new Int32Array(STRIDE * h.fwdHeads.length);
  const bwd = new Int32Array(STRIDE * h.bwdTails.length);
  let runs = new Int32Array(Math.max(1024, 4 * (h.fwdHeads.length + h.bwdTails.length)));
  let used = 0;
  const lengthOf = (ref: number): number => (ref >= 0 ? fwd[STRIDE * ref + 4] : bwd[STRIDE * (-1 - ref) + 4]);
  const startOf = (ref: number): number => (ref >= 0 ? fwd[STRIDE * ref + 3] : bwd[STRIDE * (-1 - ref) + 3]);
  // Ranks ascending: the halves of an arc at rank r sit at its middle, a lower rank, so they are done.
  const fill = (list: Int32Array, k: number, middle: number, first: number, second: number): void => {
    const at = STRIDE * k;
    list[at] = middle;
    list[at + 1] = first;
    list[at + 2] = second;
    let length = 1;
    if (middle >= 0) {
      const a = lengthOf(first);
      const b = lengthOf(second);
      length = a > RUN || b > RUN ? RUN + 1 : a + b;
    }
    list[at + 4] = Math.min(length, RUN + 1);
    list[at + 3] = -1;
    if (length > RUN) return;
    if (used + length > runs.length) {
      const bigger = new Int32Array(2 * runs.length + length);
      bigger.set(runs);
      runs = bigger;
    }
    list[at + 3] = used;
    if (middle < 0) runs[used++] = -1 - middle;
    else {
      runs.copyWithin(used, startOf(first), startOf(first) + lengthOf(first));
      used += lengthOf(first);
      runs.copyWithin(used, startOf(second), startOf(second) + lengthOf(second));
      used += lengthOf(second);
    }
  };
  for (let r = 0; r < n; r++) {
    for (let k = h.fwdOffsets[r]; k < h.fwdOffsets[r + 1]; k++) {
      const m = h.fwdMiddle[k];
      if (m < 0) fill(fwd, k, m, 0, 0);
      else fill(fwd, k, m, -1 - findBackward(h, m, r), findForward(h, m, h.fwdHeads[k]));
    }
    for (let k = h.bwdOffsets[r]; k < h.bwdOffsets[r + 1]; k++) {
      const m = h.bwdMiddle[k];
      if (m < 0) fill(bwd, k, m, 0, 0);
      else fill(bwd, k, m, -1 - findBackward(h, m, h.bwdTails[k]), findForward(h, m, r));
    }
  }
  h.halves = { fwd, bwd, runs: runs.slice(0, used) };
  return h.halves;
}

/** The first half (ref) of arc `ref` (a shortcut). */
export function firstHalf(s: ShortcutHalves, ref: number): number {
  return ref >= 0 ? s.fwd[STRIDE * ref + 1] : s.bwd[STRIDE * (-1 - ref) + 1];
}

/** The second half (ref) of arc `ref` (a shortcut). */
export function secondHalf(s: ShortcutHalves, ref: number): number {
  return ref >= 0 ? s.fwd[STRIDE * ref + 2] : s.bwd[STRIDE * (-1 - ref) + 2];
}

/** Index of the backward arc `tail → m` at rank `m`. */
function findBackward(h: Hierarchy, m: number, tail: number): number {
  for (let k = h.bwdOffsets[m], end = h.bwdOffsets[m + 1]; k < end; k++) if (h.bwdTails[k] === tail) return k;
  throw new Error(`hierarchy: no arc ${tail} -> ${m}`);
}

/** Index of the forward arc `m → head` at rank `m`. */
function findForward(h: Hierarchy, m: number, head: number): number {
  for (let k = h.fwdOffsets[m], end = h.fwdOffsets[m + 1]; k < end; k++) if (h.fwdHeads[k] === head) return k;
  throw new Error(`hierarchy: no arc ${m} -> ${head}`);
}

/** Appends the original arcs (network CSR indices) of the hierarchy arc `ref`, in travel order. */
export function unpackRef(h: Hierarchy, ref: number, out: number[]): void {
  const { fwd, bwd, runs } = shortcutHalves(h);
  const scratch = hierarchyScratch(h);
  let stack = scratch.unpackStack;
  let top = 0;
  stack[top++] = ref;
  while (top > 0) {
    const x = stack[--top];
    const list = x >= 0 ? fwd : bwd;
    const at = x >= 0 ? STRIDE * x : -STRIDE * (1 + x);
    const start = list[at + 3];
    if (start >= 0) {
      for (let i = start, end = start + list[at + 4]; i < end; i++) out.push(runs[i]);
      continue;
    }
    if (top + 2 > stack.length) {
      const bigger = new Int32Array(2 * stack.length);
      bigger.set(stack);
      stack = scratch.unpackStack = bigger;
    }
    // Second half below the first: the first is unpacked (and emitted) first.
    stack[top++] = list[at + 2];
    stack[top++] = list[at + 1];
  }
}
