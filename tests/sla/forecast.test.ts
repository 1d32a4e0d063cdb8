import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastSla } from '../../src/sla/forecast.js';
import { checkSolution } from '../../src/model/check.js';
import type { Problem, RoutePlan } from '../../src/model/types.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 22, 8, 0, 0);

// depot 0, a at 1, b at 2, c at 3; every arc between distinct places takes 600 s
const size = 4;
const durations = Array.from({ length: size * size }, (_, k) => (Math.floor(k / size) === k % size ? 0 : 600));
const problem: Problem = {
  jobs: [
    { id: 'a', location: 1, timeWindows: [[900, 3600]] },
    { id: 'b', location: 2, timeWindows: [[0, 1500]] },
    { id: 'c', location: 3 },
  ],
  vehicles: [{ id: 'v1', start: 0, end: 0 }],
  travel: { type: 'matrix', size, durations },
};
// No stated times: the checker derives the departure d* = 300 s (departing at 0, the van would wait
// 300 s for a's window at 900; d* removes that waiting and nothing more).
const plan: RoutePlan = {
  routes: [{ vehicle: 'v1', steps: [{ type: 'start' }, { type: 'job', id: 'a' }, { type: 'job', id: 'b' }, { type: 'end' }] }],
  unassigned: [{ id: 'c', reason: 'fleet-exhausted' }],
};

describe('forecastSla', () => {
  it('attaches the checker-derived departure and ETA and judges stages with them', () => {
    expect(checkSolution(problem, plan).feasible).toBe(true);
    const r = forecastSla(
      problem,
      plan,
      [
        { id: 'a', receivedAt: T0 - 5 * H, acceptedAt: T0 - 4.5 * H, processedAt: T0 - 3 * H },
        { id: 'b', receivedAt: T0 - 2 * H, acceptedAt: T0 - 1.5 * H, processedAt: T0 - H, promisedBy: T0 + 1_400_000 },
        { id: 'c', receivedAt: T0 - H, acceptedAt: T0 - H, processedAt: T0 - H },
        { id: 'zzz', receivedAt: T0 - H },
      ],
      { timeOrigin: '2026-11-22T09:00:00+01:00', now: T0 - 600_000 },
    );
    expect(r.planFeasible).toBe(true);
    const [a, b, c, z] = r.orders;
    expect(a.plan).toEqual({
      state: 'routed',
      vehicle: 'v1',
      position: 0,
      departure: T0 + 300_000,
      departureIso: '2026-11-22T08:05:00.000Z',
      arrival: T0 + 900_000,
      arrivalIso: '2026-11-22T08:15:00.000Z',
      eta: T0 + 900_000,
      etaIso: '2026-11-22T08:15:00.000Z',
    });
    // a: depart deadline = processedAt + 3 h = T0; the plan leaves 5 min later
    expect(a.stages.depart).toMatchObject({ status: 'at-risk', deadline: T0, slackMs: 600_000, forecastBreachMs: 300_000 });
    // a has no promisedBy: its window end (3600 s) is the promise; ETA 900 s is in time
    expect(a.stages.deliver).toMatchObject({ status: 'pending', deadline: T0 + 3_600_000, forecast: T0 + 900_000 });
    expect(a.status).toBe('at-risk');
    // b: promised by 1400 s, planned at 1500 s
    expect(b.plan).toMatchObject({ state: 'routed', position: 1, eta: T0 + 1_500_000 });
    expect(b.stages.depart.status).toBe('pending');
    expect(b.stages.deliver).toMatchObject({ status: 'at-risk', forecastBreachMs: 100_000 });
    // c is unassigned: the plan will not take it out
    expect(c.plan).toEqual({ state: 'unassigned', reason: 'fleet-exhausted' });
    expect(c.stages.depart).toMatchObject({ status: 'at-risk', forecast: null });
    expect(c.stages.deliver.status).toBe('not-applicable');
    // zzz matches no job
    expect(z.plan).toEqual({ state: 'not-planned' });
    expect(z.stages.accept.status).toBe('pending');
    expect(r.totals.depart).toMatchObject({ total: 4, atRisk: 2, pending: 2 });
  });

  it('an event that already happened wins over the plan, and a stated departure is used', () => {
    const stated: RoutePlan = {
      routes: [{ vehicle: 'v1', steps: [{ type: 'start', departure: 0 }, { type: 'job', id: 'a' }, { type: 'job', id: 'b' }, { type: 'end' }] }],
      unassigned: [{ id: 'c', reason: 'fleet-exhausted' }],
    };
    const r = forecastSla(
      problem,
      stated,
      [{ id: 'a', receivedAt: T0 - 5 * H, acceptedAt: T0 - 4.5 * H, processedAt: T0 - 3 * H, departedAt: T0 + 60_000 }],
      { timeOrigin: T0, now: T0 + 120_000, timeUnitMs: 1000 },
    );
    // Departing at 0 the van reaches a at 600 s and waits for its window (900 s).
    expect(r.orders[0].plan).toMatchObject({ departure: T0, arrival: T0 + 600_000, eta: T0 + 900_000 });
    expect(r.orders[0].stages.depart).toMatchObject({ status: 'breached', breachMs: 60_000, at: T0 + 60_000 });
  });
});

describe('forecastSla properties', () => {
  const caseArb = fc.record({
    points: fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 })), { minLength: 1, maxLength: 10 }),
    assign: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 10, maxLength: 10 }),
    processed: fc.array(fc.option(fc.integer({ min: -4 * 3600, max: 3600 }), { nil: undefined }), { minLength: 10, maxLength: 10 }),
    release: fc.integer({ min: 0, max: 7200 }),
    now: fc.integer({ min: -3600, max: 4 * 3600 }),
  });

  it('planned times are ordered and depart statuses follow the planned departure', () => {
    fc.assert(
      fc.property(caseArb, ({ points, assign, processed, release, now }) => {
        const problem: Problem = {
          jobs: points.map((p, i) => ({ id: `j${i}`, location: p as [number, number], serviceDuration: 60 })),
          vehicles: [0, 1, 2].map((v) => ({ id: `v${v}`, start: [1500, 1500] as [number, number], shift: [release * v, 100_000] as [number, number] })),
          travel: { type: 'euclidean', speed: 10 },
        };
        const plan: RoutePlan = {
          routes: [0, 1, 2].map((v) => ({
            vehicle: `v${v}`,
            steps: [{ type: 'start' as const }, ...points.flatMap((_, i) => (assign[i] === v ? [{ type: 'job' as const, id: `j${i}` }] : [])), { type: 'end' as const }],
          })),
          unassigned: points.flatMap((_, i) => (assign[i] < 0 ? [{ id: `j${i}`, reason: 'fleet-exhausted' }] : [])),
        };
        const orders = points.map((_, i) => {
          const p = processed[i];
          return p === undefined
            ? { id: `j${i}`, receivedAt: T0 - H }
            : { id: `j${i}`, receivedAt: T0 + p * 1000 - 2 * H, acceptedAt: T0 + p * 1000 - H, processedAt: T0 + p * 1000 };
        });
        const r = forecastSla(problem, plan, orders, { timeOrigin: T0, now: T0 + now * 1000 });
        expect(r.totals.depart.total).toBe(points.length);
        for (const o of r.orders) {
          const d = o.stages.depart;
          if (o.plan.state === 'routed') {
            expect(o.plan.departure).toBeLessThanOrEqual(o.plan.arrival);
            expect(o.plan.arrival).toBeLessThanOrEqual(o.plan.eta);
            if (r.now <= d.deadline!) expect(d.status).toBe(o.plan.departure > d.deadline! ? 'at-risk' : 'pending');
          } else {
            expect(o.plan.state).toBe('unassigned');
            if (r.now <= d.deadline!) expect(d.status).toBe('at-risk');
          }
          if (r.now > d.deadline!) expect(d).toMatchObject({ status: 'breached', breachMs: r.now - d.deadline! });
        }
      }),
      { numRuns: 100 },
    );
  });
});
