/**
 * Runs the iterated local search (search/ils.ts) for `solve` and returns the
 * best per-slot client lists. The problem's objective enters the search as
 * `search/objective.ts` describes: fewest-vehicles through a dominating fixed
 * cost per route and more whole-route ruins, balance and makespan through a
 * term on every solution total.
 */
import type { Problem } from '../model/types.js';
import type { CompiledProblem } from './compile.js';
import { fleetSlots } from './hgs.js';
import type { ExchangeOffer, SolveOptions } from './index.js';
import { slotPlan, warmRoutes } from './plan-map.js';
import type { EngineRun } from './run-hgs.js';
import { Ils } from './search/ils.js';
import { SearchObjective, searchProblem, fewestVehiclePrices } from './search/objective.js';
import { FleetLimit } from './search/objective-fleet.js';
import { AdaptiveRoutePrice } from './search/route-price.js';
import { loadRouteBound } from './search/route-min.js';
import { resolveObjective } from '../model/objective.js';
import type { Pacer } from '../core/pacer.js';
import { prepareNeighbourhood } from './search/neighbourhood.js';
import type { FirstPlan } from './search/first-plan.js';

/**
 * Move evaluations per local-search slice (the search ticks between slices).
 * Objectives that adapt their prices at a tick (a route term — balance,
 * makespan — or fewest-vehicles' fleet limit: search/objective.ts,
 * objective-fleet.ts) keep 20,000, so their answers do not move; for the
 * others a tick only yields, so shorter slices (about 5-25 ms at 1,000
 * clients) change nothing but the cadence.
 */
const SLICE_ADAPTING = 20_000;
const SLICE = 4_000;
/**
 * Share of perturbations that ruin a whole route under `fewest-vehicles`
 * (route elimination), except where the route phase shares its time (short
 * routes, below): there the phase removes routes and the perturbations ruin
 * none — a whole route's clients rarely fit back into the fewest routes, so
 * such candidates opened a route or stayed infeasible (with the time sharing
 * below, bench/results/tuning.md, "Time sharing": R109 5.56 → 0.41 %, RC105
 * 8.05 → 0.00 % at seed 1; R109 7.33 → 1.77 %, RC105 4.79 → 3.57 % at seed 2).
 */
const ROUTE_ELIMINATION_RATE = 0.2;
/**
 * Share of whole-route ruins with shipments (cost objective): a pair leaves a
 * route only whole, so small ruins rarely empty one; measured on Li & Lim 100
 * at 5 CPU-s (bench/results/tuning.md): mean gap 1.20 % at 0, 0.61 % at 0.2,
 * 0.37 % at 0.3. Without shipments whole-route ruin did not help (Solomon,
 * Homberger 1,000), so it stays 0 there.
 */
const SHIPMENT_ROUTE_RUIN_RATE = 0.3;
/**
 * Late-acceptance history above 500 clients: a large instance gets few
 * iterations in a short limit, and a long history accepts worse plans for too
 * long. Measured on the six Homberger 1,000 files at 30 CPU-s, two seeds
 * (bench/results/tuning.md): mean gap 2.11 % at 100 against 2.57 % at 300 and
 * 3.27 % at 1,000 (one seed); level at 5 and 10 s.
 */
const LONG_HISTORY_ABOVE_500 = 100;
/**
 * ...but without time windows or shifts, where the loads allow at least this
 * many clients per route on average at their bound, the settings up to 500
 * clients (history 300, ruins skewed towards 1 up to 25) hold above 500 too.
 * Measured on the CVRPLIB X files above 500 clients at 30 s, two seeds
 * (bench/results/tuning.md, "Session 17"): on the seven of 8+ clients per
 * route (X-n573 … X-n979) 1.28 → 1.05 % mean, on the five of fewer (X-n524,
 * n599, n749, n819, n936: 3–8 per route) 0.70 → 0.81 %, so those keep 100 and 1–10.
 */
const LONG_CVRP_ROUTE_CLIENTS = 8;
/**
 * ...and only when the time limit gives this much per client: the longer
 * history settles later, and at 5 and 10 s the long-route X files lost with it
 * (time to quality, X above 500 clients, a67f834: 5 s 1.26 → 1.55 %, 10 s 1.10
 * → 1.20 %, while 30 s 0.93 → 0.78 % and 60 s 0.88 → 0.68 %).
 */
const LONG_CVRP_MS_PER_CLIENT = 30;
/**
 * Above 500 clients with time windows the new bests of the first
 * `CHEAP_BEST_PER_CLIENT × n` iterations get SWAP* alone instead of the
 * exhaustive search (by iterations, so seed + maxIterations stays
 * reproducible). Measured on the six Homberger 1,000 files, 60 CPU-s, two
 * seeds, quiet machine (bench/results/tuning.md): mean gap 5.58 / 3.58 / 2.23 /
 * 1.87 % at 5 / 10 / 30 / 60 s against 7.55 / 4.26 / 2.37 / 1.91 % with the
 * exhaustive search throughout; SWAP* alone throughout lost late (2.14 % at 60 s).
 */
const CHEAP_BEST_PER_CLIENT = 8;
/** `fewest-vehicles`: iterations between two attempts at one route fewer (per client, at least 200), and of one attempt (at least 50). */
const FLEET_NORMAL_PER_CLIENT = 20;
const FLEET_ATTEMPT_PER_CLIENT = 0.5;
/**
 * `fewest-vehicles`: the ejection-pool phase (search/route-min.ts) — steps per
 * attempt at one route fewer (per client, at least 1,000), failed attempts in a
 * row that end it, and its largest share of a time limit.
 */
const ROUTE_MIN_STEPS_PER_CLIENT = 30;
const ROUTE_MIN_FAILURES = 5;
/** With a time limit (which bounds the phase), each failed attempt at one route fewer restarts with this many times the steps of the one before. */
const ROUTE_MIN_GROWTH = 2;
const ROUTE_MIN_TIME_SHARE = 0.7;
/**
 * After this many failed attempts in a row the phase hands over to the
 * distance search and resumes between its iterations: a block of
 * `ROUTE_MIN_SHARE` × (the next attempt's steps) iterations, then one attempt
 * from the best plan (search/route-phase.ts). Three, because R112 and RC106
 * remove their last route in the third attempt of a failed streak.
 */
const ROUTE_MIN_STALL = 3;
const ROUTE_MIN_SHARE = 0.1;
/**
 * `fewest-vehicles` with the phase: the penalty weights aim at this share of
 * feasible candidates instead of 0.65. With the fewest routes most candidates
 * are infeasible (or open a route, which the totals reject), and at 0.65 the
 * time-warp weight grew from about 30 to 60,000 within 3,000 iterations
 * (R110): the moves then opened routes rather than pay any warp, and the best
 * plan stopped improving (bench/results/tuning.md, "Time sharing").
 */
const FEWEST_PENALTY_TARGET = 0.3;
/**
 * The time sharing, the penalty target and the ruins without whole routes
 * above apply where the loads keep routes short: at most this many clients
 * per route on average at the loads' bound (Solomon R1, RC1, C1: 10–13). On
 * long routes (R2, RC2, C2: 33–50) they lost distance at equal CPU and at
 * the real command (R205 1.37 → 4.91 %, RC204 0.11 → 2.26 %, R210 0.77 → 1.57
 * %; without whole-route ruins alone R205 4.30 %), so the phase runs there as
 * before (bench/results/tuning.md, "Time sharing").
 */
const SHORT_ROUTE_CLIENTS = 20;
/**
 * ...and only up to this many clients: measured on Solomon (100 clients)
 * only; a loaded check on Homberger 200 type 1 at 60 s lost badly with it
 * (RC1_2_1 15.3 → 36.9 %, R1_2_1 3.8 → 15.8 %, RC1_2_5 10.4 → 13.5 %; the
 * references from quieter runs), so larger problems run the phase as before
 * until that is understood.
 */
const SHARING_MAX_CLIENTS = 150;
/**
 * Where the phase does not share its time (long routes) and up to
 * `SHARING_MAX_CLIENTS` clients: fresh starts of the distance search after this
 * many iterations without a new best per client (search/ils.ts
 * `routeMin.restartAfter`). On Solomon R2, RC2, C2 the phase reaches its
 * count within a second, and the search from its plan stalls within a few
 * thousand iterations at a distance that depends on the seed (RC202 1.7–11.4
 * %, R202 0.3–4.3 % over four seeds; bench/results/tuning.md, "Long routes").
 */
const FRESH_START_PER_CLIENT = 10;
/**
 * Where the phase shares its time (short routes): fresh starts too, after
 * this many iterations without a new best per client, but only once the
 * phase will not resume (a start while it may resume took the CPU of the
 * attempt that removes the last route: RC102 seed 2 ended with 13 routes).
 * There the search at the fewest routes stalls too and the start decides
 * (bench/results/tuning.md, "Fresh starts on short routes"): not confirmed.
 */
const SHORT_FRESH_START_PER_CLIENT = 5;
/**
 * There the phase also ends after this many failed attempts in a row (not
 * `ROUTE_MIN_FAILURES`): on the 13 Solomon type-2 instances measured every
 * removal came at once (within 0.5 s), no attempt after a failure removed a
 * route, and the failed attempts took the phase's whole 70 % share.
 */
const LONG_ROUTE_FAILURES = 2;
/**
 * There, after a fleet-limit attempt is given up, a current plan with fewer
 * routes than the best (and time warp) may stay this many iterations per
 * client before the search goes back to the best (search/ils.ts
 * `routeMin.lapsed`): R211 found its 2-route plan 177 iterations after the
 * first lapse; R210 stayed on one route of 100 clients at 40 iterations per
 * second for the rest of the run.
 */
const LAPSE_PER_CLIENT = 5;

/** `auto` construction: insertion above this many clients when time matters... */
const INSERTION_FROM_CLIENTS = 300;
/** ...and the time limit (if any) gives at least this many milliseconds per client... */
const INSERTION_MS_PER_CLIENT = 5;
/**
 * ...while from this many down to 5 ms per client savings is built first and
 * replaced by insertion when it leaves too many routes (search/first-plan.ts).
 * Below it the search has no time to make insertion's plan good: on the six
 * Homberger 1,000 files (two seeds, bench/results/tuning.md, "The first plan
 * under short limits") insertion alone against savings alone was 96 / 43 %
 * above the best known at 0.3 s, 37.5 / 24.6 % at 0.5 s, 11.4 / 15.7 % at
 * 0.75 s, 7.5 / 11.8 % at 1 s, 4.4 / 5.1 % at 2 s.
 */
const CHECKED_SAVINGS_MS_PER_CLIENT = 1;

/**
 * The first plan's construction. `auto`: greedy insertion when time matters
 * (windows, release times, deadlines or finite shifts), there are more than
 * 300 clients and the time limit (if any) allows 5 ms per client; savings
 * otherwise. Measured at equal CPU (bench/results/tuning.md, "Construction"):
 * savings with windows builds many short routes (R2_10_1: 68 after the first
 * local search, against 33 from insertion) which the search removes slowly at
 * 1,000 clients; at 100–200 clients both end level. Savings' plan is feasible
 * as built, while insertion's needs its first local search to become so,
 * hence savings under very short limits, and from 1 to 5 ms per client
 * savings checked against the loads' route bound (`checked-savings`,
 * search/first-plan.ts).
 */
export function ilsConstruction(choice: SolveOptions['construction'], cp: CompiledProblem, timeLimitMs = Infinity): FirstPlan {
  if (choice === 'savings' || choice === 'insertion') return choice;
  // with shipments savings at every size: chains start as pickup → delivery, and
  // greedy insertion of pairs in random order builds a poor first plan
  // (bench/results/tuning.md, "Shipments at scale": 0.9-2.3 % lower at equal CPU on 800 and 2,000 stops)
  if (cp.hasShipments || !cp.hasTime || cp.n <= INSERTION_FROM_CLIENTS) return 'savings';
  if (timeLimitMs >= INSERTION_MS_PER_CLIENT * cp.n) return 'insertion';
  return timeLimitMs >= CHECKED_SAVINGS_MS_PER_CLIENT * cp.n ? 'checked-savings' : 'savings';
}

/** The default of `cheapBestIterations`: 8 × clients above 500 clients with time windows, else 0 (see `CHEAP_BEST_PER_CLIENT`). */
export function defaultCheapBest(cp: Pick<CompiledProblem, 'n' | 'hasTime'>): number {
  return cp.n > 500 && cp.hasTime ? CHEAP_BEST_PER_CLIENT * cp.n : 0;
}

/**
 * Above 500 clients with time windows the search answers stagnation with a
 * route-elimination kick after `ROUTE_KICK_PER_CLIENT × n` iterations without
 * a new best (route-kick.ts), and, once the early phase (`cheapBestIterations`)
 * is over, ruins strings of up to `STRING_RUIN_MAX` consecutive clients
 * (perturb.ts). Measured on the six Homberger 1,000 files at 30 CPU-s, two
 * seeds, busy machine (bench/results/tuning.md, "Stagnation on 1,000
 * clients"): mean gap 2.41 / 2.24 % without, 2.09 / 2.07 % with both
 * (C2_10_1 at 30-31 routes instead of 32).
 *
 * Up to 500 clients the kick (not the string ruins) runs where routes are
 * long: more than `SHORT_ROUTE_CLIENTS` clients per route on average at the
 * loads' bound, under the cost objective, and under fewest-vehicles where its
 * route phase leaves the distance search to fresh starts (long routes up to
 * `SHARING_MAX_CLIENTS`; not balance or makespan, which want routes).
 * Measured at 10 CPU-s (bench/results/tuning.md, "Kicks on long routes up to
 * 500 clients"): Solomon type 2, two seeds, R2 0.34 → 0.18 %,
 * RC2 0.15 → 0.05 %, C2 0 → 0; Homberger 200, seed 1, R2 0.69 → 0.35 %, RC2
 * 0.25 → 0.16 %, C2 level. On short routes it was mixed (Solomon RC1 0.32 →
 * 0.10 %, R1 level) and lost at 200 clients (R1 0.53 → 0.68 %, RC1 0.45 →
 * 1.10 %), so it stays off there. Fewest-vehicles on Solomon type 2 at
 * 30 CPU-s (two seeds; "Kicks on long routes ... fewest-vehicles"): the same
 * route counts (81 / 80 vehicles), mean distance gap where they equal the
 * best known 0.22 → 0.01 % and 0.39 → 0.34 % (per file it moves both ways).
 */
const ROUTE_KICK_PER_CLIENT = 3;
/*
 * Under the cost objective every other kick opens a route instead
 * (`routeOpening`, search/route-split.ts): plans settle one route off the
 * shortest known in both directions. Homberger 200 type 2, 20 s, four seeds
 * paired with the kicks that only remove (bench/results/tuning.md, "Session
 * 21"): 120 runs, mean gap 0.148 → 0.124 %; C2 0.217 → 0.103 % (better on 15
 * runs, worse on 2; C2_2_3 reaches the best known's 7 routes on two seeds),
 * R2 and RC2 level (+0.02 ± 0.05 and ± 0.02 points); Solomon type 2 at
 * 10 s, one seed, 0.068 → 0.085 % (R2 0.14 → 0.19 %, within its seed spread).
 * Up to 500 clients only: on the six Homberger 1,000 files at 30 s (one seed)
 * C2_10_1 kept a route more (0.00 → 0.82 %), RC1_10_1 2.91 → 2.30 %, mean
 * 1.34 → 1.39 %. Not under fewest-vehicles, which wants routes closed.
 */
const ROUTE_OPENING_MAX_CLIENTS = 500;
const STRING_RUIN_MAX = 10;

/**
 * The default of `routeKickAfter`: 3 × clients with time windows, above 500
 * clients always, up to 500 only on long routes (`longRoutes`, see above); else 0.
 */
export function defaultRouteKick(cp: Pick<CompiledProblem, 'n' | 'hasTime'>, longRoutes = false): number {
  return cp.hasTime && (cp.n > 500 || longRoutes) ? ROUTE_KICK_PER_CLIENT * cp.n : 0;
}

/**
 * The defaults of `historyLength` and `maxPerturbation`: 300 and a skewed
 * 1–25 up to 500 clients, and above where neither time windows nor shifts
 * matter, the loads allow at least `LONG_CVRP_ROUTE_CLIENTS` clients per
 * route at their bound (`routeBound`: loadRouteBound) and the time limit
 * gives `LONG_CVRP_MS_PER_CLIENT` per client (none: always); else 100 and 1–10.
 */
export function ilsSizeDefaults(
  cp: Pick<CompiledProblem, 'n' | 'hasTime'>, routeBound: number, timeLimitMs = Infinity,
): { historyLength: number; maxPerturbation: number } {
  const long = !cp.hasTime && cp.n >= LONG_CVRP_ROUTE_CLIENTS * routeBound && timeLimitMs >= LONG_CVRP_MS_PER_CLIENT * cp.n;
  const small = cp.n <= 500 || long;
  return small ? { historyLength: 300, maxPerturbation: -25 } : { historyLength: LONG_HISTORY_ABOVE_500, maxPerturbation: 10 };
}

/** The default of `stringRuin`: strings of up to 10 clients above 500 clients with time windows, else 0. */
export function defaultStringRuin(cp: Pick<CompiledProblem, 'n' | 'hasTime'>): number {
  return cp.n > 500 && cp.hasTime ? STRING_RUIN_MAX : 0;
}

/**
 * The route cap (`IlsParams.routeCapSlack`): with neither time windows nor
 * shifts, splitting a route never shortens it (the triangle inequality), so
 * under the cost objective a route beyond the best plan's count only ever
 * buys feasibility, which the best shows is reachable without it. Left free,
 * the recreate and the repair open routes to place overloaded clients, and
 * capacity-tight plans settle with routes to spare (CVRPLIB X-n936-k151 at
 * 30 s: 167–169 routes, 3.2–3.9 % above the best known; capped at the best's
 * count: 162–163 routes, 1.1–1.5 %; bench/results/tuning.md, "A route cap
 * without time windows"). With time windows a route more can be shorter
 * (Homberger R2_2_1: 11 routes and 0.80 % capped, 13 and 0.07 % free), so the
 * default is 0 (no slack) for one vehicle type with neither windows nor
 * shifts, no optional jobs, the cost objective; elsewhere no cap (not
 * measured with several vehicle types). A negative option turns it off.
 * The cap never goes below one route above the loads' bound: held at the
 * bound, every route is full and the search cannot move (X-n856-k95, 95
 * routes = the bound: 1.43 % capped there, 0.91–0.93 % free, 0.63–0.88 % with
 * the floor).
 */
export function routeCap(option: number | undefined, cp: Pick<CompiledProblem, 'hasTime' | 'optional' | 'T'>, objective: string): number | undefined {
  if (option !== undefined) return option >= 0 ? option : undefined;
  return !cp.hasTime && !cp.optional && cp.T === 1 && objective === 'cost' ? 0 : undefined;
}

/** A clock that says when the route-minimisation phase has used its share of the time limit (never without one). */
function phaseClock(timeLimitMs: number): () => boolean {
  if (!Number.isFinite(timeLimitMs)) return () => false;
  const end = performance.now() + ROUTE_MIN_TIME_SHARE * timeLimitMs;
  return () => performance.now() >= end;
}

/**
 * Runs the search; `pacer` paces the set-up (neighbourhoods) and the first
 * plan's construction. Resolves to null when aborted before the search had
 * its neighbourhoods (no plan exists then).
 */
export async function runIls(
  problem: Problem, compiled: CompiledProblem, options: SolveOptions, hasTime: boolean, hasIt: boolean,
  shouldStop: () => boolean, report: (iteration: number, bestCost: number, feasible: boolean) => Promise<void>,
  pacer: Pacer,
): Promise<EngineRun | null> {
  const { slotType, slotVehicle } = fleetSlots(compiled);
  const objective = resolveObjective(problem.objective);
  const cp = searchProblem(compiled, objective);
  const goal = new SearchObjective(compiled, cp, slotVehicle, objective);
  const granularSize = options.granularSize ?? 40;
  // the time limit the defaults below scale with (none: Infinity)
  const limitMs = hasTime ? options.timeLimitMs! : Infinity;
  // the neighbourhoods are the search's longest set-up step: computed cooperatively, the constructor then reuses them
  if (!(await prepareNeighbourhood(cp, granularSize, pacer))) return null;
  await pacer.yieldNow(); // the search's constructor gets a fresh slice
  // fewest-vehicles: the route phase (search/route-phase.ts) removes routes where it applies (no shipments, no optional clients);
  // where the loads keep routes short, it shares the time with the distance search (see SHORT_ROUTE_CLIENTS)
  const routePhase = objective.type === 'fewest-vehicles' && !options.initialSolution && !cp.hasShipments && !cp.optional;
  // routes are long where the loads allow more than SHORT_ROUTE_CLIENTS clients per route on average at their bound
  const routeBound = loadRouteBound(cp, slotType);
  const longLoads = cp.n > SHORT_ROUTE_CLIENTS * routeBound;
  const sizes = ilsSizeDefaults(cp, routeBound, limitMs);
  const sharing = routePhase && cp.n <= SHARING_MAX_CLIENTS && !longLoads;
  const longRoutes = routePhase && !sharing && cp.n <= SHARING_MAX_CLIENTS;
  const noImprovement = options.iterationsWithoutImprovement ?? (!hasTime && !hasIt ? Math.min(20000, Math.max(500, 30 * cp.n)) : 150_000);
  const ils: Ils = new Ils(cp, slotType, {
    seed: options.seed ?? 1,
    maxIterations: options.maxIterations ?? Infinity,
    granularSize,
    historyLength: options.historyLength ?? sizes.historyLength,
    noImprovement,
    stopOnNoImprovement: !hasTime && !hasIt,
    minPerturbation: options.minPerturbation ?? 1,
    // measured (bench/results/tuning.md): a skewed 1-25 clients up to 500 clients (and on long capacity-only routes), 1-10 above
    maxPerturbation: options.maxPerturbation ?? sizes.maxPerturbation,
    routeRemovalRate: options.routeRemovalRate ?? (objective.type === 'fewest-vehicles' ? (sharing ? 0 : ROUTE_ELIMINATION_RATE) : cp.hasShipments ? SHIPMENT_ROUTE_RUIN_RATE : 0),
    useSwapStar: options.useSwapStar ?? true,
    pairExchange: options.pairExchange ?? false,
    cheapBestUntil: options.cheapBestIterations ?? defaultCheapBest(cp),
    stringRuin: options.stringRuin ?? defaultStringRuin(cp),
    routeCapSlack: routeCap(options.routeCapSlack, cp, objective.type),
    routeOpening: options.routeOpeningKicks ?? (objective.type === 'cost' && cp.n <= ROUTE_OPENING_MAX_CLIENTS),
    routeKickAfter: options.routeKickAfter ?? defaultRouteKick(cp, (objective.type === 'cost' && longLoads) || longRoutes),
    construction: ilsConstruction(options.construction, cp, limitMs),
    sliceEvaluations: SLICE_ADAPTING,
    shouldStop,
    pause: () => pacer.pause(),
    tick: async (iteration, best, cur) => {
      goal.adapt(ils.rs, iteration, best);
      fleet?.step(ils.rs, iteration, best, ils.phase?.sharing); // no attempt while the route phase may resume
      // fewest-vehicles: report the cost without the search's route fixed cost
      const shown = (x: { base: number; routeCount: number }) => x.base - goal.routeFixed * x.routeCount;
      await report(iteration, best ? shown(best) : cur.cost(ils.data.wQ, ils.data.wTW) - goal.routeFixed * cur.routeCount, !!best);
    },
    routeMin: objective.type === 'fewest-vehicles' && !options.initialSolution
      ? {
        attemptIterations: Math.max(1000, ROUTE_MIN_STEPS_PER_CLIENT * cp.n), maxFailures: longRoutes ? LONG_ROUTE_FAILURES : ROUTE_MIN_FAILURES, growth: hasTime ? ROUTE_MIN_GROWTH : 1, phaseOver: phaseClock(limitMs),
        stall: sharing ? ROUTE_MIN_STALL : undefined, shareRatio: ROUTE_MIN_SHARE, penaltyTarget: sharing ? FEWEST_PENALTY_TARGET : undefined,
        // fresh starts when the distance search stalls, not while the fleet limit has slots closed nor while the phase may resume
        restartAfter: longRoutes ? FRESH_START_PER_CLIENT * cp.n : sharing ? SHORT_FRESH_START_PER_CLIENT * cp.n : undefined,
        restartOk: () => !fleet?.attempting && !ils.phase?.sharing,
        // there too: a current plan with fewer routes than the best goes back to it 5 n iterations after a given-up fleet attempt
        lapsed: longRoutes ? ((seen) => () => seen !== (seen = fleet?.lapses ?? 0))(0) : undefined, lapseIterations: LAPSE_PER_CLIENT * cp.n,
        // after the phase: the moves' route price follows the share of candidates that open a route (route-price.ts)
        candidate: ((price) => (rs, more) => void price.observe(rs, more))(new AdaptiveRoutePrice(fewestVehiclePrices(compiled).search)),
      }
      : undefined,
    warm: options.initialSolution ? warmRoutes(cp, options.initialSolution, slotType, slotVehicle) : undefined,
  });
  goal.install(ils.rs);
  const fleet = objective.type === 'fewest-vehicles' ? new FleetLimit(ils.rs, Math.max(200, FLEET_NORMAL_PER_CLIENT * cp.n), Math.max(50, Math.round(FLEET_ATTEMPT_PER_CLIENT * cp.n))) : null;
  if (ils.data.routeTerm === null && fleet === null) ils.params.sliceEvaluations = SLICE;
  if (options.exchange) {
    const ex = options.exchange;
    ils.params.exchange = {
      every: Math.max(1, Math.floor(ex.every)),
      call: async (best, iteration) => {
        const offer: ExchangeOffer | null = best
          ? { cost: best.cost(ils.data.wQ, ils.data.wTW), feasible: best.feasible, plan: slotPlan(cp, best.routes, slotVehicle) }
          : null;
        const got = await ex.exchange(offer, iteration);
        return got ? warmRoutes(cp, got, slotType, slotVehicle) : undefined;
      },
    };
  }
  const res = await ils.run();
  const chosen = res.best ?? res.bestInfeasible;
  return {
    routes: chosen.routes,
    slotVehicle,
    stats: {
      iterations: res.iterations, restarts: res.restarts, evaluations: res.evaluations, moves: res.moves,
      intraMoves: res.intraMoves, penaltyLoad: res.wQ, penaltyTimeWarp: res.wTW,
    },
  };
}
