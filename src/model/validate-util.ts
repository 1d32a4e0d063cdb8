/**
 * Small helpers for validating untrusted JSON: an issue collector and checks
 * for numbers, windows and unknown fields. Used by `validate.ts`; none of them
 * throws on any input.
 */
import { pointerToken, type InputIssue } from '../core/errors.js';

/**
 * Whether an optional field is present: an own property (works on null-prototype
 * objects too) whose value is not `undefined` (objects built in code often carry
 * `field: undefined` for "not given").
 */
export function has(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && (obj as Record<string, unknown>)[key] !== undefined;
}

/** A plain object (not an array, not null). */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x);
}

/** An array or a numeric typed array (matrices may be `Float64Array`s). */
export function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

/** A short, safe rendering of a value for messages (never throws). */
export function show(x: unknown): string {
  try {
    if (typeof x === 'number') return Object.is(x, -0) ? '0' : String(x);
    if (typeof x === 'string') return JSON.stringify(x.length > 40 ? x.slice(0, 40) + '…' : x);
    if (typeof x === 'bigint') return `${x}n`;
    if (x === undefined || x === null || typeof x === 'boolean') return String(x);
    if (typeof x === 'function') return 'a function';
    if (Array.isArray(x)) return x.length <= 4 ? `[${x.map(show).join(', ')}]` : `an array of ${x.length}`;
    return 'an object';
  } catch {
    return 'a value';
  }
}

/** Calls `fn` for every index of an array, holes included (`forEach` skips holes). */
export function each<T>(list: readonly T[], fn: (item: T, index: number) => void): void {
  for (let i = 0; i < list.length; i++) fn(list[i], i);
}

/** At most this many issues are kept (a file of a million bad entries must not build a million messages). */
export const MAX_ISSUES = 1000;

/** Collects issues (the first `MAX_ISSUES`); `at(...)` extends a JSON pointer. */
export class Issues {
  readonly list: InputIssue[] = [];

  add(code: string, pointer: string, message: string): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ code, pointer, message });
  }
}

/** Appends reference tokens to a JSON pointer. */
export function at(base: string, ...tokens: (string | number)[]): string {
  // called for nearly every field validated: a plain loop, and numbers (array indices) need no escaping
  let out = base;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    out += '/' + (typeof t === 'number' ? String(t) : pointerToken(t));
  }
  return out;
}

/**
 * A JSON pointer `base` + one token whose text is made only when it is read
 * (`String(p)`, a template literal): validation keeps one per order for the
 * few messages that may name it later, and a valid problem never reads them.
 */
export class LazyPointer {
  constructor(
    readonly base: string,
    readonly token: string | number,
  ) {}

  toString(): string {
    return at(this.base, this.token);
  }
}

/** A pointer as text, or one made when read. */
export type Pointer = string | LazyPointer;

/** An amount or capacity vector's length and where it is, for the dimension check. */
export interface VectorAt {
  length: number;
  ptr: Pointer;
}

/** Whether `checkVector` would accept `x` under `rule` (an array of numbers each `numberOk`): it then reports nothing. */
export function vectorOk(x: unknown, rule: NumberRule): x is number[] {
  if (!Array.isArray(x)) return false;
  for (let k = 0; k < x.length; k++) if (!numberOk(x[k], rule)) return false;
  return true;
}

export interface NumberRule {
  /** Allow +Infinity (an unlimited bound). */
  infinite?: boolean;
  /** Must be ≥ 0. */
  nonNegative?: boolean;
  /** Must be > 0. */
  positive?: boolean;
  integer?: boolean;
}

/**
 * Whether `checkNumber` would accept `x` under `rule` (it then reports
 * nothing): callers test this first and build a pointer and a message only
 * for a number that has an issue.
 */
export function numberOk(x: unknown, rule: NumberRule): boolean {
  if (typeof x !== 'number' || Number.isNaN(x)) return false;
  if (!Number.isFinite(x) && !(rule.infinite && x === Infinity)) return false;
  if ((rule.nonNegative || rule.positive) && x < 0) return false;
  if (rule.positive && x === 0) return false;
  return !(rule.integer && Number.isFinite(x) && !Number.isInteger(x));
}

/** Whether `checkWindow` would accept `x` (a pair of numbers, start ≤ end, no NaN, no −∞ end or +∞ start). */
export function windowOk(x: unknown): x is [number, number] {
  if (!Array.isArray(x) || x.length !== 2) return false;
  const a = x[0], b = x[1];
  return typeof a === 'number' && typeof b === 'number' && !Number.isNaN(a) && !Number.isNaN(b) && a !== Infinity && b !== -Infinity && !(a > b);
}

/** Checks one number against a rule; returns true when it is acceptable. */
export function checkNumber(issues: Issues, x: unknown, ptr: string, what: string, rule: NumberRule = {}): x is number {
  if (typeof x !== 'number') {
    issues.add('type', ptr, `${what} must be a number, got ${show(x)}`);
    return false;
  }
  if (Number.isNaN(x) || (!Number.isFinite(x) && !(rule.infinite && x === Infinity))) {
    issues.add('not-finite', ptr, `${what} must be a finite number, got ${show(x)}`);
    return false;
  }
  if ((rule.nonNegative || rule.positive) && x < 0) {
    issues.add('negative', ptr, `${what} must not be negative, got ${show(x)}`);
    return false;
  }
  if (rule.positive && x === 0) {
    issues.add('range', ptr, `${what} must be greater than 0, got 0`);
    return false;
  }
  if (rule.integer && Number.isFinite(x) && !Number.isInteger(x)) {
    issues.add('not-integer', ptr, `${what} must be an integer, got ${show(x)}`);
    return false;
  }
  return true;
}

/** Checks a vector of numbers (amounts, capacities); returns its length, or -1 when it is not an array. */
export function checkVector(issues: Issues, x: unknown, ptr: string, what: string, rule: NumberRule): number {
  if (!Array.isArray(x)) {
    issues.add('type', ptr, `${what} must be an array of numbers, got ${show(x)}`);
    return -1;
  }
  for (let k = 0; k < x.length; k++) if (!numberOk(x[k], rule)) checkNumber(issues, x[k], at(ptr, k), `${what}[${k}]`, rule);
  return x.length;
}

/**
 * Checks a time window `[start, end]`: two numbers (not NaN; the start may be
 * −Infinity and the end +Infinity), start ≤ end. Returns it when usable.
 */
export function checkWindow(issues: Issues, x: unknown, ptr: string, what: string): [number, number] | undefined {
  if (!Array.isArray(x) || x.length !== 2) {
    issues.add('type', ptr, `${what} must be a pair [start, end], got ${show(x)}`);
    return undefined;
  }
  let ok = true;
  for (let k = 0; k < 2; k++) {
    const v = x[k];
    if (typeof v !== 'number') {
      issues.add('type', at(ptr, k), `${what} ${k === 0 ? 'start' : 'end'} must be a number, got ${show(v)}`);
      ok = false;
    } else if (Number.isNaN(v) || (k === 0 && v === Infinity) || (k === 1 && v === -Infinity)) {
      issues.add('not-finite', at(ptr, k), `${what} ${k === 0 ? 'start' : 'end'} must be a number, got ${show(v)}`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  if (x[0] > x[1]) {
    issues.add('time-window', ptr, `${what} starts after it ends: [${show(x[0])}, ${show(x[1])}]`);
    return undefined;
  }
  return [x[0], x[1]];
}

/** Reports every own key of `obj` that is not in `known` as `unknown-field`. */
export function checkFields(issues: Issues, obj: Record<string, unknown>, ptr: string, known: readonly string[], what: string): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key) && obj[key] !== undefined) {
      const hint = known.find((k) => k.toLowerCase() === key.toLowerCase());
      issues.add('unknown-field', at(ptr, key), `unknown field ${show(key)} in ${what}${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
}

/** Whether `x` is a valid id (a string or a finite number); reports it otherwise (at `ptr`, or at `ptr/token` when given). */
export function checkId(issues: Issues, x: unknown, ptr: string, what: string, token?: string | number): x is string | number {
  if (typeof x === 'string') return true;
  if (typeof x === 'number') {
    if (Number.isFinite(x)) return true;
    // with `token` the issue's pointer is `ptr` + `/token`, built only when there is an issue
    issues.add('not-finite', token === undefined ? ptr : at(ptr, token), `${what} must be a string or a finite number, got ${show(x)}`);
    return false;
  }
  issues.add('type', token === undefined ? ptr : at(ptr, token), `${what} must be a string or a number, got ${show(x)}`);
  return false;
}
