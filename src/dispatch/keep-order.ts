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
import { taskOfStep } from '../model/tasks.js';
import type { Id, Problem } from '../model/types.js';

/** A task step as a plan names it: a job, or a shipment stop with its shipment. */
export interface TaskStep {
  type: 'job' | 'pickup' | 'delivery';
  id: Id;
  shipment?: Id;
}

export interface KeptOrderPlan {
  routes: { vehicle: Id; steps: TaskStep[]; departure?: number }[];
  /** Jobs and shipments no feasible insertion was found for. */
  unrouted: Id[];
}

/**
 * Builds the kept-order plan of `problem` (the reduced problem) from the old
 * sequences in `initial`. `departures` states the start departure of vehicles
 * on the road. Returns undefined when an old sequence itself is no longer
 * feasible (then only the search can say what to change). A shipment not in
 * the sequences is inserted whole: its pickup and delivery at the cheapest
 * pair of positions, pickup first, on one route.
 */
export function keepOrderPlan(
  problem: Problem,
  initial: { routes: { vehicle: Id; steps: { type: string; id?: Id; shipment?: Id }[] }[] },
  departures: Map<Id, number>,
): KeptOrderPlan | undefined {
  const ctx = routeContext(problem);
  const table = ctx.tasks;
  const vehicleIndex = new Map<Id, number>(problem.vehicles.map((v, k) => [v.id, k]));
  const seqs: number[][] = problem.vehicles.map(() => []);
  for (const r of initial.routes) {
    const k = vehicleIndex.get(r.vehicle);
    if (k === undefined) continue;
    for (const s of r.steps) {
      if (s.type !== 'job' && s.type !== 'pickup' && s.type !== 'delivery') continue;
      const t = taskOfStep(table, s);
      if (typeof t === 'number') seqs[k].push(t);
    }
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
  const allows = (allowed: Id[] | undefined, k: number) => !allowed || allowed.some((a) => sameId(a, problem.vehicles[k].id));
  problem.jobs.forEach((job, j) => {
    if (routed.has(j)) return;
    let best = Infinity;
    let bestK = -1;
    let bestPos = -1;
    for (let k = 0; k < seqs.length; k++) {
      if (!allows(job.allowedVehicles, k)) continue;
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
  (problem.shipments ?? []).forEach((sh, s) => {
    const pickup = table.jobCount + 2 * s;
    const delivery = pickup + 1;
    if (routed.has(pickup) && routed.has(delivery)) return;
    let best = Infinity;
    let bestK = -1;
    let bestSeq: number[] = [];
    for (let k = 0; k < seqs.length; k++) {
      if (!allows(sh.allowedVehicles, k)) continue;
      const seq = seqs[k];
      for (let p = 0; p <= seq.length; p++) {
        for (let q = p; q <= seq.length; q++) {
          const next = [...seq.slice(0, p), pickup, ...seq.slice(p, q), delivery, ...seq.slice(q)];
          const delta = cost(k, next) - current[k];
          if (delta < best) {
            best = delta;
            bestK = k;
            bestSeq = next;
          }
        }
      }
    }
    if (bestK < 0) {
      unrouted.push(sh.id);
      return;
    }
    seqs[bestK] = bestSeq;
    current[bestK] += best;
  });

  const routes: KeptOrderPlan['routes'] = [];
  seqs.forEach((seq, k) => {
    if (seq.length === 0) return;
    const vehicle = problem.vehicles[k].id;
    const steps = seq.map((t): TaskStep => {
      const task = table.tasks[t];
      return task.kind === 'job' ? { type: 'job', id: task.id } : { type: task.kind, id: task.id, shipment: task.shipment };
    });
    const route: KeptOrderPlan['routes'][number] = { vehicle, steps };
    const d = departures.get(vehicle);
    if (d !== undefined) route.departure = d;
    routes.push(route);
  });
  return { routes, unrouted };
}
