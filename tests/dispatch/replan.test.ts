import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { replan } from '../../src/dispatch/replan.js';
import { keepOrderPlan } from '../../src/dispatch/keep-order.js';
import { inferProgress } from '../../src/dispatch/events.js';
import { reduceProblem } from '../../src/dispatch/reduce.js';
import { checkSolution } from '../../src/model/check.js';
import type { Id, RoutePlan } from '../../src/model/types.js';
import { arbSeed, makeCase } from './gen.js';
import { lineProblem, planOf } from './helpers.js';

const FAST = { maxIterations: 40, seed: 3 };

describe('replan with the solver (random plans and events)', () => {
  it('keeps frozen steps, routes or reports every job, and passes the independent checker', async () => {
    await fc.assert(
      fc.asyncProperty(arbSeed, fc.boolean(), async (seed, windows) => {
        const { problem, plan, events } = makeCase(seed, { windows });
        const r = await replan(problem, plan, events, FAST);
        // The new plan is a valid plan of the reduced problem (re-checked here, not trusted).
        const report = checkSolution(r.problem, r.solution as unknown as RoutePlan);
        expect(report.violations).toEqual([]);
        expect(r.check.feasible).toBe(true);

        // Every job of the old problem and every new one: in exactly one route step or unassigned.
        const seen = new Map<Id, number>();
        for (const route of r.plan.routes) for (const s of route.steps) if (s.type === 'job') seen.set(s.id as Id, (seen.get(s.id as Id) ?? 0) + 1);
        for (const u of r.plan.unassigned) seen.set(u.id, (seen.get(u.id) ?? 0) + 1);
        const all = [...problem.jobs, ...(events.newJobs ?? [])].map((j) => j.id);
        expect([...seen.keys()].sort()).toEqual([...all].sort());
        expect([...seen.values()].every((c) => c === 1)).toBe(true);

        // Cancelled jobs vanish from routes and are reported as cancelled; new ones appear.
        const cancelled = new Set(events.cancelled);
        for (const u of r.plan.unassigned) expect(u.reason === 'cancelled').toBe(cancelled.has(u.id));
        expect(r.changes.added.map((a) => a.id)).toEqual((events.newJobs ?? []).map((j) => j.id));

        // Frozen prefixes are the old plan's steps, number for number.
        for (const v of r.progress.vehicles) {
          if (v.frozen.length === 0) continue;
          const old = plan.routes[v.routeIndex].steps;
          const now = r.plan.routes.find((x) => x.vehicle === v.vehicle)!.steps;
          const k = 1 + v.frozen.length;
          expect(now.slice(0, k).map(({ status: _s, ...s }) => s)).toEqual(old.slice(0, k));
          expect(now.slice(0, k).every((s) => s.status !== 'planned')).toBe(true);
          expect(now.slice(k).every((s) => s.status === 'planned' || v.finished)).toBe(true);
        }
        // Planned stops never happen before now.
        for (const route of r.plan.routes) for (const s of route.steps) if (s.status === 'planned' && s.type === 'job') expect(s.arrival).toBeGreaterThanOrEqual(events.now);
      }),
      { numRuns: 25 },
    );
  });

  it('a large promise penalty keeps promised jobs on their vehicles; none lets them move', async () => {
    let movedFree = 0;
    let rateFree = 0;
    let rateKept = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const { problem, plan, events } = makeCase(seed * 7727, { nVehicles: 3, nJobs: 10, windows: false, newJobs: 2 });
      const kept = await replan(problem, plan, events, { ...FAST, promisePenalty: 1e7 });
      const free = await replan(problem, plan, events, { ...FAST, promisePenalty: 0 });
      expect(kept.check.feasible && free.check.feasible).toBe(true);
      // Feasible to keep: no capacity or time limits bind here, so no promised job may move,
      // and the kept-order plan wins: no promised stop changes position either.
      expect(kept.changes.moved).toEqual([]);
      expect(kept.changes.newlyUnassigned).toEqual([]);
      expect(kept.changes.routeChangeRate).toBe(0);
      expect(kept.changes.selection.plan === 'kept-order' || kept.changes.selection.search.changed === 0).toBe(true);
      movedFree += free.changes.moved.length;
      rateFree += free.changes.routeChangeRate;
      rateKept += kept.changes.routeChangeRate;
    }
    // Random old plans are poor: without promises the solver does move jobs.
    expect(movedFree).toBeGreaterThan(0);
    expect(rateKept).toBeLessThanOrEqual(rateFree);
  });
});

describe('replan: determinism', () => {
  it('same input, seed and iterations give the same plan', async () => {
    const { problem, plan, events } = makeCase(4242, { windows: true, nJobs: 10 });
    events.now = 0;
    const a = await replan(problem, plan, events, FAST);
    expect(a.problem.jobs.length).toBeGreaterThan(5);
    const b = await replan(problem, plan, events, FAST);
    expect(b.plan).toEqual(a.plan);
    expect(b.changes).toEqual(a.changes);
  });
});

describe('replan: exact case on the line', () => {
  it('serves new and old orders from where the van is', async () => {
    // A: j1 j2 j3 j4 from 0 at time 0. At 27, j1 done, j2 in service until 30.
    // New order n1 (delivery) must go to B (A left the depot); p5 (pickup only) joins A:
    // +40 on A (3 → 5 → 0 instead of 3 → 0) against +80 on B (0 → 1 → 5 → 0 instead of 0 → 1 → 0).
    const problem = lineProblem();
    const plan = planOf(problem, [{ vehicle: 'A', jobs: ['j1', 'j2', 'j3', 'j4'], departure: 0 }]);
    const r = await replan(
      problem,
      plan,
      {
        now: 27,
        newJobs: [
          { id: 'n1', location: 1, delivery: [1], pickup: [0] },
          { id: 'p5', location: 5, delivery: [0], pickup: [2] },
        ],
        cancelled: ['j4'],
      },
      { maxIterations: 200, seed: 1, promisePenalty: 1000 },
    );
    expect(r.check.feasible).toBe(true);
    const a = r.plan.routes.find((x) => x.vehicle === 'A')!;
    const b = r.plan.routes.find((x) => x.vehicle === 'B')!;
    // A: from j2 (loc 2, free at 30) → j3 (40..45) → p5 (arr 65) → home (115).
    expect(a.steps.map((s) => [s.type, s.id ?? null, s.status])).toEqual([
      ['start', null, 'done'],
      ['job', 'j1', 'done'],
      ['job', 'j2', 'in-progress'],
      ['job', 'j3', 'planned'],
      ['job', 'p5', 'planned'],
      ['end', null, 'planned'],
    ]);
    expect(a.steps.slice(3).map((s) => s.arrival)).toEqual([40, 65, 115]);
    // Load: 1 for cancelled j4 still on board after j3, then +2 picked up.
    expect(a.steps.slice(3).map((s) => s.load)).toEqual([[1], [3], [3]]);
    expect(a.distance).toBe(100);
    expect(b.steps.map((s) => s.id ?? s.type)).toEqual(['start', 'n1', 'end']);
    expect(b.steps[0].departure).toBeGreaterThanOrEqual(27);
    expect(r.changes.cancelled).toEqual(['j4']);
    expect(r.changes.restricted.find((x) => x.id === 'n1')).toEqual({ id: 'n1', allowedVehicles: ['B'], reason: 'not-loaded' });
    expect(r.changes.routeChangeRate).toBe(0);
    expect(r.changes.etaMoves).toEqual([]);
  });
});

describe('keepOrderPlan', () => {
  it('keeps the old order and inserts new jobs where they cost least', () => {
    // A at 27 serving j2 (free at 30 at location 2); j3, j4 remain. New pickup p1 at location 1
    // lies on A's way home (+0 after j4; +20 first, +40 between j3 and j4); B would pay 20.
    const problem = lineProblem();
    const plan = planOf(problem, [{ vehicle: 'A', jobs: ['j1', 'j2', 'j3', 'j4'], departure: 0 }]);
    const events = { now: 27, newJobs: [{ id: 'p1', location: 1, delivery: [0], pickup: [1] }] };
    const red = reduceProblem(problem, plan, inferProgress(problem, plan, events), events, { promisePenalty: 1 });
    const kept = keepOrderPlan(red.problem, red.initialSolution, new Map([['A', 30]]))!;
    expect(kept).toEqual({
      routes: [
        {
          vehicle: 'A',
          steps: [
            { type: 'job', id: 'j3' },
            { type: 'job', id: 'j4' },
            { type: 'job', id: 'p1' },
          ],
          departure: 30,
        },
      ],
      unrouted: [],
    });
  });

  it('gives up when an old sequence is no longer feasible', () => {
    const problem = lineProblem([{ id: 'tw', location: 6, timeWindows: [[0, 70]] }]);
    const plan = planOf(problem, [{ vehicle: 'A', jobs: ['j1', 'tw', 'j2'], departure: 0 }]);
    // Planned: j1 at 10..15, tw at 65 (window ends 70). Reported at 50 with only j1 served, the
    // van is free at location 1 at 50 and reaches tw at 100: the old order cannot be kept.
    const events = { now: 50, served: ['j1'] };
    const red = reduceProblem(problem, plan, inferProgress(problem, plan, events), events, { promisePenalty: 1 });
    expect(keepOrderPlan(red.problem, red.initialSolution, new Map([['A', 50]]))).toBeUndefined();
  });
});
