/**
 * The checker's former blind spots (issue 11, point 5): claims that are not
 * numbers, step locations, step order, unassigned reasons, and the summary
 * claims the route loop did not compare. Each plan below would have passed as
 * feasible before.
 */
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import { formatSolutionJson, readPlan } from '../../src/io/solution.js';
import { solve } from '../../src/solver/index.js';
import type { Problem, RoutePlan, Solution } from '../../src/model/types.js';

// Locations on a line at x = 0, 10, 20: every arc 10 × |i − j|.
const problem: Problem = {
  jobs: [
    { id: 'A', location: 1, delivery: [1] },
    { id: 'B', location: 2, delivery: [2] },
  ],
  vehicles: [{ id: 'v', start: 0, end: 0, capacity: [5] }],
  travel: { type: 'euclidean', coordinates: [[0, 0], [10, 0], [20, 0]] },
};

/** The plan the solver would write, with every number stated (a feasible baseline). */
function fullPlan(): Solution {
  const report = checkSolution(problem, { routes: [{ vehicle: 'v', steps: [{ type: 'start' }, { type: 'job', id: 'A' }, { type: 'job', id: 'B' }, { type: 'end' }] }] });
  const r = report.routes[0];
  const steps = r.steps.map(({ lateness: _l, ...s }) => ({ ...s }));
  steps[0].location = 0;
  steps[3].location = 0;
  return {
    summary: { cost: r.cost, routes: 1, unassigned: 0, distance: r.distance, duration: r.duration, waiting: 0, service: 0, delivery: [3], pickup: [0] },
    routes: [{ vehicle: 'v', steps, cost: r.cost, distance: r.distance, duration: r.duration, waiting: r.waiting, service: r.service, delivery: r.delivery, pickup: r.pickup }],
    unassigned: [],
  };
}

const codes = (plan: unknown) => checkSolution(problem, plan as RoutePlan).violations.map((v) => v.code);
const mutated = (f: (p: any) => void) => {
  const p: any = structuredClone(fullPlan());
  f(p);
  return p;
};

describe('checkSolution: claims that are not numbers', () => {
  it('the baseline with every number stated is feasible', () => {
    expect(checkSolution(problem, fullPlan()).violations).toEqual([]);
  });

  it.each([
    ['a string cost', (p: any) => (p.summary.cost = 'cheap'), '/summary/cost'],
    ['a null route cost', (p: any) => (p.routes[0].cost = null), '/routes/0/cost'],
    ['a boolean arrival', (p: any) => (p.routes[0].steps[1].arrival = true), '/routes/0/steps/1/arrival'],
    ['an object distance', (p: any) => (p.routes[0].distance = { km: 4 }), '/routes/0/distance'],
    ['a string load entry', (p: any) => (p.routes[0].steps[1].load = ['2']), '/routes/0/steps/1/load/0'],
    ['a load that is not an array', (p: any) => (p.routes[0].steps[1].load = 2), '/routes/0/steps/1/load'],
    ['a summary delivery that is a string', (p: any) => (p.summary.delivery = 'three'), '/summary/delivery'],
    ['a summary that is not an object', (p: any) => (p.summary = 'fine'), '/summary'],
    ['a wrong summary waiting', (p: any) => (p.summary.waiting = 5), '/summary/waiting'],
    ['a wrong summary pickup', (p: any) => (p.summary.pickup = [1]), '/summary/pickup/0'],
    ['a string departure of the start', (p: any) => (p.routes[0].steps[0].departure = '0'), '/routes/0/steps/0/departure'],
  ])('%s is a claim-mismatch at its pointer', (_name, change, ptr) => {
    const report = checkSolution(problem, mutated(change) as RoutePlan);
    expect(report.feasible).toBe(false);
    expect(report.violations).toContainEqual(expect.objectContaining({ code: 'claim-mismatch', pointer: ptr }));
  });

  it('"Infinity" is how an infinite number is written, and reads back as one', () => {
    // B is unreachable from A (and back): the route's numbers are infinite.
    const open: Problem = { ...problem, travel: { type: 'matrix', size: 3, durations: [0, 10, 20, 10, 0, Infinity, 20, Infinity, 0] } };
    const plan = { routes: [{ vehicle: 'v', steps: [{ type: 'start' }, { type: 'job', id: 'A' }, { type: 'job', id: 'B' }, { type: 'end' }] }] };
    const report = checkSolution(open, plan as RoutePlan);
    expect(report.summary.cost).toBe(Infinity);
    expect(report.violations.map((v) => v.code)).toEqual(['unreachable']);
    const stated = { ...plan, summary: { cost: 'Infinity', distance: 'Infinity' } };
    expect(checkSolution(open, stated as unknown as RoutePlan).violations.map((v) => v.code)).toEqual(['unreachable']);
    const wrong = { ...plan, summary: { cost: null } };
    expect(checkSolution(open, wrong as unknown as RoutePlan).violations.map((v) => v.code)).toContain('claim-mismatch');
  });

  it('a solver solution written as JSON and read back still has no violation (summary claims agree)', async () => {
    const p: Problem = {
      jobs: Array.from({ length: 12 }, (_, i) => ({ id: i, location: [((i * 37) % 50) - 25, ((i * 53) % 40) - 20] as [number, number], delivery: [1 + (i % 3)], pickup: [i % 2], serviceDuration: 3, timeWindows: [[0, 400]] as [number, number][] })),
      vehicles: [{ id: 'a', start: [0, 0], end: [0, 0], capacity: [8] }, { id: 'b', start: [0, 0], capacity: [8] }],
      travel: { type: 'euclidean' },
    };
    const solution = await solve(p, { maxIterations: 30, seed: 3 });
    const report = checkSolution(p, readPlan(formatSolutionJson(solution)));
    expect(report.violations).toEqual([]);
  });
});

describe('checkSolution: locations and step order', () => {
  it('a job step whose location is not its job’s is a claim-mismatch', () => {
    const p = mutated((x) => (x.routes[0].steps[1].location = 2));
    const v = checkSolution(problem, p).violations;
    expect(v).toEqual([expect.objectContaining({ code: 'claim-mismatch', pointer: '/routes/0/steps/1/location', job: 'A' })]);
    expect(codes(mutated((x) => (x.routes[0].steps[1].location = [10, 0])))).toEqual(['claim-mismatch']);
    expect(codes(mutated((x) => (x.routes[0].steps[1].location = 'depot')))).toEqual(['claim-mismatch']);
  });

  it('a start or end location that is not the vehicle’s is a claim-mismatch; an open route’s is its first / last job’s', () => {
    expect(codes(mutated((x) => (x.routes[0].steps[0].location = 1)))).toEqual(['claim-mismatch']);
    expect(codes(mutated((x) => (x.routes[0].steps[3].location = 2)))).toEqual(['claim-mismatch']);
    const open: Problem = { ...problem, vehicles: [{ id: 'v', capacity: [5] }] };
    const route = (start: number, end: number) => ({
      routes: [{ vehicle: 'v', steps: [{ type: 'start', location: start }, { type: 'job', id: 'A' }, { type: 'job', id: 'B' }, { type: 'end', location: end }] }],
    });
    expect(checkSolution(open, route(1, 2) as RoutePlan).violations).toEqual([]);
    expect(checkSolution(open, route(0, 2) as RoutePlan).violations.map((v) => v.pointer)).toEqual(['/routes/0/steps/0/location']);
  });

  it('an end before the jobs, two starts, two ends or a start after a job are step-order violations', () => {
    const steps = (...types: string[]) => ({
      routes: [{ vehicle: 'v', steps: types.map((t) => (t === 'A' || t === 'B' ? { type: 'job', id: t } : { type: t })) }],
    });
    const at = (plan: unknown) => checkSolution(problem, plan as RoutePlan).violations.filter((v) => v.code === 'step-order').map((v) => v.pointer);
    expect(at(steps('start', 'A', 'B', 'end'))).toEqual([]);
    expect(at(steps('A', 'B'))).toEqual([]); // start and end steps are optional
    expect(at(steps('start', 'end', 'A', 'B'))).toEqual(['/routes/0/steps/1/type']);
    expect(at(steps('start', 'start', 'A', 'B', 'end'))).toEqual(['/routes/0/steps/1/type']);
    expect(at(steps('start', 'A', 'B', 'end', 'end'))).toEqual(['/routes/0/steps/3/type', '/routes/0/steps/4/type']);
    expect(at(steps('A', 'start', 'B', 'end'))).toEqual(['/routes/0/steps/1/type']);
    expect(checkSolution(problem, steps('start', 'start', 'A', 'B', 'end') as RoutePlan).feasible).toBe(false);
  });
});

describe('checkSolution: unassigned reasons', () => {
  const unassigned = (reason: unknown) => ({
    routes: [{ vehicle: 'v', steps: [{ type: 'job', id: 'A' }] }],
    unassigned: [{ id: 'B', reason }],
  });

  it('a documented reason passes; any other string is unknown-reason; none is missing-reason', () => {
    expect(codes(unassigned('capacity'))).toEqual([]);
    expect(codes(unassigned('fleet-exhausted'))).toEqual([]);
    const bad = checkSolution(problem, unassigned('the driver was tired') as RoutePlan);
    expect(bad.feasible).toBe(false);
    expect(bad.violations).toEqual([expect.objectContaining({ code: 'unknown-reason', job: 'B', pointer: '/unassigned/0/reason' })]);
    expect(codes(unassigned('Capacity'))).toEqual(['unknown-reason']);
    expect(codes(unassigned('toString'))).toEqual(['unknown-reason']);
    expect(codes(unassigned(undefined))).toEqual(['missing-reason']);
    expect(codes(unassigned(''))).toEqual(['missing-reason']);
  });
});
