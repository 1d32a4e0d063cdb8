/**
 * The solution JSON text that `vrpkit solve` prints, written directly:
 * exactly `compactJson(solutionToJson(solution), ['summary', 'stats', 'kpis'])`
 * (solution.ts) — indented, one line per step, per unassigned entry and per
 * number array — without building the plain-data copy, the indented text and
 * the two regular-expression passes over it (at 10,000 jobs these cost a few
 * hundred ms in a fresh process).
 *
 * It covers what solvers produce: plain numbers, ids, strings without the
 * characters `{`, `}`, `[`, `]` (which change how `compactJson`'s patterns
 * read the text), locations as indices or coordinate pairs, flat summary and
 * stats. For anything else it returns `undefined` and the caller uses
 * `compactJson`, the definition (a property test compares the two texts).
 */
import type { Route, Solution, Step, Unassigned } from '../model/types.js';

/** Thrown (and caught below) when the solution leaves the covered shapes. */
const OUTSIDE = new Error('outside the direct writer');

/** Characters in a string that `compactJson`'s patterns treat as structure. */
const STRUCTURE = /[{}[\]]/;

function num(x: number): string {
  // JSON has no infinite numbers: written as strings, as `nonFiniteAsString` does
  return Number.isFinite(x) ? String(x) : JSON.stringify(String(x));
}

function str(s: string): string {
  if (STRUCTURE.test(s)) throw OUTSIDE;
  return JSON.stringify(s);
}

/** A number, string, boolean or null as JSON. */
function prim(v: unknown): string {
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string') return str(v);
  if (typeof v === 'boolean' || v === null) return String(v);
  throw OUTSIDE;
}

/** An array of primitives on one line (`[1, 2]`), as `compactJson` puts it. */
function line(v: unknown): string {
  if (!Array.isArray(v)) throw OUTSIDE;
  if (v.length === 0) return '[]';
  let out = '[' + prim(v[0]);
  for (let i = 1; i < v.length; i++) out += ', ' + prim(v[i]);
  return out + ']';
}

/** A value that is a primitive or an array of primitives. */
function flat(v: unknown): string {
  return Array.isArray(v) ? line(v) : prim(v);
}

/** `"key": value` members of a one-line object, skipping undefined values as JSON.stringify does. */
function member(key: string, value: unknown, first: boolean, write: (v: never) => string): string {
  if (value === undefined) return '';
  return (first ? '"' : ', "') + key + '": ' + write(value as never);
}

/** A kept-expanded object of flat values (summary, stats) at the given indentation. */
function expanded(o: unknown, indent: string): string {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw OUTSIDE;
  const lines: string[] = [];
  for (const key of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) throw OUTSIDE; // a nested object: not covered
    lines.push(`${indent}  ${str(key)}: ${flat(v)}`);
  }
  return lines.length === 0 ? '{}' : '{\n' + lines.join(',\n') + '\n' + indent + '}';
}

/** A number claim of a step or route: a number (or `null`, `true`, ... as they are); an omitted one is not covered. */
function n(x: unknown): string {
  if (typeof x === 'number') return Number.isFinite(x) ? '' + x : JSON.stringify(String(x));
  if (x === undefined) throw OUTSIDE; // JSON.stringify would drop the key: not covered
  return prim(x);
}

/** The step types as JSON strings (no escaping or pattern test per step). */
const STEP_TYPES: Readonly<Record<string, string>> = Object.assign(Object.create(null), {
  start: '"start"', job: '"job"', pickup: '"pickup"', delivery: '"delivery"', break: '"break"', end: '"end"',
});

/** One step on one line (one template: this runs for every stop of every route). */
function stepLine(s: Step): string {
  if (s.type === undefined) throw OUTSIDE;
  const id = s.id === undefined ? '' : `, "id": ${prim(s.id)}`;
  const shipment = s.shipment === undefined ? '' : `, "shipment": ${prim(s.shipment)}`;
  const location = s.location === undefined ? '' : `, "location": ${typeof s.location === 'number' ? n(s.location) : flat(s.location)}`;
  const setup = s.setup === undefined ? '' : `, "setup": ${n(s.setup)}`;
  return `{"type": ${STEP_TYPES[s.type] ?? str(s.type)}${id}${shipment}${location}, "arrival": ${n(s.arrival)}, "waiting": ${n(s.waiting)}, "serviceStart": ${n(s.serviceStart)}${setup}, "departure": ${n(s.departure)}, "load": ${line(s.load)}, "distance": ${n(s.distance)}}`;
}

/** `      "key": value,` for a route field that is present (straight-line calls: this runs once per route). */
function field(key: string, v: unknown): string {
  return v === undefined ? '' : `      "${key}": ${flat(v)},\n`;
}

function routeBlock(r: Route): string {
  if (r.steps.length === 0) throw OUTSIDE; // a route object without steps would be put on one line
  let out = '    {\n' + field('vehicle', r.vehicle) + field('cost', r.cost) + field('distance', r.distance) + field('duration', r.duration);
  out += field('waiting', r.waiting) + field('service', r.service) + field('setup', r.setup) + field('travelTime', r.travelTime);
  out += field('breakDuration', r.breakDuration) + field('priority', r.priority) + field('delivery', r.delivery) + field('pickup', r.pickup);
  out += '      "steps": [\n        ' + stepLine(r.steps[0]);
  for (let i = 1; i < r.steps.length; i++) out += ',\n        ' + stepLine(r.steps[i]);
  return out + '\n      ]\n    }';
}

function unassignedLine(u: Unassigned): string {
  let out = '{' + member('id', u.id, true, prim);
  if (out === '{') throw OUTSIDE;
  if (u.type !== undefined) out += member('type', u.type, false, prim);
  if (u.pickup !== undefined) out += member('pickup', u.pickup, false, prim);
  if (u.delivery !== undefined) out += member('delivery', u.delivery, false, prim);
  out += member('reason', u.reason, false, prim);
  if (u.message) out += member('message', u.message, false, prim);
  return out + '}';
}

/**
 * The text `vrpkit solve` prints for a solution (see the module comment), or
 * `undefined` when the solution has a shape the direct writer does not cover.
 */
export function solutionJsonText(solution: Solution): string | undefined {
  try {
    let out = '{\n  "summary": ' + expanded(solution.summary, '  ') + ',\n  "routes": ';
    out += solution.routes.length === 0 ? '[]' : '[\n' + solution.routes.map(routeBlock).join(',\n') + '\n  ]';
    out += ',\n  "unassigned": ';
    out += solution.unassigned.length === 0 ? '[]' : '[\n    ' + solution.unassigned.map(unassignedLine).join(',\n    ') + '\n  ]';
    if (solution.status !== undefined) out += ',\n  "status": ' + prim(solution.status);
    if (solution.stats !== undefined) out += ',\n  "stats": ' + expanded(solution.stats, '  ');
    return out + '\n}';
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}
