/**
 * The objective of docs/semantics.md ("Objective and summary"): plans compare
 * lexicographically, as in VROOM — more served priority is better, then more
 * served tasks — and then by the problem's objective `score`, a short list of
 * numbers compared in order, lower is better:
 *
 * | objective         | score                                   |
 * | ----------------- | --------------------------------------- |
 * | `cost` (default)  | `[cost]`                                |
 * | `fewest-vehicles` | `[routes, cost]`                        |
 * | `balance`         | `[cost + weight × spread]`              |
 * | `makespan`        | `[makespan, cost]`                      |
 *
 * `spread` is the population standard deviation of the balance measure over
 * every vehicle of the problem (a vehicle without a route counts 0);
 * `makespan` is the latest end arrival of a route with tasks.
 */
import { idKey } from './ids.js';
import type { BalanceMeasure, Objective, ObjectiveName, Problem, Solution } from './types.js';

/** The numbers the objective compares (a checker summary has them). */
export interface ObjectiveValues {
  /** Summed priority of the served tasks. */
  priority: number;
  /** Number of served tasks (a job 1, a shipment 2). */
  tasks: number;
  cost: number;
  /** The objective's score (see the module comment); `[cost]` when absent. */
  objective?: { score: number[] };
}

/** An objective with every setting filled in. */
export interface ResolvedObjective {
  type: ObjectiveName;
  /** `balance` only (`duration` otherwise, unused). */
  measure: BalanceMeasure;
  /** `balance` only (1 otherwise, unused). */
  weight: number;
}

/** The objective of a (validated) problem: `problem.objective` with its defaults (`cost`; balance: `duration`, weight 1). */
export function resolveObjective(objective: Objective | undefined): ResolvedObjective {
  if (objective === undefined) return { type: 'cost', measure: 'duration', weight: 1 };
  if (typeof objective === 'string') return { type: objective, measure: 'duration', weight: 1 };
  return { type: objective.type, measure: objective.measure ?? 'duration', weight: objective.weight ?? 1 };
}

/**
 * `problem` with its objective replaced by `objective` (the `objective` solve
 * option); a bare name equal to the type of the problem's own objective object
 * keeps that object's settings (`--objective balance` keeps `measure`, `weight`).
 */
export function withObjective(problem: Problem, objective: Objective | undefined): Problem {
  if (objective === undefined || typeof problem !== 'object' || problem === null) return problem;
  const own = problem.objective;
  if (typeof objective === 'string' && typeof own === 'object' && own !== null && own.type === objective) return problem;
  return { ...problem, objective };
}

/** What a plan's score is computed from. */
export interface PlanFigures {
  cost: number;
  /** Routes with at least one task. */
  routes: number;
  /** Latest end arrival over the routes with tasks (0 without any). */
  makespan: number;
  /** The balance measure per vehicle of the problem (0 for a vehicle without a route). */
  measure: ArrayLike<number>;
}

/** Population standard deviation of `values` (0 for an empty list); two passes, for accuracy. */
export function spreadOf(values: ArrayLike<number>): number {
  const m = values.length;
  if (m === 0) return 0;
  let sum = 0;
  for (let k = 0; k < m; k++) sum += values[k];
  const mean = sum / m;
  let squares = 0;
  for (let k = 0; k < m; k++) squares += (values[k] - mean) * (values[k] - mean);
  return Math.sqrt(squares / m);
}

/** The objective's score of a plan (see the module comment), and the spread for `balance`. */
export function objectiveScore(objective: ResolvedObjective, plan: PlanFigures): { score: number[]; spread?: number } {
  switch (objective.type) {
    case 'fewest-vehicles':
      return { score: [plan.routes, plan.cost] };
    case 'makespan':
      return { score: [plan.makespan, plan.cost] };
    case 'balance': {
      const spread = spreadOf(plan.measure);
      // A weight of 0 adds nothing, even to an infinite spread.
      return { score: [plan.cost + (objective.weight === 0 ? 0 : objective.weight * spread)], spread };
    }
    default:
      return { score: [plan.cost] };
  }
}

/**
 * Orders two plans by the objective: negative when `a` is better, positive when
 * `b` is, 0 when they tie. Score entries (costs, makespans) within `costTolerance`
 * (relative, default 1e-9) tie. Both plans must be scored by the same objective.
 */
export function compareObjective(a: ObjectiveValues, b: ObjectiveValues, costTolerance = 1e-9): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.tasks !== b.tasks) return b.tasks - a.tasks;
  const sa = a.objective?.score ?? [a.cost];
  const sb = b.objective?.score ?? [b.cost];
  for (let k = 0; k < Math.min(sa.length, sb.length); k++) {
    const x = sa[k];
    const y = sb[k];
    if (x === y) continue;
    const scale = Math.max(Math.abs(x), Math.abs(y), 1);
    if (Math.abs(x - y) <= costTolerance * scale) continue;
    return x - y;
  }
  return 0;
}

/**
 * A solver `Solution`'s standing under the problem's objective, from its route
 * totals (the same figures as the checker's summary for a correct solution).
 */
export function solutionObjective(problem: Problem, solution: Solution): ObjectiveValues & { objective: { score: number[] } } {
  const objective = resolveObjective(problem.objective);
  const index = new Map<string, number>();
  problem.vehicles.forEach((v, k) => index.set(idKey(v.id), k));
  const measure = new Float64Array(problem.vehicles.length);
  let tasks = 0;
  let priority = 0;
  let routes = 0;
  let makespan = 0;
  let cost = 0;
  for (const r of solution.routes) {
    cost += r.cost;
    priority += r.priority ?? 0;
    let n = 0;
    for (const s of r.steps) if (s.type === 'job' || s.type === 'pickup' || s.type === 'delivery') n++;
    if (n === 0) continue;
    tasks += n;
    makespan = routes === 0 ? r.steps[r.steps.length - 1].arrival : Math.max(makespan, r.steps[r.steps.length - 1].arrival);
    routes++;
    const k = index.get(idKey(r.vehicle));
    if (k !== undefined) measure[k] += objective.measure === 'stops' ? n : objective.measure === 'distance' ? r.distance : r.duration;
  }
  const { score } = objectiveScore(objective, { cost, routes, makespan, measure });
  return { priority, tasks, cost, objective: { score } };
}
