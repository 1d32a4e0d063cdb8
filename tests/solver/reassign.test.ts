import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { solve } from '../../src/solver/index.js';
import { reassignVehicles, simulateRoute } from '../../src/solver/decode.js';
import { checkSolution } from '../../src/model/check.js';
import { resolveTravel } from '../../src/model/travel.js';
import { taskTable } from '../../src/model/tasks.js';
import { applySlaToProblem } from '../../src/sla/plan.js';
import type { Problem } from '../../src/model/types.js';
import type { SlaOrder } from '../../src/sla/orders.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../fixtures', name), 'utf8'));

/** Total simulated violations of a plan. */
function violations(problem: Problem, plan: Map<number, number[]>): number {
  const ctx = { problem, tasks: taskTable(problem), travel: resolveTravel(problem), dims: 1 };
  let v = 0;
  for (const [k, jobs] of plan) if (jobs.length > 0) v += simulateRoute(ctx, k, jobs).violations;
  return v;
}

describe('a route the search put on the wrong vehicle keeps its jobs', () => {
  // Regression: the search's segment model let van-2 (shift from 39,600) "depart" at P-3's
  // dispatch deadline 37,800; decoding then dropped P-3 as fleet-exhausted instead of
  // running that route on van-1, whose shift starts at 36,000.
  it('SLA fixture: every job but P-2 (released after its deadline) is served, for several seeds', async () => {
    const problem = fixture('sla-plan-problem.json') as Problem;
    const { orders, timeOrigin } = fixture('sla-plan-orders.json') as { orders: SlaOrder[]; timeOrigin: string };
    const planned = applySlaToProblem(problem, orders, { timeOrigin });
    for (const seed of [1, 2, 5]) {
      const solution = await solve(planned, { seed, maxIterations: 300 });
      const report = checkSolution(planned, solution);
      expect(report.violations).toEqual([]);
      expect(solution.unassigned.map((u) => [u.id, u.reason])).toEqual([['P-2', 'release-time']]);
      const served = solution.routes.flatMap((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.id)).sort();
      expect(served).toEqual(['P-1', 'P-3', 'P-4', 'P-5', 'P-6']);
    }
  });

  it('moves a route whose dispatch deadline precedes its shift start to the early vehicle (swap)', () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: [[0, 0], [10, 0], [-10, 0]] },
      vehicles: [
        { id: 'early', start: 0, end: 0, shift: [0, 1000] },
        { id: 'late', start: 0, end: 0, shift: [100, 1000] },
      ],
      jobs: [
        { id: 'a', location: 1, dispatchDeadline: 50 },
        { id: 'b', location: 2, releaseTime: 150 },
      ],
    };
    const travel = resolveTravel(problem);
    // a on 'late' must leave by 50 but the shift starts at 100; b fits either vehicle
    const plan = new Map<number, number[]>([[1, [0]], [0, [1]]]);
    expect(violations(problem, plan)).toBe(1);
    reassignVehicles({ problem, tasks: taskTable(problem), travel, dims: 1 }, plan);
    expect(plan.get(0)).toEqual([0]);
    expect(plan.get(1)).toEqual([1]);
    expect(violations(problem, plan)).toBe(0);
  });

  it('moves a route to an unused vehicle, and leaves a route alone when no vehicle helps', () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: [[0, 0], [10, 0]] },
      vehicles: [
        { id: 'late', start: 0, end: 0, shift: [100, 1000] },
        { id: 'early', start: 0, end: 0, shift: [0, 1000] },
      ],
      jobs: [
        { id: 'a', location: 1, dispatchDeadline: 50 },
        { id: 'z', location: 1, dispatchDeadline: -5 },
      ],
    };
    const travel = resolveTravel(problem);
    const plan = new Map<number, number[]>([[0, [0]]]);
    reassignVehicles({ problem, tasks: taskTable(problem), travel, dims: 1 }, plan);
    expect([...plan.entries()]).toEqual([[1, [0]]]);
    const stuck = new Map<number, number[]>([[1, [1]]]);
    reassignVehicles({ problem, tasks: taskTable(problem), travel, dims: 1 }, stuck);
    expect([...stuck.entries()]).toEqual([[1, [1]]]);
  });

  it('property: only permutes whole routes among vehicles and never adds violations', () => {
    const arb = fc.record({
      shifts: fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 100, max: 400 })), { minLength: 1, maxLength: 4 }),
      jobs: fc.array(
        fc.record({ x: fc.integer({ min: -50, max: 50 }), rel: fc.integer({ min: 0, max: 120 }), dl: fc.integer({ min: 0, max: 200 }) }),
        { minLength: 1, maxLength: 7 },
      ),
      seedVehicles: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
    });
    fc.assert(
      fc.property(arb, ({ shifts, jobs, seedVehicles }) => {
        const problem: Problem = {
          travel: { type: 'euclidean', coordinates: [[0, 0], ...jobs.map((j) => [j.x, 0] as [number, number])] },
          vehicles: shifts.map(([a, b], k) => ({ id: `v${k}`, start: 0, end: 0, shift: [a, b] as [number, number] })),
          jobs: jobs.map((j, i) => ({ id: `j${i}`, location: i + 1, releaseTime: Math.min(j.rel, j.dl), dispatchDeadline: j.dl })),
        };
        const plan = new Map<number, number[]>();
        jobs.forEach((_, i) => {
          const k = seedVehicles[i] % shifts.length;
          plan.set(k, [...(plan.get(k) ?? []), i]);
        });
        const routesBefore = [...plan.values()].map((r) => r.join(',')).sort();
        const before = violations(problem, plan);
        reassignVehicles({ problem, tasks: taskTable(problem), travel: resolveTravel(problem), dims: 1 }, plan);
        expect([...plan.values()].map((r) => r.join(',')).sort()).toEqual(routesBefore);
        for (const k of plan.keys()) expect(k).toBeLessThan(shifts.length);
        expect(violations(problem, plan)).toBeLessThanOrEqual(before);
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
