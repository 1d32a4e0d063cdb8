/**
 * Capacitated zones: every zone's demand stays ≤ `maxDemand`, and zone sizes
 * stay near n / k (a soft limit, see `sizeTolerance`).
 *
 * 1. Seeds: k-means++ and a few Lloyd iterations (capacity ignored).
 * 2. Regret assignment: points in order of regret (distance to their second
 *    nearest centre minus the nearest) each join the nearest centre with room;
 *    if that packing fails, a second pass places the largest demands first
 *    (first-fit-decreasing by distance).
 * 3. Rounds: centres to their zones' means (or medoids), local search with
 *    relocate and swap moves between neighbouring points (kdbush neighbour
 *    lists) that keep every capacity, centres again; then a fresh regret
 *    assignment from the new centres. Stops when a round no longer lowers the
 *    cost; the best zones are kept.
 * When packing fails and the zone count was derived (ceil(total demand /
 * maxDemand)), a zone is added and the search restarts; with a given `k` it
 * is reseeded a few times before giving up with a `cluster-capacity` error.
 */
import { VrpkitError, type InputIssue } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { PointSet } from './input.js';
import type { CentreSpace } from './space.js';
import { kMeansSteps } from './kmeans.js';
import { nearestNeighboursSteps } from './neighbours.js';
import { runSteps, type Steps } from '../core/pacer.js';

function never(): boolean {
  return false;
}

export interface CapacitatedOptions {
  k?: number;
  maxDemand?: number;
  sizeTolerance: number;
  maxIterations: number;
  geographic: boolean;
}

export interface CapacitatedRun {
  zones: Int32Array;
  k: number;
  history: number[];
  iterations: number;
}

/** Neighbours per point examined by the local search. */
const NEIGHBOURS = 8;
/** Reseeds tried with a fixed k before reporting that the demand cannot be packed. */
const RESEEDS = 4;
/** Lloyd iterations (capacity ignored) that place the centres before the first assignment. */
const WARM_START = 20;
/** Local search passes per round (each pass visits every point once). */
const MAX_PASSES = 50;

/** Runs the capacitated clustering; throws `cluster-capacity` when demand cannot fit. */
export function capacitatedZones(points: PointSet, space: CentreSpace, rng: Rng, options: CapacitatedOptions): CapacitatedRun {
  return runSteps(capacitatedZonesSteps(points, space, rng, options));
}

/**
 * `capacitatedZones` as steps (core/pacer.ts): yields between k-means
 * iterations, assignments and local-search passes. `stop` (a time budget)
 * ends the seeding's k-means and the rounds early, keeping the best packing
 * so far (every zone within its demand and size limits); while it says false
 * the result is `capacitatedZones`'s.
 */
export function* capacitatedZonesSteps(
  points: PointSet, space: CentreSpace, rng: Rng, options: CapacitatedOptions, stop: () => boolean = never,
): Steps<CapacitatedRun> {
  const n = points.n;
  const capacity = options.maxDemand ?? Infinity;
  const demand = points.demand;
  const slack = Number.isFinite(capacity) ? 1e-9 * Math.max(1, capacity) : 0;
  const limit = capacity + slack;

  const issues: InputIssue[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += demand[i];
    if (demand[i] > limit) {
      issues.push({
        code: 'cluster-capacity',
        pointer: points.demandPointer(i),
        message: `point ${i} alone has demand ${demand[i]} above maxDemand ${capacity}`,
      });
    }
  }
  if (issues.length > 0) throw VrpkitError.fromIssues(issues);
  if (options.k !== undefined && total > options.k * capacity + slack * options.k) {
    throw new VrpkitError(
      'cluster-capacity',
      `total demand ${total} does not fit into k = ${options.k} zones of maxDemand ${capacity}`,
      'k',
    );
  }

  let k = options.k ?? Math.max(1, Math.ceil(total / capacity - 1e-9));
  k = Math.min(k, n);
  let zones: Int32Array | null = null;
  let maxSize = n;
  for (let attempt = 0; ; attempt++) {
    maxSize = Number.isFinite(options.sizeTolerance) ? Math.max(1, Math.ceil(((1 + options.sizeTolerance) * n) / k)) : n;
    space.allocate(k);
    yield* kMeansSteps(space, rng, WARM_START, stop);
    zones = yield* assign(space, demand, limit, maxSize);
    yield;
    if (zones) break;
    if (options.k !== undefined) {
      if (attempt + 1 >= RESEEDS) {
        throw new VrpkitError(
          'cluster-capacity',
          `could not pack total demand ${total} into k = ${k} zones of maxDemand ${capacity}; try a larger k or omit it`,
          'k',
        );
      }
    } else if (k < n) {
      k++;
    } else {
      // n zones of one point each always fit (every demand ≤ maxDemand); unreachable in practice.
      throw new VrpkitError('cluster-capacity', 'could not pack the demand even with one zone per point', 'maxDemand');
    }
  }

  const history: number[] = [];
  let best = zones.slice();
  let bestCost = Infinity;
  let iterations = 0;
  // the neighbour lists only serve the rounds' local search
  const neighbours = iterations < options.maxIterations && !stop() ? yield* nearestNeighboursSteps(points, NEIGHBOURS, options.geographic) : new Int32Array(0);
  while (iterations < options.maxIterations && !stop()) {
    iterations++;
    space.update(zones);
    yield* improveSteps(space, zones, demand, limit, maxSize, neighbours);
    space.update(zones);
    let cost = 0;
    for (let i = 0; i < n; i++) cost += space.report(space.toCentre(i, zones[i]));
    history.push(cost);
    if (bestCost === Infinity || cost < bestCost - 1e-12 * bestCost) {
      bestCost = cost;
      best = zones.slice();
    } else break;
    yield;
    const next = yield* assign(space, demand, limit, maxSize);
    yield;
    if (!next) break;
    zones = next;
  }
  space.update(best);
  if (options.k === undefined) k = compact(best, k);
  return { zones: best, k, history, iterations };
}

/** Centres each point looks at first in the assignment (a full scan only when all are full). */
const CANDIDATE_CENTRES = 12;

/** Regret assignment under capacity (then largest demand first); null when a point finds no room. Yields every 2,048 points. */
function* assign(space: CentreSpace, demand: Float64Array, limit: number, maxSize: number): Steps<Int32Array | null> {
  const n = space.n, k = space.k;
  const L = Math.min(k, CANDIDATE_CENTRES);
  const near = new Int32Array(n * L);
  const regret = new Float64Array(n);
  const idx = new Int32Array(L), dist = new Float64Array(L);
  for (let i = 0; i < n; i++) {
    space.nearestList(i, idx, dist);
    near.set(idx, i * L);
    regret[i] = L > 1 ? dist[1] - dist[0] : 0;
    if ((i & 2047) === 2047) yield;
  }
  yield;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => regret[b] - regret[a] || a - b);
  yield;
  let zones = place(space, demand, limit, maxSize, order, near, L);
  if (!zones) {
    yield;
    order.sort((a, b) => demand[b] - demand[a] || regret[b] - regret[a] || a - b);
    zones = place(space, demand, limit, maxSize, order, near, L);
  }
  if (zones) fillEmpty(space, zones);
  return zones;
}

/**
 * Gives every empty zone the point farthest from its own centre (taken from a
 * zone with ≥ 2 points) and puts the centre there. Capacity holds: the point
 * fitted alone (its demand ≤ maxDemand was checked up front).
 */
function fillEmpty(space: CentreSpace, zones: Int32Array): void {
  const size = new Int32Array(space.k);
  for (let i = 0; i < space.n; i++) size[zones[i]]++;
  for (let c = 0; c < space.k; c++) {
    if (size[c] > 0) continue;
    let far = -1, farD = -1;
    for (let i = 0; i < space.n; i++) {
      if (size[zones[i]] < 2) continue;
      const d = space.toCentre(i, zones[i]);
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    if (far < 0) return;
    size[zones[far]]--;
    zones[far] = c;
    size[c] = 1;
    space.placeAt(c, far);
  }
}

/**
 * Each point in `order` joins the nearest centre with room: within both the
 * size and the demand limit if any centre has that, else within the demand
 * limit only. Its `L` nearest centres are tried first, all centres after.
 */
function place(
  space: CentreSpace,
  demand: Float64Array,
  limit: number,
  maxSize: number,
  order: Int32Array,
  near: Int32Array,
  L: number,
): Int32Array | null {
  const k = space.k;
  const load = new Float64Array(k);
  const size = new Int32Array(k);
  const zones = new Int32Array(space.n);
  for (let t = 0; t < order.length; t++) {
    const i = order[t];
    const q = demand[i];
    let c = -1;
    for (let r = 0; r < L; r++) {
      const z = near[i * L + r];
      if (z < 0) break; // fewer listed centres (distances overflowed to Infinity)
      if (load[z] + q <= limit && size[z] < maxSize) {
        c = z;
        break;
      }
    }
    if (c < 0) {
      let full = -1, fullD = Infinity, soft = -1, softD = Infinity;
      for (let z = 0; z < k; z++) {
        if (load[z] + q > limit) continue;
        const d = space.toCentre(i, z);
        if (soft < 0 || d < softD) {
          softD = d;
          soft = z;
        }
        if (size[z] < maxSize && (full < 0 || d < fullD)) {
          fullD = d;
          full = z;
        }
      }
      c = full >= 0 ? full : soft;
    }
    if (c < 0) return null;
    zones[i] = c;
    load[c] += q;
    size[c]++;
  }
  return zones;
}

/**
 * Relocate and swap moves with fixed centres, among neighbouring points in
 * other zones; every move keeps demand ≤ limit and strictly lowers the sum of
 * point-to-centre distances, so the loop ends. A relocate never empties a zone
 * and never grows one beyond `maxSize`; a swap keeps sizes.
 */
function* improveSteps(
  space: CentreSpace,
  zones: Int32Array,
  demand: Float64Array,
  limit: number,
  maxSize: number,
  neighbours: Int32Array,
): Steps<void> {
  const n = space.n, k = space.k;
  const load = new Float64Array(k);
  const size = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    load[zones[i]] += demand[i];
    size[zones[i]]++;
  }
  const m = neighbours.length / Math.max(1, n);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (let i = 0; i < n; i++) {
      if ((i & 2047) === 2047) yield;
      const a = zones[i];
      const qi = demand[i];
      const da = space.toCentre(i, a);
      let gainBest = 1e-12 * (da + 1);
      let moveTo = -1, swapWith = -1;
      for (let t = 0; t < m; t++) {
        const j = neighbours[i * m + t];
        if (j < 0) break;
        const b = zones[j];
        if (b === a) continue;
        const dib = space.toCentre(i, b);
        if (size[a] > 1 && size[b] < maxSize && load[b] + qi <= limit && da - dib > gainBest) {
          gainBest = da - dib;
          moveTo = b;
          swapWith = -1;
        }
        const qj = demand[j];
        if (load[a] - qi + qj <= limit && load[b] - qj + qi <= limit) {
          const gain = da + space.toCentre(j, b) - dib - space.toCentre(j, a);
          if (gain > gainBest) {
            gainBest = gain;
            moveTo = b;
            swapWith = j;
          }
        }
      }
      if (moveTo < 0) continue;
      improved = true;
      zones[i] = moveTo;
      load[a] -= qi;
      load[moveTo] += qi;
      if (swapWith >= 0) {
        zones[swapWith] = a;
        load[moveTo] -= demand[swapWith];
        load[a] += demand[swapWith];
      } else {
        size[a]--;
        size[moveTo]++;
      }
    }
    if (!improved) break;
    yield;
  }
}

/** Renumbers zones to drop empty ones (order kept); returns the new count. */
function compact(zones: Int32Array, k: number): number {
  const used = new Int32Array(k).fill(-1);
  for (let i = 0; i < zones.length; i++) used[zones[i]] = 1;
  let next = 0;
  for (let c = 0; c < k; c++) if (used[c] === 1) used[c] = next++;
  if (next === k) return k;
  for (let i = 0; i < zones.length; i++) zones[i] = used[zones[i]];
  return next;
}
