/**
 * Border neighbourhoods re-solved side by side (`solveBatch`,
 * `borderParallelism`): the neighbourhoods of one batch share no route, job or
 * vehicle, every result is checked, and the answer is reproducible.
 */
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import type { Problem, Solution } from '../../src/model/types.js';
import { solve, type SolveOptions } from '../../src/solver/index.js';
import { solveByZones, type DecomposeOptions } from '../../src/solver/decompose/index.js';
import { makeInstance } from './instance.js';

const FAST: DecomposeOptions = { maxIterations: 10, populationSize: 2, generationSize: 4, zoneSize: 60, zoning: 'sweep' };
const routesOf = (s: Solution) => s.routes.map((r) => [r.vehicle, ...r.steps.filter((x) => x.type === 'job').map((x) => x.id)]);

/** A batch runner that solves in turn here and records what each batch held. */
function recorder() {
  const batches: { problem: Problem; options: SolveOptions }[][] = [];
  const solveBatch = async (calls: { problem: Problem; options: SolveOptions }[]) => {
    batches.push(calls);
    const out: Solution[] = [];
    for (const c of calls) out.push(await solve(c.problem, c.options));
    return out;
  };
  return { batches, solveBatch };
}

describe('border neighbourhoods in batches', () => {
  const problem = makeInstance({ jobs: 300, seed: 8 });

  it('batches of two share no vehicle and no job, and the plan is checked and reproducible', async () => {
    const a = recorder();
    const one = await solveByZones(problem, { ...FAST, seed: 5, improvementRounds: 6, borderParallelism: 2, solveBatch: a.solveBatch });
    const report = checkSolution(problem, one);
    expect(report.violations).toEqual([]);
    expect(one.unassigned).toEqual([]);
    expect(a.batches.length).toBeGreaterThan(0);
    expect(a.batches.some((b) => b.length === 2)).toBe(true);
    for (const batch of a.batches) {
      const vehicles = batch.flatMap((c) => c.problem.vehicles.map((v) => String(v.id)));
      const jobs = batch.flatMap((c) => c.problem.jobs.map((j) => String(j.id)));
      expect(new Set(vehicles).size).toBe(vehicles.length);
      expect(new Set(jobs).size).toBe(jobs.length);
      // plain data only: the options cross a thread boundary
      for (const c of batch) expect(c.options.signal).toBeUndefined();
    }
    expect(a.batches.reduce((s, b) => s + b.length, 0)).toBe(6);
    const b = recorder();
    const two = await solveByZones(problem, { ...FAST, seed: 5, improvementRounds: 6, borderParallelism: 2, solveBatch: b.solveBatch });
    expect(routesOf(two)).toEqual(routesOf(one));
  });

  it('one neighbourhood per batch draws and solves exactly as without a batch runner', async () => {
    const plain = await solveByZones(problem, { ...FAST, seed: 9, improvementRounds: 4 });
    const r = recorder();
    const batched = await solveByZones(problem, { ...FAST, seed: 9, improvementRounds: 4, borderParallelism: 1, solveBatch: r.solveBatch });
    expect(r.batches).toEqual([]); // one at a time runs here
    expect(routesOf(batched)).toEqual(routesOf(plain));
  });
});
