/**
 * The baseline of the decomposition benchmark: a plain sweep + nearest-neighbour
 * plan (used by bench/large.ts and bench/tools/large-direct.ts).
 */
import { resolveTravel } from '../../src/model/travel.js';
import type { Id, Problem, RoutePlan } from '../../src/model/types.js';

/**
 * A plain sweep + nearest-neighbour plan: customers sorted by polar angle
 * around the depot; each route repeatedly drives to the nearest customer (among
 * the next `window` unrouted ones in sweep order) that keeps it feasible, and a
 * new route starts when none does. Assumes one depot (the first vehicle's start).
 */
export function sweepNearestNeighbour(problem: Problem, window = 60): RoutePlan {
  const t = resolveTravel(problem);
  const depot = t.vehicleStart[0];
  const coords = t.coordinates!;
  const n = problem.jobs.length;
  const angle = (j: number) => {
    const l = t.jobLocation[j];
    return Math.atan2(coords[2 * l + 1] - coords[2 * depot + 1], coords[2 * l] - coords[2 * depot]);
  };
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => angle(a) - angle(b));
  const routed = new Uint8Array(n);
  const capacity = problem.vehicles[0].capacity?.[0] ?? Infinity;
  const horizon = problem.vehicles[0].shift?.[1] ?? Infinity;
  const routes: RoutePlan['routes'] = [];
  let cursor = 0;
  let vehicle = 0;
  while (cursor < n && vehicle < problem.vehicles.length) {
    while (cursor < n && routed[order[cursor]]) cursor++;
    if (cursor >= n) break;
    const jobs: Id[] = [];
    let load = 0;
    let time = problem.vehicles[vehicle].shift?.[0] ?? 0;
    let at = depot;
    for (;;) {
      let best = -1;
      let bestArrival = Infinity;
      let seen = 0;
      for (let k = cursor; k < n && seen < window; k++) {
        const j = order[k];
        if (routed[j]) continue;
        seen++;
        const job = problem.jobs[j];
        const q = job.delivery?.[0] ?? 0;
        if (load + q > capacity) continue;
        const l = t.jobLocation[j];
        const arrival = time + t.duration(at, l);
        const tw = job.timeWindows?.[0] ?? [-Infinity, Infinity];
        if (arrival > tw[1]) continue;
        const start = Math.max(arrival, tw[0]);
        if (start + (job.serviceDuration ?? 0) + t.duration(l, depot) > horizon) continue;
        // Nearest in time (travel + waiting): the classic time-oriented nearest neighbour.
        if (start < bestArrival) {
          bestArrival = start;
          best = j;
        }
      }
      if (best < 0) break;
      const job = problem.jobs[best];
      routed[best] = 1;
      jobs.push(job.id);
      load += job.delivery?.[0] ?? 0;
      time = bestArrival + (job.serviceDuration ?? 0);
      at = t.jobLocation[best];
    }
    if (jobs.length === 0) {
      // The first unrouted customer cannot start a route: leave it unassigned.
      routed[order[cursor]] = 2;
      continue;
    }
    routes.push({
      vehicle: problem.vehicles[vehicle].id,
      steps: [{ type: 'start' }, ...jobs.map((id) => ({ type: 'job' as const, id })), { type: 'end' }],
    });
    vehicle++;
  }
  const unassigned = problem.jobs.filter((_, j) => routed[j] !== 1).map((job) => ({ id: job.id, reason: 'fleet-exhausted' }));
  return { routes, unassigned };
}
