/**
 * Spatial helpers of the compile step: granular neighbour lists with the
 * time-window-aware proximity of HGS.md §3, and a Z-order key for numbering
 * clients so that neighbours have nearby indices.
 */
import { offerTopK } from '../core/top-k.js';

/** Interleaves the bits of two 16-bit integers (Z-order). */
export function mortonCode(x: number, y: number): number {
  let z = 0;
  for (let b = 15; b >= 0; b--) z = z * 4 + (((x >> b) & 1) << 1) + ((y >> b) & 1);
  return z;
}

/**
 * Symmetric granular neighbour lists: for each client its `gamma` most
 * correlated clients (distance, plus 0.2 × minimum waiting and 1.0 × minimum
 * time warp when there are time windows), and vice versa.
 */
export function granularNeighbours(
  n: number, P: number, dist: ArrayLike<number>, dur: ArrayLike<number>, service: Float64Array,
  early: Float64Array, late: Float64Array, gamma: number, hasTime: boolean,
): { nbStart: Int32Array; nbList: Int32Array } {
  const g = Math.min(gamma, n - 1);
  const sets: Set<number>[] = [];
  for (let u = 0; u < n; u++) sets.push(new Set());
  // the g closest by (proximity, index), kept sorted by insertion
  const topP = new Float64Array(g + 1);
  const topV = new Int32Array(g + 1);
  for (let u = 0; u < n; u++) {
    let size = 0;
    for (let v = 0; v < n; v++) {
      if (v === u) continue;
      let p = dist[u * P + v];
      if (hasTime) {
        const a = proxDir(u, v, P, dist, dur, service, early, late);
        const b = proxDir(v, u, P, dist, dur, service, early, late);
        p = Math.min(a, b);
      }
      size = offerTopK(topP, topV, size, g, p, v); // ties keep the lower index (v grows)
    }
    for (let k = 0; k < size; k++) {
      sets[u].add(topV[k]);
      sets[topV[k]].add(u);
    }
  }
  const nbStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) nbStart[u + 1] = nbStart[u] + sets[u].size;
  const nbList = new Int32Array(nbStart[n]);
  for (let u = 0; u < n; u++) {
    let k = nbStart[u];
    for (const v of sets[u]) nbList[k++] = v;
  }
  return { nbStart, nbList };
}

function proxDir(
  i: number, j: number, P: number, dist: ArrayLike<number>, dur: ArrayLike<number>, service: Float64Array,
  early: Float64Array, late: Float64Array,
): number {
  const d = dist[i * P + j];
  const t = dur[i * P + j];
  const ei = Number.isFinite(early[i]) ? early[i] : -1e15;
  const li = Number.isFinite(late[i]) ? late[i] : 1e15;
  const ej = Number.isFinite(early[j]) ? early[j] : -1e15;
  const lj = Number.isFinite(late[j]) ? late[j] : 1e15;
  const wait = Math.max(ej - service[i] - t - li, 0);
  const warp = Math.max(ei + service[i] + t - lj, 0);
  return d + 0.2 * wait + warp;
}
