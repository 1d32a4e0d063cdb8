/**
 * Whether putting a client between two points never shortens a route, per
 * vehicle type: d(a, x) + d(x, b) ≥ d(a, b) for every client point x, in that
 * type's arc costs (the triangle inequality, up to a small tolerance). It
 * holds for plane and great-circle distances and for shortest paths over a
 * road network — and for any sum of such costs with non-negative weights —
 * but not for an arbitrary matrix. The pair moves use it to skip a whole
 * scan: when the pickup's detour alone already loses, no placement of the
 * delivery can win (each adds a detour ≥ 0).
 *
 * A full check is O(P³); this one tests a fixed, seeded sample of triples
 * (so the answer is deterministic) and turns the shortcut off at the first
 * violation. A matrix that breaks the inequality only where the sample did
 * not look makes the shortcut a heuristic pruning there, never an
 * infeasible plan: a skipped placement is only one not priced.
 */
import type { SearchData } from './data.js';

/** Triples sampled per arc-cost matrix. */
const SAMPLES = 40_000;
/** Relative tolerance of the check and of the shortcut (covers Float32 matrices and rounding of sums). */
const REL_TOL = 1e-6;

export interface DetourFloor {
  /** Per vehicle type: 1 when every detour is taken as ≥ −`tol[t]`. */
  metric: Uint8Array;
  /** Per vehicle type: the tolerance a shortcut must leave (a detour may be this far below 0). */
  tol: Float64Array;
}

const cache = new WeakMap<SearchData, DetourFloor>();

/** The detour floor of every vehicle type of `data` (computed once per search data). */
export function detourFloor(data: SearchData): DetourFloor {
  const ready = cache.get(data);
  if (ready) return ready;
  const T = data.cp.T, P = data.P, n = data.n;
  const metric = new Uint8Array(T), tol = new Float64Array(T);
  const byMatrix = new Map<unknown, [number, number]>();
  for (let t = 0; t < T; t++) {
    const D = data.typeArc[t];
    let got = byMatrix.get(D);
    if (!got) {
      got = checkMatrix(D, P, n);
      byMatrix.set(D, got);
    }
    metric[t] = got[0];
    tol[t] = got[1];
  }
  const floor = { metric, tol };
  cache.set(data, floor);
  return floor;
}

/** [1 when no sampled triple breaks the inequality, tolerance]: a x b with x a client point (0..n-1). */
function checkMatrix(D: Float64Array | Float32Array, P: number, n: number): [number, number] {
  if (n === 0 || P === 0) return [0, 0];
  let max = 0;
  for (let i = 0; i < D.length; i++) if (D[i] > max && D[i] < 1e8) max = D[i];
  const tol = REL_TOL * (max + 1);
  // a small linear congruential sequence: deterministic and independent of the search's RNG
  let s = 0x2545f491;
  const next = (m: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % m;
  };
  for (let k = 0; k < SAMPLES; k++) {
    const a = next(P), x = next(n), b = next(P);
    const ab = D[a * P + b];
    if (ab >= 1e8) continue; // unreachable arcs carry no bound
    if (D[a * P + x] + D[x * P + b] < ab - tol) return [0, tol];
  }
  return [1, tol];
}
