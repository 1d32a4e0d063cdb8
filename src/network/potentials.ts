/**
 * Scales of the A* potentials: per metric, the largest factor `s` with
 * `weight(arc) >= s * haversine(arc)` on every arc (0 without coordinates),
 * which makes `s * haversine(v, target)` admissible and consistent for any
 * weights.
 */
import { haversineMetres } from '../geo/haversine.js';
import type { Topology } from './topology.js';

/** Measures the scales of both metrics over every arc. */
export function potentialScales(t: Topology, arcDistance: Float64Array, arcDuration: Float64Array): { distance: number; duration: number } {
  let sd = Infinity;
  let st = Infinity;
  const c = t.coords;
  if (!c || !t.coordsComplete) return { distance: 0, duration: 0 };
  for (let u = 0; u < t.nodeCount; u++) {
    for (let a = t.fwdOffsets[u]; a < t.fwdOffsets[u + 1]; a++) {
      const v = t.fwdHeads[a];
      const h = haversineMetres(c[2 * u], c[2 * u + 1], c[2 * v], c[2 * v + 1]);
      if (h > 0) {
        const rd = arcDistance[a] / h;
        const rt = arcDuration[a] / h;
        if (rd < sd) sd = rd;
        if (rt < st) st = rt;
      }
    }
  }
  // Shave a relative 1e-7 so that rounding in the potentials never makes a reduced cost negative.
  return { distance: sd === Infinity ? 0 : sd * (1 - 1e-7), duration: st === Infinity ? 0 : st * (1 - 1e-7) };
}
