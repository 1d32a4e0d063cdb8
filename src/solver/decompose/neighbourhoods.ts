/**
 * The border neighbourhoods of `solveByZones`: the routes nearest to a seed
 * route (up to a job count), nearby unrouted jobs and a few spare vehicles —
 * and batches of such neighbourhoods with no route, job or vehicle in common,
 * so that several can be re-solved at once (one per thread) and all their
 * results applied.
 */
import type { Rng } from '../../core/rng.js';
import type { ZonePlan } from './plan.js';

/** One neighbourhood: its vehicles (routed first, then spare), its routed jobs and the unrouted jobs it takes. */
export interface Neighbourhood {
  vehicles: number[];
  routed: number[];
  unrouted: number[];
}

/**
 * The routes nearest to `seed`'s (up to `size` jobs), nearby unrouted jobs and
 * a few of the `spare` vehicles; routes in `takenRoutes` and jobs in
 * `takenJobs` (another neighbourhood's) are passed over.
 */
export function neighbourhood(
  plan: ZonePlan, seed: number, size: number, spare: readonly number[],
  takenRoutes?: ReadonlySet<number>, takenJobs?: ReadonlySet<number>,
): Neighbourhood {
  const c0 = plan.centre(seed);
  const others: { k: number; gap: number }[] = [];
  for (const k of plan.routes.keys()) {
    if (k !== seed && takenRoutes?.has(k)) continue;
    others.push({ k, gap: k === seed ? -1 : plan.centreGap(c0, plan.centre(k)) });
  }
  others.sort((a, b) => a.gap - b.gap || a.k - b.k);
  const vehicles: number[] = [];
  const routed: number[] = [];
  let radius = 0;
  for (const { k } of others) {
    if (routed.length >= size) break;
    vehicles.push(k);
    for (const j of plan.routes.get(k)!) {
      routed.push(j);
      radius = Math.max(radius, plan.gapToCentre(j, c0));
    }
  }
  const unrouted = [...plan.unrouted]
    .filter((j) => !takenJobs?.has(j))
    .map((j) => ({ j, gap: plan.gapToCentre(j, c0) }))
    .filter((u) => u.gap <= 1.5 * radius)
    .sort((a, b) => a.gap - b.gap || a.j - b.j)
    .slice(0, Math.max(1, Math.ceil(size / 4)))
    .map((u) => u.j);
  const extra = Math.min(spare.length, 2 + Math.ceil(unrouted.length / 2));
  for (let i = 0; i < extra; i++) vehicles.push(spare[i]);
  return { vehicles, routed, unrouted };
}

/** Where a batch draws its seed routes from: a shuffled order, refilled from the plan's routes when empty. */
export interface SeedOrder {
  order: number[];
  rng: Rng;
}

/**
 * Up to `count` neighbourhoods with no route, job or vehicle in common, seeded
 * by routes drawn from `seeds` (a drawn route that is gone or already taken is
 * skipped; at most `2 × count + 1` draws). With `count` 1 this draws exactly
 * as one neighbourhood per round always did.
 */
export function disjointNeighbourhoods(
  plan: ZonePlan, seeds: SeedOrder, count: number, size: number, spare: readonly number[],
  shuffle: (a: number[], rng: Rng) => number[],
): Neighbourhood[] {
  const hoods: Neighbourhood[] = [];
  const takenRoutes = new Set<number>();
  const takenJobs = new Set<number>();
  let free = spare;
  for (let draws = 0; hoods.length < count && draws < 2 * count + 1; draws++) {
    if (seeds.order.length === 0) seeds.order = shuffle([...plan.routes.keys()].sort((a, b) => a - b), seeds.rng);
    const seed = seeds.order.pop()!;
    if (!plan.routes.has(seed) || takenRoutes.has(seed)) continue;
    const hood = neighbourhood(plan, seed, size, free, takenRoutes, takenJobs);
    hoods.push(hood);
    if (hoods.length === count) break;
    for (const k of hood.vehicles) takenRoutes.add(k);
    for (const j of hood.unrouted) takenJobs.add(j);
    free = free.filter((k) => !takenRoutes.has(k));
  }
  return hoods;
}
