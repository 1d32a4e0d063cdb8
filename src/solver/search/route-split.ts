/**
 * A route-opening kick, the mirror of the elimination kick (route-kick.ts):
 * the clients nearest a random client — as many as a route of the plan with
 * one route more holds on average — leave their routes for an empty one,
 * each at its cheapest position there; the local search and the acceptance
 * then decide what to keep.
 *
 * On long routes with windows the plans the search settles in are often one
 * route off the shortest known, in both directions (Homberger 200 type 2:
 * C2_2_3 8 routes where 7 are best, R2_2_9 8 where 9 are): opening a route
 * costs a return trip to the depot that no single move pays for, as closing
 * one costs a wall of moves. Counted in random draws only, so seed and
 * iteration budget still give the same plan.
 */
import type { Rng } from '../../core/rng.js';
import type { Inserter } from './insert.js';
import type { Neighbourhood } from './neighbourhood.js';
import type { SearchRoutes } from './routes.js';

export class RouteSplit {
  private readonly picked: Int32Array;
  /** Routes the moved clients left (each refreshed once), marked with the split's stamp as in perturb.ts. */
  private readonly left: Int32Array;
  private readonly seenRoute: Int32Array;
  private stamp = 0;

  constructor(private readonly rs: SearchRoutes, private readonly nb: Neighbourhood, private readonly inserter: Inserter, private readonly rng: Rng) {
    this.picked = new Int32Array(rs.n);
    this.left = new Int32Array(rs.R);
    this.seenRoute = new Int32Array(rs.R);
  }

  /** Opens one route; false (the plan unchanged) when no empty route of the chosen client's type is left or nothing is routed. */
  split(): boolean {
    const rs = this.rs, n = rs.n, nb = this.nb;
    if (rs.used === 0 || n === 0) return false;
    let c = this.rng.int(n);
    for (let k = 0; k < n && rs.routeOf[c] < 0; k++) c = (c + 1) % n;
    if (rs.routeOf[c] < 0) return false;
    const target = this.inserter.emptyRoute(rs.typeOf(rs.routeOf[c]));
    if (target < 0) return false;
    const want = Math.max(2, Math.round(n / (rs.used + 1)));
    const picked = this.picked, left = this.left, seen = this.seenRoute, stamp = ++this.stamp;
    let m = 0;
    picked[m++] = c;
    for (let q = nb.start[c]; q < nb.start[c + 1] && m < want; q++) {
      const v = nb.list[q];
      if (rs.routeOf[v] >= 0) picked[m++] = v;
    }
    // out of their routes (`remove` keeps them readable; each is refreshed once), then into the empty one, nearest first
    let nLeft = 0;
    for (let i = 0; i < m; i++) {
      const r = rs.routeOf[picked[i]];
      rs.remove(picked[i]);
      if (seen[r] !== stamp) {
        seen[r] = stamp;
        left[nLeft++] = r;
      }
    }
    for (let i = 0; i < nLeft; i++) rs.update(left[i]);
    for (let i = 0; i < m; i++) this.inserter.insertInto(picked[i], target);
    return true;
  }
}
