/**
 * Insertion with ejection (Nagata & Bräysy's route minimisation, written our
 * way): client v goes into a route at a position where it does not fit, and
 * up to two of the route's clients leave so that the route becomes feasible.
  * Single ejections are searched first and pairs only when no single one
 * works. Among the feasible choices the one whose ejected clients have the smallest
 * sum of failure counters wins (clients that were hard to place before stay),
 * ties broken by the route's cost.
 *
 * Every candidate route is priced in O(1) from stored segments: the prefix up
 * to the first change, between-position segments for the kept runs, v, and
 * the suffix after the last change.
 */
import type { SearchRoutes } from './routes.js';

/** The best insertion-with-ejection found for one client. */
export interface EjectionChoice {
  route: number;
  /** Insert v before this position (1 ≤ p ≤ len + 1 of the route as it is now). */
  position: number;
  /** Positions of the ejected clients (ascending; -1 when unused). */
  eject1: number;
  eject2: number;
  /** Sum of the failure counters of the ejected clients, and the route's new base cost. */
  score: number;
  cost: number;
}

const FEASIBLE_EPS = 1e-7;

export class Ejector {
  /** Routes longer than this are searched with single ejections only (pairs are cubic in the length). */
  readonly pairLimit: number;

  constructor(private readonly rs: SearchRoutes, pairLimit = 30) {
    this.pairLimit = pairLimit;
  }

  /**
   * Prices route r with v inserted before position p and the clients at
   * positions q1 < q2 removed (-1: none; v < 0: no insertion); returns the
   * base cost, or Infinity when the result is not feasible.
   */
  price(r: number, v: number, p: number, q1: number, q2: number): number {
    const rs = this.rs, a = rs.nodes[r], acc = rs.a, type = rs.typeOf(r);
    if (q1 < 0) {
      // plain insertion
      acc.start(rs.prefix, a[p - 1], type).node(v).append(rs.suffix, a[p]);
    } else if (q2 < 0 && v >= 0) {
      if (q1 < p) {
        acc.start(rs.prefix, a[q1 - 1], type);
        if (q1 + 1 <= p - 1) rs.appendBetween(acc, r, q1 + 1, p - 1);
        acc.node(v).append(rs.suffix, a[p]);
      } else {
        acc.start(rs.prefix, a[p - 1], type).node(v);
        if (p <= q1 - 1) rs.appendBetween(acc, r, p, q1 - 1);
        acc.append(rs.suffix, a[q1 + 1]);
      }
    } else return this.priceGeneral(r, v, p, q1, q2);
    acc.price();
    if (acc.loadExcess > FEASIBLE_EPS || acc.timeWarp > FEASIBLE_EPS) return Infinity;
    return acc.baseCost;
  }

  /** `price` for removals only or two removals: kept runs walked in position order. */
  private priceGeneral(r: number, v: number, p: number, q1: number, q2: number): number {
    const rs = this.rs, a = rs.nodes[r], m = rs.len[r], acc = rs.a, type = rs.typeOf(r);
    let from = 0; // first position of the current kept run
    let started = false;
    const keep = (to: number): void => {
      if (to < from) return;
      if (!started) {
        acc.start(rs.prefix, a[to], type);
        started = true;
      } else rs.appendBetween(acc, r, from, to);
    };
    let insDone = v < 0;
    for (let k = 0; k < 2; k++) {
      const q = k === 0 ? q1 : q2;
      if (q < 0) continue;
      if (!insDone && p <= q) {
        keep(p - 1);
        acc.node(v);
        from = p;
        insDone = true;
      }
      keep(q - 1);
      from = q + 1;
    }
    if (!insDone) {
      keep(p - 1);
      acc.node(v);
      from = p;
    }
    if (from > m + 1) return Infinity;
    acc.append(rs.suffix, a[from]);
    acc.price();
    if (acc.loadExcess > FEASIBLE_EPS || acc.timeWarp > FEASIBLE_EPS) return Infinity;
    return acc.baseCost;
  }

  /** Time warp of the prefix up to position p − 1 followed by v (`before`), and of v followed by the suffix from p (`after`). */
  private sides(r: number, v: number, p: number): void {
    const rs = this.rs, a = rs.nodes[r], acc = rs.a, type = rs.typeOf(r);
    acc.start(rs.prefix, a[p - 1], type).node(v).price();
    this.before = acc.timeWarp;
    acc.startNode(v, type).append(rs.suffix, a[p]).price();
    this.after = acc.timeWarp;
  }

  private before = 0;
  private after = 0;

  /**
   * The cheapest feasible plain insertion of v (no ejection) into a non-empty
   * route other than `skip`; sets `out` and returns true when one exists.
   */
  bestInsertion(v: number, skip: number, out: EjectionChoice): boolean {
    const rs = this.rs;
    let best = Infinity;
    for (let r = 0; r < rs.R; r++) {
      const m = rs.len[r];
      if (m === 0 || r === skip) continue;
      for (let p = 1; p <= m + 1; p++) {
        const c = this.price(r, v, p, -1, -1);
        if (c === Infinity) continue;
        const delta = c - rs.base[r];
        if (delta < best) {
          best = delta;
          out.route = r;
          out.position = p;
          out.eject1 = out.eject2 = -1;
          out.score = 0;
          out.cost = delta;
        }
      }
    }
    return best < Infinity;
  }

  /**
   * The best insertion of v with one or two ejections into a non-empty route
   * other than `skip`, by (sum of `counter` over the ejected, cost); sets
   * `out` and returns true when one exists.
   */
  bestEjection(v: number, skip: number, counter: Int32Array, out: EjectionChoice): boolean {
    const rs = this.rs;
    let bestScore = Infinity, bestCost = Infinity;
    const consider = (r: number, p: number, q1: number, q2: number, score: number): void => {
      if (score > bestScore) return;
      const c = this.price(r, v, p, q1, q2);
      if (c === Infinity) return;
      const delta = c - rs.base[r];
      if (score < bestScore || delta < bestCost) {
        bestScore = score;
        bestCost = delta;
        out.route = r;
        out.position = p;
        out.eject1 = q1;
        out.eject2 = q2;
        out.score = score;
        out.cost = delta;
      }
    };
    for (let r = 0; r < rs.R; r++) {
      const m = rs.len[r];
      if (m === 0 || r === skip) continue;
      const a = rs.nodes[r];
      // where v goes: if the part before it is late already, only an ejection before v can help, and vice versa
      for (let p = 1; p <= m + 1; p++) {
        this.sides(r, v, p);
        const lateBefore = this.before > FEASIBLE_EPS, lateAfter = this.after > FEASIBLE_EPS;
        if (lateBefore && lateAfter) continue;
        const lo = lateAfter ? p : 1, hi = lateBefore ? p - 1 : m;
        for (let q1 = lo; q1 <= hi; q1++) {
          const s1 = counter[a[q1]];
          if (s1 <= bestScore) consider(r, p, q1, -1, s1);
        }
      }
    }
    // pairs only when no single ejection works (pairs are cubic in the route length)
    if (bestScore < Infinity) return true;
    for (let r = 0; r < rs.R; r++) {
      const m = rs.len[r];
      if (m < 2 || r === skip || m > this.pairLimit) continue;
      const a = rs.nodes[r];
      for (let q1 = 1; q1 < m; q1++) {
        const s1 = counter[a[q1]];
        if (s1 >= bestScore) continue;
        for (let q2 = q1 + 1; q2 <= m; q2++) {
          const s = s1 + counter[a[q2]];
          if (s > bestScore) continue;
          for (let p = 1; p <= m + 1; p++) consider(r, p, q1, q2, s);
        }
      }
    }
    return bestScore < Infinity;
  }
}
