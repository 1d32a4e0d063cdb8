/**
 * Where zone centres live and how far a point is from one.
 *
 * - `VectorSpace`: points embedded in R^d where the mean is the best centre.
 *   Euclidean: the plane (d = 2). Haversine: points on a sphere of the Earth's
 *   radius (d = 3); the centre is the normalised mean, which is exactly the
 *   sphere point minimising the sum of squared chords, and the nearest centre
 *   by chord is the nearest by great-circle distance. So Lloyd iterations stay
 *   monotone on the sphere, without a map projection.
 * - `MedoidSpace` (medoid.ts): any point-to-point distance (custom function,
 *   road distances, a matrix). Centres are medoids: members of their zone.
 */
import { EARTH_RADIUS_M } from '../model/travel.js';
import type { ClusterMetric } from './types.js';
import type { PointSet } from './input.js';
import { MedoidSpace } from './medoid.js';

/** The operations every clustering algorithm needs. */
export interface CentreSpace {
  readonly n: number;
  /** Number of centres currently allocated. */
  readonly k: number;
  /** True when centres are medoids (points). */
  readonly medoid: boolean;
  /** Allocates `k` centres (all at point 0 until placed). */
  allocate(k: number): void;
  /** Internal distance between two points (seeding, medoid search). */
  between(i: number, j: number): number;
  /** Internal distance from point `i` to centre `c`. */
  toCentre(i: number, c: number): number;
  /**
   * Nearest centre of point `i` (lowest index on ties); writes the distances to
   * the nearest and second-nearest centre into `out[0]`, `out[1]`. The hot loop
   * of k-means and of the regret assignment.
   */
  nearestTwo(i: number, out: Float64Array): number;
  /**
   * The `L = idx.length` nearest centres of point `i`, nearest first (lower index
   * on ties), into `idx` and their distances into `dist`; -1 / Infinity pad when k < L.
   */
  nearestList(i: number, idx: Int32Array, dist: Float64Array): void;
  /**
   * Lowers `d2[j]` to the squared distance from point `pick` to `j` where that
   * is smaller; returns the new sum of `d2` (k-means++ seeding).
   */
  lowerSquared(pick: number, d2: Float64Array): number;
  /** Puts centre `c` on point `i`. */
  placeAt(c: number, i: number): void;
  /**
   * Recomputes every centre from its members; a zone without members keeps its
   * centre. Writes how far each centre moved into `drift` when given.
   */
  update(zones: Int32Array, drift?: Float64Array): void;
  /** Internal distance between centres `a` and `b`. */
  centreGap(a: number, b: number): number;
  /** Centre `c` as `[x, y]` (`[lon, lat]` for haversine). */
  centre(c: number): [number, number];
  /** Turns an internal distance into the metric's reported unit (chord → great circle). */
  report(d: number): number;
  /** Medoid point per centre (medoid spaces only). */
  medoids(): Int32Array | undefined;
}

/** Mean-centred space in R^dim (plane or sphere). */
export class VectorSpace implements CentreSpace {
  readonly n: number;
  readonly medoid = false;
  k = 0;
  private readonly dim: number;
  private readonly pos: Float64Array;
  private cen: Float64Array = new Float64Array(0);
  private readonly sphere: boolean;

  constructor(points: PointSet, sphere: boolean) {
    this.n = points.n;
    this.sphere = sphere;
    this.dim = sphere ? 3 : 2;
    if (!sphere) {
      this.pos = points.coords;
    } else {
      const toRad = Math.PI / 180;
      this.pos = new Float64Array(3 * this.n);
      for (let i = 0; i < this.n; i++) {
        const lon = points.coords[2 * i] * toRad, lat = points.coords[2 * i + 1] * toRad;
        const cl = Math.cos(lat);
        this.pos[3 * i] = EARTH_RADIUS_M * cl * Math.cos(lon);
        this.pos[3 * i + 1] = EARTH_RADIUS_M * cl * Math.sin(lon);
        this.pos[3 * i + 2] = EARTH_RADIUS_M * Math.sin(lat);
      }
    }
  }

  allocate(k: number): void {
    this.k = k;
    this.cen = new Float64Array(k * this.dim);
  }

  between(i: number, j: number): number {
    const p = this.pos;
    if (this.dim === 2) return Math.hypot(p[2 * i] - p[2 * j], p[2 * i + 1] - p[2 * j + 1]);
    const dx = p[3 * i] - p[3 * j], dy = p[3 * i + 1] - p[3 * j + 1], dz = p[3 * i + 2] - p[3 * j + 2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  toCentre(i: number, c: number): number {
    const p = this.pos, q = this.cen;
    if (this.dim === 2) {
      const dx = p[2 * i] - q[2 * c], dy = p[2 * i + 1] - q[2 * c + 1];
      return Math.sqrt(dx * dx + dy * dy);
    }
    const dx = p[3 * i] - q[3 * c], dy = p[3 * i + 1] - q[3 * c + 1], dz = p[3 * i + 2] - q[3 * c + 2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  nearestTwo(i: number, out: Float64Array): number {
    // Squared distances in the loop, one square root per result.
    const p = this.pos, q = this.cen, k = this.k;
    let best = Infinity, next = Infinity, at = 0;
    if (this.dim === 2) {
      const x = p[2 * i], y = p[2 * i + 1];
      for (let c = 0; c < k; c++) {
        const dx = x - q[2 * c], dy = y - q[2 * c + 1];
        const d = dx * dx + dy * dy;
        if (d < best) {
          next = best;
          best = d;
          at = c;
        } else if (d < next) next = d;
      }
    } else {
      const x = p[3 * i], y = p[3 * i + 1], z = p[3 * i + 2];
      for (let c = 0; c < k; c++) {
        const dx = x - q[3 * c], dy = y - q[3 * c + 1], dz = z - q[3 * c + 2];
        const d = dx * dx + dy * dy + dz * dz;
        if (d < best) {
          next = best;
          best = d;
          at = c;
        } else if (d < next) next = d;
      }
    }
    out[0] = Math.sqrt(best);
    out[1] = Math.sqrt(next);
    return at;
  }

  nearestList(i: number, idx: Int32Array, dist: Float64Array): void {
    const p = this.pos, q = this.cen, k = this.k, L = idx.length;
    idx.fill(-1);
    dist.fill(Infinity);
    let worst = Infinity;
    const three = this.dim === 3;
    const x = three ? p[3 * i] : p[2 * i], y = three ? p[3 * i + 1] : p[2 * i + 1], z = three ? p[3 * i + 2] : 0;
    for (let c = 0; c < k; c++) {
      let s: number;
      if (three) {
        const dx = x - q[3 * c], dy = y - q[3 * c + 1], dz = z - q[3 * c + 2];
        s = dx * dx + dy * dy + dz * dz;
      } else {
        const dx = x - q[2 * c], dy = y - q[2 * c + 1];
        s = dx * dx + dy * dy;
      }
      if (s >= worst) continue;
      // Insertion into the short ascending list (ties keep the lower centre first).
      let t = L - 1;
      while (t > 0 && dist[t - 1] > s) {
        dist[t] = dist[t - 1];
        idx[t] = idx[t - 1];
        t--;
      }
      dist[t] = s;
      idx[t] = c;
      worst = dist[L - 1];
    }
    for (let t = 0; t < L; t++) dist[t] = Math.sqrt(dist[t]);
  }

  lowerSquared(pick: number, d2: Float64Array): number {
    const p = this.pos, d = this.dim, n = this.n;
    let total = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = p[d * j + t] - p[d * pick + t];
        s += v * v;
      }
      if (s < d2[j]) d2[j] = s;
      total += d2[j];
    }
    return total;
  }

  placeAt(c: number, i: number): void {
    for (let t = 0; t < this.dim; t++) this.cen[this.dim * c + t] = this.pos[this.dim * i + t];
  }

  update(zones: Int32Array, drift?: Float64Array): void {
    const d = this.dim, k = this.k;
    const sum = new Float64Array(k * d);
    const count = new Int32Array(k);
    for (let i = 0; i < this.n; i++) {
      const z = zones[i];
      count[z]++;
      for (let t = 0; t < d; t++) sum[d * z + t] += this.pos[d * i + t];
    }
    for (let c = 0; c < k; c++) {
      if (count[c] === 0) {
        if (drift) drift[c] = 0;
        continue;
      }
      let norm = 0;
      for (let t = 0; t < d; t++) {
        sum[d * c + t] /= count[c];
        norm += sum[d * c + t] * sum[d * c + t];
      }
      if (this.sphere) {
        // Project the mean back onto the sphere; a zero mean (antipodal spread) keeps the old centre.
        norm = Math.sqrt(norm);
        if (norm === 0) {
          for (let t = 0; t < d; t++) sum[d * c + t] = this.cen[d * c + t];
        } else {
          for (let t = 0; t < d; t++) sum[d * c + t] *= EARTH_RADIUS_M / norm;
        }
      }
      let moved = 0;
      for (let t = 0; t < d; t++) {
        const v = sum[d * c + t] - this.cen[d * c + t];
        moved += v * v;
        this.cen[d * c + t] = sum[d * c + t];
      }
      if (drift) drift[c] = Math.sqrt(moved);
    }
  }

  centreGap(a: number, b: number): number {
    const q = this.cen, d = this.dim;
    let s = 0;
    for (let t = 0; t < d; t++) {
      const v = q[d * a + t] - q[d * b + t];
      s += v * v;
    }
    return Math.sqrt(s);
  }

  centre(c: number): [number, number] {
    const q = this.cen;
    if (!this.sphere) return [q[2 * c], q[2 * c + 1]];
    const x = q[3 * c], y = q[3 * c + 1], z = q[3 * c + 2];
    const toDeg = 180 / Math.PI;
    return [Math.atan2(y, x) * toDeg, Math.atan2(z, Math.hypot(x, y)) * toDeg];
  }

  report(d: number): number {
    if (!this.sphere) return d;
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, d / (2 * EARTH_RADIUS_M)));
  }

  medoids(): undefined {
    return undefined;
  }
}

/** Builds the space for a metric. */
export function makeSpace(points: PointSet, metric: ClusterMetric | undefined): CentreSpace {
  if (metric === undefined || metric === 'euclidean') return new VectorSpace(points, false);
  if (metric === 'haversine') return new VectorSpace(points, true);
  return new MedoidSpace(points, metric);
}
