/**
 * `--time-limit S` is a deadline for the whole command (docs/semantics.md,
 * "Time limit"): S seconds counted from the start of the process, covering
 * reading, checking and solving the problem and writing the plan. The solver
 * gets what is left of it when the problem is loaded, less a reserve for the
 * work after the solve (the independent check, writing the plan and any
 * extra output), which grows with the number of orders.
 */
import type { Problem } from '../../model/types.js';

/** Reserve for the work after the solve: a fixed part and a part per task (measured: check + write ≈ 0.1 ms per job on a busy core at 10,000 jobs). */
const AFTER_SOLVE_MS = 15;
const AFTER_SOLVE_PER_TASK_MS = 0.04;
/** Each extra output (KPIs, GeoJSON, HTML report) adds about as much again. */
const PER_EXTRA_OUTPUT = 1;

/** Milliseconds since the process started (Node: `performance.now()` counts from the process's time origin). */
export function processElapsedMs(): number {
  return performance.now();
}

/** Tasks of a problem: jobs plus two stops per shipment. */
function taskCount(problem: Problem): number {
  return problem.jobs.length + 2 * (problem.shipments?.length ?? 0);
}

/** What the command keeps back for the work after the solve (ms), with `extraOutputs` extra files or tables to produce. */
export function afterSolveReserveMs(problem: Problem, extraOutputs = 0): number {
  return (AFTER_SOLVE_MS + AFTER_SOLVE_PER_TASK_MS * taskCount(problem)) * (1 + PER_EXTRA_OUTPUT * extraOutputs);
}

/**
 * The solver's time limit (ms) for a command whose deadline is `limitMs` after
 * the process started: what is left now, less the after-solve reserve; at
 * least 1 ms (the solver then takes its cheapest path and returns its first
 * feasible plan as soon as it has one).
 */
export function solveBudgetMs(limitMs: number, problem: Problem, extraOutputs = 0, elapsedMs = processElapsedMs()): number {
  return Math.max(1, limitMs - elapsedMs - afterSolveReserveMs(problem, extraOutputs));
}
