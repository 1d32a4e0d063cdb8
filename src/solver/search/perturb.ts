/**
 * Perturbation of the iterated local search (PyVRP's PerturbationManager,
 * a small ruin-and-recreate): a random client and its nearest neighbours —
 * between `min` and `max` clients in all — are removed from their routes and
 * greedily re-inserted one by one, in random order, at their best positions
 * next to routed neighbours. With probability `routeRate` the ruin takes a
 * whole short route instead (the shorter of two random routes), which is how
 * the search sheds routes the objective does not need. Every client touched
 * is marked promising, so the local search that follows works only around
 * the change. With `stringMax` the ruin cuts strings instead (after
 * Christiaens & Vanden Berghe's SISR, 2020): from each route met among the
 * client and its neighbours, one run of up to `stringMax` consecutive clients
 * around the client met — slack in several nearby routes at once, where the
 * re-insertion can rebuild a stretch differently.
 */
import type { Rng } from '../../core/rng.js';
import type { Inserter } from './insert.js';
import type { LocalSearch } from './local-search.js';
import type { Neighbourhood } from './neighbourhood.js';
import type { SearchRoutes } from './routes.js';

export class Perturbation {
  private readonly removed: Int32Array;
  /** Per route: the ruin that last took clients from it. */
  private readonly seenRoute: Int32Array;
  /** The routes the current ruin took clients from (scattered ruins). */
  private readonly ruined: Int32Array;
  private stamp = 0;

  constructor(
    private readonly rs: SearchRoutes,
    private readonly nb: Neighbourhood,
    private readonly inserter: Inserter,
    private readonly ls: LocalSearch,
    private readonly rng: Rng,
    readonly min: number,
    readonly max: number,
    readonly routeRate = 0,
    /** Longest string one route loses in a string ruin; 0 = scattered ruins (the neighbours themselves). */
    public stringMax = 0,
  ) {
    this.removed = new Int32Array(rs.n);
    this.seenRoute = new Int32Array(rs.R).fill(-1);
    this.ruined = new Int32Array(rs.R);
  }

  /** Ruins and recreates around a random client; returns the number of clients moved. */
  perturb(): number {
    const rs = this.rs, nb = this.nb, ls = this.ls, rng = this.rng;
    const n = rs.n;
    if (n === 0) return 0;
    ls.promising.fill(0);
    let k: number;
    if (this.max < 0) {
      // skewed towards small ruins, with a tail up to -max clients
      const u = rng.next();
      k = this.min + Math.floor((-this.max - this.min + 1) * u * u);
    } else {
      const max = this.max > 0 ? this.max : this.autoMax();
      k = this.min + rng.int(Math.max(0, max - this.min) + 1);
    }
    const u = rng.int(n);
    let count = 0;
    const partner = rs.data.partner;
    // the routes lose their clients one by one and are refreshed once at the end of the ruin:
    // `remove` keeps routes and positions valid in between, which is all the ruin reads
    const ruined = this.ruined, seen = this.seenRoute;
    let nRuined = 0;
    const stamp = ++this.stamp;
    const cut = (x: number) => {
      ls.markPromising(x);
      const r = rs.routeOf[x];
      rs.remove(x);
      if (seen[r] !== stamp) {
        seen[r] = stamp;
        ruined[nRuined++] = r;
      }
      this.removed[count++] = x;
    };
    const take = (w: number) => {
      if (count >= k || rs.routeOf[w] < 0) return;
      // a shipment leaves whole
      const z = partner[w];
      cut(w);
      if (z >= 0) cut(z);
    };
    const route = this.routeRate > 0 && rng.next() < this.routeRate ? this.shortRoute() : -1;
    if (route >= 0) {
      const a = rs.nodes[route];
      const m = rs.len[route];
      for (let p = 1; p <= m; p++) {
        ls.markPromising(a[p]);
        this.removed[count++] = a[p];
      }
      rs.clear(route);
      rs.update(route);
    } else if (this.stringMax > 0 && !rs.data.hasShipments) {
      // strings: from each route met among u and its neighbours, one run of consecutive clients
      const cutString = (w: number) => {
        const r = rs.routeOf[w];
        if (count >= k || r < 0 || seen[r] === stamp) return;
        seen[r] = stamp;
        const m = rs.len[r];
        const l = 1 + rng.int(Math.min(m, this.stringMax, k - count));
        // a string of l clients that contains w
        const pw = rs.pos[w];
        const lo = Math.max(1, pw - l + 1), hi = Math.min(pw, m - l + 1);
        const from = lo + rng.int(hi - lo + 1);
        const a = rs.nodes[r];
        for (let q = 0; q < l; q++) {
          const x = a[from + q];
          ls.markPromising(x);
          this.removed[count + q] = x;
        }
        for (let q = 0; q < l; q++) rs.remove(this.removed[count + q]);
        count += l;
        rs.update(r);
      };
      cutString(u);
      for (let q = nb.start[u]; q < nb.start[u + 1] && count < k; q++) cutString(nb.list[q]);
    } else {
      take(u);
      for (let q = nb.start[u]; q < nb.start[u + 1] && count < k; q++) take(nb.list[q]);
      for (let i = 0; i < nRuined; i++) rs.update(ruined[i]);
    }
    // re-insert in random order
    for (let i = count - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = this.removed[i];
      this.removed[i] = this.removed[j];
      this.removed[j] = t;
    }
    for (let i = 0; i < count; i++) {
      const w = this.removed[i];
      this.inserter.insert(w);
      ls.markPromising(w);
    }
    return count;
  }

  /** Without a set maximum: about one route's worth of clients (the mean route length), within [8, 25]. */
  private autoMax(): number {
    const rs = this.rs;
    let used = 0;
    for (let r = 0; r < rs.R; r++) if (rs.len[r] > 0) used++;
    const mean = used > 0 ? rs.n / used : rs.n;
    return Math.max(8, Math.min(25, Math.round(mean)));
  }

  /** The shorter of two random non-empty routes (-1 when fewer than two routes are used). */
  private shortRoute(): number {
    const rs = this.rs;
    let used = 0;
    for (let r = 0; r < rs.R; r++) if (rs.len[r] > 0) used++;
    if (used < 2) return -1;
    const pick = () => {
      let k = this.rng.int(used);
      for (let r = 0; r < rs.R; r++) if (rs.len[r] > 0 && k-- === 0) return r;
      return -1;
    };
    const a = pick(), b = pick();
    return rs.len[a] <= rs.len[b] ? a : b;
  }
}
