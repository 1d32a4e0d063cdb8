/**
 * `fewest-vehicles`, after the route-minimisation phase (route-min.ts): an
 * adaptive route price for the local search's moves and the perturbation's
 * re-insertions.
 *
 * Solution totals price a route above any plan's cost, so an ILS candidate
 * with one route more than the current plan is rejected at once; the moves
 * themselves see a moderate fixed cost per route (objective.ts: a depot round
 * trip to an average client). Where the fewest routes are fewer than the
 * distance-optimal count, that moderate price is cheaper than squeezing a
 * client into a tight route, and about half of the candidates open a route
 * and are lost (bench/results/tuning.md, "Distance after route
 * minimisation"); a fixed dearer route helped there and hurt elsewhere.
 *
 * So the price follows the candidates: over each window of `window`
 * candidates the share that opened a route more than the current plan is
 * counted; above `high` the price doubles (up to `cap` round trips), below
 * `low` it halves (down to the moderate price). Driven by counts only, so
 * seed and iteration budget give the same plan.
 *
 * Solution totals do not change: the added price is taken back per used
 * route in `SearchData.extraPrice`, so acceptance, the best plan and the
 * reported costs stay those of the plain objective.
 */
import type { SearchRoutes } from './routes.js';

/** Settings of the adaptive price. */
export interface RoutePriceOptions {
  /** Candidates per decision. */
  window: number;
  /** Share of candidates opening a route above which the price doubles. */
  high: number;
  /** Share below which it halves. */
  low: number;
  /** Largest price, in units of the moderate one. */
  cap: number;
}

/**
 * Measured at 20 CPU-s on ten Solomon instances (bench/results/tuning.md,
 * "Adaptive route price"): thresholds 35 % / 10 % beat 25 % / 5 %, which
 * raised the price on RC207 (a share near 17 %) and lost distance there.
 */
export const ROUTE_PRICE_DEFAULTS: RoutePriceOptions = { window: 100, high: 0.35, low: 0.1, cap: 8 };

export class AdaptiveRoutePrice {
  /** The price the moves see now, in units of the moderate one (1 = the phase's price). */
  factor = 1;
  /** Decisions taken, and how many of them raised or lowered the price (statistics). */
  windows = 0;
  raises = 0;
  lowers = 0;
  private seen = 0;
  private opened = 0;
  /** What is added to every route's fixed cost now (`(factor − 1) × unit`). */
  private added = 0;
  private typeFixed: Float64Array | null = null;
  private readonly opts: RoutePriceOptions;

  /** `unit`: the moderate route price the moves see (objective.ts `fewestVehiclePrices(...).search`). */
  constructor(readonly unit: number, opts: Partial<RoutePriceOptions> = {}) {
    this.opts = { ...ROUTE_PRICE_DEFAULTS, ...opts };
  }

  /**
   * One ILS candidate: `more` = its routes minus the current plan's. At the end
   * of a window, doubles or halves the price (and re-prices every route);
   * returns whether the price changed.
   */
  observe(rs: SearchRoutes, more: number): boolean {
    this.seen++;
    if (more > 0) this.opened++;
    const o = this.opts;
    if (this.seen < o.window) return false;
    const share = this.opened / this.seen;
    this.seen = 0;
    this.opened = 0;
    this.windows++;
    let f = this.factor;
    if (share > o.high) f = Math.min(o.cap, 2 * f);
    else if (share < o.low) f = Math.max(1, f / 2);
    if (f === this.factor || !(this.unit > 0) || !Number.isFinite(this.unit)) return false;
    if (f > this.factor) this.raises++;
    else this.lowers++;
    this.set(rs, f);
    return true;
  }

  /** Sets the price to `f` moderate units: every slot's fixed cost as the moves see it, every route re-priced. */
  private set(rs: SearchRoutes, f: number): void {
    const data = rs.data, cp = data.cp;
    if (this.typeFixed === null) {
      this.typeFixed = Float64Array.from(cp.typeFixed);
      // totals: take the added price back per used route (installed once, reads `added` when called)
      const before = data.extraPrice;
      data.extraPrice = (x) => {
        let used = 0;
        for (let r = 0; r < x.R; r++) if (x.len[r] > 0) used++;
        return (before ? before(x) : 0) - this.added * used;
      };
    }
    this.factor = f;
    this.added = (f - 1) * this.unit;
    // the search's compiled problem is the copy `searchProblem` made for fewest-vehicles: changed in place
    for (let t = 0; t < cp.T; t++) cp.typeFixed[t] = this.typeFixed[t] + this.added;
    for (let r = 0; r < rs.R; r++) rs.fixedCost[r] = cp.typeFixed[data.slotType[r]];
    for (let r = 0; r < rs.R; r++) rs.update(r);
  }
}
