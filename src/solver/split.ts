/**
 * Split (HGS.md §1): the optimal segmentation of a giant tour into routes,
 * keeping the order, under the penalised route cost. First a Bellman
 * shortest path with an unlimited fleet of the first slot's type; when that
 * uses more routes than there are fleet slots, a bounded Bellman variant
 * (route k uses slot k) over at most R routes. The fleet is a hard limit:
 * the result never has more routes than slots.
 */
import { Seg, type SegmentStore } from './segments.js';
import type { Individual } from './individual.js';

export class Splitter {
  private readonly seg: Seg;
  private pot: Float64Array;
  private predA: Int32Array;
  private potK: Float64Array;
  private predK: Int32Array;

  /**
   * @param loadFactor routes are not extended past `loadFactor` × capacity
   *   (HGS's pruning; Infinity gives the exact optimum).
   */
  constructor(readonly st: SegmentStore, readonly slotType: Int32Array, readonly loadFactor = 1.5) {
    this.seg = new Seg(st);
    const n = st.cp.n;
    this.pot = new Float64Array(n + 1);
    this.predA = new Int32Array(n + 1);
    this.potK = new Float64Array(0);
    this.predK = new Int32Array(0);
  }

  /** Fills `ind.routes` from `ind.tour` (weights wQ, wTW). */
  split(ind: Individual, wQ: number, wTW: number): void {
    const st = this.st;
    const cp = st.cp;
    const n = cp.n;
    const R = this.slotType.length;
    const tour = ind.tour;
    const seg = this.seg;
    seg.wQ = wQ;
    seg.wTW = wTW;
    const pot = this.pot, pred = this.predA;
    pot.fill(Infinity);
    pot[0] = 0;
    const t0 = this.slotType[0];
    for (let i = 0; i < n; i++) {
      if (pot[i] === Infinity) continue;
      seg.initNode(n, t0);
      for (let j = i; j < n; j++) {
        seg.node(tour[j]);
        const c = seg.costWithEnd(n + 1);
        if (pot[i] + c < pot[j + 1]) {
          pot[j + 1] = pot[i] + c;
          pred[j + 1] = i;
        }
        if (this.overloaded(seg, t0) && j > i) break;
      }
    }
    // count routes
    let count = 0;
    for (let j = n; j > 0; j = pred[j]) count++;
    if (count <= R && pot[n] < Infinity) {
      const bounds: number[] = [];
      for (let j = n; j > 0; j = pred[j]) bounds.push(j);
      bounds.reverse();
      for (let r = 0; r < R; r++) ind.routes[r] = new Int32Array(0);
      let start = 0;
      bounds.forEach((end, r) => {
        ind.routes[r] = tour.slice(start, end);
        start = end;
      });
      return;
    }
    if (!this.splitBounded(ind, R, true)) this.splitBounded(ind, R, false);
  }

  private overloaded(seg: Seg, t: number): boolean {
    const cp = this.st.cp;
    const dims = cp.dims;
    for (let d = 0; d < dims; d++) {
      const cap = cp.typeCap[t * dims + d];
      if (seg.load[d] > this.loadFactor * cap) return true;
    }
    return false;
  }

  /** Bellman over at most R routes; route k uses slot k's type. */
  private splitBounded(ind: Individual, R: number, bounded: boolean): boolean {
    const st = this.st;
    const n = st.cp.n;
    const tour = ind.tour;
    const seg = this.seg;
    if (this.potK.length < (R + 1) * (n + 1)) {
      this.potK = new Float64Array((R + 1) * (n + 1));
      this.predK = new Int32Array((R + 1) * (n + 1));
    }
    const pot = this.potK, pred = this.predK;
    const W = n + 1;
    pot.fill(Infinity, 0, (R + 1) * W);
    pot[0] = 0;
    // heuristic cap on route length (exact whenever routes need at most 4x the average share or 50 clients)
    const maxLen = bounded ? Math.max(50, 4 * Math.ceil(n / R)) : n;
    for (let k = 0; k < R; k++) {
      const t = this.slotType[k];
      const s = n + 2 * k;
      for (let i = k; i < n; i++) {
        const base = pot[k * W + i];
        if (base === Infinity) continue;
        seg.initNode(s, t);
        for (let j = i; j < n; j++) {
          seg.node(tour[j]);
          const c = base + seg.costWithEnd(s + 1);
          if (c < pot[(k + 1) * W + j + 1]) {
            pot[(k + 1) * W + j + 1] = c;
            pred[(k + 1) * W + j + 1] = i;
          }
          if (bounded && j > i && (j - i >= maxLen || this.overloaded(seg, t))) break;
        }
      }
    }
    let bestK = -1, best = Infinity;
    for (let k = 1; k <= R; k++) {
      if (pot[k * W + n] < best) {
        best = pot[k * W + n];
        bestK = k;
      }
    }
    if (bestK < 0) return false;
    for (let r = 0; r < R; r++) ind.routes[r] = new Int32Array(0);
    let j = n;
    for (let k = bestK; k > 0; k--) {
      const i = pred[k * W + j];
      ind.routes[k - 1] = tour.slice(i, j);
      j = i;
    }
    return true;
  }
}
