/**
 * Network travel resolved on demand, for problems too large for a dense
 * `n × n` matrix (10,000 points: 100 M pairs, 1.6 GB): `distance(a, b)` and
 * `duration(a, b)` come from a bounded cache of pairs, filled by blocks the
 * caller asks for (`block`, e.g. a zone's locations) or else one pair at a
 * time; a row that keeps missing is fetched whole (so a caller reading every
 * pair, row by row, pays one search per row, not per pair). Every value is the
 * provider's, so arcs agree whichever way they were fetched.
 */
import type { OnDemandTravel } from './types.js';

/** Above this many points `resolveTravel` asks a provider that can for travel on demand. */
export const ON_DEMAND_ABOVE = 2000;

/** Pairs kept (open addressing, 2^22 slots: 96 MB); the cache starts over when 70 % full. */
const SLOTS = 1 << 22;
/** Misses in one row after which the whole row is fetched. */
const ROW_AFTER = 32;
/** Bytes of whole rows kept (oldest dropped first). */
const ROW_BYTES = 256 * 1024 * 1024;

export interface OnDemandArcs {
  distance(a: number, b: number): number;
  duration(a: number, b: number): number;
  /** Seconds and metres from each of `rows` to each of `cols` (location indices), row-major; the pairs are cached. */
  block(rows: ArrayLike<number>, cols: ArrayLike<number>): { durations: Float64Array; distances: Float64Array };
}

/** Arc functions over `size` locations served by `source` (location i is point i). */
export function onDemandArcs(size: number, source: OnDemandTravel): OnDemandArcs {
  const cache = new PairCache(Math.min(SLOTS, nextPow2(Math.max(1024, 2 * size * size))));
  const misses = new Uint16Array(size);
  const rows = new Map<number, { durations: Float64Array; distances: Float64Array }>();
  const maxRows = Math.max(1, Math.floor(ROW_BYTES / (16 * size)));
  let all: Int32Array | null = null;
  const fetch = (a: number, b: number): number => {
    const row = rows.get(a);
    if (row) return cache.put(a, b, row.durations[b], row.distances[b]);
    if (++misses[a] > ROW_AFTER) {
      if (!all) all = Int32Array.from({ length: size }, (_, i) => i);
      const fetched = source.block([a], all);
      if (rows.size >= maxRows) rows.delete(rows.keys().next().value!);
      rows.set(a, fetched);
      return cache.put(a, b, fetched.durations[b], fetched.distances[b]);
    }
    const one = source.block([a], [b]);
    return cache.put(a, b, one.durations[0], one.distances[0]);
  };
  const slot = (a: number, b: number): number => {
    const s = cache.find(a, b);
    return s >= 0 ? s : fetch(a, b);
  };
  return {
    duration: (a, b) => cache.durations[slot(a, b)],
    distance: (a, b) => cache.distances[slot(a, b)],
    block(r, c) {
      const m = source.block(r, c);
      if (r.length * c.length <= cache.room / 2) {
        for (let i = 0; i < r.length; i++) for (let j = 0; j < c.length; j++) cache.put(r[i], c[j], m.durations[i * c.length + j], m.distances[i * c.length + j]);
      }
      return m;
    },
  };
}

/** Open-addressing map (a, b) → (duration, distance) on typed arrays; starts over when 70 % full. */
class PairCache {
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  readonly durations: Float64Array;
  readonly distances: Float64Array;
  private readonly mask: number;
  private used = 0;

  constructor(slots: number) {
    this.from = new Int32Array(slots).fill(-1);
    this.to = new Int32Array(slots);
    this.durations = new Float64Array(slots);
    this.distances = new Float64Array(slots);
    this.mask = slots - 1;
  }

  /** Pairs that fit before the cache starts over. */
  get room(): number {
    return Math.floor(0.7 * (this.mask + 1));
  }

  /** Slot of (a, b), or -1. */
  find(a: number, b: number): number {
    const { from, to, mask } = this;
    for (let s = hash(a, b) & mask; ; s = (s + 1) & mask) {
      if (from[s] === -1) return -1;
      if (from[s] === a && to[s] === b) return s;
    }
  }

  /** Stores (a, b) and returns its slot. */
  put(a: number, b: number, duration: number, distance: number): number {
    if (this.used >= this.room) {
      this.from.fill(-1);
      this.used = 0;
    }
    const { from, to, mask } = this;
    let s = hash(a, b) & mask;
    while (from[s] !== -1 && !(from[s] === a && to[s] === b)) s = (s + 1) & mask;
    if (from[s] === -1) this.used++;
    from[s] = a;
    to[s] = b;
    this.durations[s] = duration;
    this.distances[s] = distance;
    return s;
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  return h >>> 0;
}

function nextPow2(x: number): number {
  let p = 1;
  while (p < x) p *= 2;
  return p;
}
