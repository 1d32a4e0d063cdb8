/**
 * Route elimination for the `fewest-vehicles` objective: a fleet limit that
 * keeps asking for one route fewer.
 *
 * When the search has gone `normalIterations` iterations without finding a plan
 * with fewer routes by itself (whole-route ruins, the route price in solution
 * totals), an attempt starts: with a best plan of k routes only k − 1 route
 * slots stay usable: the slots of the best plan's routes except its smallest one. Every
 * other slot is closed — its start sentinel only opens long after its end
 * closes, so a route there is time warp, priced by the penalty weights like
 * every other violation. (The start, not the end: segments keep their own start
 * when operators trade tails between routes, so every evaluation sees the
 * closure of the slot it prices.) The perturbation, the local search and the repair then push the
 * clients of the closed slot into the others; the first feasible plan found is
 * a new best with k − 1 routes (solution totals price a route above any cost),
 * and the limit tightens again at once. An attempt that finds nothing within
 * `attemptIterations` iterations is given up: every slot opens again and the
 * search improves the k-route plan's cost until the next attempt. (Attempt
 * iterations are slow — the candidates are infeasible and cheaper than the
 * best, so each is repaired — hence short attempts between long normal runs.)
 */
import type { SearchRoutes } from './routes.js';
import { UNREACHABLE_ARC } from '../compile-travel.js';

/**
 * A closed slot's start opens this many shift spans after its end closes:
 * enough time warp to empty it, small enough that costs keep their precision
 * beside it (a closure of 1e9 time units made the local search cycle on
 * rounding noise).
 */
const CLOSED_SPANS = 1;

export class FleetLimit {
  private readonly closed: Uint8Array;
  private readonly earliest: Float64Array;
  private readonly latest: Float64Array;
  private active = false;
  /** Iteration of the last change (attempt started or given up). */
  private since = 0;
  private bestRoutes = Infinity;

  constructor(rs: SearchRoutes, readonly normalIterations: number, readonly attemptIterations: number) {
    this.closed = new Uint8Array(rs.R);
    this.earliest = new Float64Array(rs.R);
    this.latest = new Float64Array(rs.R);
    const t = rs.data.visits.time;
    // A slot without a shift end gets one that no route can reach (so that closing it can be priced).
    const horizon = reachableHorizon(rs);
    for (let r = 0; r < rs.R; r++) {
      const e = rs.data.endOf(r);
      if (!Number.isFinite(t.latest[e])) t.latest[e] = horizon;
      this.earliest[r] = t.earliest[rs.data.startOf(r)];
      this.latest[r] = t.latest[rs.data.startOf(r)];
    }
    for (let r = 0; r < rs.R; r++) rs.update(r);
  }

  /**
   * Attempts given up so far. During an attempt the current plan may settle on
   * fewer routes than the best with time warp (the totals price a route above
   * the warp at moderate weights) and stay there after the slots open again —
   * on Solomon R210 a single route of 100 clients, every candidate repaired,
   * 40 iterations per second instead of 600 — so the ILS looks at the plan
   * when this count grows (`routeMin.lapsed`, search/ils-fewest.ts).
   */
  lapses = 0;

  /** Whether an attempt is under way (slots closed). */
  get attempting(): boolean {
    return this.active;
  }

  /**
   * Between iterations: start, continue, or give up an attempt at one route
   * fewer. With `hold` (the route phase may still resume, route-phase.ts) no
   * attempt starts, but fewer routes are still counted, so an attempt can
   * start as soon as the hold ends.
   */
  step(rs: SearchRoutes, iteration: number, best: { routes: Int32Array[]; routeCount: number } | null, hold = false): void {
    if (!best) return;
    if (best.routeCount < this.bestRoutes) {
      this.bestRoutes = best.routeCount;
      if (this.active) this.tighten(rs, best.routes, iteration);
      else this.since = iteration;
    } else if (hold) {
      return;
    } else if (this.active && iteration - this.since >= this.attemptIterations) {
      this.open(rs, iteration);
    } else if (!this.active && iteration - this.since >= this.normalIterations) {
      this.tighten(rs, best.routes, iteration);
    }
  }

  /** Closes every slot but those of `routes`' non-empty routes, and the smallest of those. */
  private tighten(rs: SearchRoutes, routes: Int32Array[], iteration: number): void {
    let smallest = -1;
    let used = 0;
    for (let r = 0; r < routes.length; r++) {
      if (routes[r].length === 0) continue;
      used++;
      if (smallest < 0 || routes[r].length < routes[smallest].length) smallest = r;
    }
    this.since = iteration;
    if (used <= 1) {
      this.active = false;
      return;
    }
    this.active = true;
    for (let r = 0; r < rs.R; r++) this.set(rs, r, routes[r].length === 0 || r === smallest);
    for (let r = 0; r < rs.R; r++) rs.update(r);
  }

  /** Opens every slot. */
  private open(rs: SearchRoutes, iteration: number): void {
    this.active = false;
    this.lapses++;
    this.since = iteration;
    for (let r = 0; r < rs.R; r++) this.set(rs, r, false);
    for (let r = 0; r < rs.R; r++) rs.update(r);
  }

  private set(rs: SearchRoutes, r: number, closed: boolean): void {
    const t = rs.data.visits.time;
    const s = rs.data.startOf(r);
    const end = t.latest[rs.data.endOf(r)];
    this.closed[r] = closed ? 1 : 0;
    const from = Number.isFinite(this.earliest[r]) ? this.earliest[r] : Math.min(0, end);
    const opens = end + CLOSED_SPANS * Math.max(1, end - from);
    t.earliest[s] = closed ? opens : this.earliest[r];
    t.latest[s] = closed ? opens : this.latest[r];
  }
}

/** A time no route reaches: the latest finite window or shift bound, plus every service and every client's longest arc. */
function reachableHorizon(rs: SearchRoutes): number {
  const cp = rs.data.cp;
  const P = cp.P;
  let bound = 0;
  for (let c = 0; c < cp.n; c++) {
    for (const x of [cp.early[c], cp.late[c], cp.release[c]]) if (Number.isFinite(x) && Math.abs(x) > bound) bound = Math.abs(x);
  }
  for (let k = 0; k < cp.T; k++) for (const x of [cp.typeShiftStart[k], cp.typeShiftEnd[k]]) if (Number.isFinite(x) && Math.abs(x) > bound) bound = Math.abs(x);
  let work = 0;
  for (let c = 0; c < cp.n; c++) {
    let worst = 0;
    for (let q = 0; q < P; q++) {
      const d = cp.dur[c * P + q];
      if (d < UNREACHABLE_ARC && d > worst) worst = d;
    }
    work += cp.service[c] + worst;
  }
  return bound + work + 1;
}
