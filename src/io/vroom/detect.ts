/**
 * Telling a VROOM problem from a vrpkit route file, both JSON objects with
 * `vehicles` and `jobs`. A route file always has `travel`; a VROOM document
 * never does. Without `travel`: custom matrices (`matrices`, `matrix`) mean
 * VROOM; otherwise the keys of the vehicles and of the first tasks decide —
 * snake_case VROOM keys (`location_index`, `time_windows`, `service`,
 * `time_window`, `start_index`, …) against vrpkit's (`timeWindows`,
 * `serviceDuration`, `shift`, …), the majority wins (a tie is a route file
 * missing its `travel`). A document with neither (ids, locations and amounts
 * only) is VROOM's: a route file cannot do without `travel`.
 */
import { isRecord } from './fields.js';

const VROOM_KEYS = new Set([
  'location_index', 'setup', 'service', 'setup_per_type', 'service_per_type', 'time_windows', 'amount', 'description',
  'start_index', 'end_index', 'time_window', 'speed_factor', 'max_tasks', 'max_travel_time', 'max_distance', 'steps', 'max_load',
  'per_hour', 'per_km', 'per_task_hour',
]);
const VRPKIT_KEYS = new Set([
  'serviceDuration', 'setupDuration', 'serviceDurationPerType', 'setupDurationPerType', 'timeWindows', 'releaseTime', 'dispatchDeadline',
  'allowedVehicles', 'preferredVehicle', 'reassignmentPenalty', 'data', 'shift', 'maxDuration', 'maxDistance', 'maxTravelTime', 'maxTasks',
  'serviceRadius', 'speedFactor', 'duration', 'maxLoad', 'perDistance', 'perDuration', 'perTravelTime', 'perTaskTime', 'profiles', 'name', '$schema',
]);
/** How many tasks of each list are looked at. */
const SAMPLE = 50;

/** Whether a parsed JSON document is a VROOM problem rather than a vrpkit route file (see the module comment). */
export function looksLikeVroomProblem(value: unknown): boolean {
  if (!isRecord(value) || 'travel' in value || !Array.isArray(value.vehicles)) return false;
  if ('matrices' in value || 'matrix' in value) return true;
  let vroom = 0;
  let vrpkit = 0;
  // Keys of an object; with `nested`, also of its objects (costs, shipment stops) and its breaks.
  const count = (x: unknown, nested: boolean) => {
    if (!isRecord(x)) return;
    for (const key of Object.keys(x)) {
      if (VROOM_KEYS.has(key)) vroom++;
      if (VRPKIT_KEYS.has(key)) vrpkit++;
      if (!nested) continue;
      const inner = x[key];
      if (isRecord(inner)) count(inner, false);
      else if (key === 'breaks' && Array.isArray(inner)) for (const b of inner.slice(0, SAMPLE)) count(b, false);
    }
  };
  count(value, false);
  for (const list of [value.vehicles, value.jobs, value.shipments]) {
    if (Array.isArray(list)) for (const item of list.slice(0, SAMPLE)) count(item, true);
  }
  return vroom === 0 && vrpkit === 0 ? true : vroom > vrpkit;
}
