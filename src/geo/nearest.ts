/**
 * Nearest-point search on lon/lat points ranked by great-circle distance.
 *
 * The points are stored in a kdbush k-d tree (flat arrays, built once). A query
 * walks the tree depth first, nearer half first, and skips every half whose
 * lon/lat box cannot hold a point closer than the best found so far. The bound
 * used for a box is a true lower bound of the haversine distance to any point in
 * it: each term of the haversine sum is bounded separately (the latitude gap,
 * the longitude gap with wrap-around at ±180°, and the smallest cosine of the
 * box's latitudes), so no candidate is ever pruned wrongly.
 */
import KDBush from 'kdbush';
import { EARTH_RADIUS_M, haversineFrom } from './haversine.js';

const TO_RAD = Math.PI / 180;

/** A nearest-point hit: the point's index and its great-circle distance in metres. */
export interface NearestHit {
  index: number;
  distance: number;
}

/** A k-d tree over lon/lat points answering nearest-point queries by great-circle distance. */
export class GeoIndex {
  /** Number of indexed points. */
  readonly size: number;
  private readonly tree: KDBush;
  private readonly stack: Float64Array;
  private readonly bbox: [number, number, number, number];
  private readonly original: Int32Array | null;

  /**
   * Indexes `lonLat` = `[lon0, lat0, lon1, lat1, ...]` (degrees). Points whose
   * coordinates are NaN (unknown) are left out of the index.
   */
  constructor(lonLat: ArrayLike<number>, nodeSize = 32) {
    const n = lonLat.length >> 1;
    let count = 0;
    for (let i = 0; i < n; i++) if (lonLat[2 * i] === lonLat[2 * i] && lonLat[2 * i + 1] === lonLat[2 * i + 1]) count++;
    this.size = count;
    const tree = new KDBush(Math.max(count, 1), nodeSize);
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    const keep: number[] = [];
    for (let i = 0; i < n; i++) {
      const lon = lonLat[2 * i];
      const lat = lonLat[2 * i + 1];
      if (lon !== lon || lat !== lat) continue;
      tree.add(lon, lat);
      keep.push(i);
      if (lon < bbox[0]) bbox[0] = lon;
      if (lat < bbox[1]) bbox[1] = lat;
      if (lon > bbox[2]) bbox[2] = lon;
      if (lat > bbox[3]) bbox[3] = lat;
    }
    if (count === 0) tree.add(0, 0);
    tree.finish();
    // kdbush numbers points in insertion order; map them back to the caller's indices.
    this.original = keep.length !== n ? Int32Array.from(keep) : null;
    this.tree = tree;
    this.bbox = bbox;
    this.stack = new Float64Array(7 * 256);
  }

  /**
   * The indexed point nearest to `(lon, lat)` by great-circle distance; ties go to
   * the smallest index. Returns `undefined` when the index is empty.
   */
  nearest(lon: number, lat: number): NearestHit | undefined {
    if (this.size === 0) return undefined;
    const { ids, coords, nodeSize } = this.tree;
    const cosQ = Math.cos(lat * TO_RAD);
    const stack = this.stack;
    let best = Infinity;
    let bestIndex = -1;
    let sp = 0;
    const push = (left: number, right: number, axis: number, x0: number, y0: number, x1: number, y1: number) => {
      stack[sp++] = left;
      stack[sp++] = right;
      stack[sp++] = axis;
      stack[sp++] = x0;
      stack[sp++] = y0;
      stack[sp++] = x1;
      stack[sp++] = y1;
    };
    push(0, ids.length - 1, 0, this.bbox[0], this.bbox[1], this.bbox[2], this.bbox[3]);
    while (sp > 0) {
      const y1 = stack[--sp];
      const x1 = stack[--sp];
      const y0 = stack[--sp];
      const x0 = stack[--sp];
      const axis = stack[--sp];
      const right = stack[--sp];
      const left = stack[--sp];
      // Prune only with a margin: the box bound and the point distances are computed
      // differently (wrap-around longitude gaps lose ~1e-13 degrees), and an equally near
      // point with a smaller index must still be seen for the tie rule.
      if (boxLowerBound(lon, lat, cosQ, x0, y0, x1, y1) > best + 1e-6 + best * 1e-9) continue;
      if (right - left <= nodeSize) {
        for (let k = left; k <= right; k++) {
          const d = haversineFrom(lon, lat, cosQ, coords[2 * k], coords[2 * k + 1]);
          if (d < best || (d === best && ids[k] < bestIndex)) {
            best = d;
            bestIndex = ids[k];
          }
        }
        continue;
      }
      const m = (left + right) >> 1;
      const mx = coords[2 * m];
      const my = coords[2 * m + 1];
      const d = haversineFrom(lon, lat, cosQ, mx, my);
      if (d < best || (d === best && ids[m] < bestIndex)) {
        best = d;
        bestIndex = ids[m];
      }
      // Children: [left, m-1] has coordinate <= split on `axis`, [m+1, right] has >= split.
      const split = axis === 0 ? mx : my;
      const q = axis === 0 ? lon : lat;
      const next = 1 - axis;
      const lowFirst = q < split;
      if (lowFirst) {
        if (m + 1 <= right) push(m + 1, right, next, axis === 0 ? split : x0, axis === 1 ? split : y0, x1, y1);
        if (left <= m - 1) push(left, m - 1, next, x0, y0, axis === 0 ? split : x1, axis === 1 ? split : y1);
      } else {
        if (left <= m - 1) push(left, m - 1, next, x0, y0, axis === 0 ? split : x1, axis === 1 ? split : y1);
        if (m + 1 <= right) push(m + 1, right, next, axis === 0 ? split : x0, axis === 1 ? split : y0, x1, y1);
      }
    }
    return { index: this.original ? this.original[bestIndex] : bestIndex, distance: best };
  }
}

/** Lower bound (metres) of the great-circle distance from a point to any point of a lon/lat box. */
function boxLowerBound(
  lon: number,
  lat: number,
  cosQ: number,
  minLon: number,
  minLat: number,
  maxLon: number,
  maxLat: number,
): number {
  const dLat = lat < minLat ? minLat - lat : lat > maxLat ? lat - maxLat : 0;
  let dLon = 0;
  if (lon < minLon || lon > maxLon) dLon = Math.min(wrapGap(lon, minLon), wrapGap(lon, maxLon));
  if (dLat === 0 && dLon === 0) return 0;
  const cosMin = Math.min(Math.cos(minLat * TO_RAD), Math.cos(maxLat * TO_RAD));
  const s1 = Math.sin((dLat * TO_RAD) / 2);
  const s2 = Math.sin((dLon * TO_RAD) / 2);
  const h = s1 * s1 + cosQ * Math.max(0, cosMin) * s2 * s2;
  // Shave a relative 1e-12 so rounding never lifts the bound above a true distance.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))) * (1 - 1e-12);
}

/** Longitude gap in degrees in [0, 180], across the antimeridian when shorter. */
function wrapGap(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}
