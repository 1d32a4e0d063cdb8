/**
 * Splitting the fleet between zones. Every vehicle goes to at most one zone,
 * so the merged plan can never have more routes than vehicles.
 *
 * Vehicles are grouped into kinds (same start, end, capacity, shift, costs and
 * limits); each kind is shared out separately, so every zone gets a mix of the
 * heterogeneous fleet in the same proportions. A zone's share of a kind is
 * proportional to its weight — its demand relative to the whole problem's, in
 * the capacity dimension where that share is largest (its job count when no
 * vehicle has a capacity) — rounded by largest remainder, so the slack of the
 * fleet (vehicles beyond the lower bound) is spread evenly. A zone never gets
 * more vehicles than it has jobs; vehicles left over form the spare pool that
 * border improvement hands out to neighbourhoods that need more routes.
 *
 * Not modelled: depots. With several depots a kind's vehicles are still shared
 * by demand, not by distance from their depot to the zone.
 */
import type { ResolvedTravel } from '../../model/travel.js';
import type { Problem } from '../../model/types.js';

export interface FleetSplit {
  /** Vehicle indices per zone. */
  perZone: number[][];
  /** Vehicles given to no zone. */
  spare: number[];
}

/** Groups vehicle indices into kinds of identical vehicles, in order of first appearance. */
export function vehicleKinds(problem: Problem, travel: ResolvedTravel): number[][] {
  const byKey = new Map<string, number[]>();
  problem.vehicles.forEach((v, k) => {
    const key = JSON.stringify([
      travel.vehicleStart[k], travel.vehicleEnd[k], v.capacity ?? null, v.shift ?? null,
      v.costs?.fixed ?? 0, v.costs?.perDistance ?? 1, v.costs?.perDuration ?? 0,
      v.maxDuration ?? null, v.maxDistance ?? null,
    ]);
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(k);
  });
  return [...byKey.values()];
}

/** Each zone's weight in [0, 1] (they sum to 1): its largest share of any demand dimension, normalised. */
export function zoneWeights(problem: Problem, members: number[][]): number[] {
  const dims = Math.max(1, ...problem.jobs.map((j) => Math.max(j.delivery?.length ?? 0, j.pickup?.length ?? 0)));
  const total = new Array<number>(dims).fill(0);
  const perZone = members.map((m) => {
    const d = new Array<number>(dims).fill(0);
    for (const j of m) {
      const job = problem.jobs[j];
      for (let q = 0; q < dims; q++) d[q] += Math.max(job.delivery?.[q] ?? 0, job.pickup?.[q] ?? 0);
    }
    return d;
  });
  for (const d of perZone) for (let q = 0; q < dims; q++) total[q] += d[q];
  const jobs = members.reduce((s, m) => s + m.length, 0);
  const raw = perZone.map((d, z) => {
    let w = 0;
    for (let q = 0; q < dims; q++) if (total[q] > 0) w = Math.max(w, d[q] / total[q]);
    return total.some((t) => t > 0) ? w : members[z].length / Math.max(1, jobs);
  });
  const sum = raw.reduce((s, w) => s + w, 0);
  return raw.map((w) => (sum > 0 ? w / sum : 1 / raw.length));
}

/** Shares `kinds` between zones of the given weights and sizes (see the module comment). */
export function splitFleet(kinds: number[][], weights: number[], sizes: number[]): FleetSplit {
  const Z = weights.length;
  const perZone: number[][] = Array.from({ length: Z }, () => []);
  const spare: number[] = [];
  for (const kind of kinds) {
    const count = kind.length;
    const quota = weights.map((w) => w * count);
    const take = quota.map((q) => Math.floor(q));
    let left = count - take.reduce((s, t) => s + t, 0);
    const order = quota.map((q, z) => z).sort((a, b) => quota[b] - take[b] - (quota[a] - take[a]) || a - b);
    for (let i = 0; left > 0; i = (i + 1) % Z, left--) take[order[i]]++;
    let next = 0;
    for (let z = 0; z < Z; z++) {
      const room = Math.max(0, sizes[z] - perZone[z].length);
      const give = Math.min(take[z], room);
      for (let i = 0; i < give; i++) perZone[z].push(kind[next++]);
      for (let i = give; i < take[z]; i++) spare.push(kind[next++]);
    }
  }
  return { perZone, spare };
}
