/**
 * The iterated local search (PyVRP ≥ 0.13's algorithm, written our way):
 * a first plan by savings (or greedy insertion) and an exhaustive local
 * search; then, each iteration, a small ruin-and-recreate perturbation
 * around a random client, a local search over the clients it touched, and
 * late-acceptance hill climbing (Burke & Bykov 2017, with both refinements
 * of their §4.2) on the penalised cost to decide whether the candidate
 * becomes the current solution. Penalty weights adapt to the share of
 * feasible candidates; a new best solution gets an exhaustive search with
 * SWAP* (early on large instances only SWAP*: `cheapBestUntil`); after `noImprovement` iterations without a new best the search
 * restarts from the best.
 *
 * Only the routes an iteration changed are saved or restored, so an
 * iteration costs O(the neighbourhood it touched), not O(n). Decisions
 * depend only on the seeded RNG; the clock only decides when to stop and
 * when to yield.
 */
import { Rng } from '../../core/rng.js';
import type { CompiledProblem } from '../compile.js';
import { buildFirstPlan, type FirstPlan } from './first-plan.js';
import { SearchData } from './data.js';
import { Inserter } from './insert.js';
import { LocalSearch } from './local-search.js';
import { computeNeighbourhood, type Neighbourhood } from './neighbourhood.js';
import { DEFAULT_PENALTY_PARAMS, initialPenalties, PenaltyManager } from './penalties.js';
import { FewestStep, FewestVehicles, type FewestSettings } from './ils-fewest.js';
import { fleetLowerBound, RouteMinimiser } from './route-min.js';
import type { RoutePhase } from './route-phase.js';
import { Perturbation } from './perturb.js';
import { KickCall, RouteKick } from './route-kick.js';
import { RouteSplit } from './route-split.js';
import { SearchRoutes } from './routes.js';
import { Snapshot } from './snapshot.js';

export interface IlsParams {
  seed: number;
  maxIterations: number;
  /** Neighbourhood size. */
  granularSize: number;
  /** Late-acceptance history length. */
  historyLength: number;
  /** Iterations without a new best before restarting from the best (or stopping, see below). */
  noImprovement: number;
  /** Stop instead of restarting after `noImprovement` iterations without a new best. */
  stopOnNoImprovement: boolean;
  minPerturbation: number;
  maxPerturbation: number;
  /** Share of perturbations that ruin a whole short route. */
  routeRemovalRate: number;
  /**
   * Ruins cut strings of consecutive clients, at most this long, from the
   * routes near a client (0: the clients nearest it), after `cheapBestUntil`.
   */
  stringRuin?: number;
  useSwapStar: boolean;
  /** Exchange two shipments between routes in the local search (off by default: measured slower at scale). */
  pairExchange?: boolean;
  /**
   * New bests found up to this iteration get the cheap search (SWAP* over every
   * route pair, then the clients it moved) instead of the exhaustive one: early
   * on nearly every iteration is a new best, and on large instances an
   * exhaustive search costs as much as dozens of iterations. 0 (default) = always exhaustive.
   */
  cheapBestUntil?: number;
  /**
   * Iterations without a new best after which the best loses one route to the
   * ejection pool and the search goes on from it (route-kick.ts); 0 = never.
   */
  routeKickAfter?: number;
  /**
   * Route cap: once a feasible best exists, the recreate and the local search
   * open no route beyond the best's route count plus this slack, nor fewer than
   * one above the loads' bound (undefined: no cap).
   */
  routeCapSlack?: number;
  /** Every other kick opens a route instead of removing one (route-split.ts); default false. */
  routeOpening?: boolean;
  /** Ejection-pool steps one kick may take (default 2 × clients). */
  routeKickSteps?: number;
  /** Move evaluations between two checks of the clock inside one local search. */
  sliceEvaluations: number;
  shouldStop: () => boolean;
  /** Optional: hands the event loop a turn when due during the construction; resolves true to stop it (abort). */
  pause?: () => Promise<boolean>;
  /** Called between iterations and between local-search slices; may yield to the event loop. */
  tick: (iteration: number, best: Snapshot | null, current: Snapshot) => Promise<void>;
  /** Optional cooperation with other searches (see `SolveOptions.exchange`). */
  exchange?: { every: number; call: (best: Snapshot | null, iteration: number) => Promise<number[][] | undefined> };
  /**
   * How the first plan is built (first-plan.ts): Clarke & Wright savings
   * (needs one start and one end for the whole fleet; otherwise insertion is
   * used), greedy insertion of the clients in a seeded random order, or
   * savings replaced by insertion when it leaves too many routes.
   */
  construction: FirstPlan;
  /**
   * Route minimisation before the search (`fewest-vehicles`): attempts at
   * one route fewer by the ejection pool (route-min.ts) until `maxFailures`
   * attempts in a row fail or `phaseOver()` says its share of the time is used;
   * each failed attempt restarts from the last plan with `growth` (default 1)
   * times the steps of the one before. With `stall`, the phase hands over
   * after that many failures in a row and resumes between the iterations
   * (route-phase.ts).
   */
  routeMin?: FewestSettings;
  /** Warm start: client lists per route slot. */
  warm?: number[][];
  /** Called after every iteration with diagnostics (profiling only). */
  trace?: (t: IlsTrace) => void;
}

export interface IlsTrace {
  iteration: number;
  currentCost: number;
  bestCost: number;
  bestRoutes: number;
  currentRoutes: number;
  wQ: number;
  wTW: number;
}

export interface IlsResult {
  best: Snapshot | null;
  /** The least-penalised solution seen when none was feasible. */
  bestInfeasible: Snapshot;
  iterations: number;
  restarts: number;
  evaluations: number;
  moves: number;
  intraMoves: number;
  wQ: number;
  wTW: number;
}

export class Ils {
  readonly rng: Rng;
  readonly data: SearchData;
  readonly rs: SearchRoutes;
  readonly nb: Neighbourhood;
  readonly inserter: Inserter;
  readonly ls: LocalSearch;
  readonly perturbation: Perturbation;
  readonly penalties: PenaltyManager;
  readonly kick: RouteKick | null;
  /** `fewest-vehicles`: the route phase, once started (it may resume between iterations). */
  phase: RoutePhase | null = null;

  constructor(readonly cp: CompiledProblem, readonly slotType: Int32Array, readonly params: IlsParams) {
    this.rng = new Rng(params.seed);
    this.data = new SearchData(cp, slotType);
    this.rs = new SearchRoutes(this.data);
    this.nb = computeNeighbourhood(cp, params.granularSize);
    this.inserter = new Inserter(this.rs, this.nb);
    this.ls = new LocalSearch(this.rs, this.nb, this.inserter, this.rng.fork(), params.useSwapStar, params.pairExchange);
    this.perturbation = new Perturbation(this.rs, this.nb, this.inserter, this.ls, this.rng.fork(), params.minPerturbation, params.maxPerturbation, params.routeRemovalRate);
    // fewest-vehicles with the route phase: its own feasibility target (see `routeMin.penaltyTarget`)
    const target = params.routeMin?.penaltyTarget;
    this.penalties = new PenaltyManager(...initialPenalties(cp), target !== undefined && RouteMinimiser.applies(this.rs) ? { ...DEFAULT_PENALTY_PARAMS, target } : DEFAULT_PENALTY_PARAMS);
    const kickAfter = params.routeKickAfter ?? 0;
    this.kick = kickAfter > 0 && RouteKick.applies(this.rs)
      ? new RouteKick(this.rs, this.nb, (params.seed ^ 0x5bd1e995) >>> 0, kickAfter, params.routeKickSteps ?? 2 * this.rs.n,
        params.routeOpening ? new RouteSplit(this.rs, this.nb, this.inserter, new Rng((params.seed ^ 0x2545f491) >>> 0)) : null)
      : null;
    this.applyWeights();
  }

  private applyWeights(): void {
    this.data.wQ = this.penalties.wQ;
    this.data.wTW = this.penalties.wTW;
    this.rs.reprice();
  }

  /** Runs the local search to convergence, yielding between slices. */
  private async localSearch(exhaustive: boolean, it: number, best: Snapshot | null, cur: Snapshot, swapStarFirst = false): Promise<void> {
    const ls = this.ls;
    ls.shuffle();
    ls.begin(exhaustive, swapStarFirst);
    // a stop (time limit, abort) ends the search between two slices: the routes are whole there
    while (!ls.search(this.params.sliceEvaluations)) {
      await this.params.tick(it, best, cur);
      if (this.params.shouldStop()) break;
    }
  }

  /** Local search with every penalty weight ×10 (all clients promising), then the weights are restored. */
  private async repair(it: number, best: Snapshot | null, cur: Snapshot): Promise<void> {
    this.data.wQ = Math.min(this.penalties.params.max, 10 * this.penalties.wQ);
    this.data.wTW = Math.min(this.penalties.params.max, 10 * this.penalties.wTW);
    this.rs.reprice();
    this.ls.shuffle();
    this.ls.begin(false);
    // keep the perturbation's promising clients and add the routes that carry violations
    const rs = this.rs;
    for (let r = 0; r < rs.R; r++) {
      if (rs.loadExcess[r] <= 1e-7 && rs.timeWarp[r] <= 1e-7) continue;
      for (let p = 1; p <= rs.len[r]; p++) this.ls.promising[rs.nodes[r][p]] = 1;
    }
    while (!this.ls.search(this.params.sliceEvaluations)) {
      await this.params.tick(it, best, cur);
      if (this.params.shouldStop()) break;
    }
    this.applyWeights();
  }

  /** `fewest-vehicles`: the route phase from the feasible best and the hooks for the iterations (null where it does not apply). */
  private async startFewest(settings: FewestSettings, best: Snapshot, cur: Snapshot): Promise<FewestVehicles | null> {
    const p = this.params;
    const fewest = await FewestVehicles.start({
      rs: this.rs, nb: this.nb, rng: this.rng, settings, shouldStop: p.shouldStop,
      tick: (it, b, c) => p.tick(it, b, c),
      polish: (it, b, c) => this.polish(it, b, c),
    }, best, cur);
    this.phase = fewest?.phase ?? null;
    return fewest;
  }

  /** Exhaustive local search with violations priced dearly; the result is the current plan (and the best when better). */
  private async polish(it: number, best: Snapshot, cur: Snapshot): Promise<void> {
    this.data.wQ = this.penalties.params.max;
    this.data.wTW = this.penalties.params.max;
    this.rs.reprice();
    await this.localSearch(true, it, best, cur);
    this.applyWeights();
    cur.save(this.rs);
    if (cur.feasible && cur.base < best.base - 1e-9) best.copyFrom(cur);
  }

  /**
   * A route-elimination kick (route-kick.ts): the best loses one route, the
   * plan gets an exhaustive local search and becomes the current one (and the
   * best if cheaper). False when no route could be removed (then the current
   * plan is the best).
   */
  private async kickFromBest(it: number, best: Snapshot, cur: Snapshot, cand: Snapshot): Promise<boolean> {
    const p = this.params, rs = this.rs;
    best.restore(rs);
    if (!(await this.kick!.kick(async () => {
      await p.tick(it, best, cur);
      return p.shouldStop();
    }))) {
      cur.copyFrom(best);
      return false;
    }
    await this.localSearch(true, it, best, cur);
    cand.save(rs);
    if (cand.feasible && cand.base < best.base - 1e-9) {
      best.copyFrom(cand);
      this.kick!.improved();
    }
    cur.copyFrom(cand);
    return true;
  }

  private loadWarm(warm: number[][]): void {
    const rs = this.rs, n = rs.n;
    const seen = new Uint8Array(n);
    for (let r = 0; r < rs.R; r++) {
      const list = (warm[r] ?? []).filter((c) => c >= 0 && c < n && !seen[c] && (seen[c] = 1));
      rs.setRoute(r, list);
      rs.update(r);
    }
    for (let c = 0; c < n; c++) if (!seen[c]) this.inserter.insert(c);
  }

  async run(): Promise<IlsResult> {
    const p = this.params, rs = this.rs, rng = this.rng, pm = this.penalties;
    const n = rs.n, R = rs.R;
    const cur = new Snapshot(R);
    const bestInf = new Snapshot(R);
    let best: Snapshot | null = null;
    let it = 0, restarts = 0;
    const result = (): IlsResult => ({
      best, bestInfeasible: bestInf, iterations: it, restarts,
      evaluations: this.ls.stats.evaluations, moves: this.ls.stats.moves, intraMoves: this.ls.stats.intraMoves,
      wQ: pm.wQ, wTW: pm.wTW,
    });
    if (n === 0 || R === 0) return result();

    // first plan
    if (p.warm) this.loadWarm(p.warm);
    else await buildFirstPlan(rs, this.nb, this.inserter, rng, p.construction, () => fleetLowerBound(rs), p.pause);
    cur.save(rs);
    await p.tick(0, null, cur); // the construction and the first local search are separate turns
    // the first local search prices violations dearly, so the first plan is feasible when it can be
    this.data.wQ = pm.params.max;
    this.data.wTW = pm.params.max;
    rs.reprice();
    await this.localSearch(true, 0, null, cur);
    this.applyWeights();
    cur.save(rs);
    bestInf.copyFrom(cur);
    if (cur.feasible) best = new Snapshot(R).copyFrom(cur);
    // fewest-vehicles: the route phase, then its hooks between the iterations (ils-fewest.ts)
    const fewest = p.routeMin && best ? await this.startFewest(p.routeMin, best, cur) : null;

    // late-acceptance history: a ring of cost parts; until a slot is filled, the first plan stands in
    const H = Math.max(1, p.historyLength);
    const histBase = new Float64Array(H), histLx = new Float64Array(H), histTw = new Float64Array(H);
    const filled = new Uint8Array(H);
    let histPos = 0;
    const init = new Snapshot(R).copyFrom(cur);
    let noImprove = 0;
    let capFloor = -1;
    const cand = new Snapshot(R);
    while (!p.shouldStop() && it < p.maxIterations) {
      if (noImprove >= p.noImprovement && p.stopOnNoImprovement) break;
      it++;
      const kickCall = this.kick && best ? this.kick.due(noImprove, best.routeCount) : KickCall.None;
      if (kickCall === KickCall.Kick) {
        // stagnation: the best loses one route and the search goes on from there
        if (await this.kickFromBest(it, best!, cur, cand)) {
          filled.fill(0);
          histPos = 0;
        }
        noImprove = 0;
      } else if (kickCall === KickCall.Back) {
        // the last kick bore no new best: back to the best plan
        best!.restore(rs);
        cur.copyFrom(best!);
        filled.fill(0);
        histPos = 0;
        noImprove = 0;
      }
      const step = fewest && best ? await fewest.beforeRestart(it, noImprove, best, cur) : FewestStep.None;
      if (step !== FewestStep.None) {
        filled.fill(0);
        histPos = 0;
      }
      if (step === FewestStep.Fresh) {
        init.copyFrom(cur);
        noImprove = 0;
        restarts++;
      }
      if (noImprove >= p.noImprovement && best) {
        best.restore(rs);
        cur.copyFrom(best);
        filled.fill(0);
        histPos = 0;
        noImprove = 0;
        restarts++;
      }
      if (fewest && best && (await fewest.resume(it, best, cur))) {
        // fewest-vehicles: a resumed attempt of the route phase removed a route; the history restarts from that plan
        init.copyFrom(cur);
        filled.fill(0);
        histPos = 0;
        noImprove = 0;
      }
      if (p.routeCapSlack !== undefined && best) {
        // never tighter than one route above the loads' bound: at the bound every route is full and nothing can move
        if (capFloor < 0) capFloor = fleetLowerBound(rs) + 1;
        this.inserter.routeCap = Math.max(best.routeCount + p.routeCapSlack, capFloor);
      }
      const stamp = rs.updates;
      // string ruins once the early phase is over
      this.perturbation.stringMax = it > (p.cheapBestUntil ?? 0) ? p.stringRuin ?? 0 : 0;
      this.perturbation.perturb();
      await this.localSearch(false, it, best, cur);
      cand.saveTotals(rs);
      if (pm.register(cand.loadExcess <= 1e-7, cand.timeWarp <= 1e-7)) this.applyWeights();
      const wQ = pm.wQ, wTW = pm.wTW;
      noImprove++;
      if (!cand.feasible && (!best || cand.base < best.base - 1e-9)) {
        // an infeasible candidate cheaper than the best: repair it with dear penalties (HGS's repair),
        // it often becomes a feasible new best nearby
        await this.repair(it, best, cur);
        cand.saveTotals(rs);
      }
      if (cand.feasible && (!best || cand.base < best.base - 1e-9)) {
        // a new best: save it, then try to improve it exhaustively
        best ??= new Snapshot(R);
        best.save(rs);
        noImprove = 0;
        this.kick?.improved();
        await this.localSearch(true, it, best, cur, it <= (p.cheapBestUntil ?? 0));
        cand.saveTotals(rs);
        if (cand.feasible && cand.base < best.base - 1e-9) best.save(rs);
      } else if (!best && cand.cost(wQ, wTW) < bestInf.cost(wQ, wTW)) {
        bestInf.save(rs);
      }
      const candCost = cand.cost(wQ, wTW);
      const curCost = cur.cost(wQ, wTW);
      const more = cand.routeCount - cur.routeCount;
      const late = filled[histPos]
        ? histBase[histPos] + wQ * histLx[histPos] + wTW * histTw[histPos]
        : init.cost(wQ, wTW);
      if (candCost < late || candCost < curCost) {
        for (let r = 0; r < R; r++) if (rs.version[r] > stamp) cur.saveRoute(rs, r);
        cur.base = cand.base;
        cur.loadExcess = cand.loadExcess;
        cur.timeWarp = cand.timeWarp;
        cur.routeCount = cand.routeCount;
      } else {
        for (let r = 0; r < R; r++) if (rs.version[r] > stamp) rs.clear(r);
        for (let r = 0; r < R; r++) if (rs.version[r] > stamp) cur.restoreRoute(rs, r);
      }
      // the history records the current solution only when it beats the recorded one
      const curNow = cur.cost(wQ, wTW);
      if (!filled[histPos] || curNow < late) {
        histBase[histPos] = cur.base;
        histLx[histPos] = cur.loadExcess;
        histTw[histPos] = cur.timeWarp;
        filled[histPos] = 1;
      }
      histPos = (histPos + 1) % H;
      fewest?.candidate(more);
      p.trace?.({
        iteration: it, currentCost: curNow, bestCost: best ? best.base : Infinity,
        bestRoutes: best ? best.routeCount : 0, currentRoutes: cur.routeCount, wQ, wTW,
      });
      await p.tick(it, best, cur);
      if (p.exchange && it % p.exchange.every === 0) {
        const got = await p.exchange.call(best ?? bestInf, it);
        if (got) {
          for (let r = 0; r < R; r++) rs.clear(r);
          this.loadWarm(got);
          cand.save(rs);
          if (cand.feasible && (!best || cand.base < best.base - 1e-9)) {
            best ??= new Snapshot(R);
            best.copyFrom(cand);
            noImprove = 0;
          }
          cur.copyFrom(cand);
          filled.fill(0);
          histPos = 0;
        }
      }
    }
    return result();
  }
}
