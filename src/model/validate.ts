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
 * | `range`           | a number outside its range (a speed of 0)                                   |
 * | `not-integer`     | a non-integer amount, matrix size or location index                         |
 * | `enum`            | an unknown `travel.type` or `travel.rounding`                               |
 * | `time-window`     | a window/shift starting after it ends, windows unsorted or overlapping,     |
 * |                   | releaseTime after dispatchDeadline                                          |
 * | `empty`           | no vehicle at all; an empty `timeWindows` list                              |
 * | `matrix-size`     | a matrix or coordinate list whose length does not match `travel.size`       |
 * | `location`        | a location index out of range, a malformed or out-of-range coordinate pair, |
 * |                   | or a pair where the travel only knows indices                               |
 * | `duplicate-id`    | two jobs (or two vehicles) with the same id (`1` and `"1"` differ)          |
 * | `dimension`       | an amount or capacity vector whose length differs from the others          |
 * | `unknown-vehicle` | `allowedVehicles` / `preferredVehicle` naming a vehicle that does not exist |
 * | `unknown-field`   | a field vrpkit does not know (typos like `timewindows`), except in `data`   |
 *
 * Matrix entries are checked one by one but only the first few bad ones are
 * reported per matrix (plus a count), so a broken 10^6-entry matrix gives a
 * short list.
 */
import { VrpkitError, type InputIssue } from '../core/errors.js';
import type { Problem } from './types.js';
import {
  Issues,
  at,
  checkFields,
  checkId,
  checkNumber,
  checkVector,
  checkWindow,
  each,
  has,
  isArrayLike,
  isRecord,
  show,
} from './validate-util.js';

const PROBLEM_FIELDS = ['jobs', 'vehicles', 'travel', 'name', '$schema'] as const;
const JOB_FIELDS = [
  'id',
  'location',
  'delivery',
  'pickup',
  'serviceDuration',
  'timeWindows',
  'releaseTime',
  'dispatchDeadline',
  'allowedVehicles',
  'preferredVehicle',
  'reassignmentPenalty',
  'data',
] as const;
const VEHICLE_FIELDS = ['id', 'start', 'end', 'capacity', 'shift', 'costs', 'maxDuration', 'maxDistance', 'data'] as const;
const COST_FIELDS = ['fixed', 'perDistance', 'perDuration'] as const;
const TRAVEL_FIELDS: Record<string, readonly string[]> = {
  matrix: ['type', 'size', 'durations', 'distances', 'coordinates'],
  euclidean: ['type', 'coordinates', 'speed', 'rounding'],
  haversine: ['type', 'coordinates', 'speed', 'rounding'],
  network: ['type', 'network', 'points'],
};
const ROUNDINGS = ['none', 'nint', 'truncate1'];
/** How many bad entries of one matrix are reported individually. */
const MAX_MATRIX_ISSUES = 5;

/** What locations may look like under the problem's travel. */
interface LocationModel {
  /** Number of indexable locations, or -1 when unknown (travel itself is invalid). */
  count: number;
  /** What an index refers to, for messages. */
  indexOf: string;
  /** Whether `[x, y]` pairs are accepted. */
  pairs: boolean;
  /** Whether pairs are lon/lat degrees (range-checked). */
  geographic: boolean;
}

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

  const locations = has(input, 'travel')
    ? validateTravel(issues, input.travel)
    : (issues.add('required', '/travel', 'travel is required'), unknownLocations());

  const vehicleIds = new Set<unknown>();
  const vectors: { length: number; ptr: string }[] = [];
  if (!has(input, 'vehicles')) issues.add('required', '/vehicles', 'vehicles is required');
  else if (!Array.isArray(input.vehicles)) issues.add('type', '/vehicles', `vehicles must be an array, got ${show(input.vehicles)}`);
  else {
    if (input.vehicles.length === 0) issues.add('empty', '/vehicles', 'there is no vehicle: at least one is needed');
    each(input.vehicles, (v, k) => validateVehicle(issues, v, at('/vehicles', k), locations, vehicleIds, vectors));
  }

  if (!has(input, 'jobs')) issues.add('required', '/jobs', 'jobs is required');
  else if (!Array.isArray(input.jobs)) issues.add('type', '/jobs', `jobs must be an array, got ${show(input.jobs)}`);
  else {
    const jobIds = new Set<unknown>();
    const knownVehicles = Array.isArray(input.vehicles) ? vehicleIds : undefined;
    each(input.jobs, (j, i) => validateJob(issues, j, at('/jobs', i), locations, jobIds, knownVehicles, vectors));
  }
  checkDimensions(issues, vectors);
}

function unknownLocations(): LocationModel {
  return { count: -1, indexOf: 'the locations', pairs: true, geographic: false };
}

/** All amount and capacity vectors must share one length (the most common one). */
function checkDimensions(issues: Issues, vectors: { length: number; ptr: string }[]): void {
  if (vectors.length === 0) return;
  const counts = new Map<number, number>();
  for (const v of vectors) counts.set(v.length, (counts.get(v.length) ?? 0) + 1);
  if (counts.size === 1) return;
  let dims = vectors[0].length;
  for (const [len, n] of counts) if (n > counts.get(dims)! || (n === counts.get(dims)! && len > dims)) dims = len;
  for (const v of vectors) {
    if (v.length !== dims) {
      issues.add('dimension', v.ptr, `has ${v.length} dimension${v.length === 1 ? '' : 's'}, but the problem's amounts and capacities have ${dims}`);
    }
  }
}

function validateVehicle(
  issues: Issues,
  v: unknown,
  ptr: string,
  locations: LocationModel,
  ids: Set<unknown>,
  vectors: { length: number; ptr: string }[],
): void {
  if (!isRecord(v)) {
    issues.add('type', ptr, `a vehicle must be an object, got ${show(v)}`);
    return;
  }
  checkFields(issues, v, ptr, VEHICLE_FIELDS, 'a vehicle');
  if (!has(v, 'id')) issues.add('required', at(ptr, 'id'), 'a vehicle needs an id');
  else if (checkId(issues, v.id, at(ptr, 'id'), 'a vehicle id')) {
    if (ids.has(v.id)) issues.add('duplicate-id', at(ptr, 'id'), `vehicle id ${show(v.id)} is used more than once`);
    ids.add(v.id);
  }
  if (has(v, 'start')) validateLocation(issues, v.start, at(ptr, 'start'), locations);
  if (has(v, 'end')) validateLocation(issues, v.end, at(ptr, 'end'), locations);
  if (has(v, 'capacity')) {
    const n = checkVector(issues, v.capacity, at(ptr, 'capacity'), 'capacity', { nonNegative: true, infinite: true });
    if (n >= 0) vectors.push({ length: n, ptr: at(ptr, 'capacity') });
  }
  if (has(v, 'shift')) checkWindow(issues, v.shift, at(ptr, 'shift'), 'the shift');
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
}

function validateJob(
  issues: Issues,
  j: unknown,
  ptr: string,
  locations: LocationModel,
  ids: Set<unknown>,
  vehicleIds: Set<unknown> | undefined,
  vectors: { length: number; ptr: string }[],
): void {
  if (!isRecord(j)) {
    issues.add('type', ptr, `a job must be an object, got ${show(j)}`);
    return;
  }
  checkFields(issues, j, ptr, JOB_FIELDS, 'a job');
  if (!has(j, 'id')) issues.add('required', at(ptr, 'id'), 'a job needs an id');
  else if (checkId(issues, j.id, at(ptr, 'id'), 'a job id')) {
    if (ids.has(j.id)) issues.add('duplicate-id', at(ptr, 'id'), `job id ${show(j.id)} is used more than once`);
    ids.add(j.id);
  }
  if (!has(j, 'location')) issues.add('required', at(ptr, 'location'), 'a job needs a location');
  else validateLocation(issues, j.location, at(ptr, 'location'), locations);
  for (const f of ['delivery', 'pickup'] as const) {
    if (!has(j, f)) continue;
    const n = checkVector(issues, j[f], at(ptr, f), f, { nonNegative: true, integer: true });
    if (n >= 0) vectors.push({ length: n, ptr: at(ptr, f) });
  }
  if (has(j, 'serviceDuration')) checkNumber(issues, j.serviceDuration, at(ptr, 'serviceDuration'), 'serviceDuration', { nonNegative: true });
  if (has(j, 'timeWindows')) validateWindows(issues, j.timeWindows, at(ptr, 'timeWindows'));
  const release = has(j, 'releaseTime') && checkNumber(issues, j.releaseTime, at(ptr, 'releaseTime'), 'releaseTime');
  const deadline = has(j, 'dispatchDeadline') && checkNumber(issues, j.dispatchDeadline, at(ptr, 'dispatchDeadline'), 'dispatchDeadline');
  if (release && deadline && (j.releaseTime as number) > (j.dispatchDeadline as number)) {
    issues.add(
      'time-window',
      at(ptr, 'dispatchDeadline'),
      `dispatchDeadline ${show(j.dispatchDeadline)} is before releaseTime ${show(j.releaseTime)}`,
    );
  }
  if (has(j, 'allowedVehicles')) {
    const a = j.allowedVehicles;
    const aptr = at(ptr, 'allowedVehicles');
    if (!Array.isArray(a)) issues.add('type', aptr, `allowedVehicles must be an array of vehicle ids, got ${show(a)}`);
    else {
      each(a, (id, k) => {
        if (checkId(issues, id, at(aptr, k), 'a vehicle id') && vehicleIds && !vehicleIds.has(id)) {
          issues.add('unknown-vehicle', at(aptr, k), `allowedVehicles names vehicle ${show(id)}, which does not exist`);
        }
      });
    }
  }
  if (has(j, 'preferredVehicle')) {
    const id = j.preferredVehicle;
    const pptr = at(ptr, 'preferredVehicle');
    if (checkId(issues, id, pptr, 'preferredVehicle') && vehicleIds && !vehicleIds.has(id)) {
      issues.add('unknown-vehicle', pptr, `preferredVehicle ${show(id)} does not exist`);
    }
  }
  if (has(j, 'reassignmentPenalty')) {
    checkNumber(issues, j.reassignmentPenalty, at(ptr, 'reassignmentPenalty'), 'reassignmentPenalty', { nonNegative: true });
  }
}

/** A list of windows: each valid, sorted by start, not overlapping (touching is fine). */
function validateWindows(issues: Issues, x: unknown, ptr: string): void {
  if (!Array.isArray(x)) {
    issues.add('type', ptr, `timeWindows must be an array of [start, end] pairs, got ${show(x)}`);
    return;
  }
  if (x.length === 0) {
    issues.add('empty', ptr, 'timeWindows is empty: the job could never be served (omit it for "any time")');
    return;
  }
  let prev: [number, number] | undefined;
  each(x, (w, k) => {
    const win = checkWindow(issues, w, at(ptr, k), `time window ${k}`);
    if (!win) return;
    if (prev) {
      if (win[0] < prev[0]) issues.add('time-window', at(ptr, k), `time window ${k} starts before the previous one: windows must be sorted by start`);
      else if (win[0] < prev[1]) issues.add('time-window', at(ptr, k), `time window ${k} overlaps the previous one`);
    }
    prev = win;
  });
}

/** A location: an index valid for the travel, or a coordinate pair where the travel accepts one. */
function validateLocation(issues: Issues, loc: unknown, ptr: string, model: LocationModel): void {
  if (typeof loc === 'number') {
    if (!Number.isFinite(loc)) issues.add('not-finite', ptr, `a location index must be a finite integer, got ${show(loc)}`);
    else if (!Number.isInteger(loc)) issues.add('not-integer', ptr, `a location index must be an integer, got ${show(loc)}`);
    else if (loc < 0) issues.add('location', ptr, `a location index must not be negative, got ${show(loc)}`);
    else if (model.count >= 0 && loc >= model.count) {
      issues.add('location', ptr, `location ${loc} is out of range: ${model.indexOf} ${model.count === 0 ? 'has no entry' : `has indices 0..${model.count - 1}`}`);
    }
    return;
  }
  if (Array.isArray(loc)) {
    if (!model.pairs) {
      issues.add('location', ptr, `matrix travel needs location indices, got a coordinate pair ${show(loc)}`);
      return;
    }
    checkPair(issues, loc, ptr, model.geographic);
    return;
  }
  issues.add('type', ptr, `a location must be an index or an [x, y] pair, got ${show(loc)}`);
}

/** A coordinate pair: two finite numbers; lon in [−180, 180] and lat in [−90, 90] when geographic. */
function checkPair(issues: Issues, p: unknown, ptr: string, geographic: boolean): boolean {
  if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    issues.add('location', ptr, `a coordinate pair must be two finite numbers, got ${show(p)}`);
    return false;
  }
  if (geographic && (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)) {
    issues.add('location', ptr, `[lon, lat] out of range: ${show(p)} (lon must be within ±180, lat within ±90)`);
    return false;
  }
  return true;
}

function validateTravel(issues: Issues, t: unknown): LocationModel {
  const ptr = '/travel';
  if (!isRecord(t)) {
    issues.add('type', ptr, `travel must be an object, got ${show(t)}`);
    return unknownLocations();
  }
  if (!has(t, 'type')) {
    issues.add('required', at(ptr, 'type'), "travel.type is required: 'matrix', 'euclidean', 'haversine' or 'network'");
    return unknownLocations();
  }
  const type = t.type;
  if (typeof type !== 'string' || !has(TRAVEL_FIELDS, type)) {
    issues.add('enum', at(ptr, 'type'), `travel.type must be 'matrix', 'euclidean', 'haversine' or 'network', got ${show(type)}`);
    return unknownLocations();
  }
  checkFields(issues, t, ptr, TRAVEL_FIELDS[type], `${type} travel`);

  if (type === 'matrix') {
    let size = -1;
    if (!has(t, 'size')) issues.add('required', at(ptr, 'size'), 'matrix travel needs size (the number of locations)');
    else if (checkNumber(issues, t.size, at(ptr, 'size'), 'size', { nonNegative: true, integer: true })) size = t.size as number;
    if (!has(t, 'durations')) issues.add('required', at(ptr, 'durations'), 'matrix travel needs durations');
    else validateMatrix(issues, t.durations, at(ptr, 'durations'), size);
    if (has(t, 'distances')) validateMatrix(issues, t.distances, at(ptr, 'distances'), size);
    if (has(t, 'coordinates')) validateCoordinates(issues, t.coordinates, at(ptr, 'coordinates'), false, size);
    return { count: size, indexOf: 'the matrix', pairs: false, geographic: false };
  }

  if (type === 'euclidean' || type === 'haversine') {
    const geographic = type === 'haversine';
    let count = 0;
    if (has(t, 'coordinates')) count = validateCoordinates(issues, t.coordinates, at(ptr, 'coordinates'), geographic, -1);
    if (has(t, 'speed')) checkNumber(issues, t.speed, at(ptr, 'speed'), 'speed', { positive: true });
    if (has(t, 'rounding') && !ROUNDINGS.includes(t.rounding as string)) {
      issues.add('enum', at(ptr, 'rounding'), `rounding must be 'none', 'nint' or 'truncate1', got ${show(t.rounding)}`);
    }
    return { count, indexOf: 'travel.coordinates', pairs: true, geographic };
  }

  // network
  if (!has(t, 'network')) issues.add('required', at(ptr, 'network'), 'network travel needs network (a RoadNetwork)');
  else {
    const n = t.network;
    if (typeof n !== 'object' || n === null || typeof (n as { travelMatrix?: unknown }).travelMatrix !== 'function') {
      issues.add('type', at(ptr, 'network'), 'network must be a RoadNetwork (an object with a travelMatrix function)');
    }
  }
  let count = 0;
  if (has(t, 'points')) {
    const p = t.points;
    if (!Array.isArray(p)) issues.add('type', at(ptr, 'points'), `points must be an array of node ids or [lon, lat] pairs, got ${show(p)}`);
    else {
      count = p.length;
      each(p, (x, k) => {
        if (Array.isArray(x)) checkPair(issues, x, at(ptr, 'points', k), true);
        else if (typeof x === 'number' ? !Number.isFinite(x) : typeof x !== 'string') {
          issues.add('location', at(ptr, 'points', k), `a point must be a node id or a [lon, lat] pair, got ${show(x)}`);
        }
      });
    }
  }
  return { count, indexOf: 'travel.points', pairs: true, geographic: true };
}

/** A row-major `size × size` matrix: length `size²`, entries ≥ 0 (+Infinity = unreachable). */
function validateMatrix(issues: Issues, m: unknown, ptr: string, size: number): void {
  if (!isArrayLike(m)) {
    issues.add('type', ptr, `must be an array (row-major size × size), got ${show(m)}`);
    return;
  }
  if (size >= 0 && m.length !== size * size) {
    issues.add('matrix-size', ptr, `has ${m.length} entries, but size ${size} needs ${size * size} (size × size, row-major)`);
  }
  let bad = 0;
  let firstCode = '';
  for (let i = 0; i < m.length; i++) {
    const x = m[i];
    if (typeof x === 'number' && x >= 0) continue; // includes +Infinity (unreachable)
    const code = typeof x !== 'number' ? 'type' : Number.isNaN(x) ? 'not-finite' : 'negative';
    if (bad++ === 0) firstCode = code;
    if (bad > MAX_MATRIX_ISSUES) continue;
    const message =
      code === 'type' ? `matrix entries must be numbers, got ${show(x)}` : code === 'not-finite' ? 'matrix entry is NaN' : `matrix entry is negative: ${show(x)}`;
    issues.add(code, at(ptr, i), message);
  }
  if (bad > MAX_MATRIX_ISSUES) issues.add(firstCode, ptr, `${bad - MAX_MATRIX_ISSUES} more bad matrix entries not listed`);
}

/** A list of coordinate pairs; returns how many there are (its length when it is an array). */
function validateCoordinates(issues: Issues, c: unknown, ptr: string, geographic: boolean, size: number): number {
  if (!Array.isArray(c)) {
    issues.add('type', ptr, `coordinates must be an array of [x, y] pairs, got ${show(c)}`);
    return 0;
  }
  if (size >= 0 && c.length !== size) issues.add('matrix-size', ptr, `has ${c.length} pairs, but the matrix has size ${size}`);
  let bad = 0;
  const sink = new Issues();
  for (let k = 0; k < c.length; k++) {
    if (!checkPair(sink, c[k], at(ptr, k), geographic) && bad++ < MAX_MATRIX_ISSUES) issues.list.push(sink.list[sink.list.length - 1]);
  }
  if (bad > MAX_MATRIX_ISSUES) issues.add('location', ptr, `${bad - MAX_MATRIX_ISSUES} more bad coordinate pairs not listed`);
  return c.length;
}
