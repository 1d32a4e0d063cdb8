/**
 * The decode repair under the lexicographic objective (docs/semantics.md,
 * "Objective"): `makeFeasible` drops the order that loses the least priority,
 * then the fewest tasks, then the least cost; `reinsert` places orders by
 * decreasing priority. Exact cases built so that a cost-only repair would
 * choose differently, and a property on random dispatch problems: whatever
 * plan the search hands over, the repaired plan is feasible by the checker
 * and loses nothing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution } from '../../src/model/check.js';
import { taskTable } from '../../src/model/tasks.js';
import { resolveTaskTravel } from '../../src/model/task-travel.js';
import { validateProblem } from '../../src/model/validate.js';
import type { Job, Problem, Shipment, Vehicle } from '../../src/model/types.js';
import { buildSolution, makeFeasible, reassignVehicles, reinsert, unassignedOrder, type DecodeContext } from '../../src/solver/decode.js';
import { RouteEvaluation } from '../../src/solver/evaluate.js';
import { evaluatorOf } from '../../src/solver/simulate.js';
import { arbDispatch, dispatchProblem } from './random-dispatch.js';

const line = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [10 * i, 0]);

function contextOf(jobs: Job[], vehicles: Vehicle[], shipments?: Shipment[]): DecodeContext {
  const problem: Problem = { jobs, vehicles, travel: { type: 'euclidean', coordinates: line(8) }, ...(shipments ? { shipments } : {}) };
  const tasks = taskTable(problem);
  return { problem, tasks, travel: resolveTaskTravel(problem, tasks), dims: 1 };
}

/** Repairs `plan` as `solve` does and returns the checked solution. */
function repair(ctx: DecodeContext, plan: Map<number, number[]>) {
  reassignVehicles(ctx, plan);
  const removed: number[] = [];
  makeFeasible(ctx, plan, removed);
  const left = reinsert(ctx, plan, removed);
  const solution = buildSolution(ctx, plan, left.map((t) => unassignedOrder(ctx, t, 'fleet-exhausted', 'no room')));
  const report = checkSolution(ctx.problem, solution);
  return { plan, removed, left, solution, report };
}

describe('makeFeasible: least priority lost, then fewest tasks, then least cost', () => {
  it('keeps the high-priority job although dropping it would save more', () => {
    // capacity for one of the two; 'far' is costly but has priority 50
    const ctx = contextOf(
      [{ id: 'far', location: 7, delivery: [1], priority: 50 }, { id: 'near', location: 1, delivery: [1] }],
      [{ id: 'v', start: 0, end: 0, capacity: [1] }],
    );
    for (const order of [[0, 1], [1, 0]]) {
      const { plan, left, report } = repair(ctx, new Map([[0, order]]));
      expect(report.feasible).toBe(true);
      expect(plan.get(0)).toEqual([0]);
      expect(left).toEqual([1]);
      expect(report.summary.priority).toBe(50);
    }
  });

  it('at equal priority drops a job rather than a shipment (two tasks)', () => {
    // p a d: job a's delivery rides from the start, so 2 are on board after p
    const sh: Shipment[] = [{ id: 'S', amount: [1], pickup: { location: 1 }, delivery: { location: 3 } }];
    const ctx = contextOf([{ id: 'a', location: 2, delivery: [1] }], [{ id: 'v', start: 0, end: 0, capacity: [1] }], sh);
    const plan = new Map([[0, [1, 0, 2]]]);
    const removed: number[] = [];
    makeFeasible(ctx, plan, removed);
    expect(removed).toEqual([0]);
    expect(plan.get(0)).toEqual([1, 2]);
    // with the job's priority above the shipment's, the shipment goes
    const ctx2 = contextOf([{ id: 'a', location: 2, delivery: [1], priority: 1 }], [{ id: 'v', start: 0, end: 0, capacity: [1] }], sh);
    const plan2 = new Map([[0, [1, 0, 2]]]);
    const removed2: number[] = [];
    makeFeasible(ctx2, plan2, removed2);
    expect(removed2).toEqual([1]);
    expect(plan2.get(0)).toEqual([0]);
  });

  it('among equal losses, removes the order that makes the route feasible (one removal, not two)', () => {
    // X and Z overload the vehicle and X delays Y past its window. Dropping Z is cheapest but leaves Y late;
    // dropping X fixes both at once.
    const ctx = contextOf(
      [{ id: 'X', location: 4, delivery: [1] }, { id: 'Y', location: 1, timeWindows: [[0, 25]] }, { id: 'Z', location: 6, delivery: [1] }],
      [{ id: 'v', start: 0, end: 0, capacity: [1] }],
    );
    const plan = new Map([[0, [0, 1, 2]]]);
    const removed: number[] = [];
    makeFeasible(ctx, plan, removed);
    expect(removed).toEqual([0]);
    expect(plan.get(0)).toEqual([1, 2]);
  });
});

describe('reinsert: highest priority first', () => {
  it('the only room goes to the higher priority, whatever the order of removal', () => {
    const ctx = contextOf(
      [{ id: 'lo', location: 1, delivery: [1], priority: 3 }, { id: 'hi', location: 6, delivery: [1], priority: 9 }, { id: 'big', location: 2, delivery: [1] }],
      [{ id: 'v', start: 0, end: 0, capacity: [2] }],
    );
    const plan = new Map([[0, [2]]]);
    const left = reinsert(ctx, plan, [0, 1]);
    expect(left).toEqual([0]);
    expect([...plan.get(0)!].sort()).toEqual([1, 2]);
  });

  it('a shipment goes back whole, pickup before delivery, on a vehicle allowed to take it', () => {
    const sh: Shipment[] = [{ id: 'S', amount: [1], pickup: { location: 4 }, delivery: { location: 2 }, skills: ['cold'] }];
    const ctx = contextOf([], [{ id: 'v', start: 0, end: 0 }, { id: 'w', start: 0, end: 0, skills: ['cold'] }], sh);
    const plan = new Map<number, number[]>();
    expect(reinsert(ctx, plan, [0])).toEqual([]);
    expect([...plan.entries()]).toEqual([[1, [0, 1]]]);
  });
});

describe('repair on random dispatch problems', () => {
  it('any handed-over plan ends feasible by the checker, every order once, deterministic; what is left out fits nowhere', () => {
    let served = 0;
    let leftOut = 0;
    fc.assert(
      fc.property(arbDispatch({ jobs: 7, shipments: 3, vehicles: 3 }), ({ jobs, shipments, vehicles, values, order }) => {
        const problem = dispatchProblem(values, { jobs, shipments, vehicles });
        fc.pre(validateProblem(problem).length === 0);
        const tasks = taskTable(problem);
        const make = (): DecodeContext => ({ problem, tasks, travel: resolveTaskTravel(problem, tasks), dims: 1 });
        // the search's plan: pair-closed routes in any order, on any vehicle
        const plan = new Map<number, number[]>();
        let c = 0;
        const next = (n: number) => order[c++ % order.length] % n;
        for (let t = 0; t < tasks.tasks.length; t++) {
          const task = tasks.tasks[t];
          if (task.kind === 'delivery') continue;
          const k = next(problem.vehicles.length);
          const route = plan.get(k) ?? [];
          route.splice(next(route.length + 1), 0, t);
          if (task.kind === 'pickup') route.splice(route.indexOf(t) + 1 + next(route.length - route.indexOf(t)), 0, task.partner);
          plan.set(k, route);
        }
        const a = repair(make(), new Map([...plan].map(([k, r]) => [k, r.slice()])));
        expect(a.report.violations).toEqual([]);
        const ev = evaluatorOf(make());
        const out = new RouteEvaluation();
        for (const [k, r] of a.plan) expect(ev.evaluate(k, r, r.length, out).feasible).toBe(true);
        const b = repair(make(), new Map([...plan].map(([k, r]) => [k, r.slice()])));
        expect(b.solution).toEqual(a.solution);
        // 'fleet-exhausted' is true: no order left out fits anywhere in the final plan
        for (const t of a.left) {
          const stops = tasks.tasks[t].partner < 0 ? [t] : [t, tasks.tasks[t].partner];
          for (let k = 0; k < problem.vehicles.length; k++) {
            const r = a.plan.get(k) ?? [];
            for (let p = 0; p <= r.length; p++) {
              for (let q = p; q <= (stops.length === 1 ? p : r.length); q++) {
                const trial = [...r.slice(0, p), stops[0], ...r.slice(p, q), ...stops.slice(1), ...r.slice(q)];
                expect(ev.evaluate(k, trial, trial.length, out).feasible).toBe(false);
              }
            }
          }
        }
        served += a.report.summary.tasks;
        leftOut += a.left.length;
      }),
      { numRuns: 150 },
    );
    expect(served).toBeGreaterThan(300);
    expect(leftOut).toBeGreaterThan(20);
  });
});
