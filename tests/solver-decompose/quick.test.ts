/**
 * The quick zone plan (decompose/quick.ts) that a short time limit takes instead
 * of sub-solves, and the budgeted zoning (zones.ts `zoneJobsSteps` with `stop`):
 * plans stay feasible under the independent checker and nothing is lost.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { runSteps } from '../../src/core/pacer.js';
import { checkSolution } from '../../src/model/check.js';
import type { Problem, Solution } from '../../src/model/types.js';
import { resolveTravel } from '../../src/model/travel.js';
import { solveByZones } from '../../src/solver/decompose/index.js';
import { quickPlanExpected, solve } from '../../src/solver/index.js';
import { ZonePlan } from '../../src/solver/decompose/plan.js';
import { quickZoneSteps } from '../../src/solver/decompose/quick.js';
import { zoneJobs, zoneJobsSteps } from '../../src/solver/decompose/zones.js';
import { makeInstance } from './instance.js';

/** Feasible under the checker; every job routed or unassigned with a reason, exactly once. */
function expectWhole(problem: Problem, solution: Solution): void {
  const report = checkSolution(problem, solution);
  expect(report.violations.slice(0, 5)).toEqual([]);
  expect(report.feasible).toBe(true);
  const seen = new Set<string>();
  for (const r of solution.routes) for (const s of r.steps) if (s.type === 'job') seen.add(String(s.id));
  for (const u of solution.unassigned) {
    expect(u.reason).toBeTruthy();
    expect(seen.has(String(u.id))).toBe(false);
    seen.add(String(u.id));
  }
  expect(seen.size).toBe(problem.jobs.length);
}

describe('quick zone plan', () => {
  it('routes a zone with every route feasible on the whole problem, each job once, the rest reported', () => {
    const problem = makeInstance({ jobs: 300, seed: 4 });
    const travel = resolveTravel(problem);
    const plan = new ZonePlan(problem, travel, 1);
    const jobs = Array.from({ length: 300 }, (_, j) => j);
    const vehicles = Array.from({ length: problem.vehicles.length }, (_, k) => k);
    const { left, unused } = runSteps(quickZoneSteps(plan, jobs, vehicles));
    const routed = [...plan.routes.values()].flat();
    expect(new Set(routed).size).toBe(routed.length);
    expect(routed.length + left.length).toBe(300);
    for (const [k, route] of plan.routes) expect(plan.simulate(k, route).violations).toBe(0);
    expect(unused.length + plan.routes.size).toBe(vehicles.length);
    // with vehicles to spare every job fits somewhere
    expect(left).toEqual([]);
  });

  it('plans the same when it stops scanning early as when it scores every job at every stop', () => {
    for (const seed of [11, 12, 13]) {
      const problem = makeInstance({ jobs: 400, seed, vehicles: 150 });
      // jobs without a window and with several are always scored; the early stop reads the one-window jobs by their end
      problem.jobs.forEach((j, i) => {
        if (i % 5 === 0) j.timeWindows = [[0, 250], [400, 1000]];
        if (i % 7 === 0) delete j.timeWindows;
      });
      const plans = (['early-stop', 'every-job'] as const).map((scan) => {
        const plan = new ZonePlan(problem, resolveTravel(problem), 1);
        const jobs = Array.from({ length: problem.jobs.length }, (_, j) => j);
        const result = runSteps(quickZoneSteps(plan, jobs, Array.from({ length: problem.vehicles.length }, (_, k) => k), scan));
        return { routes: [...plan.routes], result };
      });
      expect(plans[0].routes.length).toBeGreaterThan(10);
      expect(plans[0]).toEqual(plans[1]);
    }
  });

  it('plans the same with equal window ends and windows opening far ahead (the score bound and the end order)', () => {
    for (const seed of [21, 22]) {
      const problem = makeInstance({ jobs: 300, seed, vehicles: 120 });
      // ends on a coarse grid (many ties, -0 among them), starts from "now" to long after: the bound then skips jobs
      problem.jobs.forEach((j, i) => {
        const end = i % 9 === 0 ? (i % 2 ? 600 : -0) : 100 * Math.floor((i * 37) % 11);
        j.timeWindows = [[i % 3 === 0 ? end - 400 : end - 20 * (i % 4), end]];
        if (i % 13 === 0) j.timeWindows = [[-0, -0 + 1000]];
      });
      const plans = (['early-stop', 'every-job'] as const).map((scan) => {
        const plan = new ZonePlan(problem, resolveTravel(problem), 1);
        const jobs = Array.from({ length: problem.jobs.length }, (_, j) => j);
        const result = runSteps(quickZoneSteps(plan, jobs, Array.from({ length: problem.vehicles.length }, (_, k) => k), scan));
        return { routes: [...plan.routes], result };
      });
      expect(plans[0].routes.length).toBeGreaterThan(5);
      expect(plans[0]).toEqual(plans[1]);
    }
  });

  it('leaves jobs out (never in a broken route) when the fleet is too small', () => {
    const problem = makeInstance({ jobs: 200, seed: 5, vehicles: 3 });
    const plan = new ZonePlan(problem, resolveTravel(problem), 1);
    const { left } = runSteps(quickZoneSteps(plan, Array.from({ length: 200 }, (_, j) => j), [0, 1, 2]));
    expect(left.length).toBeGreaterThan(0);
    for (const [k, route] of plan.routes) expect(plan.simulate(k, route).violations).toBe(0);
    expect([...plan.routes.values()].flat().length + left.length).toBe(200);
  });

  it('is what solveByZones takes under a very short time limit: a feasible plan, nothing lost, quickly', async () => {
    const problem = makeInstance({ jobs: 1200, seed: 6 });
    const t0 = performance.now();
    const s = await solveByZones(problem, { timeLimitMs: 1, zoneSize: 200, seed: 1 });
    expect(performance.now() - t0).toBeLessThan(60_000); // hang guard only
    expect(s.stats?.quickZones).toBeGreaterThan(0);
    expect(s.status).toBe('time-limit');
    expectWhole(problem, s);
    expect(s.unassigned).toEqual([]);
  });

  it('reports a job no vehicle can serve with its true reason on the quick path', async () => {
    const problem = makeInstance({ jobs: 600, seed: 7 });
    problem.jobs[10] = { ...problem.jobs[10], delivery: [11] }; // above every vehicle's capacity of 10
    const s = await solveByZones(problem, { timeLimitMs: 1, zoneSize: 150, seed: 1 });
    expect(s.stats?.quickZones).toBeGreaterThan(0);
    expectWhole(problem, s);
    expect(s.unassigned.map((u) => [u.id, u.reason])).toEqual([[problem.jobs[10].id, 'capacity']]);
  });
});

describe('solve under a limit too short for the search set-up', () => {
  it('takes the quick plan for 500+ jobs: feasible, nothing lost; never with iterations alone', async () => {
    const problem = makeInstance({ jobs: 600, seed: 9 });
    const quick = await solve(problem, { timeLimitMs: 20, seed: 1 });
    expect(quick.stats?.quickZones).toBeGreaterThan(0);
    expectWhole(problem, quick);
    const searched = await solve(problem, { maxIterations: 5, seed: 1 });
    expect(searched.stats?.quickZones).toBeUndefined();
    expect(searched.stats?.zones).toBeUndefined();
    expectWhole(problem, searched);
  });
});

describe('quickPlanExpected (the CLI then keeps one thread)', () => {
  it('says whether the limit leaves only the quick plan, whole or zone by zone', () => {
    const whole = makeInstance({ jobs: 600, seed: 9 });
    expect(quickPlanExpected(whole, { timeLimitMs: 20 })).toBe(true);
    expect(quickPlanExpected(whole, { timeLimitMs: 60_000 })).toBe(false);
    expect(quickPlanExpected(whole, { maxIterations: 10 })).toBe(false);
    const zoned = makeInstance({ jobs: 2000, seed: 9 });
    expect(quickPlanExpected(zoned, { timeLimitMs: 1000 })).toBe(true);
    expect(quickPlanExpected(zoned, { timeLimitMs: 10_000 })).toBe(false);
  });
});

describe('budgeted zoning', () => {
  it('without a stop gives the zones of zoneJobs; stopped at once still gives valid zones of every job', () => {
    const problem = makeInstance({ jobs: 900, seed: 8 });
    const travel = resolveTravel(problem);
    const full = zoneJobs(travel, 900, 150, 'kmeans', new Rng(3));
    const stepped = runSteps(zoneJobsSteps(travel, 900, 150, 'kmeans', new Rng(3)));
    expect(Array.from(stepped.zoneOf)).toEqual(Array.from(full.zoneOf));
    const cut = runSteps(zoneJobsSteps(travel, 900, 150, 'kmeans', new Rng(3), () => true));
    expect(cut.members.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 900 }, (_, j) => j));
    for (const m of cut.members) expect(m.length).toBeGreaterThan(0);
    // the size limit of the capacitated zoning (1.2 × n / k) holds on the cut-short zones too
    for (const m of cut.members) expect(m.length).toBeLessThanOrEqual(Math.ceil((1.2 * 900) / full.k));
  });
});
