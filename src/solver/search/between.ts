/**
 * O(1) segments between two positions of a route, forward and reversed, for
 * intra-route moves on long routes (relocate, swap and 2-opt inside one
 * route): a disjoint sparse table per route, built lazily the first time a
 * changed route is asked for one, in O(m log m) segment joins for m clients.
 *
 * Level k cuts the positions into blocks of 2^(k+1); inside a block with
 * middle `mid`, the entry of position i < mid holds the segment i..mid-1 and
 * the entry of j ≥ mid holds mid..j. The segment i..j (i < j) is the join of
 * the level-k entries of i and j, where k is the highest bit of i xor j.
 * Short spans are walked visit by visit instead (cheaper than two joins), and
 * so is a segment priced on a route of a vehicle type with other matrices or
 * assignment penalties.
 */
import type { Concat } from './concat.js';
import { SegmentTable } from './table.js';

/** Spans up to this many visits are walked rather than looked up. */
export const WALK_SPAN = 4;

export class BetweenTables {
  private forward: (SegmentTable | null)[];
  private backward: (SegmentTable | null)[];
  private forwardVersion: Int32Array;
  private backwardVersion: Int32Array;

  constructor(R: number, private readonly dims: number, private readonly sameTravel: Uint8Array, private readonly T: number) {
    this.forward = new Array(R).fill(null);
    this.backward = new Array(R).fill(null);
    this.forwardVersion = new Int32Array(R).fill(-1);
    this.backwardVersion = new Int32Array(R).fill(-1);
  }

  /**
   * Appends to `acc` the visits at positions i..j (1 ≤ i ≤ j ≤ m) of route r,
   * whose node list is `nodes` and whose current version is `version`.
   */
  appendForward(acc: Concat, r: number, type: number, nodes: Int32Array, m: number, version: number, i: number, j: number, scratch: Concat): void {
    if (j - i < WALK_SPAN || (acc.type !== type && !this.sameTravel[type * this.T + acc.type])) {
      for (let p = i; p <= j; p++) acc.node(nodes[p]);
      return;
    }
    let t = this.forward[r];
    if (this.forwardVersion[r] !== version || t === null) {
      t = this.build(this.forward[r], nodes, m, false, type, scratch);
      this.forward[r] = t;
      this.forwardVersion[r] = version;
    }
    const a = i - 1, b = j - 1;
    const k = 31 - Math.clz32(a ^ b);
    acc.append(t, k * m + a).append(t, k * m + b);
  }

  /** Appends the visits at positions j, j-1, …, i (1 ≤ i ≤ j ≤ m) of route r: the reversed segment. */
  appendBackward(acc: Concat, r: number, type: number, nodes: Int32Array, m: number, version: number, i: number, j: number, scratch: Concat): void {
    if (j - i < WALK_SPAN || (acc.type !== type && !this.sameTravel[type * this.T + acc.type])) {
      for (let p = j; p >= i; p--) acc.node(nodes[p]);
      return;
    }
    let t = this.backward[r];
    if (this.backwardVersion[r] !== version || t === null) {
      t = this.build(this.backward[r], nodes, m, true, type, scratch);
      this.backward[r] = t;
      this.backwardVersion[r] = version;
    }
    // reversed index of position p is m - p
    const a = m - j, b = m - i;
    const k = 31 - Math.clz32(a ^ b);
    acc.append(t, k * m + a).append(t, k * m + b);
  }

  private build(old: SegmentTable | null, nodes: Int32Array, m: number, reversed: boolean, type: number, s: Concat): SegmentTable {
    const levels = m > 1 ? 32 - Math.clz32(m - 1) : 1;
    const t = old !== null && old.size >= levels * m ? old : new SegmentTable(Math.max(levels * m, 16), this.dims);
    // the visit at sequence index x (0-based) of the forward or reversed order
    const at = (x: number) => (reversed ? nodes[m - x] : nodes[x + 1]);
    for (let k = 0; k < levels; k++) {
      const h = 1 << k;
      const base = k * m;
      for (let b = 0; b < m; b += 2 * h) {
        const mid = b + h;
        if (mid >= m) {
          // no query crosses this block's middle; fill for completeness
          for (let x = b; x < m; x++) s.startNode(at(x), type).store(t, base + x);
          continue;
        }
        // left half: x..mid-1, built right to left by prepending a visit
        s.startNode(at(mid - 1), type).store(t, base + mid - 1);
        for (let x = mid - 2; x >= b; x--) s.startNode(at(x), type).append(t, base + x + 1).store(t, base + x);
        // right half: mid..x, built left to right
        const end = Math.min(b + 2 * h, m);
        s.startNode(at(mid), type).store(t, base + mid);
        for (let x = mid + 1; x < end; x++) s.node(at(x)).store(t, base + x);
      }
    }
    return t;
  }
}
