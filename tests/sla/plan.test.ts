import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applySlaToProblem, planningTimes } from '../../src/sla/plan.js';
import { parseOrders } from '../../src/sla/orders.js';
import type { Problem } from '../../src/model/types.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 22, 8, 0, 0);

const problem = (): Problem => ({
  jobs: [
    { id: 'a', location: 1 },
    { id: 'b', location: 2, releaseTime: 9000, dispatchDeadline: 10_000 },
    { id: 'c', location: 3 },
    { id: 17, location: 1 },
  ],
  vehicles: [{ id: 'v', start: 0, end: 0 }],
  travel: { type: 'matrix', size: 4, durations: new Array(16).fill(1) },
});

describe('planning with the SLA clock', () => {
  it('release = processedAt (or the process deadline); dispatch deadline = release + 3 h', () => {
    const [done, open] = parseOrders([
      { id: 'a', receivedAt: T0, acceptedAt: T0 + 0.25 * H, processedAt: T0 + H },
      { id: 'b', receivedAt: T0, acceptedAt: T0 },
    ]);
    expect(planningTimes(done)).toEqual({ id: 'a', releaseTimeMs: T0 + H, dispatchDeadlineMs: T0 + 4 * H });
    expect(planningTimes(open)).toEqual({ id: 'b', releaseTimeMs: T0 + 2 * H, dispatchDeadlineMs: T0 + 5 * H });
  });

  it('applySlaToProblem sets job times in problem seconds, keeps the tighter bound and does not mutate', () => {
    const p = problem();
    const before = JSON.stringify(p);
    const out = applySlaToProblem(
      p,
      [
        { id: 'a', receivedAt: T0, acceptedAt: T0 + 0.25 * H, processedAt: T0 + H },
        { id: 'b', receivedAt: T0, acceptedAt: T0 },
        { id: '17', receivedAt: '2026-11-22T09:00:00+01:00' },
        { id: 'not-a-job', receivedAt: T0 },
      ],
      { timeOrigin: '2026-11-22T08:00:00Z' },
    );
    expect(JSON.stringify(p)).toBe(before);
    expect(out.jobs[0]).toMatchObject({ releaseTime: 3600, dispatchDeadline: 14_400 });
    // b: SLA says [7200, 18000]; the job's own [9000, 10000] is tighter on both sides
    expect(out.jobs[1]).toMatchObject({ releaseTime: 9000, dispatchDeadline: 10_000 });
    expect(out.jobs[2].releaseTime).toBeUndefined();
    // order "17" matches job 17: received 08:00Z, process deadline 11:00Z = 3 h after origin
    expect(out.jobs[3]).toMatchObject({ releaseTime: 3 * 3600, dispatchDeadline: 6 * 3600 });
  });

  it('with now, an unprocessed order is released no earlier than now; its deadline stays', () => {
    const orders = [
      { id: 'a', receivedAt: T0, acceptedAt: T0 }, // process deadline T0 + 2 h, overdue at T0 + 2.5 h
      { id: 'b', receivedAt: T0, acceptedAt: T0, processedAt: T0 + H }, // processed: now does not matter
    ];
    const out = applySlaToProblem(problem(), orders, { timeOrigin: T0, now: T0 + 2.5 * H });
    expect(out.jobs[0]).toMatchObject({ releaseTime: 2.5 * 3600, dispatchDeadline: 5 * 3600 });
    expect(out.jobs[1]).toMatchObject({ releaseTime: 9000, dispatchDeadline: 10_000 }); // b's own bounds are tighter
    const early = applySlaToProblem(problem(), orders, { timeOrigin: T0, now: T0 + H });
    expect(early.jobs[0].releaseTime).toBe(2 * 3600);
  });

  it('honours timeUnitMs and a global policy', () => {
    const out = applySlaToProblem(problem(), [{ id: 'a', receivedAt: T0, acceptedAt: T0, processedAt: T0 + 30 * 60_000 }], {
      timeOrigin: T0,
      timeUnitMs: 60_000,
      policy: { departWithinMs: H },
    });
    expect(out.jobs[0]).toMatchObject({ releaseTime: 30, dispatchDeadline: 90 });
  });

  it('refuses a missing time origin and bad orders', () => {
    expect(() => applySlaToProblem(problem(), [], { timeOrigin: undefined as never })).toThrow(/timeOrigin/);
    expect(() => applySlaToProblem(problem(), [{ id: 'a', receivedAt: 'soon' }], { timeOrigin: T0 })).toThrow(/orders\/0\/receivedAt/);
  });

  it('the dispatch deadline is never before the release time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.array(fc.integer({ min: 0, max: 4 * H }), { minLength: 3, maxLength: 3 }), (k, gaps) => {
        const o: Record<string, number | string> = { id: 'a', receivedAt: T0 };
        let t = T0;
        (['acceptedAt', 'processedAt', 'departedAt'] as const).slice(0, Math.min(k, 3)).forEach((f, i) => {
          t += gaps[i];
          o[f] = t;
        });
        const job = applySlaToProblem(problem(), [o as never], { timeOrigin: T0 }).jobs[0];
        expect(job.dispatchDeadline! - job.releaseTime!).toBeCloseTo(3 * 3600, 6);
        expect(job.releaseTime!).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('promises as soft time windows (applySlaToProblem, option promise)', () => {
  const orders = [
    { id: 'a', receivedAt: T0, processedAt: T0, acceptedAt: T0, promisedBy: T0 + 2 * H },
    { id: 'b', receivedAt: T0, promisedBy: T0 + 3 * H },
    { id: 'c', receivedAt: T0 },
  ];
  it('a job without windows gets [receivedAt, promisedBy] and the price; own windows and own fields win', () => {
    const p = problem();
    p.jobs[1] = { ...p.jobs[1], timeWindows: [[0, 99_999]] };
    const out = applySlaToProblem(p, orders, { timeOrigin: T0, promise: { latenessCost: 0.5, maxLateness: 1800 } });
    expect(out.jobs[0]).toMatchObject({ timeWindows: [[0, 7200]], latenessCost: 0.5, maxLateness: 1800 });
    expect(out.jobs[1].timeWindows).toEqual([[0, 99_999]]); // the customer's own window
    expect(out.jobs[1].latenessCost).toBeUndefined();
    expect(out.jobs[2].timeWindows).toBeUndefined(); // no promise
    const own = applySlaToProblem({ ...p, jobs: [{ ...p.jobs[0], latenessCost: 2 }] }, orders, { timeOrigin: T0, promise: { latenessCost: 0.5 } });
    expect(own.jobs[0]).toMatchObject({ timeWindows: [[0, 7200]], latenessCost: 2 });
    expect(own.jobs[0].maxLateness).toBeUndefined();
    // Without the option promises stay out of the problem.
    expect(applySlaToProblem(p, orders, { timeOrigin: T0 }).jobs[0].timeWindows).toBeUndefined();
  });

  it('bad option values name the field', () => {
    for (const [promise, field] of [
      [{ latenessCost: -1 }, 'promise.latenessCost'],
      [{ latenessCost: Infinity }, 'promise.latenessCost'],
      [{ maxLateness: -1 }, 'promise.maxLateness'],
      [{ price: 1 }, 'promise.price'],
      [3, 'promise'],
    ] as const) {
      expect(() => applySlaToProblem(problem(), orders, { timeOrigin: T0, promise: promise as never })).toThrow(
        expect.objectContaining({ code: 'sla-promise', pointer: field }),
      );
    }
  });
});
