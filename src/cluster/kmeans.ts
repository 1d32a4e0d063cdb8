/**
 * k-means: k-means++ seeds, then Lloyd iterations (assign every point to its
 * nearest centre, move every centre to its zone's mean) until no point changes
 * zone or `maxIterations` is reached.
 *
 * For mean-centred spaces the assignment step uses Hamerly's bounds: each point
 * keeps an upper bound on the distance to its centre and a lower bound on the
 * distance to every other centre, both moved by the centres' drift, so most
 * points skip the k-way scan after the first few iterations. The result is the
 * same as plain Lloyd (the bounds only prove that a scan would change nothing).
 *
 * For medoid spaces (custom metrics) the same loop runs with medoids (the
 * "alternating" k-medoids), without bounds since a custom distance need not obey
 * the triangle inequality.
 *
 * An empty zone is re-seeded deterministically with the point farthest from its
 * own centre (among zones with at least two points); this only lowers the objective.
 */
import type { Rng } from '../core/rng.js';
import type { CentreSpace } from './space.js';
import { seedPlusPlus } from './seed.js';
import { runSteps, type Steps } from '../core/pacer.js';

function never(): boolean {
  return false;
}

export interface KMeansRun {
  zones: Int32Array;
  history: number[];
  iterations: number;
}

/** Runs k-means on `space` (centres already allocated with `space.allocate(k)`). */
export function kMeans(space: CentreSpace, rng: Rng, maxIterations: number): KMeansRun {
  return runSteps(kMeansSteps(space, rng, maxIterations));
}

/**
 * `kMeans` as steps (core/pacer.ts): yields after the seeding and after every
 * iteration. `stop` (checked where `maxIterations` is) ends it early as if
 * that iteration were the last; while it says false the result is `kMeans`'s.
 */
export function* kMeansSteps(space: CentreSpace, rng: Rng, maxIterations: number, stop: () => boolean = never): Steps<KMeansRun> {
  const n = space.n, k = space.k;
  seedPlusPlus(space, rng);
  const zones = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const sizes = new Int32Array(k);
  const drift = new Float64Array(k);
  const half = new Float64Array(k);
  const bounded = !space.medoid;
  const history: number[] = [];
  const pair = new Float64Array(2); // scratch for nearestTwo

  yield;
  for (let i = 0; i < n; i++) scan(space, i, zones, upper, lower, pair);
  let iterations = 0;
  let changed = true;
  while (iterations < maxIterations) {
    yield;
    iterations++;
    sizes.fill(0);
    for (let i = 0; i < n; i++) sizes[zones[i]]++;
    const reseeded = reseedEmpty(space, zones, sizes);
    space.update(zones, drift);
    history.push(objective(space, zones));
    if (!changed && !reseeded) break;
    if (iterations === maxIterations || stop()) break;

    changed = false;
    if (!bounded || reseeded) {
      for (let i = 0; i < n; i++) {
        const before = zones[i];
        scan(space, i, zones, upper, lower, pair);
        if (zones[i] !== before) changed = true;
      }
      continue;
    }
    // Hamerly: move the bounds by the drift, then rescan only points whose bounds overlap.
    let maxDrift = 0, second = 0, maxAt = -1;
    for (let c = 0; c < k; c++) {
      if (drift[c] > maxDrift) {
        second = maxDrift;
        maxDrift = drift[c];
        maxAt = c;
      } else if (drift[c] > second) second = drift[c];
    }
    for (let c = 0; c < k; c++) {
      let m = Infinity;
      for (let o = 0; o < k; o++) if (o !== c) m = Math.min(m, space.centreGap(c, o));
      half[c] = m / 2;
    }
    for (let i = 0; i < n; i++) {
      const a = zones[i];
      upper[i] += drift[a];
      lower[i] -= a === maxAt ? second : maxDrift;
      const z = Math.max(lower[i], half[a]);
      if (upper[i] <= z) continue;
      upper[i] = space.toCentre(i, a);
      if (upper[i] <= z) continue;
      scan(space, i, zones, upper, lower, pair);
      if (zones[i] !== a) changed = true;
    }
  }
  return { zones, history, iterations };
}

/** Full k-way scan for point `i`: nearest centre (lowest index on ties) and the bounds. */
function scan(space: CentreSpace, i: number, zones: Int32Array, upper: Float64Array, lower: Float64Array, pair: Float64Array): void {
  zones[i] = space.nearestTwo(i, pair);
  upper[i] = pair[0];
  lower[i] = pair[1];
}

/**
 * Gives every empty zone the point farthest from its centre (taken from a zone
 * with ≥ 2 points) and puts the centre on it. Returns whether anything moved.
 */
function reseedEmpty(space: CentreSpace, zones: Int32Array, sizes: Int32Array): boolean {
  let moved = false;
  for (let c = 0; c < space.k; c++) {
    if (sizes[c] > 0) continue;
    let far = -1, farD = -1;
    for (let i = 0; i < space.n; i++) {
      if (sizes[zones[i]] < 2) continue;
      const d = space.toCentre(i, zones[i]);
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    if (far < 0) break; // cannot happen while k ≤ n
    sizes[zones[far]]--;
    zones[far] = c;
    sizes[c] = 1;
    space.placeAt(c, far);
    moved = true;
  }
  return moved;
}

/** Sum of squared distances (mean-centred) or of distances (medoids) to the zone centres. */
export function objective(space: CentreSpace, zones: Int32Array): number {
  let s = 0;
  for (let i = 0; i < space.n; i++) {
    const d = space.toCentre(i, zones[i]);
    s += space.medoid ? d : d * d;
  }
  return s;
}
