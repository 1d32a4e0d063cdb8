/**
 * (N, M)-exchange (HGS.md §4, moves 1-6; PyVRP's Exchange): swaps the N
 * consecutive clients starting at u with the M consecutive clients starting
 * at v; M = 0 relocates u's N clients after v (v may be a start sentinel).
 * Inside one route the moved pieces and the part between them are joined
 * as segments, so every evaluation is O(1) whatever the route length.
 */
import type { Concat } from './concat.js';
import { LoadBound } from './load-bound.js';
import type { BinaryOperator } from './operator.js';
import type { SearchRoutes } from './routes.js';

export class Exchange implements BinaryOperator {
  readonly name: string;

  private readonly pt: Int32Array;
  private readonly P: number;
  private readonly loads: LoadBound;

  constructor(private readonly rs: SearchRoutes, readonly N: number, readonly M: number) {
    this.name = M === 0 ? `relocate${N}` : `swap${N}${M}`;
    this.pt = rs.data.visits.first;
    this.P = rs.data.P;
    this.loads = new LoadBound(rs);
  }

  evaluate(u: number, v: number): number {
    const rs = this.rs;
    const n = rs.n;
    if (u >= n) return Infinity;
    const rU = rs.routeOf[u], rV = rs.routeOf[v];
    if (rU < 0 || rV < 0) return Infinity;
    const N = this.N, M = this.M;
    const pu = rs.pos[u], pv = rs.pos[v];
    const lenU = rs.len[rU], lenV = rs.len[rV];
    if (pu + N - 1 > lenU) return Infinity;
    if (M > 0) {
      if (v >= n || pv + M - 1 > lenV) return Infinity;
    } else if (pv > lenV) return Infinity; // v is an end sentinel
    if (rU === rV) return this.intra(u, v, rU, pu, pv);
    if (N === M && u > v) return Infinity; // (v, u) prices the same swap
    // only whole shipments may leave a route
    if (rs.data.hasShipments && (!rs.closed(rU, pu, pu + N - 1) || (M > 0 && !rs.closed(rV, pv, pv + M - 1)))) return Infinity;
    return this.inter(rU, rV, pu, pv, lenU, lenV);
  }

  private inter(rU: number, rV: number, pu: number, pv: number, lenU: number, lenV: number): number {
    const rs = this.rs;
    const N = this.N, M = this.M;
    const aU = rs.nodes[rU], aV = rs.nodes[rV];
    const beforeU = aU[pu - 1], afterU = aU[pu + N];
    const firstU = aU[pu], lastU = aU[pu + N - 1];
    const beforeV = M === 0 ? aV[pv] : aV[pv - 1];
    const afterV = M === 0 ? aV[pv + 1] : aV[pv + M];
    // cheap distance bound first (every other cost term only adds), from the
    // per-node arc caches plus the new arcs' matrix entries
    const pt = this.pt, P = this.P, fd = rs.prefix.arcCost, out = rs.arcOut;
    const data = rs.data, tU = data.slotType[rU], tV = data.slotType[rV];
    const BU = data.typeArc[tU], BV = data.typeArc[tV];
    // a piece keeps its inner arc cost when both routes price arcs alike
    const same = BU === BV;
    const innerU = N === 1 ? 0 : same ? fd[lastU] - fd[firstU] : innerCost(rs, rU, pu, pu + N - 1, BV, pt, P);
    const skipU = N === 1 ? rs.skip1[firstU] : N === 2 ? rs.skip2[firstU] : rs.skip3[firstU];
    let distU: number, distV: number;
    const ownU = N === 1 || same ? innerU : fd[lastU] - fd[firstU];
    const cutU = out[beforeU] + ownU + out[lastU];
    if (M === 0) {
      distU = rs.arcCost[rU] - cutU + skipU;
      distV = rs.arcCost[rV] - out[beforeV] + BV[pt[beforeV] * P + pt[firstU]] + innerU + BV[pt[lastU] * P + pt[afterV]];
    } else {
      const firstV = aV[pv], lastV = aV[pv + M - 1];
      const ownV = M === 1 ? 0 : fd[lastV] - fd[firstV];
      const innerV = M === 1 || same ? ownV : innerCost(rs, rV, pv, pv + M - 1, BU, pt, P);
      const cutV = out[beforeV] + ownV + out[lastV];
      distU = rs.arcCost[rU] - cutU + BU[pt[beforeU] * P + pt[firstV]] + innerV + BU[pt[lastV] * P + pt[afterU]];
      distV = rs.arcCost[rV] - cutV + BV[pt[beforeV] * P + pt[firstU]] + innerU + BV[pt[lastU] * P + pt[afterV]];
    }
    const current = rs.cost[rU] + rs.cost[rV];
    const cntU = lenU - N + M, cntV = lenV - M + N;
    if (rs.notBetter(rU, distU, cntU, rV, distV, cntV)) return Infinity;
    if (this.loads.active) {
      // then the loads at both routes' ends (load-bound.ts), before the full price
      const qU = this.loads.exchange(rU, pu, N, rV, pv, M);
      const qV = this.loads.exchange(rV, pv, M, rU, pu, N);
      if (qU + qV > 0 && rs.notBetter(rU, distU + qU, cntU, rV, distV + qV, cntV)) return Infinity;
    }
    const a = rs.a.start(rs.prefix, beforeU, rs.typeOf(rU));
    if (M > 0) rs.appendBetween(a, rV, pv, pv + M - 1);
    const cU = a.append(rs.suffix, afterU).price();
    const b = rs.b.start(rs.prefix, beforeV, rs.typeOf(rV));
    rs.appendBetween(b, rU, pu, pu + N - 1);
    const cV = b.append(rs.suffix, afterV).price();
    return cU + cV - current;
  }

  private intra(u: number, v: number, r: number, pu: number, pv: number): number {
    const rs = this.rs, cp = rs.data.cp;
    const N = this.N, M = this.M;
    const a = rs.nodes[r];
    if (M === 0) {
      if (pv >= pu - 1 && pv <= pu + N - 1) return Infinity;
    } else {
      if (pu <= pv + M - 1 && pv <= pu + N - 1) return Infinity; // overlap
      if (pu + N === pv || pv + M === pu) return Infinity; // adjacent: a relocate does it
      if (N === M && u > v) return Infinity;
    }
    if (rs.stops[r] > 0 && !this.keepsPrecedence(r, pu, pv)) return Infinity;
    // distance change: arcs removed and added
    const pt = this.pt, D = rs.data.typeArc[rs.typeOf(r)], P = this.P, out = rs.arcOut;
    const bu = a[pu - 1], fu = a[pu], lu = a[pu + N - 1], au = a[pu + N];
    let dd: number;
    if (M === 0) {
      const y = a[pv + 1];
      const skip = N === 1 ? rs.skip1[fu] : N === 2 ? rs.skip2[fu] : rs.skip3[fu];
      dd = skip - out[bu] - out[lu] - out[v] + D[pt[v] * P + pt[fu]] + D[pt[lu] * P + pt[y]];
    } else {
      const bv = a[pv - 1], fv = a[pv], lv = a[pv + M - 1], av = a[pv + M];
      dd = D[pt[bu] * P + pt[fv]] + D[pt[lv] * P + pt[au]] + D[pt[bv] * P + pt[fu]] + D[pt[lu] * P + pt[av]] -
        out[bu] - out[lu] - out[bv] - out[lv];
    }
    const current = rs.cost[r];
    if (rs.notBetter1(r, rs.arcCost[r] + dd, rs.len[r])) return Infinity;
    if (cp.intraDistanceOnly) return dd;
    const acc = rs.a;
    const t = rs.typeOf(r);
    if (M === 0) {
      if (pu < pv) {
        acc.start(rs.prefix, a[pu - 1], t);
        rs.appendBetween(acc, r, pu + N, pv);
        rs.appendBetween(acc, r, pu, pu + N - 1);
        acc.append(rs.suffix, a[pv + 1]);
      } else {
        acc.start(rs.prefix, v, t);
        rs.appendBetween(acc, r, pu, pu + N - 1);
        rs.appendBetween(acc, r, pv + 1, pu - 1);
        acc.append(rs.suffix, a[pu + N]);
      }
    } else {
      const first = pu < pv;
      const p1 = first ? pu : pv, l1 = first ? N : M, p2 = first ? pv : pu, l2 = first ? M : N;
      acc.start(rs.prefix, a[p1 - 1], t);
      rs.appendBetween(acc, r, p2, p2 + l2 - 1);
      rs.appendBetween(acc, r, p1 + l1, p2 - 1);
      rs.appendBetween(acc, r, p1, p1 + l1 - 1);
      acc.append(rs.suffix, a[p2 + l2]);
    }
    return acc.price() - current;
  }

  /** Whether the intra-route move (u at pu, v at pv) keeps every shipment's pickup before its delivery. */
  private keepsPrecedence(r: number, pu: number, pv: number): boolean {
    const rs = this.rs, N = this.N, M = this.M;
    if (M === 0) {
      if (pu < pv) return rs.precedenceKept(r, pu, pv, (p) => (p < pu || p > pv ? p : p >= pu + N ? p - N : pv - N + 1 + (p - pu)));
      return rs.precedenceKept(r, pv + 1, pu + N - 1, (p) => (p <= pv || p >= pu + N ? p : p < pu ? p + N : pv + 1 + (p - pu)));
    }
    const first = pu < pv;
    const p1 = first ? pu : pv, l1 = first ? N : M, p2 = first ? pv : pu, l2 = first ? M : N;
    return rs.precedenceKept(r, p1, p2 + l2 - 1, (p) =>
      p < p1 || p >= p2 + l2 ? p : p >= p2 ? p1 + (p - p2) : p >= p1 + l1 ? p + (l2 - l1) : p2 + l2 - l1 + (p - p1),
    );
  }

  apply(u: number, v: number): void {
    const rs = this.rs;
    const N = this.N, M = this.M;
    const rU = rs.routeOf[u], rV = rs.routeOf[v];
    const pu = rs.pos[u], pv = rs.pos[v];
    const aU = rs.nodes[rU], aV = rs.nodes[rV];
    if (rU !== rV) {
      const A = rs.bufA, B = rs.bufB;
      let k = 0;
      for (let p = 1; p < pu; p++) A[k++] = aU[p];
      for (let p = pv; p < pv + M; p++) A[k++] = aV[p];
      for (let p = pu + N; p <= rs.len[rU]; p++) A[k++] = aU[p];
      let q = 0;
      const cut = M === 0 ? pv + 1 : pv;
      for (let p = 1; p < cut; p++) B[q++] = aV[p];
      for (let p = pu; p < pu + N; p++) B[q++] = aU[p];
      for (let p = M === 0 ? pv + 1 : pv + M; p <= rs.len[rV]; p++) B[q++] = aV[p];
      rs.setRoute(rU, A, 0, k);
      rs.setRoute(rV, B, 0, q);
      rs.update(rU);
      rs.update(rV);
      return;
    }
    const A = rs.bufA;
    const m = rs.len[rU];
    let k = 0;
    if (M === 0) {
      if (pu < pv) {
        k = copyRange(aU, 1, pu - 1, A, k);
        k = copyRange(aU, pu + N, pv, A, k);
        k = copyRange(aU, pu, pu + N - 1, A, k);
        k = copyRange(aU, pv + 1, m, A, k);
      } else {
        k = copyRange(aU, 1, pv, A, k);
        k = copyRange(aU, pu, pu + N - 1, A, k);
        k = copyRange(aU, pv + 1, pu - 1, A, k);
        k = copyRange(aU, pu + N, m, A, k);
      }
    } else {
      const first = pu < pv;
      const p1 = first ? pu : pv, l1 = first ? N : M, p2 = first ? pv : pu, l2 = first ? M : N;
      k = copyRange(aU, 1, p1 - 1, A, k);
      k = copyRange(aU, p2, p2 + l2 - 1, A, k);
      k = copyRange(aU, p1 + l1, p2 - 1, A, k);
      k = copyRange(aU, p1, p1 + l1 - 1, A, k);
      k = copyRange(aU, p2 + l2, m, A, k);
    }
    rs.setRoute(rU, A, 0, k);
    rs.update(rU);
  }
}

export type { Concat };

/** Copies a[from..to] to out[k..] and returns the new k. */
function copyRange(a: Int32Array, from: number, to: number, out: Int32Array, k: number): number {
  for (let p = from; p <= to; p++) out[k++] = a[p];
  return k;
}

/** The arc cost of route r's clients at positions from..to under another type's arc costs `B`. */
function innerCost(rs: SearchRoutes, r: number, from: number, to: number, B: Float64Array | Float32Array, pt: Int32Array, P: number): number {
  const a = rs.nodes[r];
  let c = 0;
  for (let p = from; p < to; p++) c += B[pt[a[p]] * P + pt[a[p + 1]]];
  return c;
}
