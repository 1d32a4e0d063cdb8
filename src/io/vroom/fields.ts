/**
 * Readers for the values of VROOM's JSON API (docs/API.md of VROOM-Project/vroom):
 * unsigned integers, ids, coordinate pairs, amounts, skills, time windows and
 * per-type durations. Each reader reports what is wrong with a JSON pointer
 * into the VROOM document and returns `undefined` for an unusable value, so one
 * pass lists every problem. VROOM's own rules apply: ids, durations, amounts,
 * skills and time stamps are unsigned integers; a list of time windows is
 * sorted (VROOM sorts it) and may not overlap or touch.
 */
import { Issues, at, isRecord, show } from '../../model/validate-util.js';

export { Issues, at, isRecord, show };

/** Whether an optional key is present (own property, not `undefined`). */
export function has(obj: Record<string, unknown>, key: string): boolean {
  return  Object.hasOwn(obj, key) && obj[key] !== undefined;
}

/**
 * Every key of `obj` that is not in `known`: `unknown-field`, or `unsupported`
 * with its message when it is a VROOM field vrpkit does not handle.
 */
export function checkKeys(
  issues: Issues,
  obj: Record<string, unknown>,
  ptr: string,
  known: readonly string[],
  what: string,
  unsupported: Record<string, string> = {},
): void {
  for (const key of Object.keys(obj)) {
    if (known.includes(key) || obj[key] === undefined) continue;
    if (Object.hasOwn(unsupported, key)) issues.add('unsupported', at(ptr, key), unsupported[key]);
    else issues.add('unknown-field', at(ptr, key), `unknown field ${show(key)} in ${what} (not a field of VROOM's API)`);
  }
}

/** An unsigned integer (JSON number, integral, 0 ≤ x ≤ 2^53 − 1). */
export function uint(issues: Issues, x: unknown, ptr: string, what: string): number | undefined {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    issues.add('type', ptr, `${what} must be a non-negative integer, got ${show(x)}`);
    return undefined;
  }
  if (!Number.isInteger(x)) {
    issues.add('not-integer', ptr, `${what} must be an integer, got ${show(x)}`);
    return undefined;
  }
  if (x < 0) {
    issues.add('negative', ptr, `${what} must not be negative, got ${show(x)}`);
    return undefined;
  }
  if (!Number.isSafeInteger(x)) {
    issues.add('range', ptr, `${what} must be at most 2^53 − 1 (JSON numbers above it lose precision), got ${show(x)}`);
    return undefined;
  }
  return x;
}

/** An optional unsigned integer field. */
export function optionalUint(issues: Issues, obj: Record<string, unknown>, key: string, ptr: string, what = key): number | undefined {
  return has(obj, key) ? uint(issues, obj[key], at(ptr, key), what) : undefined;
}

/** An optional string field. */
export function optionalString(issues: Issues, obj: Record<string, unknown>, key: string, ptr: string): string | undefined {
  if (!has(obj, key)) return undefined;
  if (typeof obj[key] !== 'string') {
    issues.add('type', at(ptr, key), `${key} must be a string, got ${show(obj[key])}`);
    return undefined;
  }
  return obj[key] as string;
}

/** `[lon, lat]`: VROOM reads the first two numbers of the array. */
export function coordinates(issues: Issues, x: unknown, ptr: string): [number, number] | undefined {
  if (!Array.isArray(x) || x.length < 2 || typeof x[0] !== 'number' || typeof x[1] !== 'number' || !Number.isFinite(x[0]) || !Number.isFinite(x[1])) {
    issues.add('location', ptr, `must be a [lon, lat] array of two numbers, got ${show(x)}`);
    return undefined;
  }
  if (x.length > 2) {
    issues.add('location', ptr, `must be a [lon, lat] array of two numbers, got ${x.length} values`);
    return undefined;
  }
  if (Math.abs(x[0]) > 180 || Math.abs(x[1]) > 90) {
    issues.add('location', ptr, `[lon, lat] out of range: ${show(x)} (lon within ±180, lat within ±90; VROOM expects [lon, lat])`);
    return undefined;
  }
  return [x[0], x[1]];
}

/** An array of unsigned integers (an amount, a capacity, skills). */
export function uintArray(issues: Issues, x: unknown, ptr: string, what: string): number[] | undefined {
  if (!Array.isArray(x)) {
    issues.add('type', ptr, `${what} must be an array of non-negative integers, got ${show(x)}`);
    return undefined;
  }
  const out: number[] = [];
  let ok = true;
  for (let k = 0; k < x.length; k++) {
    const v = uint(issues, x[k], at(ptr, k), `${what}[${k}]`);
    if (v === undefined) ok = false;
    else out.push(v);
  }
  return ok ? out : undefined;
}

/**
 * An amount vector whose length must be the problem's amount size (VROOM: the
 * length of the first vehicle's capacity, 0 without one).
 */
export function amount(issues: Issues, x: unknown, ptr: string, what: string, size: number): number[] | undefined {
  const a = uintArray(issues, x, ptr, what);
  if (a && a.length !== size) {
    issues.add(
      'dimension',
      ptr,
      `${what} has ${a.length} values, but the first vehicle's capacity sets the amount size to ${size} (VROOM requires the same length everywhere)`,
    );
    return undefined;
  }
  return a;
}

/** One `[start, end]` time window of unsigned integers, start ≤ end. */
export function timeWindow(issues: Issues, x: unknown, ptr: string, what: string): [number, number] | undefined {
  if (!Array.isArray(x) || x.length !== 2) {
    issues.add('type', ptr, `${what} must be a pair [start, end] of non-negative integers, got ${show(x)}`);
    return undefined;
  }
  const start = uint(issues, x[0], at(ptr, 0), `${what} start`);
  const end = uint(issues, x[1], at(ptr, 1), `${what} end`);
  if (start === undefined || end === undefined) return undefined;
  if (start > end) {
    issues.add('time-window', ptr, `${what} starts after it ends: [${start}, ${end}]`);
    return undefined;
  }
  return [start, end];
}

/**
 * `time_windows`: a non-empty array of windows, returned sorted by start (then
 * end) as VROOM sorts them; after sorting no two may overlap or touch (VROOM:
 * "Unsorted or overlapping time-windows"). The pointer of an overlap names the
 * later window in the input's own order.
 */
export function timeWindows(issues: Issues, x: unknown, ptr: string, what: string): [number, number][] | undefined {
  if (!Array.isArray(x)) {
    issues.add('type', ptr, `${what} must be an array of [start, end] pairs, got ${show(x)}`);
    return undefined;
  }
  if (x.length === 0) {
    issues.add('time-window', ptr, `${what} must not be empty (omit the key for "any time")`);
    return undefined;
  }
  const windows: { tw: [number, number]; k: number }[] = [];
  let ok = true;
  for (let k = 0; k < x.length; k++) {
    const tw = timeWindow(issues, x[k], at(ptr, k), `${what}[${k}]`);
    if (tw) windows.push({ tw, k });
    else ok = false;
  }
  if (!ok) return undefined;
  windows.sort((a, b) => a.tw[0] - b.tw[0] || a.tw[1] - b.tw[1]);
  for (let i = 1; i < windows.length; i++) {
    const prev = windows[i - 1];
    const cur = windows[i];
    if (cur.tw[0] <= prev.tw[1]) {
      issues.add(
        'time-window',
        at(ptr, cur.k),
        `${what}[${cur.k}] [${cur.tw[0]}, ${cur.tw[1]}] overlaps or touches ${what}[${prev.k}] [${prev.tw[0]}, ${prev.tw[1]}] (VROOM requires disjoint windows)`,
      );
      ok = false;
    }
  }
  return ok ? windows.map((w) => w.tw) : undefined;
}

/** `setup_per_type` / `service_per_type`: vehicle type → unsigned duration; the empty type is an error (as in VROOM). */
export function durationPerType(issues: Issues, x: unknown, ptr: string, what: string): Record<string, number> | undefined {
  if (!isRecord(x)) {
    issues.add('type', ptr, `${what} must be an object mapping vehicle types to durations, got ${show(x)}`);
    return undefined;
  }
  const out: Record<string, number> = {};
  let ok = true;
  for (const key of Object.keys(x)) {
    if (key === '') {
      issues.add('type', at(ptr, key), `${what} has an empty vehicle type`);
      ok = false;
      continue;
    }
    const v = uint(issues, x[key], at(ptr, key), `${what}.${key}`);
    if (v === undefined) ok = false;
    else out[key] = v;
  }
  return ok ? out : undefined;
}

/** `priority`: an integer in 0…100. */
export function priority(issues: Issues, x: unknown, ptr: string): number | undefined {
  const p = uint(issues, x, ptr, 'priority');
  if (p !== undefined && p > 100) {
    issues.add('range', ptr, `priority must be in 0…100, got ${p}`);
    return undefined;
  }
  return p;
}
