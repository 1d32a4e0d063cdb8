/**
 * The parts of the independent checker that look at a plan's structure and
 * statements rather than at route timing (that is `check-route.ts`):
 *
 * - the order of a route's steps: at most one `start`, first; at most one
 *   `end`, last (`step-order`);
 * - stated step locations: a job, pickup or delivery step's `location` must be
 *   its task's, a `start` / `end` location the vehicle's (or, for an open route,
 *   its first / last task's) (`claim-mismatch`); break steps have no location;
 * - unassigned reasons from the documented list (`unknown-reason`);
 * - summary claims the route loop does not cover: `waiting`, `service`,
 *   `delivery`, `pickup` (`claim-mismatch`);
 * - what a stated claim may be: a number, or the strings `"Infinity"` /
 *   `"-Infinity"` (how vrpkit writes infinite numbers in JSON); anything else
 *   stated — a string, `null`, `true`, an object — is a `claim-mismatch`.
 *
 * Plain code that never imports solver internals, like the rest of the checker.
 */
import type { Location, Problem, RoutePlan, UnassignedReason } from './types.js';
import type { CheckedRoute, Violation } from './check-route.js';
import { idKey } from './ids.js';
import { taskOfStep, type TaskTable } from './tasks.js';

/** The task index of every step of a plan (−1 for start, end, break and unknown steps): route `ri`'s from `first[ri]`. */
export interface StepTasks {
  first: Int32Array;
  task: Int32Array;
}

/**
 * Every documented unassigned reason (docs/semantics.md). A `Record` over the
 * union, so adding a reason to `UnassignedReason` without adding it here fails
 * to compile.
 */
export const UNASSIGNED_REASONS: Readonly<Record<UnassignedReason, true>> = Object.freeze({
  'time-window': true,
  capacity: true,
  'no-vehicle': true,
  unreachable: true,
  'max-duration': true,
  'max-distance': true,
  'release-time': true,
  'fleet-exhausted': true,
  cancelled: true,
  aborted: true,
  skills: true,
  'service-radius': true,
  'max-tasks': true,
  'max-travel-time': true,
  break: true,
});

/** Whether `reason` is a documented unassigned reason. */
export function isUnassignedReason(reason: unknown): reason is UnassignedReason {
  return typeof reason === 'string' && Object.hasOwn(UNASSIGNED_REASONS, reason);
}

/**
 * The number a plan states for a claim: numbers as they are, `"Infinity"` /
 * `"-Infinity"` as those numbers, anything else NaN (so it never matches the
 * derived number). Call only for claims that are present (not `undefined`).
 */
export function claimedNumber(stated: unknown): number {
  if (typeof stated === 'number') return stated;
  if (stated === 'Infinity') return Infinity;
  if (stated === '-Infinity') return -Infinity;
  return NaN;
}

/** How a stated value reads in a message. */
export function showStated(stated: unknown): string {
  if (typeof stated === 'number') return String(stated);
  const text = JSON.stringify(stated) ?? String(stated);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function sameLocation(stated: unknown, expected: Location, tol: (a: number, b: number) => boolean): boolean {
  if (typeof expected === 'number') return stated === expected;
  return (
    Array.isArray(stated) &&
    stated.length === 2 &&
    typeof stated[0] === 'number' &&
    typeof stated[1] === 'number' &&
    tol(stated[0], expected[0]) &&
    tol(stated[1], expected[1])
  );
}

/**
 * Appends the violations of this module (see the module comment) for `plan`.
 * `routes` are the re-derived routes (`CheckedRoute.index` is the plan route),
 * `close` the claim tolerance, `table` the problem's tasks, `vehicleIndex` maps
 * vehicle id keys (`idKey`) to problem indices. `stepTasks`, when given, holds
 * the task index of every step as `taskOfStep` finds it (−1 for start, end,
 * break and unknown steps), so the steps are not looked up again.
 */
export function checkPlanStatements(
  problem: Problem,
  plan: RoutePlan,
  routes: CheckedRoute[],
  table: TaskTable,
  vehicleIndex: Map<string, number>,
  close: (a: number, b: number) => boolean,
  violations: Violation[],
  stepTasks?: StepTasks,
): void {
  plan.routes.forEach((r, ri) => {
    const steps = r.steps;
    const vehicle = r.vehicle;
    // Step order: one start, first; one end, last.
    let starts = 0;
    let ends = 0;
    // (the pointer is made only for a step out of order: this runs for every step)
    const typePtr = (si: number) => `/routes/${ri}/steps/${si}/type`;
    steps.forEach((s, si) => {
      if (s.type === 'start') {
        if (++starts > 1) violations.push({ code: 'step-order', message: `route ${ri}: step ${si} is a second 'start'`, route: ri, vehicle, pointer: typePtr(si) });
        else if (si !== 0) violations.push({ code: 'step-order', message: `route ${ri}: the 'start' step is step ${si}, not the first`, route: ri, vehicle, pointer: typePtr(si) });
      } else if (s.type === 'end') {
        if (++ends > 1) violations.push({ code: 'step-order', message: `route ${ri}: step ${si} is a second 'end'`, route: ri, vehicle, pointer: typePtr(si) });
        else if (si !== steps.length - 1) violations.push({ code: 'step-order', message: `route ${ri}: the 'end' step is step ${si}, not the last`, route: ri, vehicle, pointer: typePtr(si) });
      }
    });

    // Stated locations.
    const k = vehicleIndex.get(idKey(vehicle));
    const base = stepTasks ? stepTasks.first[ri] : 0;
    const taskOf = (si: number): number => {
      if (stepTasks) return stepTasks.task[base + si];
      const step = steps[si];
      if (step.type !== 'job' && step.type !== 'pickup' && step.type !== 'delivery') return -1;
      const t = taskOfStep(table, step);
      return typeof t === 'number' ? t : -1;
    };
    /** The location of the first (`from` 0, step 1) or last (`from` n − 1, step −1) known task of the route. */
    const firstKnown = (from: number, step: number): Location | undefined => {
      for (let si = from; si >= 0 && si < steps.length; si += step) {
        const t = taskOf(si);
        if (t >= 0) return table.tasks[t].location;
      }
      return undefined;
    };
    steps.forEach((s, si) => {
      if (s.location === undefined || s.type === 'break') return;
      let expected: Location | undefined;
      if (s.type === 'job' || s.type === 'pickup' || s.type === 'delivery') {
        const t = taskOf(si);
        expected = t >= 0 ? table.tasks[t].location : undefined;
      } else if (k !== undefined) {
        const v = problem.vehicles[k];
        expected = s.type === 'start' ? (v.start ?? firstKnown(0, 1)) : (v.end ?? firstKnown(steps.length - 1, -1));
      }
      if (expected === undefined || sameLocation(s.location, expected, close)) return;
      const ptr = `/routes/${ri}/steps/${si}/location`;
      const what = s.type === 'start' || s.type === 'end' ? `vehicle ${String(vehicle)}'s ${s.type}` : `${s.type} ${String(s.id)}'s location`;
      violations.push({
        code: 'claim-mismatch',
        message: `${ptr}: stated ${showStated(s.location)}, but ${what} is ${JSON.stringify(expected)}`,
        route: ri,
        vehicle,
        ...(s.type !== 'start' && s.type !== 'end' ? { job: s.id } : {}),
        pointer: ptr,
      });
    });
  });

  // Unassigned reasons from the documented list (a missing one is `missing-reason`, see check.ts).
  (plan.unassigned ?? []).forEach((u, ui) => {
    if (typeof u.reason !== 'string' || u.reason.length === 0 || isUnassignedReason(u.reason)) return;
    violations.push({
      code: 'unknown-reason',
      message: `unassigned job ${String(u.id)} has the reason ${showStated(u.reason)}, which is not one of ${Object.keys(UNASSIGNED_REASONS).join(', ')}`,
      job: u.id,
      pointer: `/unassigned/${ui}/reason`,
    });
  });

  // Summary claims beyond cost / distance / duration / routes / unassigned.
  const summary = (plan as { summary?: unknown }).summary;
  if (typeof summary !== 'object' || summary === null || Array.isArray(summary)) return;
  const stated = summary as Record<string, unknown>;
  const total = (f: 'waiting' | 'service') => routes.reduce((a, r) => a + r[f], 0);
  const vector = (f: 'delivery' | 'pickup') => {
    const out: number[] = [];
    for (const r of routes) r[f].forEach((x, d) => (out[d] = (out[d] ?? 0) + x));
    return out;
  };
  const mismatch = (ptr: string, s: unknown, derived: number) =>
    violations.push({ code: 'claim-mismatch', message: `${ptr}: stated ${showStated(s)}, derived ${derived}`, amount: claimedNumber(s) - derived, pointer: ptr });
  for (const f of ['waiting', 'service'] as const) {
    if (stated[f] === undefined) continue;
    const derived = total(f);
    if (!close(claimedNumber(stated[f]), derived)) mismatch(`/summary/${f}`, stated[f], derived);
  }
  for (const f of ['delivery', 'pickup'] as const) {
    const s = stated[f];
    if (s === undefined) continue;
    const derived = vector(f);
    if (!Array.isArray(s)) {
      mismatch(`/summary/${f}`, s, NaN);
      continue;
    }
    for (let d = 0; d < Math.max(s.length, derived.length); d++) {
      const value = d < s.length ? s[d] : 0;
      if (!close(claimedNumber(value), derived[d] ?? 0)) mismatch(`/summary/${f}/${d}`, value, derived[d] ?? 0);
    }
  }
}
