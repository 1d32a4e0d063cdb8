/**
 * Fuzzing the JSON document readers with the typing mistakes of real files: a
 * valid route file, solution, replan events, SLA orders file, cluster points or
 * GeoJSON road file with 1–3 fields replaced by other JSON values (null,
 * strings, 2e9, nested arrays, …) or dropped. Every input gives a result or a
 * `VrpkitError` (JSON pointer), never another exception; a route file that
 * passes validation is solved and its plan loses no job. Seeded, bounded runs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemFromJson } from '../../src/io/json.js';
import { readPlan } from '../../src/io/solution.js';
import { checkSolution } from '../../src/model/check.js';
import { solve } from '../../src/solver/index.js';
import { replan } from '../../src/dispatch/replan.js';
import { checkSla } from '../../src/sla/check.js';
import { clusterPoints } from '../../src/cluster/cluster.js';
import { RoadNetwork } from '../../src/network/road-network.js';
import type { Problem, RoutePlan } from '../../src/model/types.js';
import { REPO_ROOT } from '../io/shared.js';
import { cleanOutcome, cleanOutcomeAsync, mutatedJson } from './helpers.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', name), 'utf8'));

const ROUTE = {
  travel: { type: 'matrix', size: 4, durations: [[0, 5, 7, 9], [5, 0, 3, 4], [7, 3, 0, 2], [9, 4, 2, 0]] },
  vehicles: [
    { id: 'v1', start: 0, end: 0, capacity: [10], shift: [0, 100], maxDuration: 80 },
    { id: 'v2', start: 0, capacity: [4], costs: { fixed: 10, perDistance: 1, perDuration: 0.1 } },
  ],
  jobs: [
    { id: 'a', location: 1, delivery: [3], serviceDuration: 2, timeWindows: [[0, 50]] },
    { id: 'b', location: 2, pickup: [2], releaseTime: 5, allowedVehicles: ['v1'] },
    { id: 'c', location: 3, delivery: [5], dispatchDeadline: 60, preferredVehicle: 'v2', reassignmentPenalty: 3 },
  ],
};

const quick = { numRuns: 150 };

describe('fuzzing the JSON documents', () => {
  it('route files: a problem or a VrpkitError; a valid one solves without losing a job', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedJson(ROUTE), async (doc) => {
        let problem: Problem | undefined;
        cleanOutcome(() => void (problem = problemFromJson(doc)), { rootAllowed: true });
        if (!problem) return;
        let report: ReturnType<typeof checkSolution> | undefined;
        const p = problem;
        await cleanOutcomeAsync(async () => {
          const solution = await solve(p, { maxIterations: 5, seed: 1 });
          report = checkSolution(p, solution);
        });
        if (!report) return;
        const lost = report.violations.filter((v) => ['missing-job', 'duplicate-job', 'unknown-reason', 'missing-reason'].includes(v.code));
        expect(lost).toEqual([]);
        expect(report.feasible).toBe(true);
      }),
      { numRuns: 120 },
    );
  });

  it('solution files: a plan or a VrpkitError; a read plan is checked without other exceptions', () => {
    const problem = problemFromJson(ROUTE);
    const solution = {
      summary: { cost: 30, routes: 1, unassigned: 1, distance: 18, duration: 18 },
      routes: [{ vehicle: 'v1', cost: 18, steps: [{ type: 'start', location: 0, departure: 0 }, { type: 'job', id: 'a', arrival: 5, load: [0] }, { type: 'job', id: 'b' }, { type: 'end' }] }],
      unassigned: [{ id: 'c', reason: 'capacity' }],
    };
    fc.assert(
      fc.property(mutatedJson(solution), (doc) => {
        cleanOutcome(() => checkSolution(problem, readPlan(doc) as RoutePlan), { rootAllowed: true });
      }),
      quick,
    );
  });

  it('replan events: a new plan or a VrpkitError, also for wrongly typed lists', async () => {
    const plan = fixture('replan-plan.json');
    const problem = problemFromJson(plan.problem);
    const events = fixture('replan-events.json');
    await fc.assert(
      fc.asyncProperty(mutatedJson(events), async (doc) => {
        await cleanOutcomeAsync(() => replan(problem, plan.solution, doc as never, { maxIterations: 3, seed: 1 }), { rootAllowed: true });
      }),
      { numRuns: 25 },
    );
    // The three typing mistakes of the issue, exactly.
    for (const [field, value] of [['newJobs', 'a string'], ['vehiclePositions', { vehicle: 'van-1' }], ['cancelled', 7], ['served', 3], ['inProgress', 'ord-2008']] as const) {
      const e = await replan(problem, plan.solution, { ...events, [field]: value }, { maxIterations: 1 }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toMatchObject({ name: 'VrpkitError', code: 'type', pointer: `/${field}` });
    }
  });

  it('SLA orders files: a report or a VrpkitError', () => {
    const file = fixture('sla-orders.json');
    fc.assert(
      fc.property(mutatedJson(file), (doc) => {
        const d = (doc ?? {}) as Record<string, unknown>;
        cleanOutcome(() => checkSla(d.orders as never, { now: d.now as never, policy: d.policy as never }), { rootAllowed: true });
      }),
      { numRuns: 300 },
    );
  });

  it('cluster points files: zones or a VrpkitError', () => {
    const file = fixture('cluster-points.json');
    const small = { ...file, points: file.points.slice(0, 8) };
    fc.assert(
      fc.property(mutatedJson(small), fc.constantFrom<object>({ k: 3 }, { maxDemand: 10 }, { k: 2, method: 'sweep', maxDemand: 30 }), (doc, options) => {
        const d = (doc ?? {}) as Record<string, unknown>;
        cleanOutcome(() => clusterPoints(d.points as never, { ...options, metric: 'haversine' }), { rootAllowed: true });
      }),
      quick,
    );
  });

  it('GeoJSON road files: a network or a VrpkitError', () => {
    const roads = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { oneway: 'yes', maxspeed: 30 }, geometry: { type: 'LineString', coordinates: [[1.5, 42.5], [1.501, 42.5], [1.502, 42.501]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[1.502, 42.501], [1.5, 42.5]]] } },
      ],
    };
    fc.assert(
      fc.property(mutatedJson(roads), (doc) => {
        cleanOutcome(() => RoadNetwork.fromGeoJSON(doc), { rootAllowed: true });
      }),
      quick,
    );
  });
});
