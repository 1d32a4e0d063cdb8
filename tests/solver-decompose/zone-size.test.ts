import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/types.js';
import { defaultZoneSize, jobsPerRouteEstimate } from '../../src/solver/decompose/zone-size.js';
import { makeInstance } from './instance.js';

/** `problem` with every vehicle's capacity set to `capacity` (or removed) and every vehicle's `maxTasks`. */
function withFleet(problem: Problem, capacity: number[] | undefined, maxTasks?: number): Problem {
  return {
    ...problem,
    vehicles: problem.vehicles.map((v) => {
      const { capacity: _c, maxTasks: _m, ...rest } = v;
      return { ...rest, ...(capacity ? { capacity } : {}), ...(maxTasks !== undefined ? { maxTasks } : {}) };
    }),
  };
}

describe('defaultZoneSize', () => {
  const base = makeInstance({ jobs: 200, seed: 5 });
  const meanDemand = base.jobs.reduce((s, j) => s + (j.delivery?.[0] ?? 0), 0) / base.jobs.length;

  it('estimates jobs per route as mean capacity over mean amount', () => {
    expect(jobsPerRouteEstimate(withFleet(base, [10]))).toBeCloseTo(10 / meanDemand, 9);
    expect(jobsPerRouteEstimate(withFleet(base, [100]))).toBeCloseTo(100 / meanDemand, 9);
  });

  it('gives short routes small zones and long routes large ones, within 150-400', () => {
    // about 4 jobs per route: 16 routes' worth is below the floor
    expect(defaultZoneSize(withFleet(base, [10]))).toBe(150);
    // 12 jobs per route: 16 routes' worth
    expect(defaultZoneSize(withFleet(base, [12 * meanDemand]))).toBe(Math.round(16 * 12));
    // 40 jobs per route: capped
    expect(defaultZoneSize(withFleet(base, [40 * meanDemand]))).toBe(400);
  });

  it('takes maxTasks when it binds harder than capacity', () => {
    expect(jobsPerRouteEstimate(withFleet(base, [1000], 6))).toBe(6);
    expect(defaultZoneSize(withFleet(base, [1000], 6))).toBe(150);
  });

  it('keeps the large zones when nothing bounds a route', () => {
    expect(jobsPerRouteEstimate(withFleet(base, undefined))).toBe(Infinity);
    expect(defaultZoneSize(withFleet(base, undefined))).toBe(400);
  });
});
