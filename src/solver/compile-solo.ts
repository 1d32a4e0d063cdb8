/**
 * The exact solo check: can an order (a job, or a shipment's pickup and
 * delivery) be served alone by some vehicle, with the exact route evaluator
 * (evaluate.ts: every window, setup, per-type durations, breaks)? solo.ts's
 * quick check reasons with the first window and plain durations; when the
 * problem needs the exact schedule (`needsExactWalk`) the compiler asks this
 * one too, so an order leaves before the search only when no vehicle can serve
 * it alone, and an order the plan leaves out later (`fleet-exhausted`) is one
 * some vehicle could serve alone — the reasons stay true.
 */
import type { Id, Unassigned, UnassignedReason } from '../model/types.js';
import { RouteEvaluation, type RouteEvaluator } from './evaluate.js';
import { soloMessage } from './solo.js';

/** docs/semantics.md's order of the checks (a vehicle fails at the first; the order's reason is the furthest). */
const ORDER: readonly UnassignedReason[] = [
  'skills', 'service-radius', 'unreachable', 'capacity', 'max-tasks', 'release-time', 'time-window', 'max-duration', 'max-distance', 'max-travel-time',
];

/** The first check of `ORDER` that an infeasible exact evaluation of an allowed vehicle fails. */
export function exactReason(out: RouteEvaluation): UnassignedReason {
  if (out.hard > 0) return 'unreachable';
  if (out.loadExcess > 0 || out.breakLoadExcess > 0) return 'capacity';
  if (out.tasksExcess > 0) return 'max-tasks';
  if (out.dispatchExcess > 0) return 'release-time';
  if (out.lateness > 0 || out.shiftExcess > 0) return 'time-window';
  if (out.durationExcess > 0) return 'max-duration';
  if (out.distanceExcess > 0) return 'max-distance';
  if (out.travelTimeExcess > 0) return 'max-travel-time';
  return 'time-window';
}

/**
 * Whether some vehicle type can serve `order` (task indices in route order)
 * alone, by the exact evaluator. Returns null when one can; else the
 * unassigned entry: `quick` (solo.ts's entry) when the quick check refused
 * the order too, else one built by `entry` with the furthest exact reason
 * over the allowed types and a message naming every type's failure.
 */
export function exactSoloVerdict(
  ev: RouteEvaluator, order: number[], typeVehicles: number[][], vehicleIds: Id[], quick: Unassigned | null,
  entry: (reason: UnassignedReason, message: string) => Unassigned,
): Unassigned | null {
  const out = new RouteEvaluation();
  const failures: { reason: UnassignedReason; vehicles: Id[] }[] = [];
  let best = -1;
  for (const members of typeVehicles) {
    // vehicles of one type share everything that decides the verdict (allowedVehicles splits types by id)
    const k = members.find((x) => order.every((t) => ev.allowed(t, x)));
    if (k === undefined) continue;
    if (ev.evaluate(k, order, order.length, out).feasible) return null;
    const reason = exactReason(out);
    failures.push({ reason, vehicles: members.map((x) => vehicleIds[x]) });
    best = Math.max(best, ORDER.indexOf(reason));
  }
  if (quick) return quick;
  return entry(best < 0 ? 'no-vehicle' : ORDER[best], soloMessage(failures));
}
