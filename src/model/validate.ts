/**
 * Validation of untrusted problem input (parsed JSON or objects built in code).
 *
 * `validateProblem(input)` returns EVERY problem found, each as
 * `{ code, pointer, message }` with an RFC 6901 JSON pointer into the input
 * (`/jobs/3/timeWindows/0`); an empty list means the input is a valid `Problem`.
 * It never throws. `assertProblem(input)` throws one `VrpkitError` listing them.
 *
 * | code              | meaning                                                                     |
 * | ----------------- | --------------------------------------------------------------------------- |
 * | `type`            | wrong JSON type (object, array, number, string, pair, function expected)   |
 * | `required`        | a required field is missing                                                 |
 * | `not-finite`      | NaN or ±Infinity where a finite number is needed                            |
 * | `negative`        | a negative amount, duration, capacity, cost, limit or matrix entry          |
 * | `range`           | a number outside its range (a speed of 0, a priority above 100)             |
 * | `not-integer`     | a non-integer amount, matrix size or location index                         |
 * | `enum`            | an unknown `travel.type` or `travel.rounding`, objective or balance measure |
 * | `required`        | (also) a vehicle with a `serviceRadius` but no `start`                      |
 * | `time-window`     | a window/shift starting after it ends, windows unsorted or overlapping,     |
 * |                   | releaseTime after dispatchDeadline, a shipment's delivery that can never    |
 * |                   | be on time (see docs/semantics.md, "Shipments")                             |
 * | `empty`           | no vehicle at all; an empty `timeWindows` list (jobs, stops, breaks)        |
 * | `matrix-size`     | a matrix or coordinate list whose length does not match `travel.size`       |
 * | `location`        | a location index out of range, a malformed or out-of-range coordinate pair, |
 * |                   | or a pair where the travel only knows indices                               |
 * | `duplicate-id`    | two jobs/shipments (one id space), two vehicles, two pickups or two         |
 * |                   | deliveries with the same id (ids compare as strings: `1` and `"1"` clash)   |
 * | `dimension`       | an amount or capacity vector whose length differs from the others          |
 * | `unknown-vehicle` | `allowedVehicles` / `preferredVehicle` naming a vehicle that does not exist |
 * | `unknown-profile` | `vehicle.profile` naming no key of `problem.profiles`                        |
 * | `conflict`        | `perDistance` / `perTravelTime` on a vehicle whose travel has a costs matrix |
 * |                   | `measure` / `weight` on an objective other than `balance`                   |
 * | `unknown-field`   | a field vrpkit does not know (typos like `timewindows`), except in `data`   |
 *
 * Matrix entries are checked one by one but only the first few bad ones are
 * reported per matrix (plus a count), so a broken 10^6-entry matrix gives a
 * short list.
 */
import { VrpkitError, type InputIssue } from '../core/errors.js';
import type { Problem } from './types.js';
import { idKey } from './ids.js';
import { checkShipmentWindows, validateShipments } from './validate-shipments.js';
import { locationOk, unknownLocations, validateLocation, validateTravel, type LocationModel } from './validate-travel.js';
import { validatePriority, validateSkills, validateTaskDurations, validateVehicleConstraints } from './validate-constraints.js';
import { validateDefaults, validateLateness } from './validate-lateness.js';
import { validateObjective } from './validate-objective.js';
import {
  Issues,
  LazyPointer,
  type Pointer,
  type VectorAt,
  at,
  checkFields,
  checkId,
  checkNumber,
  checkVector,
  checkWindow,
  each,
  has,
  isRecord,
  numberOk,
  show,
  vectorOk,
  windowOk,
} from './validate-util.js';

const PROBLEM_FIELDS = ['jobs', 'shipments', 'vehicles', 'travel', 'profiles', 'defaults', 'objective', 'name', '$schema'] as const;
const JOB_FIELDS = [
  'id',
  'location',
  'delivery',
  'pickup',
  'serviceDuration',
  'setupDuration',
  'serviceDurationPerType',
  'setupDurationPerType',
  'timeWindows',
  'latenessCost',
  'maxLateness',
  'releaseTime',
  'dispatchDeadline',
  'allowedVehicles',
  'skills',
  'priority',
  'preferredVehicle',
  'reassignmentPenalty',
  'data',
] as const;
const VEHICLE_FIELDS = [
  'id',
  'start',
  'end',
  'capacity',
  'shift',
  'costs',
  'maxDuration',
  'maxDistance',
  'maxTravelTime',
  'maxTasks',
  'skills',
  'serviceRadius',
  'breaks',
  'speedFactor',
  'profile',
  'type',
  'data',
] as const;
const COST_FIELDS = ['fixed', 'perDistance', 'perDuration', 'perTravelTime', 'perTaskTime'] as const;
const NON_NEGATIVE = { nonNegative: true } as const;
const AMOUNT = { nonNegative: true, integer: true } as const;
const CAPACITY = { nonNegative: true, infinite: true } as const;
/**
 * Validates untrusted input as a `Problem`. Returns every issue found (empty =
 * valid). Never throws.
 */
export function validateProblem(input: unknown): InputIssue[] {
  const issues = new Issues();
  try {
    validateRoot(issues, input);
  } catch (e) {
    // Exotic inputs (throwing getters, proxies) must not escape as stack traces.
    issues.add('type', '', `input could not be read: ${e instanceof Error ? e.message : show(e)}`);
  }
  return issues.list;
}

/** Returns the input typed as a `Problem`, or throws a `VrpkitError` listing every issue. */
export function assertProblem(input: unknown): Problem {
  const issues = validateProblem(input);
  if (issues.length > 0) {
    throw VrpkitError.fromIssues(issues, issues.length === 1 ? undefined : `invalid problem: ${issues.length} problems found`);
  }
  return input as Problem;
}

function validateRoot(issues: Issues, input: unknown): void {
  if (!isRecord(input)) {
    issues.add('type', '', `a problem must be an object with jobs, vehicles and travel, got ${show(input)}`);
    return;
  }
  checkFields(issues, input, '', PROBLEM_FIELDS, 'the problem');
  if (has(input, 'name') && typeof input.name !== 'string') issues.add('type', '/name', `name must be a string, got ${show(input.name)}`);
  if (has(input, '$schema') && typeof input.$schema !== 'string') issues.add('type', '/$schema', `$schema must be a string, got ${show(input.$schema)}`);
  if (has(input, 'defaults')) validateDefaults(issues, input.defaults, '/defaults');
  if (has(input, 'objective')) validateObjective(issues, input.objective, '/objective');

  const base = has(input, 'travel')
    ? validateTravel(issues, input.travel, '/travel')
    : (issues.add('required', '/travel', 'travel is required'), unknownLocations());
  const profiles = new Map<string, LocationModel>();
  if (has(input, 'profiles')) {
    if (!isRecord(input.profiles)) issues.add('type', '/profiles', `profiles must be an object of travel definitions by name, got ${show(input.profiles)}`);
    else for (const name of Object.keys(input.profiles)) profiles.set(name, validateTravel(issues, input.profiles[name], at('/profiles', name)));
  }
  const locations: Locations = { base, profiles };
  const travelDef = (profile: string | undefined): unknown => (profile === undefined ? input.travel : (input.profiles as Record<string, unknown>)[profile]);
  const vehicleChecks = {
    windows: (x: unknown, ptr: string) => validateWindows(issues, x, ptr),
    profiles: new Set(profiles.keys()),
    hasCostMatrix: (profile: string | undefined) => {
      const t = travelDef(profile);
      return isRecord(t) && t.type === 'matrix' && has(t, 'costs');
    },
  };

  const vehicleIds = new Set<string>();
  const vectors: VectorAt[] = [];
  if (!has(input, 'vehicles')) issues.add('required', '/vehicles', 'vehicles is required');
  else if (!Array.isArray(input.vehicles)) issues.add('type', '/vehicles', `vehicles must be an array, got ${show(input.vehicles)}`);
  else {
    if (input.vehicles.length === 0) issues.add('empty', '/vehicles', 'there is no vehicle: at least one is needed');
    const checks = { ...vehicleChecks, vectors };
    each(input.vehicles, (v, k) => validateVehicle(issues, v, at('/vehicles', k), locations, vehicleIds, vectors, checks));
  }

  const knownVehicles = Array.isArray(input.vehicles) ? vehicleIds : undefined;
  const orderIds = new Map<string, Pointer>();
  if (!has(input, 'jobs')) issues.add('required', '/jobs', 'jobs is required');
  else if (!Array.isArray(input.jobs)) issues.add('type', '/jobs', `jobs must be an array, got ${show(input.jobs)}`);
  else {
    each(input.jobs, (j, i) => validateJob(issues, j, at('/jobs', i), locations, orderIds, knownVehicles, vectors));
  }
  if (has(input, 'shipments')) {
    validateShipments(issues, input.shipments, {
      location: (loc, ptr) => validateTaskLocation(issues, loc, ptr, locations),
      windows: (x, ptr) => validateWindows(issues, x, ptr),
      allowedVehicles: (x, ptr) => validateAllowedVehicles(issues, x, ptr, knownVehicles),
      orderIds,
      vectors,
    });
  }
  checkDimensions(issues, vectors);
  // Travel-dependent checks need an otherwise valid problem.
  if (issues.list.length === 0) checkShipmentWindows(issues, input as unknown as Problem);
}

/** The location models of `problem.travel` and of every profile. */
interface Locations {
  base: LocationModel;
  profiles: Map<string, LocationModel>;
}

/** Whether a task location is valid in the problem's travel and in every profile (nothing to report). */
function taskLocationOk(loc: unknown, locations: Locations): boolean {
  if (!locationOk(loc, locations.base)) return false;
  for (const model of locations.profiles.values()) if (!locationOk(loc, model)) return false;
  return true;
}

/** A task location must be valid in the problem's travel and in every profile; the first problem found is reported. */
function validateTaskLocation(issues: Issues, loc: unknown, ptr: string, locations: Locations): void {
  const sink = new Issues();
  validateLocation(sink, loc, ptr, locations.base);
  for (const [name, model] of locations.profiles) {
    if (sink.list.length > 0) break;
    validateLocation(sink, loc, ptr, model);
    for (const i of sink.list) i.message = `in profile ${JSON.stringify(name)}: ${i.message}`;
  }
  if (sink.list.length > 0) issues.list.push(sink.list[0]);
}

/** All amount and capacity vectors must share one length (the most common one). */
function checkDimensions(issues: Issues, vectors: VectorAt[]): void {
  if (vectors.length === 0) return;
  const counts = new Map<number, number>();
  for (const v of vectors) counts.set(v.length, (counts.get(v.length) ?? 0) + 1);
  if (counts.size === 1) return;
  let dims = vectors[0].length;
  for (const [len, n] of counts) if (n > counts.get(dims)! || (n === counts.get(dims)! && len > dims)) dims = len;
  for (const v of vectors) {
    if (v.length !== dims) {
      issues.add('dimension', String(v.ptr), `has ${v.length} dimension${v.length === 1 ? '' : 's'}, but the problem's amounts and capacities have ${dims}`);
    }
  }
}

function validateVehicle(
  issues: Issues,
  v: unknown,
  ptr: string,
  locations: Locations,
  ids: Set<string>,
  vectors: VectorAt[],
  checks: Parameters<typeof validateVehicleConstraints>[3],
): void {
  if (!isRecord(v)) {
    issues.add('type', ptr, `a vehicle must be an object, got ${show(v)}`);
    return;
  }
  checkFields(issues, v, ptr, VEHICLE_FIELDS, 'a vehicle');
  if (!has(v, 'id')) issues.add('required', at(ptr, 'id'), 'a vehicle needs an id');
  else if (checkId(issues, v.id, ptr, 'a vehicle id', 'id')) {
    const key = idKey(v.id);
    if (ids.has(key)) issues.add('duplicate-id', at(ptr, 'id'), `vehicle id ${show(v.id)} is used more than once (ids compare as strings)`);
    ids.add(key);
  }
  const own = typeof v.profile === 'string' ? locations.profiles.get(v.profile) ?? locations.base : locations.base;
  // (pointers and messages are built only for a field with an issue: validation visits every field of every order)
  if (has(v, 'start') && !locationOk(v.start, own)) validateLocation(issues, v.start, at(ptr, 'start'), own);
  if (has(v, 'end') && !locationOk(v.end, own)) validateLocation(issues, v.end, at(ptr, 'end'), own);
  if (has(v, 'capacity')) {
    if (vectorOk(v.capacity, CAPACITY)) vectors.push({ length: v.capacity.length, ptr: new LazyPointer(ptr, 'capacity') });
    else {
      const n = checkVector(issues, v.capacity, at(ptr, 'capacity'), 'capacity', CAPACITY);
      if (n >= 0) vectors.push({ length: n, ptr: at(ptr, 'capacity') });
    }
  }
  if (has(v, 'shift') && !windowOk(v.shift)) checkWindow(issues, v.shift, at(ptr, 'shift'), 'the shift');
  if (has(v, 'costs')) {
    const c = v.costs;
    const cptr = at(ptr, 'costs');
    if (!isRecord(c)) issues.add('type', cptr, `costs must be an object, got ${show(c)}`);
    else {
      checkFields(issues, c, cptr, COST_FIELDS, 'costs');
      for (const f of COST_FIELDS) if (has(c, f)) checkNumber(issues, c[f], at(cptr, f), `costs.${f}`, { nonNegative: true });
    }
  }
  for (const f of ['maxDuration', 'maxDistance'] as const) {
    if (has(v, f)) checkNumber(issues, v[f], at(ptr, f), f, { nonNegative: true, infinite: true });
  }
  validateVehicleConstraints(issues, v, ptr, checks);
}

function validateJob(
  issues: Issues,
  j: unknown,
  ptr: string,
  locations: Locations,
  ids: Map<string, Pointer>,
  vehicleIds: Set<string> | undefined,
  vectors: VectorAt[],
): void {
  if (!isRecord(j)) {
    issues.add('type', ptr, `a job must be an object, got ${show(j)}`);
    return;
  }
  checkFields(issues, j, ptr, JOB_FIELDS, 'a job');
  if (!has(j, 'id')) issues.add('required', at(ptr, 'id'), 'a job needs an id');
  else if (checkId(issues, j.id, ptr, 'a job id', 'id')) {
    const key = idKey(j.id);
    if (ids.has(key)) issues.add('duplicate-id', at(ptr, 'id'), `job id ${show(j.id)} is used more than once (ids compare as strings)`);
    else ids.set(key, new LazyPointer(ptr, 'id'));
  }
  // (pointers and messages are built only for a field with an issue: validation visits every field of every order)
  if (!has(j, 'location')) issues.add('required', at(ptr, 'location'), 'a job needs a location');
  else if (!taskLocationOk(j.location, locations)) validateTaskLocation(issues, j.location, at(ptr, 'location'), locations);
  for (const f of ['delivery', 'pickup'] as const) {
    if (!has(j, f)) continue;
    if (vectorOk(j[f], AMOUNT)) {
      vectors.push({ length: (j[f] as number[]).length, ptr: new LazyPointer(ptr, f) });
      continue;
    }
    const vptr = at(ptr, f);
    const n = checkVector(issues, j[f], vptr, f, AMOUNT);
    if (n >= 0) vectors.push({ length: n, ptr: vptr });
  }
  if (has(j, 'serviceDuration') && !numberOk(j.serviceDuration, NON_NEGATIVE)) {
    checkNumber(issues, j.serviceDuration, at(ptr, 'serviceDuration'), 'serviceDuration', NON_NEGATIVE);
  }
  validateTaskDurations(issues, j, ptr);
  if (has(j, 'timeWindows') && !windowsOk(j.timeWindows)) validateWindows(issues, j.timeWindows, at(ptr, 'timeWindows'));
  validateLateness(issues, j, ptr);
  const release = has(j, 'releaseTime') && checkNumber(issues, j.releaseTime, at(ptr, 'releaseTime'), 'releaseTime');
  const deadline = has(j, 'dispatchDeadline') && checkNumber(issues, j.dispatchDeadline, at(ptr, 'dispatchDeadline'), 'dispatchDeadline');
  if (release && deadline && (j.releaseTime as number) > (j.dispatchDeadline as number)) {
    issues.add(
      'time-window',
      at(ptr, 'dispatchDeadline'),
      `dispatchDeadline ${show(j.dispatchDeadline)} is before releaseTime ${show(j.releaseTime)}`,
    );
  }
  if (has(j, 'allowedVehicles')) validateAllowedVehicles(issues, j.allowedVehicles, at(ptr, 'allowedVehicles'), vehicleIds);
  if (has(j, 'skills')) validateSkills(issues, j.skills, at(ptr, 'skills'));
  if (has(j, 'priority')) validatePriority(issues, j.priority, at(ptr, 'priority'));
  if (has(j, 'preferredVehicle')) {
    const id = j.preferredVehicle;
    const pptr = at(ptr, 'preferredVehicle');
    if (checkId(issues, id, pptr, 'preferredVehicle') && vehicleIds && !vehicleIds.has(idKey(id))) {
      issues.add('unknown-vehicle', pptr, `preferredVehicle ${show(id)} does not exist`);
    }
  }
  if (has(j, 'reassignmentPenalty')) {
    checkNumber(issues, j.reassignmentPenalty, at(ptr, 'reassignmentPenalty'), 'reassignmentPenalty', { nonNegative: true });
  }
}

/** `allowedVehicles`: an array of ids of existing vehicles (by the id rule). */
function validateAllowedVehicles(issues: Issues, a: unknown, aptr: string, vehicleIds: Set<string> | undefined): void {
  if (!Array.isArray(a)) {
    issues.add('type', aptr, `allowedVehicles must be an array of vehicle ids, got ${show(a)}`);
    return;
  }
  each(a, (id, k) => {
    if (checkId(issues, id, at(aptr, k), 'a vehicle id') && vehicleIds && !vehicleIds.has(idKey(id))) {
      issues.add('unknown-vehicle', at(aptr, k), `allowedVehicles names vehicle ${show(id)}, which does not exist`);
    }
  });
}

/** Whether `validateWindows` would report nothing for `x`: a non-empty array of `windowOk` pairs, sorted by start, not overlapping. */
function windowsOk(x: unknown): boolean {
  if (!Array.isArray(x) || x.length === 0) return false;
  for (let k = 0; k < x.length; k++) {
    const w: unknown = x[k];
    if (!windowOk(w)) return false;
    if (k > 0) {
      const prev = x[k - 1] as [number, number];
      if (w[0] < prev[0] || w[0] < prev[1]) return false;
    }
  }
  return true;
}

/** A list of windows: each valid, sorted by start, not overlapping (touching is fine). */
function validateWindows(issues: Issues, x: unknown, ptr: string): void {
  if (!Array.isArray(x)) {
    issues.add('type', ptr, `timeWindows must be an array of [start, end] pairs, got ${show(x)}`);
    return;
  }
  if (x.length === 0) {
    issues.add('empty', ptr, 'timeWindows is empty: the task could never be served (omit it for "any time")');
    return;
  }
  let prev: [number, number] | undefined;
  each(x, (w, k) => {
    const win = windowOk(w) ? ([w[0], w[1]] as [number, number]) : checkWindow(issues, w, at(ptr, k), `time window ${k}`);
    if (!win) return;
    if (prev) {
      if (win[0] < prev[0]) issues.add('time-window', at(ptr, k), `time window ${k} starts before the previous one: windows must be sorted by start`);
      else if (win[0] < prev[1]) issues.add('time-window', at(ptr, k), `time window ${k} overlaps the previous one`);
    }
    prev = win;
  });
}

