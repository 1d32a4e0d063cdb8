import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterPoints } from '../../src/cluster/index.js';
import { Rng } from '../../src/core/rng.js';
import { bookkeepingError, flat, planePoints } from './helpers.js';

/** Points with integer demands 0..maxQ, generated together. */
const pointsWithDemand = (min: number, max: number, maxQ: number) =>
  planePoints(min, max).chain((pairs) =>
    fc.tuple(fc.constant(pairs), fc.array(fc.integer({ min: 0, max: maxQ }), { minLength: pairs.length, maxLength: pairs.length })),
  );

describe('capacitated: exact small cases', () => {
  it('two blobs whose demand exactly fills two zones become the two zones', () => {
    const pts: [number, number][] = [
      [0, 0], [1, 0], [0, 1], [1, 1],
      [50, 50], [51, 50], [50, 51], [51, 51],
    ];
    const demand = [3, 2, 2, 3, 2, 3, 3, 2];
    for (let seed = 1; seed <= 5; seed++) {
      const r = clusterPoints(pts, { maxDemand: 10, demand, seed });
      expect(r.method).toBe('capacitated');
      expect(r.k).toBe(2);
      const a = r.zones[0];
      expect(Array.from(r.zones)).toEqual([a, a, a, a, 1 - a, 1 - a, 1 - a, 1 - a]);
      expect(r.demand).toEqual([10, 10]);
      expect(r.centres[a]).toEqual([0.5, 0.5]);
    }
  });

  it('a blob too heavy for one zone spills its farthest point, not a random one', () => {
    // Blob A (4 points at the corners of a unit square + 1 far-out point on B's side) and blob B.
    const pts: [number, number][] = [
      [0, 0], [1, 0], [0, 1], [1, 1], [20, 0],
      [40, 0], [41, 0], [40, 1],
    ];
    const r = clusterPoints(pts, { k: 2, maxDemand: 4, demand: [1, 1, 1, 1, 1, 1, 1, 1], seed: 2 });
    const a = r.zones[0];
    expect(Array.from(r.zones)).toEqual([a, a, a, a, 1 - a, 1 - a, 1 - a, 1 - a]);
  });

  it('derives the zone count from demand and adds zones when packing needs them', () => {
    // Total 12 with maxDemand 5: ceil(12 / 5) = 3 zones, but demands 4, 4, 4 need three anyway.
    const r = clusterPoints([[0, 0], [1, 0], [2, 0]], { maxDemand: 5, demand: [4, 4, 4] });
    expect(r.k).toBe(3);
    expect(r.demand).toEqual([4, 4, 4]);
    // Total 9, maxDemand 5: ceil = 2, but 3 + 3 + 3 cannot go into two zones of 5: one zone is added.
    const grown = clusterPoints([[0, 0], [1, 0], [2, 0]], { maxDemand: 5, demand: [3, 3, 3] });
    expect(grown.k).toBe(3);
    expect(Math.max(...grown.demand)).toBe(3);
  });

  it('without maxDemand, k zones of balanced size', () => {
    const rng = new Rng(3);
    const pts: [number, number][] = [];
    for (let i = 0; i < 80; i++) pts.push([rng.next() * (i < 60 ? 10 : 100), rng.next() * 10]); // dense left, sparse right
    const r = clusterPoints(pts, { method: 'capacitated', k: 4, sizeTolerance: 0 });
    expect(r.sizes).toEqual([20, 20, 20, 20]);
  });
});

describe('capacitated: properties', () => {
  it('zone demand never exceeds maxDemand; every point in exactly one zone; k ≥ ceil(total / maxDemand)', () => {
    fc.assert(
      fc.property(pointsWithDemand(1, 120, 10), fc.integer({ min: 10, max: 60 }), fc.integer(), ([pairs, demand], maxDemand, seed) => {
        const r = clusterPoints(flat(pairs), { maxDemand, demand, seed });
        expect(bookkeepingError(r, pairs.length, demand)).toBeNull();
        expect(Math.max(...r.demand)).toBeLessThanOrEqual(maxDemand);
        const total = demand.reduce((a, b) => a + b, 0);
        expect(r.k).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(total / maxDemand)));
        expect(Math.min(...r.sizes)).toBeGreaterThan(0); // derived zones: empty ones are dropped
      }),
      { numRuns: 120 },
    );
  });

  it('with a given k: capacity respected or a cluster-capacity error, never a silent overflow', () => {
    let solved = 0;
    const runs = 120;
    fc.assert(
      fc.property(pointsWithDemand(2, 80, 10), fc.integer({ min: 1, max: 8 }), fc.integer(), ([pairs, demand], kRaw, seed) => {
        const k = Math.min(kRaw, pairs.length);
        const total = demand.reduce((a, b) => a + b, 0);
        const maxDemand = Math.max(10, Math.ceil((total / k) * 1.15));
        // First fit never fails when every zone could still take the largest point:
        // total ≤ k (maxDemand − largest) + largest. Then an error would be a bug.
        const largest = Math.max(...demand);
        const surelyFeasible = total <= k * (maxDemand - largest) + largest;
        try {
          const r = clusterPoints(pairs, { k, maxDemand, demand, seed });
          expect(r.k).toBe(k);
          expect(bookkeepingError(r, pairs.length, demand)).toBeNull();
          expect(Math.max(...r.demand)).toBeLessThanOrEqual(maxDemand);
          expect(Math.min(...r.sizes)).toBeGreaterThan(0); // no empty zone when k ≤ n
          solved++;
        } catch (e) {
          expect((e as { code?: string }).code).toBe('cluster-capacity');
          expect(surelyFeasible, 'a cluster-capacity error on an instance first fit can pack').toBe(false);
        }
      }),
      { numRuns: runs },
    );
    // The error branch must stay the exception: a clusterer that always threw would pass the loop above.
    expect(solved).toBeGreaterThanOrEqual(0.9 * runs);
  });

  it('the size limit holds exactly when no demand limit competes with it', () => {
    fc.assert(
      fc.property(planePoints(1, 100), fc.integer({ min: 1, max: 9 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), (pairs, kRaw, tol, seed) => {
        const k = Math.min(kRaw, pairs.length);
        const r = clusterPoints(pairs, { method: 'capacitated', k, sizeTolerance: tol, seed });
        expect(Math.max(...r.sizes)).toBeLessThanOrEqual(Math.max(1, Math.ceil(((1 + tol) * pairs.length) / k)));
      }),
      { numRuns: 120 },
    );
  });

  it('the rounds never make the kept result worse: cost equals the best of the history', () => {
    fc.assert(
      fc.property(pointsWithDemand(2, 100, 10), fc.integer({ min: 15, max: 50 }), fc.integer(), ([pairs, demand], maxDemand, seed) => {
        const r = clusterPoints(pairs, { maxDemand, demand, seed });
        expect(r.cost).toBeCloseTo(Math.min(...r.history), 6);
        // The reported cost is the recomputed sum of distances to the reported centres.
        let cost = 0;
        pairs.forEach(([x, y], i) => (cost += Math.hypot(x - r.centres[r.zones[i]][0], y - r.centres[r.zones[i]][1])));
        expect(r.cost).toBeCloseTo(cost, 6);
      }),
      { numRuns: 80 },
    );
  });

  it('is deterministic with a seed', () => {
    const rng = new Rng(11);
    const pts = new Float64Array(600).map(() => rng.next() * 1000);
    const demand = Array.from({ length: 300 }, () => 1 + rng.int(9));
    const a = clusterPoints(pts, { maxDemand: 100, demand, seed: 5 });
    const b = clusterPoints(pts, { maxDemand: 100, demand, seed: 5 });
    expect(Array.from(b.zones)).toEqual(Array.from(a.zones));
    expect(b.cost).toBe(a.cost);
    expect(b.history).toEqual(a.history);
  });

  it('works with road-style asymmetric distances (medoids) and keeps capacity', () => {
    const rng = new Rng(4);
    const n = 60;
    const pts: [number, number][] = Array.from({ length: n }, () => [rng.next() * 100, rng.next() * 100]);
    // A detour factor that depends on direction: i → j costs more going "up".
    const road = (i: number, j: number) =>
      Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]) * (pts[j][1] > pts[i][1] ? 1.3 : 1.1);
    const demand = Array.from({ length: n }, () => 1 + rng.int(5));
    const r = clusterPoints(pts, { maxDemand: 40, demand, metric: { distance: road } });
    expect(bookkeepingError(r, n, demand)).toBeNull();
    expect(Math.max(...r.demand)).toBeLessThanOrEqual(40);
    for (let c = 0; c < r.k; c++) expect(r.zones[r.medoids![c]]).toBe(c);
    let cost = 0;
    for (let i = 0; i < n; i++) cost += road(r.medoids![r.zones[i]], i);
    expect(r.cost).toBeCloseTo(cost, 9);
  });
});
