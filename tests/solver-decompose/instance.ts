/**
 * Seeded VRPTW instances for the decomposition tests: a depot in the middle of
 * a 200 × 200 square, half the jobs in Gaussian clusters, half uniform,
 * demands 1..4 (capacity 10), service 5, windows 40..120 wide that every job
 * can meet alone (out and back) within the shift [0, 1000].
 */
import { Rng } from '../../src/core/rng.js';
import type { Job, Problem, Vehicle } from '../../src/model/types.js';

export interface InstanceOptions {
  jobs: number;
  seed: number;
  /** Number of vehicles (default: jobs / 2, far more than needed). */
  vehicles?: number;
  /** `matrix`: the same arcs as a dense matrix without coordinates. */
  travel?: 'euclidean' | 'matrix';
}

export function makeInstance(o: InstanceOptions): Problem {
  const rng = new Rng(o.seed);
  const size = 200;
  const horizon = 1000;
  const coords: [number, number][] = [[size / 2, size / 2]];
  const centres = Array.from({ length: Math.max(1, Math.round(o.jobs / 60)) }, () => [20 + rng.next() * 160, 20 + rng.next() * 160]);
  const jobs: Job[] = [];
  for (let i = 1; i <= o.jobs; i++) {
    let x: number, y: number;
    if (rng.next() < 0.5) {
      const c = centres[rng.int(centres.length)];
      x = c[0] + (rng.next() - 0.5) * 30;
      y = c[1] + (rng.next() - 0.5) * 30;
    } else {
      x = rng.next() * size;
      y = rng.next() * size;
    }
    x = Math.round(Math.min(size, Math.max(0, x)));
    y = Math.round(Math.min(size, Math.max(0, y)));
    coords.push([x, y]);
    const d = Math.ceil(Math.hypot(x - size / 2, y - size / 2));
    const width = 40 + rng.int(81);
    const latest = horizon - d - 5;
    const ready = Math.floor(d + rng.next() * Math.max(0, latest - width - d));
    jobs.push({ id: i, location: i, delivery: [1 + rng.int(4)], serviceDuration: 5, timeWindows: [[ready, Math.min(latest, ready + width)]] });
  }
  const vehicles: Vehicle[] = Array.from({ length: o.vehicles ?? Math.ceil(o.jobs / 2) }, (_, k) => ({
    id: `v${k + 1}`, start: 0, end: 0, capacity: [10], shift: [0, horizon],
  }));
  if (o.travel === 'matrix') {
    const m = coords.length;
    const durations = new Float64Array(m * m);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) durations[a * m + b] = Math.hypot(coords[a][0] - coords[b][0], coords[a][1] - coords[b][1]);
    }
    return { jobs, vehicles, travel: { type: 'matrix', size: m, durations } };
  }
  return { jobs, vehicles, travel: { type: 'euclidean', coordinates: coords } };
}
