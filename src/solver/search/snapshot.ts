/**
 * A saved solution of the search: the clients of every route slot and the
 * cost parts (so it can be re-priced when penalty weights change).
 */
import type { SearchRoutes } from './routes.js';

export class Snapshot {
  routes: Int32Array[];
  base = 0;
  loadExcess = 0;
  timeWarp = 0;
  routeCount = 0;

  constructor(R: number) {
    this.routes = [];
    for (let r = 0; r < R; r++) this.routes.push(new Int32Array(0));
  }

  get feasible(): boolean {
    return this.loadExcess <= 1e-7 && this.timeWarp <= 1e-7;
  }

  /** Penalised cost under the given weights. */
  cost(wQ: number, wTW: number): number {
    return this.base + wQ * this.loadExcess + wTW * this.timeWarp;
  }

  /** Copies route r of the working solution. */
  saveRoute(rs: SearchRoutes, r: number): void {
    const m = rs.len[r];
    let a = this.routes[r];
    if (a.length !== m) a = this.routes[r] = new Int32Array(m);
    a.set(rs.nodes[r].subarray(1, m + 1));
  }

  /** Copies the cost parts of the working solution (the prizes of clients left out count as cost; the objective's term, see `SearchData.extraPrice`). */
  saveTotals(rs: SearchRoutes): void {
    let base = 0, lx = 0, tw = 0, k = 0;
    const cp = rs.data.cp;
    if (cp.optional) for (let c = 0; c < rs.n; c++) if (rs.routeOf[c] < 0) base += cp.prize[c];
    for (let r = 0; r < rs.R; r++) {
      if (rs.len[r] === 0) continue;
      k++;
      base += rs.base[r];
      lx += rs.loadExcess[r];
      tw += rs.timeWarp[r];
    }
    this.base = base + (rs.data.extraPrice ? rs.data.extraPrice(rs) : 0);
    this.loadExcess = lx;
    this.timeWarp = tw;
    this.routeCount = k;
  }

  /** Copies the whole working solution. */
  save(rs: SearchRoutes): this {
    for (let r = 0; r < rs.R; r++) this.saveRoute(rs, r);
    this.saveTotals(rs);
    return this;
  }

  copyFrom(o: Snapshot): this {
    for (let r = 0; r < o.routes.length; r++) this.routes[r] = o.routes[r].slice();
    this.base = o.base;
    this.loadExcess = o.loadExcess;
    this.timeWarp = o.timeWarp;
    this.routeCount = o.routeCount;
    return this;
  }

  /** Loads route r back into the working solution (and updates it). */
  restoreRoute(rs: SearchRoutes, r: number): void {
    rs.setRoute(r, this.routes[r]);
    rs.update(r);
  }

  /** Loads the whole snapshot into the working solution. */
  restore(rs: SearchRoutes): void {
    for (let r = 0; r < rs.R; r++) rs.clear(r);
    for (let r = 0; r < rs.R; r++) this.restoreRoute(rs, r);
  }
}
