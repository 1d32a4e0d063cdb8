/**
 * The default engine: the genetic search only for plain capacitated problems
 * up to 450 jobs with 70 ms per job of time limit (or none), the iterated
 * local search for everything else; both answers checked.
 */
import { describe, expect, it } from 'vitest';
import { checkSolution, solve, type SolveOptions } from '../../src/index.js';
import type { Problem } from '../../src/model/types.js';
import { defaultEngine, HGS_MAX_JOBS, HGS_MS_PER_JOB, UNIFORM_HGS_MAX_JOBS, UNIFORM_HGS_MS_PER_JOB, uniformAmounts } from '../../src/solver/engine-choice.js';

function cvrp(n: number, amount?: (i: number) => number): Problem {
  const jobs = Array.from({ length: n }, (_, i) => ({ id: `j${i}`, location: [Math.round(50 + 40 * Math.cos(i * 2.1)), Math.round(50 + 40 * Math.sin(i * 1.3))] as [number, number], delivery: [amount ? amount(i) : 1 + (i % 3)] }));
  const vehicles = Array.from({ length: 6 }, (_, k) => ({ id: `v${k}`, start: [50, 50] as [number, number], end: [50, 50] as [number, number], capacity: [15] }));
  return { jobs, vehicles, travel: { type: 'euclidean' } };
}

/** Solves with the default engine and with each engine forced; every plan checked feasible. Returns the routes as JSON. */
async function byEngine(p: Problem, options: SolveOptions): Promise<{ auto: string; ils: string; hgs: string }> {
  const out = { auto: '', ils: '', hgs: '' };
  for (const k of ['auto', 'ils', 'hgs'] as const) {
    const s = await solve(p, k === 'auto' ? options : { ...options, algorithm: k });
    expect(checkSolution(p, s).feasible).toBe(true);
    out[k] = JSON.stringify(s.routes);
  }
  return out;
}

describe('defaultEngine', () => {
  it('picks the genetic search for a plain capacitated problem up to the size limit, the ILS above', () => {
    expect(defaultEngine(cvrp(30))).toBe('hgs');
    expect(defaultEngine(cvrp(HGS_MAX_JOBS + 1))).toBe('ils');
  });

  it('picks the ILS as soon as any other feature appears', () => {
    const variants: ((p: Problem) => void)[] = [
      (p) => (p.jobs[0].timeWindows = [[0, 100]]),
      (p) => (p.jobs[0].skills = ['x']),
      (p) => (p.jobs[0].priority = 5),
      (p) => (p.jobs[0].releaseTime = 3),
      (p) => (p.vehicles[0].breaks = [{ id: 'b', duration: 5, timeWindows: [[0, 100]] }]),
      (p) => (p.vehicles[0].maxTasks = 4),
      (p) => (p.vehicles[0].costs = { perTravelTime: 1 }),
      (p) => (p.objective = 'fewest-vehicles'),
      (p) => (p.shipments = [{ id: 's', pickup: { location: [1, 1] }, delivery: { location: [2, 2] } }]),
    ];
    for (const change of variants) {
      const p = cvrp(30);
      change(p);
      expect(defaultEngine(p)).toBe('ils');
    }
    const withCostObjective = cvrp(30);
    withCostObjective.objective = 'cost';
    expect(defaultEngine(withCostObjective)).toBe('hgs');
  });

  it('above the size limit, picks the genetic search only for uniform amounts with enough time per job', () => {
    const n = HGS_MAX_JOBS + 50;
    const uniform = cvrp(n, () => 1);
    const enough = UNIFORM_HGS_MS_PER_JOB * n;
    expect(uniformAmounts(uniform)).toBe(true);
    expect(defaultEngine(uniform, enough)).toBe('hgs');
    expect(defaultEngine(uniform, enough - 1)).toBe('ils');
    expect(defaultEngine(uniform)).toBe('ils');
    expect(defaultEngine(uniform, Infinity)).toBe('ils');
    // varied amounts: the ILS whatever the time
    expect(uniformAmounts(cvrp(n))).toBe(false);
    expect(defaultEngine(cvrp(n), 100 * enough)).toBe('ils');
    // a pickup on one job breaks uniformity
    const withPickup = cvrp(n, () => 1);
    withPickup.jobs[7].pickup = [1];
    expect(defaultEngine(withPickup, enough)).toBe('ils');
    // beyond the direct solve's range, and with any feature the genetic search lacks
    const big = UNIFORM_HGS_MAX_JOBS + 1;
    expect(defaultEngine(cvrp(big, () => 2), UNIFORM_HGS_MS_PER_JOB * big)).toBe('ils');
    const windows = cvrp(n, () => 1);
    windows.jobs[0].timeWindows = [[0, 100]];
    expect(defaultEngine(windows, enough)).toBe('ils');
  });

  it('up to the size limit, picks the genetic search from 70 ms per job of a finite limit or without one, the ILS below', () => {
    for (const n of [30, HGS_MAX_JOBS]) {
      const p = cvrp(n);
      expect(defaultEngine(p, HGS_MS_PER_JOB * n)).toBe('hgs');
      expect(defaultEngine(p, HGS_MS_PER_JOB * n - 1)).toBe('ils');
      expect(defaultEngine(p, 1)).toBe('ils');
      expect(defaultEngine(p, Infinity)).toBe('hgs');
      expect(defaultEngine(p)).toBe('hgs');
    }
    // uniform amounts change nothing up to the size limit
    expect(defaultEngine(cvrp(30, () => 1), HGS_MS_PER_JOB * 30 - 1)).toBe('ils');
  });

  it('solve() decides with the limit in force: a short limit gets the ILS, an iteration budget alone the genetic search, checked', async () => {
    const p = cvrp(30);
    const short = await byEngine(p, { seed: 4, maxIterations: 20, timeLimitMs: HGS_MS_PER_JOB * 30 - 1 });
    expect(short.auto).toBe(short.ils);
    expect(short.auto).not.toBe(short.hgs);
    const long = { seed: 4, maxIterations: 20, timeLimitMs: HGS_MS_PER_JOB * 30 };
    expect(JSON.stringify((await solve(p, long)).routes)).toBe(JSON.stringify((await solve(p, { ...long, algorithm: 'hgs' })).routes));
  }, 60_000);

  it('solve() passes its time limit to the choice: a uniform-amount problem above the limit gets the genetic search, checked', async () => {
    const n = HGS_MAX_JOBS + 10;
    const p = cvrp(n, () => 1);
    p.vehicles = Array.from({ length: 60 }, (_, k) => ({ id: `v${k}`, start: [50, 50] as [number, number], end: [50, 50] as [number, number], capacity: [10] }));
    const plans = await byEngine(p, { seed: 3, maxIterations: 2, timeLimitMs: UNIFORM_HGS_MS_PER_JOB * n });
    expect(plans.auto).toBe(plans.hgs);
    expect(plans.auto).not.toBe(plans.ils);
  }, 60_000);

  it('solves a plain problem with the default engine: feasible by the checker, the same answer as algorithm hgs', async () => {
    const p = cvrp(30);
    const auto = await solve(p, { seed: 2, maxIterations: 60 });
    const hgs = await solve(p, { seed: 2, maxIterations: 60, algorithm: 'hgs' });
    expect(checkSolution(p, auto).feasible).toBe(true);
    expect(JSON.stringify(auto.routes)).toBe(JSON.stringify(hgs.routes));
  });
});
