/**
 * A solution of the search: routes per fleet slot plus its giant tour, with
 * cost components (so penalised costs can be recomputed when penalties
 * change) and successor/predecessor arrays for the broken-pairs distance.
 */
import type { Seg } from './segments.js';

/** Feasibility tolerance on load excess and time warp. */
export const EPS = 1e-7;

export class Individual {
  /** Giant tour (all clients). */
  tour: Int32Array;
  /** Clients of each fleet slot in visiting order (empty arrays for unused slots). */
  routes: Int32Array[];
  succ: Int32Array;
  pred: Int32Array;
  baseCost = 0;
  loadExcess = 0;
  timeWarp = 0;
  penalisedCost = 0;
  nbRoutes = 0;
  feasible = false;
  biasedFitness = 0;
  /** Other individuals of the same subpopulation sorted by broken-pairs distance. */
  proximity: { d: number; ind: Individual }[] = [];

  constructor(n: number, R: number) {
    this.tour = new Int32Array(n);
    this.routes = new Array(R);
    for (let r = 0; r < R; r++) this.routes[r] = new Int32Array(0);
    this.succ = new Int32Array(n);
    this.pred = new Int32Array(n);
  }

  /**
   * Recomputes costs, feasibility and succ/pred from `routes` with the given
   * accumulator (its penalty weights are used), and rebuilds the giant tour in
   * route order when `rebuildTour` is set.
   */
  evaluate(seg: Seg, n: number, slotType: Int32Array, rebuildTour: boolean, routeOrder?: number[]): void {
    let base = 0, lx = 0, tw = 0, cost = 0, nb = 0;
    for (let r = 0; r < this.routes.length; r++) {
      const route = this.routes[r];
      if (route.length === 0) continue;
      nb++;
      seg.initNode(n + 2 * r, slotType[r]);
      for (let i = 0; i < route.length; i++) {
        seg.node(route[i]);
        this.pred[route[i]] = i === 0 ? -1 : route[i - 1];
        this.succ[route[i]] = i === route.length - 1 ? -1 : route[i + 1];
      }
      seg.node(n + 2 * r + 1);
      cost += seg.cost();
      base += seg.baseCost;
      lx += seg.loadExcess;
      tw += seg.timeWarp;
      if (seg.bad > 0) tw += 1; // marks infeasibility (not-allowed vehicle)
    }
    this.baseCost = base;
    this.loadExcess = lx;
    this.timeWarp = tw;
    this.penalisedCost = cost;
    this.nbRoutes = nb;
    this.feasible = lx <= EPS && tw <= EPS;
    if (rebuildTour) {
      let k = 0;
      const order = routeOrder ?? [...this.routes.keys()];
      for (const r of order) for (const c of this.routes[r]) this.tour[k++] = c;
    }
  }

  /** Penalised cost under other weights. */
  costWith(wQ: number, wTW: number): number {
    return this.baseCost + wQ * this.loadExcess + wTW * this.timeWarp;
  }

  /** Broken-pairs distance to another individual, normalised by n (HGS.md §6). */
  brokenPairs(o: Individual): number {
    const n = this.succ.length;
    let diff = 0;
    for (let j = 0; j < n; j++) {
      const s = this.succ[j];
      if (s !== o.succ[j] && s !== o.pred[j]) diff++;
      if (this.pred[j] === -1 && o.pred[j] !== -1 && o.succ[j] !== -1) diff++;
    }
    return diff / Math.max(1, n);
  }

  /** Deep copy of routes and tour (not of proximity). */
  copyFrom(o: Individual): void {
    this.tour.set(o.tour);
    for (let r = 0; r < o.routes.length; r++) this.routes[r] = o.routes[r].slice();
    this.succ.set(o.succ);
    this.pred.set(o.pred);
    this.baseCost = o.baseCost;
    this.loadExcess = o.loadExcess;
    this.timeWarp = o.timeWarp;
    this.penalisedCost = o.penalisedCost;
    this.nbRoutes = o.nbRoutes;
    this.feasible = o.feasible;
  }
}
