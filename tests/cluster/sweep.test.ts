import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterPoints } from '../../src/cluster/index.js';
import { sweepOrder } from '../../src/cluster/sweep.js';
import { bookkeepingError, flat, planePoints } from './helpers.js';

/** A point at `deg` degrees and radius `r` around (0, 0). */
const polar = (deg: number, r = 10): [number, number] => [r * Math.cos((deg * Math.PI) / 180), r * Math.sin((deg * Math.PI) / 180)];

/** Angle of a point around a depot in [0, 2π). */
const angleOf = (p: [number, number], depot: [number, number]) => {
  const a = Math.atan2(p[1] - depot[1], p[0] - depot[0]);
  return a < 0 ? a + 2 * Math.PI : a;
};

/** Squared distance to the depot. */
const gapOf = (p: [number, number], depot: [number, number]) => (p[0] - depot[0]) ** 2 + (p[1] - depot[1]) ** 2;

/**
 * True when each zone occupies one contiguous run of the circular angular order
 * (points sorted by angle, equal angles nearest first, as documented; brute force).
 */
function sectorsContiguous(pairs: [number, number][], zones: Int32Array, depot: [number, number]): boolean {
  const order = pairs
    .map((_, i) => i)
    .sort((a, b) => angleOf(pairs[a], depot) - angleOf(pairs[b], depot) || gapOf(pairs[a], depot) - gapOf(pairs[b], depot) || a - b);
  // Count zone changes around the circle; contiguous runs ⇔ changes = number of distinct zones (or 0 for one zone).
  let changes = 0;
  for (let t = 0; t < order.length; t++) {
    if (zones[order[t]] !== zones[order[(t + 1) % order.length]]) changes++;
  }
  const distinct = new Set(zones).size;
  return distinct === 1 ? changes === 0 : changes === distinct;
}

describe('sweep: exact small cases', () => {
  it('starts after the largest angular gap', () => {
    // Angles 0, 10, 100, 110: the largest gap is 110 → 360, so the sweep starts at 0.
    const pts = [polar(100), polar(0), polar(110), polar(10)];
    const r = clusterPoints(pts, { method: 'sweep', k: 2, depot: [0, 0] });
    expect(Array.from(r.zones)).toEqual([1, 0, 1, 0]);
    expect(Array.from(sweepOrder({ n: 4, coords: flat(pts), demand: new Float64Array(4), demandPointer: String }, [0, 0], false))).toEqual([1, 3, 0, 2]);
  });

  it('handles a sector that wraps across angle ±180° / 0°', () => {
    // Angles 350, 10, 100, 120: largest gap 120 → 350, so the sweep runs 350, 10, 100, 120.
    const pts = [polar(10), polar(120), polar(350), polar(100)];
    const r = clusterPoints(pts, { method: 'sweep', k: 2, depot: [0, 0] });
    expect(r.zones[2]).toBe(r.zones[0]);
    expect(r.zones[1]).toBe(r.zones[3]);
    expect(r.zones[0]).not.toBe(r.zones[1]);
    // Around ±180°: angles 170, 190 (= -170), 300, 310.
    const w = [polar(170), polar(190), polar(300), polar(310)];
    const rw = clusterPoints(w, { method: 'sweep', k: 2, depot: [0, 0] });
    expect(Array.from(rw.zones)).toEqual([0, 0, 1, 1]);
  });

  it('balances demand, or counts when asked', () => {
    const pts = [polar(0), polar(10), polar(20), polar(30)];
    const demand = [3, 1, 1, 1];
    const byDemand = clusterPoints(pts, { method: 'sweep', k: 2, depot: [0, 0], demand });
    expect(byDemand.demand).toEqual([3, 3]);
    expect(byDemand.sizes).toEqual([1, 3]);
    const byCount = clusterPoints(pts, { method: 'sweep', k: 2, depot: [0, 0], demand, balance: 'count' });
    expect(byCount.sizes).toEqual([2, 2]);
  });

  it('maxDemand alone cuts greedily: a new sector when the next point would overflow', () => {
    const pts = [0, 10, 20, 30, 40, 50].map((a) => polar(a));
    const r = clusterPoints(pts, { method: 'sweep', maxDemand: 5, depot: [0, 0], demand: [2, 2, 2, 4, 1, 3] });
    expect(r.k).toBe(4);
    expect(Array.from(r.zones)).toEqual([0, 0, 1, 2, 2, 3]);
    expect(r.demand).toEqual([4, 2, 5, 3]);
  });

  it('with k and maxDemand, falls back to a capacity-feasible cut when the balanced one breaks it', () => {
    const pts = [0, 10, 20, 30].map((a) => polar(a));
    // Demands [6, 1, 1, 6] in sweep order. k = 3: the balanced cut {6} {1, 1} {6} fits maxDemand 6.
    // k = 2: balanced {6, 1} {1, 6} = 7 each; with maxDemand 6 no 2-sector cut fits (greedy needs 3).
    const r = clusterPoints(pts, { method: 'sweep', k: 3, maxDemand: 6, depot: [0, 0], demand: [6, 1, 1, 6] });
    expect(Math.max(...r.demand)).toBeLessThanOrEqual(6);
    expect(r.k).toBe(3);
    const tight = clusterPoints(pts, { method: 'sweep', k: 2, maxDemand: 7, depot: [0, 0], demand: [6, 1, 1, 6] });
    expect(tight.demand).toEqual([7, 7]);
    expect(() => clusterPoints(pts, { method: 'sweep', k: 2, maxDemand: 6, depot: [0, 0], demand: [6, 1, 1, 6] })).toThrow(
      expect.objectContaining({ code: 'cluster-capacity' }),
    );
  });
});

describe('sweep: properties', () => {
  it('sectors are angularly contiguous, every zone non-empty, unit-demand sizes differ by at most one', () => {
    fc.assert(
      fc.property(planePoints(1, 120), fc.integer({ min: 1, max: 12 }), (pairs, kRaw) => {
        const k = Math.min(kRaw, pairs.length);
        const depot: [number, number] = [50, 50];
        const r = clusterPoints(pairs, { method: 'sweep', k, depot });
        expect(bookkeepingError(r, pairs.length, new Array(pairs.length).fill(1))).toBeNull();
        expect(r.k).toBe(k);
        expect(sectorsContiguous(pairs, r.zones, depot)).toBe(true);
        expect(Math.max(...r.sizes) - Math.min(...r.sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('with maxDemand: every sector within the limit, contiguous, and no two neighbouring sectors could merge', () => {
    fc.assert(
      fc.property(
        planePoints(1, 100).chain((pairs) =>
          fc.tuple(fc.constant(pairs), fc.array(fc.integer({ min: 0, max: 10 }), { minLength: pairs.length, maxLength: pairs.length })),
        ),
        fc.integer({ min: 10, max: 40 }),
        ([pairs, demand], maxDemand) => {
          const depot: [number, number] = [50, 50];
          const r = clusterPoints(pairs, { method: 'sweep', maxDemand, depot, demand });
          expect(bookkeepingError(r, pairs.length, demand)).toBeNull();
          expect(Math.max(...r.demand)).toBeLessThanOrEqual(maxDemand);
          expect(sectorsContiguous(pairs, r.zones, depot)).toBe(true);
          const total = demand.reduce((a, b) => a + b, 0);
          expect(r.k).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(total / maxDemand)));
          for (let c = 0; c + 1 < r.k; c++) expect(r.demand[c] + r.demand[c + 1]).toBeGreaterThan(maxDemand);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('works on lon/lat around a depot (haversine) and keeps sectors contiguous in the local projection', () => {
    const pairs: [number, number][] = [];
    for (let i = 0; i < 48; i++) pairs.push([-8.61 + 0.05 * Math.cos(i * 0.37), 41.15 + 0.03 * Math.sin(i * 0.91)]);
    const depot: [number, number] = [-8.61, 41.15];
    const r = clusterPoints(pairs, { method: 'sweep', k: 6, depot, metric: 'haversine' });
    expect(r.sizes).toEqual([8, 8, 8, 8, 8, 8]);
    const scaled = pairs.map(([x, y]) => [(x - depot[0]) * Math.cos((depot[1] * Math.PI) / 180), y - depot[1]] as [number, number]);
    expect(sectorsContiguous(scaled, r.zones, [0, 0])).toBe(true);
    expect(r.cost).toBeGreaterThan(0);
  });
});
