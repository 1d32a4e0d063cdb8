/**
 * The solver's exact route evaluator against the independent checker, on
 * random problems combining every dispatch constraint (random-dispatch.ts):
 * plans built by `simulateRoute` state only numbers the checker re-derives
 * identically, the evaluator's feasibility equals the checker's route by
 * route, and every kind of violation the checker lists shows in the
 * evaluator's matching amount (and the amounts agree).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution, type CheckedRoute, type Violation } from '../../src/model/check.js';
import { taskTable } from '../../src/model/tasks.js';
import { resolveTaskTravel } from '../../src/model/task-travel.js';
import { validateProblem } from '../../src/model/validate.js';
import type { Problem, Solution, Unassigned } from '../../src/model/types.js';
import { RouteEvaluation } from '../../src/solver/evaluate.js';
import { buildSolution, evaluatorOf, unassignedOrder, type DecodeContext } from '../../src/solver/decode.js';
import { arbDispatch, dispatchProblem } from './random-dispatch.js';

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function contextOf(problem: Problem): DecodeContext {
  const tasks = taskTable(problem);
  return { problem, tasks, travel: resolveTaskTravel(problem, tasks), dims: 1 };
}

/** Routes from `order` values: each order (job or shipment) on a vehicle or unassigned, in a shuffled order. */
function randomPlan(ctx: DecodeContext, order: number[], allowReversed: boolean): { plan: Map<number, number[]>; left: number[] } {
  const { problem, tasks } = ctx;
  let c = 0;
  const next = (n: number) => order[c++ % order.length] % n;
  const K = problem.vehicles.length;
  const plan = new Map<number, number[]>();
  const left: number[] = [];
  const orders: number[][] = [];
  for (let j = 0; j < tasks.jobCount; j++) orders.push([j]);
  for (let s = 0; s < tasks.shipmentCount; s++) {
    const p = tasks.jobCount + 2 * s;
    orders.push(allowReversed && next(6) === 0 ? [p + 1, p] : [p, p + 1]);
  }
  for (const o of orders) {
    const k = next(K + 1);
    if (k === K) {
      left.push(Math.min(...o));
      continue;
    }
    const route = plan.get(k) ?? [];
    const at = next(route.length + 1);
    route.splice(at, 0, o[0]);
    if (o.length === 2) route.splice(at + 1 + next(route.length - at), 0, o[1]);
    plan.set(k, route);
  }
  return { plan, left };
}

const KIND_CODES: Record<string, (ev: RouteEvaluation) => number> = {
  late: (ev) => ev.lateness,
  'break-window': (ev) => ev.lateness,
  capacity: (ev) => ev.loadExcess,
  'break-load': (ev) => ev.breakLoadExcess,
  'shift-start': (ev) => ev.shiftExcess,
  'shift-end': (ev) => ev.shiftExcess,
  'max-duration': (ev) => ev.durationExcess,
  'max-distance': (ev) => ev.distanceExcess,
  'max-travel-time': (ev) => ev.travelTimeExcess,
  'max-tasks': (ev) => ev.tasksExcess,
  'dispatch-deadline': (ev) => ev.dispatchExcess,
  'release-time': (ev) => ev.dispatchExcess,
  'not-allowed': (ev) => ev.hard,
  skills: (ev) => ev.hard,
  'service-radius': (ev) => ev.hard,
  precedence: (ev) => ev.hard,
};

/** Sum of the checker's amounts per code for one route. */
function amounts(violations: Violation[], route: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of violations) if (v.route === route) m.set(v.code, (m.get(v.code) ?? 0) + (v.amount ?? 0));
  return m;
}

/** Checks one problem and plan: claims, feasibility per route, kinds and amounts. */
function agree(problem: Problem, ctx: DecodeContext, plan: Map<number, number[]>, left: number[]): { solution: Solution; feasible: boolean } {
  const unassigned: Unassigned[] = left.map((t) => unassignedOrder(ctx, t, 'fleet-exhausted', 'left out'));
  const solution = buildSolution(ctx, plan, unassigned);
  const report = checkSolution(problem, solution);
  const mismatches = report.violations.filter((v) => v.code === 'claim-mismatch');
  expect(mismatches).toEqual([]);
  // The departure is the checker's own d*: with the start step's numbers left out, every other claim still holds.
  const unstated = structuredClone(solution);
  for (const r of unstated.routes) r.steps[0] = { type: 'start' } as (typeof r.steps)[0];
  expect(checkSolution(problem, unstated).violations.filter((v) => v.code === 'claim-mismatch')).toEqual([]);
  const ev = evaluatorOf(ctx);
  const out = new RouteEvaluation();
  let allFeasible = true;
  solution.routes.forEach((r, i) => {
    const k = problem.vehicles.findIndex((v) => v.id === r.vehicle);
    const route = plan.get(k)!;
    ev.evaluate(k, route, route.length, out);
    const checked: CheckedRoute = report.routes[i];
    const by = amounts(report.violations, i);
    const codes = [...by.keys()].sort();
    expect(out.feasible, `checker: ${codes.join(', ')}`).toBe(checked.feasible);
    allFeasible &&= out.feasible;
    for (const code of codes) {
      expect(KIND_CODES[code], `unexpected violation ${code}`).toBeDefined();
      expect(KIND_CODES[code](out), code).toBeGreaterThan(0);
    }
    // every kind the evaluator reports, the checker lists
    if (out.lateness > 0) expect(by.has('late') || by.has('break-window')).toBe(true);
    if (out.loadExcess > 0) expect(by.has('capacity')).toBe(true);
    if (out.breakLoadExcess > 0) expect(by.has('break-load')).toBe(true);
    if (out.shiftExcess > 0) expect(by.has('shift-start') || by.has('shift-end')).toBe(true);
    if (out.durationExcess > 0) expect(by.get('max-duration')).toBeCloseTo(out.durationExcess, 6);
    if (out.distanceExcess > 0) expect(by.get('max-distance')).toBeCloseTo(out.distanceExcess, 6);
    if (out.travelTimeExcess > 0) expect(by.get('max-travel-time')).toBeCloseTo(out.travelTimeExcess, 6);
    if (out.tasksExcess > 0) expect(by.get('max-tasks')).toBe(out.tasksExcess);
    if (out.hard > 0) expect(['not-allowed', 'skills', 'service-radius', 'precedence'].some((c) => by.has(c))).toBe(true);
    // the amounts that are defined the same way agree
    expect(close(out.lateness, (by.get('late') ?? 0) + (by.get('break-window') ?? 0))).toBe(true);
    expect(close(out.shiftExcess, (by.get('shift-start') ?? 0) + (by.get('shift-end') ?? 0))).toBe(true);
    expect(close(out.dispatchExcess, (by.get('dispatch-deadline') ?? 0) + (by.get('release-time') ?? 0))).toBe(true);
    // the route's numbers
    for (const f of ['cost', 'distance', 'duration', 'travelTime', 'waiting', 'service', 'setup', 'breakDuration', 'priority', 'tasks'] as const) {
      expect(close(out[f], checked[f]), `${f}: ${out[f]} vs ${checked[f]}`).toBe(true);
    }
    expect(close(out.departure, checked.steps[0].departure)).toBe(true);
  });
  return { solution, feasible: report.feasible && allFeasible };
}

describe('RouteEvaluator and simulateRoute agree with the checker', () => {
  it('random problems with every dispatch constraint: claims equal, feasibility equal, violation kinds equal', () => {
    let feasibleRoutes = 0;
    let infeasibleRoutes = 0;
    fc.assert(
      fc.property(arbDispatch({ jobs: 7, shipments: 3, vehicles: 3 }), ({ jobs, shipments, vehicles, values, order }) => {
        const problem = dispatchProblem(values, { jobs, shipments, vehicles });
        fc.pre(validateProblem(problem).length === 0);
        const ctx = contextOf(problem);
        const { plan, left } = randomPlan(ctx, order, true);
        const { solution } = agree(problem, ctx, plan, left);
        const out = new RouteEvaluation();
        for (const [k, route] of plan) {
          if (evaluatorOf(ctx).evaluate(k, route, route.length, out).feasible) feasibleRoutes++;
          else infeasibleRoutes++;
        }
        // The plan-level verdict: feasible exactly when every route is (shipments are never split here).
        const report = checkSolution(problem, solution);
        const routesFeasible = [...plan.entries()].every(([k, r]) => evaluatorOf(ctx).evaluate(k, r, r.length, out).feasible);
        expect(report.feasible).toBe(routesFeasible);
      }),
      { numRuns: 400 },
    );
    // Both outcomes must be well represented, or the property says little.
    expect(feasibleRoutes).toBeGreaterThan(50);
    expect(infeasibleRoutes).toBeGreaterThan(50);
  });

  it('brute force: every order of up to 4 tasks on one vehicle, evaluator verdict = checker verdict', () => {
    fc.assert(
      fc.property(arbDispatch({ jobs: 3, shipments: 1, vehicles: 1 }), ({ jobs, shipments, values }) => {
        const problem = dispatchProblem(values, { jobs, shipments, vehicles: 1 });
        fc.pre(validateProblem(problem).length === 0);
        const ctx = contextOf(problem);
        const n = ctx.tasks.tasks.length;
        fc.pre(n > 0 && n <= 4);
        const all = Array.from({ length: n }, (_, t) => t);
        for (const perm of permutations(all)) agree(problem, ctx, new Map([[0, perm]]), []);
      }),
      { numRuns: 120 },
    );
  });

  it('a shipment split over two routes: both routes report a hard violation, the checker a split', () => {
    fc.assert(
      fc.property(arbDispatch({ jobs: 2, shipments: 1, vehicles: 2 }), ({ jobs, values }) => {
        const problem = dispatchProblem(values, { jobs, shipments: 1, vehicles: 2 });
        fc.pre(validateProblem(problem).length === 0 && problem.vehicles.length === 2);
        const ctx = contextOf(problem);
        const p = ctx.tasks.jobCount;
        const plan = new Map([[0, [p]], [1, [p + 1]]]);
        const report = checkSolution(problem, buildSolution(ctx, plan, []));
        expect(report.violations.some((v) => v.code === 'split-shipment')).toBe(true);
        const out = new RouteEvaluation();
        expect(evaluatorOf(ctx).evaluate(0, [p], 1, out).hard).toBeGreaterThan(0);
        expect(evaluatorOf(ctx).evaluate(1, [p + 1], 1, out).hard).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });
});

function* permutations(xs: number[]): Generator<number[]> {
  if (xs.length <= 1) {
    yield xs.slice();
    return;
  }
  for (let i = 0; i < xs.length; i++) {
    const rest = [...xs.slice(0, i), ...xs.slice(i + 1)];
    for (const p of permutations(rest)) yield [xs[i], ...p];
  }
}
