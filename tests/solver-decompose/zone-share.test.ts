import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planZoneFanout } from '../../src/solver/decompose/fanout.js';
import { quickZonesExpected } from '../../src/solver/decompose/index.js';
import { ZONE_SHARE_MAX, ZONE_SHARE_MIN, zoneTimeShare } from '../../src/solver/decompose/zone-share.js';
import { makeInstance } from './instance.js';

describe('zoneTimeShare', () => {
  it('gives 2 ms of the limit per job, between 0.1 and 0.4', () => {
    expect(zoneTimeShare(undefined, 10_000, 240_000)).toBe(ZONE_SHARE_MIN); // the bench:large point: 0.083 → 0.1
    expect(zoneTimeShare(undefined, 10_000, 100_000)).toBeCloseTo(0.2, 12);
    expect(zoneTimeShare(undefined, 10_000, 50_000)).toBeCloseTo(ZONE_SHARE_MAX, 12);
    expect(zoneTimeShare(undefined, 10_000, 10_000)).toBe(ZONE_SHARE_MAX);
  });

  it("keeps the caller's share (clamped to 0.05-0.95) and 0.4 without a time limit", () => {
    expect(zoneTimeShare(0.3, 10_000, 240_000)).toBe(0.3);
    expect(zoneTimeShare(0.01, 10_000, 240_000)).toBe(0.05);
    expect(zoneTimeShare(2, 10_000, 240_000)).toBe(0.95);
    expect(zoneTimeShare(undefined, 10_000, Infinity)).toBe(ZONE_SHARE_MAX);
  });

  it('leaves the quick-plan decision where the fixed share of 0.4 put it, for every limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.double({ min: 1, max: 1e7, noNaN: true }), (jobs, limit) => {
        const before = 0.4 * limit < 1.5 * 0.25 * jobs; // QUICK_BELOW × SETUP_MS_PER_JOB × jobs with the old default
        expect(quickZonesExpected(jobs, limit)).toBe(before);
      }),
    );
  });

  it('is what the zone tasks of a fan-out get, in sum over the zones', () => {
    const problem = makeInstance({ jobs: 600, seed: 3 });
    const total = (timeLimitMs: number, zoneTimeShare?: number) =>
      planZoneFanout(problem, { timeLimitMs, seed: 1, zoneSize: 150, ...(zoneTimeShare !== undefined ? { zoneTimeShare } : {}) })
        .tasks.reduce((s, t) => s + (t.options.timeLimitMs ?? 0), 0);
    // 600 jobs: 2 ms per job is 1.2 s; at 60 s that is 0.02, so the floor of 0.1 applies
    expect(total(60_000)).toBeCloseTo(0.1 * 60_000, 6);
    // at 2 s it is 0.6, so the ceiling of 0.4 applies
    expect(total(2_000)).toBeCloseTo(0.4 * 2_000, 6);
    expect(total(60_000, 0.3)).toBeCloseTo(0.3 * 60_000, 6);
  });
});
