/**
 * `solveByZones`: planning a very large problem zone by zone.
 *
 * 1. Zones: the jobs are cut into zones of about `zoneSize` (zones.ts),
 *    handing the event loop a turn between iterations; under a time limit the
 *    zoning stops improving after `ZONING_SHARE` of it.
 * 2. Fleet: every vehicle kind is shared between zones in proportion to their
 *    demand (fleet.ts); no vehicle serves two zones, so the plan never has
 *    more routes than vehicles.
 * 3. Each zone is solved by `solve` on a sub-problem holding only its jobs,
 *    its vehicles and the travel between their locations (subproblem.ts), so
 *    memory stays O(zone²); a share of the time limit (`zoneTimeShare`, zone-share.ts) is
 *    divided between zones by job count. A zone whose share cannot pay a
 *    sub-solve's set-up gets the quick plan instead (quick.ts: nearest
 *    neighbour, every route checked exactly). Jobs a zone leaves out are re-homed
 *    by cheapest insertion into nearby routes or onto a spare vehicle.
 * 4. Borders: repeatedly a route is drawn, the routes whose centres lie
 *    nearest to it are gathered up to `zoneSize` jobs (which crosses zone
 *    borders wherever routes meet), with nearby unrouted jobs and a few spare
 *    vehicles, and their union is re-solved warm-started from the current
 *    routes; the result is kept when it routes more jobs, or as many for less
 *    cost (re-checked on the whole problem). Rounds are short and many
 *    (`ROUNDS_PER_ZONE`), until the time limit, `improvementRounds` or an abort.
 * 5. The per-vehicle job lists are assembled into one `Solution` on the whole
 *    problem (times, loads and costs re-derived by the solver's decoder), so
 *    its numbers agree with `checkSolution`.
 */
import { Rng } from '../../core/rng.js';
import { resolveTravel } from '../../model/travel.js';
import type { Problem, RoutePlan, Solution, Unassigned, UnassignedReason } from '../../model/types.js';
import { assertProblem } from '../../model/validate.js';
import { compileProblem } from '../compile.js';
import { assembleSolution } from '../decode.js';
import { defaultTimeLimitMs, solveValidated, type SolveOptions } from '../index.js';
import { abortedSolution } from '../aborted.js';
import { DEFAULT_SLICE_MS, Pacer, runPaced } from '../../core/pacer.js';
import { splitFleet, vehicleKinds, zoneWeights } from './fleet.js';
import type { DecomposeOptions } from './options.js';
import { defaultZoneSize } from './zone-size.js';
import { zoneTimeShare } from './zone-share.js';
import { ZonePlan } from './plan.js';
import { buildSubProblem, mapBack, warmPlan } from './subproblem.js';
import { zoneJobsSteps } from './zones.js';
import { quickZoneSteps } from './quick.js';
import { disjointNeighbourhoods, type Neighbourhood } from './neighbourhoods.js';
import { now } from '../../core/clock.js';

export { shouldDecompose, DECOMPOSE_THRESHOLD, type DecomposeOptions, type ZoneOptions } from './options.js';
export type { ZoningMethod } from './zones.js';

/**
 * HGS population (mu) of a sub-solve unless `populationSize` is given: a
 * sub-solve gets seconds, and with mu = 25 a 400-job zone spends them all
 * building its first 100 individuals (measured: 0 generations in 10 s).
 */
const SUB_POPULATION = 5;
/**
 * The search of a border sub-solve unless the caller sets these: a short
 * late-acceptance history and small ruins (1–10 clients), as above 500
 * clients (run-ils.ts). A border sub-solve gets well under a second from a
 * good warm plan; with the small-instance defaults (history 300, ruins of up
 * to 25) it spends them wandering. Measured on a generated 5,000-client
 * problem at 117 s (bench/results/large.md, "Zone size"): 0.5 % shorter at
 * zones of 400, 0.4 % at 250.
 */
const BORDER_SEARCH = { historyLength: 100, maxPerturbation: 10 } as const;
/** Border rounds planned per zone when the time limit sets their length (each 0.3–5 s). */
const ROUNDS_PER_ZONE = 8;
/**
 * Time kept for the final merge and the re-homing before it: a fixed part, a
 * part per job and a part per job left unrouted (each is re-homed, then given
 * its reason through a one-job compile). Measured on the 2-core machine: 5 ms
 * for 10,000 jobs all routed, 177 ms for 2,000 jobs with 400 unroutable
 * (0.44 ms each; 1.9 ms in one run of two); the figures below allow for that. It was 3 % of the
 * time limit, which left 7 s of a 240 s limit idle at 10,000 jobs
 * (bench/results/large.md).
 */
const MERGE_MIN_MS = 20;
const MERGE_PER_JOB_MS = 0.02;
const MERGE_PER_UNROUTED_MS = 2.5;
/**
 * A sub-solve's set-up (compile, neighbourhoods, construction, decode, merge
 * back) per job, before one has been measured: 0.1–0.25 ms per job on this
 * project's 2-core machine (bench/results/responsive.md).
 */
const SETUP_MS_PER_JOB = 0.25;
/** Share of the time limit after which the zoning stops improving its zones (it keeps the valid zones it has). */
const ZONING_SHARE = 0.1;
/** A zone whose share of the time limit is below this many set-ups gets the quick plan instead of a sub-solve. */
const QUICK_BELOW = 1.5;

/**
 * Whether a time limit of `timeLimitMs` leaves every zone of an `jobs`-job
 * problem too short a share for a sub-solve, so that the zones all get the
 * quick plan (before any sub-solve has been measured).
 */
export function quickZonesExpected(jobs: number, timeLimitMs: number, share?: number): boolean {
  return zoneTimeShare(share, jobs, timeLimitMs) * timeLimitMs < QUICK_BELOW * SETUP_MS_PER_JOB * jobs;
}

/** How `solve` hands a problem over: when its clock started, and that it validated the problem already. */
export interface ZoneCall {
  started?: number;
  validated?: boolean;
}

/**
 * Solves `problem` zone by zone (see the module comment). Same contract as
 * `solve`: every job ends in a route or in `unassigned` with a reason, no
 * constraint is violated, the best plan so far is returned on time-out or abort.
 * Deterministic for a seed when `maxIterations` bounds every sub-solve.
 */
export async function solveByZones(problem: Problem, options: DecomposeOptions = {}, call: ZoneCall = {}): Promise<Solution> {
  const started = call.started ?? now();
  if (!call.validated) assertProblem(problem);
  const pacer = new Pacer(Math.max(0, options.yieldIntervalMs ?? DEFAULT_SLICE_MS), options.signal);
  if (pacer.aborted) return abortedSolution(problem, now() - started);
  const travel = resolveTravel(problem);
  const dims = capacityDims(problem);
  const n = problem.jobs.length;
  const hasTime = options.timeLimitMs !== undefined;
  const hasIt = options.maxIterations !== undefined;
  const timeLimit = hasTime ? options.timeLimitMs! : hasIt ? Infinity : defaultTimeLimitMs(n);
  const deadline = started + timeLimit;
  const signal = options.signal;
  const rng = new Rng(options.seed ?? 1);
  const zoneSize = Math.max(2, options.zoneSize ?? defaultZoneSize(problem));
  const { decompose: _d, decomposeThreshold: _t, zoneSize: _z, zoning: _m, zoneTimeShare: _s, improvementRounds: _r,
    timeLimitMs: _l, seed: _e, signal: _g, onProgress, initialSolution, maxIterations, exchange: _x,
    solveBatch, borderParallelism, ...search } = options;
  // border neighbourhoods re-solved at once: only when someone can run them side by side
  const batchSize = solveBatch ? Math.max(1, Math.floor(borderParallelism ?? 1)) : 1;
  const stopped = () => signal?.aborted === true || now() >= deadline;
  let subSolves = 0;
  let improvements = 0;
  let quickZones = 0;
  // What a sub-solve costs beyond its time limit (compile, construction, decode): measured, and taken off the next budgets.
  let overheadMs = 0;
  /** A sub-solve's set-up for `jobs` jobs: as measured once one ran, else the a-priori estimate. */
  const setupEstimate = (jobs: number) => (subSolves > 0 ? overheadMs : SETUP_MS_PER_JOB * jobs);

  const plan = new ZonePlan(problem, travel, dims);
  /** What the final merge will take (see `MERGE_MIN_MS`), given the jobs unrouted now. */
  const mergeMs = () => (Number.isFinite(timeLimit) ? MERGE_MIN_MS + MERGE_PER_JOB_MS * n + MERGE_PER_UNROUTED_MS * plan.unrouted.size : 0);
  const kinds = vehicleKinds(problem, travel);
  await pacer.pause();
  // zoning hands the event loop a turn between its iterations; under a time limit it stops improving the zones after its share
  const zoningEnd = started + ZONING_SHARE * timeLimit;
  const zoningStop = hasTime ? () => now() >= zoningEnd : undefined;
  // when every zone will get the quick plan, the polar sweep (O(n log n)) cuts the zones instead of k-means
  const zoning = options.zoning ?? (hasTime && quickZonesExpected(n, timeLimit, options.zoneTimeShare) ? 'sweep' : 'kmeans');
  const zones = await runPaced(zoneJobsSteps(travel, n, zoneSize, zoning, rng, zoningStop), pacer);
  if (zones === undefined) return abortedSolution(problem, now() - started);
  await pacer.pause();
  const fleet = splitFleet(kinds, zoneWeights(problem, zones.members), zones.members.map((m) => m.length));
  const spare = fleet.spare;
  const progress = () => onProgress?.({ iteration: subSolves, elapsedMs: now() - started, bestCost: plan.totalCost(), feasible: true });

  /** A sub-problem and its options (`budgetMs` Infinity when iterations bound it); the seed is drawn here, in call order. */
  const prepare = (jobs: number[], vehicles: number[], budgetMs: number, warm: boolean) => {
    const sub = buildSubProblem(problem, travel, jobs, vehicles);
    // `decompose: 'never'`: a sub-problem is never cut again, whatever its size.
    const opts: SolveOptions & { decompose: 'never' } = {
      populationSize: SUB_POPULATION, ...(warm ? BORDER_SEARCH : {}), ...search, decompose: 'never', seed: rng.nextUint32() % 2147483647,
    };
    if (Number.isFinite(budgetMs)) opts.timeLimitMs = Math.max(1, budgetMs);
    if (maxIterations !== undefined) opts.maxIterations = maxIterations;
    if (warm) opts.initialSolution = warmPlan(problem, plan.routes, vehicles);
    return { sub, opts, budgetMs };
  };
  /** Measured set-up beyond a sub-solve's limit, taken off the next budgets. */
  const measure = (t0: number, budgetMs: number) => {
    if (!Number.isFinite(budgetMs)) return;
    const over = now() - t0 - Math.max(1, budgetMs);
    overheadMs = subSolves === 0 ? Math.max(0, over) : Math.max(0, 0.5 * overheadMs + 0.5 * over);
  };
  /** One sub-solve here, on this thread. */
  const subSolve = async (jobs: number[], vehicles: number[], budgetMs: number, warm: boolean) => {
    const t0 = now();
    const { sub, opts } = prepare(jobs, vehicles, budgetMs, warm);
    const solution = await solveValidated(sub.problem, signal ? { ...opts, signal } : opts, t0);
    measure(t0, budgetMs);
    subSolves++;
    return { solution, back: mapBack(problem, sub, solution) };
  };
  /** Several sub-solves side by side through `solveBatch` (one alone runs here). */
  const subSolveMany = async (calls: { jobs: number[]; vehicles: number[]; budgetMs: number }[]) => {
    if (calls.length === 1 || !solveBatch) {
      const out = [];
      for (const c of calls) out.push(await subSolve(c.jobs, c.vehicles, c.budgetMs, true));
      return out;
    }
    const t0 = now();
    const prepared = calls.map((c) => prepare(c.jobs, c.vehicles, c.budgetMs, true));
    const solutions = await solveBatch(prepared.map((p) => ({ problem: p.sub.problem, options: p.opts })));
    measure(t0, Math.max(...calls.map((c) => c.budgetMs)));
    subSolves += calls.length;
    return prepared.map((p, i) => ({ solution: solutions[i], back: mapBack(problem, p.sub, solutions[i]) }));
  };

  // --- 1. zones (or the caller's plan) --------------------------------------------
  const share = zoneTimeShare(options.zoneTimeShare, n, timeLimit);
  const phaseOneEnd = started + share * (deadline - started);
  let jobsLeft = n;
  if (initialSolution) {
    loadPlan(plan, initialSolution, spare, fleet.perZone);
    zones.members.length = 0;
  }
  for (let z = 0; z < zones.members.length; z++) {
    const members = zones.members[z];
    const vehicles = fleet.perZone[z];
    if (signal?.aborted || vehicles.length === 0) {
      for (const j of members) {
        if (signal?.aborted) plan.leaveOut(j, 'aborted', 'the solve was aborted before the job was planned');
        else plan.leaveOut(j);
      }
      spare.push(...vehicles);
      jobsLeft -= members.length;
      continue;
    }
    const share = hasTime || !hasIt ? ((phaseOneEnd - now()) * members.length) / jobsLeft : Infinity;
    jobsLeft -= members.length;
    // a share too short to pay a sub-solve's set-up: the quick plan (quick.ts), no compile, no search
    if (hasTime && share < QUICK_BELOW * setupEstimate(members.length)) {
      const quick = await runPaced(quickZoneSteps(plan, members, vehicles), pacer);
      if (quick === undefined) {
        for (const j of members) if (plan.routeOf[j] < 0) plan.leaveOut(j, 'aborted', 'the solve was aborted before the job was planned');
        spare.push(...vehicles.filter((k) => !plan.routes.has(k)));
        continue;
      }
      quickZones++;
      for (const j of quick.left) plan.leaveOut(j);
      spare.push(...quick.unused);
      progress();
      continue;
    }
    const budget = share - overheadMs;
    const { back } = await subSolve(members, vehicles, budget, false);
    for (const [k, jobs] of back.routes) {
      plan.setRoute(k, jobs); // simulates the route on the whole problem
      if (pacer.due()) await pacer.yieldNow();
    }
    for (const u of back.unassigned) plan.leaveOut(u.job, u.reason, u.message);
    for (const k of vehicles) if (!back.routes.has(k)) spare.push(k);
    progress();
  }
  spare.sort((a, b) => a - b);
  if (!signal?.aborted) plan.rehomeAll([...plan.unrouted].sort((a, b) => a - b), spare);
  await pacer.pause();

  // --- 2. borders -------------------------------------------------------------
  /** Keeps a re-solved neighbourhood when it routes more jobs, or as many for less cost (simulated on the whole problem). */
  const applyRound = async (hood: Neighbourhood, back: ReturnType<typeof mapBack>): Promise<boolean> => {
    const oldAssigned = hood.routed.length;
    const oldCost = hood.vehicles.reduce((s, k) => s + (plan.cost.get(k) ?? 0), 0);
    let newAssigned = 0;
    let newCost = 0;
    let valid = true;
    const simulated = new Map<number, number>();
    for (const [k, jobs] of back.routes) {
      const s = plan.simulate(k, jobs);
      if (s.violations > 0) valid = false;
      simulated.set(k, s.cost);
      newAssigned += jobs.length;
      newCost += s.cost;
      if (pacer.due()) await pacer.yieldNow();
    }
    const better = newAssigned > oldAssigned || (newAssigned === oldAssigned && newCost < oldCost - 1e-9 * Math.max(1, oldCost));
    if (!valid || !better) return false;
    for (const k of hood.vehicles) {
      const jobs = back.routes.get(k);
      plan.setRoute(k, jobs ?? [], simulated.get(k));
      const at = spare.indexOf(k);
      if (jobs && at >= 0) spare.splice(at, 1);
      if (!jobs && at < 0) spare.push(k);
    }
    for (const u of back.unassigned) plan.leaveOut(u.job, u.reason, u.message);
    spare.sort((a, b) => a - b);
    return true;
  };
  const rounds = options.improvementRounds ?? (hasTime || !hasIt ? Infinity : 2 * zones.k);
  // Many short rounds beat few long ones: most of a round's gain is the local
  // search of the warm start across the old borders (bench/results/large.md).
  const perRoundMs = hasTime || !hasIt ? Math.min(5000, Math.max(300, (deadline - now()) / Math.max(1, ROUNDS_PER_ZONE * zones.k))) : Infinity;
  const seeds = { order: [] as number[], rng };
  let outOfTime = false;
  for (let round = 0; round < rounds && plan.routes.size > 0; ) {
    if (stopped()) {
      outOfTime = !signal?.aborted;
      break;
    }
    const drawn = disjointNeighbourhoods(plan, seeds, Math.min(batchSize, rounds - round), zoneSize, spare, shuffle);
    if (drawn.length === 0) continue; // every drawn seed route was gone: draw again
    // each round's limit leaves room for its own overhead and for the final merge
    const calls: { hood: Neighbourhood; jobs: number[]; vehicles: number[]; budgetMs: number }[] = [];
    for (const hood of drawn) {
      const budgetMs = Math.min(perRoundMs, deadline - now() - mergeMs() - setupEstimate(hood.routed.length + hood.unrouted.length));
      if (budgetMs >= 50) calls.push({ hood, jobs: hood.routed.concat(hood.unrouted), vehicles: hood.vehicles, budgetMs });
    }
    if (calls.length === 0) {
      outOfTime = true;
      break;
    }
    round += calls.length;
    const results = await subSolveMany(calls);
    for (let c = 0; c < calls.length; c++) {
      if (await applyRound(calls[c].hood, results[c].back)) improvements++;
    }
    progress();
    await pacer.pause();
  }
  if (!signal?.aborted) plan.rehomeAll([...plan.unrouted].sort((a, b) => a - b), spare);

  // --- 3. merge (routes simulated already are reused: ZonePlan.finalRoute) -----------
  const unassigned: Unassigned[] = [];
  for (const j of [...plan.unrouted].sort((a, b) => a - b)) {
    unassigned.push(reasonFor(problem, travel, kinds, plan, j));
    if (pacer.due()) await pacer.yieldNow();
  }
  const routes = [];
  for (const k of [...plan.routes.keys()].sort((a, b) => a - b)) {
    routes.push(plan.finalRoute(k));
    if (pacer.due()) await pacer.yieldNow();
  }
  const solution = assembleSolution(plan.decode, routes, unassigned);
  solution.status = signal?.aborted ? 'aborted' : outOfTime || now() >= deadline ? 'time-limit' : 'completed';
  solution.stats = { zones: zones.k, subSolves, ...(quickZones > 0 ? { quickZones } : {}), improvements, elapsedMs: now() - started };
  return solution;
}

/**
 * Starts from the caller's plan (a warm start): each of its routes whose
 * vehicle and jobs are known and that is feasible on its own is kept; the jobs
 * of the other routes, and jobs in no route, are left to be re-homed. Every
 * vehicle not used by a kept route becomes spare.
 */
function loadPlan(plan: ZonePlan, initial: RoutePlan, spare: number[], perZone: number[][]): void {
  const problem = plan.problem;
  const jobOf = new Map<string, number>();
  problem.jobs.forEach((job, j) => jobOf.set(String(job.id), j));
  const vehicleOf = new Map<string, number>();
  problem.vehicles.forEach((v, k) => vehicleOf.set(String(v.id), k));
  const placed = new Uint8Array(problem.jobs.length);
  for (const r of initial.routes) {
    const k = vehicleOf.get(String(r.vehicle));
    if (k === undefined || plan.routes.has(k)) continue;
    const jobs: number[] = [];
    for (const s of r.steps) {
      if (s.type !== 'job' || s.id === undefined) continue;
      const j = jobOf.get(String(s.id));
      if (j !== undefined && !placed[j]) jobs.push(j);
    }
    if (jobs.length === 0) continue;
    const sim = plan.simulate(k, jobs);
    if (sim.violations > 0) continue;
    for (const j of jobs) placed[j] = 1;
    plan.setRoute(k, jobs, sim.cost);
  }
  for (let j = 0; j < problem.jobs.length; j++) if (!placed[j]) plan.leaveOut(j);
  for (const list of perZone) for (const k of list) if (!plan.routes.has(k)) spare.push(k);
  for (let z = 0; z < perZone.length; z++) perZone[z] = [];
  // spare vehicles that already have a route (none: perZone held every non-spare vehicle) stay out of the pool
  for (let i = spare.length - 1; i >= 0; i--) if (plan.routes.has(spare[i])) spare.splice(i, 1);
}

/**
 * Why job `j` stays out: `fleet-exhausted` when some vehicle could serve it
 * alone, else the reason `solve`'s own compile step gives for a problem with
 * just this job and one vehicle of every kind (plus the vehicles it names).
 */
function reasonFor(problem: Problem, travel: ReturnType<typeof resolveTravel>, kinds: number[][], plan: ZonePlan, j: number): Unassigned {
  const job = problem.jobs[j];
  const kept = plan.reasons.get(j);
  // left out because of an abort: no sub-solve had the time to plan it
  if (kept?.reason === 'aborted') return { id: job.id, reason: 'aborted', ...(kept.message ? { message: kept.message } : {}) };
  const allowed = job.allowedVehicles ? new Set(job.allowedVehicles.map(String)) : null;
  const reps = kinds.map((kind) => kind.find((k) => !allowed || allowed.has(String(problem.vehicles[k].id))) ?? kind[0]);
  for (const k of reps) {
    if (allowed && !allowed.has(String(problem.vehicles[k].id))) continue;
    if (plan.simulate(k, [j]).violations === 0) {
      return { id: job.id, reason: 'fleet-exhausted', message: 'no feasible room for the job in the fleet was found' };
    }
  }
  const sub = buildSubProblem(problem, travel, [j], reps);
  const cp = compileProblem(sub.problem, { granularSize: 1 });
  const why = cp.unassigned[0];
  if (why) return { id: job.id, reason: why.reason, ...(why.message ? { message: why.message } : {}) };
  return { id: job.id, reason: (kept?.reason ?? 'fleet-exhausted') as UnassignedReason, ...(kept?.message ? { message: kept.message } : {}) };
}

function capacityDims(problem: Problem): number {
  let dims = 1;
  for (const j of problem.jobs) dims = Math.max(dims, j.delivery?.length ?? 0, j.pickup?.length ?? 0);
  for (const v of problem.vehicles) dims = Math.max(dims, v.capacity?.length ?? 0);
  return dims;
}

/** Fisher–Yates with the given generator. */
function shuffle<T>(a: T[], rng: Rng): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const r = rng.int(i + 1);
    [a[i], a[r]] = [a[r], a[i]];
  }
  return a;
}
