import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterPoints } from '../../src/cluster/index.js';
import { Rng } from '../../src/core/rng.js';
import { haversineMetres } from '../../src/model/travel.js';
import { bookkeepingError, flat, planePoints, sseOf } from './helpers.js';

/** Two tight blobs far apart: around (0, 0) and (100, 100). */
const blobs: [number, number][] = [
  [0, 0], [1, 0], [0, 1], [1, 1], [0.5, 0.5],
  [100, 100], [101, 100], [100, 101], [101, 101],
];

describe('kmeans: exact small cases', () => {
  it('splits two obvious blobs, with their means as centres', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = clusterPoints(blobs, { k: 2, seed });
      const a = r.zones[0];
      expect(Array.from(r.zones)).toEqual([a, a, a, a, a, 1 - a, 1 - a, 1 - a, 1 - a]);
      expect(r.centres[a]).toEqual([0.5, 0.5]);
      expect(r.centres[1 - a]).toEqual([100.5, 100.5]);
      expect(r.sizes[a]).toBe(5);
      expect(r.demand[1 - a]).toBe(4); // demand defaults to 1 per point
      // cost = sum of distances to centres: 4 corners at √0.5 each around both centres, + 0 for (0.5, 0.5)
      expect(r.cost).toBeCloseTo(8 * Math.SQRT1_2, 12);
      expect(r.history.at(-1)).toBeCloseTo(8 * 0.5, 12);
    }
  });

  it('k = 1 puts everything in one zone at the mean; k = n gives one point per zone', () => {
    const one = clusterPoints(blobs, { k: 1 });
    expect(Array.from(one.zones)).toEqual(new Array(9).fill(0));
    expect(one.centres[0][0]).toBeCloseTo((2.5 + 402) / 9, 12);
    const all = clusterPoints(blobs, { k: 9, seed: 3 });
    expect(new Set(all.zones).size).toBe(9);
    expect(all.cost).toBe(0);
  });

  it('k = n with duplicate points still gives every zone a point', () => {
    const dup: [number, number][] = [[1, 1], [1, 1], [1, 1], [2, 2]];
    const r = clusterPoints(dup, { k: 4 });
    expect(r.sizes).toEqual([1, 1, 1, 1]);
  });

  it('haversine: separates two cities and reports great-circle metres', () => {
    const rng = new Rng(9);
    const pts: [number, number][] = [];
    for (let i = 0; i < 30; i++) pts.push([2.35 + (rng.next() - 0.5) * 0.1, 48.85 + (rng.next() - 0.5) * 0.1]); // Paris
    for (let i = 0; i < 20; i++) pts.push([13.4 + (rng.next() - 0.5) * 0.1, 52.52 + (rng.next() - 0.5) * 0.1]); // Berlin
    const r = clusterPoints(pts, { k: 2, metric: 'haversine' });
    const paris = r.zones[0];
    for (let i = 0; i < 50; i++) expect(r.zones[i]).toBe(i < 30 ? paris : 1 - paris);
    expect(r.sizes[paris]).toBe(30);
    expect(haversineMetres(r.centres[paris][0], r.centres[paris][1], 2.35, 48.85)).toBeLessThan(5000);
    let cost = 0;
    for (let i = 0; i < 50; i++) {
      const c = r.centres[r.zones[i]];
      cost += haversineMetres(pts[i][0], pts[i][1], c[0], c[1]);
    }
    expect(r.cost).toBeCloseTo(cost, 3);
    expect(r.metric).toBe('haversine');
  });

  it('haversine: a zone across the antimeridian gets a centre near ±180°', () => {
    const pts: [number, number][] = [[179.9, 0], [-179.9, 0], [179.95, 0.1], [-179.95, -0.1]];
    const r = clusterPoints(pts, { k: 1, metric: 'haversine' });
    expect(Math.abs(r.centres[0][0])).toBeGreaterThan(179.8);
    expect(Math.abs(r.centres[0][1])).toBeLessThan(0.01);
  });
});

describe('kmeans: custom metrics (medoids)', () => {
  const manhattan = (a: readonly [number, number], b: readonly [number, number]) =>
    Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]);

  it('a distance function: blobs split, centres are member points', () => {
    const r = clusterPoints(blobs, { k: 2, metric: manhattan });
    const a = r.zones[0];
    expect(Array.from(r.zones).filter((z) => z === a)).toHaveLength(5);
    expect(r.medoids).toBeDefined();
    for (let c = 0; c < 2; c++) expect(r.zones[r.medoids![c]]).toBe(c);
    expect(r.centres[a]).toEqual([0.5, 0.5]); // the medoid of the first blob is its middle point
    expect(r.cost).toBeCloseTo(4 + (1 + 1 + 2), 12); // blob 1: 4 corners × 1; blob 2, medoid a corner: 1 + 1 + 2
  });

  it('a matrix and { distance(i, j) } give the same zones as the function they tabulate', () => {
    const n = blobs.length;
    const matrix = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) matrix[i * n + j] = manhattan(blobs[i], blobs[j]);
    const viaFn = clusterPoints(blobs, { k: 3, metric: manhattan, seed: 4 });
    const viaMatrix = clusterPoints(blobs, { k: 3, metric: { matrix }, seed: 4 });
    const viaDistance = clusterPoints(blobs, { k: 3, metric: { distance: (i, j) => matrix[i * n + j] }, seed: 4 });
    expect(Array.from(viaMatrix.zones)).toEqual(Array.from(viaFn.zones));
    expect(Array.from(viaDistance.zones)).toEqual(Array.from(viaFn.zones));
    expect(viaMatrix.cost).toBe(viaFn.cost);
  });

  it('medoid objective (sum of distances) never increases', () => {
    fc.assert(
      fc.property(planePoints(3, 60), fc.integer({ min: 1, max: 6 }), fc.integer(), (pairs, kRaw, seed) => {
        const k = Math.min(kRaw, pairs.length);
        const r = clusterPoints(pairs, { k, metric: manhattan, seed });
        for (let t = 1; t < r.history.length; t++) {
          if (r.history[t] > r.history[t - 1] * (1 + 1e-12) + 1e-12) return false;
        }
        return bookkeepingError(r, pairs.length, new Array(pairs.length).fill(1)) === null;
      }),
      { numRuns: 60 },
    );
  });
});

describe('kmeans: properties', () => {
  it('every point in exactly one zone, ids in [0, k), no zone empty, bookkeeping consistent', () => {
    fc.assert(
      fc.property(planePoints(1, 120), fc.integer({ min: 1, max: 12 }), fc.integer(), (pairs, kRaw, seed) => {
        const k = Math.min(kRaw, pairs.length);
        const r = clusterPoints(flat(pairs), { k, seed });
        expect(bookkeepingError(r, pairs.length, new Array(pairs.length).fill(1))).toBeNull();
        expect(r.k).toBe(k);
        expect(Math.min(...r.sizes)).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('Lloyd iterations never increase the sum of squared distances, which matches a brute-force recount', () => {
    fc.assert(
      fc.property(planePoints(2, 150), fc.integer({ min: 1, max: 10 }), fc.integer(), (pairs, kRaw, seed) => {
        const k = Math.min(kRaw, pairs.length);
        const coords = flat(pairs);
        const r = clusterPoints(coords, { k, seed });
        for (let t = 1; t < r.history.length; t++) {
          expect(r.history[t]).toBeLessThanOrEqual(r.history[t - 1] * (1 + 1e-12) + 1e-9);
        }
        expect(r.history.at(-1)!).toBeCloseTo(sseOf(coords, r.zones, k), 6);
      }),
      { numRuns: 150 },
    );
  });

  it('converged result is a Lloyd fixed point: centres are zone means and every point is at its nearest centre', () => {
    // This is what the Hamerly bounds must preserve: they may skip scans, never change the answer.
    fc.assert(
      fc.property(planePoints(2, 200), fc.integer({ min: 1, max: 15 }), fc.integer(), (pairs, kRaw, seed) => {
        const k = Math.min(kRaw, pairs.length);
        const r = clusterPoints(pairs, { k, seed, maxIterations: 1000 });
        const sx = new Array(k).fill(0), sy = new Array(k).fill(0);
        pairs.forEach(([x, y], i) => {
          sx[r.zones[i]] += x;
          sy[r.zones[i]] += y;
        });
        for (let c = 0; c < k; c++) {
          expect(r.centres[c][0]).toBeCloseTo(sx[c] / r.sizes[c], 8);
          expect(r.centres[c][1]).toBeCloseTo(sy[c] / r.sizes[c], 8);
        }
        pairs.forEach(([x, y], i) => {
          const own = Math.hypot(x - r.centres[r.zones[i]][0], y - r.centres[r.zones[i]][1]);
          for (let c = 0; c < k; c++) {
            expect(own).toBeLessThanOrEqual(Math.hypot(x - r.centres[c][0], y - r.centres[c][1]) + 1e-9);
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('beats a random assignment (with that assignment’s own best centres) on almost every instance, by far on average', () => {
    // Not a theorem per instance: Lloyd stops at a local optimum, and on tiny inputs
    // (found: n = 9, k = 2; n = 4, k = 2 with ties) some random assignment can be better.
    // So this is a fixed-seed statistical check over 300 instances with n ≥ 4k.
    const g = new Rng(77);
    let worse = 0, ratio = 0;
    const runs = 300;
    for (let run = 0; run < runs; run++) {
      const k = 1 + g.int(10);
      const n = 4 * k + g.int(150);
      const coords = new Float64Array(2 * n).map(() => g.next() * 100);
      const r = clusterPoints(coords, { k, seed: run });
      const random = new Int32Array(n);
      for (let i = 0; i < n; i++) random[i] = i < k ? i : g.int(k); // every zone used
      const ours = sseOf(coords, r.zones, k), theirs = sseOf(coords, random, k);
      if (ours > theirs * (1 + 1e-12)) worse++;
      ratio += ours / theirs;
    }
    expect(worse).toBeLessThanOrEqual(3); // ≤ 1%
    expect(ratio / runs).toBeLessThan(0.5);
  });

  it('is deterministic for a seed, whatever the input shape (pairs, objects, flat, rng)', () => {
    fc.assert(
      fc.property(planePoints(2, 80), fc.integer({ min: 1, max: 8 }), fc.integer(), (pairs, kRaw, seed) => {
        const k = Math.min(kRaw, pairs.length);
        const a = clusterPoints(pairs, { k, seed });
        const b = clusterPoints(pairs.map((location) => ({ location })), { k, seed });
        const c = clusterPoints(flat(pairs), { k, rng: new Rng(seed) });
        expect(Array.from(b.zones)).toEqual(Array.from(a.zones));
        expect(Array.from(c.zones)).toEqual(Array.from(a.zones));
        expect(c.centres).toEqual(a.centres);
        expect(c.cost).toBe(a.cost);
      }),
      { numRuns: 80 },
    );
  });

  it('haversine: spherical Lloyd never increases its objective and ends nearest-centre by great-circle distance', () => {
    const lonLat = fc.array(
      fc.tuple(fc.double({ min: 170, max: 190, noNaN: true }), fc.double({ min: -60, max: 60, noNaN: true })),
      { minLength: 2, maxLength: 80 },
    );
    fc.assert(
      fc.property(lonLat, fc.integer({ min: 1, max: 6 }), fc.integer(), (raw, kRaw, seed) => {
        const pairs = raw.map(([lon, lat]) => [lon > 180 ? lon - 360 : lon, lat] as [number, number]); // straddles ±180°
        const k = Math.min(kRaw, pairs.length);
        const r = clusterPoints(pairs, { k, seed, metric: 'haversine', maxIterations: 1000 });
        for (let t = 1; t < r.history.length; t++) {
          expect(r.history[t]).toBeLessThanOrEqual(r.history[t - 1] * (1 + 1e-9) + 1e-6);
        }
        pairs.forEach(([lon, lat], i) => {
          const own = haversineMetres(lon, lat, r.centres[r.zones[i]][0], r.centres[r.zones[i]][1]);
          for (let c = 0; c < k; c++) {
            expect(own).toBeLessThanOrEqual(haversineMetres(lon, lat, r.centres[c][0], r.centres[c][1]) + 1e-3);
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
