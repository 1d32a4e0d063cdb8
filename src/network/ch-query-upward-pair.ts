/**
 * The point-to-point search of ch-query-upward.ts (which says how it works)
 * for hierarchies with weight pairs, compared lexicographically: the
 * `duration` hierarchy with the distance as tie-break (see ch-types.ts), so a
 * path is the shortest among the fastest, as in the `both` matrices. Labels
 * are pairs (stride 6 in the search space); the queues order by pairs.
 */
import type { UpwardGraph } from './ch-upward.js';
import { resetUpwardSpace, touch, type UpwardSpace } from './ch-upward-space.js';

/**
 * The weight pair of a lexicographically lightest path from slot `s` to slot
 * `t`: returns the first weight (Infinity when there is none) and leaves the
 * second in `S.weight2`; `useCore: false` searches the whole hierarchy.
 */
export function upwardPairDistance(g: UpwardGraph, S: UpwardSpace, s: number, t: number, useCore = true): number {
  resetUpwardSpace(S);
  const core = useCore ? g.core.size : 0;
  const fCore = S.forwardCore;
  const bCore = S.backwardCore;
  const dist = S.dist;
  const link = S.link;
  const fq = S.forwardPairs!;
  const bq = S.backwardPairs!;
  fq.size = 0;
  bq.size = 0;
  const bounds = g.bounds;
  const head = g.head;
  const weight = g.weight;
  const weight2 = g.weight2!;
  touch(S, s);
  touch(S, t);
  dist[6 * s] = 0;
  dist[6 * s + 2] = 0;
  link[12 * s + 8] = -1;
  if (s < core) fCore[S.forwardCoreCount++] = s;
  else fq.push(s, 0, 0);
  dist[6 * t + 1] = 0;
  dist[6 * t + 3] = 0;
  link[12 * t + 9] = -1;
  if (t < core) bCore[S.backwardCoreCount++] = t;
  else bq.push(t, 0, 0);
  let best = s === t ? 0 : Infinity;
  let best2 = s === t ? 0 : Infinity;
  let meet = s === t ? s : -1;
  let settled = 0;
  for (;;) {
    const fk = fq.size > 0 ? fq.keys[0] : Infinity;
    const fk2 = fq.size > 0 ? fq.keys2[0] : Infinity;
    const bk = bq.size > 0 ? bq.keys[0] : Infinity;
    const bk2 = bq.size > 0 ? bq.keys2[0] : Infinity;
    const fOpen = fk < best || (fk === best && fk2 < best2);
    const bOpen = bk < best || (bk === best && bk2 < best2);
    if (!fOpen && !bOpen) break;
    if (fOpen && (!bOpen || fk < bk || (fk === bk && fk2 <= bk2))) {
      const u = fq.pop();
      const x = 6 * u;
      if (fk > dist[x] || (fk === dist[x] && fk2 > dist[x + 2])) continue;
      settled++;
      let stalled = false;
      for (let e = bounds[3 * u + 1], end = bounds[3 * u + 3]; e < end; e++) {
        const y = 6 * head[6 * e];
        const c = dist[y] + weight[3 * e + 2];
        if (c < fk || (c === fk && dist[y + 2] + weight2[2 * e + 1] < fk2)) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      for (let e = bounds[3 * u], end = bounds[3 * u + 2]; e < end; e++) {
        const v = head[6 * e];
        const y = 6 * v;
        const nd = fk + weight[3 * e + 1];
        const nd2 = fk2 + weight2[2 * e];
        const old = dist[y];
        if (nd > old || (nd === old && nd2 >= dist[y + 2])) continue;
        dist[y] = nd;
        dist[y + 2] = nd2;
        link[2 * y + 8] = e;
        if (v >= core) fq.push(v, nd, nd2);
        if (old === Infinity) {
          touch(S, v);
          if (v < core) fCore[S.forwardCoreCount++] = v;
        }
        const c = nd + dist[y + 1];
        if (c < best || (c === best && c < Infinity && nd2 + dist[y + 3] < best2)) {
          best = c;
          best2 = nd2 + dist[y + 3];
          meet = v;
        }
      }
    } else {
      const u = bq.pop();
      const x = 6 * u;
      if (bk > dist[x + 1] || (bk === dist[x + 1] && bk2 > dist[x + 3])) continue;
      settled++;
      let stalled = false;
      for (let e = bounds[3 * u], end = bounds[3 * u + 2]; e < end; e++) {
        const y = 6 * head[6 * e];
        const c = dist[y + 1] + weight[3 * e + 1];
        if (c < bk || (c === bk && dist[y + 3] + weight2[2 * e] < bk2)) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      for (let e = bounds[3 * u + 1], end = bounds[3 * u + 3]; e < end; e++) {
        const v = head[6 * e];
        const y = 6 * v;
        const nd = bk + weight[3 * e + 2];
        const nd2 = bk2 + weight2[2 * e + 1];
        const old = dist[y + 1];
        if (nd > old || (nd === old && nd2 >= dist[y + 3])) continue;
        dist[y + 1] = nd;
        dist[y + 3] = nd2;
        link[2 * y + 9] = e;
        if (v >= core) bq.push(v, nd, nd2);
        if (old === Infinity) {
          touch(S, v);
          if (v < core) bCore[S.backwardCoreCount++] = v;
        }
        const c = nd + dist[y];
        if (c < best || (c === best && c < Infinity && nd2 + dist[y + 2] < best2)) {
          best = c;
          best2 = nd2 + dist[y + 2];
          meet = v;
        }
      }
    }
  }
  const table = g.core.weight;
  const table2 = g.core.weight2!;
  for (let i = 0, fEnd = S.forwardCoreCount, bEnd = S.backwardCoreCount; i < fEnd; i++) {
    const a = fCore[i];
    const da = dist[6 * a];
    const da2 = dist[6 * a + 2];
    if (da > best || (da === best && da2 >= best2)) continue;
    const row = a * core;
    for (let j = 0; j < bEnd; j++) {
      const b = bCore[j];
      const c = da + table[row + b] + dist[6 * b + 1];
      if (c > best || c === Infinity) continue;
      const c2 = da2 + table2[row + b] + dist[6 * b + 3];
      if (c < best || c2 < best2) {
        best = c;
        best2 = c2;
        meet = a;
      }
    }
  }
  S.meet = meet;
  S.weight2 = best2;
  S.settled = settled;
  return best;
}
