/**
 * Insertion with up to k ejections from one route (Nagata & Bräysy 2009's
 * lexicographic search, written our way): for every route, the position of
 * client v and the clients to eject are enumerated in position order by one
 * depth-first walk that extends the route's kept prefix one visit at a time
 * (v is placed once on the way). A branch is cut as soon as
 * - the sum of the ejected clients' failure counters (Psum) exceeds the best
 *   found so far (counters are positive, so it only grows deeper), or
 * - the kept prefix (start, kept clients, v once passed) has time warp: no
 *   later ejection can repair a prefix that is late already.
 * Each candidate is priced in O(1): the kept prefix (v included) and the
 * stored suffix after the last change. Among the feasible sets the smallest Psum wins, ties broken by the
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
  /** Per depth and whether v is placed (index 2d + placed): the kept prefix after the last change, and the prefix walked on from it. */
  private readonly state: Concat[];
  private readonly runs: Concat[];
  private readonly done: Concat;
  private readonly path: Int32Array;
  private readonly counter: Int32Array;
  // the search in progress
  private r = 0;
  private p = 0;
  private v = 0;
  private depth = 1;
  private bestScore = Infinity;
  private bestCost = Infinity;
  private out: KEjection | null = null;

  /**
   * `longRoute`: routes with more clients than this are searched with single
   * ejections only.
   */
  constructor(private readonly rs: SearchRoutes, readonly kMax: number, counter: Int32Array, readonly longRoute = Infinity) {
    this.state = Array.from({ length: 2 * kMax + 2 }, () => new Concat(rs.data));
    this.runs = Array.from({ length: 2 * kMax + 2 }, () => new Concat(rs.data));
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
      for (let r = 0; r < rs.R; r++) {
        const m = rs.len[r];
        if (m === 0 || r === skip) continue;
        // long routes: single ejections only (the deeper walk grows like m^k there and time warp prunes little)
        if (m > this.longRoute && depth > 1) continue;
        this.depth = depth;
        this.r = r;
        this.state[0].startNode(rs.nodes[r][0], rs.typeOf(r));
        this.walk(0, 1, 0, 0, -1);
      }
      if (depth === this.kMax) break;
    }
    return out.route >= 0;
  }

  /**
   * From the prefix `state[2d + placed]` (d ejections so far, v in it when
   * `placed`), walks on from position i: at each position v may be placed
   * (unless at `noPlace`: right after an ejection, placing v equals placing it
   * before the ejected client), the client there may be ejected, and it is
   * kept to go on.
   */
  private walk(d: number, i: number, psum: number, placed: number, noPlace: number): void {
    const rs = this.rs, r = this.r, v = this.v, a = rs.nodes[r], m = rs.len[r];
    const counter = this.counter, depth = this.depth;
    const run = this.runs[2 * d + placed].copy(this.state[2 * d + placed]);
    for (let q = i; q <= m + 1; q++) {
      if (!placed && q !== noPlace) {
        const st = this.state[2 * d + 1].copy(run).node(v);
        if (st.time.timeWarp <= FEASIBLE_EPS) {
          this.p = q;
          if (d > 0) this.complete(d, psum, st, a[q]);
          if (q <= m) this.walk(d, q, psum, 1, -1);
        }
      }
      if (q > m) return;
      const s = psum + counter[a[q]];
      if (d < depth && s <= this.bestScore) {
        this.path[d] = q;
        const st = this.state[2 * (d + 1) + placed].copy(run);
        if (placed) this.complete(d + 1, s, st, a[q + 1]);
        if (d + 1 < depth || !placed) this.walk(d + 1, q + 1, s, placed, q + 1);
      }
      run.node(a[q]);
      if (run.time.timeWarp > FEASIBLE_EPS) return;
    }
  }

  /** Prices the kept prefix `pre` (v in it at this.p) followed by the stored suffix from node `from`, with the ejections path[0..k). */
  private complete(k: number, psum: number, pre: Concat, from: number): void {
    const rs = this.rs, r = this.r;
    const acc = this.done.copy(pre).append(rs.suffix, from);
    acc.price();
    if (acc.loadExcess > FEASIBLE_EPS || acc.timeWarp > FEASIBLE_EPS) return;
    const delta = acc.baseCost - rs.base[r];
    if (psum < this.bestScore || delta < this.bestCost) {
      this.bestScore = psum;
      this.bestCost = delta;
      const out = this.out!;
      out.route = r;
      out.position = this.p;
      out.k = k;
      for (let j = 0; j < k; j++) out.ejected[j] = this.path[j];
      out.score = psum;
      out.cost = delta;
    }
  }
}
