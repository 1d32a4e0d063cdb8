/**
 * 2-opt* between two routes (HGS.md §4, move 9; PyVRP's SwapTails):
 * replaces (u, x) and (v, y) by (u, y) and (v, x), exchanging the tails of
 * the two routes. v may be a start sentinel: then v's whole route moves
 * behind u and v's route takes u's tail (also a move into an empty route).
 */
import { MOVE_EPS, routeLowerBound, type BinaryOperator } from './operator.js';
import type { SearchRoutes } from './routes.js';

export class SwapTails implements BinaryOperator {
  readonly name = 'swap-tails';

  constructor(private readonly rs: SearchRoutes) {}

  evaluate(u: number, v: number): number {
    const rs = this.rs, data = rs.data;
    const rU = rs.routeOf[u], rV = rs.routeOf[v];
    if (rU < 0 || rV < 0 || rU === rV) return Infinity;
    const pu = rs.pos[u], pv = rs.pos[v];
    const lenU = rs.len[rU], lenV = rs.len[rV];
    if (pu > lenU || pv > lenV) return Infinity; // end sentinels
    const aU = rs.nodes[rU], aV = rs.nodes[rV];
    const x = aU[pu + 1], y = aV[pv + 1];
    const eU = aU[lenU + 1], eV = aV[lenV + 1];
    // distance bound: tails keep their inner distance, only their last arc changes end
    const tailY = pv < lenV ? rs.bDist(y) - data.d(aV[lenV], eV) + data.d(aV[lenV], eU) : 0;
    const tailX = pu < lenU ? rs.bDist(x) - data.d(aU[lenU], eU) + data.d(aU[lenU], eV) : 0;
    const distU = rs.fDist(u) + (pv < lenV ? data.d(u, y) + tailY : data.d(u, eU));
    const distV = rs.fDist(v) + (pu < lenU ? data.d(v, x) + tailX : data.d(v, eV));
    const cntU = pu + (lenV - pv), cntV = pv + (lenU - pu);
    const current = rs.cost[rU] + rs.cost[rV];
    if (routeLowerBound(rs, rU, distU, cntU) + routeLowerBound(rs, rV, distV, cntV) - current > -MOVE_EPS) return Infinity;
    const cU = rs.appendTail(rs.a.start(rs.prefix, u, rs.typeOf(rU)), rV, pv + 1, rU).price();
    const cV = rs.appendTail(rs.b.start(rs.prefix, v, rs.typeOf(rV)), rU, pu + 1, rV).price();
    return cU + cV - current;
  }

  apply(u: number, v: number): void {
    const rs = this.rs;
    const rU = rs.routeOf[u], rV = rs.routeOf[v];
    const pu = rs.pos[u], pv = rs.pos[v];
    const aU = rs.nodes[rU], aV = rs.nodes[rV];
    const A = rs.bufA, B = rs.bufB;
    let k = 0, q = 0;
    for (let p = 1; p <= pu; p++) A[k++] = aU[p];
    for (let p = pv + 1; p <= rs.len[rV]; p++) A[k++] = aV[p];
    for (let p = 1; p <= pv; p++) B[q++] = aV[p];
    for (let p = pu + 1; p <= rs.len[rU]; p++) B[q++] = aU[p];
    rs.setRoute(rU, A, 0, k);
    rs.setRoute(rV, B, 0, q);
    rs.update(rU);
    rs.update(rV);
  }
}
