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
 * `dispatch-deadline`, `not-allowed`, `skills`, `service-radius`, `max-tasks`,
 * `max-travel-time`, `precedence`, `split-shipment`, `half-served`,
 * `break-window`, `break-load`, `missing-break`, `duplicate-break`,
 * `unknown-break`, `unreachable`, `missing-job`,
 * `duplicate-job`, `unknown-job`, `unknown-vehicle`, `duplicate-vehicle`,
 * `missing-reason` (an unassigned job without a reason) and `claim-mismatch`
 * (a number the plan states differs from the re-derived one beyond tolerance, or
 * is not a number); `step-order`, `unknown-reason` and the location and summary
 * claims are checked in `check-plan.ts`.
 *
 * One point docs/semantics.md leaves open, decided here (the solver's decode does the same):
 * a limit (window end, capacity, shift end, max duration/distance, release time,
 * dispatch deadline) counts as broken only beyond `feasibilityTolerance` (default
 * 1e-9 relative + 1e-9 absolute), so sums of rounded arcs do not fail on float noise.
 */
import { VrpkitError, pointer, type InputIssue } from '../core/errors.js';
import type { PlanStep, Problem, RoutePlan, Solution } from './types.js';
import type { ResolvedTravel } from './travel.js';
import { breakItem, evaluateRouteTrace, routeContext, type CheckedRoute, type CheckedStep, type Violation } from './check-route.js';
import { derivedStep, derivedStepNumbers, type RouteTrace, type StepNumbers } from './check-trace.js';
import { idKey } from './ids.js';
import { deliveryTask, pickupTask, stopId, taskOfStep } from './tasks.js';

export { capacityDimensions } from './check-route.js';
import { checkPlanStatements, claimedNumber, showStated, type StepTasks } from './check-plan.js';
import { objectiveScore, resolveObjective } from './objective.js';
import type { ObjectiveName } from './types.js';

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
  /**
   * The problem's travel, already resolved by `resolveTravel(problem)` (saves
   * resolving it again for repeated checks; used only without shipments).
   */
  travel?: ResolvedTravel;
  /**
   * Whether the report lists the re-derived routes with their steps (default
   * true). False: `routes` is empty; every rule is still checked and every
   * number re-derived, and `feasible`, `violations` and `summary` are the same
   * (for callers that only need the verdict: no object per route step is built).
   */
  routes?: boolean;
}

export interface CheckSummary {
  /** Sum of the route costs. */
  cost: number;
  distance: number;
  duration: number;
  /** Number of non-empty routes. */
  routes: number;
  /** Number of distinct known jobs and shipments in `unassigned` (and not in routes). */
  unassigned: number;
  /** Number of distinct jobs in routes plus shipments with both stops in the same route. */
  assigned: number;
  /** Number of distinct tasks in routes (a job 1, a shipment 2): the objective's served count. */
  tasks: number;
  /** Summed priority of the distinct tasks in routes (a shipment's counts once per stop). */
  priority: number;
  /** Tasks in routes that start after the end of their last window (soft windows or violations). */
  lateTasks: number;
  /** The part of `cost` that prices lateness (soft time windows). */
  latenessCost: number;
  /** Latest end arrival over the routes with tasks (0 without any). */
  makespan: number;
  /** The problem's objective and this plan's score under it (see `compareObjective`). */
  objective: ObjectiveReport;
}

/** A plan's standing under the problem's objective (docs/semantics.md, "Objective and summary"). */
export interface ObjectiveReport {
  type: ObjectiveName;
  /**
   * Compared in order after served priority and tasks, lower is better:
   * `cost` [cost]; `fewest-vehicles` [routes, cost]; `balance` [cost + weight × spread];
   * `makespan` [makespan, cost].
   */
  score: number[];
  /** `balance` only: the population standard deviation of the measure over every vehicle (0 without a route). */
  spread?: number;
}

export interface CheckReport {
  /** True when there is no violation at all (claim mismatches included). */
  feasible: boolean;
  violations: Violation[];
  /** The re-derived routes of every plan route whose vehicle is known, in plan order (empty with `routes: false`). */
  routes: CheckedRoute[];
  summary: CheckSummary;
}

const STEP_TYPES: readonly string[] = ['start', 'job', 'pickup', 'delivery', 'break', 'end'];
const STEP_CLAIMS = ['arrival', 'waiting', 'serviceStart', 'setup', 'departure', 'distance', 'lateness'] as const;
const ROUTE_CLAIMS = ['cost', 'distance', 'duration', 'waiting', 'service', 'setup', 'travelTime', 'breakDuration', 'priority', 'latenessCost'] as const;
const SUMMARY_CLAIMS = ['cost', 'distance', 'duration', 'routes', 'unassigned', 'priority', 'latenessCost'] as const;

function toleranceOf(t: Tolerance | undefined, fallback: number): { rel: number; abs: number } {
  if (typeof t === 'number') return { rel: t, abs: t };
  return { rel: t?.relative ?? fallback, abs: t?.absolute ?? fallback };
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
    // plain index loops (holes read as undefined, as with Array.from): this visits every step of the plan
    const routes = plan.routes as unknown[];
    for (let i = 0; i < routes.length; i++) {
      const r = routes[i];
      if (!isObject(r)) {
        issues.push({ code: 'type', pointer: pointer('routes', i), message: 'a route must be an object' });
        continue;
      }
      if (!Array.isArray(r.steps)) {
        issues.push({ code: 'type', pointer: pointer('routes', i, 'steps'), message: 'steps must be an array' });
        continue;
      }
      const steps = r.steps as unknown[];
      for (let k = 0; k < steps.length; k++) {
        const s = steps[k];
        if (!isObject(s)) issues.push({ code: 'type', pointer: pointer('routes', i, 'steps', k), message: 'a step must be an object' });
        else if (!STEP_TYPES.includes(s.type as string)) {
          issues.push({ code: 'type', pointer: pointer('routes', i, 'steps', k, 'type'), message: `step type must be ${STEP_TYPES.map((t) => `'${t}'`).join(', ')}` });
        }
      }
    }
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
  const ctx = routeContext(problem, { travel: options.travel, epsAbs: feasTol.abs, epsRel: feasTol.rel });
  const table = ctx.tasks;
  const tasks = table.tasks;
  const violations: Violation[] = [];
  const vehicleIndex = new Map<string, number>();
  problem.vehicles.forEach((v, i) => {
    if (!vehicleIndex.has(idKey(v.id))) vehicleIndex.set(idKey(v.id), i);
  });

  // Where each task was first seen: route index, or −1 − entry for `unassigned`
  // (jobs only; unassigned shipments are counted per shipment). Strings
  // (messages, pointers) are built only when something is wrong: this runs per task.
  const seen = new Int32Array(tasks.length);
  const firstSeen = new Int32Array(tasks.length);
  const shipmentUnassigned = new Int32Array(table.shipmentCount);
  const firstUnassigned = new Int32Array(table.shipmentCount);
  const describe = (where: number) => (where >= 0 ? `in route ${where}` : `in unassigned (entry ${-1 - where})`);
  const who = (t: number): Partial<Violation> =>
    tasks[t].shipment !== undefined ? { job: tasks[t].id, shipment: tasks[t].shipment } : { job: tasks[t].id };
  const name = (t: number) => (tasks[t].kind === 'job' ? `job ${String(tasks[t].id)}` : `${tasks[t].kind} ${String(tasks[t].id)} of shipment ${String(tasks[t].shipment)}`);
  /** Task `t` seen at `where`; `ptr` is its JSON pointer (an unassigned entry's) or its step's index in route `where`. */
  const note = (t: number, where: number, ptr: string | number) => {
    if (seen[t]++ === 0) {
      firstSeen[t] = where;
      return;
    }
    violations.push({
      code: 'duplicate-job',
      message: `${name(t)} appears again ${describe(where)} (first ${describe(firstSeen[t])})`,
      ...who(t),
      ...(where >= 0 ? { route: where } : {}),
      pointer: typeof ptr === 'string' ? ptr : pointer('routes', where, 'steps', ptr),
    });
  };

  const vehicleRoutes = new Int32Array(problem.vehicles.length);
  const withRoutes = options.routes !== false;
  const routes: CheckedRoute[] = [];
  /** End arrival of each checked route (its last derived step's). */
  const endArrivals: number[] = [];
  // The task index of every plan step (−1 for start, end, breaks and unknown ids), for `checkPlanStatements`:
  // route `ri`'s steps from `stepTasks.first[ri]`; one array for the whole plan, not one per route.
  const first = new Int32Array(plan.routes.length + 1);
  plan.routes.forEach((r, ri) => (first[ri + 1] = first[ri] + r.steps.length));
  const stepTasks: StepTasks = { first, task: new Int32Array(first[plan.routes.length]).fill(-1) };
  /** Per step of the current route: its derived step (see below), −1 for none; grown as needed. */
  let derivedStepOf = new Int32Array(16);
  /** The task lists of the checked routes (routes whose vehicle is known). */
  const routeTasks: number[][] = [];
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
  /** Whether `claim` would report nothing: the claim is not stated, or states the derived number (within tolerance). */
  const claimHolds = (stated: unknown, derived: number) => stated === undefined || close(claimedNumber(stated), derived);
  const numbers: StepNumbers = { arrival: 0, waiting: 0, serviceStart: 0, setup: 0, departure: 0, distance: 0, lateness: 0 };
  /**
   * Whether every claim of a plan step holds against derived step `di` of the trace (what the loop over
   * `STEP_CLAIMS` and `claimVector` on `load` would find nothing in), read from the trace's numbers.
   */
  const stepClaimsHold = (s: PlanStep, trace: RouteTrace, di: number): boolean => {
    const derived = derivedStepNumbers(trace, di, numbers);
    if (
      !claimHolds(s.arrival, derived.arrival) || !claimHolds(s.waiting, derived.waiting) ||
      !claimHolds(s.serviceStart, derived.serviceStart) || !claimHolds(s.setup, derived.setup) ||
      !claimHolds(s.departure, derived.departure) || !claimHolds(s.distance, derived.distance) ||
      !claimHolds(s.lateness, derived.lateness)
    ) return false;
    const stated: unknown = s.load;
    if (stated === undefined) return true;
    if (!Array.isArray(stated)) return false;
    const dims = trace.dims;
    const row = di * dims;
    const n = Math.max(stated.length, dims);
    for (let k = 0; k < n; k++) if (!claimHolds(k < stated.length ? (stated[k] ?? null) : 0, k < dims ? trace.loads[row + k] : 0)) return false;
    return true;
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
    const k = vehicleIndex.get(idKey(r.vehicle));
    if (k === undefined) {
      violations.push({ code: 'unknown-vehicle', message: `route ${ri}: vehicle ${String(r.vehicle)} is not in the problem`, route: ri, vehicle: r.vehicle, pointer: rptr + '/vehicle' });
    } else if (++vehicleRoutes[k] > 1) {
      violations.push({ code: 'duplicate-vehicle', message: `vehicle ${String(r.vehicle)} has more than one route (again in route ${ri})`, route: ri, vehicle: r.vehicle, pointer: rptr + '/vehicle' });
    }
    // Task and break steps, matched to problem tasks and the vehicle's breaks by the id rule.
    const items: number[] = [];
    if (derivedStepOf.length < r.steps.length) derivedStepOf = new Int32Array(2 * r.steps.length);
    derivedStepOf.fill(-1, 0, r.steps.length);
    const base = first[ri];
    const breakSteps: number[] = [];
    let taskCount = 0;
    r.steps.forEach((s, si) => {
      if (s.type === 'start' || s.type === 'end') return;
      if (s.type === 'break') {
        if (k === undefined) return;
        const b = (problem.vehicles[k].breaks ?? []).findIndex((x) => idKey(x.id) === idKey(s.id));
        if (b < 0) {
          violations.push({ code: 'unknown-break', message: `route ${ri}, step ${si}: vehicle ${String(r.vehicle)} has no break ${String(s.id)}`, break: s.id, route: ri, pointer: pointer('routes', ri, 'steps', si, 'id') });
          return;
        }
        breakSteps.push(si);
        items.push(breakItem(b));
        derivedStepOf[si] = items.length; // derived steps: 0 = start, 1..n = items, n + 1 = end
        return;
      }
      const t = taskOfStep(table, s);
      if (typeof t === 'string') {
        violations.push({ code: 'unknown-job', message: `route ${ri}, step ${si}: ${t}`, job: s.id, ...(s.shipment !== undefined ? { shipment: s.shipment } : {}), route: ri, pointer: pointer('routes', ri, 'steps', si, 'id') });
        return;
      }
      note(t, ri, si);
      stepTasks.task[base + si] = t;
      items.push(t);
      taskCount++;
      derivedStepOf[si] = items.length;
    });
    if (k === undefined) return;
    if (taskCount === 0 && breakSteps.length > 0) {
      // A vehicle without tasks has no route and takes no break.
      for (const si of breakSteps) {
        violations.push({ code: 'unknown-break', message: `route ${ri}, step ${si}: vehicle ${String(r.vehicle)} serves no task, so it takes no break`, break: r.steps[si].id, route: ri, pointer: pointer('routes', ri, 'steps', si) });
        derivedStepOf[si] = -1;
      }
      items.length = 0;
    }
    const route = items;

    const startStep = r.steps.find((s) => s.type === 'start');
    const stated = startStep && typeof startStep.departure === 'number' ? startStep.departure : undefined;
    const before = violations.length;
    const { route: checked, trace } = evaluateRouteTrace(ctx, ri, k, route, stated, violations, withRoutes);
    routes.push(checked);
    endArrivals.push(trace.tl.endArrival);
    routeTasks.push(route.filter((t) => t >= 0));

    // Claims: compare every number the plan states with the re-derived one
    // (not on a route with an unreachable arc: its numbers are infinite anyway).
    for (let i = before; i < violations.length; i++) if (violations[i].code === 'unreachable') return;
    const extra = { route: ri, vehicle: r.vehicle };
    r.steps.forEach((s, si) => {
      const di = s.type === 'start' ? 0 : s.type === 'end' ? trace.items.length + 1 : derivedStepOf[si];
      if (di < 0) return;
      // every stated number as derived (the common case): nothing to report, no pointers or details to build
      if (stepClaimsHold(s, trace, di)) return;
      const derived: CheckedStep = withRoutes ? checked.steps[di] : derivedStep(ctx, trace, di);
      const sx =
        derived.type === 'break'
          ? { ...extra, break: derived.id }
          : derived.id !== undefined
            ? { ...extra, job: derived.id, ...(derived.shipment !== undefined ? { shipment: derived.shipment } : {}) }
            : extra;
      const sptr = `${rptr}/steps/${si}`;
      for (const f of STEP_CLAIMS) claim(s[f], derived[f] ?? 0, sptr, f, sx);
      claimVector(s.load, derived.load, `${sptr}/load`, sx);
    });
    const rr = r as Record<string, unknown>;
    for (const f of ROUTE_CLAIMS) claim(rr[f], checked[f], rptr, f, extra);
    claimVector(rr.delivery, checked.delivery, `${rptr}/delivery`, extra);
    claimVector(rr.pickup, checked.pickup, `${rptr}/pickup`, extra);
  });

  let unassigned = 0;
  (plan.unassigned ?? []).forEach((u, ui) => {
    const o = table.orders.get(idKey(u.id));
    const uptr = pointer('unassigned', ui);
    const type = u.type ?? (o ? o.kind : 'job');
    if (o === undefined || o.kind !== type) {
      const what = o === undefined ? 'is not in the problem' : `is a ${o.kind}, not a ${type}`;
      violations.push({ code: 'unknown-job', message: `unassigned ${ui}: ${type} ${String(u.id)} ${what}`, job: u.id, pointer: uptr + '/id' });
      return;
    }
    if (o.kind === 'job') {
      if (seen[o.index] === 0) unassigned++;
      note(o.index, -1 - ui, uptr);
    } else {
      const s = o.index;
      const shipment = problem.shipments![s];
      for (const which of ['pickup', 'delivery'] as const) {
        const stated = u[which];
        if (stated !== undefined && idKey(stated) !== idKey(stopId(shipment, which))) {
          violations.push({
            code: 'unknown-job',
            message: `unassigned ${ui}: shipment ${String(u.id)}'s ${which} is ${String(stopId(shipment, which))}, not ${String(stated)}`,
            shipment: shipment.id,
            pointer: `${uptr}/${which}`,
          });
        }
      }
      const inRoutes = seen[pickupTask(table, s)] + seen[deliveryTask(table, s)] > 0;
      if (shipmentUnassigned[s]++ === 0) {
        firstUnassigned[s] = ui;
        if (!inRoutes) unassigned++;
        else {
          const r = seen[pickupTask(table, s)] > 0 ? firstSeen[pickupTask(table, s)] : firstSeen[deliveryTask(table, s)];
          violations.push({ code: 'duplicate-job', message: `shipment ${String(u.id)} is in unassigned (entry ${ui}) and in route ${r}`, shipment: shipment.id, pointer: uptr });
        }
      } else {
        violations.push({ code: 'duplicate-job', message: `shipment ${String(u.id)} appears again in unassigned (entry ${ui}; first entry ${firstUnassigned[s]})`, shipment: shipment.id, pointer: uptr });
      }
    }
    if (typeof u.reason !== 'string' || u.reason.length === 0) {
      violations.push({ code: 'missing-reason', message: `unassigned ${o.kind} ${String(u.id)} has no reason`, ...(o.kind === 'job' ? { job: u.id } : { shipment: u.id }), pointer: uptr + '/reason' });
    }
  });

  for (let j = 0; j < table.jobCount; j++) {
    if (seen[j] === 0) {
      const job = problem.jobs[j].id;
      violations.push({ code: 'missing-job', message: `job ${String(job)} is neither in a route nor in unassigned`, job });
    }
  }
  let assigned = 0;
  const inRoute = new Uint8Array(tasks.length);
  for (const route of routeTasks) for (const t of route) inRoute[t] = 1;
  for (let j = 0; j < table.jobCount; j++) assigned += inRoute[j];
  for (let s = 0; s < table.shipmentCount; s++) {
    const p = pickupTask(table, s);
    const q = deliveryTask(table, s);
    const id = problem.shipments![s].id;
    const inP = seen[p] > 0;
    const inQ = seen[q] > 0;
    if (inP && inQ) {
      if (firstSeen[p] !== firstSeen[q]) {
        violations.push({ code: 'split-shipment', message: `shipment ${String(id)}: pickup in route ${firstSeen[p]}, delivery in route ${firstSeen[q]}`, shipment: id, route: firstSeen[q] });
      } else if (inRoute[p] && inRoute[q]) assigned++;
    } else if (inP || inQ) {
      if (shipmentUnassigned[s] === 0) {
        const only = inP ? p : q;
        violations.push({
          code: 'half-served',
          message: `shipment ${String(id)}: only its ${tasks[only].kind} is in a route (route ${firstSeen[only]})`,
          ...who(only),
          route: firstSeen[only],
        });
      }
    } else if (shipmentUnassigned[s] === 0) {
      violations.push({ code: 'missing-job', message: `shipment ${String(id)} is neither in a route nor in unassigned`, shipment: id });
    }
  }

  let servedTasks = 0;
  let priority = 0;
  for (let t = 0; t < tasks.length; t++) {
    if (!inRoute[t]) continue;
    servedTasks++;
    priority += tasks[t].priority;
  }
  const objective = resolveObjective(problem.objective);
  const measure = new Float64Array(problem.vehicles.length);
  let makespan = -Infinity;
  let cost = 0;
  let used = 0;
  routes.forEach((r, i) => {
    cost += r.cost;
    if (r.tasks === 0) return; // an empty route: start and end only
    used++;
    makespan = Math.max(makespan, endArrivals[i]);
    measure[r.vehicleIndex] += objective.measure === 'stops' ? r.tasks : objective.measure === 'distance' ? r.distance : r.duration;
  });
  if (used === 0) makespan = 0;
  const summary: CheckSummary = {
    cost,
    distance: 0,
    duration: 0,
    routes: used,
    unassigned,
    assigned,
    tasks: servedTasks,
    priority,
    lateTasks: 0,
    latenessCost: 0,
    makespan,
    objective: { type: objective.type, ...objectiveScore(objective, { cost, routes: used, makespan, measure }) },
  };
  for (const r of routes) {
    summary.lateTasks += r.lateTasks;
    summary.latenessCost += r.latenessCost;
    summary.distance += r.distance;
    summary.duration += r.duration;
  }
  const statedSummary = (plan as { summary?: unknown }).summary;
  if (isObject(statedSummary)) {
    for (const f of SUMMARY_CLAIMS) claim(statedSummary[f], summary[f], '/summary', f, {});
  } else if (statedSummary !== undefined) {
    violations.push({ code: 'claim-mismatch', message: `/summary: stated ${showStated(statedSummary)}, not an object`, pointer: '/summary' });
  }
  checkPlanStatements(problem, plan, routes, table, vehicleIndex, close, violations, stepTasks);
  return { feasible: violations.length === 0, violations, routes: withRoutes ? routes : [], summary };
}
