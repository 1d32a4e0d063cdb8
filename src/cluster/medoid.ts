/**
 * Medoid-centred space for arbitrary (possibly asymmetric) point distances:
 * a custom function of coordinates, road distances `{ distance(i, j) }` or an
 * n × n matrix. Centres are medoids (members of their zone); the distance from
 * point i to centre c is measured from the medoid to the point.
 */
import { VrpkitError } from '../core/errors.js';
import type { ClusterMetric, CoordinateDistance } from './types.js';
import type { PointSet } from './input.js';
import type { CentreSpace } from './space.js';

/** Zones larger than this search their medoid among a candidate subset only. */
const EXACT_MEDOID_LIMIT = 256;
/** Candidates (besides the current medoid) tried in a large zone. */
const MEDOID_CANDIDATES = 64;

/** Centres are medoids; `between(i, j)` is the user's distance, checked finite and ≥ 0. */
export class MedoidSpace implements CentreSpace {
  readonly n: number;
  readonly medoid = true;
  k = 0;
  private med: Int32Array = new Int32Array(0);
  private readonly coords: Float64Array;
  readonly between: (i: number, j: number) => number;

  constructor(points: PointSet, metric: Exclude<ClusterMetric, 'euclidean' | 'haversine'>) {
    this.n = points.n;
    this.coords = points.coords;
    const n = this.n;
    if (typeof metric === 'function') {
      const f = metric as CoordinateDistance;
      const pairs: [number, number][] = [];
      for (let i = 0; i < n; i++) pairs.push([points.coords[2 * i], points.coords[2 * i + 1]]);
      this.between = (i, j) => checked(f(pairs[i], pairs[j]), i, j);
    } else if ('distance' in metric && typeof metric.distance === 'function') {
      const m = metric as { distance(i: number, j: number): number };
      this.between = (i, j) => checked(m.distance(i, j), i, j);
    } else {
      const matrix = (metric as { matrix: ArrayLike<number> }).matrix;
      if (!matrix || matrix.length !== n * n) {
        throw new VrpkitError('cluster-option', `metric.matrix must hold n × n = ${n * n} distances, got ${matrix?.length}`, 'metric');
      }
      this.between = (i, j) => checked(matrix[i * n + j], i, j);
    }
  }

  allocate(k: number): void {
    this.k = k;
    this.med = new Int32Array(k);
  }

  toCentre(i: number, c: number): number {
    return this.between(this.med[c], i);
  }

  nearestTwo(i: number, out: Float64Array): number {
    let best = Infinity, next = Infinity, at = 0;
    for (let c = 0; c < this.k; c++) {
      const d = this.between(this.med[c], i);
      if (d < best) {
        next = best;
        best = d;
        at = c;
      } else if (d < next) next = d;
    }
    out[0] = best;
    out[1] = next;
    return at;
  }

  nearestList(i: number, idx: Int32Array, dist: Float64Array): void {
    idx.fill(-1);
    dist.fill(Infinity);
    const L = idx.length;
    for (let c = 0; c < this.k; c++) {
      const d = this.between(this.med[c], i);
      if (d < dist[L - 1]) insertSorted(idx, dist, c, d);
    }
  }

  lowerSquared(pick: number, d2: Float64Array): number {
    let total = 0;
    for (let j = 0; j < this.n; j++) {
      const d = this.between(pick, j);
      if (d * d < d2[j]) d2[j] = d * d;
      total += d2[j];
    }
    return total;
  }

  placeAt(c: number, i: number): void {
    this.med[c] = i;
  }

  update(zones: Int32Array, drift?: Float64Array): void {
    const members: number[][] = Array.from({ length: this.k }, () => []);
    for (let i = 0; i < this.n; i++) members[zones[i]].push(i);
    for (let c = 0; c < this.k; c++) {
      const list = members[c];
      const old = this.med[c];
      if (list.length === 0) {
        if (drift) drift[c] = 0;
        continue;
      }
      // Keep the current medoid when it is a member: the zone's sum can then only fall.
      let best = list.includes(old) ? old : list[0];
      let bestSum = this.sumFrom(best, list);
      for (const cand of this.candidates(list, best)) {
        if (cand === best) continue;
        const s = this.sumFrom(cand, list, bestSum);
        if (s < bestSum) {
          bestSum = s;
          best = cand;
        }
      }
      this.med[c] = best;
      if (drift) drift[c] = best === old ? 0 : Infinity;
    }
  }

  /** Sum of distances from `m` to the members, stopping early once above `limit`. */
  private sumFrom(m: number, list: number[], limit = Infinity): number {
    let s = 0;
    for (let t = 0; t < list.length && s < limit; t++) s += this.between(m, list[t]);
    return s;
  }

  /** All members of a small zone; in a large one, the members nearest the coordinate mean. */
  private candidates(list: number[], current: number): number[] {
    if (list.length <= EXACT_MEDOID_LIMIT) return list;
    let mx = 0, my = 0;
    for (const i of list) {
      mx += this.coords[2 * i];
      my += this.coords[2 * i + 1];
    }
    mx /= list.length;
    my /= list.length;
    const byGap = list
      .map((i) => ({ i, g: (this.coords[2 * i] - mx) ** 2 + (this.coords[2 * i + 1] - my) ** 2 }))
      .sort((a, b) => a.g - b.g || a.i - b.i);
    return [current, ...byGap.slice(0, MEDOID_CANDIDATES).map((e) => e.i)];
  }

  centreGap(a: number, b: number): number {
    return this.between(this.med[a], this.med[b]);
  }

  centre(c: number): [number, number] {
    const m = this.med[c];
    return [this.coords[2 * m], this.coords[2 * m + 1]];
  }

  report(d: number): number {
    return d;
  }

  medoids(): Int32Array {
    return this.med.slice();
  }
}

/** Inserts (c, d) into the ascending list, dropping the last entry (ties keep the earlier c first). */
function insertSorted(idx: Int32Array, dist: Float64Array, c: number, d: number): void {
  let t = idx.length - 1;
  while (t > 0 && dist[t - 1] > d) {
    dist[t] = dist[t - 1];
    idx[t] = idx[t - 1];
    t--;
  }
  dist[t] = d;
  idx[t] = c;
}

function checked(d: number, i: number, j: number): number {
  if (!(d >= 0) || d === Infinity) {
    // Unreachable pairs or bad user functions must not silently poison the search.
    throw new VrpkitError('cluster-metric', `distance from point ${i} to point ${j} must be a finite number ≥ 0, got ${d}`, 'metric');
  }
  return d;
}
