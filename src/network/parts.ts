/**
 * What every builder produces before compilation: an arc list by internal node
 * index with per-arc distance (source units) and duration (seconds), plus node
 * coordinates and ids. `RoadNetwork` compiles it into CSR arrays.
 */
import { VrpkitError } from '../core/errors.js';
import type { NodeIds } from './ids.js';

export interface NetworkParts {
  nodeCount: number;
  tails: Int32Array;
  heads: Int32Array;
  /** Per-arc distance in source units (metres × 1/metresPerUnit). */
  distance: Float64Array;
  /** Per-arc travel time in seconds. */
  duration: Float64Array;
  /** `[lon, lat]` per node in degrees (NaN where unknown), or null. */
  coords: Float64Array | null;
  ids: NodeIds;
  /** Metres per distance unit (DIMACS OSM files: 0.1, decimetres). */
  metresPerUnit: number;
}

/** Options shared by every builder. */
export interface UnitOptions {
  /** Metres per unit of the source's distance weights. Default 1 (weights are metres). */
  metresPerUnit?: number;
  /** Speed used to derive durations where the source has none, in km/h. Default 50. */
  speedKmh?: number;
}

/** Default speed for derived durations: 50 km/h (urban limit in most of Europe). */
export const DEFAULT_SPEED_KMH = 50;

/** Checks and returns `[metresPerUnit, metres per second]` from unit options. */
export function unitSettings(options: UnitOptions | undefined): [number, number] {
  const mpu = options?.metresPerUnit ?? 1;
  if (!(mpu > 0 && Number.isFinite(mpu))) {
    throw new VrpkitError('invalid-option', `metresPerUnit must be a positive number, got ${mpu}`, 'metresPerUnit');
  }
  const kmh = options?.speedKmh ?? DEFAULT_SPEED_KMH;
  if (!(kmh > 0 && Number.isFinite(kmh))) {
    throw new VrpkitError('invalid-option', `speedKmh must be a positive number, got ${kmh}`, 'speedKmh');
  }
  return [mpu, kmh / 3.6];
}

/** A growable arc list (typed arrays doubled on demand). */
export class ArcBuffer {
  length = 0;
  tails: Int32Array;
  heads: Int32Array;
  distance: Float64Array;
  duration: Float64Array;

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.tails = new Int32Array(c);
    this.heads = new Int32Array(c);
    this.distance = new Float64Array(c);
    this.duration = new Float64Array(c);
  }

  /** Appends arc `tail → head`. */
  add(tail: number, head: number, distance: number, duration: number): void {
    if (this.length === this.tails.length) this.grow();
    const i = this.length++;
    this.tails[i] = tail;
    this.heads[i] = head;
    this.distance[i] = distance;
    this.duration[i] = duration;
  }

  private grow(): void {
    const c = this.tails.length * 2;
    const t = new Int32Array(c);
    t.set(this.tails);
    this.tails = t;
    const h = new Int32Array(c);
    h.set(this.heads);
    this.heads = h;
    const d = new Float64Array(c);
    d.set(this.distance);
    this.distance = d;
    const u = new Float64Array(c);
    u.set(this.duration);
    this.duration = u;
  }

  /** The arcs as exact-length arrays. */
  finish(): Pick<NetworkParts, 'tails' | 'heads' | 'distance' | 'duration'> {
    const n = this.length;
    return {
      tails: this.tails.slice(0, n),
      heads: this.heads.slice(0, n),
      distance: this.distance.slice(0, n),
      duration: this.duration.slice(0, n),
    };
  }
}

/** Throws unless `w` is a finite, non-negative number. */
export function checkWeight(w: unknown, what: string, where: string): number {
  if (typeof w !== 'number' || !(w >= 0) || w === Infinity) {
    throw new VrpkitError(
      typeof w === 'number' && w < 0 ? 'negative-weight' : 'invalid-weight',
      `${what} must be a finite non-negative number, got ${String(w)}`,
      where,
    );
  }
  return w;
}
