/**
 * Pair rules of shipment progress (docs/semantics.md, "Re-planning with
 * shipments"): a delivery done or in progress needs its pickup done before it,
 * on the same vehicle.
 */
import { pointer, type InputIssue } from '../core/errors.js';
import { idKey } from '../model/ids.js';
import type { Id, Solution } from '../model/types.js';
import type { ReplanEvents, RouteProgress, StepStatus } from './events.js';
import { isStopEvent, type StopEvent, type TaskKeys } from './stops.js';

/**
 * A delivery done or in progress needs its pickup done, on the same vehicle.
 * Points at the delivery's event entry when the events list it, else at its plan step.
 */
export function shipmentOrderIssues(
  keys: TaskKeys,
  plan: Solution,
  events: ReplanEvents,
  status: Map<Id, StepStatus>,
  vehicleOf: Map<Id, Id>,
  routes: RouteProgress[],
): InputIssue[] {
  const issues: InputIssue[] = [];
  const n = keys.table.shipmentCount;
  if (n === 0) return issues;
  /** Pointer of the event entry or plan step reporting a stop key. */
  const where = (key: Id): { ptr: string; entry?: StopEvent } => {
    for (const name of ['served', 'inProgress'] as const) {
      const list = events[name] ?? [];
      for (let i = 0; i < list.length; i++) {
        const e = list[i];
        if (isStopEvent(e) && keys.ofStep(e) === key) return { ptr: pointer(name, i), entry: e };
      }
    }
    for (let r = 0; r < plan.routes.length; r++) {
      const steps = plan.routes[r].steps;
      for (let s = 0; s < steps.length; s++) if (keys.ofStep(steps[s]) === key) return { ptr: pointer('plan', 'routes', r, 'steps', s) };
    }
    return { ptr: '' };
  };
  for (let s = 0; s < n; s++) {
    const p = keys.stop(s, 'pickup');
    const d = keys.stop(s, 'delivery');
    const ds = status.get(d);
    if (ds !== 'done' && ds !== 'in-progress') continue;
    const ref = keys.ref(d);
    const name = `shipment ${JSON.stringify(ref.shipment)}`;
    const at = where(d);
    if (status.get(p) !== 'done') {
      const ps = status.get(p);
      issues.push({
        code: 'event-order',
        pointer: at.ptr,
        message: `the delivery of ${name} is ${ds === 'done' ? 'done' : 'in progress'} but its pickup is ${ps === 'in-progress' ? 'still in progress' : 'not done'}`,
      });
    } else if (idKey(vehicleOf.get(p)) === idKey(vehicleOf.get(d)) && routes.some((r) => r.jobs.includes(d) && r.jobs.indexOf(d) < r.jobs.indexOf(p))) {
      issues.push({ code: 'event-order', pointer: at.ptr, message: `the delivery of ${name} is done before its pickup (it comes first in the route)` });
    } else if (idKey(vehicleOf.get(p)) !== idKey(vehicleOf.get(d))) {
      issues.push({
        code: 'conflict',
        pointer: at.entry?.vehicle !== undefined ? `${at.ptr}/vehicle` : at.ptr,
        message: `the delivery of ${name} is done by vehicle ${JSON.stringify(vehicleOf.get(d))}, its pickup by vehicle ${JSON.stringify(vehicleOf.get(p))}`,
      });
    }
  }
  return issues;
}
