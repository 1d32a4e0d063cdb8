/**
 * 2-opt inside one route (HGS.md §4, move 7): replaces the arcs (u, x) and
 * (v, y) by (u, v) and (x, y), reversing x..v. The reversed piece is priced
 * through the route's reversed between-positions table, so an evaluation is
 * O(1) on routes of any length (and O(1) by distance alone when a route's
 * cost is its distance on a symmetric matrix).
 */
import type { BinaryOperator } from './operator.js';
import type { SearchRoutes } from './routes.js';

export class TwoOpt implements BinaryOperator {
  readonly name = 'two-opt';

  constructor(private readonly rs: SearchRoutes) {}

  evaluate(u: number, v: number): number {
    const rs = this.rs, data = rs.data, cp = data.cp;
    const r = rs.routeOf[u];
    if (r < 0 || r !== rs.routeOf[v] || v >= rs.n) return Infinity;
    let pu = rs.pos[u], pv = rs.pos[v];
    if (pu > pv) {
      const t = pu;
      pu = pv;
      pv = t;
    }
    if (pv - pu < 2 || pv > rs.len[r]) return Infinity;
    const a = rs.nodes[r];
    // reversing pu+1..pv must not put a delivery before its pickup
    if (rs.stops[r] > 0 && !rs.precedenceKept(r, pu + 1, pv, (p) => (p > pu && p <= pv ? pu + 1 + pv - p : p))) return Infinity;
    const x1 = a[pu], x = a[pu + 1], v1 = a[pv], y = a[pv + 1];
    const current = rs.cost[r];
    const t = rs.typeOf(r);
    if (data.arcSymmetric[t]) {
      // reversing x..v keeps its inner arc cost: only two arcs change
      const dd = data.arc(t, x1, v1) + data.arc(t, x, y) - rs.arcOut[x1] - rs.arcOut[v1];
      if (rs.notBetter1(r, rs.arcCost[r] + dd, rs.len[r])) return Infinity;
      if (cp.intraDistanceOnly) return dd;
    }
    const acc = rs.a.start(rs.prefix, x1, t);
    rs.appendReversed(acc, r, pu + 1, pv);
    return acc.append(rs.suffix, y).price() - current;
  }

  apply(u: number, v: number): void {
    const rs = this.rs;
    const r = rs.routeOf[u];
    let pu = rs.pos[u], pv = rs.pos[v];
    if (pu > pv) {
      const t = pu;
      pu = pv;
      pv = t;
    }
    const a = rs.nodes[r];
    for (let i = pu + 1, j = pv; i < j; i++, j--) {
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    rs.update(r);
  }
}
