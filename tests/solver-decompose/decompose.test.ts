import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import type { Problem, RoutePlan, Solution } from '../../src/model/types.js';
import { solveByZones, shouldDecompose, DECOMPOSE_THRESHOLD, type DecomposeOptions } from '../../src/solver/decompose/index.js';
import { makeInstance } from './instance.js';

/** Small HGS populations and a fixed iteration count per sub-solve: fast and deterministic. */
const FAST: DecomposeOptions = { maxIterations: 10, populationSize: 2, generationSize: 4, zoneSize: 150 };

/** Everything the decomposition promises, checked by the independent checker. */
function expectValid(problem: Problem, solution: Solution): void {
  const report = checkSolution(problem, solution);
  expect(report.violations.slice(0, 5)).toEqual([]);
  expect(report.feasible).toBe(true);
  // every job routed or reported, exactly once
  expect(report.summary.assigned + report.summary.unassigned).toBe(problem.jobs.length);
  const seen = new Set<string>();
  for (const r of solution.routes) for (const s of r.steps) if (s.type === 'job') seen.add(String(s.id));
  for (const u of solution.unassigned) {
    expect(u.reason).toBeTruthy();
    expect(seen.has(String(u.id))).toBe(false);
    seen.add(String(u.id));
  }
  expect(seen.size).toBe(problem.jobs.length);
  // fleet limit: at most one route per vehicle
  const vehicles = solution.routes.map((r) => String(r.vehicle));
  expect(new Set(vehicles).size).toBe(vehicles.length);
  expect(solution.routes.length).toBeLessThanOrEqual(problem.vehicles.length);
  // the summary is the sum of the routes
  expect(solution.summary.routes).toBe(solution.routes.length);
  expect(solution.summary.distance).toBeCloseTo(report.summary.distance, 6);
}

/** A solution as a plain route plan (vehicle + job ids), the shape `initialSolution` takes. */
const toPlan = (s: Solution): RoutePlan => ({
  routes: s.routes.map((r) => ({ vehicle: r.vehicle, steps: r.steps.map((x) => ({ type: x.type, ...(x.id !== undefined ? { id: x.id } : {}) })) })),
});

const routesOf = (s: Solution) => s.routes.map((r) => [r.vehicle, ...r.steps.filter((x) => x.type === 'job').map((x) => x.id)]);

describe('solveByZones on a 600-job instance with 150-job zones', () => {
  const problem = makeInstance({ jobs: 600, seed: 7 });

  it('returns a feasible plan with every job routed, within the fleet, and is deterministic', async () => {
    const a = await solveByZones(problem, { ...FAST, seed: 3, improvementRounds: 4 });
    expectValid(problem, a);
    expect(a.unassigned).toEqual([]);
    expect(a.stats!.zones).toBe(4);
    expect(a.stats!.subSolves).toBe(8);
    const b = await solveByZones(problem, { ...FAST, seed: 3, improvementRounds: 4 });
    expect(routesOf(b)).toEqual(routesOf(a));
    expect(b.summary.cost).toBe(a.summary.cost);
  });

  it('border improvement never makes a fully routed plan worse', async () => {
    const small = makeInstance({ jobs: 300, seed: 8 });
    const zonesOnly = await solveByZones(small, { ...FAST, zoneSize: 60, seed: 5, zoning: 'sweep', improvementRounds: 0 });
    expect(zonesOnly.unassigned).toEqual([]);
    const improved = await solveByZones(small, { ...FAST, zoneSize: 60, seed: 5, zoning: 'sweep', improvementRounds: 4 });
    expectValid(small, improved);
    expect(improved.unassigned).toEqual([]);
    expect(improved.summary.cost).toBeLessThanOrEqual(zonesOnly.summary.cost + 1e-6);
    expect(improved.stats!.improvements).toBeGreaterThan(0);
    expect(improved.summary.cost).toBeLessThan(zonesOnly.summary.cost);
  });
});

describe('solveByZones from a warm start', () => {
  it('keeps the feasible routes it is given and only improves them', async () => {
    const problem = makeInstance({ jobs: 240, seed: 21 });
    const first = await solveByZones(problem, { ...FAST, zoneSize: 60, seed: 1, improvementRounds: 0 });
    expect(first.unassigned).toEqual([]);
    const warm = await solveByZones(problem, { ...FAST, zoneSize: 60, seed: 2, improvementRounds: 3, initialSolution: toPlan(first) });
    expectValid(problem, warm);
    expect(warm.unassigned).toEqual([]);
    expect(warm.summary.cost).toBeLessThanOrEqual(first.summary.cost + 1e-6);
    expect(warm.stats!.subSolves).toBe(3);
  });

  it('re-homes the jobs of a route that is infeasible in the warm start', async () => {
    const problem = makeInstance({ jobs: 120, seed: 22 });
    const first = await solveByZones(problem, { ...FAST, zoneSize: 60, seed: 1, improvementRounds: 0 });
    const plan = toPlan(first);
    // merge two routes into one: over capacity (and late), so it is dropped
    const [r0, r1] = plan.routes;
    r0.steps = [...r0.steps.slice(0, -1), ...r1.steps.slice(1)];
    plan.routes.splice(1, 1);
    expect(checkSolution(problem, plan).violations.some((v) => v.code === 'capacity')).toBe(true);
    const warm = await solveByZones(problem, { ...FAST, zoneSize: 60, seed: 2, improvementRounds: 0, initialSolution: plan });
    expectValid(problem, warm);
    expect(warm.unassigned).toEqual([]);
    expect(warm.stats!.subSolves).toBe(0);
  });
});

describe('solveByZones under a tight fleet', () => {
  it('never uses more routes than vehicles and reports every job it cannot route', async () => {
    // 200 jobs, mean demand 2.5, capacity 10: at least 50 routes are needed; give 40.
    const problem = makeInstance({ jobs: 200, seed: 11, vehicles: 40 });
    const s = await solveByZones(problem, { ...FAST, zoneSize: 70, seed: 1, improvementRounds: 2 });
    expectValid(problem, s);
    expect(s.routes.length).toBeLessThanOrEqual(40);
    expect(s.unassigned.length).toBeGreaterThan(0);
    for (const u of s.unassigned) expect(u.reason).toBe('fleet-exhausted');
  });

  it('reports a job no vehicle can carry with the reason solve gives', async () => {
    const problem = makeInstance({ jobs: 120, seed: 2 });
    problem.jobs[17] = { ...problem.jobs[17], delivery: [11] };
    const s = await solveByZones(problem, { ...FAST, zoneSize: 40, seed: 1, improvementRounds: 1 });
    expectValid(problem, s);
    expect(s.unassigned).toEqual([expect.objectContaining({ id: problem.jobs[17].id, reason: 'capacity' })]);
  });
});

describe('solveByZones without coordinates', () => {
  it('cuts zones with medoids on the travel matrix and routes every job', async () => {
    const problem = makeInstance({ jobs: 150, seed: 4, travel: 'matrix' });
    const s = await solveByZones(problem, { ...FAST, zoneSize: 50, seed: 2, improvementRounds: 2 });
    expectValid(problem, s);
    expect(s.unassigned).toEqual([]);
    expect(s.stats!.zones).toBe(3);
  });
});

describe('solveByZones control', () => {
  it('an aborted signal still yields a valid plan with every job routed or reported', async () => {
    const problem = makeInstance({ jobs: 200, seed: 9 });
    const controller = new AbortController();
    controller.abort();
    const s = await solveByZones(problem, { ...FAST, zoneSize: 50, signal: controller.signal });
    expectValid(problem, s);
    expect(s.status).toBe('aborted');
  });

  it('honours a time limit', async () => {
    const problem = makeInstance({ jobs: 300, seed: 12 });
    const t0 = performance.now();
    const s = await solveByZones(problem, { zoneSize: 100, timeLimitMs: 1500, populationSize: 5, generationSize: 5, seed: 1 });
    const ms = performance.now() - t0;
    expectValid(problem, s);
    expect(s.status).toBe('time-limit');
    expect(ms).toBeLessThan(4000);
  });
});

describe('shouldDecompose', () => {
  const sized = (n: number): Problem => ({ jobs: Array.from({ length: n }, (_, i) => ({ id: i, location: 0 })), vehicles: [], travel: { type: 'euclidean', coordinates: [[0, 0]] } });
  it('decomposes above the threshold only, unless forced', () => {
    expect(DECOMPOSE_THRESHOLD).toBe(1500);
    expect(shouldDecompose(sized(1500))).toBe(false);
    expect(shouldDecompose(sized(1501))).toBe(true);
    expect(shouldDecompose(sized(10), { decomposeThreshold: 9 })).toBe(true);
    expect(shouldDecompose(sized(10), { decompose: 'always' })).toBe(true);
    expect(shouldDecompose(sized(5000), { decompose: 'never' })).toBe(false);
  });
});
