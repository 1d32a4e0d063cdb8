import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterPoints, type ClusterMethod } from '../../src/cluster/index.js';
import { isVrpkitError } from '../../src/core/errors.js';
import { bookkeepingError } from './helpers.js';

/** Small integer grids: many duplicate points and collinear runs, the awkward cases. */
const gridPoints = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40 });

describe('every method on awkward inputs (duplicates, collinear, single points)', () => {
  it('returns consistent zones or a documented VrpkitError, never anything else', () => {
    fc.assert(
      fc.property(
        gridPoints.chain((pairs) =>
          fc.tuple(fc.constant(pairs), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: pairs.length, maxLength: pairs.length })),
        ),
        fc.constantFrom<ClusterMethod>('kmeans', 'sweep', 'capacitated'),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        fc.option(fc.integer({ min: 5, max: 20 }), { nil: undefined }),
        fc.constantFrom('euclidean' as const, 'haversine' as const),
        fc.integer(),
        ([pairs, demand], method, kRaw, maxDemand, metric, seed) => {
          const k = kRaw === undefined ? undefined : Math.min(kRaw, pairs.length);
          const options = { method, k, maxDemand: method === 'kmeans' ? undefined : maxDemand, demand, metric, seed };
          if (method === 'kmeans' && k === undefined) options.k = 1;
          if (method !== 'kmeans' && options.k === undefined && options.maxDemand === undefined) options.maxDemand = 10;
          try {
            const r = clusterPoints(pairs as [number, number][], options);
            expect(bookkeepingError(r, pairs.length, demand)).toBeNull();
            if (options.k !== undefined) expect(r.k).toBe(options.k);
            if (options.maxDemand !== undefined) expect(Math.max(...r.demand)).toBeLessThanOrEqual(options.maxDemand);
            expect(Number.isFinite(r.cost)).toBe(true);
            for (const c of r.centres) expect(c.every(Number.isFinite)).toBe(true);
          } catch (e) {
            expect(isVrpkitError(e)).toBe(true);
            expect(['cluster-capacity']).toContain((e as { code: string }).code);
            // Only when the demand really cannot be cut as asked.
            expect(options.maxDemand).toBeDefined();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('one point, one zone, every method', () => {
    for (const method of ['kmeans', 'sweep', 'capacitated'] as const) {
      const r = clusterPoints([[3, 4]], { method, k: 1 });
      expect(Array.from(r.zones)).toEqual([0]);
      expect(r.centres).toEqual([[3, 4]]);
      expect(r.cost).toBe(0);
    }
  });
});
