/**
 * Granular local search over "promising" clients (HGS.md §3-§4; PyVRP's
 * LocalSearch): for every promising client u, in a shuffled order, and each
 * of its neighbours v, the operators are tried in turn and the first
 * improving move is applied (first improvement). Timestamps skip pairs whose
 * routes did not change since u was last tested; applying a move marks the
 * clients around it promising. In exhaustive mode every client is promising
 * and SWAP* runs over the route pairs that changed.
 *
 * `search(budget)` runs at most about `budget` move evaluations and can be
 * resumed, so a caller can yield to the event loop in between.
 */
import type { Rng } from '../../core/rng.js';
import { Exchange } from './exchange.js';
import { ExchangeShipment } from './exchange-shipment.js';
import type { Inserter } from './insert.js';
import type { Neighbourhood } from './neighbourhood.js';
import { MOVE_EPS, type BinaryOperator } from './operator.js';
import { ALL_OPERATORS, PairScreen } from './pair-screen.js';
import type { SearchRoutes } from './routes.js';
import { RelocateShipment } from './relocate-shipment.js';
import { SwapStar } from './swap-star.js';
import { SwapTails } from './swap-tails.js';
import { TwoOpt } from './two-opt.js';

export interface LocalSearchStats {
  evaluations: number;
  moves: number;
  intraMoves: number;
}

export class LocalSearch {
  readonly operators: BinaryOperator[];
  readonly swapStar: SwapStar | null;
  readonly promising: Uint8Array;
  readonly stats: LocalSearchStats = { evaluations: 0, moves: 0, intraMoves: 0 };
  private readonly lastTest: Int32Array;
  private readonly lastTestRoute: Int32Array;
  private readonly order: Int32Array;
  private readonly relocate1: Exchange;
  private readonly swapTails: SwapTails;
  private readonly typeOrder: Int32Array;
  private readonly optional: boolean;
  /** Shared bounds of the inter-route operators (pair-screen.ts); null when the operator list is not the plain one. */
  private readonly screen: PairScreen | null;
  // resumable state
  private k = 0;
  private passClean = true;
  /** SWAP* phase in progress: the route pair it resumes at (ssU < 0: not running) and whether it improved. */
  private ssU = -1;
  private ssV = 0;
  private ssLast = 0;
  private ssImproved = false;
  private exhaustive = false;
  private running = false;

  constructor(
    private readonly rs: SearchRoutes,
    private readonly nb: Neighbourhood,
    private readonly inserter: Inserter,
    private readonly rng: Rng,
    useSwapStar: boolean,
    /** Also exchange two shipments between routes (exchange-shipment.ts; off by default, see SolveOptions.pairExchange). */
    pairExchange = false,
  ) {
    const n = rs.n;
    this.relocate1 = new Exchange(rs, 1, 0);
    this.swapTails = new SwapTails(rs);
    this.operators = [
      this.relocate1,
      new Exchange(rs, 2, 0),
      new Exchange(rs, 1, 1),
      new Exchange(rs, 2, 1),
      new Exchange(rs, 2, 2),
      new TwoOpt(rs),
      this.swapTails,
      ...(rs.data.hasShipments ? [new RelocateShipment(rs)] : []),
      ...(rs.data.hasShipments && pairExchange ? [new ExchangeShipment(rs)] : []),
    ];
    this.screen = this.operators.length === 7 && !rs.data.hasShipments ? new PairScreen(rs) : null;
    // SWAP* moves single clients: with nothing but shipment stops it could never move one
    let single = false;
    for (let c = 0; c < n && !single; c++) single = rs.data.partner[c] < 0;
    this.swapStar = useSwapStar && single ? new SwapStar(rs) : null;
    this.promising = new Uint8Array(n);
    this.optional = rs.data.cp.optional;
    this.lastTest = new Int32Array(n);
    this.lastTestRoute = new Int32Array(rs.R);
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    this.typeOrder = new Int32Array(rs.data.cp.T);
    for (let t = 0; t < this.typeOrder.length; t++) this.typeOrder[t] = t;
  }

  /** Marks client u and its route neighbours promising. */
  markPromising(u: number): void {
    const rs = this.rs, n = rs.n;
    if (u < n) this.promising[u] = 1;
    if (rs.routeOf[u] < 0) return;
    const p = rs.prev(u);
    if (p < n && p >= 0) this.promising[p] = 1;
    const x = rs.next(u);
    if (x < n && x >= 0) this.promising[x] = 1;
  }

  /** Shuffles the client order and the operator order (once per search call). */
  shuffle(): void {
    this.rng.shuffle(this.order);
    this.rng.shuffle(this.typeOrder);
  }

  /**
   * Prepares a search. `exhaustive` marks every client promising and enables
   * SWAP*; `swapStarFirst` (with `exhaustive`) instead starts with no client
   * promising, so the search is SWAP* over every route pair and then the
   * clients it moved.
   */
  begin(exhaustive: boolean, swapStarFirst = false): void {
    if (exhaustive) this.promising.fill(swapStarFirst ? 0 : 1);
    this.lastTest.fill(-1);
    this.lastTestRoute.fill(-1);
    this.k = 0;
    this.passClean = true;
    this.ssU = -1;
    this.exhaustive = exhaustive;
    this.running = true;
  }

  /** Runs about `budget` evaluations; returns true when the search has converged. */
  search(budget: number): boolean {
    if (!this.running) return true;
    const rs = this.rs, nb = this.nb, n = rs.n;
    const start = this.stats.evaluations;
    const ops = this.operators;
    for (;;) {
      if (this.k === n) {
        if (this.exhaustive && this.swapStar) {
          if (this.ssU < 0) {
            this.ssU = 0;
            this.ssV = -1;
            this.ssImproved = false;
          }
          // resumable: a budget cut leaves the phase where it stopped, so slicing never changes the answer
          if (!this.swapStarPhase(start + budget)) return false;
          this.ssU = -1;
          if (this.ssImproved) this.passClean = false;
        }
        if (this.passClean) {
          this.running = false;
          return true;
        }
        this.passClean = true;
        this.k = 0;
        if (this.stats.evaluations - start >= budget) return false;
      }
      const u = this.order[this.k++];
      if (!this.promising[u]) continue;
      if (this.optional && this.tryOptional(u)) continue;
      if (rs.routeOf[u] < 0) continue;
      const last = this.lastTest[u];
      this.lastTest[u] = rs.updates;
      for (let q = nb.start[u]; q < nb.start[u + 1]; q++) {
        const v = nb.list[q];
        const rU = rs.routeOf[u], rV = rs.routeOf[v];
        if (rV < 0 || rU < 0) continue;
        const vu = rs.version[rU], vv = rs.version[rV];
        if ((vu > vv ? vu : vv) <= last) continue;
        if (this.tryOps(ops, u, v)) continue;
        const pv = rs.prev(v);
        if (pv >= n) this.tryOps(ops, u, pv);
      }
      this.tryEmptyRoutes(u);
      if (this.stats.evaluations - start >= budget) return false;
    }
  }

  private tryOps(ops: BinaryOperator[], u: number, v: number): boolean {
    const stats = this.stats;
    const mask = this.screen === null ? ALL_OPERATORS : this.screen.screen(u, v);
    if (mask !== ALL_OPERATORS) {
      // only the operators whose bound passed are priced; each counts as evaluated as before
      for (let i = 0; i < ops.length; i++) {
        stats.evaluations++;
        if ((mask & (1 << i)) === 0) continue;
        const op = ops[i];
        if (op.evaluate(u, v) < -MOVE_EPS) {
          this.applyMove(op, u, v);
          return true;
        }
      }
      return false;
    }
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      stats.evaluations++;
      if (op.evaluate(u, v) < -MOVE_EPS) {
        this.applyMove(op, u, v);
        return true;
      }
    }
    return false;
  }

  private applyMove(op: BinaryOperator, u: number, v: number): void {
    const rs = this.rs;
    const rU = rs.routeOf[u], rV = rs.routeOf[v];
    this.markPromising(u);
    this.markPromising(v);
    op.apply(u, v);
    this.markPromising(u);
    this.markPromising(v);
    this.stats.moves++;
    if (rU === rV) this.stats.intraMoves++;
    if (this.swapStar) {
      this.swapStar.routeChanged(rU);
      if (rV !== rU) this.swapStar.routeChanged(rV);
    }
    this.passClean = false;
  }

  /** Optional clients: inserts unrouted u, or removes routed u, when its prize makes that worth it. */
  private tryOptional(u: number): boolean {
    const rs = this.rs;
    this.stats.evaluations++;
    const routed = rs.routeOf[u] >= 0;
    if (routed) this.markPromising(u);
    const changed = routed ? this.inserter.removeIfWorth(u) : this.inserter.insert(u);
    if (!changed) return false;
    this.markPromising(u);
    this.stats.moves++;
    this.passClean = false;
    if (this.swapStar) for (let r = 0; r < rs.R; r++) if (rs.version[r] === rs.updates) this.swapStar.routeChanged(r);
    return !routed ? false : true;
  }

  /** Moves u (or u's tail) into an empty route of each vehicle type. */
  private tryEmptyRoutes(u: number): void {
    const rs = this.rs;
    for (let i = 0; i < this.typeOrder.length; i++) {
      const r = this.inserter.emptyRoute(this.typeOrder[i]);
      if (r < 0) continue;
      const s = rs.data.startOf(r);
      this.stats.evaluations += 2;
      if (this.relocate1.evaluate(u, s) < -MOVE_EPS) {
        this.applyMove(this.relocate1, u, s);
        return;
      }
      if (this.swapTails.evaluate(u, s) < -MOVE_EPS) {
        this.applyMove(this.swapTails, u, s);
        return;
      }
    }
  }

  /**
   * One SWAP* pass over the route pairs changed since they were last tested,
   * resumed from (ssU, ssV); returns false when the evaluation count reached
   * `until` before the pass ended (call again to go on).
   */
  private swapStarPhase(until: number): boolean {
    const rs = this.rs, ss = this.swapStar!;
    for (; this.ssU < rs.R; this.ssU++, this.ssV = -1) {
      const rU = this.ssU;
      if (rs.len[rU] === 0) continue;
      if (this.ssV < 0) {
        this.ssLast = this.lastTestRoute[rU];
        this.lastTestRoute[rU] = rs.updates;
        this.ssV = rU + 1;
      }
      for (; this.ssV < rs.R; this.ssV++) {
        if (this.stats.evaluations >= until) return false;
        const rV = this.ssV;
        if (rs.len[rV] === 0 || rs.len[rU] === 0) continue;
        if (Math.max(rs.version[rU], rs.version[rV]) <= this.ssLast) continue;
        if (!ss.overlap(rU, rV)) continue;
        this.stats.evaluations += rs.len[rU] + rs.len[rV];
        if (ss.evaluate(rU, rV) < -MOVE_EPS) {
          const a = rs.nodes[rU], b = rs.nodes[rV];
          for (let p = 1; p <= rs.len[rU]; p++) this.promising[a[p]] = 1;
          for (let p = 1; p <= rs.len[rV]; p++) this.promising[b[p]] = 1;
          ss.apply(rU, rV);
          ss.routeChanged(rU);
          ss.routeChanged(rV);
          this.stats.moves++;
          this.ssImproved = true;
        }
      }
    }
    return true;
  }
}
