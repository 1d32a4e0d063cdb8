/** Shared helpers for the clustering tests: brute-force figures computed independently of src/cluster. */
import fc from 'fast-check';
import type { ClusterResult } from '../../src/cluster/index.js';

/** Flat coordinates from pairs. */
export function flat(pairs: [number, number][]): Float64Array {
  const out = new Float64Array(2 * pairs.length);
  pairs.forEach(([x, y], i) => {
    out[2 * i] = x;
    out[2 * i + 1] = y;
  });
  return out;
}

/** Within-zone sum of squared distances to the zone means (plane). */
export function sseOf(coords: Float64Array, zones: ArrayLike<number>, k: number): number {
  const n = coords.length / 2;
  const sx = new Float64Array(k), sy = new Float64Array(k), cnt = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sx[zones[i]] += coords[2 * i];
    sy[zones[i]] += coords[2 * i + 1];
    cnt[zones[i]]++;
  }
  let s = 0;
  for (let i = 0; i < n; i++) {
    const z = zones[i];
    s += (coords[2 * i] - sx[z] / cnt[z]) ** 2 + (coords[2 * i + 1] - sy[z] / cnt[z]) ** 2;
  }
  return s;
}

/** Checks the bookkeeping every result must satisfy; returns a message or null. */
export function bookkeepingError(r: ClusterResult, n: number, demand: ArrayLike<number>): string | null {
  if (r.zones.length !== n) return `zones has ${r.zones.length} entries for ${n} points`;
  const sizes = new Array(r.k).fill(0), dem = new Array(r.k).fill(0);
  for (let i = 0; i < n; i++) {
    const z = r.zones[i];
    if (!Number.isInteger(z) || z < 0 || z >= r.k) return `point ${i} has zone ${z} outside [0, ${r.k})`;
    sizes[z]++;
    dem[z] += demand[i];
  }
  if (r.centres.length !== r.k || r.sizes.length !== r.k || r.demand.length !== r.k) return 'per-zone arrays have the wrong length';
  for (let c = 0; c < r.k; c++) {
    if (sizes[c] !== r.sizes[c]) return `zone ${c}: size ${r.sizes[c]} reported, ${sizes[c]} counted`;
    if (Math.abs(dem[c] - r.demand[c]) > 1e-9 * (1 + dem[c])) return `zone ${c}: demand ${r.demand[c]} reported, ${dem[c]} counted`;
  }
  return null;
}

/** Random plane points in a box, as pairs. */
export const planePoints = (min: number, max: number) =>
  fc.array(
    fc.tuple(
      fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }),
    ),
    { minLength: min, maxLength: max },
  ) as fc.Arbitrary<[number, number][]>;
