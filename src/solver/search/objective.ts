/**
 * The problem's objective inside the iterated local search
 * (docs/semantics.md, "Objective and summary"; how each enters the search):
 *
 * - `cost`: nothing to add.
 * - `fewest-vehicles`: solution totals (the ILS's acceptance and best) price
 *   every route at more than any plan's cost (Σ over the clients of their
 *   dearest arc), so one route fewer beats any saving; the local search's moves
 *   see a moderate fixed cost per route (a depot round trip to an average
 *   client), which leans towards fewer routes without drowning the cost
 *   differences (a dominating fixed cost in the moves made the search crawl:
 *   151 iterations in 5 s on R101 against 5,600). Prizes of optional clients
 *   and the not-allowed penalty grow with them, so serving comes first still.
 *   Perturbation ruins whole routes more often (route elimination, `run-ils.ts`).
 * - `balance`, `makespan`: the local search sees a per-route term (see
 *   `SearchObjective`: a separable surrogate of the spread, a hinge past a
 *   horizon just below the best makespan); the ILS compares candidates
 *   (acceptance, best) by their true score computed from the route totals —
 *   cost + `weight × spread` of the per-vehicle measure, or
 *   `makespanPrice × makespan` + cost with a price so large that the latest
 *   end comes first. (Comparing by the score alone, with the local search on
 *   cost, was not enough: every local search folded the plan back to the
 *   cheapest one.)
 *
 * `searchProblem` returns the compiled problem the search prices with (the
 * fixed costs, prizes and penalties above); `SearchObjective.extra` is the term
 * added to every solution total (`SearchData.extraPrice`).
 */
import type { ResolvedObjective } from '../../model/objective.js';
import { spreadOf } from '../../model/objective.js';
import type { CompiledProblem } from '../compile.js';
import { UNREACHABLE_ARC } from '../compile-travel.js';
import type { SearchRoutes } from './routes.js';
import { Concat } from './concat.js';

/** Σ over the clients of their dearest arc (to any point, any vehicle type): more than any plan's arc cost. */
export function costBound(cp: CompiledProblem): number {
  const P = cp.P;
  let sum = 0;
  let fixed = 0;
  for (let t = 0; t < cp.T; t++) fixed = Math.max(fixed, cp.typeFixed[t]);
  for (let c = 0; c < cp.n; c++) {
    // client c is point c
    let worst = 0;
    for (const arc of cp.typeArc) {
      for (let q = 0; q < P; q++) {
        const a = arc[c * P + q];
        if (a < UNREACHABLE_ARC && a > worst) worst = a;
      }
    }
    sum += worst;
  }
  // Duration-priced and task-time costs, fixed costs: a generous margin on top.
  let perDur = 0;
  for (let t = 0; t < cp.T; t++) perDur = Math.max(perDur, cp.typePerDur[t] + cp.typePerTask[t]);
  return 2 * sum + fixed * Math.max(1, cp.T) + 1 + perDur * sum;
}

/**
 * `fewest-vehicles` prices: `total`, the price of a route in solution totals
 * (more than any plan's cost: one route fewer always wins), and `search`, the
 * fixed cost the local search's moves see — a depot round trip to an average
 * client (times `LS_ROUTE_FACTOR`), enough to lean towards fewer routes
 * without drowning the moves' cost differences.
 */
export function fewestVehiclePrices(cp: CompiledProblem): { total: number; search: number } {
  const P = cp.P;
  let trip = 0;
  for (let t = 0; t < cp.T; t++) {
    const arc = cp.typeArc[t];
    const s = cp.typeStart[t];
    let sum = 0;
    let k = 0;
    for (let c = 0; c < cp.n; c++) {
      const a = arc[s * P + c] + arc[c * P + s];
      if (a < UNREACHABLE_ARC) {
        sum += a;
        k++;
      }
    }
    if (k > 0) trip = Math.max(trip, sum / k);
  }
  return { total: costBound(cp), search: LS_ROUTE_FACTOR * trip };
}

/** The compiled problem the search prices with under `objective` (unchanged unless `fewest-vehicles`). */
export function searchProblem(cp: CompiledProblem, objective: ResolvedObjective): CompiledProblem {
  if (objective.type !== 'fewest-vehicles') return cp;
  const { total, search } = fewestVehiclePrices(cp);
  const typeFixed = cp.typeFixed.map((f) => f + search);
  // A not-allowed vehicle must stay dearer than opening a route.
  const assignPen = cp.assignPen.map((p, i) => (cp.notAllowed[i] ? p + 10 * search : p));
  // One served task must still outweigh every route it could save: scale the prizes.
  let least = Infinity;
  for (let c = 0; c < cp.n; c++) if (cp.prize[c] > 0 && cp.prize[c] < least) least = cp.prize[c];
  const scale = Number.isFinite(least) ? 1 + (2 * total * Math.max(1, cp.T)) / least : 1;
  const prize = cp.prize.map((x) => x * scale);
  return { ...cp, typeFixed, assignPen, prize, notAllowedPenalty: cp.notAllowedPenalty + 10 * search };
}

/** Departure, duration and end of a route summary as the route is priced (concat.ts `price`). */
function routeTimes(cp: CompiledProblem, t: number, time: { duration: number; earliest: number; latest: number; release: number; deadline: number }): { duration: number; end: number } {
  const lo = Math.max(time.release, cp.typeShiftStart[t]);
  const hi = Math.min(time.latest, time.deadline);
  const earliest = time.earliest;
  let dep = lo <= hi ? Math.min(Math.max(earliest, lo), hi) : Math.min(Math.max(earliest, hi), lo);
  // a route with no lower bound departs at 0 (docs/semantics.md, "Defaults")
  if (dep === -Infinity) dep = Math.min(0, hi);
  const duration = time.duration + Math.max(0, earliest - dep);
  return { duration, end: dep + duration };
}

const MEASURE_CODE = { duration: 0, distance: 1, stops: 2 } as const;

/**
 * The objective inside the search, beyond the compiled problem's prices:
 *
 * - `balance`: every route carries the separable surrogate
 *   `λ((x − μ)² − μ²)` of its measure `x` (so the local search evens routes
 *   out: Σ over the vehicles of `λ(x − μ)²` is λ·m times the variance around μ,
 *   an idle vehicle counting `λμ²`, the constant dropped), with μ the fleet's
 *   mean measure and λ = weight / (2 m spread) re-estimated from the working
 *   solution every `ADAPT_EVERY` iterations.
 * - `makespan`: once a plan is found, every route pays `makespanPrice` per time
 *   unit it ends after a horizon just below the best makespan (a hinge the
 *   local search sees); every new best lowers the horizon again.
 *
 * Solution totals add the objective's true term minus the route terms
 * (`extra`), so the ILS compares plans by their score: `cost + weight ×
 * spread`, or `makespanPrice × makespan + cost`.
 */
export class SearchObjective {
  /** Per vehicle of the problem: the balance measure (scratch). */
  private readonly measure: Float64Array;
  /** `makespan`: the price of one time unit of the latest end. */
  readonly makespanPrice: number;
  /** `fewest-vehicles`: the fixed cost added to every route (0 otherwise). */
  readonly routeFixed: number;
  /** `balance`: the surrogate's weight and centre. */
  lambda = 0;
  centre = 0;
  /** `makespan`: routes ending after it pay `makespanPrice` per time unit. */
  horizon = Infinity;
  private lastAdapt = -ADAPT_EVERY;
  private lastBest = NaN;
  private acc: Concat | null = null;

  /** `fewest-vehicles`: the part of `routeFixed` the local search does not see (added by `extra`). */
  private readonly routeExtra: number;

  /** `compiled`: the problem before `searchProblem`; `cp`: the one the search prices with. */
  constructor(compiled: CompiledProblem, readonly cp: CompiledProblem, readonly slotVehicle: Int32Array, readonly objective: ResolvedObjective) {
    this.measure = new Float64Array(cp.problem.vehicles.length);
    this.makespanPrice = objective.type === 'makespan' ? costBound(compiled) : 0;
    const prices = objective.type === 'fewest-vehicles' ? fewestVehiclePrices(compiled) : { total: 0, search: 0 };
    this.routeFixed = prices.total;
    this.routeExtra = prices.total - prices.search;
  }

  /** Whether the ILS must add `extra` to solution totals. */
  get active(): boolean {
    return this.objective.type !== 'cost';
  }

  /** The route term of one route's measure (balance: its measure; makespan: its end). */
  term(x: number): number {
    if (this.objective.type === 'makespan') return x > this.horizon ? this.makespanPrice * (x - this.horizon) : 0;
    const c = this.centre;
    return this.lambda * ((x - c) * (x - c) - c * c);
  }

  /** Fills `measure` per vehicle from the working solution; returns the latest end and the sum of route terms. */
  private scan(rs: SearchRoutes): { makespan: number; terms: number } {
    const cp = rs.data.cp;
    const m = this.measure;
    m.fill(0);
    let makespan = -Infinity;
    let terms = 0;
    const time = rs.prefix.time;
    const code = MEASURE_CODE[this.objective.measure];
    const priced = rs.data.routeTerm !== null;
    const isMakespan = this.objective.type === 'makespan';
    for (let r = 0; r < rs.R; r++) {
      const len = rs.len[r];
      if (len === 0) continue;
      const e = rs.nodes[r][len + 1];
      const t = rs.data.slotType[r];
      const at = routeTimes(cp, t, { duration: time.duration[e], earliest: time.earliest[e], latest: time.latest[e], release: time.release[e], deadline: time.deadline[e] });
      if (at.end > makespan) makespan = at.end;
      const x = code === 2 ? len : code === 1 ? rs.prefix.distance[e] : at.duration;
      m[this.slotVehicle[r]] += x;
      if (priced) terms += this.term(isMakespan ? at.end : x);
    }
    return { makespan, terms };
  }

  /** The term added to the working solution's total (0 for `cost`). */
  extra(rs: SearchRoutes): number {
    const type = this.objective.type;
    if (type === 'fewest-vehicles') {
      let used = 0;
      for (let r = 0; r < rs.R; r++) if (rs.len[r] > 0) used++;
      return this.routeExtra * used;
    }
    if (type !== 'balance' && type !== 'makespan') return 0;
    const { makespan, terms } = this.scan(rs);
    if (type === 'makespan') return (makespan === -Infinity ? 0 : this.makespanPrice * makespan) - terms;
    return (this.objective.weight === 0 ? 0 : this.objective.weight * spreadOf(this.measure)) - terms;
  }

  /** Installs the objective's hooks on the search (`SearchData.extraPrice`, `routeTerm`). */
  install(rs: SearchRoutes): void {
    if (!this.active) return;
    rs.data.extraPrice = (x) => this.extra(x);
    const type = this.objective.type;
    if (type === 'makespan' || (type === 'balance' && this.objective.weight > 0)) {
      rs.data.routeTerm = { measure: type === 'makespan' ? 3 : MEASURE_CODE[this.objective.measure], term: (x) => this.term(x) };
    }
  }

  /**
   * Between iterations (the ILS's `tick`): re-centres the balance surrogate every
   * `ADAPT_EVERY` iterations; under `makespan`, lowers the horizon below a new
   * best (`best`: its total and routes). Re-prices every route when it changes anything.
   */
  adapt(rs: SearchRoutes, iteration: number, best: { base: number; routes: Int32Array[] } | null): void {
    if (rs.data.routeTerm === null) return;
    const type = this.objective.type;
    if (type === 'balance' && iteration >= this.lastAdapt + ADAPT_EVERY) {
      this.lastAdapt = iteration;
      this.scan(rs);
      const m = this.measure.length;
      let sum = 0;
      for (let k = 0; k < m; k++) sum += this.measure[k];
      const mean = sum / m;
      const spread = spreadOf(this.measure);
      this.centre = mean;
      this.lambda = this.objective.weight / (2 * m * Math.max(spread, 0.02 * mean, 1e-9));
      for (let r = 0; r < rs.R; r++) rs.update(r);
    } else if (type === 'makespan' && best && best.base !== this.lastBest) {
      this.lastBest = best.base;
      const end = this.bestEnd(rs, best.routes);
      if (!Number.isFinite(end)) return;
      let start = Infinity;
      for (let t = 0; t < this.cp.T; t++) start = Math.min(start, this.cp.typeShiftStart[t]);
      if (!Number.isFinite(start)) start = Math.min(0, end);
      this.horizon = end - Math.max(1e-6 * Math.abs(end), HORIZON_STEP * Math.max(0, end - start));
      for (let r = 0; r < rs.R; r++) rs.update(r);
    }
  }

  /** The latest end of a saved plan (per-slot client lists), timed as the search times routes. */
  private bestEnd(rs: SearchRoutes, routes: Int32Array[]): number {
    const acc = this.acc ?? (this.acc = new Concat(rs.data));
    let end = -Infinity;
    for (let r = 0; r < routes.length; r++) {
      const list = routes[r];
      if (list.length === 0) continue;
      const t = rs.data.slotType[r];
      acc.startNode(rs.data.startOf(r), t);
      for (let i = 0; i < list.length; i++) acc.node(list[i]);
      acc.node(rs.data.endOf(r));
      const at = routeTimes(this.cp, t, acc.time);
      if (at.end > end) end = at.end;
    }
    return end;
  }
}

/** `fewest-vehicles`: the local search's fixed cost per route, in depot round trips to an average client. */
const LS_ROUTE_FACTOR = 1;
/** Iterations between two re-estimates of the balance surrogate. */
const ADAPT_EVERY = 100;
/** Under `makespan`, the horizon is this share of (best end − earliest shift start) below the best end. */
const HORIZON_STEP = 0.01;
