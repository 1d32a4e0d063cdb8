import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from '../../src/solver/index.js';
import { checkSolution } from '../../src/model/check.js';
import type { Problem, Solution } from '../../src/model/types.js';

const FAST = { maxIterations: 30, populationSize: 5, generationSize: 5 };

/** Every job exactly once in routes or unassigned, routes ≤ vehicles, plan feasible and numbers right. */
function expectSound(problem: Problem, sol: Solution): void {
  const report = checkSolution(problem, sol);
  expect(report.violations).toEqual([]);
  expect(report.feasible).toBe(true);
  const seen = new Map<string, number>();
  for (const r of sol.routes) for (const s of r.steps) if (s.type === 'job') seen.set(String(s.id), (seen.get(String(s.id)) ?? 0) + 1);
  for (const u of sol.unassigned) seen.set(String(u.id), (seen.get(String(u.id)) ?? 0) + 1);
  for (const j of problem.jobs) expect(seen.get(String(j.id))).toBe(1);
  expect(seen.size).toBe(problem.jobs.length);
  expect(sol.routes.length).toBeLessThanOrEqual(problem.vehicles.length);
  expect(new Set(sol.routes.map((r) => r.vehicle)).size).toBe(sol.routes.length);
}

const line = (xs: number[]): [number, number][] => [[0, 0], ...xs.map((x) => [x, 0] as [number, number])];

describe('solve: exact small cases', () => {
  it('one vehicle on a line drives out and back', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2, 3, 4]) },
      vehicles: [{ id: 'v', start: 0, end: 0 }],
      jobs: [1, 2, 3, 4].map((i) => ({ id: `j${i}`, location: i })),
    };
    const sol = await solve(problem, FAST);
    expectSound(problem, sol);
    expect(sol.summary.distance).toBe(8);
    expect(sol.routes).toHaveLength(1);
  });

  it('capacity splits a line into the two cheapest routes', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2, 3, 4]) },
      vehicles: [1, 2, 3].map((k) => ({ id: k, start: 0, end: 0, capacity: [2] })),
      jobs: [1, 2, 3, 4].map((i) => ({ id: i, location: i, delivery: [1] })),
    };
    const sol = await solve(problem, FAST);
    expectSound(problem, sol);
    expect(sol.summary.distance).toBe(12); // {3,4}: 8 and {1,2}: 4
    const sets = sol.routes.map((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.id).sort());
    expect(sets.sort()).toEqual([[1, 2], [3, 4]]);
  });

  it('time windows force the order', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2]) },
      vehicles: [{ id: 'v', start: 0, end: 0, shift: [0, 100] }],
      jobs: [
        { id: 'a', location: 1, timeWindows: [[10, 10]] },
        { id: 'b', location: 2, timeWindows: [[0, 3]] },
      ],
    };
    const sol = await solve(problem, FAST);
    expectSound(problem, sol);
    expect(sol.routes[0].steps.map((s) => s.id ?? s.type)).toEqual(['start', 'b', 'a', 'end']);
    expect(sol.summary.distance).toBe(4);
    // departure pushed as late as the windows allow: leave at 1, reach b at 3, a at 4 (wait to 10)
    expect(sol.routes[0].steps[0].departure).toBe(1);
  });

  it('open routes do not drive back', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([3, 5]) },
      vehicles: [{ id: 'v', start: 0 }],
      jobs: [{ id: 'a', location: 1 }, { id: 'b', location: 2 }],
    };
    const sol = await solve(problem, FAST);
    expectSound(problem, sol);
    expect(sol.summary.distance).toBe(5);
  });

  it('heterogeneous costs: the vehicle without a fixed cost is used', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2]) },
      vehicles: [
        { id: 'dear', start: 0, end: 0, costs: { fixed: 100 } },
        { id: 'cheap', start: 0, end: 0, costs: { fixed: 1, perDistance: 2 } },
      ],
      jobs: [{ id: 'a', location: 1 }, { id: 'b', location: 2 }],
    };
    const sol = await solve(problem, FAST);
    expectSound(problem, sol);
    expect(sol.routes.map((r) => r.vehicle)).toEqual(['cheap']);
    expect(sol.summary.cost).toBe(1 + 2 * 4);
  });

  it('release times and dispatch deadlines shape the departure', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2, 3]) },
      vehicles: [1, 2].map((k) => ({ id: k, start: 0, end: 0 })),
      jobs: [
        { id: 'early', location: 1, dispatchDeadline: 5 },
        { id: 'late', location: 2, releaseTime: 10 },
        { id: 'any', location: 3 },
      ],
    };
    const sol = await solve(problem, FAST);
    expectSound(problem, sol);
    // 'early' and 'late' cannot share a route (deadline 5 < release 10)
    const byJob = new Map<string, number>();
    sol.routes.forEach((r, k) => r.steps.forEach((s) => s.type === 'job' && byJob.set(String(s.id), k)));
    expect(byJob.get('early')).not.toBe(byJob.get('late'));
    expect(sol.summary.distance).toBe(2 + 6); // {early}: 2, {late, any}: 6
  });

  it('a fleet that is too small leaves jobs unassigned as fleet-exhausted', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2, 3, 4]) },
      vehicles: [{ id: 'v', start: 0, end: 0, capacity: [2] }],
      jobs: [1, 2, 3, 4].map((i) => ({ id: i, location: i, delivery: [1] })),
    };
    const sol = await solve(problem, FAST);
    expectSound(problem, sol);
    expect(sol.unassigned).toHaveLength(2);
    expect(sol.unassigned.every((u) => u.reason === 'fleet-exhausted')).toBe(true);
  });

  it('jobs impossible on their own are unassigned with the precise reason', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 50, 2]) },
      vehicles: [{ id: 'v', start: 0, end: 0, capacity: [5], shift: [0, 200], maxDistance: 90 }],
      jobs: [
        { id: 'big', location: 1, delivery: [6] },
        { id: 'far', location: 2, delivery: [1] },
        { id: 'tw', location: 3, timeWindows: [[0, 1]] },
        { id: 'ok', location: 1, delivery: [1] },
      ],
    };
    const sol = await solve(problem, FAST);
    expectSound(problem, sol);
    const reasons = Object.fromEntries(sol.unassigned.map((u) => [u.id, u.reason]));
    expect(reasons).toEqual({ big: 'capacity', far: 'max-distance', tw: 'time-window' });
  });

  it('allowedVehicles are respected even when another vehicle is cheaper', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2, 3]) },
      vehicles: [
        { id: 'near', start: 0, end: 0 },
        { id: 'far', start: 0, end: 0, costs: { perDistance: 3 } },
      ],
      jobs: [
        { id: 'a', location: 1 },
        { id: 'b', location: 2, allowedVehicles: ['far'] },
        { id: 'c', location: 3 },
      ],
    };
    const sol = await solve(problem, FAST);
    expectSound(problem, sol);
    const vehicleOf = new Map<string, unknown>();
    for (const r of sol.routes) for (const s of r.steps) if (s.type === 'job') vehicleOf.set(String(s.id), r.vehicle);
    expect(vehicleOf.get('b')).toBe('far');
    // best: far serves b alone (3 * 4 = 12), near serves a and c (6): 18
    expect(sol.summary.cost).toBe(18);
  });

  it('a reassignment penalty keeps a job on its preferred vehicle when it is worth it', async () => {
    const base: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2]) },
      vehicles: [
        { id: 'x', start: 0, end: 0, costs: { fixed: 5 } },
        { id: 'y', start: 0, end: 0, costs: { fixed: 5 } },
      ],
      jobs: [{ id: 'a', location: 1 }, { id: 'b', location: 2 }],
    };
    const free = await solve(base, FAST);
    expectSound(base, free);
    expect(free.routes).toHaveLength(1); // one vehicle does both: 5 + 4
    const pinned: Problem = { ...base, jobs: [{ id: 'a', location: 1, preferredVehicle: 'x', reassignmentPenalty: 100 }, { id: 'b', location: 2, preferredVehicle: 'y', reassignmentPenalty: 100 }] };
    const sol = await solve(pinned, FAST);
    expectSound(pinned, sol);
    const vehicleOf = new Map<string, unknown>();
    for (const r of sol.routes) for (const s of r.steps) if (s.type === 'job') vehicleOf.set(String(s.id), r.vehicle);
    expect(vehicleOf.get('a')).toBe('x');
    expect(vehicleOf.get('b')).toBe('y');
  });

  it('warm start: an initial solution is accepted and improved', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2, 3, 4]) },
      vehicles: [{ id: 'v', start: 0, end: 0 }, { id: 'w', start: 0, end: 0 }],
      jobs: [1, 2, 3, 4].map((i) => ({ id: i, location: i })),
    };
    const initialSolution = {
      routes: [
        { vehicle: 'v', steps: [{ type: 'job' as const, id: 4 }, { type: 'job' as const, id: 1 }] },
        { vehicle: 'w', steps: [{ type: 'job' as const, id: 3 }] },
      ],
    };
    const sol = await solve(problem, { ...FAST, maxIterations: 5, initialSolution });
    expectSound(problem, sol);
    expect(sol.summary.distance).toBe(8);
  });

  it('matrix travel with unreachable arcs: unreachable jobs get the reason, others avoid infinite arcs', async () => {
    const I = Infinity;
    // 0 depot; 1, 2, 3 jobs; 1 -> 2 is impossible (one-way street); 3 cannot be reached at all
    const durations = [
      0, 1, 2, I,
      1, 0, I, I,
      2, 1, 0, I,
      I, I, I, 0,
    ];
    const problem: Problem = {
      travel: { type: 'matrix', size: 4, durations },
      vehicles: [{ id: 'v', start: 0, end: 0 }],
      jobs: [{ id: 'a', location: 1 }, { id: 'b', location: 2 }, { id: 'c', location: 3 }],
    };
    const sol = await solve(problem, FAST);
    expectSound(problem, sol);
    expect(sol.unassigned).toEqual([expect.objectContaining({ id: 'c', reason: 'unreachable' })]);
    // 0 -> b -> a -> 0 = 2 + 1 + 1
    expect(sol.routes[0].steps.map((s) => s.id ?? s.type)).toEqual(['start', 'b', 'a', 'end']);
    expect(sol.summary.distance).toBe(4);
  });

  it('several time windows per job: the first that can be reached (more cases in walk.test.ts)', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1]) },
      vehicles: [{ id: 'v', start: 0, end: 0 }],
      jobs: [{ id: 'a', location: 1, timeWindows: [[0, 0.5], [5, 6]] }],
    };
    const sol = await solve(problem, FAST);
    expectSound(problem, sol);
    expect(sol.unassigned).toEqual([]);
    expect(sol.routes[0].steps[1].serviceStart).toBe(5); // departs at 4 (no waiting), arrives at the second window's start
  });
});

const instanceArb = fc.record({
  jobs: fc.array(
    fc.record({
      x: fc.integer({ min: -30, max: 30 }), y: fc.integer({ min: -30, max: 30 }),
      q: fc.integer({ min: 0, max: 8 }), p: fc.integer({ min: 0, max: 3 }),
      e: fc.integer({ min: 0, max: 150 }), w: fc.integer({ min: 5, max: 200 }),
      s: fc.integer({ min: 0, max: 10 }),
      rel: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 14 },
  ),
  vehicles: fc.array(
    fc.record({ cap: fc.integer({ min: 5, max: 25 }), open: fc.boolean(), fixed: fc.integer({ min: 0, max: 50 }) }),
    { minLength: 1, maxLength: 4 },
  ),
  seed: fc.integer({ min: 1, max: 1000 }),
});

describe('solve: properties on random small instances', () => {
  it('always returns a checked-feasible plan where every job is routed or unassigned with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, async (inst) => {
        const problem: Problem = {
          travel: { type: 'euclidean', coordinates: [[0, 0], ...inst.jobs.map((j) => [j.x, j.y] as [number, number])] },
          vehicles: inst.vehicles.map((v, k) => ({
            id: `v${k}`, start: 0, ...(v.open ? {} : { end: 0 }), capacity: [v.cap], shift: [0, 300] as [number, number],
            costs: { fixed: v.fixed },
          })),
          jobs: inst.jobs.map((j, i) => ({
            id: i, location: i + 1, delivery: [j.q], pickup: [j.p], serviceDuration: j.s,
            timeWindows: [[j.e, j.e + j.w]] as [number, number][], ...(j.rel !== undefined ? { releaseTime: j.rel } : {}),
          })),
        };
        const sol = await solve(problem, { ...FAST, maxIterations: 15, seed: inst.seed });
        expectSound(problem, sol);
        for (const u of sol.unassigned) expect(typeof u.reason).toBe('string');
      }),
      { numRuns: 40 },
    );
  });

  it('handles two capacity dimensions, mixed pickups and deliveries, open ends and mixed fleets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 40 }), y: fc.integer({ min: 0, max: 40 }), d: fc.tuple(fc.nat(5), fc.nat(5)), p: fc.tuple(fc.nat(5), fc.nat(5)) }), { minLength: 2, maxLength: 25 }),
        fc.integer({ min: 1, max: 50 }),
        async (jobs, seed) => {
          const problem: Problem = {
            travel: { type: 'euclidean', coordinates: [[20, 20], [0, 0], ...jobs.map((j) => [j.x, j.y] as [number, number])], rounding: 'nint' },
            vehicles: [
              { id: 'a', start: 0, end: 0, capacity: [10, 8] },
              { id: 'b', start: 1, capacity: [15, 15], costs: { fixed: 20, perDistance: 0.5 } },
              { id: 'c', capacity: [8, 12], costs: { perDuration: 1, perDistance: 0 } },
            ],
            jobs: jobs.map((j, i) => ({ id: `j${i}`, location: i + 2, delivery: j.d, pickup: j.p, serviceDuration: 1 })),
          };
          const sol = await solve(problem, { maxIterations: 10, populationSize: 4, generationSize: 4, seed });
          expectSound(problem, sol);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('is deterministic with a seed and maxIterations', async () => {
    const rnd = (k: number) => ((k * 7919) % 101) - 50;
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: [[0, 0], ...Array.from({ length: 40 }, (_, i) => [rnd(i + 1), rnd(3 * i + 7)] as [number, number])] },
      vehicles: Array.from({ length: 8 }, (_, k) => ({ id: k, start: 0, end: 0, capacity: [30] })),
      jobs: Array.from({ length: 40 }, (_, i) => ({ id: i, location: i + 1, delivery: [1 + (i % 7)] })),
    };
    const a = await solve(problem, { maxIterations: 60, seed: 7 });
    const b = await solve(problem, { maxIterations: 60, seed: 7 });
    expectSound(problem, a);
    expect(JSON.stringify(a.routes)).toBe(JSON.stringify(b.routes));
    expect(a.summary).toEqual(b.summary);
  });

  it('an AbortSignal returns the best solution so far quickly', async () => {
    const rnd = (k: number) => ((k * 7919) % 211) - 100;
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: [[0, 0], ...Array.from({ length: 120 }, (_, i) => [rnd(i + 1), rnd(5 * i + 3)] as [number, number])] },
      vehicles: Array.from({ length: 30 }, (_, k) => ({ id: k, start: 0, end: 0, capacity: [40] })),
      jobs: Array.from({ length: 120 }, (_, i) => ({ id: i, location: i + 1, delivery: [1 + (i % 9)] })),
    };
    const ctrl = new AbortController();
    const progress: number[] = [];
    const t0 = performance.now();
    setTimeout(() => ctrl.abort(), 300);
    const sol = await solve(problem, { timeLimitMs: 60_000, signal: ctrl.signal, onProgress: (p) => progress.push(p.iteration) });
    const elapsed = performance.now() - t0;
    expect(sol.status).toBe('aborted');
    // A hang guard, not a speed test: the abort must end the search long before the
    // 60 s budget (one iteration of this 120-job search takes milliseconds).
    expect(elapsed).toBeLessThan(300 + 1700);
    expectSound(problem, sol);
    expect(sol.unassigned).toHaveLength(0);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('without a budget, a small problem stops on its own (no improvement) well before the default time limit', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2, 3, 4, 5, 6]) },
      vehicles: [{ id: 'v', start: 0, end: 0, capacity: [3] }, { id: 'w', start: 0, end: 0, capacity: [3] }],
      jobs: [1, 2, 3, 4, 5, 6].map((i) => ({ id: i, location: i, delivery: [1] })),
    };
    const t0 = performance.now();
    const sol = await solve(problem);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(sol.status).toBe('completed');
    expectSound(problem, sol);
    expect(sol.summary.distance).toBe(12 + 6); // {4,5,6}: 12, {1,2,3}: 6
  });

  it('a tight time limit never yields an infeasible claim', async () => {
    const rnd = (k: number) => ((k * 7919) % 97) - 48;
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: [[0, 0], ...Array.from({ length: 60 }, (_, i) => [rnd(i + 1), rnd(3 * i + 1)] as [number, number])] },
      vehicles: Array.from({ length: 12 }, (_, k) => ({ id: k, start: 0, end: 0, capacity: [25], shift: [0, 400] as [number, number] })),
      jobs: Array.from({ length: 60 }, (_, i) => ({ id: i, location: i + 1, delivery: [1 + (i % 6)], timeWindows: [[(i * 13) % 200, ((i * 13) % 200) + 60]] as [number, number][] })),
    };
    const sol = await solve(problem, { timeLimitMs: 1 });
    expectSound(problem, sol);
    expect(sol.status).toBe('time-limit');
  });
});
