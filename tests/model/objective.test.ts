/**
 * Objectives (docs/semantics.md, "Objective and summary"): validation, the
 * checker summary's score per objective, and how `compareObjective` orders
 * plans under each.
 */
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import { compareObjective, objectiveScore, resolveObjective, solutionObjective, spreadOf, withObjective } from '../../src/model/objective.js';
import { validateProblem } from '../../src/model/validate.js';
import type { Id, Objective, Problem, RoutePlan, Solution } from '../../src/model/types.js';

// Depot at x = 0; jobs on a line at x = 10, 20, 30, 40 (euclidean, speed 1, service 0 unless given); two vans a, b.
function problem(objective?: Objective, serviceDuration = 0): Problem {
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
const plan = (routes: Record<string, Id[]>): RoutePlan => ({
  routes: Object.entries(routes).map(([vehicle, ids]) => ({
    vehicle,
    steps: [{ type: 'start' as const }, ...ids.map((id) => ({ type: 'job' as const, id })), { type: 'end' as const }],
  })),
});
// One van for all: 80. Split j1 j2 | j3 j4: 40 + 80 = 120 (durations 40, 80). Split j1 j4 | j2 j3: 80 + 60 = 140 (80, 60).
const ONE = plan({ a: ['j1', 'j2', 'j3', 'j4'] });
const SPLIT = plan({ a: ['j1', 'j2'], b: ['j3', 'j4'] });
const EVEN = plan({ a: ['j1', 'j4'], b: ['j2', 'j3'] });

const summaryOf = (p: Problem, rp: RoutePlan) => {
  const rep = checkSolution(p, rp);
  expect(rep.violations).toEqual([]);
  return rep.summary;
};
/** The best of the three plans under an objective. */
function best(objective?: Objective): string {
  const p = problem(objective);
  const all = { ONE, SPLIT, EVEN };
  let winner = 'ONE';
  for (const [name, rp] of Object.entries(all)) if (compareObjective(summaryOf(p, rp), summaryOf(p, all[winner as keyof typeof all])) < 0) winner = name;
  return winner;
}

describe('objective: validation (exit 2 with a pointer)', () => {
  const issues = (objective: unknown) => validateProblem({ ...problem(), objective }).map((i) => [i.code, i.pointer]);
  it('accepts every name and a balance object', () => {
    for (const o of ['cost', 'fewest-vehicles', 'balance', 'makespan', { type: 'balance', measure: 'stops', weight: 0 }, { type: 'makespan' }]) {
      expect(issues(o)).toEqual([]);
    }
  });
  it('rejects an unknown name, a bad measure, a weight that is not a finite number ≥ 0, settings on another objective', () => {
    expect(issues('fewest')).toEqual([['enum', '/objective']]);
    expect(issues(3)).toEqual([['type', '/objective']]);
    expect(issues({ type: 'cheapest' })).toEqual([['enum', '/objective/type']]);
    expect(issues({ measure: 'stops' })).toEqual([['required', '/objective/type']]);
    expect(issues({ type: 'balance', measure: 'load' })).toEqual([['enum', '/objective/measure']]);
    expect(issues({ type: 'balance', weight: -1 })).toEqual([['negative', '/objective/weight']]);
    expect(issues({ type: 'balance', weight: Infinity })).toEqual([['not-finite', '/objective/weight']]);
    expect(issues({ type: 'balance', weight: Number.NaN })).toEqual([['not-finite', '/objective/weight']]);
    expect(issues({ type: 'balance', weight: '2' })).toEqual([['type', '/objective/weight']]);
    expect(issues({ type: 'cost', weight: 2 })).toEqual([['conflict', '/objective/weight']]);
    expect(issues({ type: 'balance', wieght: 2 })).toEqual([['unknown-field', '/objective/wieght']]);
  });
  it('soft-window prices and bounds below 0 are rejected too', () => {
    const p = problem() as unknown as { jobs: Record<string, unknown>[]; defaults?: unknown };
    p.jobs[0].latenessCost = -1;
    p.jobs[1].maxLateness = -5;
    p.defaults = { latenessCost: -2 };
    expect(validateProblem(p).map((i) => [i.code, i.pointer])).toEqual(
      expect.arrayContaining([['negative', '/jobs/0/latenessCost'], ['negative', '/jobs/1/maxLateness'], ['negative', '/defaults/latenessCost']]),
    );
  });
});

describe('objective: the checker summary scores the plan', () => {
  it('cost: [cost]; makespan reported whatever the objective', () => {
    const s = summaryOf(problem(), SPLIT);
    expect(s.cost).toBe(120);
    expect(s.makespan).toBe(80);
    expect(s.objective).toEqual({ type: 'cost', score: [120] });
  });
  it('fewest-vehicles: [routes, cost] (a vehicle without tasks is no route)', () => {
    expect(summaryOf(problem('fewest-vehicles'), ONE).objective).toEqual({ type: 'fewest-vehicles', score: [1, 80] });
    expect(summaryOf(problem('fewest-vehicles'), SPLIT).objective).toEqual({ type: 'fewest-vehicles', score: [2, 120] });
  });
  it('makespan: [latest end arrival, cost]', () => {
    expect(summaryOf(problem('makespan'), EVEN).objective).toEqual({ type: 'makespan', score: [80, 140] });
  });
  it('balance: cost + weight × population standard deviation over every vehicle (an idle one counts 0)', () => {
    // ONE: durations 80, 0 → sd 40. SPLIT: 40, 80 → sd 20. EVEN: 80, 60 → sd 10.
    expect(summaryOf(problem('balance'), ONE).objective).toEqual({ type: 'balance', score: [80 + 40], spread: 40 });
    expect(summaryOf(problem({ type: 'balance', weight: 3 }), SPLIT).objective).toEqual({ type: 'balance', score: [120 + 60], spread: 20 });
    expect(summaryOf(problem({ type: 'balance', measure: 'stops', weight: 10 }), ONE).objective).toEqual({ type: 'balance', score: [80 + 20], spread: 2 });
    expect(summaryOf(problem({ type: 'balance', measure: 'distance' }), EVEN).objective).toEqual({ type: 'balance', score: [140 + 10], spread: 10 });
  });
  it('a plan stating a wrong cost is still flagged (the score does not hide claims)', () => {
    const rp = { ...SPLIT, summary: { cost: 100 } };
    expect(checkSolution(problem('balance'), rp).violations.map((v) => v.code)).toEqual(['claim-mismatch']);
  });
});

describe('objective: each one orders the same plans differently', () => {
  it('fewest-vehicles keeps one dearer route where cost splits (a river between two pairs of jobs)', () => {
    // Matrix: depot 0, jobs 1 2 on one bank, 3 4 on the other; crossing costs 100.
    const d = (i: number, j: number) => (i === j ? 0 : i === 0 || j === 0 ? 10 * (1 + ((i + j + 1) % 2)) : (i <= 2) === (j <= 2) ? 10 : 100);
    const river = (objective?: Objective): Problem => ({
      ...problem(objective),
      jobs: [1, 2, 3, 4].map((k) => ({ id: `j${k}`, location: k })),
      vehicles: [{ id: 'a', start: 0, end: 0 }, { id: 'b', start: 0, end: 0 }],
      travel: { type: 'matrix', size: 5, durations: Array.from({ length: 25 }, (_, k) => d(Math.floor(k / 5), k % 5)) },
    });
    const one = plan({ a: ['j1', 'j2', 'j4', 'j3'] }); // 10 + 10 + 100 + 10 + 10 = 140
    const two = plan({ a: ['j1', 'j2'], b: ['j3', 'j4'] }); // 40 + 40 = 80
    expect(compareObjective(summaryOf(river(), two), summaryOf(river(), one))).toBeLessThan(0);
    expect(summaryOf(river('fewest-vehicles'), one).objective.score).toEqual([1, 140]);
    expect(compareObjective(summaryOf(river('fewest-vehicles'), one), summaryOf(river('fewest-vehicles'), two))).toBeLessThan(0);
  });
  it('balance (weight 3) takes the even split, cost the single van', () => {
    expect(best()).toBe('ONE'); // 80 < 120 < 140
    expect(best({ type: 'balance', weight: 3 })).toBe('EVEN'); // 80 + 120 = 200, 120 + 60 = 180, 140 + 30 = 170
  });
  it('makespan brings the last van back first; balance of stops prefers two stops each (service 10 per job)', () => {
    // ONE ends at 120 (cost 80); SPLIT 60 / 100 (cost 120); FAR: j4 alone 90, j1 j2 j3 90 (cost 140).
    const far = plan({ a: ['j4'], b: ['j1', 'j2', 'j3'] });
    const all = { ONE, SPLIT, far };
    const pick = (objective: Objective) => {
      const p = problem(objective, 10);
      let winner: keyof typeof all = 'ONE';
      for (const k of Object.keys(all) as (keyof typeof all)[]) if (compareObjective(summaryOf(p, all[k]), summaryOf(p, all[winner])) < 0) winner = k;
      return winner;
    };
    expect(summaryOf(problem('makespan', 10), far).objective.score).toEqual([90, 140]);
    expect(pick('cost')).toBe('ONE');
    expect(pick('makespan')).toBe('far');
    expect(pick({ type: 'balance', measure: 'stops', weight: 50 })).toBe('SPLIT'); // 80 + 100, 120 + 0, 140 + 50
  });
  it('makespan ties on the last arrival fall back to cost', () => {
    const p = problem('makespan');
    const a = summaryOf(p, plan({ a: ['j1'], b: ['j2', 'j3', 'j4'] })); // ends 20 and 80, cost 100
    const b = summaryOf(p, plan({ a: ['j1', 'j2', 'j3'], b: ['j4'] })); // ends 60 and 80, cost 140
    expect([a.makespan, b.makespan]).toEqual([80, 80]);
    expect(compareObjective(a, b)).toBeLessThan(0);
  });
  it('priority and served tasks still come first under every objective', () => {
    for (const o of ['cost', 'fewest-vehicles', 'balance', 'makespan'] as const) {
      const p = problem(o);
      const all = summaryOf(p, SPLIT);
      const part = summaryOf(p, { ...plan({ a: ['j1'] }), unassigned: ['j2', 'j3', 'j4'].map((id) => ({ id, reason: 'capacity' })) });
      expect(compareObjective(all, part)).toBeLessThan(0);
    }
  });
});

describe('objective helpers', () => {
  it('spreadOf is the population standard deviation; resolveObjective fills the defaults', () => {
    expect(spreadOf([])).toBe(0);
    expect(spreadOf([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(resolveObjective(undefined)).toEqual({ type: 'cost', measure: 'duration', weight: 1 });
    expect(resolveObjective({ type: 'balance', measure: 'stops' })).toEqual({ type: 'balance', measure: 'stops', weight: 1 });
    expect(objectiveScore(resolveObjective({ type: 'balance', weight: 0 }), { cost: 5, routes: 1, makespan: 0, measure: [Infinity, 0] }).score).toEqual([5]);
  });
  it('withObjective: a bare name replaces the problem objective, or keeps the settings of the same type', () => {
    const p = problem({ type: 'balance', measure: 'stops', weight: 4 });
    expect(withObjective(p, undefined)).toBe(p);
    expect(withObjective(p, 'balance')).toBe(p);
    expect(withObjective(p, 'makespan').objective).toBe('makespan');
    expect(withObjective(p, { type: 'balance' }).objective).toEqual({ type: 'balance' });
    expect(p.objective).toEqual({ type: 'balance', measure: 'stops', weight: 4 });
  });
  it('solutionObjective agrees with the checker on a full solution', () => {
    for (const o of ['cost', 'fewest-vehicles', 'balance', 'makespan', { type: 'balance', measure: 'stops' }] as Objective[]) {
      const p = problem(o);
      const rep = checkSolution(p, EVEN);
      // A Solution built from the checker's own routes.
      const solution = { routes: rep.routes.map((r) => ({ ...r, vehicle: p.vehicles[r.vehicleIndex].id })), unassigned: [], summary: rep.summary } as unknown as Solution;
      expect(solutionObjective(p, solution).objective.score).toEqual(rep.summary.objective.score);
    }
  });
});
