import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../src/core/rng.js';
import { resolveTravel } from '../../src/model/travel.js';
import type { Problem } from '../../src/model/types.js';
import { splitFleet, vehicleKinds, zoneWeights } from '../../src/solver/decompose/fleet.js';
import { buildSubProblem, mapBack } from '../../src/solver/decompose/subproblem.js';
import { zoneJobs } from '../../src/solver/decompose/zones.js';
import { makeInstance } from './instance.js';

describe('buildSubProblem', () => {
  const metric = makeInstance({ jobs: 60, seed: 3 });
  metric.travel = { ...metric.travel, rounding: 'truncate1', speed: 2 } as Problem['travel'];
  const cases: [string, Problem][] = [
    ['euclidean, truncate1, speed 2', metric],
    ['matrix', makeInstance({ jobs: 60, seed: 3, travel: 'matrix' })],
  ];
  for (const [name, problem] of cases) {
    it(`keeps every arc, job and vehicle of the whole problem (${name})`, () => {
      const whole = resolveTravel(problem);
      fc.assert(
        fc.property(
          fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 1, maxLength: 20 }),
          fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { minLength: 1, maxLength: 5 }),
          (jobs, vehicles) => {
            const sub = buildSubProblem(problem, whole, jobs, vehicles);
            expect(sub.problem.jobs.map((j) => j.id)).toEqual(jobs.map((j) => problem.jobs[j].id));
            expect(sub.problem.vehicles.map((v) => v.id)).toEqual(vehicles.map((k) => problem.vehicles[k].id));
            const part = resolveTravel(sub.problem);
            // only the locations used: the jobs' plus the one depot
            expect(part.size).toBe(new Set(jobs.map((j) => whole.jobLocation[j])).size + 1);
            const locs = [...jobs.map((j, i) => [whole.jobLocation[j], part.jobLocation[i]]), [whole.vehicleStart[vehicles[0]], part.vehicleStart[0]]];
            for (const [wa, pa] of locs) {
              for (const [wb, pb] of locs) {
                expect(part.distance(pa, pb)).toBe(whole.distance(wa, wb));
                expect(part.duration(pa, pb)).toBe(whole.duration(wa, wb));
              }
            }
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it('cuts allowedVehicles to the vehicles present and maps a sub-solution back', () => {
    const problem = makeInstance({ jobs: 6, seed: 1 });
    problem.jobs[2].allowedVehicles = ['v1', 'v3'];
    problem.jobs[3].preferredVehicle = 'v3';
    problem.jobs[3].reassignmentPenalty = 5;
    const sub = buildSubProblem(problem, resolveTravel(problem), [1, 2, 3], [0, 1]);
    expect(sub.problem.jobs[1].allowedVehicles).toEqual(['v1']);
    expect(sub.problem.jobs[2].preferredVehicle).toBeUndefined();
    expect(problem.jobs[2].allowedVehicles).toEqual(['v1', 'v3']); // the whole problem is untouched
    const back = mapBack(problem, sub, {
      routes: [{ vehicle: 'v2', steps: [{ type: 'start' }, { type: 'job', id: 4 }, { type: 'job', id: 2 }, { type: 'end' }] }],
      unassigned: [{ id: 3, reason: 'time-window' }],
    });
    expect([...back.routes]).toEqual([[1, [3, 1]]]);
    expect(back.unassigned).toEqual([{ job: 2, reason: 'time-window' }]);
  });
});

describe('splitFleet', () => {
  it('gives every vehicle to at most one zone, in proportion to the zone weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
        (kindSizes, rawWeights) => {
          let next = 0;
          const kinds = kindSizes.map((c) => Array.from({ length: c }, () => next++));
          const sum = rawWeights.reduce((s, w) => s + w, 0);
          const weights = rawWeights.map((w) => w / sum);
          const roomy = rawWeights.map(() => 1000);
          const { perZone, spare } = splitFleet(kinds, weights, roomy);
          const all = [...perZone.flat(), ...spare].sort((a, b) => a - b);
          expect(all).toEqual(Array.from({ length: next }, (_, i) => i));
          expect(spare).toEqual([]);
          for (const kind of kinds) {
            const inKind = new Set(kind);
            perZone.forEach((zone, z) => {
              const got = zone.filter((k) => inKind.has(k)).length;
              expect(Math.abs(got - weights[z] * kind.length)).toBeLessThan(1);
            });
          }
          // with room for only 1 vehicle per zone the rest is spare
          const tight = splitFleet(kinds, weights, rawWeights.map(() => 1));
          for (const zone of tight.perZone) expect(zone.length).toBeLessThanOrEqual(1);
          expect(tight.perZone.flat().length + tight.spare.length).toBe(next);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('weights zones by their largest demand share and groups identical vehicles', () => {
    const problem = makeInstance({ jobs: 4, seed: 1, vehicles: 3 });
    problem.jobs.forEach((j, i) => (j.delivery = [[1, 1, 3, 3][i], [0, 4, 0, 0][i]]));
    problem.vehicles[2] = { ...problem.vehicles[2], capacity: [20] };
    // zone 0 = jobs 0,1: 2/8 of dim 0 and 4/4 of dim 1 → 1; zone 1 = jobs 2,3: 6/8 → 0.75
    const w = zoneWeights(problem, [[0, 1], [2, 3]]);
    expect(w[0]).toBeCloseTo(1 / 1.75, 12);
    expect(w[1]).toBeCloseTo(0.75 / 1.75, 12);
    expect(vehicleKinds(problem, resolveTravel(problem))).toEqual([[0, 1], [2]]);
  });
});

describe('zoneJobs', () => {
  it('puts every job in exactly one non-empty zone, the same for the same seed', () => {
    const problem = makeInstance({ jobs: 300, seed: 5 });
    const travel = resolveTravel(problem);
    for (const method of ['kmeans', 'sweep'] as const) {
      const a = zoneJobs(travel, 300, 70, method, new Rng(4));
      expect(a.k).toBe(5);
      expect(a.members.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 300 }, (_, i) => i));
      for (const [z, m] of a.members.entries()) {
        expect(m.length).toBeGreaterThan(0);
        for (const j of m) expect(a.zoneOf[j]).toBe(z);
      }
      expect(zoneJobs(travel, 300, 70, method, new Rng(4)).zoneOf).toEqual(a.zoneOf);
    }
  });
});
