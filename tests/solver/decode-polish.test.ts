/**
 * The exact polish after the decode (decode-polish.ts): intra-route moves the
 * relaxed search model cannot value — lateness prices, setup saved at one
 * location — and a property: a polished plan stays feasible by the checker,
 * keeps every route's tasks, and never costs more.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution } from '../../src/model/check.js';
import { taskTable } from '../../src/model/tasks.js';
import { resolveTaskTravel } from '../../src/model/task-travel.js';
import { validateProblem } from '../../src/model/validate.js';
import type { Problem } from '../../src/model/types.js';
import { buildSolution, makeFeasible, reassignVehicles, reinsert, unassignedOrder, type DecodeContext } from '../../src/solver/decode.js';
import { polishRoutes } from '../../src/solver/decode-polish.js';
import { arbDispatch, dispatchProblem } from './random-dispatch.js';

const line = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [10 * i, 0]);

function contextOf(problem: Problem): DecodeContext {
  const tasks = taskTable(problem);
  return { problem, tasks, travel: resolveTaskTravel(problem, tasks), dims: 1 };
}

describe('polishRoutes', () => {
  it('puts the job whose lateness costs more first', () => {
    // b (x = 10) and c (x = 20) both close at 5; c first: c 15 late × 10 + b 25 × 1 = 175; b first: 5 + 150 = 155
    const p: Problem = {
      jobs: [{ id: 'b', location: 1, timeWindows: [[0, 5]], latenessCost: 1 }, { id: 'c', location: 2, timeWindows: [[0, 5]], latenessCost: 10 }],
      defaults: { maxLateness: 100 },
      vehicles: [{ id: 'v', start: 0, end: 0 }],
      travel: { type: 'euclidean', coordinates: line(3) },
    };
    const ctx = contextOf(p);
    const plan = new Map([[0, [1, 0]]]);
    expect(polishRoutes(ctx, plan)).toBeCloseTo(20, 9);
    expect(plan.get(0)).toEqual([0, 1]);
    const solution = buildSolution(ctx, plan, []);
    expect(checkSolution(p, solution).violations).toEqual([]);
    expect(solution.summary.latenessCost).toBe(155);
  });

  it('visits the stops of one location in a row to save their setup', () => {
    // a1 and a2 at x = 10 (setup 10 each, none after a stop at the same place), b at x = 20
    const p: Problem = {
      jobs: [{ id: 'a1', location: 1, setupDuration: 10 }, { id: 'b', location: 2 }, { id: 'a2', location: 1, setupDuration: 10 }],
      vehicles: [{ id: 'v', start: 0, end: 0, costs: { perDistance: 1, perDuration: 1 } }],
      travel: { type: 'euclidean', coordinates: line(3) },
    };
    const ctx = contextOf(p);
    const plan = new Map([[0, [0, 1, 2]]]);
    // a1 b a2: distance 40, duration 60; a1 a2 b (or a2 a1 b, b a1 a2 …): distance 40, duration 50
    expect(polishRoutes(ctx, plan)).toBeCloseTo(10, 9);
    const route = plan.get(0)!;
    expect(Math.abs(route.indexOf(0) - route.indexOf(2))).toBe(1);
    expect(checkSolution(p, buildSolution(ctx, plan, [])).violations).toEqual([]);
  });

  it('on random dispatch problems: feasible by the checker, the same tasks per route, never dearer', () => {
    let saved = 0;
    fc.assert(
      fc.property(arbDispatch({ jobs: 8, shipments: 2, vehicles: 2 }), ({ jobs, shipments, vehicles, values, order }) => {
        const problem = dispatchProblem(values, { jobs, shipments, vehicles });
        fc.pre(validateProblem(problem).length === 0);
        const ctx = contextOf(problem);
        const tasks = ctx.tasks.tasks;
        const plan = new Map<number, number[]>();
        let c = 0;
        const next = (n: number) => order[c++ % order.length] % n;
        for (let t = 0; t < tasks.length; t++) {
          if (tasks[t].kind === 'delivery') continue;
          const k = next(problem.vehicles.length);
          const route = plan.get(k) ?? [];
          route.push(t);
          if (tasks[t].kind === 'pickup') route.push(tasks[t].partner);
          plan.set(k, route);
        }
        reassignVehicles(ctx, plan);
        const removed: number[] = [];
        makeFeasible(ctx, plan, removed);
        const left = reinsert(ctx, plan, removed);
        const unassigned = left.map((t) => unassignedOrder(ctx, t, 'fleet-exhausted', 'no room'));
        const before = buildSolution(ctx, plan, unassigned);
        const sets = new Map([...plan].map(([k, r]) => [k, [...r].sort((a, b) => a - b)]));
        const gain = polishRoutes(ctx, plan);
        const after = buildSolution(ctx, plan, unassigned);
        expect(checkSolution(problem, after).violations).toEqual([]);
        for (const [k, r] of plan) expect([...r].sort((a, b) => a - b)).toEqual(sets.get(k));
        expect(after.summary.cost).toBeCloseTo(before.summary.cost - gain, 6);
        expect(gain).toBeGreaterThanOrEqual(0);
        saved += gain;
      }),
      { numRuns: 80 },
    );
    expect(saved).toBeGreaterThan(0);
  });
});
