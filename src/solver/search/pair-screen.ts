/**
 * One cheap screen per (u, v) pair of the local search: the distance bounds
 * of relocate 1 and 2, swap 11, 21 and 22 (exchange.ts), 2-opt (two-opt.ts)
 * and swap-tails (swap-tails.ts) computed together, so the route data and
 * arcs they share are read once instead of once per operator. Each bound is
 * the operator's own arithmetic, term for term (the same floating-point sums
 * in the same order), so the screen rejects exactly the moves the operator's
 * bound rejects, and so does the load bound the operators apply after it
 * (load-bound.ts); the few that pass are priced by the operator itself.
 * About 98 % of the evaluations end at the distance bounds.
 *
 * The screen covers the plain operator list (no shipments) and route pairs
 * whose vehicle types price arcs alike; anything else is left to the
 * operators (`ALL_OPERATORS`).
 */
import { LoadBound } from './load-bound.js';
import type { SearchRoutes } from './routes.js';

/** The screen's answer when it does not apply: every operator must be evaluated. */
export const ALL_OPERATORS = -1;

/** Bits of the answer, in the local search's operator order. */
const RELOCATE1 = 1, RELOCATE2 = 2, SWAP11 = 4, SWAP21 = 8, SWAP22 = 16, TWO_OPT = 32, SWAP_TAILS = 64;

export class PairScreen {
  private readonly pt: Int32Array;
  private readonly P: number;
  private readonly loads: LoadBound;

  constructor(private readonly rs: SearchRoutes) {
    this.pt = rs.data.visits.first;
    this.P = rs.data.P;
    this.loads = new LoadBound(rs);
  }

  /** The operators' load test after their distance bound passed (exchange.ts, swap-tails.ts): true when the move must be priced. */
  private loadsPass(rU: number, distU: number, cntU: number, qU: number, rV: number, distV: number, cntV: number, qV: number): boolean {
    return !(qU + qV > 0 && this.rs.notBetter(rU, distU + qU, cntU, rV, distV + qV, cntV));
  }

  /**
   * The operators (bit i: the local search's operator i) whose move for
   * (u, v) may improve and must be priced; a clear bit means the operator
   * would return a delta ≥ 0 for it. `ALL_OPERATORS` when the screen does
   * not apply (different arc costs, shipments).
   */
  screen(u: number, v: number): number {
    const rs = this.rs, n = rs.n;
    const rU = rs.routeOf[u], rV = rs.routeOf[v];
    const data = rs.data;
    if (u >= n || rU < 0 || rV < 0 || data.hasShipments) return ALL_OPERATORS;
    if (rU === rV) return this.intra(u, v, rU);
    const B = data.typeArc[data.slotType[rU]];
    if (B !== data.typeArc[data.slotType[rV]]) return ALL_OPERATORS;
    const pu = rs.pos[u], pv = rs.pos[v];
    const lenU = rs.len[rU], lenV = rs.len[rV];
    const aU = rs.nodes[rU], aV = rs.nodes[rV];
    const pt = this.pt, P = this.P, fd = rs.prefix.arcCost, out = rs.arcOut;
    const arcU = rs.arcCost[rU], arcV = rs.arcCost[rV];
    const fixU = rs.fixedCost[rU], fixV = rs.fixedCost[rV];
    const costU = rs.cost[rU], costV = rs.cost[rV];
    const bu = aU[pu - 1], outBu = out[bu], ptU = pt[u];
    const lb = this.loads;
    let mask = 0;
    // each test below is `SearchRoutes.notBetter` on the operator's own sums, then its load test
    if (pu <= lenU && pv <= lenV) {
      // relocate 1 and 2: u's piece after v
      const av = aV[pv + 1], outV = out[v];
      const dVU = B[pt[v] * P + ptU];
      {
        const innerU = 0;
        const cutU = outBu + innerU + out[u];
        const distU = arcU - cutU + rs.skip1[u];
        const distV = arcV - outV + dVU + innerU + B[ptU * P + pt[av]];
        const cntU = lenU - 1, cntV = lenV + 1;
        if (!((cntU > 0 ? fixU + distU : 0) + (cntV > 0 ? fixV + distV : 0) - costU - costV > -1e-7)) {
          if (!lb.active || this.loadsPass(rU, distU, cntU, lb.exchange(rU, pu, 1, rV, pv, 0), rV, distV, cntV, lb.exchange(rV, pv, 0, rU, pu, 1))) mask |= RELOCATE1;
        }
      }
      if (pu + 1 <= lenU) {
        const lastU = aU[pu + 1];
        const innerU = fd[lastU] - fd[u];
        const cutU = outBu + innerU + out[lastU];
        const distU = arcU - cutU + rs.skip2[u];
        const distV = arcV - outV + dVU + innerU + B[pt[lastU] * P + pt[av]];
        const cntU = lenU - 2, cntV = lenV + 2;
        if (!((cntU > 0 ? fixU + distU : 0) + (cntV > 0 ? fixV + distV : 0) - costU - costV > -1e-7)) {
          if (!lb.active || this.loadsPass(rU, distU, cntU, lb.exchange(rU, pu, 2, rV, pv, 0), rV, distV, cntV, lb.exchange(rV, pv, 0, rU, pu, 2))) mask |= RELOCATE2;
        }
      }
    }
    if (v < n && pu <= lenU && pv <= lenV) {
      // swaps: u's piece (1 or 2 clients) for v's (1 or 2); the arcs into both pieces are shared
      const bv = aV[pv - 1], outBv = out[bv];
      const dBuV = B[pt[bu] * P + pt[v]], dBvU = B[pt[bv] * P + ptU];
      const u1 = aU[pu + 1], v1 = aV[pv + 1];
      if (u <= v) {
        // swap 11 ((v, u) prices the same swap)
        const innerU = 0, innerV = 0;
        const cutU = outBu + innerU + out[u];
        const cutV = outBv + innerV + out[v];
        const distU = arcU - cutU + dBuV + innerV + B[pt[v] * P + pt[u1]];
        const distV = arcV - cutV + dBvU + innerU + B[ptU * P + pt[v1]];
        const cntU = lenU, cntV = lenV;
        if (!((cntU > 0 ? fixU + distU : 0) + (cntV > 0 ? fixV + distV : 0) - costU - costV > -1e-7)) {
          if (!lb.active || this.loadsPass(rU, distU, cntU, lb.exchange(rU, pu, 1, rV, pv, 1), rV, distV, cntV, lb.exchange(rV, pv, 1, rU, pu, 1))) mask |= SWAP11;
        }
      }
      if (pu + 1 <= lenU) {
        // swap 21
        const innerU = fd[u1] - fd[u], innerV = 0;
        const cutU = outBu + innerU + out[u1];
        const cutV = outBv + innerV + out[v];
        const distU = arcU - cutU + dBuV + innerV + B[pt[v] * P + pt[aU[pu + 2]]];
        const distV = arcV - cutV + dBvU + innerU + B[pt[u1] * P + pt[v1]];
        const cntU = lenU - 1, cntV = lenV + 1;
        if (!((cntU > 0 ? fixU + distU : 0) + (cntV > 0 ? fixV + distV : 0) - costU - costV > -1e-7)) {
          if (!lb.active || this.loadsPass(rU, distU, cntU, lb.exchange(rU, pu, 2, rV, pv, 1), rV, distV, cntV, lb.exchange(rV, pv, 1, rU, pu, 2))) mask |= SWAP21;
        }
        if (pv + 1 <= lenV && u <= v) {
          // swap 22
          const innerV2 = fd[v1] - fd[v];
          const cutV2 = outBv + innerV2 + out[v1];
          const distU2 = arcU - cutU + dBuV + innerV2 + B[pt[v1] * P + pt[aU[pu + 2]]];
          const distV2 = arcV - cutV2 + dBvU + innerU + B[pt[u1] * P + pt[aV[pv + 2]]];
          if (!((lenU > 0 ? fixU + distU2 : 0) + (lenV > 0 ? fixV + distV2 : 0) - costU - costV > -1e-7)) {
            if (!lb.active || this.loadsPass(rU, distU2, lenU, lb.exchange(rU, pu, 2, rV, pv, 2), rV, distV2, lenV, lb.exchange(rV, pv, 2, rU, pu, 2))) mask |= SWAP22;
          }
        }
      }
    }
    if (pu <= lenU && pv <= lenV && rs.open[u] === 0 && rs.open[v] === 0) {
      // swap-tails: (u, x), (v, y) become (u, y), (v, x)
      const x = aU[pu + 1], y = aV[pv + 1];
      const peU = pt[aU[lenU + 1]], peV = pt[aV[lenV + 1]];
      const bd = rs.suffix.arcCost;
      let tailY = 0, tailX = 0;
      if (pv < lenV) {
        tailY = bd[y];
        if (peU !== peV) tailY += B[pt[aV[lenV]] * P + peU] - B[pt[aV[lenV]] * P + peV];
      }
      if (pu < lenU) {
        tailX = bd[x];
        if (peU !== peV) tailX += B[pt[aU[lenU]] * P + peV] - B[pt[aU[lenU]] * P + peU];
      }
      const distU = fd[u] + (pv < lenV ? B[ptU * P + pt[y]] + tailY : B[ptU * P + peU]);
      const distV = fd[v] + (pu < lenU ? B[pt[v] * P + pt[x]] + tailX : B[pt[v] * P + peV]);
      const cntU = pu + (lenV - pv), cntV = pv + (lenU - pu);
      if (!((cntU > 0 ? fixU + distU : 0) + (cntV > 0 ? fixV + distV : 0) - costU - costV > -1e-7)) {
        if (!lb.active || this.loadsPass(rU, distU, cntU, lb.tails(rU, u, y), rV, distV, cntV, lb.tails(rV, v, x))) mask |= SWAP_TAILS;
      }
    }
    return mask;
  }

  /** The screen of a pair in one route (exchange.ts `intra`, two-opt.ts); swap-tails never applies there. */
  private intra(u: number, v: number, r: number): number {
    const rs = this.rs, n = rs.n, data = rs.data;
    const pu = rs.pos[u], pv = rs.pos[v], len = rs.len[r];
    const a = rs.nodes[r];
    const t = data.slotType[r];
    const D = data.typeArc[t];
    const pt = this.pt, P = this.P, out = rs.arcOut;
    const arc = rs.arcCost[r], fix = rs.fixedCost[r], cost = rs.cost[r];
    const bu = a[pu - 1], outBu = out[bu], ptU = pt[u];
    let mask = 0;
    // each test below is `SearchRoutes.notBetter1` on the operator's own sums
    if (pu <= len && pv <= len) {
      // relocate 1 and 2: u's piece after v
      const y = a[pv + 1], outV = out[v];
      const dVU = D[pt[v] * P + ptU];
      if (!(pv >= pu - 1 && pv <= pu)) {
        const dd = rs.skip1[u] - outBu - out[u] - outV + dVU + D[ptU * P + pt[y]];
        if (!((len > 0 ? fix + (arc + dd) : 0) - cost > -1e-7)) mask |= RELOCATE1;
      }
      if (pu + 1 <= len && !(pv >= pu - 1 && pv <= pu + 1)) {
        const lu = a[pu + 1];
        const dd = rs.skip2[u] - outBu - out[lu] - outV + dVU + D[pt[lu] * P + pt[y]];
        if (!((len > 0 ? fix + (arc + dd) : 0) - cost > -1e-7)) mask |= RELOCATE2;
      }
    }
    if (v < n && pu <= len && pv <= len) {
      // swaps: the pieces neither overlap nor touch (a relocate does that)
      const bv = a[pv - 1], outBv = out[bv];
      const dBuV = D[pt[bu] * P + pt[v]], dBvU = D[pt[bv] * P + ptU];
      const u1 = a[pu + 1], v1 = a[pv + 1];
      if (u <= v && !(pu <= pv && pv <= pu) && pu + 1 !== pv && pv + 1 !== pu) {
        // swap 11
        const dd = dBuV + D[pt[v] * P + pt[u1]] + dBvU + D[ptU * P + pt[v1]] - outBu - out[u] - outBv - out[v];
        if (!((len > 0 ? fix + (arc + dd) : 0) - cost > -1e-7)) mask |= SWAP11;
      }
      if (pu + 1 <= len) {
        if (!(pu <= pv && pv <= pu + 1) && pu + 2 !== pv && pv + 1 !== pu) {
          // swap 21
          const dd = dBuV + D[pt[v] * P + pt[a[pu + 2]]] + dBvU + D[pt[u1] * P + pt[v1]] - outBu - out[u1] - outBv - out[v];
          if (!((len > 0 ? fix + (arc + dd) : 0) - cost > -1e-7)) mask |= SWAP21;
        }
        if (pv + 1 <= len && u <= v && !(pu <= pv + 1 && pv <= pu + 1) && pu + 2 !== pv && pv + 2 !== pu) {
          // swap 22
          const dd = dBuV + D[pt[v1] * P + pt[a[pu + 2]]] + dBvU + D[pt[u1] * P + pt[a[pv + 2]]] - outBu - out[u1] - outBv - out[v1];
          if (!((len > 0 ? fix + (arc + dd) : 0) - cost > -1e-7)) mask |= SWAP22;
        }
      }
    }
    if (v < n) {
      // 2-opt: reverses the clients after the first of u, v up to the second
      const lo = pu < pv ? pu : pv, hi = pu < pv ? pv : pu;
      if (hi - lo >= 2 && hi <= len) {
        if (!data.arcSymmetric[t]) mask |= TWO_OPT;
        else {
          const x1 = a[lo], x = a[lo + 1], v1 = a[hi], y = a[hi + 1];
          const dd = D[pt[x1] * P + pt[v1]] + D[pt[x] * P + pt[y]] - out[x1] - out[v1];
          if (!((len > 0 ? fix + (arc + dd) : 0) - cost > -1e-7)) mask |= TWO_OPT;
        }
      }
    }
    return mask;
  }
}
