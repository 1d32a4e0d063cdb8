import { describe, expect, it } from 'vitest';
import { clusterPoints, type ClusterOptions, type ClusterPoints } from '../../src/cluster/index.js';
import { isVrpkitError, type VrpkitError } from '../../src/core/errors.js';

/** Runs clusterPoints and returns the VrpkitError it throws (fails the test if it does not). */
function failure(points: ClusterPoints, options: ClusterOptions): VrpkitError {
  try {
    clusterPoints(points, options);
  } catch (e) {
    if (isVrpkitError(e)) return e;
    throw e;
  }
  throw new Error('expected a VrpkitError');
}

const square: [number, number][] = [[0, 0], [1, 0], [0, 1], [1, 1]];

describe('cluster errors name the bad value', () => {
  it('k below 1, not an integer, or above n', () => {
    expect(failure(square, { k: 0 })).toMatchObject({ code: 'cluster-k', pointer: 'k' });
    expect(failure(square, { k: 1.5 })).toMatchObject({ code: 'cluster-k', pointer: 'k' });
    expect(failure(square, { k: 5 })).toMatchObject({ code: 'cluster-k', pointer: 'k' });
    expect(failure(square, { method: 'kmeans' })).toMatchObject({ code: 'cluster-k' });
    expect(failure(square, { method: 'sweep' })).toMatchObject({ code: 'cluster-k' });
  });

  it('NaN and infinite coordinates, with a pointer per bad point (all of them)', () => {
    const e = failure([[0, 0], [NaN, 1], [2, 2], [3, Infinity]], { k: 2 });
    expect(e.code).toBe('cluster-point');
    expect(e.issues.map((i) => i.pointer)).toEqual(['/points/1', '/points/3']);
    const objects = failure([{ location: [0, 0] }, { location: [1, NaN] }], { k: 1 });
    expect(objects.pointer).toBe('/points/1/location');
    const flatBad = failure(new Float64Array([0, 0, NaN, 0]), { k: 1 });
    expect(flatBad.pointer).toBe('/points/1');
  });

  it('malformed points and flat arrays of odd length', () => {
    expect(failure([[0, 0], [1] as unknown as [number, number]], { k: 1 }).pointer).toBe('/points/1');
    expect(failure([{ location: [0, 0] }, { demand: 3 } as never], { k: 1 }).pointer).toBe('/points/1/location');
    expect(failure(new Float64Array(3), { k: 1 }).code).toBe('cluster-points');
    expect(failure([], { k: 1 }).code).toBe('cluster-points');
  });

  it('lon/lat out of range under haversine', () => {
    const e = failure([[0, 0], [200, 10], [10, -95]], { k: 1, metric: 'haversine' });
    expect(e.issues.map((i) => i.pointer)).toEqual(['/points/1', '/points/2']);
    // The same numbers are fine in the plane.
    expect(clusterPoints([[0, 0], [200, 10], [10, -95]], { k: 1 }).k).toBe(1);
  });

  it('negative or NaN demand, from objects or from options.demand', () => {
    expect(failure([{ location: [0, 0], demand: -1 }, { location: [1, 1] }], { k: 1 })).toMatchObject({
      code: 'cluster-demand',
      pointer: '/points/0/demand',
    });
    expect(failure(square, { k: 1, demand: [1, NaN, 1, 1] })).toMatchObject({ code: 'cluster-demand', pointer: 'demand/1' });
    expect(failure(square, { k: 1, demand: [1, 1] })).toMatchObject({ code: 'cluster-demand', pointer: 'demand' });
  });

  it('a single point whose demand is above maxDemand is named (every such point)', () => {
    const e = failure(
      [{ location: [0, 0], demand: 2 }, { location: [1, 0], demand: 12 }, { location: [2, 0], demand: 3 }, { location: [3, 0], demand: 11 }],
      { maxDemand: 10 },
    );
    expect(e.code).toBe('cluster-capacity');
    expect(e.issues.map((i) => i.pointer)).toEqual(['/points/1/demand', '/points/3/demand']);
    expect(failure(square, { maxDemand: 2, demand: [1, 3, 1, 1] }).pointer).toBe('demand/1');
  });

  it('a given k that cannot hold the total demand', () => {
    expect(failure(square, { k: 2, maxDemand: 1, demand: [1, 1, 1, 1] })).toMatchObject({ code: 'cluster-capacity', pointer: 'k' });
  });

  it('bad options are all listed at once', () => {
    const e = failure(square, { k: -1, maxDemand: 0, maxIterations: 0, method: 'nope' as never });
    expect(e.issues.map((i) => i.pointer).sort()).toEqual(['k', 'maxDemand', 'maxIterations', 'method']);
    expect(failure(square, { k: 1, metric: 'manhattan' as never }).code).toBe('cluster-option');
    expect(failure(square, { k: 1, metric: { matrix: [0, 1, 1, 0] } })).toMatchObject({ code: 'cluster-option', pointer: 'metric' });
    expect(failure(square, { method: 'sweep', k: 2, depot: [NaN, 0] })).toMatchObject({ pointer: 'depot' });
    // A limit the chosen method would silently ignore is refused.
    expect(failure(square, { method: 'kmeans', k: 2, maxDemand: 3 })).toMatchObject({ code: 'cluster-option', pointer: 'maxDemand' });
  });

  it('a custom distance that returns NaN or Infinity is reported, not averaged into zones', () => {
    expect(failure(square, { k: 2, metric: () => NaN })).toMatchObject({ code: 'cluster-metric' });
    expect(failure(square, { k: 2, metric: { distance: (i, j) => (j === 0 && i !== 0 ? Infinity : 1) } }).code).toBe(
      'cluster-metric',
    );
  });
});
