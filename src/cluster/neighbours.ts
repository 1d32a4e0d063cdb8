/**
 * Nearest-neighbour lists for the points, from a kdbush index: the candidate
 * moves of the capacitated local search are exchanges with nearby points, so
 * the search never scans all n² pairs.
 */
import KDBush from 'kdbush';
import type { PointSet } from './input.js';
import { runSteps, type Steps } from '../core/pacer.js';

/**
 * The `m` nearest other points of every point (by plane distance on the
 * coordinates; for lon/lat, x is scaled by cos of the mean latitude). Returns a
 * flat `Int32Array` of n·m entries, -1 where fewer than m other points exist.
 */
export function nearestNeighbours(points: PointSet, m: number, geographic: boolean): Int32Array {
  return runSteps(nearestNeighboursSteps(points, m, geographic));
}

/** `nearestNeighbours` as steps (core/pacer.ts): yields after building the index and every 256 points. */
export function* nearestNeighboursSteps(points: PointSet, m: number, geographic: boolean): Steps<Int32Array> {
  const n = points.n;
  const out = new Int32Array(n * m).fill(-1);
  if (n < 2 || m < 1) return out;
  let meanLat = 0;
  for (let i = 0; i < n; i++) meanLat += points.coords[2 * i + 1];
  const xScale = geographic ? Math.cos(((meanLat / n) * Math.PI) / 180) : 1;
  const xs = new Float64Array(n), ys = new Float64Array(n);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const index = new KDBush(n);
  for (let i = 0; i < n; i++) {
    xs[i] = points.coords[2 * i] * xScale;
    ys[i] = points.coords[2 * i + 1];
    index.add(xs[i], ys[i]);
    minX = Math.min(minX, xs[i]);
    maxX = Math.max(maxX, xs[i]);
    minY = Math.min(minY, ys[i]);
    maxY = Math.max(maxY, ys[i]);
  }
  index.finish();
  const diagonal = Math.hypot(maxX - minX, maxY - minY);
  const want = Math.min(m, n - 1);
  // Radius that holds about 2m points at uniform density; doubled until enough are found.
  const area = Math.max((maxX - minX) * (maxY - minY), diagonal * diagonal * 1e-6, 1e-300);
  let r0 = Math.sqrt((area * 2 * (want + 1)) / (Math.PI * n));
  if (!(r0 > 0 && r0 < Infinity)) r0 = Number.isFinite(diagonal) && diagonal > 0 ? diagonal : Number.MAX_VALUE;
  const found: number[] = [];
  const gap = new Float64Array(n);
  yield;
  for (let i = 0; i < n; i++) {
    if ((i & 255) === 255) yield;
    let r = r0;
    let count = 0;
    // At most ~2100 doublings span every positive double; the bound also stops overflowed radii.
    for (let grow = 0; grow < 2100; grow++) {
      found.length = 0;
      count = index.withinInto(xs[i], ys[i], r, found);
      if (count >= want + 1 || r > diagonal || r === Infinity) break;
      r *= 2;
    }
    // The ball of radius r holds the `want` nearest: any point outside is farther than r.
    const cand: number[] = [];
    for (let t = 0; t < count; t++) {
      const j = found[t];
      if (j === i) continue;
      cand.push(j);
      gap[j] = (xs[j] - xs[i]) ** 2 + (ys[j] - ys[i]) ** 2;
    }
    cand.sort((a, b) => gap[a] - gap[b] || a - b);
    for (let t = 0; t < want && t < cand.length; t++) out[i * m + t] = cand[t];
  }
  return out;
}
