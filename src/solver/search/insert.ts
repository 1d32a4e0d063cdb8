/**
 * Greedy insertion of unrouted clients (the "recreate" of ruin-and-recreate
 * and of PyVRP's perturbation): a client goes to the cheapest position next
 * to one of its routed neighbours (before or after it), or into an empty
 * route of some vehicle type when that is cheaper. When none of its
 * neighbours is routed, every route is scanned.
 */
import type { Neighbourhood } from './neighbourhood.js';
import type { SearchRoutes } from './routes.js';

export class Inserter {
  /** Empty-route slots per vehicle type are scanned from these offsets. */
  private readonly typeFirst: Int32Array;
  private readonly typeEnd: Int32Array;

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

  /** An empty route slot of vehicle type t, or -1. */
  emptyRoute(t: number): number {
    const rs = this.rs;
    for (let r = this.typeFirst[t]; r >= 0 && r < this.typeEnd[t]; r++) if (rs.len[r] === 0) return r;
    return -1;
  }

  /** Cost delta of inserting u after node `after` (a start sentinel or client). */
  private delta(u: number, after: number): number {
    const rs = this.rs;
    const r = rs.routeOf[after];
    const nx = rs.nodes[r][rs.pos[after] + 1];
    return rs.a.start(rs.prefix, after, rs.typeOf(r)).node(u).append(rs.suffix, nx).price() - rs.cost[r];
  }

  /** Inserts unrouted client u at its best position and updates the route. */
  insert(u: number): void {
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
    if (bestAfter < 0) bestAfter = data.startOf(0);
    const r = rs.routeOf[bestAfter];
    rs.insert(u, r, rs.pos[bestAfter] + 1);
    rs.update(r);
  }
}
