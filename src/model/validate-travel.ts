/**
 * Validation of travel definitions and of locations under them (part of
 * `validateProblem`): `problem.travel` and every profile, matrices (reported
 * entry by entry, only the first few per matrix), coordinate lists, and
 * whether a location is valid for a travel. Never throws.
 */
import { Issues, at, checkFields, checkNumber, each, has, isArrayLike, isRecord, show } from './validate-util.js';

const TRAVEL_FIELDS: Record<string, readonly string[]> = {
  matrix: ['type', 'size', 'durations', 'distances', 'costs', 'coordinates'],
  euclidean: ['type', 'coordinates', 'speed', 'rounding'],
  haversine: ['type', 'coordinates', 'speed', 'rounding'],
  network: ['type', 'network', 'points'],
};
const ROUNDINGS = ['none', 'nint', 'truncate1'];
/** How many bad entries of one matrix are reported individually. */
const MAX_MATRIX_ISSUES = 5;

/** What locations may look like under the problem's travel. */
export interface LocationModel {
  /** Number of indexable locations, or -1 when unknown (travel itself is invalid). */
  count: number;
  /** What an index refers to, for messages. */
  indexOf: string;
  /** Whether `[x, y]` pairs are accepted. */
  pairs: boolean;
  /** Whether pairs are lon/lat degrees (range-checked). */
  geographic: boolean;
}

/** The location model of a travel that could not be read. */
export function unknownLocations(): LocationModel {
  return { count: -1, indexOf: 'the locations', pairs: true, geographic: false };
}

/** A location: an index valid for the travel, or a coordinate pair where the travel accepts one. */
export function validateLocation(issues: Issues, loc: unknown, ptr: string, model: LocationModel): void {
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

/**
 * Whether `validateLocation` would accept `loc` under `model` (it then reports
 * nothing): callers test this first and build a pointer only for a location
 * that has an issue.
 */
export function locationOk(loc: unknown, model: LocationModel): boolean {
  if (typeof loc === 'number') return Number.isInteger(loc) && loc >= 0 && !(model.count >= 0 && loc >= model.count);
  return model.pairs && pairOk(loc, model.geographic);
}

/** Whether `checkPair` would accept `p` (it then reports nothing). */
function pairOk(p: unknown, geographic: boolean): boolean {
  if (!Array.isArray(p) || p.length !== 2) return false;
  const x = p[0], y = p[1];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  return !(geographic && (Math.abs(x) > 180 || Math.abs(y) > 90));
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

export function validateTravel(issues: Issues, t: unknown, ptr: string): LocationModel {
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
    if (has(t, 'costs')) validateMatrix(issues, t.costs, at(ptr, 'costs'), size);
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
    if (pairOk(c[k], geographic)) continue; // (the pointer is built only for a pair with an issue)
    if (!checkPair(sink, c[k], at(ptr, k), geographic) && bad++ < MAX_MATRIX_ISSUES) issues.list.push(sink.list[sink.list.length - 1]);
  }
  if (bad > MAX_MATRIX_ISSUES) issues.add('location', ptr, `${bad - MAX_MATRIX_ISSUES} more bad coordinate pairs not listed`);
  return c.length;
}
