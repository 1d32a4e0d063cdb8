/**
 * Cutting the jobs of a large problem into zones of about `zoneSize` jobs with
 * `clusterPoints`:
 * - with coordinates (metric travel, or a matrix that carries them): balanced
 *   capacitated k-means (`'kmeans'`, compact zones of near-equal size) or a
 *   polar sweep around the first depot (`'sweep'`, pie slices, the classical
 *   cluster-first route-second cut);
 * - without coordinates: k-medoids on the travel distances themselves.
 * Same problem + same seed → same zones.
 */
import type { Rng } from '../../core/rng.js';
import { clusterPointsSteps } from '../../cluster/cluster.js';
import { runSteps, type Steps } from '../../core/pacer.js';

function never(): boolean {
  return false;
}
import type { ResolvedTravel } from '../../model/travel.js';

export type ZoningMethod = 'kmeans' | 'sweep';

export interface Zones {
  /** Number of zones. */
  k: number;
  /** Zone id per job (index into `problem.jobs`). */
  zoneOf: Int32Array;
  /** Job indices per zone. */
  members: number[][];
}

/**
 * Zones of all `jobCount` jobs; zone count ceil(jobCount / zoneSize).
 * @param travel the whole problem's resolved travel
 * @param rng the caller's generator (k-means seeding)
 */
export function zoneJobs(
  travel: ResolvedTravel, jobCount: number, zoneSize: number, method: ZoningMethod, rng: Rng,
): Zones {
  return runSteps(zoneJobsSteps(travel, jobCount, zoneSize, method, rng));
}

/**
 * `zoneJobs` as steps (core/pacer.ts): the clustering yields between its
 * iterations; `stop` (a time budget) cuts its improvement short, keeping
 * valid zones. While `stop` says false the zones are `zoneJobs`'s.
 */
export function* zoneJobsSteps(
  travel: ResolvedTravel, jobCount: number, zoneSize: number, method: ZoningMethod, rng: Rng, stop: () => boolean = never,
): Steps<Zones> {
  const n = jobCount;
  const k = Math.max(1, Math.min(n, Math.ceil(n / Math.max(1, zoneSize))));
  const zoneOf = new Int32Array(n);
  if (k > 1) {
    if (travel.coordinates) {
      const coords = travel.coordinates;
      const flat = new Float64Array(2 * n);
      for (let j = 0; j < n; j++) {
        const l = travel.jobLocation[j];
        flat[2 * j] = coords[2 * l];
        flat[2 * j + 1] = coords[2 * l + 1];
      }
      const metric = travel.geographic ? 'haversine' : 'euclidean';
      if (method === 'sweep') {
        const depot = firstDepot(travel);
        const r = yield* clusterPointsSteps(flat, {
          method: 'sweep', k, metric, balance: 'count',
          ...(depot >= 0 ? { depot: [coords[2 * depot], coords[2 * depot + 1]] as [number, number] } : {}),
        });
        zoneOf.set(r.zones);
      } else {
        const r = yield* clusterPointsSteps(flat, { method: 'capacitated', k, metric, sizeTolerance: 0.2, rng, maxIterations: 4 }, stop);
        zoneOf.set(r.zones);
      }
    } else {
      // No geometry: medoids on the travel distances (symmetrised, from the medoid to the member).
      const loc = travel.jobLocation;
      const distance = (i: number, j: number) => {
        const d = travel.distance(loc[i], loc[j]) + travel.distance(loc[j], loc[i]);
        return Number.isFinite(d) ? d : 1e15;
      };
      const r = yield* clusterPointsSteps(new Float64Array(2 * n), { method: 'kmeans', k, metric: { distance }, rng, maxIterations: 20 }, stop);
      zoneOf.set(r.zones);
    }
  }
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let j = 0; j < n; j++) members[zoneOf[j]].push(j);
  // Drop empty zones (k-means may leave one) so every zone has work.
  const kept = members.filter((m) => m.length > 0);
  kept.forEach((m, z) => {
    for (const j of m) zoneOf[j] = z;
  });
  return { k: kept.length, zoneOf, members: kept };
}

/** The first vehicle start (or end) location, -1 when no vehicle has one. */
export function firstDepot(travel: ResolvedTravel): number {
  for (let k = 0; k < travel.vehicleStart.length; k++) {
    if (travel.vehicleStart[k] >= 0) return travel.vehicleStart[k];
    if (travel.vehicleEnd[k] >= 0) return travel.vehicleEnd[k];
  }
  return -1;
}
