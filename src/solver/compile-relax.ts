/**
 * The search's relaxed view of what its segment algebra cannot express
 * exactly (docs/semantics.md, "How the solver handles…"): the search prices
 * routes with one window, one service duration per client and one shift per
 * vehicle type, and the decode (decode.ts) re-evaluates every route with the
 * exact evaluator (evaluate.ts), dropping and reinserting orders until the
 * plan is feasible. So:
 *
 * - **several time windows**: the search sees their hull (first window's
 *   start, last window's end). Optimistic: a visit in a gap between two
 *   windows waits for the next one in the exact schedule, which the decode
 *   sees; the search never rejects a visit the exact model would take.
 * - **setup**: folded into the service duration, always. Conservative: the
 *   exact schedule skips the setup when the previous stop is at the same
 *   location, which only makes routes shorter.
 * - **per-type service and setup durations**: the search has one duration per
 *   client, so it takes the largest over the fleet's vehicle types
 *   (conservative; the exact schedule uses the serving vehicle's).
 * - **soft windows** (`maxLateness`, `latenessCost`): the search sees the
 *   last window's end moved by `maxLateness` (∞ when absent with a price), so
 *   allowed lateness is not time warp; the search does not price lateness, the
 *   decode's exact evaluation does (cost and violations beyond `maxLateness`).
 * - **breaks**: the search does not place them; a vehicle type's shift end and
 *   max duration shrink by the total duration of its breaks (conservative
 *   unless a break's window forces waiting), and the decode places the breaks
 *   exactly (evaluate.ts's rule).
 */
import { serviceDurationFor, setupDurationFor, type TaskTable } from '../model/tasks.js';
import type { Problem, Vehicle } from '../model/types.js';

/** Per client of the search: the window it sees and the duration it spends (service + setup). */
export interface RelaxedClients {
  service: Float64Array;
  early: Float64Array;
  late: Float64Array;
}

/** Whether the exact schedule of `problem` needs more than the search's model: several windows, setup, per-type durations, soft windows or breaks. */
export function needsExactWalk(problem: Problem, tasks: TaskTable): boolean {
  if (problem.vehicles.some((v) => (v.breaks?.length ?? 0) > 0)) return true;
  for (const t of tasks.tasks) {
    if ((t.timeWindows?.length ?? 0) > 1 || t.setupDuration > 0 || t.maxLateness > 0 || t.latenessCost > 0) return true;
    const visit = t.visit as { serviceDurationPerType?: object; setupDurationPerType?: object };
    if (Object.keys(visit.serviceDurationPerType ?? {}).length > 0 || Object.keys(visit.setupDurationPerType ?? {}).length > 0) return true;
  }
  return false;
}

/** The relaxed window and duration of every kept task (`keep[c]` is client c's task), as the module comment says. */
export function relaxedClients(problem: Problem, tasks: TaskTable, keep: readonly number[]): RelaxedClients {
  const n = keep.length;
  const service = new Float64Array(n);
  const early = new Float64Array(n);
  const late = new Float64Array(n);
  // one vehicle per distinct `type` (and one without) stands for its durations
  const byType = new Map<string | undefined, Vehicle>();
  for (const v of problem.vehicles) if (!byType.has(v.type)) byType.set(v.type, v);
  const representatives = [...byType.values()];
  for (let c = 0; c < n; c++) {
    const task = tasks.tasks[keep[c]];
    let longest = 0;
    for (const v of representatives) longest = Math.max(longest, serviceDurationFor(task, v) + setupDurationFor(task, v));
    service[c] = representatives.length > 0 ? longest : task.serviceDuration + task.setupDuration;
    const tw = task.timeWindows;
    early[c] = tw && tw.length > 0 ? tw[0][0] : -Infinity;
    late[c] = tw && tw.length > 0 ? tw[tw.length - 1][1] + task.maxLateness : Infinity;
  }
  return { service, early, late };
}

/** The total duration of a vehicle's breaks: what the search takes off its shift end and max duration. */
export function breakAllowance(v: Vehicle): number {
  let total = 0;
  for (const b of v.breaks ?? []) total += b.duration ?? 0;
  return total;
}
