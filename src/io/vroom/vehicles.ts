/**
 * VROOM vehicles → vrpkit vehicles.
 *
 * | VROOM                           | vrpkit                                                  |
 * | ------------------------------- | ------------------------------------------------------- |
 * | `id`                            | `id`                                                    |
 * | `start` / `start_index`, `end` / `end_index` | `start`, `end` (at least one, as in VROOM) |
 * | `capacity`                      | `capacity`                                              |
 * | `skills`, `type`                | `skills`, `type` (the empty type is no type)            |
 * | `time_window`                   | `shift`                                                 |
 * | `breaks[]` `id`, `time_windows`, `service`, `max_load` | `breaks[]` `id`, `timeWindows`, `duration`, `maxLoad`; `fromVroom` sorts them by first window as VROOM does (`sortBreaks`) |
 * | `speed_factor` s                | `speedFactor` 100 / round(100 / s): the factor VROOM applies (hundredths of a second) |
 * | `max_tasks`, `max_travel_time`, `max_distance` | `maxTasks`, `maxTravelTime`, `maxDistance` |
 * | `profile`                       | the travel of that profile (see travel.ts)              |
 * | `costs`                         | see `vehicleCosts`                                      |
 * | `description`                   | kept in `data.vroom`, echoed in the output              |
 * | `steps`                         | rejected (`unsupported`): vrpkit has no plan mode / initial routes from input yet |
 */
import type { Break, Vehicle, VehicleCosts } from '../../model/types.js';
import type { VroomBreakData, VroomCosts, VroomVehicleData } from './types.js';
import type { Places } from './places.js';
import { type Issues, amount, at, checkKeys, has, isRecord, optionalString, optionalUint, show, timeWindow, timeWindows, uint, uintArray } from './fields.js';

/** VROOM's default profile. */
export const DEFAULT_PROFILE = 'car';
/** VROOM's default cost per hour of travel (1 per second). */
export const DEFAULT_PER_HOUR = 3600;

const VEHICLE_KEYS = [
  'id', 'profile', 'description', 'start', 'start_index', 'end', 'end_index', 'capacity', 'costs', 'skills', 'type',
  'time_window', 'breaks', 'speed_factor', 'max_tasks', 'max_travel_time', 'max_distance',
];
const UNSUPPORTED_VEHICLE_KEYS = {
  steps:
    "vehicle steps (VROOM's plan mode and initial routes) are not supported by vrpkit yet; to check a plan, run 'vrpkit check PROBLEM SOLUTION' with the plan as a solution file",
};
const COST_KEYS = ['fixed', 'per_hour', 'per_km', 'per_task_hour'];
const BREAK_KEYS = ['id', 'time_windows', 'service', 'description', 'max_load'];

export interface ReadVehicle {
  /** The vehicle without `costs` (they depend on the travel: `vehicleCosts`). */
  vehicle: Vehicle;
  vroom: VroomVehicleData;
  /** Sum of the break durations (VROOM charges `per_task_hour` on them). */
  breakTime: number;
}

/**
 * vrpkit costs equal to VROOM's: `per_hour` / 3600 per second of travel,
 * `per_km` / 1000 per metre, `per_task_hour` / 3600 per second of setup and
 * service. VROOM also charges `per_task_hour` on break time; every used vehicle
 * takes all its breaks, so that part is a constant of a used vehicle and goes
 * into `fixed`. With a `costs` matrix the matrix replaces the travel part
 * (`per_km` is then ignored, as VROOM ignores it). VROOM rounds the travel
 * cost per route and truncates the task cost: `toVroom` reports those rounded
 * figures; the search uses the exact ones (less than 1.5 apart per route).
 */
export function vehicleCosts(c: VroomCosts, breakTime: number, costMatrix: boolean): VehicleCosts {
  const costs: VehicleCosts = { fixed: c.fixed + (c.per_task_hour * breakTime) / 3600, perTaskTime: c.per_task_hour / 3600 };
  if (!costMatrix) {
    costs.perTravelTime = c.per_hour / 3600;
    costs.perDistance = c.per_km / 1000;
  }
  return costs;
}

function readCosts(issues: Issues, x: unknown, ptr: string): VroomCosts {
  const costs: VroomCosts = { fixed: 0, per_hour: DEFAULT_PER_HOUR, per_km: 0, per_task_hour: 0 };
  if (!isRecord(x)) {
    issues.add('type', ptr, `costs must be an object, got ${show(x)}`);
    return costs;
  }
  checkKeys(issues, x, ptr, COST_KEYS, 'vehicle costs');
  for (const key of COST_KEYS as (keyof VroomCosts)[]) {
    const v = optionalUint(issues, x, key, ptr, `costs.${key}`);
    if (v !== undefined) costs[key] = v;
  }
  return costs;
}

function readBreak(issues: Issues, x: unknown, ptr: string, amountSize: number): Break | undefined {
  if (!isRecord(x)) {
    issues.add('type', ptr, `a break must be an object, got ${show(x)}`);
    return undefined;
  }
  checkKeys(issues, x, ptr, BREAK_KEYS, 'a break');
  const id = has(x, 'id') ? uint(issues, x.id, at(ptr, 'id'), 'break id') : (issues.add('required', at(ptr, 'id'), 'a break needs an id (a non-negative integer)'), undefined);
  const windows = has(x, 'time_windows') ? timeWindows(issues, x.time_windows, at(ptr, 'time_windows'), 'time_windows') : undefined;
  const service = optionalUint(issues, x, 'service', ptr);
  const maxLoad = has(x, 'max_load') ? amount(issues, x.max_load, at(ptr, 'max_load'), 'max_load', amountSize) : undefined;
  const description = optionalString(issues, x, 'description', ptr);
  if (id === undefined) return undefined;
  const b: Break = { id };
  if (windows) b.timeWindows = windows;
  if (service !== undefined) b.duration = service;
  if (maxLoad) b.maxLoad = maxLoad;
  const data: VroomBreakData = {};
  if (description !== undefined) data.description = description;
  b.data = { vroom: data };
  return b;
}

/** Breaks in VROOM's order: by first window (start, then end); no window sorts as [0, ∞). */
export function sortBreaks(breaks: Break[]): Break[] {
  const first = (b: Break) => b.timeWindows?.[0] ?? [0, Infinity];
  return breaks
    .map((b, k) => ({ b, k }))
    .sort((p, q) => first(p.b)[0] - first(q.b)[0] || first(p.b)[1] - first(q.b)[1] || p.k - q.k)
    .map((p) => p.b);
}

function readBreaks(issues: Issues, x: unknown, ptr: string, amountSize: number): Break[] | undefined {
  if (!Array.isArray(x)) {
    issues.add('type', ptr, `breaks must be an array, got ${show(x)}`);
    return undefined;
  }
  const breaks: Break[] = [];
  const seen = new Map<number, number>();
  for (let b = 0; b < x.length; b++) {
    const brk = readBreak(issues, x[b], at(ptr, b), amountSize);
    if (!brk) continue;
    const first = seen.get(brk.id as number);
    if (first !== undefined) issues.add('duplicate-id', at(ptr, b, 'id'), `break id ${brk.id} is used twice in this vehicle (first at ${at(ptr, first)})`);
    else seen.set(brk.id as number, b);
    breaks.push(brk);
  }
  return breaks;
}

/** Reads `vehicles[k]`; undefined when it is unusable (issues reported). */
export function readVehicle(issues: Issues, places: Places, x: unknown, k: number, amountSize: number): ReadVehicle | undefined {
  const ptr = at('/vehicles', k);
  if (!isRecord(x)) {
    issues.add('type', ptr, `a vehicle must be an object, got ${show(x)}`);
    return undefined;
  }
  checkKeys(issues, x, ptr, VEHICLE_KEYS, 'a vehicle', UNSUPPORTED_VEHICLE_KEYS);
  const id = has(x, 'id') ? uint(issues, x.id, at(ptr, 'id'), 'vehicle id') : (issues.add('required', at(ptr, 'id'), 'a vehicle needs an id (a non-negative integer)'), undefined);
  const profileName = optionalString(issues, x, 'profile', ptr);
  const profile = profileName === undefined || profileName === '' ? DEFAULT_PROFILE : profileName;
  const start = places.read(x, ptr, 'start', 'start_index', false, profile);
  const end = places.read(x, ptr, 'end', 'end_index', false, profile);
  if (!['start', 'start_index', 'end', 'end_index'].some((key) => has(x, key))) {
    issues.add('required', at(ptr, 'start'), 'a vehicle needs a start or an end (VROOM: start/end, or start_index/end_index with matrices)');
  }
  let capacity: number[] | undefined;
  if (has(x, 'capacity')) capacity = amount(issues, x.capacity, at(ptr, 'capacity'), 'capacity', amountSize);
  else if (amountSize > 0) issues.add('dimension', at(ptr, 'capacity'), `capacity is required: the first vehicle's capacity sets the amount size to ${amountSize} (as in VROOM)`);
  const costs = has(x, 'costs') ? readCosts(issues, x.costs, at(ptr, 'costs')) : { fixed: 0, per_hour: DEFAULT_PER_HOUR, per_km: 0, per_task_hour: 0 };
  const skills = has(x, 'skills') ? uintArray(issues, x.skills, at(ptr, 'skills'), 'skills') : undefined;
  const type = optionalString(issues, x, 'type', ptr);
  const shift = has(x, 'time_window') ? timeWindow(issues, x.time_window, at(ptr, 'time_window'), 'time_window') : undefined;
  const breaks = has(x, 'breaks') ? readBreaks(issues, x.breaks, at(ptr, 'breaks'), amountSize) : undefined;
  let speedFactor: number | undefined;
  if (has(x, 'speed_factor')) {
    const s = x.speed_factor;
    if (typeof s !== 'number' || !Number.isFinite(s) || s <= 0 || s > 5) issues.add('range', at(ptr, 'speed_factor'), `speed_factor must be a number in (0, 5], got ${show(s)}`);
    else speedFactor = 100 / Math.round(100 / s);
  }
  const maxTasks = optionalUint(issues, x, 'max_tasks', ptr);
  const maxTravelTime = optionalUint(issues, x, 'max_travel_time', ptr);
  const maxDistance = optionalUint(issues, x, 'max_distance', ptr);
  const description = optionalString(issues, x, 'description', ptr);
  if (id === undefined) return undefined;

  const vehicle: Vehicle = { id };
  if (start) vehicle.start = start.index;
  if (end) vehicle.end = end.index;
  if (capacity && capacity.length > 0) vehicle.capacity = capacity;
  if (skills && skills.length > 0) vehicle.skills = skills;
  if (type !== undefined && type !== '') vehicle.type = type;
  if (shift) vehicle.shift = shift;
  if (breaks && breaks.length > 0) vehicle.breaks = breaks;
  if (speedFactor !== undefined && speedFactor !== 1) vehicle.speedFactor = speedFactor;
  if (maxTasks !== undefined) vehicle.maxTasks = maxTasks;
  if (maxTravelTime !== undefined) vehicle.maxTravelTime = maxTravelTime;
  if (maxDistance !== undefined) vehicle.maxDistance = maxDistance;
  const vroom: VroomVehicleData = { profile, costs, costMatrix: false, reportDistances: false };
  if (description !== undefined) vroom.description = description;
  if (start) vroom.start = start.vroom;
  if (end) vroom.end = end.vroom;
  const breakTime = (breaks ?? []).reduce((sum, b) => sum + (b.duration ?? 0), 0);
  return { vehicle, vroom, breakTime };
}
