/**
 * The independent solution checker (VROOM's "plan mode"): given a `Problem` and a
 * plan (routes as vehicle id + job ids, optionally with the numbers a solver
 * claims), it re-derives every time, load, distance and cost from the problem
 * alone, following `docs/semantics.md` literally, and lists every violation.
 *
 * Tests, the CLI and the benchmarks trust only this. It never imports solver
 * code. Cost: O(total route length) plus `resolveTravel` (metric travel is
 * computed on demand, so no n² matrix is built for coordinates).
 *
 * Violation codes (see docs/semantics.md): `late`, `capacity`, `shift-start`,
 * `shift-end`, `max-duration`, `max-distance`, `release-time`,
 * `dispatch-deadline`, `not-allowed`, `unreachable`, `missing-job`,
 * `duplicate-job`, `unknown-job`, `unknown-vehicle`, `duplicate-vehicle`,
 * `missing-reason` (an unassigned job without a reason) and `claim-mismatch`
 * (a number the plan states differs from the re-derived one beyond tolerance, or
 * is not a number); `step-order`, `unknown-reason` and the location and summary
 * claims are checked in `check-plan.ts`.
 *
 * Two points docs/semantics.md leaves open, decided here (the solver's decode does the same):
 * - when the forward slack is unbounded (no finite window end and no shift end), `d*`
 *   uses the earliest schedule's total waiting as the slack instead of +Infinity;
 * - a limit (window end, capacity, shift end, max duration/distance, release time,
 *   dispatch deadline) counts as broken only beyond `feasibilityTolerance` (default
 *   1e-9 relative + 1e-9 absolute), so sums of rounded arcs do not fail on float noise.
 */
import { VrpkitError, pointer, type InputIssue } from '../core/errors.js';
import type { Id, Problem, RoutePlan, Solution } from './types.js';
import { resolveTravel, type ResolvedTravel } from './travel.js';
import { evaluateRoute, type CheckedRoute, type CheckedStep, type RouteContext, type Violation } from './check-route.js';
import { checkPlanStatements, claimedNumber, showStated } from './check-plan.js';

export type { CheckedRoute, CheckedStep, Violation, ViolationCode } from './check-route.js';

/** Relative + absolute tolerance; a plain number sets both. */
export type Tolerance = number | { relative?: number; absolute?: number };

export interface CheckOptions {
  /** How far a stated number may be from the re-derived one. Default 1e-6 relative + 1e-6 absolute. */
  tolerance?: Tolerance;
  /**
   * How far a time, load or distance may pass a limit before it counts as a
   * violation (floating-point noise in sums of arcs). Default 1e-9 relative + 1e-9 absolute.
   */
  feasibilityTolerance?: Tolerance;
  /** The problem's travel, already resolved (saves resolving it again for repeated checks). */
  travel?: ResolvedTravel;
}

export interface CheckSummary {
  /** Sum of the route costs. */
  cost: number;
  distance: number;
  duration: number;
  /** Number of non-empty routes. */
  routes: number;
  /** Number of distinct known jobs in `unassigned`. */
  unassigned: number;
  /** Number of distinct known jobs in routes. */
  assigned: number;
}

export interface CheckReport {
  /** True when there is no violation at all (claim mismatches included). */
  feasible: boolean;
  violations: Violation[];
  /** The re-derived routes of every plan route whose vehicle is known, in plan order. */
  routes: CheckedRoute[];
  summary: CheckSummary;
}

const STEP_CLAIMS = ['arrival', 'waiting', 'serviceStart', 'departure', 'distance'] as const;
const ROUTE_CLAIMS = ['cost', 'distance', 'duration', 'waiting', 'service'] as const;
const SUMMARY_CLAIMS = ['cost', 'distance', 'duration', 'routes', 'unassigned'] as const;

function toleranceOf(t: Tolerance | undefined, fallback: number): { rel: number; abs: number } {
  if (typeof t === 'number') return { rel: t, abs: t };
  return { rel: t?.relative ?? fallback, abs: t?.absolute ?? fallback };
}

/** Number of capacity dimensions: the longest amount or capacity vector in the problem. */
export function capacityDimensions(problem: Problem): number {
  let dims = 0;
  for (const job of problem.jobs) dims = Math.max(dims, job.delivery?.length ?? 0, job.pickup?.length ?? 0);
  for (const v of problem.vehicles) dims = Math.max(dims, v.capacity?.length ?? 0);
  return dims;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Structural problems of a plan that make checking impossible (not violations: malformed input). */
export function planIssues(plan: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  if (!isObject(plan)) return [{ code: 'type', pointer: '', message: 'a solution must be an object' }];
  if (!Array.isArray(plan.routes)) {
    issues.push({ code: 'type', pointer: '/routes', message: 'routes must be an array' });
  } else {
    Array.from(plan.routes as unknown[]).forEach((r: unknown, i: number) => {
      if (!isObject(r)) {
        issues.push({ code: 'type', pointer: pointer('routes', i), message: 'a route must be an object' });
        return;
      }
      if (!Array.isArray(r.steps)) {
        issues.push({ code: 'type', pointer: pointer('routes', i, 'steps'), message: 'steps must be an array' });
        return;
      }
      Array.from(r.steps as unknown[]).forEach((s: unknown, k: number) => {
        if (!isObject(s)) issues.push({ code: 'type', pointer: pointer('routes', i, 'steps', k), message: 'a step must be an object' });
        else if (s.type !== 'start' && s.type !== 'job' && s.type !== 'end') {
          issues.push({ code: 'type', pointer: pointer('routes', i, 'steps', k, 'type'), message: "step type must be 'start', 'job' or 'end'" });
        }
      });
    });
  }
  if (plan.unassigned !== undefined) {
    if (!Array.isArray(plan.unassigned)) {
      issues.push({ code: 'type', pointer: '/unassigned', message: 'unassigned must be an array' });
    } else {
      Array.from(plan.unassigned as unknown[]).forEach((u: unknown, i: number) => {
        if (!isObject(u)) issues.push({ code: 'type', pointer: pointer('unassigned', i), message: 'an unassigned entry must be an object' });
      });
    }
  }
  return issues;
}

/**
 * Checks a plan against a problem: re-derives every number, lists every
 * violation and every stated number that disagrees. Throws a `VrpkitError`
 * (code `type`, listing every issue) only when the plan is not even shaped like
 * routes of steps, and when a problem location cannot be resolved.
 */
export function checkSolution(problem: Problem, solution: RoutePlan | Solution, options: CheckOptions = {}): CheckReport {
  const structural = planIssues(solution);
  if (structural.length > 0) throw VrpkitError.fromIssues(structural);
  // A `Solution` is a plan with claims; its step interface just lacks RoutePlan's index signature.
  const plan = solution as RoutePlan;

  const claimTol = toleranceOf(options.tolerance, 1e-6);
  const feasTol = toleranceOf(options.feasibilityTolerance, 1e-9);
  const ctx: RouteContext = {
    jobs: problem.jobs,
    vehicles: problem.vehicles,
    travel: options.travel ?? resolveTravel(problem),
    dims: capacityDimensions(problem),
    epsAbs: feasTol.abs,
    epsRel: feasTol.rel,
  };
  const violations: Violation[] = [];
  const jobIndex = new Map<Id, number>();
  problem.jobs.forEach((j, i) => {
    if (!jobIndex.has(j.id)) jobIndex.set(j.id, i);
  });
  const vehicleIndex = new Map<Id, number>();
  problem.vehicles.forEach((v, i) => {
    if (!vehicleIndex.has(v.id)) vehicleIndex.set(v.id, i);
  });

  // Where each job was first seen: route index, or −1 − entry for `unassigned`. Strings
  // (messages, pointers) are built only when something is wrong: this runs per job.
  const seen = new Int32Array(problem.jobs.length);
  const firstSeen = new Int32Array(problem.jobs.length);
  const describe = (where: number) => (where >= 0 ? `in route ${where}` : `in unassigned (entry ${-1 - where})`);
  const note = (j: number, where: number, ptr: () => string) => {
    if (seen[j]++ === 0) {
      firstSeen[j] = where;
      return;
    }
    const job = problem.jobs[j].id;
    violations.push({
      code: 'duplicate-job',
      message: `job ${String(job)} appears again ${describe(where)} (first ${describe(firstSeen[j])})`,
      job,
      ...(where >= 0 ? { route: where } : {}),
      pointer: ptr(),
    });
  };

  const vehicleRoutes = new Int32Array(problem.vehicles.length);
  const routes: CheckedRoute[] = [];
  const close = (a: number, b: number) =>
    a === b || Math.abs(a - b) <= claimTol.abs + claimTol.rel * Math.max(Math.abs(a), Math.abs(b));
  // `base` is a JSON pointer prefix made of indices and fixed names (no escaping needed).
  // A claim that is stated must be a number (or "Infinity"): a string, null or object never matches.
  const claim = (stated: unknown, derived: number, base: string, field: string | number, extra: Partial<Violation>) => {
    if (stated === undefined) return;
    const value = claimedNumber(stated);
    if (close(value, derived)) return;
    const ptr = `${base}/${field}`;
    violations.push({ code: 'claim-mismatch', message: `${ptr}: stated ${showStated(stated)}, derived ${derived}`, amount: value - derived, pointer: ptr, ...extra });
  };
  const claimVector = (stated: unknown, derived: number[], base: string, extra: Partial<Violation>) => {
    if (stated === undefined) return;
    if (!Array.isArray(stated)) {
      violations.push({ code: 'claim-mismatch', message: `${base}: stated ${showStated(stated)}, derived ${JSON.stringify(derived)}`, pointer: base, ...extra });
      return;
    }
    const n = Math.max(stated.length, derived.length);
    for (let k = 0; k < n; k++) {
      claim(k < stated.length ? (stated[k] ?? null) : 0, derived[k] ?? 0, base, k, extra);
    }
  };

  plan.routes.forEach((r, ri) => {
    const rptr = `/routes/${ri}`;
    const k = vehicleIndex.get(r.vehicle);
    if (k === undefined) {
      violations.push({ code: 'unknown-vehicle', message: `route ${ri}: vehicle ${String(r.vehicle)} is not in the problem`, route: ri, vehicle: r.vehicle, pointer: rptr + '/vehicle' });
    } else if (++vehicleRoutes[k] > 1) {
      violations.push({ code: 'duplicate-vehicle', message: `vehicle ${String(r.vehicle)} has more than one route (again in route ${ri})`, route: ri, vehicle: r.vehicle, pointer: rptr + '/vehicle' });
    }
    // Job steps, matched to problem jobs by exact id value.
    const jobs: number[] = [];
    const derivedStepOf = new Int32Array(r.steps.length).fill(-1);
    r.steps.forEach((s, si) => {
      if (s.type !== 'job') return;
      const j = s.id === undefined ? undefined : jobIndex.get(s.id);
      if (j === undefined) {
        violations.push({ code: 'unknown-job', message: `route ${ri}, step ${si}: job ${String(s.id)} is not in the problem`, job: s.id, route: ri, pointer: pointer('routes', ri, 'steps', si, 'id') });
        return;
      }
      note(j, ri, () => pointer('routes', ri, 'steps', si));
      jobs.push(j);
      derivedStepOf[si] = jobs.length; // derived steps: 0 = start, 1..m = jobs, m + 1 = end
    });
    if (k === undefined) return;

    const startStep = r.steps.find((s) => s.type === 'start');
    const stated = startStep && typeof startStep.departure === 'number' ? startStep.departure : undefined;
    const before = violations.length;
    const checked = evaluateRoute(ctx, ri, k, jobs, stated, violations);
    routes.push(checked);

    // Claims: compare every number the plan states with the re-derived one
    // (not on a route with an unreachable arc: its numbers are infinite anyway).
    for (let i = before; i < violations.length; i++) if (violations[i].code === 'unreachable') return;
    const extra = { route: ri, vehicle: r.vehicle };
    r.steps.forEach((s, si) => {
      const di = s.type === 'start' ? 0 : s.type === 'end' ? checked.steps.length - 1 : derivedStepOf[si];
      if (di < 0) return;
      const derived: CheckedStep = checked.steps[di];
      const sx = derived.id !== undefined ? { ...extra, job: derived.id } : extra;
      const sptr = `${rptr}/steps/${si}`;
      for (const f of STEP_CLAIMS) claim(s[f], derived[f], sptr, f, sx);
      claimVector(s.load, derived.load, `${sptr}/load`, sx);
    });
    const rr = r as Record<string, unknown>;
    for (const f of ROUTE_CLAIMS) claim(rr[f], checked[f], rptr, f, extra);
    claimVector(rr.delivery, checked.delivery, `${rptr}/delivery`, extra);
    claimVector(rr.pickup, checked.pickup, `${rptr}/pickup`, extra);
  });

  let unassigned = 0;
  (plan.unassigned ?? []).forEach((u, ui) => {
    const j = jobIndex.get(u.id);
    const uptr = pointer('unassigned', ui);
    if (j === undefined) {
      violations.push({ code: 'unknown-job', message: `unassigned ${ui}: job ${String(u.id)} is not in the problem`, job: u.id, pointer: uptr + '/id' });
      return;
    }
    if (seen[j] === 0) unassigned++;
    note(j, -1 - ui, () => uptr);
    if (typeof u.reason !== 'string' || u.reason.length === 0) {
      violations.push({ code: 'missing-reason', message: `unassigned job ${String(u.id)} has no reason`, job: u.id, pointer: uptr + '/reason' });
    }
  });
  let assigned = 0;
  for (let j = 0; j < problem.jobs.length; j++) {
    if (seen[j] === 0) {
      const job = problem.jobs[j].id;
      violations.push({ code: 'missing-job', message: `job ${String(job)} is neither in a route nor in unassigned`, job });
    }
  }
  const inRoute = new Uint8Array(problem.jobs.length);
  for (const r of routes) for (const s of r.steps) if (s.type === 'job') inRoute[jobIndex.get(s.id as Id)!] = 1;
  for (let j = 0; j < inRoute.length; j++) assigned += inRoute[j];

  const summary: CheckSummary = { cost: 0, distance: 0, duration: 0, routes: 0, unassigned, assigned };
  for (const r of routes) {
    summary.cost += r.cost;
    summary.distance += r.distance;
    summary.duration += r.duration;
    if (r.steps.length > 2) summary.routes++;
  }
  const statedSummary = (plan as { summary?: unknown }).summary;
  if (isObject(statedSummary)) {
    for (const f of SUMMARY_CLAIMS) claim(statedSummary[f], summary[f], '/summary', f, {});
  } else if (statedSummary !== undefined) {
    violations.push({ code: 'claim-mismatch', message: `/summary: stated ${showStated(statedSummary)}, not an object`, pointer: '/summary' });
  }
  checkPlanStatements(problem, plan, routes, jobIndex, vehicleIndex, close, violations);
  return { feasible: violations.length === 0, violations, routes, summary };
}
