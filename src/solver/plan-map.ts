/**
 * Between the public plan (vehicle ids; job, pickup and delivery steps) and
 * the search's per-slot client lists (clients = kept tasks, see compile.ts).
 */
import { idKey } from '../model/ids.js';
import { taskOfStep } from '../model/tasks.js';
import type { RoutePlan } from '../model/types.js';
import type { CompiledProblem } from './compile.js';

/** Maps a public plan to per-slot client lists (tasks and vehicles not found are ignored). */
export function warmRoutes(cp: CompiledProblem, plan: RoutePlan, slotType: Int32Array, slotVehicle: Int32Array): number[][] {
  const problem = cp.problem;
  const clientOf = new Map<number, number>();
  cp.taskIndex.forEach((t, c) => clientOf.set(t, c));
  const slotOf = new Map<string, number>();
  slotVehicle.forEach((k, r) => slotOf.set(idKey(problem.vehicles[k].id), r));
  const routes: number[][] = Array.from(slotType, () => []);
  for (const route of plan.routes) {
    const r = slotOf.get(idKey(route.vehicle));
    if (r === undefined) continue;
    for (const s of route.steps) {
      if (s.type !== 'job' && s.type !== 'pickup' && s.type !== 'delivery') continue;
      const t = taskOfStep(cp.tasks, s);
      if (typeof t !== 'number') continue;
      const c = clientOf.get(t);
      if (c !== undefined) routes[r].push(c);
    }
  }
  return routes;
}

/** The id-only plan of per-slot client lists. */
export function slotPlan(cp: CompiledProblem, routes: ArrayLike<number>[], slotVehicle: Int32Array): RoutePlan {
  const out: RoutePlan['routes'] = [];
  const tasks = cp.tasks.tasks;
  routes.forEach((route, r) => {
    if (route.length === 0) return;
    out.push({
      vehicle: cp.problem.vehicles[slotVehicle[r]].id,
      steps: Array.from(route, (c) => {
        const task = tasks[cp.taskIndex[c]];
        return task.kind === 'job' ? { type: 'job' as const, id: task.id } : { type: task.kind, id: task.id, shipment: task.shipment };
      }),
    });
  });
  return { routes: out };
}
