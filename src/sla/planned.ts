/**
 * Where and when a plan serves each job, read from the independent checker's
 * re-derived routes (never from the numbers a solution states), so that SLA
 * forecasts and KPIs stand on times the checker would accept.
 */
import { checkSolution, type CheckReport } from '../model/check.js';
import type { Id, Problem, RoutePlan, Solution } from '../model/types.js';

/** One job as the plan serves it, in problem time units. */
export interface PlannedJob {
  id: Id;
  /** Index of the job in `problem.jobs`. */
  jobIndex: number;
  vehicle: Id;
  /** 0-based position among the route's jobs. */
  position: number;
  /** The route's start departure. */
  departure: number;
  arrival: number;
  serviceStart: number;
  /** How late service starts after the job's last window (0 when on time). */
  lateness: number;
}

export interface PlannedJobs {
  /** The checker's report on the plan (feasibility, violations, derived routes). */
  check: CheckReport;
  /** Routed jobs by job id (a job listed twice keeps its first route). */
  routed: Map<Id, PlannedJob>;
  /** Jobs the plan lists as unassigned, with the stated reason. */
  unassigned: Map<Id, string | undefined>;
}

/** Checks `plan` against `problem` and indexes the re-derived job visits by job id. */
export function plannedJobs(problem: Problem, plan: RoutePlan | Solution): PlannedJobs {
  const check = checkSolution(problem, plan);
  const jobIndex = new Map<Id, number>();
  problem.jobs.forEach((j, i) => {
    if (!jobIndex.has(j.id)) jobIndex.set(j.id, i);
  });
  const routed = new Map<Id, PlannedJob>();
  for (const r of check.routes) {
    const departure = r.steps[0]?.departure ?? 0;
    let position = 0;
    for (const s of r.steps) {
      if (s.type !== 'job' || s.id === undefined) continue;
      if (!routed.has(s.id)) {
        routed.set(s.id, {
          id: s.id,
          jobIndex: jobIndex.get(s.id) ?? -1,
          vehicle: r.vehicle,
          position,
          departure,
          arrival: s.arrival,
          serviceStart: s.serviceStart,
          lateness: s.lateness,
        });
      }
      position++;
    }
  }
  const unassigned = new Map<Id, string | undefined>();
  for (const u of plan.unassigned ?? []) if (!routed.has(u.id) && !unassigned.has(u.id)) unassigned.set(u.id, u.reason);
  return { check, routed, unassigned };
}
