/**
 * SWAP* (Vidal 2022; HGS.md §4): exchange u ∈ R1 and v ∈ R2, each inserted
 * at its best position in the other route (not necessarily the other's
 * place). For a route pair whose polar sectors overlap, the three cheapest
 * insertion positions (by distance) of every client of one route into the
 * other are found once (cached until the route changes), every pair (u, v)
 * is then estimated in O(1), and the best estimate is priced exactly.
 */
import { MOVE_EPS, type RouteOperator } from './operator.js';
import type { SearchRoutes } from './routes.js';
import type { Concat } from './concat.js';

const CIRCLE = 65536;

export class SwapStar implements RouteOperator {
  readonly name = 'swap-star';
  private readonly secStart: Int32Array;
  private readonly secEnd: Int32Array;
  private readonly removal: Float64Array;
  /** Per (client, route) when it fits in memory, else per client: 3 best insertion costs and after-nodes. */
  private readonly insCost: Float64Array;
  private readonly insAfter: Int32Array;
  private readonly stamp: Int32Array;
  private readonly perRoute: boolean;
  private readonly angle: Int32Array;
  private readonly hasGeo: boolean;
  private bestU = -1;
  private bestV = -1;
  private afterU = -1;
  private afterV = -1;

  constructor(private readonly rs: SearchRoutes) {
    const data = rs.data, cp = data.cp, R = rs.R, n = rs.n;
    this.secStart = new Int32Array(R);
    this.secEnd = new Int32Array(R);
    this.removal = new Float64Array(n);
    this.perRoute = n * R <= 2_000_000;
    const slots = this.perRoute ? n * R : n;
    this.insCost = new Float64Array(3 * slots);
    this.insAfter = new Int32Array(3 * slots);
    this.stamp = new Int32Array(slots).fill(-1);
    this.angle = new Int32Array(n);
    this.hasGeo = !!(cp.px && cp.py);
    if (this.hasGeo) {
      const d = cp.typeStart[0] === cp.virtualPoint ? cp.typeEnd[0] : cp.typeStart[0];
      for (let c = 0; c < n; c++) {
        const a = Math.atan2(cp.py![c] - cp.py![d], cp.px![c] - cp.px![d]);
        this.angle[c] = ((Math.round((a / (2 * Math.PI)) * CIRCLE) % CIRCLE) + CIRCLE) % CIRCLE;
      }
    }
    for (let r = 0; r < R; r++) this.routeChanged(r);
  }

  routeChanged(r: number): void {
    if (!this.hasGeo) return;
    const rs = this.rs;
    const a = rs.nodes[r];
    let s = 0, e = 0;
    for (let p = 1; p <= rs.len[r]; p++) {
      const ang = this.angle[a[p]];
      if (p === 1) s = e = ang;
      else if (!inSector(s, e, ang)) {
        const toStart = (s - ang + CIRCLE) % CIRCLE;
        const toEnd = (ang - e + CIRCLE) % CIRCLE;
        if (toStart <= toEnd) s = ang;
        else e = ang;
      }
    }
    this.secStart[r] = s;
    this.secEnd[r] = e;
  }

  /** Whether the polar sectors of two routes overlap (always true without coordinates). */
  overlap(a: number, b: number): boolean {
    if (!this.hasGeo) return true;
    const sa = this.secStart[a], ea = this.secEnd[a], sb = this.secStart[b], eb = this.secEnd[b];
    return (sb - sa + CIRCLE) % CIRCLE <= (ea - sa + CIRCLE) % CIRCLE || (sa - sb + CIRCLE) % CIRCLE <= (eb - sb + CIRCLE) % CIRCLE;
  }

  private slot(u: number, r: number): number {
    return this.perRoute ? u * this.rs.R + r : u;
  }

  /** Removal gains of `from`'s clients and their 3 cheapest insertion positions into `into`. */
  private preprocess(from: number, into: number): void {
    const rs = this.rs, data = rs.data;
    const aF = rs.nodes[from], aI = rs.nodes[into];
    const mF = rs.len[from], mI = rs.len[into];
    const ver = rs.version[into];
    const partner = data.partner;
    // the arcs of the routes as they stand come from the per-node caches (`SearchRoutes.arcOut`, `skip1`:
    // the same entries of the routes' own arc-cost matrices), only the new arcs from the matrix
    const out = rs.arcOut, skip1 = rs.skip1;
    const ti = rs.typeOf(into);
    const D = data.typeArc[ti], pt = data.visits.first, P = data.P, sym = data.arcSymmetric[ti] === 1;
    for (let p = 1; p <= mF; p++) {
      const u = aF[p];
      if (partner[u] >= 0) continue; // shipment stops move in pairs: never priced here
      this.removal[u] = skip1[u] - out[aF[p - 1]] - out[u];
      const s = this.slot(u, into);
      if (this.perRoute && this.stamp[s] === ver) continue;
      this.stamp[s] = ver;
      let c0 = Infinity, c1 = Infinity, c2 = Infinity, p0 = -1, p1 = -1, p2 = -1;
      const row = pt[u] * P;
      // symmetric costs: arc (x, u) is arc (u, x), so both arcs come from u's row, and the arc
      // (u, y) of one position is the arc (x, u) of the next
      let right = sym ? D[row + pt[aI[0]]] : 0;
      for (let q = 0; q <= mI; q++) {
        const x = aI[q], y = aI[q + 1];
        let left: number;
        if (sym) {
          left = right;
          right = D[row + pt[y]];
        } else {
          left = D[pt[x] * P + pt[u]];
          right = D[row + pt[y]];
        }
        const c = left + right - out[x];
        if (c < c2) {
          if (c < c1) {
            c2 = c1; p2 = p1;
            if (c < c0) { c1 = c0; p1 = p0; c0 = c; p0 = x; } else { c1 = c; p1 = x; }
          } else { c2 = c; p2 = x; }
        }
      }
      this.insCost[3 * s] = c0; this.insCost[3 * s + 1] = c1; this.insCost[3 * s + 2] = c2;
      this.insAfter[3 * s] = p0; this.insAfter[3 * s + 1] = p1; this.insAfter[3 * s + 2] = p2;
    }
  }

  /**
   * Best estimated insertion of u into v's route rV with v removed, given the
   * arcs (pv, u) and (u, nv) around v's place (pv = v's predecessor); returns
   * the cost and sets `this.tmpAfter` (-1: v's place).
   */
  private tmpAfter = -1;
  private bestInsert(u: number, v: number, rV: number, pv: number, arcIn: number, arcOut: number): number {
    const rs = this.rs;
    // arc (pv, nv) from the cache (see `preprocess`)
    let best = arcIn + arcOut - rs.skip1[v];
    this.tmpAfter = -1;
    const s = this.slot(u, rV);
    for (let k = 0; k < 3; k++) {
      const p = this.insAfter[3 * s + k];
      if (p < 0) break;
      if (p === v || p === pv) continue;
      const c = this.insCost[3 * s + k];
      if (c < best) {
        best = c;
        this.tmpAfter = p;
      }
      break;
    }
    return best;
  }

  evaluate(rU: number, rV: number): number {
    const rs = this.rs, data = rs.data, cp = data.cp;
    if (rs.len[rU] === 0 || rs.len[rV] === 0) return Infinity;
    this.preprocess(rU, rV);
    this.preprocess(rV, rU);
    const dims = cp.dims;
    const tU = rs.typeOf(rU), tV = rs.typeOf(rV);
    const eU = data.endOf(rU), eV = data.endOf(rV);
    const vis = data.visits.load;
    const wQ = data.wQ;
    // load estimate: swapping u for v changes each route's peak by at most the visits' own peaks
    const exU0 = rs.loadExcess[rU], exV0 = rs.loadExcess[rV];
    let best = -MOVE_EPS;
    this.bestU = -1;
    const aU = rs.nodes[rU], aV = rs.nodes[rV];
    const partner = data.partner;
    // the arcs of the estimates: with symmetric costs each read comes from a row that stays
    // in cache for the whole inner loop (u's, and those of u's neighbours), not from a column
    const DU = data.typeArc[tU], DV = data.typeArc[tV], pt = data.visits.first, P = data.P;
    const symU = data.arcSymmetric[tU] === 1, symV = data.arcSymmetric[tV] === 1;
    for (let p = 1; p <= rs.len[rU]; p++) {
      const u = aU[p];
      if (partner[u] >= 0) continue; // shipment stops move in pairs (RelocateShipment)
      const pu = aU[p - 1], nu = aU[p + 1];
      const rowU = pt[u] * P, rowPu = pt[pu] * P, rowNu = pt[nu] * P, ptU = pt[u], ptNu = pt[nu];
      for (let q = 1; q <= rs.len[rV]; q++) {
        const v = aV[q];
        if (partner[v] >= 0) continue;
        let pen = 0;
        for (let d = 0; d < dims; d++) {
          const qu = vis.peak[u * dims + d], qv = vis.peak[v * dims + d];
          const LU = rs.prefix.load.peak[eU * dims + d], LV = rs.prefix.load.peak[eV * dims + d];
          const x = LU - qu + qv - cp.typeCap[tU * dims + d], y = LV - qv + qu - cp.typeCap[tV * dims + d];
          pen += (x > 0 ? x : 0) + (y > 0 ? y : 0);
        }
        const rem = this.removal[u] + this.removal[v] + wQ * (pen - exU0 - exV0);
        if (rem >= best) continue; // insertion costs are ≥ 0 under the triangle inequality
        const pv = aV[q - 1], ptPv = pt[pv], ptNv = pt[aV[q + 1]], ptV = pt[v];
        const cu = this.bestInsert(u, v, rV, pv, symV ? DV[rowU + ptPv] : DV[ptPv * P + ptU], DV[rowU + ptNv]);
        const au = this.tmpAfter;
        const cv = this.bestInsert(v, u, rU, pu, DU[rowPu + ptV], symU ? DU[rowNu + ptV] : DU[ptV * P + ptNu]);
        const d = rem + cu + cv;
        if (d < best) {
          best = d;
          this.bestU = u;
          this.bestV = v;
          this.afterU = au;
          this.afterV = this.tmpAfter;
        }
      }
    }
    if (this.bestU < 0) return Infinity;
    const cV = this.price(this.bestU, this.bestV, this.afterU, rs.a);
    const cU = this.price(this.bestV, this.bestU, this.afterV, rs.b);
    return cU + cV - rs.cost[rU] - rs.cost[rV];
  }

  /** Exact cost of v's route after removing v and inserting u after node `after` (-1: in v's place). */
  private price(u: number, v: number, after: number, acc: Concat): number {
    const rs = this.rs;
    const r = rs.routeOf[v];
    const t = rs.typeOf(r);
    const pv = rs.pos[v], m = rs.len[r];
    const a = rs.nodes[r];
    if (after < 0) return acc.start(rs.prefix, a[pv - 1], t).node(u).append(rs.suffix, a[pv + 1]).price();
    const pa = rs.pos[after];
    if (pa < pv) {
      acc.start(rs.prefix, after, t).node(u);
      if (pa + 1 <= pv - 1) rs.appendBetween(acc, r, pa + 1, pv - 1);
      return acc.append(rs.suffix, a[pv + 1]).price();
    }
    acc.start(rs.prefix, a[pv - 1], t);
    if (pv + 1 <= pa) rs.appendBetween(acc, r, pv + 1, pa);
    acc.node(u);
    void m;
    return acc.append(rs.suffix, a[pa + 1]).price();
  }

  apply(rU: number, rV: number): void {
    const rs = this.rs;
    const u = this.bestU, v = this.bestV;
    const build = (r: number, out: number, inn: number, after: number, buf: Int32Array): number => {
      const a = rs.nodes[r];
      let k = 0;
      if (after < 0) {
        for (let p = 1; p <= rs.len[r]; p++) buf[k++] = a[p] === out ? inn : a[p];
        return k;
      }
      if (after === a[0]) buf[k++] = inn;
      for (let p = 1; p <= rs.len[r]; p++) {
        if (a[p] !== out) buf[k++] = a[p];
        if (a[p] === after) buf[k++] = inn;
      }
      return k;
    };
    const kU = build(rU, u, v, this.afterV, rs.bufA);
    const kV = build(rV, v, u, this.afterU, rs.bufB);
    rs.setRoute(rU, rs.bufA, 0, kU);
    rs.setRoute(rV, rs.bufB, 0, kV);
    rs.update(rU);
    rs.update(rV);
  }
}

function inSector(s: number, e: number, a: number): boolean {
  return (a - s + CIRCLE) % CIRCLE <= (e - s + CIRCLE) % CIRCLE;
}
