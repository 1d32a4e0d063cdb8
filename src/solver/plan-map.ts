/**
 * Between the public plan (vehicle ids, job ids) and the search's per-slot
 * client lists.
 */
import type { Id, Problem, RoutePlan } from '../model/types.js';

/** Maps a public plan to per-slot client lists (jobs/vehicles not found are ignored). */
export function warmRoutes(
  problem: Problem, plan: RoutePlan, jobIndex: Int32Array, slotType: Int32Array, slotVehicle: Int32Array,
): number[][] {
  const clientOf = new Map<string, number>();
  jobIndex.forEach((j, c) => clientOf.set(String(problem.jobs[j].id), c));
  const slotOf = new Map<string, number>();
  slotVehicle.forEach((k, r) => slotOf.set(String(problem.vehicles[k].id), r));
  const routes: number[][] = Array.from(slotType, () => []);
  const keyOf = (id: Id) => String(id);
  for (const route of plan.routes) {
    const r = slotOf.get(keyOf(route.vehicle));
    if (r === undefined) continue;
    for (const s of route.steps) {
      if (s.type !== 'job' || s.id === undefined) continue;
      const c = clientOf.get(keyOf(s.id));
      if (c !== undefined) routes[r].push(c);
    }
  }
  return routes;
}

/** The job-id plan of per-slot client lists. */
export function slotPlan(problem: Problem, jobIndex: Int32Array, routes: ArrayLike<number>[], slotVehicle: Int32Array): RoutePlan {
  const out: RoutePlan['routes'] = [];
  routes.forEach((route, r) => {
    if (route.length === 0) return;
    out.push({
      vehicle: problem.vehicles[slotVehicle[r]].id,
      steps: Array.from(route, (c) => ({ type: 'job' as const, id: problem.jobs[jobIndex[c]].id })),
    });
  });
  return { routes: out };
}
