/**
 * Objectives through the solver (docs/semantics.md, "Objective and summary"):
 * small exact cases where each objective gives a different plan than `cost`,
 * and the city fixture's balance. Every plan goes through the checker, and
 * plans are compared with the checker's score under each objective.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSolution } from '../../src/model/check.js';
import { compareObjective } from '../../src/model/objective.js';
import type { Objective, Problem, Solution } from '../../src/model/types.js';
import { solve } from '../../src/solver/index.js';
import { REPO_ROOT } from '../io/shared.js';

const FAST = { seed: 1, maxIterations: 300 };
/** The checker's report of a solver plan (no violation allowed). */
function checked(problem: Problem, solution: Solution) {
  const rep = checkSolution(problem, solution);
  expect(rep.violations).toEqual([]);
  return rep;
}
const routesOf = (s: Solution) =>
  s.routes.map((r) => r.steps.filter((x) => x.type === 'job').map((x) => x.id)).filter((r) => r.length > 0).sort((a, b) => a.length - b.length || String(a[0]).localeCompare(String(b[0])));

/** Four jobs on a line at x = 10..40 from a depot at 0, two vans (euclidean, speed 1). */
function line(objective: Objective | undefined, serviceDuration = 0): Problem {
  return {
    jobs: [1, 2, 3, 4].map((k) => ({ id: `j${k}`, location: [10 * k, 0] as [number, number], serviceDuration })),
    vehicles: [
      { id: 'a', start: [0, 0], end: [0, 0] },
      { id: 'b', start: [0, 0], end: [0, 0] },
    ],
    travel: { type: 'euclidean' },
    ...(objective !== undefined ? { objective } : {}),
  };
}
/** j1, j2 on one bank and j3, j4 on the other; crossing costs 100 (matrix). */
function river(objective?: Objective): Problem {
  const d = (i: number, j: number) => (i === j ? 0 : i === 0 || j === 0 ? 10 * (1 + ((i + j + 1) % 2)) : (i <= 2) === (j <= 2) ? 10 : 100);
  return {
    jobs: [1, 2, 3, 4].map((k) => ({ id: `j${k}`, location: k })),
    vehicles: [
      { id: 'a', start: 0, end: 0 },
      { id: 'b', start: 0, end: 0 },
    ],
    travel: { type: 'matrix', size: 5, durations: Array.from({ length: 25 }, (_, k) => d(Math.floor(k / 5), k % 5)) },
    ...(objective !== undefined ? { objective } : {}),
  };
}
/** Solves under `objective` and under `cost`; returns both checked under `objective`. */
async function both(make: (o?: Objective) => Problem, objective: Objective) {
  const p = make(objective);
  const mine = await solve(p, FAST);
  const plain = await solve(make(), FAST);
  const a = checked(p, mine);
  const b = checked(p, plain);
  // The objective's plan is at least as good under its objective as the cost plan, and the cost plan no worse in cost.
  expect(compareObjective(a.summary, b.summary)).toBeLessThanOrEqual(0);
  expect(checked(make(), plain).summary.cost).toBeLessThanOrEqual(checked(make(), mine).summary.cost + 1e-9);
  return { mine, plain, score: a.summary.objective.score, plainScore: b.summary.objective.score };
}

describe('solve: each objective gives its own plan', () => {
  it('fewest-vehicles: one route across the river (140) where cost takes two (80)', async () => {
    const r = await both(river, 'fewest-vehicles');
    expect(routesOf(r.plain)).toHaveLength(2);
    expect(r.plainScore).toEqual([2, 80]);
    expect(r.score).toEqual([1, 140]);
  });

  it('fewest-vehicles also through the solve option (it replaces the problem objective)', async () => {
    const s = await solve(river('cost'), { ...FAST, objective: 'fewest-vehicles' });
    expect(checked(river('fewest-vehicles'), s).summary.objective.score).toEqual([1, 140]);
  });

  it('balance (duration, weight 3): two vans, the optimum 140 + 3 × 10 = 170; cost: one van (80)', async () => {
    const r = await both((o) => line(o), { type: 'balance', weight: 3 });
    // one van along the line, in either direction (the same cost)
    expect(routesOf(r.plain)).toHaveLength(1);
    expect([['j1', 'j2', 'j3', 'j4'], ['j4', 'j3', 'j2', 'j1']]).toContainEqual(routesOf(r.plain)[0]);
    expect(r.plainScore).toEqual([80 + 3 * 40]);
    expect(r.score[0]).toBeCloseTo(170, 9); // the other van's farthest job is j3: sd (80 − 60) / 2
    expect(routesOf(r.mine)).toHaveLength(2);
  });

  it('makespan (service 10): j4 alone and j1-j3 on the other van, both back at 90; cost: one van back at 120', async () => {
    const r = await both((o) => line(o, 10), 'makespan');
    expect(routesOf(r.mine)).toEqual([['j4'], ['j1', 'j2', 'j3']]);
    expect(r.score).toEqual([90, 140]);
    expect(r.plainScore).toEqual([120, 80]);
  });

  it('the same seed and iterations give the same plan under every objective', async () => {
    for (const o of ['fewest-vehicles', { type: 'balance', weight: 3 }, 'makespan'] as Objective[]) {
      const a = await solve(line(o, 10), FAST);
      const b = await solve(line(o, 10), FAST);
      expect(routesOf(a)).toEqual(routesOf(b));
    }
  });
});

/** Coefficient of variation (population) of the route durations of the routes with tasks. */
function durationCv(problem: Problem, s: Solution): number {
  const d = checked(problem, s).routes.filter((r) => r.tasks > 0).map((r) => r.duration);
  const mean = d.reduce((a, x) => a + x, 0) / d.length;
  return Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / d.length) / mean;
}

describe('solve: balance on the city fixture', () => {
  it('the coefficient of variation of route duration is lower than under cost, every order still served', async () => {
    const city = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/city-deliveries.json'), 'utf8')) as Problem;
    const opts = { seed: 1, maxIterations: 300 };
    const plain = await solve(city, opts);
    const balanced = await solve({ ...city, objective: { type: 'balance', weight: 1 } }, opts);
    const cvCost = durationCv(city, plain);
    const cvBalance = durationCv(city, balanced);
    expect(balanced.unassigned).toEqual(plain.unassigned);
    expect(cvBalance).toBeLessThan(cvCost);
    console.info(`city-deliveries: CV of route duration ${cvCost.toFixed(3)} (cost) → ${cvBalance.toFixed(3)} (balance); cost ${plain.summary.cost.toFixed(2)} → ${balanced.summary.cost.toFixed(2)}`);
  });
});
