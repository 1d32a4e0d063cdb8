/**
 * What route evaluation (the independent checker's `evaluateRoute`) needs from
 * a problem, resolved once per check: the task table, every vehicle's travel,
 * the capacity dimension and the feasibility tolerance.
 */
import { resolveFleetTravel, type VehicleTravel } from './fleet-travel.js';
import { taskTable, type TaskTable } from './tasks.js';
import type { ResolvedTravel } from './travel.js';
import type { Timeline } from './check-schedule.js';
import type { Problem, Vehicle } from './types.js';

/** What the route evaluator needs from the problem (`routeContext`). */
export interface RouteContext {
  problem: Problem;
  tasks: TaskTable;
  vehicles: Vehicle[];
  /** Per vehicle: its travel, with `travel.jobLocation[t]` the location index of task `t`. */
  fleet: VehicleTravel[];
  /** Number of capacity dimensions. */
  dims: number;
  /** Absolute and relative slack allowed before a limit counts as broken (floating-point noise). */
  epsAbs: number;
  epsRel: number;
  /**
   * Arrays the route evaluation reuses from one route to the next (set on
   * first use): what `evaluateRouteTrace` returns is valid until the next
   * evaluation with the same context.
   */
  scratch?: RouteScratch;
}

/** Reused arrays of the route evaluation (see `RouteContext.scratch`). */
export interface RouteScratch {
  /** The route's schedule. */
  schedule?: Timeline;
  /** The schedule from the earliest departure, when `d*` is derived. */
  probe?: Timeline;
  /** Loads per derived step. */
  loads: Float64Array;
}

/** Number of capacity dimensions: the longest amount, capacity or break `maxLoad` vector in the problem. */
export function capacityDimensions(problem: Problem): number {
  let dims = 0;
  for (const job of problem.jobs) dims = Math.max(dims, job.delivery?.length ?? 0, job.pickup?.length ?? 0);
  for (const s of problem.shipments ?? []) dims = Math.max(dims, s.amount?.length ?? 0);
  for (const v of problem.vehicles) {
    dims = Math.max(dims, v.capacity?.length ?? 0);
    for (const b of v.breaks ?? []) dims = Math.max(dims, b.maxLoad?.length ?? 0);
  }
  return dims;
}

/**
 * Resolves what route evaluation needs from a (validated) problem. `travel`, when
 * given, must be `resolveTravel(problem)`; it is reused when it covers every
 * task (no shipments, no profiles).
 */
export function routeContext(
  problem: Problem,
  options: { travel?: ResolvedTravel; epsAbs?: number; epsRel?: number } = {},
): RouteContext {
  const tasks = taskTable(problem);
  return {
    problem,
    tasks,
    vehicles: problem.vehicles,
    fleet: resolveFleetTravel(problem, tasks, options.travel),
    dims: capacityDimensions(problem),
    epsAbs: options.epsAbs ?? 1e-9,
    epsRel: options.epsRel ?? 1e-9,
  };
}

/** Tolerance allowed around a limit `x`. */
export function eps(ctx: RouteContext, x: number): number {
  return ctx.epsAbs + ctx.epsRel * (Number.isFinite(x) ? Math.abs(x) : 0);
}

/** The break index of a route item (items < 0 are breaks: `−1 − b`). */
export function breakOf(item: number): number {
  return -1 - item;
}

/** The route item of break `b` of the vehicle. */
export function breakItem(b: number): number {
  return -1 - b;
}
