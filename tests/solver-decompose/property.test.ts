import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution } from '../../src/model/check.js';
import type { Job, Problem, Vehicle } from '../../src/model/types.js';
import { solveByZones } from '../../src/solver/decompose/index.js';

/**
 * Random small problems with the features that make decomposition awkward:
 * lon/lat (haversine) or plane coordinates given inline, open routes, two
 * capacity dimensions, a heterogeneous fleet with two depots, allowed vehicles,
 * time windows and release times.
 */
const problems = fc
  .record({
    geo: fc.boolean(),
    open: fc.boolean(),
    jobs: fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: 1000 }),
        y: fc.integer({ min: 0, max: 1000 }),
        q: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })),
        window: fc.option(fc.tuple(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 200, max: 3000 })), { nil: undefined }),
        release: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        allowed: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      }),
      { minLength: 20, maxLength: 60 },
    ),
    vehicles: fc.array(fc.record({ depot: fc.integer({ min: 0, max: 1 }), cap: fc.integer({ min: 6, max: 15 }) }), { minLength: 3, maxLength: 12 }),
  })
  .map(({ geo, open, jobs, vehicles }): Problem => {
    // plane units, or lon/lat around Ghent (1000 units ≈ 0.1° ≈ 7–11 km)
    const at = (x: number, y: number): [number, number] => (geo ? [3.7 + x / 10000, 51.0 + y / 10000] : [x, y]);
    const depots = [at(500, 500), at(100, 900)];
    const vs: Vehicle[] = vehicles.map((v, k) => ({
      id: `v${k}`,
      ...(open && k % 2 === 1 ? {} : { start: depots[v.depot], end: depots[v.depot] }),
      capacity: [v.cap, v.cap],
      shift: [0, 10_000],
    }));
    const js: Job[] = jobs.map((j, i) => ({
      id: `j${i}`,
      location: at(j.x, j.y),
      delivery: [j.q[0], j.q[1]],
      serviceDuration: 10,
      ...(j.window ? { timeWindows: [[j.window[0], j.window[0] + j.window[1]]] as [number, number][] } : {}),
      ...(j.release !== undefined ? { releaseTime: j.release } : {}),
      ...(j.allowed !== undefined && j.allowed < vs.length ? { allowedVehicles: [vs[j.allowed].id, vs[vs.length - 1].id] } : {}),
    }));
    return { jobs: js, vehicles: vs, travel: geo ? { type: 'haversine', speed: 1 } : { type: 'euclidean' } };
  });

describe('solveByZones on random awkward problems', () => {
  it('always returns a plan the checker accepts, with every job routed or reported and no vehicle used twice', async () => {
    await fc.assert(
      fc.asyncProperty(problems, fc.integer({ min: 1, max: 1000 }), async (problem, seed) => {
        const s = await solveByZones(problem, {
          seed, zoneSize: 12, maxIterations: 3, populationSize: 2, generationSize: 2, improvementRounds: 3,
        });
        const report = checkSolution(problem, s);
        expect(report.violations.slice(0, 3)).toEqual([]);
        expect(report.summary.assigned + report.summary.unassigned).toBe(problem.jobs.length);
        const used = s.routes.map((r) => String(r.vehicle));
        expect(new Set(used).size).toBe(used.length);
        for (const u of s.unassigned) expect(u.reason).toMatch(/^[a-z-]+$/);
      }),
      { numRuns: 12 },
    );
  });
});
