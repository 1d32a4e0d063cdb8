/**
 * 2-opt* between two routes (HGS.md §4, move 9; PyVRP's SwapTails):
 * replaces (u, x) and (v, y) by (u, y) and (v, x), exchanging the tails of
 * the two routes. v may be a start sentinel: then v's whole route moves
 * behind u and v's route takes u's tail (also a move into an empty route).
 */
import { LoadBound } from './load-bound.js';
import type { BinaryOperator } from './operator.js';
import type { SearchRoutes } from './routes.js';

export class SwapTails implements BinaryOperator {
  readonly name = 'swap-tails';

  private readonly pt: Int32Array;
  private readonly P: number;
  private readonly loads: LoadBound;

  constructor(private readonly rs: SearchRoutes) {
    this.pt = rs.data.visits.first;
    this.P = rs.data.P;
    this.loads = new LoadBound(rs);
  }

  evaluate(u: number, v: number): number {
    const rs = this.rs;
    const rU = rs.routeOf[u], rV = rs.routeOf[v];
    if (rU < 0 || rV < 0 || rU === rV) return Infinity;
    const pu = rs.pos[u], pv = rs.pos[v];
    const lenU = rs.len[rU], lenV = rs.len[rV];
    if (pu > lenU || pv > lenV) return Infinity; // end sentinels
    if (rs.open[u] !== 0 || rs.open[v] !== 0) return Infinity; // a shipment would lose its other stop
    const aU = rs.nodes[rU], aV = rs.nodes[rV];
    const x = aU[pu + 1], y = aV[pv + 1];
    const eU = aU[lenU + 1], eV = aV[lenV + 1];
    const pt = this.pt, P = this.P, data = rs.data;
    const tU = data.slotType[rU], tV = data.slotType[rV];
    const BU = data.typeArc[tU], BV = data.typeArc[tV];
    // the tails' inner arc costs carry over only when both routes price arcs alike; else no bound
    if (BU !== BV) return this.exact(u, v, rU, rV, pu, pv);
    const D = BU;
    const fd = rs.prefix.arcCost, bd = rs.suffix.arcCost;
    const peU = pt[eU], peV = pt[eV];
    let tailY = 0, tailX = 0;
    if (pv < lenV) {
      tailY = bd[y];
      if (peU !== peV) tailY += D[pt[aV[lenV]] * P + peU] - D[pt[aV[lenV]] * P + peV];
    }
    if (pu < lenU) {
      tailX = bd[x];
      if (peU !== peV) tailX += D[pt[aU[lenU]] * P + peV] - D[pt[aU[lenU]] * P + peU];
    }
    const distU = fd[u] + (pv < lenV ? D[pt[u] * P + pt[y]] + tailY : D[pt[u] * P + peU]);
    const distV = fd[v] + (pu < lenU ? D[pt[v] * P + pt[x]] + tailX : D[pt[v] * P + peV]);
    const cntU = pu + (lenV - pv), cntV = pv + (lenU - pu);
    if (rs.notBetter(rU, distU, cntU, rV, distV, cntV)) return Infinity;
    if (this.loads.active) {
      // then the loads at both new routes' ends (load-bound.ts), before the full price
      const qU = this.loads.tails(rU, u, y), qV = this.loads.tails(rV, v, x);
      if (qU + qV > 0 && rs.notBetter(rU, distU + qU, cntU, rV, distV + qV, cntV)) return Infinity;
    }
    return this.exact(u, v, rU, rV, pu, pv);
  }

  private exact(u: number, v: number, rU: number, rV: number, pu: number, pv: number): number {
    const rs = this.rs;
    const cU = rs.appendTail(rs.a.start(rs.prefix, u, rs.typeOf(rU)), rV, pv + 1, rU).price();
    const cV = rs.appendTail(rs.b.start(rs.prefix, v, rs.typeOf(rV)), rU, pu + 1, rV).price();
    return cU + cV - rs.cost[rU] - rs.cost[rV];
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
