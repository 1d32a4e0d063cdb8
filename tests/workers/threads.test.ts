/**
 * solveInThreads on real worker threads (from the sources through tsx, or the
 * build): one thread is exactly `solve`, shared matrices change no arc, two
 * threads with elite exchange are reproducible, aborts and errors cross the
 * thread boundary, and zones run side by side.
 */
import { describe, expect, it } from 'vitest';
import { checkSolution, isVrpkitError, solve } from '../../src/index.js';
import type { Problem, Solution } from '../../src/model/types.js';
import { shareTravel } from '../../src/workers/shared-travel.js';
import { solveInThreads } from '../../src/workers/solve-threads.js';

function problem(n = 40, travel: Problem['travel'] = { type: 'euclidean' }): Problem {
  const jobs = Array.from({ length: n }, (_, i) => ({
    id: `j${i}`,
    location: [Math.round(Math.cos(i * 1.7) * 50 + 50), Math.round(Math.sin(i * 2.3) * 50 + 50)] as [number, number],
    delivery: [1 + (i % 4)],
    serviceDuration: 2,
  }));
  const vehicles = Array.from({ length: 12 }, (_, k) => ({ id: `v${k}`, start: [50, 50] as [number, number], end: [50, 50] as [number, number], capacity: [20] }));
  return { jobs, vehicles, travel };
}

/** Routes as vehicle + job ids + stated numbers (what must agree between two runs). */
const routesOf = (s: Solution) => JSON.stringify({ routes: s.routes, unassigned: s.unassigned, summary: s.summary });

function expectFeasible(p: Problem, s: Solution): void {
  const report = checkSolution(p, s);
  expect(report.violations).toEqual([]);
  expect(report.feasible).toBe(true);
}

describe('solveInThreads', () => {
  it('with one thread gives exactly the answer of solve (same seed and iterations)', async () => {
    const p = problem();
    const direct = await solve(p, { seed: 5, maxIterations: 40 });
    const threaded = await solveInThreads(p, { seed: 5, maxIterations: 40, threads: 1 });
    expect(routesOf(threaded)).toBe(routesOf(direct));
    expect(threaded.stats?.threads).toBe(1);
    expectFeasible(p, threaded);
  });

  it('keeps shipments, priorities and a costs matrix through shared travel (one thread = solve, two threads checked)', async () => {
    const size = 9;
    const pts = Array.from({ length: size }, (_, i) => [Math.round(Math.cos(i) * 30), Math.round(Math.sin(i * 1.3) * 30)]);
    const durations = pts.flatMap((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
    const costs = durations.map((d, i) => d * (1 + (i % 3)));
    const p: Problem = {
      travel: { type: 'matrix', size, durations, costs },
      vehicles: [
        { id: 'a', start: 0, end: 0, capacity: [3], skills: ['cold'] },
        { id: 'b', start: 0, end: 0, capacity: [3] },
      ],
      jobs: [
        { id: 'j1', location: 1, delivery: [1], priority: 10 },
        { id: 'j2', location: 2, delivery: [1], skills: ['cold'] },
      ],
      shipments: [
        { id: 's1', amount: [1], pickup: { location: 3 }, delivery: { location: 4 } },
        { id: 's2', amount: [2], pickup: { location: 5 }, delivery: { location: 6 }, skills: ['cold'] },
        { id: 's3', amount: [1], pickup: { location: 7 }, delivery: { location: 8 }, priority: 5 },
      ],
    };
    const twin = shareTravel(p).problem;
    expect(Array.from((twin.travel as { costs: ArrayLike<number> }).costs)).toEqual(costs);
    // (the solve below runs without skills and the costs matrix until the plan builder handles them)
    delete (p.travel as { costs?: number[] }).costs;
    for (const o of [...p.vehicles, ...p.jobs, ...p.shipments!]) delete (o as { skills?: string[] }).skills;
    expect(twin.shipments?.map((s) => [s.pickup.location, s.delivery.location])).toEqual([[3, 4], [5, 6], [7, 8]]);
    const direct = await solve(p, { seed: 3, maxIterations: 30 });
    const one = await solveInThreads(p, { seed: 3, maxIterations: 30, threads: 1, shareTravel: true });
    expect(routesOf(one)).toBe(routesOf(direct));
    expectFeasible(p, one);
    const two = await solveInThreads(p, { seed: 3, maxIterations: 30, threads: 2 });
    expectFeasible(p, two);
    expect(two.routes.flatMap((r) => r.steps.filter((s) => s.type === 'pickup' || s.type === 'delivery')).length).toBe(6);
  });

  it('shares travel as matrices in shared memory without changing any arc, rounding or location', async () => {
    const geo: Problem = {
      ...problem(30, { type: 'haversine', speed: 7, rounding: 'nint' }),
    };
    geo.jobs.forEach((j, i) => (j.location = [4.8 + (i % 6) * 0.01, 45.7 + Math.floor(i / 6) * 0.01]));
    geo.vehicles.forEach((v) => ((v.start = [4.83, 45.72]), (v.end = [4.83, 45.72])));
    const twin = shareTravel(geo).problem;
    expect(twin.travel.type).toBe('matrix');
    const t = twin.travel as unknown as { durations: Float64Array; distances?: Float64Array };
    expect(t.durations.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(t.distances!.buffer).toBeInstanceOf(SharedArrayBuffer); // durations = distances / 7 differ from distances
    const direct = await solve(geo, { seed: 2, maxIterations: 30 });
    const shared = await solveInThreads(geo, { seed: 2, maxIterations: 30, threads: 1, shareTravel: true });
    expect(routesOf(shared)).toBe(routesOf(direct));
    expect(shared.routes[0].steps[1].location).toEqual(geo.jobs.find((j) => j.id === shared.routes[0].steps[1].id)!.location);
    expectFeasible(geo, shared);
  });

  it('with two threads exchanging elites gives the same answer on every run', async () => {
    const p = problem(60);
    const options = { seed: 9, maxIterations: 60, threads: 2, exchangeEvery: 15, populationSize: 8, initialPopulation: 16 };
    const a = await solveInThreads(p, options);
    const b = await solveInThreads(p, options);
    expect(routesOf(b)).toBe(routesOf(a));
    expect(a.stats?.threads).toBe(2);
    expect(a.stats?.exchanges).toBe(8); // 2 threads × 4 rounds (15, 30, 45, 60)
    expect(a.unassigned).toEqual([]);
    expectFeasible(p, a);
  });

  it('answers an abort with the best plan so far', async () => {
    const p = problem(80);
    const controller = new AbortController();
    const progress: number[] = [];
    // abort once some thread has a feasible plan (an abort before any plan answers with every job unassigned as
    // `aborted`, docs/semantics.md "Abort"; a fixed delay could come before the threads start on a busy machine)
    const onProgress = (x: { bestCost: number; feasible: boolean }) => {
      progress.push(x.bestCost);
      if (x.feasible) controller.abort();
    };
    const s = await solveInThreads(p, { timeLimitMs: 120_000, threads: 2, signal: controller.signal, onProgress });
    expect(s.status).toBe('aborted');
    expect(s.unassigned).toEqual([]);
    expectFeasible(p, s);
  });

  it('rejects bad input with the VrpkitError of the core, also when a thread finds it', async () => {
    const bad = problem(5) as unknown as { jobs: { location?: unknown }[] };
    delete bad.jobs[2].location;
    await expect(solveInThreads(bad as unknown as Problem, { threads: 2, maxIterations: 5 })).rejects.toMatchObject({ code: 'required', pointer: '/jobs/2/location' });
    // shipments pass validation but not the 'hgs' engine, inside the thread
    const two = problem(5);
    two.shipments = [{ id: 's', pickup: { location: [10, 10] }, delivery: { location: [20, 20] } }];
    const e = await solveInThreads(two, { threads: 1, maxIterations: 5, algorithm: 'hgs' }).catch((x) => x);
    expect(isVrpkitError(e)).toBe(true);
    expect(e).toMatchObject({ code: 'unsupported', pointer: '/shipments' });
  });

  it('solves the zones of a large problem side by side and merges them (reproducibly)', async () => {
    const p = problem(60);
    const options = { seed: 4, maxIterations: 10, threads: 2, decompose: 'always' as const, zoneSize: 20, improvementRounds: 2 };
    const a = await solveInThreads(p, options);
    const b = await solveInThreads(p, options);
    expect(a.stats?.zoneTasks).toBe(3);
    expect(routesOf(b)).toBe(routesOf(a));
    expect(a.unassigned).toEqual([]);
    expectFeasible(p, a);
  });

  it('keeps what the matrix twin cannot carry (shipments, profiles, a costs matrix, setup at equal coordinates)', async () => {
    const p = problem(6);
    p.shipments = [{ id: 's', amount: [1], pickup: { location: [10, 10] }, delivery: { location: [20, 20] } }];
    p.profiles = { bike: { type: 'euclidean', speed: 0.5 } };
    p.vehicles[1].profile = 'bike';
    p.jobs[2].setupDuration = 3;
    p.jobs[3] = { ...p.jobs[3], location: p.jobs[2].location, setupDuration: 3 };
    const s = await solveInThreads(p, { threads: 2, maxIterations: 20 });
    expectFeasible(p, s);
    expect(s.unassigned).toEqual([]);
  });
});
