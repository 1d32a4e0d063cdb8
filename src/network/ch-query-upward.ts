/**
 * Point-to-point distance on the query layout of a contraction hierarchy (see
 * ch-upward.ts), single weights: the bidirectional upward search with
 * stall-on-demand, the directions taking turns by smaller key, each stopping
 * once its smallest key reaches the best meeting weight found.
 *
 * Both directions' labels of a node sit side by side (see ch-upward-space.ts),
 * so a relaxation sees at once whether the other side reached the node, and
 * the meeting weight is tightened there (earlier than when nodes are settled,
 * which lets both searches stop sooner). Unreached labels are Infinity; the
 * queues drop entries whose key is above the label (superseded). Nothing is
 * allocated per query.
 *
 * With a core table (see ch-core.ts) neither direction expands core slots:
 * they are noted when first reached, and once both searches are done every
 * pair of noted slots is tried through the table.
 */
import type { UpwardGraph } from './ch-upward.js';
import { resetUpwardSpace, touch, type UpwardSpace } from './ch-upward-space.js';

/**
 * The weight of a shortest path from slot `s` to slot `t` (Infinity when there
 * is none). With `useCore: false` the search runs through the whole hierarchy
 * and `S.meet` with `S.link` then describe the path (see `upwardChain` in
 * ch-query.ts).
 */
export function upwardDistance(g: UpwardGraph, S: UpwardSpace, s: number, t: number, useCore = true): number {
  resetUpwardSpace(S);
  const core = useCore ? g.core.size : 0;
  const fCore = S.forwardCore;
  const bCore = S.backwardCore;
  const dist = S.dist;
  const link = S.link;
  const fq = S.forward;
  const bq = S.backward;
  const bounds = g.bounds;
  const head = g.head;
  const weight = g.weight;
  touch(S, s);
  touch(S, t);
  dist[4 * s] = 0;
  link[8 * s + 4] = -1;
  if (s < core) fCore[S.forwardCoreCount++] = s;
  else fq.push(s, 0);
  dist[4 * t + 1] = 0;
  link[8 * t + 5] = -1;
  if (t < core) bCore[S.backwardCoreCount++] = t;
  else bq.push(t, 0);
  let best = s === t ? 0 : Infinity;
  let meet = s === t ? s : -1;
  let settled = 0;
  for (;;) {
    const fk = fq.size > 0 ? fq.keys[0] : Infinity;
    const bk = bq.size > 0 ? bq.keys[0] : Infinity;
    const fOpen = fk < best;
    const bOpen = bk < best;
    if (!fOpen && !bOpen) break;
    if (fOpen && (!bOpen || fk <= bk)) {
      const u = fq.pop();
      if (fk > dist[4 * u]) continue;
      settled++;
      // Stalled when a higher neighbour reaches u more cheaply by its downward arc.
      let stalled = false;
      for (let e = bounds[3 * u + 1], end = bounds[3 * u + 3]; e < end; e++) {
        if (dist[4 * head[6 * e]] + weight[3 * e + 2] < fk) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      for (let e = bounds[3 * u], end = bounds[3 * u + 2]; e < end; e++) {
        const v = head[6 * e];
        const y = 4 * v;
        const nd = fk + weight[3 * e + 1];
        const old = dist[y];
        if (nd >= old) continue;
        dist[y] = nd;
        link[2 * y + 4] = e;
        if (v >= core) fq.push(v, nd);
        if (old === Infinity) {
          touch(S, v);
          if (v < core) fCore[S.forwardCoreCount++] = v;
        }
        const c = nd + dist[y + 1];
        if (c < best) {
          best = c;
          meet = v;
        }
      }
    } else {
      const u = bq.pop();
      if (bk > dist[4 * u + 1]) continue;
      settled++;
      let stalled = false;
      for (let e = bounds[3 * u], end = bounds[3 * u + 2]; e < end; e++) {
        if (dist[4 * head[6 * e] + 1] + weight[3 * e + 1] < bk) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      for (let e = bounds[3 * u + 1], end = bounds[3 * u + 3]; e < end; e++) {
        const v = head[6 * e];
        const y = 4 * v;
        const nd = bk + weight[3 * e + 2];
        const old = dist[y + 1];
        if (nd >= old) continue;
        dist[y + 1] = nd;
        link[2 * y + 5] = e;
        if (v >= core) bq.push(v, nd);
        if (old === Infinity) {
          touch(S, v);
          if (v < core) bCore[S.backwardCoreCount++] = v;
        }
        const c = nd + dist[y];
        if (c < best) {
          best = c;
          meet = v;
        }
      }
    }
  }
  // Paths through the core: in at a (forward), out at b (backward), the table in between.
  const table = g.core.weight;
  for (let i = 0, fEnd = S.forwardCoreCount, bEnd = S.backwardCoreCount; i < fEnd; i++) {
    const a = fCore[i];
    const da = dist[4 * a];
    if (da >= best) continue;
    const row = a * core;
    for (let j = 0; j < bEnd; j++) {
      const b = bCore[j];
      const c = da + table[row + b] + dist[4 * b + 1];
      if (c < best) {
        best = c;
        meet = a;
      }
    }
  }
  S.meet = meet;
  S.settled = settled;
  return best;
}

