/**
 * Moves a whole shipment to another route (PyVRP's RelocateShipment; the
 * pair move of the PDPTW literature): both stops leave u's route; in v's route
 * the stop u names goes right after v and its partner to its best place on
 * the right side of it (a delivery after its pickup, a pickup before its
 * delivery), every placement priced in O(1) through between-position segments.
 */
import type { BinaryOperator } from './operator.js';
import type { SearchRoutes } from './routes.js';

export class RelocateShipment implements BinaryOperator {
  readonly name = 'relocate-shipment';
  /** Position after which the partner goes, found by the last evaluation. */
  private bestAt = -1;

  constructor(private readonly rs: SearchRoutes) {}

  evaluate(u: number, v: number): number {
    const rs = this.rs, data = rs.data;
    const z = u < rs.n ? data.partner[u] : -1;
    if (z < 0) return Infinity;
    const rU = rs.routeOf[u], rV = rs.routeOf[v];
    if (rU < 0 || rV < 0 || rU === rV) return Infinity;
    const pv = rs.pos[v];
    if (pv > rs.len[rV]) return Infinity;
    const pickup = data.isPickup[u] ? u : z, delivery = data.isPickup[u] ? z : u;
    // u's route without the shipment
    const aU = rs.nodes[rU];
    const pp = rs.pos[pickup], pd = rs.pos[delivery];
    const tU = rs.typeOf(rU), tV = rs.typeOf(rV);
    const a = rs.a.start(rs.prefix, aU[pp - 1], tU);
    if (pd > pp + 1) rs.appendBetween(a, rU, pp + 1, pd - 1);
    const cU = a.append(rs.suffix, aU[pd + 1]).price();
    const current = rs.cost[rU] + rs.cost[rV];
    const aV = rs.nodes[rV];
    const m = rs.len[rV];
    const b = rs.b;
    let best = Infinity;
    this.bestAt = -1;
    if (u === pickup) {
      // pickup after v, delivery after position j ≥ pv. The part before the
      // delivery grows with j and a price never falls when a segment is
      // appended (arcs, durations, time warp and load excess only add up; the
      // pickup's amount is on board there in every placement), so once that
      // part alone costs more than the best placement or than any improving
      // move allows, no later j can win.
      const bound = current - cU;
      for (let j = pv; j <= m; j++) {
        b.start(rs.prefix, v, tV).node(pickup);
        if (j > pv) rs.appendBetween(b, rV, pv + 1, j);
        if (b.price() >= Math.min(best, bound)) break;
        const c = b.node(delivery).append(rs.suffix, aV[j + 1]).price();
        if (c < best) {
          best = c;
          this.bestAt = j;
        }
      }
    } else {
      // delivery after v (a client), pickup after position j < pv
      if (pv === 0) return Infinity;
      for (let j = 0; j < pv; j++) {
        b.start(rs.prefix, aV[j], tV).node(pickup);
        if (j + 1 <= pv) rs.appendBetween(b, rV, j + 1, pv);
        const c = b.node(delivery).append(rs.suffix, aV[pv + 1]).price();
        if (c < best) {
          best = c;
          this.bestAt = j;
        }
      }
    }
    return cU + best - current;
  }

  apply(u: number, v: number): void {
    const rs = this.rs, data = rs.data;
    const z = data.partner[u];
    const pickup = data.isPickup[u] ? u : z, delivery = data.isPickup[u] ? z : u;
    const rU = rs.routeOf[u], rV = rs.routeOf[v];
    const aU = rs.nodes[rU], aV = rs.nodes[rV];
    const A = rs.bufA, B = rs.bufB;
    let k = 0;
    for (let p = 1; p <= rs.len[rU]; p++) if (aU[p] !== pickup && aU[p] !== delivery) A[k++] = aU[p];
    let q = 0;
    const pv = rs.pos[v], j = this.bestAt;
    // the stop u names sits right after v; the partner after position j
    const first = u === pickup ? pv : j; // pickup goes after this position
    const second = u === pickup ? j : pv; // delivery goes after this position
    if (first === 0) B[q++] = pickup;
    if (second === 0) B[q++] = delivery;
    for (let p = 1; p <= rs.len[rV]; p++) {
      B[q++] = aV[p];
      if (p === first) B[q++] = pickup;
      if (p === second) B[q++] = delivery;
    }
    rs.setRoute(rU, A, 0, k);
    rs.setRoute(rV, B, 0, q);
    rs.update(rU);
    rs.update(rV);
  }
}
