/**
 * Granular neighbourhoods for the search (HGS.md §3; generalised as in
 * PyVRP): for every client its `size` most related clients, sorted by
 * proximity. The proximity of i → j is the cost of the arc plus a weight on
 * the waiting the time windows force; an arc the windows make impossible
 * (leave i at its earliest, still arrive after j's window) is never a
 * neighbour unless nothing else is left. The measure is symmetric: the
 * cheaper of the two directions.
 */
import type { CompiledProblem } from '../compile.js';
import { runPaced, runSteps, type Pacer, type Steps } from '../../core/pacer.js';
import { offerTopK } from '../../core/top-k.js';

export interface Neighbourhood {
  /** CSR: the neighbours of client u are list[start[u] .. start[u+1]), nearest first. */
  start: Int32Array;
  list: Int32Array;
}

/** Proximity weight of the forced waiting time. */
const WAIT_WEIGHT = 0.2;

/** Neighbourhoods computed ahead by `prepareNeighbourhood`, per compiled problem and size. */
const prepared = new WeakMap<CompiledProblem, { size: number; nb: Neighbourhood }>();

/** The granular neighbourhoods of `cp` (see the module comment); the one `prepareNeighbourhood` computed when it did. */
export function computeNeighbourhood(cp: CompiledProblem, size: number): Neighbourhood {
  const ready = prepared.get(cp);
  if (ready && ready.size === size) return ready.nb;
  return runSteps(neighbourhoodSteps(cp, size));
}

/**
 * Computes the neighbourhoods of `cp` cooperatively (yielding to the event
 * loop as `pacer` says) and keeps them for `computeNeighbourhood`, so the
 * search's constructor does not block. Resolves to false when aborted.
 */
export async function prepareNeighbourhood(cp: CompiledProblem, size: number, pacer: Pacer): Promise<boolean> {
  const nb = await runPaced(neighbourhoodSteps(cp, size), pacer);
  if (nb === undefined) return false;
  prepared.set(cp, { size, nb });
  return true;
}

/** The computation as steps (core/pacer.ts): yields after about every 16,384 pairs. */
function* neighbourhoodSteps(cp: CompiledProblem, size: number): Steps<Neighbourhood> {
  const n = cp.n;
  const k = Math.max(0, Math.min(size, n - 1));
  const start = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) start[u + 1] = start[u] + k;
  const list = new Int32Array(n * k);
  if (k === 0) return { start, list };
  const P = cp.P;
  // cheapest per-distance and per-duration unit costs over vehicle types
  let perDist = Infinity, perDur = Infinity;
  for (let t = 0; t < cp.T; t++) {
    perDist = Math.min(perDist, cp.typePerDist[t]);
    perDur = Math.min(perDur, cp.typePerDur[t]);
  }
  // arc costs of the first vehicle type (its travel: cp.dist / cp.dur)
  const arcM = cp.T > 0 ? cp.typeArc[0] : cp.dist;
  void perDist;
  const arc = (i: number, j: number): number => {
    const t = cp.dur[i * P + j];
    if (cp.early[i] + cp.service[i] + t > cp.late[j]) return Infinity;
    const wait = cp.early[j] - t - cp.service[i] - cp.late[i];
    const w = wait > 0 ? wait : 0;
    return arcM[i * P + j] + perDur * (t + w) + WAIT_WEIGHT * w;
  };
  const clientsPerStep = Math.max(1, Math.floor(16_384 / n));
  const topP = new Float64Array(k);
  const topV = new Int32Array(k);
  for (let u = 0; u < n; u++) {
    let size = 0;
    for (let v = 0; v < n; v++) {
      if (v === u) continue;
      const a = arc(u, v), b = arc(v, u);
      // impossible both ways: keep as a last resort, after every possible arc
      const p = a < b ? a : b;
      const q = p === Infinity ? 1e300 + cp.dist[u * P + v] : p;
      size = offerTopK(topP, topV, size, k, q, v); // ties keep the lower index
    }
    for (let i = 0; i < k; i++) list[u * k + i] = topV[i];
    if (u % clientsPerStep === clientsPerStep - 1) yield;
  }
  return { start, list };
}
