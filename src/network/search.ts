/**
 * Shortest-path searches on a compiled network, by internal node index and in
 * raw arc units. Every search reuses the topology's scratch arrays (generation
 * stamps instead of re-filling) and an indexed binary heap with decrease-key.
 *
 * - `dijkstra`: plain one-directional Dijkstra, stops when the target is settled.
 * - `astar`: Dijkstra with the great-circle potential `scale * haversine(v, t)`.
 * - `bidirectional`: forward from the source and backward from the target,
 *   expanding the side with the smaller key; stops when the two top keys sum to
 *   at least the best path seen.
 * - `bidirectional-astar`: the same with the average potential
 *   `pf(v) = (h_t(v) - h_s(v)) / 2` (forward) and `-pf` (backward). Both are
 *   consistent, so the stopping rule above stays exact.
 *
 * `scale` (units per metre of great-circle distance) is the largest factor with
 * `weight(u, v) >= scale * haversine(u, v)` on every arc, measured when the
 * network is built, so the potentials are admissible for any weights.
 */
import { haversineFrom } from '../geo/haversine.js';
import { backwardSpace, forwardSpace, nextGeneration, type SearchSpace, type Topology } from './topology.js';

const TO_RAD = Math.PI / 180;

/** The weight side of a network, as the searches see it. */
export interface SearchGraph {
  readonly topology: Topology;
  /** Per-arc weights of the optimised metric (CSR order). */
  readonly weight: Float64Array;
  /** Units per metre of great-circle distance for the potentials (0: no potential). */
  readonly scale: number;
}

/** The result of a point-to-point search: forward arc indices from source to target, or null. */
export interface RawPath {
  arcs: number[] | null;
  /** Nodes settled (both directions together): the work done. */
  settled: number;
}

export type SearchAlgorithm = 'dijkstra' | 'astar' | 'bidirectional' | 'bidirectional-astar';

/** Runs one point-to-point search. `s !== t` is not required. */
export function searchPath(g: SearchGraph, s: number, t: number, algorithm: SearchAlgorithm): RawPath {
  if (s === t) return { arcs: [], settled: 0 };
  const usePotential = g.scale > 0 && g.topology.coordsComplete;
  switch (algorithm) {
    case 'dijkstra':
      return unidirectional(g, s, t, false);
    case 'astar':
      return unidirectional(g, s, t, usePotential);
    case 'bidirectional':
      return bidirectional(g, s, t, false);
    case 'bidirectional-astar':
      return bidirectional(g, s, t, usePotential);
  }
}

function unidirectional(g: SearchGraph, s: number, t: number, potential: boolean): RawPath {
  const topo = g.topology;
  const offsets = topo.fwdOffsets;
  const heads = topo.fwdHeads;
  const w = g.weight;
  const sp = forwardSpace(topo);
  const gen = nextGeneration(sp);
  const { stamp, dist, parentArc, parentNode, heap, pot } = sp;
  const pos = heap.pos;
  const coords = topo.coords!;
  const scale = g.scale;
  const tLon = potential ? coords[2 * t] : 0;
  const tLat = potential ? coords[2 * t + 1] : 0;
  const cosT = Math.cos(tLat * TO_RAD);
  stamp[s] = gen;
  dist[s] = 0;
  parentArc[s] = -1;
  pot[s] = potential ? scale * haversineFrom(tLon, tLat, cosT, coords[2 * s], coords[2 * s + 1]) : 0;
  heap.push(s, pot[s]);
  let settled = 0;
  let found = false;
  while (heap.size > 0) {
    const u = heap.pop();
    settled++;
    if (u === t) {
      found = true;
      break;
    }
    const du = dist[u];
    for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
      const nd = du + w[a];
      if (!(nd < Infinity)) continue;
      const v = heads[a];
      if (stamp[v] !== gen) {
        stamp[v] = gen;
        dist[v] = nd;
        parentArc[v] = a;
        parentNode[v] = u;
        const h = potential ? scale * haversineFrom(tLon, tLat, cosT, coords[2 * v], coords[2 * v + 1]) : 0;
        pot[v] = h;
        heap.push(v, nd + h);
      } else if (nd < dist[v] && pos[v] >= 0) {
        dist[v] = nd;
        parentArc[v] = a;
        parentNode[v] = u;
        heap.decrease(v, nd + pot[v]);
      }
    }
  }
  if (!found) return { arcs: null, settled };
  const arcs: number[] = [];
  for (let v = t; v !== s; v = parentNode[v]) arcs.push(parentArc[v]);
  arcs.reverse();
  return { arcs, settled };
}

function bidirectional(g: SearchGraph, s: number, t: number, potential: boolean): RawPath {
  const topo = g.topology;
  const fOff = topo.fwdOffsets;
  const fHeads = topo.fwdHeads;
  const rOff = topo.revOffsets;
  const rTails = topo.revTails;
  const rArc = topo.revArc;
  const w = g.weight;
  const F = forwardSpace(topo);
  const B = backwardSpace(topo);
  const gf = nextGeneration(F);
  const gb = nextGeneration(B);
  const coords = topo.coords!;
  const scale = g.scale / 2;
  const sLon = potential ? coords[2 * s] : 0;
  const sLat = potential ? coords[2 * s + 1] : 0;
  const tLon = potential ? coords[2 * t] : 0;
  const tLat = potential ? coords[2 * t + 1] : 0;
  const cosS = Math.cos(sLat * TO_RAD);
  const cosT = Math.cos(tLat * TO_RAD);
  // Forward potential pf(v); the backward search uses -pf(v). Cached in F.pot.
  const fpot = F.pot;
  const fpotStamp = F.potStamp;
  const pf = (v: number): number => {
    if (!potential) return 0;
    if (fpotStamp[v] === gf) return fpot[v];
    const lon = coords[2 * v];
    const lat = coords[2 * v + 1];
    const p = scale * (haversineFrom(tLon, tLat, cosT, lon, lat) - haversineFrom(sLon, sLat, cosS, lon, lat));
    fpotStamp[v] = gf;
    fpot[v] = p;
    return p;
  };
  const fStamp = F.stamp;
  const fDist = F.dist;
  const bStamp = B.stamp;
  const bDist = B.dist;
  const fHeap = F.heap;
  const bHeap = B.heap;
  const fPos = fHeap.pos;
  const bPos = bHeap.pos;
  fStamp[s] = gf;
  fDist[s] = 0;
  F.parentArc[s] = -1;
  fHeap.push(s, pf(s));
  bStamp[t] = gb;
  bDist[t] = 0;
  B.parentArc[t] = -1;
  bHeap.push(t, -pf(t));
  let best = Infinity;
  let meet = -1;
  let settled = 0;
  while (fHeap.size > 0 && bHeap.size > 0) {
    const kf = fHeap.keys[0];
    const kb = bHeap.keys[0];
    if (kf + kb >= best) break;
    settled++;
    if (kf <= kb) {
      const u = fHeap.pop();
      const du = fDist[u];
      for (let a = fOff[u], end = fOff[u + 1]; a < end; a++) {
        const nd = du + w[a];
        if (!(nd < Infinity)) continue;
        const v = fHeads[a];
        if (fStamp[v] !== gf) {
          fStamp[v] = gf;
          fDist[v] = nd;
          F.parentArc[v] = a;
          F.parentNode[v] = u;
          fHeap.push(v, nd + pf(v));
        } else if (nd < fDist[v] && fPos[v] >= 0) {
          fDist[v] = nd;
          F.parentArc[v] = a;
          F.parentNode[v] = u;
          fHeap.decrease(v, nd + pf(v));
        } else continue;
        if (bStamp[v] === gb) {
          const total = nd + bDist[v];
          if (total < best) {
            best = total;
            meet = v;
          }
        }
      }
    } else {
      const u = bHeap.pop();
      const du = bDist[u];
      for (let k = rOff[u], end = rOff[u + 1]; k < end; k++) {
        const a = rArc[k];
        const nd = du + w[a];
        if (!(nd < Infinity)) continue;
        const v = rTails[k];
        if (bStamp[v] !== gb) {
          bStamp[v] = gb;
          bDist[v] = nd;
          B.parentArc[v] = a;
          B.parentNode[v] = u;
          bHeap.push(v, nd - pf(v));
        } else if (nd < bDist[v] && bPos[v] >= 0) {
          bDist[v] = nd;
          B.parentArc[v] = a;
          B.parentNode[v] = u;
          bHeap.decrease(v, nd - pf(v));
        } else continue;
        if (fStamp[v] === gf) {
          const total = nd + fDist[v];
          if (total < best) {
            best = total;
            meet = v;
          }
        }
      }
    }
  }
  if (meet < 0) return { arcs: null, settled };
  const arcs: number[] = [];
  for (let v = meet; v !== s; v = F.parentNode[v]) arcs.push(F.parentArc[v]);
  arcs.reverse();
  for (let v = meet; v !== t; v = B.parentNode[v]) arcs.push(B.parentArc[v]);
  return { arcs, settled };
}

/**
 * One-to-many Dijkstra from `s`, stopping once every target is settled. Writes
 * the optimised metric to `out[i]` and the `second` weights summed along the same
 * paths to `outSecond[i]` (when given) for `targets[i]`; Infinity when unreachable.
 */
export function oneToMany(
  g: SearchGraph,
  s: number,
  targets: Int32Array,
  out: Float64Array,
  second: Float64Array | null,
  outSecond: Float64Array | null,
  outOffset = 0,
): number {
  const topo = g.topology;
  const offsets = topo.fwdOffsets;
  const heads = topo.fwdHeads;
  const w = g.weight;
  const sp = forwardSpace(topo);
  const gen = nextGeneration(sp);
  const scratch = topo.scratch!;
  if (scratch.targetGen >= 0xfffffffe) {
    scratch.targetStamp.fill(0);
    scratch.targetGen = 0;
  }
  const tgen = ++scratch.targetGen;
  const tStamp = scratch.targetStamp;
  let remaining = 0;
  for (let i = 0; i < targets.length; i++) {
    const v = targets[i];
    if (tStamp[v] !== tgen) {
      tStamp[v] = tgen;
      remaining++;
    }
  }
  const { stamp, dist, other, heap } = sp;
  const pos = heap.pos;
  const withSecond = second !== null;
  stamp[s] = gen;
  dist[s] = 0;
  other[s] = 0;
  heap.push(s, 0);
  let settled = 0;
  while (heap.size > 0 && remaining > 0) {
    const u = heap.pop();
    settled++;
    if (tStamp[u] === tgen) remaining--;
    const du = dist[u];
    const ou = withSecond ? other[u] : 0;
    for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
      const nd = du + w[a];
      if (!(nd < Infinity)) continue;
      const v = heads[a];
      if (stamp[v] !== gen) {
        stamp[v] = gen;
        dist[v] = nd;
        if (withSecond) other[v] = ou + second![a];
        heap.push(v, nd);
      } else if (nd < dist[v] && pos[v] >= 0) {
        dist[v] = nd;
        if (withSecond) other[v] = ou + second![a];
        heap.decrease(v, nd);
      }
    }
  }
  for (let i = 0; i < targets.length; i++) {
    const v = targets[i];
    const reached = stamp[v] === gen && pos[v] < 0;
    out[outOffset + i] = reached ? dist[v] : Infinity;
    if (outSecond) outSecond[outOffset + i] = reached ? other[v] : Infinity;
  }
  return settled;
}

/** Full one-to-all Dijkstra from `s`: returns the settled count; distances stay in the forward space. */
export function oneToAll(g: SearchGraph, s: number): { space: SearchSpace; settled: number } {
  const topo = g.topology;
  const offsets = topo.fwdOffsets;
  const heads = topo.fwdHeads;
  const w = g.weight;
  const sp = forwardSpace(topo);
  const gen = nextGeneration(sp);
  const { stamp, dist, heap } = sp;
  const pos = heap.pos;
  stamp[s] = gen;
  dist[s] = 0;
  heap.push(s, 0);
  let settled = 0;
  while (heap.size > 0) {
    const u = heap.pop();
    settled++;
    const du = dist[u];
    for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
      const nd = du + w[a];
      if (!(nd < Infinity)) continue;
      const v = heads[a];
      if (stamp[v] !== gen) {
        stamp[v] = gen;
        dist[v] = nd;
        heap.push(v, nd);
      } else if (nd < dist[v] && pos[v] >= 0) {
        dist[v] = nd;
        heap.decrease(v, nd);
      }
    }
  }
  return { space: sp, settled };
}
