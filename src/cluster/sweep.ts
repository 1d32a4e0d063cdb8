/**
 * Sweep zones: sort the points by polar angle around a depot, start the sweep
 * just after the largest angular gap (so no zone straddles an empty wedge),
 * and cut the circular order into contiguous sectors.
 *
 * - with `k`: k sectors of (nearly) equal total weight (demand or count); when a
 *   `maxDemand` is also given and a balanced cut breaks it, the sectors are cut
 *   greedily under `maxDemand` and then split until there are k,
 * - with `maxDemand` only: greedy cut, a new sector whenever the next point
 *   would exceed the limit (the fewest sectors for this order).
 */
import { VrpkitError } from '../core/errors.js';
import type { PointSet } from './input.js';

export interface SweepOptions {
  k?: number;
  maxDemand?: number;
  depot: readonly [number, number];
  /** Scale x by cos(latitude) around the depot (lon/lat input). */
  geographic: boolean;
  balance: 'demand' | 'count';
}

/**
 * Point indices in sweep order: by polar angle around the depot (equal angles:
 * nearest first, then lower index), starting just after the largest angular gap.
 */
export function sweepOrder(points: PointSet, depot: readonly [number, number], geographic: boolean): Int32Array {
  const n = points.n;
  const xScale = geographic ? Math.cos((depot[1] * Math.PI) / 180) : 1;
  const angle = new Float64Array(n);
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const dx = (points.coords[2 * i] - depot[0]) * xScale;
    const dy = points.coords[2 * i + 1] - depot[1];
    angle[i] = Math.atan2(dy, dx);
    dist[i] = dx * dx + dy * dy;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => angle[a] - angle[b] || dist[a] - dist[b] || a - b);
  let start = 0, widest = -1;
  for (let t = 0; t < n; t++) {
    const here = angle[order[t]];
    const next = t + 1 < n ? angle[order[t + 1]] : angle[order[0]] + 2 * Math.PI;
    if (next - here > widest) {
      widest = next - here;
      start = (t + 1) % n;
    }
  }
  const rotated = new Int32Array(n);
  for (let t = 0; t < n; t++) rotated[t] = order[(start + t) % n];
  return rotated;
}

/** Sweep clustering: zone id per point. */
export function sweepZones(points: PointSet, options: SweepOptions): { zones: Int32Array; k: number } {
  const n = points.n;
  const order = sweepOrder(points, options.depot, options.geographic);
  const weight = new Float64Array(n);
  let total = 0;
  for (let t = 0; t < n; t++) {
    weight[t] = options.balance === 'count' ? 1 : points.demand[order[t]];
    total += weight[t];
  }
  if (total === 0) {
    weight.fill(1);
    total = n;
  }
  let cuts: number[]; // cuts[j] = first position of sector j; cuts[0] = 0
  if (options.k !== undefined) {
    cuts = balancedCuts(weight, total, options.k);
    if (options.maxDemand !== undefined && maxSectorDemand(points, order, cuts) > options.maxDemand) {
      const greedy = greedyCuts(points, order, options.maxDemand);
      if (greedy.length > options.k) {
        throw new VrpkitError(
          'cluster-capacity',
          `sweep needs at least ${greedy.length} sectors of demand ≤ ${options.maxDemand} in this order; k = ${options.k} is too few`,
          'k',
        );
      }
      cuts = splitToK(greedy, n, options.k, points, order);
    }
  } else {
    cuts = greedyCuts(points, order, options.maxDemand as number);
  }
  const zones = new Int32Array(n);
  for (let j = 0; j < cuts.length; j++) {
    const end = j + 1 < cuts.length ? cuts[j + 1] : n;
    for (let t = cuts[j]; t < end; t++) zones[order[t]] = j;
  }
  return { zones, k: cuts.length };
}

/** k non-empty runs whose cumulative weight ends nearest to j·total/k. */
function balancedCuts(weight: Float64Array, total: number, k: number): number[] {
  const n = weight.length;
  const cuts = [0];
  let pos = 0, cum = 0;
  for (let j = 1; j < k; j++) {
    const target = (j * total) / k;
    // Sector j-1 takes at least one point and leaves one for each later sector.
    cum += weight[pos];
    pos++;
    while (pos < n - (k - j) && Math.abs(cum + weight[pos] - target) <= Math.abs(cum - target)) {
      cum += weight[pos];
      pos++;
    }
    cuts.push(pos);
  }
  return cuts;
}

/** Cuts a new sector whenever the next point would push demand over `maxDemand`. */
function greedyCuts(points: PointSet, order: Int32Array, maxDemand: number): number[] {
  const cuts = [0];
  let load = 0;
  for (let t = 0; t < order.length; t++) {
    const q = points.demand[order[t]];
    if (t > 0 && load + q > maxDemand) {
      cuts.push(t);
      load = 0;
    }
    load += q;
  }
  return cuts;
}

/** Splits the sector with the most points at its demand midpoint until there are k. */
function splitToK(cuts: number[], n: number, k: number, points: PointSet, order: Int32Array): number[] {
  const c = cuts.slice();
  while (c.length < k) {
    let widest = 0, size = 0;
    for (let j = 0; j < c.length; j++) {
      const s = (j + 1 < c.length ? c[j + 1] : n) - c[j];
      if (s > size) {
        size = s;
        widest = j;
      }
    }
    const from = c[widest];
    let half = 0;
    for (let t = from; t < from + size; t++) half += points.demand[order[t]];
    half /= 2;
    let at = from + 1, cum = points.demand[order[from]];
    while (at < from + size - 1 && cum + points.demand[order[at]] <= half) cum += points.demand[order[at++]];
    c.splice(widest + 1, 0, at);
  }
  return c;
}

function maxSectorDemand(points: PointSet, order: Int32Array, cuts: number[]): number {
  let worst = 0;
  for (let j = 0; j < cuts.length; j++) {
    const end = j + 1 < cuts.length ? cuts[j + 1] : order.length;
    let s = 0;
    for (let t = cuts[j]; t < end; t++) s += points.demand[order[t]];
    worst = Math.max(worst, s);
  }
  return worst;
}
