/**
 * (N, M)-exchange (HGS.md §4, moves 1-6; PyVRP's Exchange): swaps the N
 * consecutive clients starting at u with the M consecutive clients starting
 * at v; M = 0 relocates u's N clients after v (v may be a start sentinel).
 * Inside one route the moved pieces and the part between them are joined
 * as segments, so every evaluation is O(1) whatever the route length.
 */
import type { Concat } from './concat.js';
import type { BinaryOperator } from './operator.js';
import type { SearchRoutes } from './routes.js';

export class Exchange implements BinaryOperator {
  readonly name: string;

  private readonly pt: Int32Array;
  private readonly D: Float64Array | Float32Array;
  private readonly P: number;

  constructor(private readonly rs: SearchRoutes, readonly N: number, readonly M: number) {
    this.name = M === 0 ? `relocate${N}` : `swap${N}${M}`;
    this.pt = rs.data.visits.first;
    this.D = rs.data.dist;
    this.P = rs.data.P;
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
    // cheap distance bound first: every other cost term only adds
    const pt = this.pt, D = this.D, P = this.P, fd = rs.prefix.distance;
    const pbU = pt[beforeU] * P, paU = pt[afterU], pfU = pt[firstU], plU = pt[lastU] * P;
    const pbV = pt[beforeV] * P, paV = pt[afterV];
    const innerU = N === 1 ? 0 : fd[lastU] - fd[firstU];
    let distU: number, distV: number;
    if (M === 0) {
      distU = rs.distance[rU] + D[pbU + paU] - D[pbU + pfU] - D[plU + paU] - innerU;
      distV = rs.distance[rV] - D[pbV + paV] + D[pbV + pfU] + innerU + D[plU + paV];
    } else {
      const firstV = aV[pv], lastV = aV[pv + M - 1];
      const pfV = pt[firstV], plV = pt[lastV] * P;
      const innerV = M === 1 ? 0 : fd[lastV] - fd[firstV];
      distU = rs.distance[rU] - D[pbU + pfU] - innerU - D[plU + paU] + D[pbU + pfV] + innerV + D[plV + paU];
      distV = rs.distance[rV] - D[pbV + pfV] - innerV - D[plV + paV] + D[pbV + pfU] + innerU + D[plU + paV];
    }
    const current = rs.cost[rU] + rs.cost[rV];
    const cntU = lenU - N + M, cntV = lenV - M + N;
    if (rs.notBetter(rU, distU, cntU, rV, distV, cntV)) return Infinity;
    const a = rs.a.start(rs.prefix, beforeU, rs.typeOf(rU));
    if (M > 0) rs.appendBetween(a, rV, pv, pv + M - 1);
    const cU = a.append(rs.suffix, afterU).price();
    const b = rs.b.start(rs.prefix, beforeV, rs.typeOf(rV));
    rs.appendBetween(b, rU, pu, pu + N - 1);
    const cV = b.append(rs.suffix, afterV).price();
    return cU + cV - current;
  }

  private intra(u: number, v: number, r: number, pu: number, pv: number): number {
    const rs = this.rs, data = rs.data, cp = data.cp;
    const N = this.N, M = this.M;
    const a = rs.nodes[r];
    if (M === 0) {
      if (pv >= pu - 1 && pv <= pu + N - 1) return Infinity;
    } else {
      if (pu <= pv + M - 1 && pv <= pu + N - 1) return Infinity; // overlap
      if (pu + N === pv || pv + M === pu) return Infinity; // adjacent: a relocate does it
      if (N === M && u > v) return Infinity;
    }
    // distance change: arcs removed and added
    const d = (x: number, y: number) => data.d(x, y);
    let dd: number;
    if (M === 0) {
      const bu = a[pu - 1], fu = a[pu], lu = a[pu + N - 1], au = a[pu + N];
      const y = a[pv + 1];
      dd = d(bu, au) - d(bu, fu) - d(lu, au) - d(v, y) + d(v, fu) + d(lu, y);
    } else {
      const bu = a[pu - 1], fu = a[pu], lu = a[pu + N - 1], au = a[pu + N];
      const bv = a[pv - 1], fv = a[pv], lv = a[pv + M - 1], av = a[pv + M];
      dd = d(bu, fv) + d(lv, au) + d(bv, fu) + d(lu, av) - d(bu, fu) - d(lu, au) - d(bv, fv) - d(lv, av);
    }
    const current = rs.cost[r];
    if (rs.notBetter1(r, rs.distance[r] + dd, rs.len[r])) return Infinity;
    if (cp.intraDistanceOnly) return cp.typePerDist[rs.typeOf(r)] * dd;
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
    let k = 0;
    const m = rs.len[rU];
    const copy = (from: number, to: number) => {
      for (let p = from; p <= to; p++) A[k++] = aU[p];
    };
    if (M === 0) {
      if (pu < pv) {
        copy(1, pu - 1);
        copy(pu + N, pv);
        copy(pu, pu + N - 1);
        copy(pv + 1, m);
      } else {
        copy(1, pv);
        copy(pu, pu + N - 1);
        copy(pv + 1, pu - 1);
        copy(pu + N, m);
      }
    } else {
      const [p1, l1, p2, l2] = pu < pv ? [pu, N, pv, M] : [pv, M, pu, N];
      copy(1, p1 - 1);
      copy(p2, p2 + l2 - 1);
      copy(p1 + l1, p2 - 1);
      copy(p1, p1 + l1 - 1);
      copy(p2 + l2, m);
    }
    rs.setRoute(rU, A, 0, k);
    rs.update(rU);
  }
}

export type { Concat };
