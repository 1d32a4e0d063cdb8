/**
 * The minimal-change candidate of re-planning: every vehicle keeps the order
 * of its remaining promised stops, and the other jobs (new orders, jobs of the
 * old plan's `unassigned`, stops the driver skipped) are inserted one by one
 * where they cost least. `replan` compares it with the search's plan, charging
 * `promisePenalty` per job whose vehicle or position changed, so that
 * promised ETAs only move when it pays.
 *
 * Routes are evaluated with the independent checker's route evaluation
 * (`evaluateRoute`), so a candidate is feasible by the same rules as
 * `checkSolution`.
 */
import { evaluateRoute, routeContext, type Violation } from '../model/check-route.js';
import { sameId } from '../model/ids.js';
import type { Id, Problem } from '../model/types.js';

export interface KeptOrderPlan {
  routes: { vehicle: Id; jobs: Id[]; departure?: number }[];
  /** Jobs no feasible insertion was found for. */
  unrouted: Id[];
}

/**
 * Builds the kept-order plan of `problem` (the reduced problem) from the old
 * sequences in `initial`. `departures` states the start departure of vehicles
 * on the road. Returns undefined when an old sequence itself is no longer
 * feasible (then only the search can say what to change).
 */
export function keepOrderPlan(
  problem: Problem,
  initial: { routes: { vehicle: Id; steps: { type: string; id?: Id }[] }[] },
  departures: Map<Id, number>,
): KeptOrderPlan | undefined {
  const ctx = routeContext(problem);
  const jobIndex = new Map<Id, number>(problem.jobs.map((j, i) => [j.id, i]));
  const vehicleIndex = new Map<Id, number>(problem.vehicles.map((v, k) => [v.id, k]));
  const seqs: number[][] = problem.vehicles.map(() => []);
  for (const r of initial.routes) {
    const k = vehicleIndex.get(r.vehicle);
    if (k === undefined) continue;
    for (const s of r.steps) if (s.type === 'job' && jobIndex.has(s.id as Id)) seqs[k].push(jobIndex.get(s.id as Id)!);
  }
  const sink: Violation[] = [];
  /** Cost of a sequence, or Infinity when it breaks a rule (an empty route costs nothing). */
  const cost = (k: number, seq: number[]): number => {
    if (seq.length === 0) return 0;
    sink.length = 0;
    const r = evaluateRoute(ctx, 0, k, seq, departures.get(problem.vehicles[k].id), sink);
    return r.feasible && sink.length === 0 ? r.cost : Infinity;
  };
  const current = seqs.map((seq, k) => cost(k, seq));
  if (current.some((c) => c === Infinity)) return undefined;

  const routed = new Set<number>(seqs.flat());
  const unrouted: Id[] = [];
  problem.jobs.forEach((job, j) => {
    if (routed.has(j)) return;
    let best = Infinity;
    let bestK = -1;
    let bestPos = -1;
    for (let k = 0; k < seqs.length; k++) {
      const allowed = job.allowedVehicles;
      if (allowed && !allowed.some((a) => sameId(a, problem.vehicles[k].id))) continue;
      const seq = seqs[k];
      for (let p = 0; p <= seq.length; p++) {
        const delta = cost(k, [...seq.slice(0, p), j, ...seq.slice(p)]) - current[k];
        if (delta < best) {
          best = delta;
          bestK = k;
          bestPos = p;
        }
      }
    }
    if (bestK < 0) {
      unrouted.push(job.id);
      return;
    }
    seqs[bestK].splice(bestPos, 0, j);
    current[bestK] += best;
  });

  const routes: KeptOrderPlan['routes'] = [];
  seqs.forEach((seq, k) => {
    if (seq.length === 0) return;
    const vehicle = problem.vehicles[k].id;
    const route: KeptOrderPlan['routes'][number] = { vehicle, jobs: seq.map((j) => problem.jobs[j].id) };
    const d = departures.get(vehicle);
    if (d !== undefined) route.departure = d;
    routes.push(route);
  });
  return { routes, unrouted };
}
