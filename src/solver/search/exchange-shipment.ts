/**
 * Exchanges two shipments between routes (the pair exchange of the PDPTW
 * literature, PyVRP's SwapShipment-like move): u's shipment leaves u's route
 * A, v's shipment leaves v's route B, and each goes into the other route at
 * the best placement of its two stops (pickup before delivery). The two sides
 * are independent, so the best exchange is the best placement on each side.
 *
 * Cheap when it cannot win: each side is first bounded by its fixed and arc
 * costs (as `notBetter`: every other term only adds): the route's arcs
 * without its own shipment (the removal, known in O(1) from the per-node arc
 * caches) plus the cheapest arc detour of the incoming pair over every
 * placement (one scan of the route). Before any scan, when detours cannot be
 * negative, an O(1) bound from cached single-stop detours rejects most pairs,
 * and a pair of shipments already found not to improve on the same route
 * versions is not priced again (exchange-caches.ts). Placements whose bound cannot beat the
 * best so far, or cannot make the exchange improve, are never priced; those
 * priced cost O(1) each through between-position segments. The bound never
 * rejects an improving placement, so the move found is the one a full scan
 * finds.
 */
import { detourFloor, type DetourFloor } from './detour-floor.js';
import type { Concat } from './concat.js';
import { MOVE_EPS, type BinaryOperator } from './operator.js';
import type { SearchRoutes } from './routes.js';
import { DetourCache, SeenPairs } from './exchange-caches.js';

/** One side of the exchange: a route without its own shipment, receiving another one. */
class Side {
  /** The route's nodes without its shipment (start sentinel … end sentinel), m' + 2 of them. */
  readonly seq: Int32Array;
  /** Arc detour of the incoming pickup / delivery alone after position x of `seq`, and of both together (pickup then delivery). */
  readonly detP: Float64Array;
  readonly detD: Float64Array;
  readonly adj: Float64Array;
  /** Per x: the least of detD[j] over j > x (Infinity at the end). */
  readonly minDAfter: Float64Array;
  r = 0;
  t = 0;
  /** Positions of the leaving pickup and delivery in route r. */
  qp = 0;
  qd = 0;
  /** Clients left (m'), the arc sum without the shipment, and the cheapest insertion detour. */
  m = 0;
  arcs = 0;
  minIns = 0;
  /** Incoming pickup and delivery. */
  p = 0;
  d = 0;
  /** The best placement priced: pickup after seq[bestI], delivery after seq[bestJ] (bestI ≤ bestJ). */
  best = Infinity;
  bestI = -1;
  bestJ = -1;

  constructor(n: number) {
    this.seq = new Int32Array(n + 2);
    this.detP = new Float64Array(n + 2);
    this.detD = new Float64Array(n + 2);
    this.adj = new Float64Array(n + 2);
    this.minDAfter = new Float64Array(n + 2);
  }

  /** Sets the side up: route r loses the shipment (pickup, delivery) and receives (p, d); scans every detour. */
  scan(rs: SearchRoutes, r: number, pickup: number, delivery: number, p: number, d: number): void {
    const data = rs.data, a = rs.nodes[r], m = rs.len[r], t = rs.typeOf(r);
    this.r = r;
    this.t = t;
    this.p = p;
    this.d = d;
    const qp = (this.qp = rs.pos[pickup]), qd = (this.qd = rs.pos[delivery]);
    // arcs without the shipment, from the per-node caches (as relocate-shipment.ts)
    const out = rs.arcOut, skip1 = rs.skip1;
    let arcs = rs.arcCost[r] - out[a[qp - 1]] - out[delivery];
    if (qd === qp + 1) arcs += rs.skip2[pickup] - out[pickup];
    else arcs += skip1[pickup] - out[pickup] + skip1[delivery] - out[a[qd - 1]];
    this.arcs = arcs;
    const seq = this.seq;
    let k = 0;
    for (let x = 0; x <= m + 1; x++) if (x !== qp && x !== qd) seq[k++] = a[x];
    const mm = (this.m = k - 2);
    const D = data.typeArc[t], P = data.P, pt = data.visits.first;
    const rowP = pt[p] * P, rowD = pt[d] * P, colP = pt[p], colD = pt[d];
    const pd = D[rowP + colD];
    const detP = this.detP, detD = this.detD, adj = this.adj;
    for (let x = 0; x <= mm; x++) {
      const s = pt[seq[x]] * P, e = pt[seq[x + 1]];
      const base = D[s + e];
      const toP = D[s + colP], toD = D[s + colD];
      const fromP = D[rowP + e], fromD = D[rowD + e];
      detP[x] = toP + fromP - base;
      detD[x] = toD + fromD - base;
      adj[x] = toP + pd + fromD - base;
    }
    // the cheapest placement's detour: both together, or the pickup after x and the delivery after some j > x
    const after = this.minDAfter;
    after[mm] = Infinity;
    for (let x = mm - 1; x >= 0; x--) after[x] = detD[x + 1] < after[x + 1] ? detD[x + 1] : after[x + 1];
    let min = Infinity;
    for (let x = 0; x <= mm; x++) {
      const c = adj[x] < detP[x] + after[x] ? adj[x] : detP[x] + after[x];
      if (c < min) min = c;
    }
    this.minIns = min;
  }

  /** Lower bound of the side's new route price (fixed + arc costs). */
  bound(rs: SearchRoutes): number {
    return rs.fixedCost[this.r] + this.arcs + this.minIns;
  }

  /** Route position of position x of `seq`. */
  private at(x: number): number {
    return x < this.qp ? x : x < this.qd - 1 ? x + 1 : x + 2;
  }

  /** Appends route positions s..e (clients) without the leaving pickup and delivery. */
  private pieces(rs: SearchRoutes, acc: Concat, s: number, e: number): void {
    let x = s;
    if (this.qp >= x && this.qp <= e) {
      if (this.qp > x) rs.appendBetween(acc, this.r, x, this.qp - 1);
      x = this.qp + 1;
    }
    if (this.qd >= x && this.qd <= e) {
      if (this.qd > x) rs.appendBetween(acc, this.r, x, this.qd - 1);
      x = this.qd + 1;
    }
    if (x <= e) rs.appendBetween(acc, this.r, x, e);
  }

  /** Starts `acc` with seq[0..i] and the incoming pickup, then seq[i+1..j] (the part before the delivery). */
  private head(rs: SearchRoutes, acc: Concat, i: number, j: number): Concat {
    const a = rs.nodes[this.r];
    const bi = this.at(i);
    if (bi < this.qp) acc.start(rs.prefix, a[bi], this.t);
    else {
      acc.start(rs.prefix, a[this.qp - 1], this.t);
      this.pieces(rs, acc, this.qp + 1, bi);
    }
    acc.node(this.p);
    if (j > i) this.pieces(rs, acc, bi + 1, this.at(j));
    return acc;
  }

  /** Ends `acc` (after the part before the delivery, seq[..j]) with the delivery and the rest of the route; returns its price. */
  private tail(rs: SearchRoutes, acc: Concat, j: number): number {
    const a = rs.nodes[this.r];
    acc.node(this.d);
    const s = this.at(j) + 1;
    if (s > this.qd) return acc.append(rs.suffix, a[s]).price();
    this.pieces(rs, acc, s, this.qd);
    return acc.append(rs.suffix, a[this.qd + 1]).price();
  }

  /** Exact price of the placement (i, j) (scratch accumulator `acc`). */
  price(rs: SearchRoutes, acc: Concat, i: number, j: number): number {
    return this.tail(rs, this.head(rs, acc, i, j), j);
  }

  /**
   * The best placement's exact price among those whose arc bound is below
   * `limit` (a route price); Infinity when none is. Lowest arc bound first;
   * on equal prices the earlier placement wins, as in a scan in order.
   */
  solve(rs: SearchRoutes, acc: Concat, limit: number): number {
    const base = rs.fixedCost[this.r] + this.arcs;
    const detP = this.detP, detD = this.detD, adj = this.adj, after = this.minDAfter, mm = this.m;
    this.best = Infinity;
    this.bestI = -1;
    this.bestJ = -1;
    // the placement of the least arc bound first (it often is the best)
    let fi = -1, fj = -1, fl = Infinity;
    for (let x = 0; x <= mm; x++) {
      if (adj[x] < fl) {
        fl = adj[x];
        fi = x;
        fj = x;
      }
      if (detP[x] + after[x] < fl) {
        fl = detP[x] + after[x];
        fi = x;
        fj = -1;
      }
    }
    if (base + fl >= limit) return Infinity;
    if (fj < 0) for (let j = fi + 1; j <= mm; j++) if (detD[j] === after[fi]) { fj = j; break; }
    this.keep(this.price(rs, acc, fi, fj), fi, fj);
    for (let i = 0; i <= mm; i++) {
      const lim = this.best < limit ? this.best : limit;
      const pl = base + detP[i];
      if (base + adj[i] >= lim + 1e-6 && pl + after[i] >= lim + 1e-6) continue;
      for (let j = i; j <= mm; j++) {
        const cap = (this.best < limit ? this.best : limit) + 1e-6;
        const lb = j === i ? base + adj[i] : pl + detD[j];
        if (lb >= cap || (i === fi && j === fj)) continue;
        // the part before the delivery only grows with j, and a price never
        // falls when a segment is appended (see relocate-shipment.ts): once it
        // alone costs as much as the best or the limit, no later j can win
        const h = this.head(rs, acc, i, j);
        if (h.price() >= cap) break;
        this.keep(this.tail(rs, h, j), i, j);
      }
    }
    return this.best;
  }

  /** Keeps placement (i, j) priced c when it beats the best, or ties it at an earlier placement. */
  private keep(c: number, i: number, j: number): void {
    if (c < this.best || (c === this.best && (i < this.bestI || (i === this.bestI && j < this.bestJ)))) {
      this.best = c;
      this.bestI = i;
      this.bestJ = j;
    }
  }

  /** Writes the side's new client list (seq with the incoming pair at the best placement) into `buf`; returns its length. */
  write(buf: Int32Array): number {
    let q = 0;
    for (let x = 0; x <= this.m; x++) {
      if (x > 0) buf[q++] = this.seq[x];
      if (x === this.bestI) buf[q++] = this.p;
      if (x === this.bestJ) buf[q++] = this.d;
    }
    return q;
  }
}

export class ExchangeShipment implements BinaryOperator {
  readonly name = 'exchange-shipment';
  private readonly sideA: Side;
  private readonly sideB: Side;
  private readonly floor: DetourFloor;
  private readonly seen: SeenPairs;
  private readonly detours: DetourCache;

  constructor(private readonly rs: SearchRoutes) {
    this.sideA = new Side(rs.n);
    this.sideB = new Side(rs.n);
    this.floor = detourFloor(rs.data);
    this.seen = new SeenPairs(rs.n);
    this.detours = new DetourCache(rs.n, rs);
  }

  /**
   * Lower bound (fixed + arc costs) of route r without shipment (pickup,
   * delivery) and with (p, d) put in, when detours cannot be negative: a
   * placement of both costs at least the larger of their cheapest single
   * detours over the arcs of the route without its shipment — a subset of
   * the route's arcs and the one or two arcs that join the gaps.
   */
  private quickBound(r: number, pickup: number, delivery: number, p: number, d: number): number {
    const rs = this.rs, t = rs.typeOf(r), a = rs.nodes[r], out = rs.arcOut;
    const qp = rs.pos[pickup], qd = rs.pos[delivery];
    let arcs = rs.arcCost[r] - out[a[qp - 1]] - out[delivery];
    const minP = this.detours.get(p, r), minD = this.detours.get(d, r);
    let gP: number, gD: number;
    if (qd === qp + 1) {
      arcs += rs.skip2[pickup] - out[pickup];
      gP = this.gapDetour(t, a[qp - 1], a[qd + 1], p);
      gD = this.gapDetour(t, a[qp - 1], a[qd + 1], d);
    } else {
      arcs += rs.skip1[pickup] - out[pickup] + rs.skip1[delivery] - out[a[qd - 1]];
      gP = Math.min(this.gapDetour(t, a[qp - 1], a[qp + 1], p), this.gapDetour(t, a[qd - 1], a[qd + 1], p));
      gD = Math.min(this.gapDetour(t, a[qp - 1], a[qp + 1], d), this.gapDetour(t, a[qd - 1], a[qd + 1], d));
    }
    const lP = minP < gP ? minP : gP, lD = minD < gD ? minD : gD;
    return rs.fixedCost[r] + arcs + (lP > lD ? lP : lD) - 2 * this.floor.tol[t];
  }

  /** Arc detour of stop w between x and y (vehicle type t). */
  private gapDetour(t: number, x: number, y: number, w: number): number {
    const data = this.rs.data;
    return data.arc(t, x, w) + data.arc(t, w, y) - data.arc(t, x, y);
  }

  evaluate(u: number, v: number): number {
    const rs = this.rs, data = rs.data, n = rs.n;
    if (u >= n || v >= n) return Infinity;
    const zu = data.partner[u], zv = data.partner[v];
    if (zu < 0 || zv < 0) return Infinity;
    const rA = rs.routeOf[u], rB = rs.routeOf[v];
    if (rA < 0 || rB < 0 || rA === rB) return Infinity;
    const p1 = data.isPickup[u] ? u : zu, d1 = data.isPickup[u] ? zu : u;
    const p2 = data.isPickup[v] ? v : zv, d2 = data.isPickup[v] ? zv : v;
    // the same two shipments on the same two routes: the answer is known
    const lo = p1 < p2 ? p1 : p2, hi = p1 < p2 ? p2 : p1;
    const vLo = rs.version[rs.routeOf[lo]], vHi = rs.version[rs.routeOf[hi]];
    const s = this.seen.slot(lo, hi, data.wQ, data.wTW);
    if (this.seen.has(s, lo, hi, vLo, vHi)) return Infinity;
    const delta = this.price(rA, rB, p1, d1, p2, d2);
    if (!(delta < -MOVE_EPS)) this.seen.put(s, lo, hi, vLo, vHi);
    return delta;
  }

  /** Delta of the best exchange of shipment (p1, d1) on route rA with (p2, d2) on rB, or Infinity when none can improve. */
  private price(rA: number, rB: number, p1: number, d1: number, p2: number, d2: number): number {
    const rs = this.rs;
    const current = rs.cost[rA] + rs.cost[rB] - 1e-7;
    const A = this.sideA, B = this.sideB;
    // when detours cannot be negative, a bound from cached detours first (O(1) mostly)
    const metric = this.floor.metric[rs.typeOf(rA)] && this.floor.metric[rs.typeOf(rB)];
    let quickB = -Infinity;
    if (metric) {
      quickB = this.quickBound(rB, p2, d2, p1, d1);
      if (this.quickBound(rA, p1, d1, p2, d2) + quickB >= current) return Infinity;
    }
    // then A's exact bound (one scan), B's quick one, B's exact one
    A.scan(rs, rA, p1, d1, p2, d2);
    const lbA = A.bound(rs);
    if (lbA + quickB >= current) return Infinity;
    B.scan(rs, rB, p2, d2, p1, d1);
    const lbB = B.bound(rs);
    if (lbA + lbB >= current) return Infinity;
    const cA = A.solve(rs, rs.a, current - lbB);
    if (cA === Infinity) return Infinity;
    const cB = B.solve(rs, rs.b, current - cA);
    if (cB === Infinity) return Infinity;
    return cA + cB - rs.cost[rA] - rs.cost[rB];
  }

  apply(u: number, v: number): void {
    const rs = this.rs;
    const A = this.sideA, B = this.sideB;
    const rA = rs.routeOf[u], rB = rs.routeOf[v];
    const kA = A.write(rs.bufA), kB = B.write(rs.bufB);
    rs.setRoute(rA, rs.bufA, 0, kA);
    rs.setRoute(rB, rs.bufB, 0, kB);
    rs.update(rA);
    rs.update(rB);
  }
}
