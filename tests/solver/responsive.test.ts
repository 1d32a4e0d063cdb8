/**
 * The responsive core (issue 13, part 1): the yield cadence never changes an
 * answer (seed + maxIterations: the same plan with a yield at every step as
 * with the default 15 ms slices), an abort before the first plan answers with
 * every order unassigned as `aborted`, an abort at any point gives a plan the
 * checker accepts, and a decode cut short by an abort stays valid. Speed is
 * measured in bench/responsive.ts, not here.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { checkSolution } from '../../src/model/check.js';
import { taskTable } from '../../src/model/tasks.js';
import { resolveTaskTravel } from '../../src/model/task-travel.js';
import type { Objective, Problem, Solution } from '../../src/model/types.js';
import { decodePlan, type DecodeContext } from '../../src/solver/decode.js';
import { solve } from '../../src/solver/index.js';

/** A random problem: `n` jobs with windows and demands around one depot, `shipments` pickup-delivery pairs. */
function randomProblem(n: number, seed: number, shipments = 0): Problem {
  const rng = new Rng(seed);
  const coords: [number, number][] = [[50, 50]];
  for (let i = 0; i < n + 2 * shipments; i++) coords.push([rng.int(100), rng.int(100)]);
  const jobs = Array.from({ length: n }, (_, i) => {
    const open = rng.int(600);
    return { id: `j${i}`, location: i + 1, delivery: [1 + rng.int(9)], serviceDuration: 10, timeWindows: [[open, open + 200 + rng.int(400)]] as [number, number][] };
  });
  const ships = Array.from({ length: shipments }, (_, s) => ({
    id: `s${s}`, amount: [1 + rng.int(5)], pickup: { location: n + 1 + 2 * s, serviceDuration: 5 }, delivery: { location: n + 2 + 2 * s, serviceDuration: 5 },
  }));
  const vehicles = Array.from({ length: Math.ceil(n / 8) + shipments }, (_, k) => ({ id: `v${k}`, start: 0, end: 0, capacity: [40], shift: [0, 1400] as [number, number] }));
  return { travel: { type: 'euclidean', coordinates: coords }, vehicles, jobs, ...(shipments ? { shipments: ships } : {}) };
}

function expectValid(problem: Problem, s: Solution): void {
  const report = checkSolution(problem, s);
  expect(report.violations).toEqual([]);
  expect(report.feasible).toBe(true);
}

const withoutStats = (s: Solution) => ({ ...s, stats: undefined });

describe('responsive solve: the yield cadence never changes the answer', () => {
  const cases: [string, Problem, Objective | undefined][] = [
    ['cost', randomProblem(60, 1), undefined],
    ['shipments', randomProblem(30, 2, 10), undefined],
    ['makespan', randomProblem(40, 3), 'makespan'],
    ['fewest-vehicles', randomProblem(40, 4), 'fewest-vehicles'],
  ];
  it.each(cases)('%s: yieldIntervalMs 0 and the default give the same plan', async (_name, problem, objective) => {
    const base = { seed: 7, maxIterations: 60, ...(objective ? { objective } : {}) };
    const a = await solve(problem, base);
    const b = await solve(problem, { ...base, yieldIntervalMs: 0 });
    expectValid(problem, a);
    expect(withoutStats(b)).toEqual(withoutStats(a));
    expect(b.stats!.iterations).toBe(a.stats!.iterations);
  });
});

describe('responsive solve: abort', () => {
  it('an already-aborted signal: no routes, every job and shipment unassigned as aborted, accepted by the checker', async () => {
    const problem = randomProblem(50, 5, 5);
    const ctrl = new AbortController();
    ctrl.abort();
    const s = await solve(problem, { timeLimitMs: 60_000, signal: ctrl.signal });
    expect(s.status).toBe('aborted');
    expect(s.routes).toEqual([]);
    expect(s.unassigned).toHaveLength(55);
    expect(new Set(s.unassigned.map((u) => u.reason))).toEqual(new Set(['aborted']));
    expect(s.unassigned.filter((u) => u.type === 'shipment').map((u) => [u.id, u.pickup, u.delivery])).toContainEqual(['s0', 's0', 's0']);
    expectValid(problem, s);
  });

  it('an abort at any point (compile, construction, search, zones) gives a valid plan with status aborted', async () => {
    for (const [delay, problem, extra] of [
      [0, randomProblem(200, 6), {}], [3, randomProblem(200, 7, 10), {}], [25, randomProblem(150, 8), {}],
      [40, randomProblem(240, 9), { decompose: 'always', zoneSize: 60 }],
    ] as const) {
      const ctrl = new AbortController();
      setTimeout(() => ctrl.abort(), delay);
      const s = await solve(problem, { timeLimitMs: 60_000, signal: ctrl.signal, yieldIntervalMs: 0, ...extra });
      expect(s.status).toBe('aborted');
      expectValid(problem, s);
      for (const u of s.unassigned) expect(['aborted', 'fleet-exhausted']).toContain(u.reason);
    }
  });

  it('a decode cut short by an abort stays valid: violating routes lose their orders, which stay out as aborted', () => {
    const problem = randomProblem(30, 10);
    const tasks = taskTable(problem);
    const ctx: DecodeContext = { problem, tasks, travel: resolveTaskTravel(problem, tasks), dims: 1 };
    // everything on the first vehicle: over capacity and late
    const plan = new Map<number, number[]>([[0, Array.from({ length: 30 }, (_, t) => t)]]);
    const s = decodePlan(ctx, plan, Int32Array.from({ length: 30 }, (_, t) => t), [], false, () => true);
    expectValid(problem, s);
    expect(s.routes).toEqual([]);
    expect(s.unassigned.map((u) => u.reason)).toEqual(new Array(30).fill('aborted'));
  });
});
