/**
 * Replan realism: a vehicle on the road pays for the rest of its trip to its
 * end (home stops), and `maxEtaShift` bounds how far promised ETAs move (the
 * previous assignments are kept when the bound cannot hold). Every result goes
 * through the independent checker.
 */
import { describe, expect, it } from 'vitest';
import { replan } from '../../src/dispatch/replan.js';
import { addHomeStops, withoutHomeStops } from '../../src/dispatch/home.js';
import { boundEtas } from '../../src/dispatch/eta-bound.js';
import { checkSolution } from '../../src/model/check.js';
import type { Id, Problem, RoutePlan, Solution } from '../../src/model/types.js';
import { lineProblem, planOf } from './helpers.js';
import { runCli, stderrError } from '../cli/run-cli.js';

const FAST = { maxIterations: 200, seed: 1 };
const checked = (r: { problem: Problem; solution: Solution }) => {
  const rep = checkSolution(r.problem, r.solution as unknown as RoutePlan);
  expect(rep.violations).toEqual([]);
  return rep;
};
const jobsOf = (r: { plan: { routes: { vehicle: Id; steps: { type: string; id?: Id }[] }[] } }, v: Id) =>
  r.plan.routes.find((x) => x.vehicle === v)?.steps.filter((s) => s.type === 'job').map((s) => s.id) ?? [];

describe('replan: a vehicle on the road pays its way home', () => {
  it('a new pickup near the returning van goes to it, not to the idle van at the depot', async () => {
    // Line 0..8 (10 per step). A served j4 (location 4, 40..45) and is on its way home; B idles at 0.
    // New pickup p1 at location 1: on A's way home it adds 0 (4 → 1 → 0 = 4 → 0); on B it adds 20.
    // With a free drive home the search would see A: 40 against B: 20 and pick B.
    const base = lineProblem();
    const problem: Problem = { ...base, jobs: base.jobs.filter((j) => j.id === 'j4') };
    const plan = planOf(problem, [{ vehicle: 'A', jobs: ['j4'], departure: 0 }]);
    for (const promisePenalty of [0, 100]) {
      const r = await replan(problem, plan, { now: 50, newJobs: [{ id: 'p1', location: 1, pickup: [1], delivery: [0] }] }, { ...FAST, promisePenalty });
      checked(r);
      expect(jobsOf(r, 'A')).toEqual(['j4', 'p1']);
      expect(jobsOf(r, 'B')).toEqual([]);
      expect(r.plan.summary.cost).toBe(80); // 0 → 4 → 1 → 0
      // No home stop leaks into what is returned.
      expect(r.problem.jobs.map((j) => j.id)).toEqual(['p1']);
      expect(r.solution.routes.flatMap((x) => x.steps.map((s) => s.id)).filter((id) => id !== undefined)).toEqual(['p1']);
    }
  });

  it('home stops: one per vehicle on the road with an end, only for it; removed again with times re-derived', () => {
    const problem = lineProblem([], [
      { id: 'A', start: 0, end: 0, capacity: [10], maxTasks: 3 },
      { id: 'B', start: 0, capacity: [10] },
      { id: 'C', start: 0, end: 0, capacity: [10] },
    ]);
    const state = (vehicle: Id, departed: boolean) => ({ vehicle, departed, available: true }) as never;
    const home = addHomeStops(problem, [state('A', true), state('B', true), state('C', false)]);
    const homes = home.problem.jobs.slice(problem.jobs.length);
    expect(homes).toEqual([{ id: 'home:A', location: 0, allowedVehicles: ['A'] }]); // B has no end, C has not left
    expect(home.problem.vehicles[0].maxTasks).toBe(4);
    const withHome = checkSolution(home.problem, { routes: [{ vehicle: 'A', steps: [{ type: 'start' }, { type: 'job', id: 'j2' }, { type: 'job', id: 'home:A' }, { type: 'job', id: 'j1' }, { type: 'end' }] }] });
    expect(withHome.violations.filter((v) => v.code !== 'missing-job')).toEqual([]); // j3, j4 are not routed here
    const solution = { routes: withHome.routes.map((r) => ({ ...r, vehicle: r.vehicle })), unassigned: [], summary: withHome.summary } as unknown as Solution;
    const stripped = withoutHomeStops(problem, solution, home);
    expect(stripped.routes[0].steps.map((s) => s.id ?? s.type)).toEqual(['start', 'j2', 'j1', 'end']);
    expect(stripped.routes[0].distance).toBe(40); // 0 → 2 → 1 → 0, not 0 → 2 → 0 → 1 → 0 (60)
    expect(checkSolution(problem, stripped as unknown as RoutePlan).violations.filter((v) => v.code !== 'missing-job')).toEqual([]);
  });
});

describe('replan: maxEtaShift bounds how far promised ETAs move', () => {
  // A ends at location 8: 0 → 1 → 2 → 3 → 4 → 8. j1..j4 served 10-15, 25-30, 40-45, 55-60; A is at j1 at 12.
  // New pickup n2 at location 2 with 30 of service: inserted on A's way (free) it pushes j3 and j4 back by 30;
  // on B (0 → 2 → 0) or after j4 (4 → 2 → 8) it costs 40 and moves nothing.
  const problem = lineProblem([], [
    { id: 'A', start: 0, end: 8, capacity: [10], shift: [0, 1000] },
    { id: 'B', start: 0, end: 0, capacity: [10], shift: [0, 1000] },
  ]);
  const plan = planOf(problem, [{ vehicle: 'A', jobs: ['j1', 'j2', 'j3', 'j4'], departure: 0 }]);
  const promised = new Map(plan.routes[0].steps.filter((s) => s.type === 'job').map((s) => [s.id as Id, s.serviceStart]));
  const n2 = { id: 'n2', location: 2, pickup: [1], delivery: [0], serviceDuration: 30 };
  const shifts = (r: Awaited<ReturnType<typeof replan>>) =>
    r.plan.routes.flatMap((x) => x.steps.filter((s) => s.type === 'job' && promised.has(s.id as Id)).map((s) => Math.abs(s.serviceStart - promised.get(s.id as Id)!)));

  it('unbounded, the cheap plan moves j3 and j4 by 30; bounded by 10, no promised start moves more than 10', async () => {
    const free = await replan(problem, plan, { now: 12, newJobs: [n2] }, { ...FAST, promisePenalty: 0 });
    checked(free);
    expect(Math.max(...shifts(free))).toBe(30);
    const bounded = await replan(problem, plan, { now: 12, newJobs: [n2] }, { ...FAST, promisePenalty: 0, maxEtaShift: 10 });
    const rep = checked(bounded); // the returned problem carries the bound: the checker enforces it
    expect(bounded.problem.jobs.find((j) => j.id === 'j3')!.timeWindows).toEqual([[30, 50]]);
    expect(rep.summary.unassigned).toBe(0);
    expect(Math.max(...shifts(bounded))).toBeLessThanOrEqual(10);
    expect(bounded.changes.etaBound).toEqual({ maxEtaShift: 10, bounded: ['j2', 'j3', 'j4'], unbounded: [], held: true });
    expect(bounded.plan.summary.cost).toBe(free.plan.summary.cost + 40);
  });

  it('when the bound cannot hold (a slowed road delays j3 by 50), the previous assignments are kept, nothing is dropped', async () => {
    const events = { now: 12, newJobs: [n2], travelUpdates: [{ from: 2, to: 3, duration: 60 }] };
    const r = await replan(problem, plan, events, { ...FAST, promisePenalty: 0, maxEtaShift: 10 });
    checked(r);
    expect(r.changes.selection.plan).toBe('kept-order');
    expect(r.changes.etaBound?.held).toBe(false);
    expect(r.plan.unassigned).toEqual([]);
    expect(jobsOf(r, 'A').filter((id) => id !== 'n2')).toEqual(['j1', 'j2', 'j3', 'j4']);
  });

  it('boundEtas cuts windows (own windows and lateness allowance included), and leaves a job it cannot bound', () => {
    const p: Problem = {
      ...lineProblem(),
      jobs: [
        { id: 'a', location: 1, timeWindows: [[0, 20], [40, 50]] },
        { id: 'b', location: 2, timeWindows: [[0, 10]], latenessCost: 1, maxLateness: 15 },
        { id: 'c', location: 3, timeWindows: [[0, 10]] },
        { id: 'd', location: 4 },
      ],
    };
    const b = boundEtas(p, new Map([['a', 18], ['b', 20], ['c', 30]]), 5);
    expect(b.problem.jobs.map((j) => j.timeWindows)).toEqual([[[13, 20]], [[15, 25]], [[0, 10]], undefined]);
    expect(b.problem.jobs[1].latenessCost).toBeUndefined();
    expect(b.bounded.map((x) => x.id)).toEqual(['a', 'b']);
    expect(b.unbounded).toEqual(['c']);
  });
});

describe('vrpkit replan --max-eta-shift', () => {
  it('bounds the shipped fixture (changes.etaBound, checker passes); a negative bound is a usage error', () => {
    const ok = runCli(['replan', 'fixtures/replan-plan.json', 'fixtures/replan-events.json', '--seed', '1', '--max-iterations', '50', '--max-eta-shift', '600']);
    expect(ok.status, ok.stderr).toBe(0);
    const out = JSON.parse(ok.stdout);
    expect(out.check.feasible).toBe(true);
    expect(out.changes.etaBound.maxEtaShift).toBe(600);
    expect(out.changes.etaBound.bounded.length).toBeGreaterThan(0);
    const bad = runCli(['replan', 'fixtures/replan-plan.json', 'fixtures/replan-events.json', '--max-eta-shift', '-5']);
    expect(bad.status).toBe(2);
    expect(stderrError(bad).message).toMatch(/--max-eta-shift/);
  });
  it('the library rejects a negative bound with a pointer', async () => {
    const problem = lineProblem();
    await expect(replan(problem, planOf(problem, []), { now: 0 }, { maxEtaShift: -1 })).rejects.toMatchObject({ code: 'negative', pointer: '/maxEtaShift' });
  });
});
