/**
 * Point-to-point search on the chain-contracted overlay (see overlay.ts):
 * bidirectional A* with the average potential, run on core nodes only.
 *
 * A source inside a chain is settled first and relaxes the two chain pieces to
 * its chain's ends; a target inside a chain is reached backward from its
 * chain's ends the same way; when both lie on one chain the direct run along the
 * chain is the first candidate. The potentials stay consistent on these extra
 * pieces (they are sums of arcs), so the usual stopping rule (top keys summing to
 * at least the best path) stays exact. The found path is expanded back into
 * original arcs, so callers see an ordinary walk.
 */
import { EARTH_RADIUS_M } from '../geo/haversine.js';
import { newSpace, type SearchSpace, type Topology } from './topology.js';
import type { OverlayWeights } from './overlay.js';

const TO_RAD = Math.PI / 180;

/** Seed markers in `parentArc`: the root itself, reached along its chain towards the chain's first node, or towards its last node. */
const ROOT = -1;
const TO_FIRST = -2;
const TO_LAST = -3;

/** Cheapest arc p → q by `weight` (first on ties), -1 if none. */
function pieceArc(t: Topology, weight: Float64Array, p: number, q: number): number {
  let best = -1;
  for (let a = t.fwdOffsets[p]; a < t.fwdOffsets[p + 1]; a++) {
    if (t.fwdHeads[a] === q && (best < 0 || weight[a] < weight[best])) best = a;
  }
  return best;
}

/** Appends the arcs along chain slots `from..to` (node sequence order; descending when against it). */
function pushRun(t: Topology, W: OverlayWeights, weight: Float64Array, fromSlot: number, toSlot: number, out: number[]): void {
  const seq = W.structure.seq;
  if (toSlot > fromSlot) for (let k = fromSlot; k < toSlot; k++) out.push(pieceArc(t, weight, seq[k], seq[k + 1]));
  else for (let k = fromSlot; k > toSlot; k--) out.push(pieceArc(t, weight, seq[k], seq[k - 1]));
}

/** Sum of the piece weights along chain slots `from..to` (Infinity if a piece is missing). */
function runCost(W: OverlayWeights, fromSlot: number, toSlot: number): number {
  let d = 0;
  if (toSlot > fromSlot) for (let k = fromSlot; k < toSlot; k++) d += W.fwd[k];
  else for (let k = fromSlot - 1; k >= toSlot; k--) d += W.bwd[k];
  return d;
}

/** Appends the original arcs of overlay arc `k`. */
function pushOverlayArc(t: Topology, W: OverlayWeights, weight: Float64Array, k: number, out: number[]): void {
  const o = W.structure.origin[k];
  if (o >= 0) {
    out.push(o);
    return;
  }
  const code = -o - 1;
  const c = code >> 1;
  const first = W.structure.start[c];
  const last = W.structure.start[c + 1] - 1;
  if ((code & 1) === 0) pushRun(t, W, weight, first, last, out);
  else pushRun(t, W, weight, last, first, out);
}

/**
 * Shortest path from node `s` to node `t` (internal indices) on the overlay.
 * `weight` are the per-arc weights the overlay was built from, `scale` the
 * potential scale (0: no potential). Returns original arcs, or null when unreachable.
 */
export function overlayPath(
  topo: Topology,
  W: OverlayWeights,
  weight: Float64Array,
  scale: number,
  s: number,
  t: number,
): { arcs: number[] | null; settled: number } {
  if (s === t) return { arcs: [], settled: 0 };
  const S = W.structure;
  if (!S.pathF) S.pathF = newSpace(S.coreNodes.length);
  if (!S.pathB) S.pathB = newSpace(S.coreNodes.length);
  const F: SearchSpace = S.pathF;
  const B: SearchSpace = S.pathB;
  const gf = nextGen(F);
  const gb = nextGen(B);
  const potential = scale > 0 && topo.coordsComplete;
  // Potentials from chord lengths on the sphere: chord <= great-circle distance, and
  // chords obey the triangle inequality, so scale * chord stays admissible and
  // consistent; a chord costs a square root instead of five trigonometric calls.
  const xyz = potential ? coreXyz(topo, W) : new Float64Array(0);
  const half = (scale * EARTH_RADIUS_M) / 2;
  const [sx, sy, sz] = potential ? unitVector(topo.coords!, s) : [0, 0, 0];
  const [tx, ty, tz] = potential ? unitVector(topo.coords!, t) : [0, 0, 0];
  const fpot = F.pot;
  const fpotStamp = F.potStamp;
  const pf = (c: number): number => {
    if (!potential) return 0;
    if (fpotStamp[c] === gf) return fpot[c];
    const x = xyz[3 * c];
    const y = xyz[3 * c + 1];
    const z = xyz[3 * c + 2];
    const ax = x - tx;
    const ay = y - ty;
    const az = z - tz;
    const bx = x - sx;
    const by = y - sy;
    const bz = z - sz;
    const p = half * (Math.sqrt(ax * ax + ay * ay + az * az) - Math.sqrt(bx * bx + by * by + bz * bz));
    fpotStamp[c] = gf;
    fpot[c] = p;
    return p;
  };
  const fStamp = F.stamp;
  const fDist = F.dist;
  const fArc = F.parentArc;
  const fNode = F.parentNode;
  const bStamp = B.stamp;
  const bDist = B.dist;
  const bArc = B.parentArc;
  const bNode = B.parentNode;
  const fHeap = F.heap;
  const bHeap = B.heap;
  const fPos = fHeap.pos;
  const bPos = bHeap.pos;
  let best = Infinity;
  let meet = -1;
  let direct = false;

  const seedF = (c: number, d: number, marker: number): void => {
    if (!(d < Infinity)) return;
    if (fStamp[c] !== gf) {
      fStamp[c] = gf;
      fDist[c] = d;
      fArc[c] = marker;
      fHeap.push(c, d + pf(c));
    } else if (d < fDist[c]) {
      fDist[c] = d;
      fArc[c] = marker;
      fHeap.decrease(c, d + pf(c));
    }
  };
  const seedB = (c: number, d: number, marker: number): void => {
    if (!(d < Infinity)) return;
    if (bStamp[c] !== gb) {
      bStamp[c] = gb;
      bDist[c] = d;
      bArc[c] = marker;
      bHeap.push(c, d - pf(c));
    } else if (d < bDist[c]) {
      bDist[c] = d;
      bArc[c] = marker;
      bHeap.decrease(c, d - pf(c));
    }
    if (fStamp[c] === gf && fDist[c] + bDist[c] < best) {
      best = fDist[c] + bDist[c];
      meet = c;
    }
  };

  const sChain = S.chainOf[s];
  const tChain = S.chainOf[t];
  const sSlot = sChain >= 0 ? S.start[sChain] + S.posOf[s] : -1;
  const tSlot = tChain >= 0 ? S.start[tChain] + S.posOf[t] : -1;
  if (sChain < 0) seedF(S.coreOf[s], 0, ROOT);
  else {
    const first = S.start[sChain];
    const last = S.start[sChain + 1] - 1;
    seedF(S.coreOf[S.seq[first]], runCost(W, sSlot, first), TO_FIRST);
    seedF(S.coreOf[S.seq[last]], runCost(W, sSlot, last), TO_LAST);
  }
  if (tChain < 0) seedB(S.coreOf[t], 0, ROOT);
  else {
    const first = S.start[tChain];
    const last = S.start[tChain + 1] - 1;
    seedB(S.coreOf[S.seq[first]], runCost(W, first, tSlot), TO_FIRST);
    seedB(S.coreOf[S.seq[last]], runCost(W, last, tSlot), TO_LAST);
  }
  if (sChain >= 0 && sChain === tChain) {
    const d = runCost(W, sSlot, tSlot);
    if (d < best) {
      best = d;
      direct = true;
    }
  }

  const { offsets, heads, revOffsets, revTails, revArc } = S;
  const w = W.core;
  let settled = 0;
  while (fHeap.size > 0 && bHeap.size > 0) {
    const kf = fHeap.keys[0];
    const kb = bHeap.keys[0];
    if (kf + kb >= best) break;
    settled++;
    if (kf <= kb) {
      const u = fHeap.pop();
      const du = fDist[u];
      for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
        const nd = du + w[a];
        if (!(nd < Infinity)) continue;
        const v = heads[a];
        if (fStamp[v] !== gf) {
          fStamp[v] = gf;
          fDist[v] = nd;
          fArc[v] = a;
          fNode[v] = u;
          fHeap.push(v, nd + pf(v));
        } else if (nd < fDist[v] && fPos[v] >= 0) {
          fDist[v] = nd;
          fArc[v] = a;
          fNode[v] = u;
          fHeap.decrease(v, nd + pf(v));
        } else continue;
        if (bStamp[v] === gb && nd + bDist[v] < best) {
          best = nd + bDist[v];
          meet = v;
          direct = false;
        }
      }
    } else {
      const u = bHeap.pop();
      const du = bDist[u];
      for (let k = revOffsets[u], end = revOffsets[u + 1]; k < end; k++) {
        const a = revArc[k];
        const nd = du + w[a];
        if (!(nd < Infinity)) continue;
        const v = revTails[k];
        if (bStamp[v] !== gb) {
          bStamp[v] = gb;
          bDist[v] = nd;
          bArc[v] = a;
          bNode[v] = u;
          bHeap.push(v, nd - pf(v));
        } else if (nd < bDist[v] && bPos[v] >= 0) {
          bDist[v] = nd;
          bArc[v] = a;
          bNode[v] = u;
          bHeap.decrease(v, nd - pf(v));
        } else continue;
        if (fStamp[v] === gf && nd + fDist[v] < best) {
          best = nd + fDist[v];
          meet = v;
          direct = false;
        }
      }
    }
  }
  if (best === Infinity) return { arcs: null, settled };
  const arcs: number[] = [];
  if (direct) {
    pushRun(topo, W, weight, sSlot, tSlot, arcs);
    return { arcs, settled };
  }
  // Forward half: overlay arcs from the meeting node back to a seed, then the seed's run from s.
  const overlayArcs: number[] = [];
  let c = meet;
  while (fArc[c] >= 0) {
    overlayArcs.push(fArc[c]);
    c = fNode[c];
  }
  if (fArc[c] === TO_FIRST) pushRun(topo, W, weight, sSlot, S.start[sChain], arcs);
  else if (fArc[c] === TO_LAST) pushRun(topo, W, weight, sSlot, S.start[sChain + 1] - 1, arcs);
  for (let i = overlayArcs.length - 1; i >= 0; i--) pushOverlayArc(topo, W, weight, overlayArcs[i], arcs);
  // Backward half: overlay arcs from the meeting node to a seed, then the seed's run to t.
  c = meet;
  while (bArc[c] >= 0) {
    pushOverlayArc(topo, W, weight, bArc[c], arcs);
    c = bNode[c];
  }
  if (bArc[c] === TO_FIRST) pushRun(topo, W, weight, S.start[tChain], tSlot, arcs);
  else if (bArc[c] === TO_LAST) pushRun(topo, W, weight, S.start[tChain + 1] - 1, tSlot, arcs);
  return { arcs, settled };
}

/** Unit-sphere vector of node `v`. */
function unitVector(coords: Float64Array, v: number): [number, number, number] {
  const lon = coords[2 * v] * TO_RAD;
  const lat = coords[2 * v + 1] * TO_RAD;
  const cl = Math.cos(lat);
  return [cl * Math.cos(lon), cl * Math.sin(lon), Math.sin(lat)];
}

/** Unit-sphere vectors of the core nodes, built once per topology. */
function coreXyz(topo: Topology, W: OverlayWeights): Float64Array {
  const S = W.structure;
  if (S.xyz) return S.xyz;
  const nc = S.coreNodes.length;
  const xyz = new Float64Array(3 * nc);
  for (let c = 0; c < nc; c++) {
    const [x, y, z] = unitVector(topo.coords!, S.coreNodes[c]);
    xyz[3 * c] = x;
    xyz[3 * c + 1] = y;
    xyz[3 * c + 2] = z;
  }
  S.xyz = xyz;
  return xyz;
}

function nextGen(space: SearchSpace): number {
  if (space.gen >= 0xfffffffe) {
    space.stamp.fill(0);
    space.potStamp.fill(0);
    space.gen = 0;
  }
  space.heap.clear();
  return ++space.gen;
}
