/**
 * The pair exchange's caches (exchange-shipment.ts), both direct-mapped with
 * fixed memory, where a clash only forgets: the exchanges already found not
 * to improve, and the cheapest single-stop detour per stop and route version.
 */
import type { SearchRoutes } from './routes.js';

/**
 * Exchanges already found not to improve, by shipment pair and the versions
 * of their two routes (versions are unique across routes) under the current
 * penalty weights: the local search meets the same two shipments from up to
 * eight pairs of their stops, and the answer depends only on the shipments.
 * Direct-mapped; a clash only forgets.
 */
export class SeenPairs {
  private readonly key: Int32Array;
  private readonly verA: Int32Array;
  private readonly verB: Int32Array;
  private readonly mask: number;
  private wQ = NaN;
  private wTW = NaN;

  constructor(n: number) {
    let size = 1024;
    while (size < 4 * n && size < 1 << 16) size <<= 1;
    this.mask = size - 1;
    this.key = new Int32Array(2 * size).fill(-1);
    this.verA = new Int32Array(size);
    this.verB = new Int32Array(size);
  }

  /** Slot of the pair (lo < hi), after clearing everything when the weights changed. */
  slot(lo: number, hi: number, wQ: number, wTW: number): number {
    if (wQ !== this.wQ || wTW !== this.wTW) {
      this.key.fill(-1);
      this.wQ = wQ;
      this.wTW = wTW;
    }
    return (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca6b)) & this.mask;
  }

  has(s: number, lo: number, hi: number, vA: number, vB: number): boolean {
    return this.key[2 * s] === lo && this.key[2 * s + 1] === hi && this.verA[s] === vA && this.verB[s] === vB;
  }

  put(s: number, lo: number, hi: number, vA: number, vB: number): void {
    this.key[2 * s] = lo;
    this.key[2 * s + 1] = hi;
    this.verA[s] = vA;
    this.verB[s] = vB;
  }
}

/**
 * The cheapest arc detour of one stop over every arc of a route, cached by
 * stop and route version (direct-mapped, a clash only recomputes): the
 * exchange's O(1) bound reads it many times per route state.
 */
export class DetourCache {
  private readonly stop: Int32Array;
  private readonly ver: Int32Array;
  private readonly min: Float64Array;
  private readonly mask: number;

  constructor(n: number, private readonly rs: SearchRoutes) {
    let size = 1024;
    while (size < 8 * n && size < 1 << 16) size <<= 1;
    this.mask = size - 1;
    this.stop = new Int32Array(size).fill(-1);
    this.ver = new Int32Array(size);
    this.min = new Float64Array(size);
  }

  /** min over the arcs (a, b) of route r of arc(a, x) + arc(x, b) − arc(a, b). */
  get(x: number, r: number): number {
    const rs = this.rs, ver = rs.version[r];
    const s = (Math.imul(x, 0x9e3779b1) ^ Math.imul(ver, 0x85ebca6b)) & this.mask;
    if (this.stop[s] === x && this.ver[s] === ver) return this.min[s];
    const data = rs.data, t = rs.typeOf(r), a = rs.nodes[r], m = rs.len[r];
    const D = data.typeArc[t], P = data.P, pt = data.visits.first, out = rs.arcOut;
    const col = pt[x], row = col * P;
    let min = Infinity;
    if (data.arcSymmetric[t]) {
      // both arcs from x's own row, each read serving two positions
      let left = D[row + pt[a[0]]];
      for (let p = 0; p <= m; p++) {
        const right = D[row + pt[a[p + 1]]];
        const c = left + right - out[a[p]];
        if (c < min) min = c;
        left = right;
      }
    } else {
      for (let p = 0; p <= m; p++) {
        const c = D[pt[a[p]] * P + col] + D[row + pt[a[p + 1]]] - out[a[p]];
        if (c < min) min = c;
      }
    }
    this.stop[s] = x;
    this.ver[s] = ver;
    this.min[s] = min;
    return min;
  }
}
