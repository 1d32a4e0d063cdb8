/**
 * The rest of the trip of a vehicle on the road is never free.
 *
 * In the reduced problem a vehicle on the road starts where it is. If the
 * search left it without jobs, its route would be empty and cost nothing —
 * yet the van still has to drive to its end. The search would then hand a new
 * order to an idle van at the depot rather than to the returning van that
 * passes by. So every vehicle on the road that has an `end` gets a **home
 * stop**: a job at its end location, no amounts, no service, that only it may
 * serve. Served tasks come first in the objective, so the search always keeps
 * it, and every candidate plan pays the drive to the end (the kept-order plan
 * and the search's plan alike). Home stops are removed again before the plan
 * is merged and returned; the search may put one before other jobs (the van
 * passes its end and goes out again), then the returned route, re-derived
 * without it, is never longer (travel obeys the triangle inequality).
 */
import { idKey } from '../model/ids.js';
import type { Id, Job, Problem, RoutePlan, Solution } from '../model/types.js';
import { planWithTimes } from './plan-times.js';
import type { VehicleState } from './reduce.js';

export interface HomeStops {
  /** The reduced problem plus one home stop per vehicle on the road with an end. */
  problem: Problem;
  /** Home stop id (key) → vehicle id. */
  vehicleOf: Map<string, Id>;
  /** Vehicle id (key) → home stop id. */
  stopOf: Map<string, Id>;
}

/** Adds a home stop for every available vehicle of `states` that has left and has an `end` in `problem`. */
export function addHomeStops(problem: Problem, states: readonly VehicleState[]): HomeStops {
  const taken = new Set<string>([...problem.jobs, ...(problem.shipments ?? [])].map((o) => idKey(o.id)));
  const vehicleOf = new Map<string, Id>();
  const stopOf = new Map<string, Id>();
  const homes: Job[] = [];
  const onRoad = new Set(states.filter((s) => s.departed && s.available).map((s) => idKey(s.vehicle)));
  const vehicles = problem.vehicles.map((v) => {
    if (!onRoad.has(idKey(v.id)) || v.end === undefined) return v;
    let id = `home:${idKey(v.id)}`;
    while (taken.has(id)) id += "'";
    taken.add(id);
    vehicleOf.set(id, v.id);
    stopOf.set(idKey(v.id), id);
    homes.push({ id, location: v.end, allowedVehicles: [v.id] });
    // The home stop is one more task for the vehicle's task limit.
    return v.maxTasks !== undefined && Number.isFinite(v.maxTasks) ? { ...v, maxTasks: v.maxTasks + 1 } : v;
  });
  if (homes.length === 0) return { problem, vehicleOf, stopOf };
  return { problem: { ...problem, jobs: [...problem.jobs, ...homes], vehicles }, vehicleOf, stopOf };
}

/** `initial` (the warm start / kept-order sequences) with each vehicle's home stop last; a vehicle without jobs gets a route to it. */
export function withHomeLast(initial: RoutePlan, home: HomeStops): RoutePlan {
  const routes = initial.routes.map((r) => {
    const stop = home.stopOf.get(idKey(r.vehicle));
    if (stop === undefined) return r;
    const steps = r.steps.filter((s) => s.type !== 'end');
    return { ...r, steps: [...steps, { type: 'job' as const, id: stop }, { type: 'end' as const }] };
  });
  const have = new Set(routes.map((r) => idKey(r.vehicle)));
  for (const [vehicle, stop] of home.stopOf) {
    if (have.has(vehicle)) continue;
    const v = home.vehicleOf.get(idKey(stop))!;
    routes.push({ vehicle: v, steps: [{ type: 'start' }, { type: 'job', id: stop }, { type: 'end' }] });
  }
  return { routes };
}

/**
 * `solution` (a plan of `home.problem`) without its home stops, as a plan of
 * `problem` with every number re-derived by the checker; each start departure
 * is kept. Routes left without jobs disappear (the merge adds the drive home).
 */
export function withoutHomeStops(problem: Problem, solution: Solution, home: HomeStops): Solution {
  if (home.vehicleOf.size === 0) return solution;
  const isHome = (id: Id | undefined) => id !== undefined && home.vehicleOf.has(idKey(id));
  const routes: RoutePlan['routes'] = [];
  for (const r of solution.routes) {
    const steps = r.steps.filter((s) => !(s.type === 'job' && isHome(s.id)));
    if (!steps.some((s) => s.type === 'job' || s.type === 'pickup' || s.type === 'delivery')) continue;
    routes.push({
      vehicle: r.vehicle,
      steps: steps.map((s) =>
        s.type === 'start' ? { type: 'start' as const, departure: s.departure } : s.shipment !== undefined ? { type: s.type, id: s.id, shipment: s.shipment } : { type: s.type, id: s.id },
      ),
    });
  }
  const unassigned = solution.unassigned.filter((u) => !isHome(u.id));
  const out = planWithTimes(problem, { routes, unassigned });
  // Keep the solver's reasons and messages (planWithTimes keeps only the reason).
  out.unassigned = unassigned.map((u) => ({ ...u }));
  out.summary.unassigned = out.unassigned.length;
  if (solution.status !== undefined) out.status = solution.status;
  if (solution.stats !== undefined) out.stats = solution.stats;
  return out;
}
