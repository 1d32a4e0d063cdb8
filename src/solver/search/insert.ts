/**
 * Greedy insertion of unrouted clients (the "recreate" of ruin-and-recreate
 * and of PyVRP's perturbation): a client goes to the cheapest position next
 * to one of its routed neighbours (before or after it), or into an empty
 * route of some vehicle type when that is cheaper. When none of its
 * neighbours is routed, every route is scanned. A shipment goes in whole:
 * its pickup at such a position and its delivery at the best place after
 * it in the same route.
 */
import { detourFloor, type DetourFloor } from './detour-floor.js';
import type { Neighbourhood } from './neighbourhood.js';
import type { SearchRoutes } from './routes.js';

export class Inserter {
  /** Empty-route slots per vehicle type are scanned from these offsets. */
  private readonly typeFirst: Int32Array;
  private readonly typeEnd: Int32Array;
  /** Detour floors, computed at the first shipment (a plain problem never reads them). */
  private floor: DetourFloor | null = null;

  constructor(private readonly rs: SearchRoutes, private readonly nb: Neighbourhood) {
    const T = rs.data.cp.T;
    this.typeFirst = new Int32Array(T).fill(-1);
    this.typeEnd = new Int32Array(T).fill(-1);
    const st = rs.data.slotType;
    for (let r = 0; r < st.length; r++) {
      if (this.typeFirst[st[r]] < 0) this.typeFirst[st[r]] = r;
      this.typeEnd[st[r]] = r + 1;
    }
  }

  /**
   * Most non-empty routes the recreate and the local search may reach by
   * opening an empty one (the ILS's route cap, see `IlsParams.routeCapSlack`).
   */
  routeCap = Infinity;

  /** An empty route slot of vehicle type t, or -1 (also when the route cap is reached). */
  emptyRoute(t: number): number {
    const rs = this.rs;
    if (rs.used >= this.routeCap) return -1;
    for (let r = this.typeFirst[t]; r >= 0 && r < this.typeEnd[t]; r++) if (rs.len[r] === 0) return r;
    return -1;
  }

  /** Inserts unrouted client u at its cheapest position in route r (empty or not) and updates the route. */
  insertInto(u: number, r: number): void {
    const rs = this.rs, a = rs.nodes[r];
    let best = Infinity, bestP = 0;
    for (let p = 0; p <= rs.len[r]; p++) {
      const d = this.delta(u, a[p]);
      if (d < best) {
        best = d;
        bestP = p;
      }
    }
    rs.insert(u, r, bestP + 1);
    rs.update(r);
  }

  /** Cost delta of inserting u after node `after` (a start sentinel or client). */
  private delta(u: number, after: number): number {
    const rs = this.rs;
    const r = rs.routeOf[after];
    const nx = rs.nodes[r][rs.pos[after] + 1];
    return rs.a.start(rs.prefix, after, rs.typeOf(r)).node(u).append(rs.suffix, nx).price() - rs.cost[r];
  }

  /**
   * Inserts unrouted client u (with its shipment partner, if any) at its best
   * position and updates the route. When clients are optional, only when that
   * costs less than its order's prize (unless `force`); returns whether it did.
   */
  insert(u: number, force = false): boolean {
    const z = this.rs.data.partner[u];
    const limit = this.rs.data.cp.optional && !force ? this.rs.data.cp.prize[z >= 0 && !this.rs.data.isPickup[u] ? z : u] : Infinity;
    if (z >= 0) {
      if (this.rs.routeOf[u] >= 0 || this.rs.routeOf[z] >= 0) return false;
      return this.insertShipment(this.rs.data.isPickup[u] ? u : z, limit);
    }
    const rs = this.rs, nb = this.nb, data = rs.data;
    let best = Infinity, bestAfter = -1;
    let anyRouted = false;
    for (let q = nb.start[u]; q < nb.start[u + 1]; q++) {
      const v = nb.list[q];
      if (rs.routeOf[v] < 0) continue;
      anyRouted = true;
      let d = this.delta(u, v);
      if (d < best) {
        best = d;
        bestAfter = v;
      }
      const p = rs.prev(v);
      if (p >= rs.n) {
        d = this.delta(u, p);
        if (d < best) {
          best = d;
          bestAfter = p;
        }
      }
    }
    if (!anyRouted) {
      for (let r = 0; r < rs.R; r++) {
        const a = rs.nodes[r];
        for (let p = 0; p <= rs.len[r] && rs.len[r] > 0; p++) {
          const d = this.delta(u, a[p]);
          if (d < best) {
            best = d;
            bestAfter = a[p];
          }
        }
      }
    }
    for (let t = 0; t < data.cp.T; t++) {
      const r = this.emptyRoute(t);
      if (r < 0) continue;
      const d = this.delta(u, data.startOf(r));
      if (d < best) {
        best = d;
        bestAfter = data.startOf(r);
      }
    }
    if (best >= limit) return false;
    if (bestAfter < 0) bestAfter = data.startOf(0);
    const r = rs.routeOf[bestAfter];
    rs.insert(u, r, rs.pos[bestAfter] + 1);
    rs.update(r);
    return true;
  }

  /**
   * Cost delta of the best placement of the delivery after pickup `pickup`
   * inserted after node `after` (its position in `pairAt`), or Infinity when
   * none costs less than `bound` (a delta). The part before the delivery
   * grows with its position and a price never falls when a segment is
   * appended (see relocate-shipment.ts), so the scan stops once that part
   * alone costs as much as the best placement found or the bound.
   */
  private pairDelta(pickup: number, delivery: number, after: number, bound: number): number {
    const rs = this.rs;
    const r = rs.routeOf[after];
    const a = rs.nodes[r], m = rs.len[r], t = rs.typeOf(r);
    const pa = rs.pos[after];
    const limit = bound + rs.cost[r];
    let best = Infinity;
    // fixed and arc costs bound a placement's price from below (every other
    // term only adds): placements whose bound reaches the best so far are skipped
    const data = rs.data;
    const arcs = m > 0 ? rs.fixedCost[r] + rs.arcCost[r] : -Infinity;
    const nx = a[pa + 1];
    const withPickup = arcs + data.arc(t, after, pickup) + data.arc(t, pickup, nx) - data.arc(t, after, nx);
    // every placement adds a detour of the delivery to withPickup (see detour-floor.ts)
    const floor = (this.floor ??= detourFloor(data));
    if (floor.metric[t] && withPickup >= limit + floor.tol[t]) return Infinity;
    // the delivery's arcs from its own row (symmetric costs: one read per position)
    const D = data.typeArc[t], P = data.P, pt = data.visits.first, out = rs.arcOut, row = pt[delivery] * P;
    const sym = data.arcSymmetric[t] === 1;
    let right = sym ? D[row + pt[nx]] : 0;
    for (let j = pa; j <= m; j++) {
      let lb: number;
      if (j === pa) lb = arcs + data.arc(t, after, pickup) + data.arc(t, pickup, delivery) + data.arc(t, delivery, nx) - data.arc(t, after, nx);
      else if (sym) {
        const left = right;
        right = D[row + pt[a[j + 1]]];
        lb = withPickup + left + right - out[a[j]];
      } else lb = withPickup + data.arc(t, a[j], delivery) + data.arc(t, delivery, a[j + 1]) - data.arc(t, a[j], a[j + 1]);
      if (lb >= (best < limit ? best : limit)) continue;
      const acc = rs.a.start(rs.prefix, after, t).node(pickup);
      if (j > pa) rs.appendBetween(acc, r, pa + 1, j);
      if (acc.price() >= (best < limit ? best : limit)) break;
      const c = acc.node(delivery).append(rs.suffix, a[j + 1]).price();
      if (c < best) {
        best = c;
        this.pairAt = j;
      }
    }
    return best - rs.cost[r];
  }

  private pairAt = -1;

  /** Inserts an unrouted shipment (by its pickup) at its best placement when that costs less than `limit`. */
  private insertShipment(pickup: number, limit: number): boolean {
    const rs = this.rs, nb = this.nb, data = rs.data;
    const delivery = data.partner[pickup];
    let best = Infinity, bestAfter = -1, bestAt = -1;
    const consider = (after: number) => {
      const d = this.pairDelta(pickup, delivery, after, best);
      if (d < best) {
        best = d;
        bestAfter = after;
        bestAt = this.pairAt;
      }
    };
    let anyRouted = false;
    for (let q = nb.start[pickup]; q < nb.start[pickup + 1]; q++) {
      const v = nb.list[q];
      if (rs.routeOf[v] < 0) continue;
      anyRouted = true;
      consider(v);
      const p = rs.prev(v);
      if (p >= rs.n) consider(p);
    }
    if (!anyRouted) {
      for (let r = 0; r < rs.R; r++) {
        if (rs.len[r] === 0) continue;
        for (let p = 0; p <= rs.len[r]; p++) consider(rs.nodes[r][p]);
      }
    }
    for (let t = 0; t < data.cp.T; t++) {
      const r = this.emptyRoute(t);
      if (r >= 0) consider(data.startOf(r));
    }
    if (best >= limit) return false;
    if (bestAfter < 0) {
      bestAfter = data.startOf(0);
      bestAt = rs.pos[bestAfter];
    }
    const r = rs.routeOf[bestAfter];
    // the delivery first (it goes further right), then the pickup
    rs.insert(delivery, r, bestAt + 1);
    rs.insert(pickup, r, rs.pos[bestAfter] + 1);
    rs.update(r);
    return true;
  }

  /**
   * Optional clients: removes routed client u's order when that saves more
   * than its prize; returns whether it did.
   */
  removeIfWorth(u: number): boolean {
    const rs = this.rs, data = rs.data, cp = data.cp;
    const r = rs.routeOf[u];
    if (r < 0) return false;
    const z = data.partner[u];
    const first = z >= 0 && !data.isPickup[u] ? z : u;
    const prize = cp.prize[first];
    const a = rs.nodes[r], t = rs.typeOf(r);
    let c: number;
    if (z < 0) c = rs.a.start(rs.prefix, a[rs.pos[u] - 1], t).append(rs.suffix, a[rs.pos[u] + 1]).price();
    else {
      const pp = rs.pos[first], pd = rs.pos[data.partner[first]];
      const acc = rs.a.start(rs.prefix, a[pp - 1], t);
      if (pd > pp + 1) rs.appendBetween(acc, r, pp + 1, pd - 1);
      c = acc.append(rs.suffix, a[pd + 1]).price();
    }
    if (c - rs.cost[r] + prize >= -1e-7) return false;
    rs.remove(first);
    if (z >= 0) rs.remove(data.partner[first]);
    rs.update(r);
    return true;
  }
}
