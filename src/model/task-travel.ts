/**
 * Travel resolved for every task of a problem (jobs, then shipment stops; see
 * `tasks.ts`): the returned `ResolvedTravel`'s `jobLocation` is indexed by
 * task, so `jobLocation[t]` is the location index of task `t`. Without
 * shipments this is exactly `resolveTravel(problem)`.
 */
import { VrpkitError, isVrpkitError } from '../core/errors.js';
import type { TaskTable } from './tasks.js';
import { resolveTravel, type ResolvedTravel } from './travel.js';
import type { Job, Problem, Travel, Vehicle } from './types.js';

/**
 * Resolves `travel` (default: the problem's) for all tasks and for `vehicles`
 * (default: the problem's; pass location-less stand-ins to skip some while
 * keeping vehicle indices). Errors name the task's pointer
 * (`/shipments/2/delivery/location`).
 */
export function resolveTaskTravel(problem: Problem, table: TaskTable, travel: Travel = problem.travel, vehicles: Vehicle[] = problem.vehicles): ResolvedTravel {
  if (table.shipmentCount === 0 && travel === problem.travel && vehicles === problem.vehicles) return resolveTravel(problem);
  const jobs: Job[] = table.tasks.map((t) => ({ id: t.id, location: t.location }));
  try {
    return resolveTravel({ jobs, vehicles, travel });
  } catch (e) {
    if (!isVrpkitError(e)) throw e;
    const m = /^\/jobs\/(\d+)\/location$/.exec(e.pointer);
    if (!m) throw e;
    const task = table.tasks[Number(m[1])];
    const message = e.message.replace(/ \(at [^)]*\)$/, '');
    throw new VrpkitError(e.code, message, `${task.pointer}/location`);
  }
}
