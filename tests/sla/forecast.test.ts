import { describe, expect, it } from 'vitest';
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
    { id: 'a', location: 1, timeWindows: [[0, 3600]] },
    { id: 'b', location: 2, timeWindows: [[0, 1500]] },
    { id: 'c', location: 3 },
  ],
  vehicles: [{ id: 'v1', start: 0, end: 0 }],
  travel: { type: 'matrix', size, durations },
};
// No stated times: the checker derives the departure d* = 300 s (b's window end 1500 − arrival 1200).
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
    expect(r.orders[0].plan).toMatchObject({ departure: T0, eta: T0 + 600_000 });
    expect(r.orders[0].stages.depart).toMatchObject({ status: 'breached', breachMs: 60_000, at: T0 + 60_000 });
  });
});
