/**
 * The answer to an abort that comes before the search has a first plan
 * (docs/semantics.md, "Abort"): no routes, every job and shipment in
 * `unassigned` with reason `aborted`, status `aborted`. Built from the problem
 * alone in O(orders), so an already-aborted signal is answered at once.
 */
import { stopId, taskTable } from '../model/tasks.js';
import type { Problem, Solution, Unassigned } from '../model/types.js';

const message = (what: string) => `the solve was aborted before the ${what} was planned`;

/** The plan without routes that `solve` returns when aborted before its first plan; `elapsedMs` goes into `stats`. */
export function abortedSolution(problem: Problem, elapsedMs: number): Solution {
  const shipments = problem.shipments ?? [];
  const unassigned: Unassigned[] = problem.jobs.map((job) => ({ id: job.id, reason: 'aborted', message: message('job') }));
  for (const sh of shipments) {
    unassigned.push({
      id: sh.id, type: 'shipment', pickup: stopId(sh, 'pickup'), delivery: stopId(sh, 'delivery'), reason: 'aborted',
      message: message('shipment'),
    });
  }
  let dims = 1;
  for (const j of problem.jobs) dims = Math.max(dims, j.delivery?.length ?? 0, j.pickup?.length ?? 0);
  for (const sh of shipments) dims = Math.max(dims, sh.amount?.length ?? 0);
  for (const v of problem.vehicles) dims = Math.max(dims, v.capacity?.length ?? 0);
  const soft = taskTable(problem).tasks.some((t) => t.latenessCost > 0 || t.maxLateness > 0);
  const summary = {
    cost: 0, priority: 0, routes: 0, unassigned: unassigned.length, distance: 0, duration: 0, waiting: 0, service: 0,
    delivery: new Array<number>(dims).fill(0), pickup: new Array<number>(dims).fill(0),
  };
  return {
    summary: soft ? { ...summary, latenessCost: 0 } : summary,
    routes: [],
    unassigned,
    status: 'aborted',
    stats: { elapsedMs },
  };
}
