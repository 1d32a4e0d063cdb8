/**
 * `toVroom(problem, solution)`: a vrpkit solution → VROOM's output document
 * (docs/API.md, "Output"), so that results compare one to one with VROOM's
 * own output for the same plan. Pure.
 *
 * VROOM's meanings, which differ from vrpkit's own solution JSON:
 * - a step's `duration` is the travel time cumulated up to its arrival; a
 *   route's and the summary's `duration` is travel time (not the route span);
 * - `service` of a route counts the break durations too, and a break step's
 *   `service` is its duration;
 * - `unassigned` lists tasks: an unassigned shipment is two entries (its
 *   pickup and its delivery, each with its own id); `summary.unassigned`
 *   counts them;
 * - `cost` is VROOM's: `fixed + round(travel × per_hour / 3600 + distance ×
 *   per_km / 1000) + floor(per_task_hour × (setup + service + breaks) / 3600)`
 *   per route (with a costs matrix the matrix sum replaces the rounded travel
 *   part), from the coefficients `fromVroom` kept in `vehicle.data.vroom`. For
 *   a problem not read by `fromVroom` it is the route's own cost.
 * - `distance` is written when the VROOM input had distances (a distance
 *   matrix, `per_km`, or coordinates); load arrays when it had amounts.
 * Also as VROOM writes them: routes in vehicle order, the deprecated `job` (on
 * task steps) and `amount` (= delivery) keys, and empty `violations` lists.
 * vrpkit adds `reason` to each unassigned entry.
 *
 * Times are the solution's own (whole seconds for integral inputs; VROOM
 * truncates to whole seconds where a speed factor makes fractions, vrpkit
 * keeps them).
 */
import { capacityDimensions } from '../../model/check.js';
import { idKey } from '../../model/ids.js';
import { serviceDurationFor, taskOfStep, taskTable, type TaskTable } from '../../model/tasks.js';
import type { Location, Problem, Route, Solution, Step, Vehicle } from '../../model/types.js';
import type { VroomOutput, VroomPlace, VroomRoute, VroomStep, VroomTaskData, VroomUnassigned, VroomVehicleData } from './types.js';

/** `data.vroom` of a job, stop, vehicle or break, when `fromVroom` put it there. */
function vroomData<T>(x: { data?: unknown } | undefined): T | undefined {
  const d = x?.data;
  return typeof d === 'object' && d !== null && 'vroom' in d ? ((d as { vroom: T }).vroom) : undefined;
}

/** Times carry float noise (sums of fractional arcs under a speed factor, differences of large time stamps); keep 6 decimals. */
function clean(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A place of a problem not read by `fromVroom`: an index is a matrix row, a pair coordinates. */
function placeOf(loc: Location | undefined): VroomPlace {
  if (loc === undefined) return {};
  return typeof loc === 'number' ? { location_index: loc } : { location: loc };
}

interface Context {
  problem: Problem;
  table: TaskTable;
  dims: number;
  reportDistances: boolean;
}

/** The VROOM document of a vrpkit solution (see the module comment). */
export function toVroom(problem: Problem, solution: Solution): VroomOutput {
  const table = taskTable(problem);
  const dims = capacityDimensions(problem);
  const first = vroomData<VroomVehicleData>(problem.vehicles[0]);
  const ctx: Context = { problem, table, dims, reportDistances: first ? first.reportDistances : true };
  const vehicleIndex = new Map(problem.vehicles.map((v, k) => [idKey(v.id), k]));
  const routes = solution.routes
    .filter((r) => r.steps.some((s) => s.type === 'job' || s.type === 'pickup' || s.type === 'delivery'))
    .map((r) => ({ r, k: vehicleIndex.get(idKey(r.vehicle)) ?? Infinity }))
    .sort((a, b) => a.k - b.k)
    .map(({ r, k }) => vroomRoute(ctx, r, problem.vehicles[k]));
  const unassigned = solution.unassigned.flatMap((u) => unassignedEntries(ctx, u));

  const zero = () => new Array<number>(dims).fill(0);
  const sum = (f: (r: VroomRoute) => number) => routes.reduce((acc, r) => acc + f(r), 0);
  const summary = { cost: sum((r) => r.cost), routes: routes.length, unassigned: unassigned.length } as VroomOutput['summary'];
  if (dims > 0) {
    const delivery = zero();
    const pickup = zero();
    for (const r of routes) for (let k = 0; k < dims; k++) {
      delivery[k] += r.delivery![k];
      pickup[k] += r.pickup![k];
    }
    Object.assign(summary, { delivery, amount: [...delivery], pickup });
  }
  Object.assign(summary, {
    setup: sum((r) => r.setup),
    service: sum((r) => r.service),
    duration: clean(sum((r) => r.duration)),
    waiting_time: clean(sum((r) => r.waiting_time)),
    priority: sum((r) => r.priority),
  });
  if (ctx.reportDistances) summary.distance = clean(sum((r) => r.distance ?? 0));
  summary.violations = [];
  return { code: 0, summary, unassigned, routes };
}

function vroomRoute(ctx: Context, route: Route, vehicle: Vehicle): VroomRoute {
  const vd = vroomData<VroomVehicleData>(vehicle);
  const taskSteps = route.steps.filter((s) => s.type !== 'start' && s.type !== 'end' && s.type !== 'break');
  const placeOfTask = (s: Step | undefined): VroomPlace => {
    const t = s ? taskOfStep(ctx.table, s) : -1;
    if (typeof t !== 'number' || t < 0) return placeOf(s?.location);
    const task = ctx.table.tasks[t];
    return vroomData<VroomTaskData>(task.visit) ?? placeOf(task.location);
  };
  let travel = 0;
  let previousDeparture = 0;
  let setup = 0;
  let service = 0;
  let taskService = 0;
  let waiting = 0;
  let priority = 0;
  const steps = route.steps.map((s, i): VroomStep => {
    if (i > 0) travel += s.arrival - previousDeparture;
    previousDeparture = s.departure;
    const step: VroomStep = { type: s.type } as VroomStep;
    let stepSetup = 0;
    let stepService = 0;
    let id: number | undefined;
    let description: string | undefined;
    let place: VroomPlace = {};
    if (s.type === 'start') place = vd?.start ?? (vd ? placeOfTask(taskSteps[0]) : placeOf(s.location));
    else if (s.type === 'end') place = vd?.end ?? (vd ? placeOfTask(taskSteps[taskSteps.length - 1]) : placeOf(s.location));
    else if (s.type === 'break') {
      const b = vehicle.breaks?.find((x) => idKey(x.id) === idKey(s.id));
      id = (b?.id ?? s.id) as number;
      description = vroomData<{ description?: string }>(b)?.description;
      stepService = b ? (b.duration ?? 0) : clean(s.departure - s.serviceStart);
    } else {
      const t = taskOfStep(ctx.table, s);
      if (typeof t === 'number') {
        const task = ctx.table.tasks[t];
        id = task.id as number;
        const data = vroomData<VroomTaskData>(task.visit);
        place = data ?? placeOf(task.location);
        description = data?.description;
        stepService = serviceDurationFor(task, vehicle);
        priority += task.priority;
      } else {
        id = s.id as number;
        place = placeOf(s.location);
        stepService = clean(s.departure - s.serviceStart - (s.setup ?? 0));
      }
      stepSetup = s.setup ?? 0;
      taskService += stepService;
    }
    setup += stepSetup;
    service += stepService;
    waiting += s.waiting;
    if (description !== undefined) step.description = description;
    if (place.location) step.location = place.location;
    if (place.location_index !== undefined) step.location_index = place.location_index;
    if (id !== undefined) step.id = id;
    Object.assign(step, { setup: stepSetup, service: stepService, waiting_time: clean(s.waiting) });
    if (id !== undefined && s.type !== 'break') step.job = id;
    if (s.load.length > 0) step.load = s.load;
    Object.assign(step, { arrival: clean(s.arrival), duration: clean(travel), violations: [] });
    if (ctx.reportDistances) step.distance = clean(s.distance);
    return step;
  });

  const out = { vehicle: vehicle.id, cost: vroomCost(vd, vehicle, route, clean(travel), setup, taskService, service) } as VroomRoute;
  if (vd?.description !== undefined) out.description = vd.description;
  if (ctx.dims > 0) Object.assign(out, { delivery: route.delivery, amount: [...route.delivery], pickup: route.pickup });
  Object.assign(out, { setup, service, duration: clean(travel), waiting_time: clean(waiting), priority });
  if (ctx.reportDistances) out.distance = clean(route.distance);
  out.steps = steps;
  out.violations = [];
  return out;
}

/** VROOM's route cost (see the module comment); the route's own cost without VROOM coefficients. */
function vroomCost(vd: VroomVehicleData | undefined, v: Vehicle, route: Route, travel: number, setup: number, taskService: number, service: number): number {
  if (!vd) return route.cost;
  const c = vd.costs;
  const round = (x: number) => Math.floor(x + 0.5);
  const travelCost = vd.costMatrix
    ? round(route.cost - (v.costs?.fixed ?? 0) - (v.costs?.perTaskTime ?? 0) * (setup + taskService))
    : round((travel * c.per_hour) / 3600 + (route.distance * c.per_km) / 1000);
  return c.fixed + travelCost + Math.floor((c.per_task_hour * (setup + service)) / 3600 + 1e-9);
}

/** One VROOM entry per unassigned task: a job, or both stops of a shipment. */
function unassignedEntries(ctx: Context, u: Solution['unassigned'][number]): VroomUnassigned[] {
  const order = ctx.table.orders.get(idKey(u.id));
  const entry = (id: number, type: VroomUnassigned['type'], visit: { location: Location; data?: unknown }): VroomUnassigned => {
    const data = vroomData<VroomTaskData>(visit);
    const place = data ?? placeOf(visit.location);
    const e = { id } as VroomUnassigned;
    if (place.location) e.location = place.location;
    if (place.location_index !== undefined) e.location_index = place.location_index;
    e.type = type;
    if (data?.description !== undefined) e.description = data.description;
    e.reason = u.reason;
    return e;
  };
  if (!order) return [{ id: u.id as number, type: u.type === 'shipment' ? 'pickup' : 'job', reason: u.reason }];
  if (order.kind === 'job') return [entry(ctx.problem.jobs[order.index].id as number, 'job', ctx.problem.jobs[order.index])];
  const s = ctx.problem.shipments![order.index];
  return [entry((s.pickup.id ?? s.id) as number, 'pickup', s.pickup), entry((s.delivery.id ?? s.id) as number, 'delivery', s.delivery)];
}
