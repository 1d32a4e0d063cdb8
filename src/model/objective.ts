/**
 * The lexicographic objective of docs/semantics.md ("Objective and summary"),
 * as in VROOM: more served priority is better, then more served tasks, then
 * lower cost.
 */

/** The three numbers the objective compares (a checker summary has them). */
export interface ObjectiveValues {
  /** Summed priority of the served tasks. */
  priority: number;
  /** Number of served tasks (a job 1, a shipment 2). */
  tasks: number;
  cost: number;
}

/**
 * Orders two plans by the objective: negative when `a` is better, positive when
 * `b` is, 0 when they tie. Costs within `costTolerance` (relative, default 1e-9)
 * tie.
 */
export function compareObjective(a: ObjectiveValues, b: ObjectiveValues, costTolerance = 1e-9): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.tasks !== b.tasks) return b.tasks - a.tasks;
  const scale = Math.max(Math.abs(a.cost), Math.abs(b.cost), 1);
  if (Math.abs(a.cost - b.cost) <= costTolerance * scale) return 0;
  return a.cost - b.cost;
}
