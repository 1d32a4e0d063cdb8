/**
 * The steps builder of the solver's decode: a route (vehicle k serving tasks
 * in order, task indices of model/tasks.ts) becomes a public `Route` with
 * every number docs/semantics.md defines — start, job / pickup / delivery,
 * break and end steps with arrival, waiting, service start, setup, departure,
 * load and distance, and the route's totals. The numbers come from the exact
 * route evaluator's trace (`evaluate.ts`), so a plan states exactly what the
 * evaluator priced, breaks included (placed by the evaluator's rule). The
 * independent checker re-derives all of it.
 */
import type { TaskTable } from '../model/tasks.js';
import type { ResolvedTravel } from '../model/travel.js';
import type { Problem, Route, Step } from '../model/types.js';
import { RouteEvaluation, RouteEvaluator } from './evaluate.js';

export interface SimulatedRoute {
  route: Route;
  /** Number of violated constraints (`RouteEvaluation.violations`). */
  violations: number;
  /** Their total amount (`RouteEvaluation.excess`, plus 10⁶ per hard violation). */
  amount: number;
}

/** What the decode knows of the problem: its tasks and their travel (`travel.jobLocation` indexed by task). */
export interface DecodeContext {
  problem: Problem;
  tasks: TaskTable;
  /** The default travel resolved per task (vehicles with a `profile` get theirs from the evaluator). */
  travel: ResolvedTravel;
  dims: number;
  /** The exact route evaluator; built on first use (`evaluatorOf`) unless the caller shares one. */
  evaluator?: RouteEvaluator;
}

/** The context's route evaluator, built once. */
export function evaluatorOf(ctx: DecodeContext): RouteEvaluator {
  return (ctx.evaluator ??= new RouteEvaluator(ctx.problem, { tasks: ctx.tasks, travel: ctx.travel, dims: ctx.dims }));
}

/** How a solver compares routes when repairing: violations, then their amount (hard ones weigh 10⁶). */
export function repairAmount(ev: RouteEvaluation): number {
  return ev.excess + 1e6 * ev.hard;
}

const scratch = new WeakMap<RouteEvaluator, RouteEvaluation>();

/** Simulates vehicle `k` serving `route` (task indices) in order; see docs/semantics.md. */
export function simulateRoute(ctx: DecodeContext, k: number, route: number[]): SimulatedRoute {
  const evaluator = evaluatorOf(ctx);
  let out = scratch.get(evaluator);
  if (!out) scratch.set(evaluator, (out = new RouteEvaluation()));
  evaluator.trace(k, route, route.length, out);
  const data = evaluator.data;
  const rec = evaluator.record;
  const dims = data.dims;
  const v = ctx.problem.vehicles[k];
  const tasks = ctx.tasks.tasks;
  const withSetup = data.anySetup;
  const soft = data.anySoft;
  // a plain loop: `Array.from` over a typed-array view goes through the iterator, per step of every route
  const loadAt = (r: number) => {
    const out = new Array<number>(dims);
    for (let q = 0; q < dims; q++) out[q] = rec.load[r * dims + q];
    return out;
  };
  const d = out.departure;
  const steps: Step[] = [];
  const startLoad = Array.from(rec.startLoad);
  steps.push({
    type: 'start',
    ...(v.start !== undefined ? { location: v.start } : {}),
    arrival: d, waiting: 0, serviceStart: d, ...(withSetup ? { setup: 0 } : {}), departure: d, load: startLoad, distance: 0,
  });
  const delivery = new Array<number>(dims).fill(0);
  const pickup = new Array<number>(dims).fill(0);
  for (let r = 0; r < rec.count; r++) {
    const item = rec.item[r];
    const times = {
      arrival: rec.arrival[r],
      waiting: rec.waiting[r],
      serviceStart: rec.serviceStart[r],
    };
    if (item < 0) {
      const b = v.breaks![-1 - item];
      steps.push({ type: 'break', id: b.id, ...times, departure: rec.departure[r], load: loadAt(r), distance: rec.distance[r] });
      continue;
    }
    const task = tasks[item];
    for (let q = 0; q < dims; q++) {
      delivery[q] += data.unload[item * dims + q];
      pickup[q] += data.load[item * dims + q];
    }
    // field by field, in the order of the public step (no spreads: this runs for every stop)
    const step: Step = { type: task.kind, id: task.id } as Step;
    if (task.shipment !== undefined) step.shipment = task.shipment;
    step.location = task.location;
    step.arrival = times.arrival;
    step.waiting = times.waiting;
    step.serviceStart = times.serviceStart;
    if (withSetup) step.setup = rec.setup[r];
    step.departure = rec.departure[r];
    step.load = loadAt(r);
    step.distance = rec.distance[r];
    if (soft) step.lateness = rec.lateness[r];
    steps.push(step);
  }
  const end = out.endArrival;
  steps.push({
    type: 'end',
    ...(v.end !== undefined ? { location: v.end } : {}),
    arrival: end, waiting: 0, serviceStart: end, ...(withSetup ? { setup: 0 } : {}), departure: end,
    load: rec.count > 0 ? loadAt(rec.count - 1) : startLoad.slice(), distance: out.distance,
  });
  return {
    route: {
      vehicle: v.id,
      steps,
      cost: out.cost,
      distance: out.distance,
      duration: out.duration,
      waiting: out.waiting,
      service: out.service,
      setup: out.setup,
      travelTime: out.travelTime,
      breakDuration: out.breakDuration,
      priority: out.priority,
      ...(soft ? { latenessCost: out.latenessCost } : {}),
      delivery,
      pickup,
    },
    violations: out.violations,
    amount: repairAmount(out),
  };
}
