/**
 * Solutions as JSON, in VROOM's shape (which users and tools know):
 *
 * ```json
 * { "summary": { "cost": 1234.5, "routes": 3, "unassigned": 0, "distance": ..., "duration": ...,
 *                "waiting": ..., "service": ..., "delivery": [..], "pickup": [..] },
 *   "routes": [{ "vehicle": 1, "cost": ..., "distance": ..., "duration": ..., "waiting": ...,
 *                "service": ..., "delivery": [..], "pickup": [..],
 *                "steps": [{ "type": "start", "arrival": 0, "waiting": 0, "serviceStart": 0,
 *                            "departure": 0, "load": [30], "distance": 0 },
 *                          { "type": "job", "id": 5, ... }, ..., { "type": "end", ... }] }],
 *   "unassigned": [{ "id": 17, "reason": "time-window" }],
 *   "status": "time-limit", "stats": { "iterations": 1200, "elapsedMs": 5001 } }
 * ```
 *
 * `readPlan` reads such a document back as a `RoutePlan` for `checkSolution`;
 * it also accepts the shorter hand-written form `{ "vehicle": 1, "jobs": [5, 3] }`
 * per route. Numbers are written at full precision so that `vrpkit check`
 * re-derives them without claim mismatches.
 */
import { VrpkitError, pointer, type InputIssue } from '../core/errors.js';
import { planIssues } from '../model/check.js';
import type { Id, RoutePlan, Solution, Step, Unassigned } from '../model/types.js';
import { parseJsonText } from './json-text.js';
import { checkLimit, resolveLimits, type InputLimits } from '../core/limits.js';

/** The JSON object of a solution (plain data, ready for `JSON.stringify`). */
export function solutionToJson(solution: Solution): Record<string, unknown> {
  const out: Record<string, unknown> = {
    summary: { ...solution.summary },
    routes: solution.routes.map((r) => ({
      vehicle: r.vehicle,
      cost: r.cost,
      distance: r.distance,
      duration: r.duration,
      waiting: r.waiting,
      service: r.service,
      ...(r.setup !== undefined ? { setup: r.setup } : {}),
      ...(r.travelTime !== undefined ? { travelTime: r.travelTime } : {}),
      ...(r.breakDuration !== undefined ? { breakDuration: r.breakDuration } : {}),
      ...(r.priority !== undefined ? { priority: r.priority } : {}),
      delivery: r.delivery,
      pickup: r.pickup,
      steps: r.steps.map(stepToJson),
    })),
    unassigned: solution.unassigned.map(unassignedToJson),
  };
  if (solution.status !== undefined) out.status = solution.status;
  if (solution.stats !== undefined) out.stats = { ...solution.stats };
  return out;
}

/**
 * Solution JSON text for humans and tools alike: indented, but with number
 * arrays, steps and unassigned entries on one line each (a 100-job solution
 * stays a few hundred lines). Parses back to exactly `solutionToJson(solution)`.
 */
export function formatSolutionJson(solution: Solution): string {
  return compactJson(solutionToJson(solution), ['summary', 'stats']) + '\n';
}

/**
 * `JSON.stringify` replacer for solutions and reports: JSON has no infinite
 * numbers and would write `null` (which reads as "not stated"), so an infinite
 * cost or distance (a route over an unreachable arc) is written as the string
 * `"Infinity"` (`"-Infinity"`, `"NaN"`). `checkSolution` reads these back as numbers.
 */
export function nonFiniteAsString(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

/**
 * `JSON.stringify(value, null, 2)` with every array of primitives and every
 * innermost object put on one line, except objects under the given keys.
 * Infinite numbers are written as strings (`nonFiniteAsString`).
 */
export function compactJson(value: unknown, keepExpanded: readonly string[] = []): string {
  // Without a non-finite number the replacer changes nothing, and it costs a call per value: a text
  // without `null` (where JSON would put a non-finite number) needs no second pass with it.
  let text = JSON.stringify(value, null, 2);
  if (text !== undefined && text.includes('null')) text = JSON.stringify(value, nonFiniteAsString, 2);
  const kept = keepExpanded.map((k) => `"${k}": `);
  // Arrays of primitives: no brackets or braces inside (strings cannot hold a raw newline).
  text = text.replace(/\[\n\s+([^\[\]{}]*?)\n\s*\]/g, (_, inner: string) => '[' + inner.replace(LINE_BREAK, ', ') + ']');
  // Innermost objects (no nested object or multi-line array), unless under a kept key.
  text = text.replace(/\{\n\s+([^{}]*?)\n\s*\}/g, (whole: string, inner: string, offset: number) => {
    if (inner.includes('[\n')) return whole;
    // (a kept key is looked for in the 40 characters before the brace)
    if (kept.some((k) => k.length <= 40 && offset >= k.length && text.startsWith(k, offset - k.length))) return whole;
    return '{' + inner.replace(LINE_BREAK, ', ') + '}';
  });
  return text;
}

/** A comma and line break between two members of an indented array or object. */
const LINE_BREAK = /,\n\s*/g;

function unassignedToJson(u: Unassigned): Record<string, unknown> {
  const o: Record<string, unknown> = { id: u.id };
  if (u.type !== undefined) o.type = u.type;
  if (u.pickup !== undefined) o.pickup = u.pickup;
  if (u.delivery !== undefined) o.delivery = u.delivery;
  o.reason = u.reason;
  if (u.message) o.message = u.message;
  return o;
}

function stepToJson(s: Step): Record<string, unknown> {
  const o: Record<string, unknown> = { type: s.type };
  if (s.id !== undefined) o.id = s.id;
  if (s.shipment !== undefined) o.shipment = s.shipment;
  if (s.location !== undefined) o.location = s.location;
  o.arrival = s.arrival;
  o.waiting = s.waiting;
  o.serviceStart = s.serviceStart;
  if (s.setup !== undefined) o.setup = s.setup;
  o.departure = s.departure;
  o.load = s.load;
  o.distance = s.distance;
  return o;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Reads a plan (a solution document or its parsed value) for `checkSolution`.
 * Routes given as `{ vehicle, jobs: [ids] }` become start/job/end steps. Throws
 * a `VrpkitError` listing every structural issue (JSON pointers) otherwise.
 */
export function readPlan(input: string | unknown, limits?: Partial<InputLimits>): RoutePlan {
  const value = typeof input === 'string' ? parseJsonText(input, 'the solution file', limits) : input;
  const issues: InputIssue[] = [];
  if (isObject(value) && Array.isArray(value.routes)) {
    // No problem has more than maxJobs jobs: a longer short-form list is refused before it becomes steps.
    let listed = 0;
    for (const r of value.routes) if (isObject(r) && Array.isArray(r.jobs)) listed += r.jobs.length;
    checkLimit(resolveLimits(limits), 'maxJobs', listed, 'the number of jobs listed in the routes', '/routes');
    const routes = value.routes.map((r: unknown, i: number) => {
      if (!isObject(r) || r.steps !== undefined || !Array.isArray(r.jobs)) return r;
      const steps = [
        { type: 'start' },
        ...r.jobs.map((id: unknown, k: number) => {
          if (typeof id !== 'string' && typeof id !== 'number') {
            issues.push({ code: 'type', pointer: pointer('routes', i, 'jobs', k), message: 'a job id must be a string or a number' });
          }
          return { type: 'job', id };
        }),
        { type: 'end' },
      ];
      const { jobs: _jobs, ...rest } = r;
      return { ...rest, steps };
    });
    const plan = { ...value, routes };
    routes.forEach((r: unknown, i: number) => {
      if (isObject(r) && (r.vehicle === undefined || (typeof r.vehicle !== 'string' && typeof r.vehicle !== 'number'))) {
        issues.push({ code: 'type', pointer: pointer('routes', i, 'vehicle'), message: 'a route needs a vehicle id (string or number)' });
      }
    });
    issues.push(...planIssues(plan));
    if (issues.length > 0) throw VrpkitError.fromIssues(issues);
    return plan as unknown as RoutePlan;
  }
  issues.push(...planIssues(value));
  if (issues.length === 0) issues.push({ code: 'type', pointer: '/routes', message: 'routes must be an array' });
  throw VrpkitError.fromIssues(issues);
}

/** The job ids of a plan's routes, in order (helper for tools and tests). */
export function planJobIds(plan: RoutePlan): Id[][] {
  return plan.routes.map((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.id as Id));
}
