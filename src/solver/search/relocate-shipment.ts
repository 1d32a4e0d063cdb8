/**
 * Moves a whole shipment to another route (PyVRP's RelocateShipment; the
 * pair move of the PDPTW literature): both stops leave u's route; in v's route
 * the stop u names goes right after v and its partner at its best place on
 * the right side of it (a delivery after its pickup, a pickup before its
 * delivery). Every such place is first bounded by the fixed and arc costs of
 * the two new routes (as `notBetter`: every other term only adds), a few
 * array reads each; only the places that could improve are priced exactly,
 * in O(1) each through between-position segments. The bound never rejects an
 * improving placement, so the move found is the one a full scan finds.
 */
import { detourFloor, type DetourFloor } from './detour-floor.js';
import type { BinaryOperator } from './operator.js';
import type { SearchRoutes } from './routes.js';

export class RelocateShipment implements BinaryOperator {
  readonly name = 'relocate-shipment';
  /** Positions after which the pickup and the delivery go, found by the last evaluation. */
  private bestI = -1;
  private bestJ = -1;
  private best = Infinity;
  /** Positions of the partner that pass the bound, in increasing order. */
  private readonly cand: Int32Array;
  /** The arc bound of each candidate (as tested against 0). */
  private readonly lbs: Float64Array;
  private readonly floor: DetourFloor;

  constructor(private readonly rs: SearchRoutes) {
    this.cand = new Int32Array(rs.n + 2);
    this.lbs = new Float64Array(rs.n + 2);
    this.floor = detourFloor(rs.data);
  }

  evaluate(u: number, v: number): number {
    const rs = this.rs, data = rs.data;
    const z = u < rs.n ? data.partner[u] : -1;
    if (z < 0) return Infinity;
    const rU = rs.routeOf[u], rV = rs.routeOf[v];
    if (rU < 0 || rV < 0 || rU === rV) return Infinity;
    const pv = rs.pos[v];
    if (pv > rs.len[rV]) return Infinity;
    const pickup = data.isPickup[u] ? u : z, delivery = data.isPickup[u] ? z : u;
    if (u === delivery && pv === 0) return Infinity;
    const aU = rs.nodes[rU], aV = rs.nodes[rV];
    const tU = rs.typeOf(rU), tV = rs.typeOf(rV);
    const pp = rs.pos[pickup], pd = rs.pos[delivery];
    // Lower bound in fixed and arc costs, as `notBetter` (every other term
    // only adds): u's route without the shipment, plus v's route with its
    // arcs changed by `dV`; a placement can only improve when slack + dV < 0.
    // (u's arcs read from the per-node arc caches: the same values as the matrix)
    const pPrev = aU[pp - 1], dNext = aU[pd + 1];
    const out = rs.arcOut, skip1 = rs.skip1;
    let arcU = rs.arcCost[rU] - out[pPrev] - out[delivery];
    if (pd === pp + 1) arcU += rs.skip2[pickup] - out[pickup];
    else arcU += skip1[pickup] - out[pickup] + skip1[delivery] - out[aU[pd - 1]];
    const current = rs.cost[rU] + rs.cost[rV];
    const slack = (rs.len[rU] > 2 ? rs.fixedCost[rU] + arcU : 0) + rs.fixedCost[rV] + rs.arcCost[rV] - current + 1e-7;
    const cand = this.cand, lbs = this.lbs;
    let k = 0;
    if (u === pickup) {
      // pickup right after v; the delivery after any position j >= pv
      const nx = aV[pv + 1];
      const dP = data.arc(tV, v, pickup) - data.arc(tV, v, nx);
      const lbPair = slack + dP + data.arc(tV, pickup, delivery) + data.arc(tV, delivery, nx);
      if (lbPair < 0) {
        lbs[k] = lbPair;
        cand[k++] = pv;
      }
      const dPalone = slack + dP + data.arc(tV, pickup, nx);
      // every placement adds the delivery's detour to dPalone: none wins when
      // detours cannot be negative and the pickup alone already loses
      if (this.floor.metric[tV] && dPalone >= this.floor.tol[tV]) return Infinity;
      k = this.scanDetours(tV, aV, pv + 1, rs.len[rV], delivery, dPalone, k);
    } else {
      // delivery right after v; the pickup after any position i < pv
      const dD = slack + this.detour(tV, aV, pv, delivery);
      if (this.floor.metric[tV] && dD >= this.floor.tol[tV]) return Infinity;
      k = this.scanDetours(tV, aV, 0, pv - 1, pickup, dD, k);
    }
    if (k === 0) return Infinity;
    // u's route without the shipment, priced exactly
    const a = rs.a.start(rs.prefix, pPrev, tU);
    if (pd > pp + 1) rs.appendBetween(a, rU, pp + 1, pd - 1);
    const cU = a.append(rs.suffix, dNext).price();
    this.best = Infinity;
    this.bestI = -1;
    this.bestJ = -1;
    // Candidate x's new route in v costs at least lbs[x] + toPrice: it is
    // priced only when that could beat the best so far, and the candidate
    // with the lowest bound goes first (it often is the best); on equal
    // prices the earlier position wins, as in a scan in position order.
    const toPrice = current - 1e-7 - (rs.len[rU] > 2 ? rs.fixedCost[rU] + arcU : 0);
    let first = 0;
    for (let x = 1; x < k; x++) if (lbs[x] < lbs[first]) first = x;
    if (u === pickup) {
      // in increasing j the part before the delivery only grows, and a price
      // never falls when a segment is appended (arcs, durations, time warp and
      // load excess only add up; the pickup's amount is on board there in
      // every placement): once that part alone costs more than the best
      // placement or than any improving move allows, no later j can win
      const bound = current - cU;
      this.pricePlacement(pickup, delivery, rV, tV, pv, cand[first]);
      for (let x = 0; x < k; x++) {
        if (x === first || lbs[x] + toPrice > this.best + 1e-6) continue;
        const j = cand[x];
        const b = rs.b.start(rs.prefix, v, tV).node(pickup);
        if (j > pv) rs.appendBetween(b, rV, pv + 1, j);
        if (b.price() >= Math.min(this.best, bound)) break;
        this.keep(b.node(delivery).append(rs.suffix, aV[j + 1]).price(), pv, j);
      }
    } else {
      for (let y = 0; y < k; y++) {
        const x = y === 0 ? first : y <= first ? y - 1 : y;
        if (y > 0 && lbs[x] + toPrice > this.best + 1e-6) continue;
        this.pricePlacement(pickup, delivery, rV, tV, cand[x], pv);
      }
    }
    return cU + this.best - current;
  }

  /**
   * Appends to the candidates every position x in lo..hi of a route with
   * nodes `a` (vehicle type t) where `base` plus the arc detour of stop w
   * after x is below 0 (the partner's places; returns the new count). Its
   * arcs read from w's own row (symmetric costs: one read per position, each
   * read serving two positions): this is the operator's hot loop on long routes.
   */
  private scanDetours(t: number, a: Int32Array, lo: number, hi: number, w: number, base: number, k: number): number {
    const rs = this.rs, data = rs.data, out = rs.arcOut, cand = this.cand, lbs = this.lbs;
    const D = data.typeArc[t], P = data.P, pt = data.visits.first;
    const into = pt[w], from = into * P;
    if (data.arcSymmetric[t]) {
      let left = D[from + pt[a[lo]]];
      for (let x = lo; x <= hi; x++) {
        const right = D[from + pt[a[x + 1]]];
        const lb = base + left + right - out[a[x]];
        if (lb < 0) {
          lbs[k] = lb;
          cand[k++] = x;
        }
        left = right;
      }
    } else {
      let next = pt[a[lo]];
      for (let x = lo; x <= hi; x++) {
        const at = next;
        next = pt[a[x + 1]];
        const lb = base + D[at * P + into] + D[from + next] - out[a[x]];
        if (lb < 0) {
          lbs[k] = lb;
          cand[k++] = x;
        }
      }
    }
    return k;
  }

  /** Prices the pickup after position i and the delivery after position j ≥ i of route rV (type tV) and keeps it when best. */
  private pricePlacement(pickup: number, delivery: number, rV: number, tV: number, i: number, j: number): void {
    const rs = this.rs, aV = rs.nodes[rV];
    const b = rs.b.start(rs.prefix, aV[i], tV).node(pickup);
    if (j > i) rs.appendBetween(b, rV, i + 1, j);
    this.keep(b.node(delivery).append(rs.suffix, aV[j + 1]).price(), i, j);
  }

  /** Keeps placement (i, j) priced c when it beats the best, or ties it at an earlier position. */
  private keep(c: number, i: number, j: number): void {
    if (c < this.best || (c === this.best && (i < this.bestI || (i === this.bestI && j < this.bestJ)))) {
      this.best = c;
      this.bestI = i;
      this.bestJ = j;
    }
  }

  /** Arc-cost change of inserting x between positions p and p + 1 of a route with nodes `a` (vehicle type t). */
  private detour(t: number, a: Int32Array, p: number, x: number): number {
    const data = this.rs.data;
    return data.arc(t, a[p], x) + data.arc(t, x, a[p + 1]) - data.arc(t, a[p], a[p + 1]);
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
    const first = this.bestI; // the pickup goes after this position
    const second = this.bestJ; // the delivery after this one (first <= second)
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
