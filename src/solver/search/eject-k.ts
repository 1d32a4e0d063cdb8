/**
 * Insertion with up to k ejections from one route (Nagata & Bräysy 2009's
 * lexicographic search, written our way): for every route and every position
 * of client v, the sets of clients to eject are enumerated in position order
 * by a depth-first walk that extends the route's kept prefix one visit at a
 * time. A branch is cut as soon as
 * - the sum of the ejected clients' failure counters (Psum) exceeds the best
 *   found so far (counters are positive, so it only grows deeper), or
 * - the kept prefix (start, kept clients, v once passed) has time warp: no
 *   later ejection can repair a prefix that is late already.
 * Each candidate set is priced in O(1): the kept prefix, then the stored
 * segment between the last ejection and v's position, v, and the stored
 * suffix. Among the feasible sets the smallest Psum wins, ties broken by the
 * route's new cost.
 */
import { Concat } from './concat.js';
import type { SearchRoutes } from './routes.js';

const FEASIBLE_EPS = 1e-7;

/** The best insertion of a client with up to k ejections. */
export interface KEjection {
  route: number;
  /** Insert v before this position (1 ≤ p ≤ len + 1 of the route as it is now). */
  position: number;
  /** Number of ejected clients and their positions (ascending) in `ejected[0..k)`. */
  k: number;
  ejected: Int32Array;
  /** Psum of the ejected clients, and the route's base-cost change. */
  score: number;
  cost: number;
}

export class KEjector {
  /** Per depth: the kept prefix after the last ejection, and the prefix walked on from it. */
  private readonly state: Concat[];
  private readonly runs: Concat[];
  private readonly done: Concat;
  private readonly path: Int32Array;
  private readonly counter: Int32Array;
  // the search in progress
  private r = 0;
  private p = 0;
  private v = 0;
  private bestScore = Infinity;
  private bestCost = Infinity;
  private depth = 1;
  private out: KEjection | null = null;
  /** Prefix extensions and completions priced (statistics). */
  visits = 0;

  constructor(private readonly rs: SearchRoutes, readonly kMax: number, counter: Int32Array) {
    this.state = Array.from({ length: kMax + 1 }, () => new Concat(rs.data));
    this.runs = Array.from({ length: kMax }, () => new Concat(rs.data));
    this.done = new Concat(rs.data);
    this.path = new Int32Array(kMax + 1);
    this.counter = counter;
  }

  /** Creates an empty result with room for `kMax` ejections. */
  static choice(kMax: number): KEjection {
    return { route: -1, position: 0, k: 0, ejected: new Int32Array(kMax), score: 0, cost: 0 };
  }

  /**
   * Searches every non-empty route other than `skip` for the insertion of v
   * with 1..kMax ejections of least (Psum, cost); sets `out` and returns true
   * when one exists. `bound` (Infinity: none) discards sets whose Psum exceeds it.
   */
  best(v: number, skip: number, out: KEjection, bound = Infinity): boolean {
    const rs = this.rs;
    this.v = v;
    this.out = out;
    this.bestScore = bound;
    this.bestCost = Infinity;
    out.route = -1;
    // single ejections first: their best Psum bounds the deeper search
    for (let depth = 1; depth <= this.kMax; depth = depth === 1 ? this.kMax : depth + 1) {
      this.depth = depth;
      for (let r = 0; r < rs.R; r++) {
        if (rs.len[r] === 0 || r === skip) continue;
        this.r = r;
        const type = rs.typeOf(r);
        for (let p = 1; p <= rs.len[r] + 1; p++) {
          this.p = p;
          this.state[0].startNode(rs.nodes[r][0], type);
          this.walk(0, 0, 0);
        }
      }
      if (depth === this.kMax) break;
    }
    return out.route >= 0;
  }

  /**
   * From the prefix `state[d]` whose last ejection is at position q: try every
   * next ejection q' > q (the client just before v's position is never ejected:
   * v one position earlier gives the same route).
   */
  private walk(d: number, q: number, psum: number): void {
    const rs = this.rs, r = this.r, p = this.p, v = this.v, a = rs.nodes[r], m = rs.len[r];
    const run = this.runs[d].copy(this.state[d]);
    const counter = this.counter;
    for (let q2 = q + 1; q2 <= m; q2++) {
      if (q2 === p) {
        run.node(v);
        this.visits++;
        if (run.time.timeWarp > FEASIBLE_EPS) return;
      }
      const s = psum + counter[a[q2]];
      if (s <= this.bestScore && q2 !== p - 1) {
        this.path[d] = q2;
        this.state[d + 1].copy(run);
        this.complete(d + 1, q2, s, this.state[d + 1]);
        if (d + 1 < this.depth) this.walk(d + 1, q2, s);
      }
      run.node(a[q2]);
      this.visits++;
      if (run.time.timeWarp > FEASIBLE_EPS) return;
    }
  }

  /** Prices the route with the ejections path[0..k) (the last at q), v at p, and the prefix `pre`. */
  private complete(k: number, q: number, psum: number, pre: Concat): void {
    const rs = this.rs, r = this.r, p = this.p, a = rs.nodes[r];
    const acc = this.done.copy(pre);
    this.visits++;
    if (p > q) {
      if (q + 1 <= p - 1) rs.appendBetween(acc, r, q + 1, p - 1);
      acc.node(this.v).append(rs.suffix, a[p]);
    } else acc.append(rs.suffix, a[q + 1]);
    acc.price();
    if (acc.loadExcess > FEASIBLE_EPS || acc.timeWarp > FEASIBLE_EPS) return;
    const delta = acc.baseCost - rs.base[r];
    if (psum < this.bestScore || delta < this.bestCost) {
      this.bestScore = psum;
      this.bestCost = delta;
      const out = this.out!;
      out.route = r;
      out.position = p;
      out.k = k;
      for (let i = 0; i < k; i++) out.ejected[i] = this.path[i];
      out.score = psum;
      out.cost = delta;
    }
  }
}
