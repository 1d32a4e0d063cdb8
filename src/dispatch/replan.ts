/**
 * `replan`: a new plan while vehicles are on the road.
 *
 * 1. `inferProgress`: which steps are served / in progress (frozen) at `now`,
 *    which vehicles have left their start.
 * 2. `reduceProblem`: the future as a fresh problem (vehicles start where they
 *    are, when they are free; what is on board stays on board; promised jobs
 *    prefer their vehicle by `promisePenalty`; cancelled jobs leave, new join).
 * 3. `updateTravel`: closed / slowed roads, changed matrix arcs.
 * 4. `solve`, warm-started from the old plan's remaining sequences; compared
 *    with the kept-order plan (`keepOrderPlan`) at promisePenalty per changed job.
 * 5. `mergePlan` + `diffPlans`: frozen prefixes + new plan, and what changed.
 *
 * A vehicle on the road pays for the rest of its trip to its end whatever the
 * plan gives it (home stops, `home.ts`), and `maxEtaShift` bounds how far a
 * promised ETA may move (`eta-bound.ts`).
 *
 * The returned `solution` is a plan of the returned `problem` (the reduced
 * one) and is checked with the independent checker (`check`).
 *
 * Approximations (documented choices):
 * - Without a live position, a vehicle on the road is re-planned from its last
 *   frozen stop (or its start) at `max(now, that stop's departure)`: if it is
 *   already driving on, the new plan is pessimistic by the part driven.
 * - A vehicle whose route is completely served and that reached its end by
 *   `now` is finished (no second trip). A vehicle on the road whose shift ends
 *   before it is free is not re-planned; its on-board orders are reported
 *   unassigned (`no-vehicle`) and its drive home is appended to the plan view.
 * - Goods of cancelled orders on a van count against its capacity; goods of
 *   on-board orders the new plan leaves unassigned are shown in the plan
 *   view's loads but were not known to the search (a pickup added to that van
 *   could then overfill it; rare, not checked).
 * - Promises: the search pays `promisePenalty` for moving a promised job to
 *   another vehicle; re-ordering is priced afterwards, by comparing the
 *   search's plan with the kept-order plan (`options.keepOrder`,
 *   `changes.selection`), not inside the search.
 * - Shipments (docs/semantics.md, "Re-planning with shipments"): a shipment
 *   picked up and not delivered is on board: its delivery is a job pinned to
 *   its vehicle carrying the amount from the start; promises apply to jobs only.
 *   One its vehicle cannot make even alone is unassigned before the search and
 *   its goods lower that vehicle's capacity (`settleOnBoard`).
 */
import type { Id, Job, Location, Problem, RoutePlan, Solution } from '../model/types.js';
import { VrpkitError } from '../core/errors.js';
import { departAt, planWithTimes } from './plan-times.js';
import { resolveTravel } from '../model/travel.js';
import { checkSolution, type CheckReport } from '../model/check.js';
import { solve as defaultSolve, type SolveOptions } from '../solver/index.js';
import { inferProgress, type PlanProgress, type ReplanEvents } from './events.js';
import { reduceProblem, type Reduction } from './reduce.js';
import { settleOnBoard } from './reduce-shipments.js';
import { updateTravel, type BaseMatrix, type DerivableNetwork, type TravelReport } from './travel-events.js';
import { mergePlan, type Leg, type LocationOf, type MergedPlan } from './merge.js';
import { stopId, taskOfStep, taskTable } from '../model/tasks.js';
import { diffPlans, type ReplanChanges } from './changes.js';
import { keepOrderPlan } from './keep-order.js';
import { addHomeStops, withHomeLast, withoutHomeStops } from './home.js';
import { boundEtas, promisedStarts, promisedStopStarts, type EtaBound } from './eta-bound.js';

export interface ReplanOptions {
  /** See `ReduceOptions.promisePenalty`. Default: the old plan's cost per routed job. */
  promisePenalty?: number;
  /** ETA moves larger than this (time units) are counted in `changes`. Default 900 (15 min in seconds). */
  etaThreshold?: number;
  /**
   * Most a promised job's service start may move from the old plan's (time
   * units; default unlimited). The search sees each promised job with its
   * service start bounded to `[promised − maxEtaShift, promised + maxEtaShift]`;
   * when that leaves more jobs unassigned than keeping every previous
   * assignment (the kept-order plan, built whatever `keepOrder` and
   * `promisePenalty` say), the previous assignments are kept. See `eta-bound.ts`.
   */
  maxEtaShift?: number;
  /** Passed to the solver. */
  seed?: number;
  maxIterations?: number;
  timeLimitMs?: number;
  signal?: AbortSignal;
  onProgress?: SolveOptions['onProgress'];
  /**
   * Vehicles on the road drive on as soon as they are free (their start
   * departure is restated to that time when feasible) instead of waiting where
   * they are for as long as they would wait further on (the `d*` rule). Default true.
   */
  driveOn?: boolean;
  /**
   * Also build the kept-order plan (remaining stops in their old order, other
   * jobs inserted where cheapest) and return it instead of the search's plan
   * when it leaves no more jobs unassigned and its cost + promisePenalty ×
   * (jobs whose vehicle or position changed) is lower. Default true (no effect
   * when promisePenalty is 0).
   */
  keepOrder?: boolean;
  /** Warm-start the solver from the old plan's remaining sequences. Default true. */
  warmStart?: boolean;
  /** Road network travel: the old matrix over `travel.points`, to recompute only affected pairs. */
  baseMatrix?: BaseMatrix;
  /** The solver to use (default: vrpkit's `solve`). */
  solver?: (problem: Problem, options: SolveOptions) => Promise<Solution>;
}

/** One candidate plan as compared: route cost, changed open jobs, unassigned jobs, cost + promisePenalty × changed. */
export interface CandidateSummary {
  cost: number;
  changed: number;
  unassigned: number;
  score: number;
}

/**
 * Which plan was returned: the search's, or the kept-order plan (old sequences
 * kept, other jobs inserted where cheapest) when it leaves no more jobs
 * unassigned and scores lower.
 */
export interface Selection {
  plan: 'search' | 'kept-order';
  search: CandidateSummary;
  keptOrder?: CandidateSummary;
}

function summaryOf(c: { cost: number; changes: { changed: unknown[] }; unassigned: number; score: number }): CandidateSummary {
  return { cost: c.cost, changed: c.changes.changed.length, unassigned: c.unassigned, score: c.score };
}

export interface ReplanResult {
  /** The reduced problem that was solved (the future only). */
  problem: Problem;
  /** The solver's plan for `problem`. */
  solution: Solution;
  /** The full plan view: frozen prefixes + the new plan, per vehicle. */
  plan: MergedPlan;
  changes: ReplanChanges & {
    travel: TravelReport;
    promisePenalty: number;
    selection: Selection;
    /** With `maxEtaShift`: the bounded and unboundable promised jobs, and whether the bound held (the search's plan was chosen). */
    etaBound?: { maxEtaShift: number; bounded: Id[]; unbounded: Id[]; held: boolean };
  };
  /** The independent check of `solution` against `problem`. */
  check: Pick<CheckReport, 'feasible' | 'violations'>;
  progress: PlanProgress;
}

/**
 * Re-plans `oldPlan` (a solution of `problem`; steps without times get the
 * checker's times) given what happened (`events`).
 * Throws a `VrpkitError` listing every problem when the events do not fit.
 */
export async function replan(
  problem: Problem,
  oldPlan: Solution | RoutePlan,
  events: ReplanEvents,
  options: ReplanOptions = {},
): Promise<ReplanResult> {
  if (options.maxEtaShift !== undefined && !(typeof options.maxEtaShift === 'number' && options.maxEtaShift >= 0)) {
    throw new VrpkitError('negative', `maxEtaShift must be a number ≥ 0, got ${String(options.maxEtaShift)}`, '/maxEtaShift');
  }
  const plan = planWithTimes(problem, oldPlan);
  const progress = inferProgress(problem, plan, events);
  const reduced0 = reduceProblem(problem, plan, progress, events, { promisePenalty: options.promisePenalty });
  const updated = updateTravel(reduced0.problem, events, options.baseMatrix);
  const { report, network } = updated;
  // On-board deliveries their vehicle cannot make at all are unassigned now; their goods stay on board.
  const { problem: reduced, reduction } = settleOnBoard(updated.problem, reduced0);
  // Every vehicle on the road pays for its drive to its end (home stops); promised ETAs may be bounded.
  const home = addHomeStops(reduced, reduction.states);
  let bound: EtaBound | undefined;
  if (options.maxEtaShift !== undefined) {
    const promised = promisedStarts(plan, reduction.initialSolution);
    const stops = promisedStopStarts(plan, reduction.initialSolution, progress.keys);
    for (const [id, p] of stops.onBoard) promised.set(id, p);
    bound = boundEtas(home.problem, promised, options.maxEtaShift, stops.stops);
  }
  const toSolve = bound?.problem ?? home.problem;
  const initial = withHomeLast(reduction.initialSolution, home);

  const solveOptions: SolveOptions = {};
  if (options.seed !== undefined) solveOptions.seed = options.seed;
  if (options.maxIterations !== undefined) solveOptions.maxIterations = options.maxIterations;
  if (options.timeLimitMs !== undefined) solveOptions.timeLimitMs = options.timeLimitMs;
  if (options.signal) solveOptions.signal = options.signal;
  if (options.onProgress) solveOptions.onProgress = options.onProgress;
  if (options.warmStart !== false && initial.routes.length > 0) solveOptions.initialSolution = initial;
  const solver = options.solver ?? defaultSolve;
  // Nothing to plan, or nobody left to plan for: no search needed.
  const found =
    reduced.jobs.length + (reduced.shipments?.length ?? 0) > 0 && toSolve.vehicles.length > 0
      ? await solver(toSolve, solveOptions)
      : emptySolution(reduced);
  const onRoad = new Map<Id, number>();
  if (options.driveOn !== false) for (const s of reduction.states) if (s.departed && s.available) onRoad.set(s.vehicle, s.readyTime);
  const searched = departAt(toSolve, found, onRoad);

  const leg = legFunction(problem, reduced, network);
  const locationOf = locationLookup(problem, events.newJobs);
  // A candidate is a plan of the problem with home stops (`toSolve` or `home.problem`): its cost includes every drive home.
  const evaluate = (candidate: Solution, solved: Problem) => {
    const cost = candidate.routes.reduce((a, r) => a + r.cost, 0);
    const returned = solved === toSolve && bound ? { ...bound.problem, jobs: bound.problem.jobs.slice(0, reduced.jobs.length), vehicles: reduced.vehicles } : reduced;
    const solution = withoutHomeStops(returned, candidate, home);
    const merged = mergePlan(problem, reduction, solution, leg, locationOf);
    const changes = diffPlans({
      oldPlan: plan,
      merged,
      progress,
      newJobIds: (events.newJobs ?? []).map((j) => j.id),
      cancelled: reduction.cancelled,
      restricted: reduction.restricted,
      retiredVehicles: reduction.states.filter((s) => s.retired).map((s) => s.vehicle),
      etaThreshold: options.etaThreshold ?? 900,
    });
    const score = cost + reduction.promisePenalty * changes.changed.length;
    return { solution, problem: returned, merged, changes, cost, score, unassigned: solution.unassigned.length };
  };
  let chosen = evaluate(searched, toSolve);
  const selection: Selection = { plan: 'search', search: summaryOf(chosen) };
  const keepOrder = options.keepOrder !== false && reduction.promisePenalty > 0;
  if ((keepOrder || bound) && toSolve.vehicles.length > 0) {
    // The kept-order plan is a plan of the problem without the ETA bound: it keeps the previous assignments.
    const kept = keepOrderPlan(home.problem, initial, onRoad);
    const reasons = new Map<Id, Solution['unassigned'][number]>(searched.unassigned.map((u) => [u.id, u]));
    if (kept && kept.unrouted.every((id) => reasons.has(id))) {
      const keptSolution = planWithTimes(home.problem, {
        routes: kept.routes.map((r) => ({
          vehicle: r.vehicle,
          steps: [
            r.departure === undefined ? { type: 'start' as const } : { type: 'start' as const, departure: r.departure },
            ...r.steps,
            { type: 'end' as const },
          ],
        })),
        unassigned: kept.unrouted.map((id) => ({ ...reasons.get(id)! })),
      });
      keptSolution.unassigned = kept.unrouted.map((id) => ({ ...reasons.get(id)! }));
      const alt = evaluate(keptSolution, home.problem);
      selection.keptOrder = summaryOf(alt);
      // Without promises (promisePenalty 0 or keepOrder false) the kept-order plan only stands in for a bounded search that drops jobs.
      const better = alt.unassigned < chosen.unassigned || (keepOrder && alt.unassigned === chosen.unassigned && alt.score < chosen.score);
      if (better) {
        chosen = alt;
        selection.plan = 'kept-order';
      }
    }
  }
  const { solution, merged, changes } = chosen;
  const report0 = checkSolution(chosen.problem, solution as unknown as RoutePlan);
  return {
    problem: chosen.problem,
    solution,
    plan: merged,
    changes: {
      ...changes,
      travel: report,
      promisePenalty: reduction.promisePenalty,
      selection,
      ...(bound
        ? { etaBound: { maxEtaShift: bound.maxEtaShift, bounded: bound.bounded.map((b) => b.id), unbounded: bound.unbounded, held: selection.plan === 'search' } }
        : {}),
    },
    check: { feasible: report0.feasible, violations: report0.violations },
    progress,
  };
}

/** A plan without routes: every job and shipment unassigned because no vehicle is available any more. */
function emptySolution(problem: Problem): Solution {
  const message = 'no vehicle is available any more (shifts over or routes finished)';
  const unassigned: Solution['unassigned'] = [
    ...problem.jobs.map((j) => ({ id: j.id, reason: 'no-vehicle' as const, message })),
    ...(problem.shipments ?? []).map((sh) => ({ id: sh.id, type: 'shipment' as const, pickup: stopId(sh, 'pickup'), delivery: stopId(sh, 'delivery'), reason: 'no-vehicle' as const, message })),
  ];
  return {
    summary: { cost: 0, routes: 0, unassigned: unassigned.length, distance: 0, duration: 0, waiting: 0, service: 0, delivery: [], pickup: [] },
    routes: [],
    unassigned,
  };
}

/** Where a task step is in the original problem: a job (old or new) by id, a shipment stop by its step. */
function locationLookup(problem: Problem, newJobs: Job[] | undefined): LocationOf {
  const map = new Map<Id, Location>();
  for (const j of problem.jobs) map.set(j.id, j.location);
  for (const j of newJobs ?? []) map.set(j.id, j.location);
  const table = taskTable(problem);
  return (step) => {
    if (step.type === 'job') return step.id === undefined ? undefined : map.get(step.id);
    const t = taskOfStep(table, step);
    return typeof t === 'number' ? table.tasks[t].location : undefined;
  };
}

/**
 * Travel between two locations as given in the ORIGINAL problem's terms, on the
 * travel of the solved problem (updated matrices / derived network).
 */
function legFunction(original: Problem, solved: Problem, network: DerivableNetwork | undefined): Leg {
  const travel = original.travel;
  if (travel.type === 'network' && network) {
    const points = travel.points ?? [];
    return (from, to) => {
      if (from === undefined) return { duration: 0, distance: 0 };
      const pt = (l: Location) => (typeof l === 'number' ? points[l] : l);
      const m = network.travelMatrix([pt(from), pt(to)]);
      return { duration: m.durations[1], distance: m.distances[1] };
    };
  }
  return (from, to) => {
    if (from === undefined) return { duration: 0, distance: 0 };
    const r = resolveTravel({
      travel: solved.travel,
      jobs: [
        { id: 0, location: from },
        { id: 1, location: to },
      ],
      vehicles: [],
    });
    const a = r.jobLocation[0];
    const b = r.jobLocation[1];
    return { duration: r.duration(a, b), distance: r.distance(a, b) };
  };
}

export type { Reduction };
