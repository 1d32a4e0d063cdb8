/**
 * Old plans given without times (hand-written `{ vehicle, steps: [{type, id}] }`)
 * get them from the independent checker, which follows docs/semantics.md: the
 * times a solver would have promised for those sequences.
 */
import { checkSolution } from '../model/check.js';
import type { Problem, RoutePlan, Solution, Step, UnassignedReason } from '../model/types.js';

const TIME_FIELDS = ['arrival', 'serviceStart', 'departure'] as const;

function hasTimes(plan: Solution | RoutePlan): boolean {
  return (plan as RoutePlan).routes.every((r) => r.steps.every((s) => TIME_FIELDS.every((f) => typeof s[f] === 'number')));
}

type CheckedRouteOf = ReturnType<typeof checkSolution>['routes'][number];

/** A public route built from the checker's re-derived route. */
function routeOf(r: CheckedRouteOf): Solution['routes'][number] {
  return {
    vehicle: r.vehicle,
    steps: r.steps.map(({ lateness: _lateness, ...s }): Step => ({ ...s, load: [...s.load] })),
    cost: r.cost,
    distance: r.distance,
    duration: r.duration,
    waiting: r.waiting,
    service: r.service,
    delivery: [...r.delivery],
    pickup: [...r.pickup],
  };
}

/** Element-wise sum of amount vectors (empty list → []). */
function sumVectors(vectors: number[][]): number[] {
  const out: number[] = [];
  for (const v of vectors) v.forEach((x, d) => (out[d] = (out[d] ?? 0) + x));
  return out;
}

/**
 * Returns `plan` as a full `Solution`: unchanged when every step states its
 * times, else with every number re-derived by `checkSolution` (a stated start
 * departure is kept).
 */
export function planWithTimes(problem: Problem, plan: Solution | RoutePlan): Solution {
  if (hasTimes(plan) && 'summary' in plan) return plan as Solution;
  const report = checkSolution(problem, plan as RoutePlan);
  const routes = report.routes.map(routeOf);
  const unassigned = (plan.unassigned ?? []).map((u) => ({
    id: u.id,
    // A shipment keeps its stop ids (`type`, `pickup`, `delivery`) as a solve output names them.
    ...(u.type === 'shipment' ? { type: u.type, ...(u.pickup !== undefined ? { pickup: u.pickup } : {}), ...(u.delivery !== undefined ? { delivery: u.delivery } : {}) } : {}),
    reason: (u.reason ?? 'fleet-exhausted') as UnassignedReason,
  }));
  return {
    summary: {
      cost: report.summary.cost,
      routes: report.summary.routes,
      unassigned: unassigned.length,
      distance: report.summary.distance,
      duration: report.summary.duration,
      waiting: routes.reduce((a, r) => a + r.waiting, 0),
      service: routes.reduce((a, r) => a + r.service, 0),
      delivery: sumVectors(routes.map((r) => r.delivery)),
      pickup: sumVectors(routes.map((r) => r.pickup)),
    },
    routes,
    unassigned,
  };
}

/**
 * Restates the start departure of the given vehicles' routes (a vehicle on the
 * road drives on as soon as it is free, rather than waiting where it is for as
 * long as it would wait later on, which is what `d*` of docs/semantics.md picks).
 * Every number of a restated route is re-derived by the checker; a route that
 * would break a limit by leaving early (e.g. `maxDuration` with long waits)
 * keeps the solver's departure.
 */
export function departAt(problem: Problem, solution: Solution, departures: Map<unknown, number>): Solution {
  const targets = solution.routes.filter((r) => departures.has(r.vehicle) && r.steps[0]?.type === 'start' && r.steps[0].departure !== departures.get(r.vehicle));
  if (targets.length === 0) return solution;
  const report = checkSolution(problem, {
    routes: targets.map((r) => ({
      vehicle: r.vehicle,
      steps: r.steps.map((s) =>
        s.type === 'start'
          ? { type: 'start' as const, departure: departures.get(r.vehicle)! }
          : s.shipment !== undefined
            ? { type: s.type, id: s.id, shipment: s.shipment }
            : { type: s.type, id: s.id },
      ),
    })),
  });
  const replaced = new Map<unknown, Solution['routes'][number]>();
  for (const r of report.routes) {
    if (!r.feasible) continue;
    replaced.set(r.vehicle, routeOf(r));
  }
  if (replaced.size === 0) return solution;
  const routes = solution.routes.map((r) => replaced.get(r.vehicle) ?? r);
  const sum = (f: (r: Solution['routes'][number]) => number) => routes.reduce((a, r) => a + f(r), 0);
  return {
    ...solution,
    routes,
    summary: { ...solution.summary, cost: sum((r) => r.cost), distance: sum((r) => r.distance), duration: sum((r) => r.duration), waiting: sum((r) => r.waiting) },
  };
}
