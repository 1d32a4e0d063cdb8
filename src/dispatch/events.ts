/**
 * What happened since a plan was made, and where each route stands now.
 *
 * `ReplanEvents` is the input of re-planning: the time now plus whatever the
 * dispatch system knows (vehicle positions, jobs served / in progress, new and
 * cancelled orders, closed or slowed roads). `inferProgress` combines it with
 * the old plan's times into a per-route picture: which job steps are frozen
 * (served or in progress), whether the vehicle has left its start, and whether
 * it has already finished its route.
 *
 * Inference when the events do not say (documented in docs of `replan`):
 * - a job step with `departure ≤ now` is served,
 * - a job step with `serviceStart ≤ now < departure` is in progress,
 * - a vehicle has left its start when it has a frozen job, when its `start`
 *   step's departure is strictly before `now` on a route with jobs, or when its
 *   reported position differs from its start.
 * An explicit `served` / `inProgress` list replaces the inference of that status.
 *
 * Shipment stops are tasks like jobs (keys of `stops.ts`): events name them as
 * plan steps do, and a delivery done or in progress needs its pickup done on
 * the same vehicle (docs/semantics.md, "Re-planning with shipments").
 */
import { VrpkitError, pointer, type InputIssue } from '../core/errors.js';
import type { Id, Job, Location, Problem, Solution, Step } from '../model/types.js';
import { validateProblem } from '../model/validate.js';
import { idKey } from '../model/ids.js';
import { isStopEvent, taskKeys, type StopEvent, type TaskKeys } from './stops.js';
import { shipmentOrderIssues } from './stop-order.js';

/** Where a vehicle is. `at` (optional) is when it is free there; default `now`. */
export interface VehiclePosition {
  vehicle: Id;
  location: Location;
  at?: number;
}

/** A changed arc of a matrix travel: location index `from` → `to`. */
export interface TravelUpdate {
  from: number;
  to: number;
  /** New travel time (omitted: unchanged). */
  duration?: number;
  /** New distance (omitted: unchanged). */
  distance?: number;
}

/** What happened since the plan was made. Times are in the problem's time unit. */
export interface ReplanEvents {
  /** The time now. */
  now: number;
  /** Live positions; a vehicle with a position is re-planned from there. */
  vehiclePositions?: VehiclePosition[];
  /** Jobs and shipment stops already served (replaces the inference from the plan's times). */
  served?: (Id | StopEvent)[];
  /** Jobs and shipment stops whose service has started but not ended (replaces the inference). */
  inProgress?: (Id | StopEvent)[];
  /** Orders received since the plan was made. */
  newJobs?: Job[];
  /** Orders (jobs, shipments) withdrawn; they leave the plan (reported as `cancelled`). */
  cancelled?: Id[];
  /** Road network travel only: arcs to close, passed to `network.withClosures`. */
  closures?: unknown[];
  /** Road network travel only: per-arc speed factors, passed to `network.withSpeedFactors`. */
  speedFactors?: unknown;
  /** Matrix travel only: changed arcs, applied to a copy of the matrices. */
  travelUpdates?: TravelUpdate[];
}

/** `done` = served (or, for a start step, left); `in-progress` = service under way. */
export type StepStatus = 'done' | 'in-progress' | 'planned';

/** Where one vehicle of the old plan stands at `now`. */
export interface RouteProgress {
  vehicle: Id;
  /** Index of the vehicle in `problem.vehicles`. */
  vehicleIndex: number;
  /** Index of its route in the old plan, or -1 when it had none. */
  routeIndex: number;
  /** The old route's tasks in order: job ids, and stop keys for shipment stops (`stops.ts`). */
  jobs: Id[];
  /** Status of each job step of the old route (same order as `jobs`). */
  status: StepStatus[];
  /** Job ids served or in progress, in route order: the frozen prefix. */
  frozen: Id[];
  /** Whether the last frozen job is still in progress. */
  inProgress: boolean;
  /** Planned jobs that come before a frozen job in the old order (the driver skipped them). */
  skipped: Id[];
  /** Whether the vehicle has left its start (its deliveries are loaded). */
  departed: boolean;
  /** Whether every job is served and the route's end was reached by `now`. */
  finished: boolean;
  /** The reported position, if any. */
  position?: VehiclePosition;
}

export interface PlanProgress {
  now: number;
  /** One entry per vehicle of the problem, in `problem.vehicles` order. */
  vehicles: RouteProgress[];
  /** Status of every task (job id or stop key) of the old plan's routes. */
  jobStatus: Map<Id, StepStatus>;
  /** Vehicle holding each task in the old plan. */
  jobVehicle: Map<Id, Id>;
  /** The task keys: shipment stops ↔ keys. */
  keys: TaskKeys;
}

const TIME_FIELDS = ['arrival', 'serviceStart', 'departure'] as const;

/** The list-valued event fields and what they list (`speedFactors` is checked by the network). */
const EVENT_LISTS: [keyof ReplanEvents, string][] = [
  ['vehiclePositions', 'positions { vehicle, location, at? }'],
  ['served', 'job ids and stops { type, id?, shipment? }'],
  ['inProgress', 'job ids and stops { type, id?, shipment? }'],
  ['newJobs', 'jobs'],
  ['cancelled', 'job and shipment ids'],
  ['closures', '[fromNode, toNode] pairs'],
  ['travelUpdates', 'updates { from, to, duration?, distance? }'],
];

/** A short description of a wrongly typed value for messages. */
function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'string') return `a string (${JSON.stringify(x.length > 40 ? x.slice(0, 40) + '…' : x)})`;
  return typeof x === 'object' ? 'an object' : `${typeof x} ${String(x)}`;
}

/**
 * Checks events (and the time fields of the plan they refer to) against the
 * problem. Returns every problem found; empty means usable.
 */
export function validateEvents(problem: Problem, plan: Solution, events: ReplanEvents): InputIssue[] {
  const issues: InputIssue[] = [];
  const add = (code: string, ptr: string, message: string) => issues.push({ code, pointer: ptr, message });
  if (typeof events !== 'object' || events === null) {
    add('type', '', 'events must be an object');
    return issues;
  }
  if (typeof events.now !== 'number' || !Number.isFinite(events.now)) add('not-finite', '/now', 'now must be a finite number');
  // Every list must be a list before anything iterates it (a string or an object here is a typing mistake).
  const before = issues.length;
  for (const [name, what] of EVENT_LISTS) {
    const list = (events as unknown as Record<string, unknown>)[name];
    if (list !== undefined && !Array.isArray(list)) add('type', pointer(name), `${name} must be an array of ${what}, got ${describeValue(list)}`);
  }
  if (issues.length > before) return issues;

  const jobIds = new Set<Id>(problem.jobs.map((j) => j.id));
  const shipmentIds = new Set<string>((problem.shipments ?? []).map((sh) => idKey(sh.id)));
  const vehicleIds = new Set<Id>(problem.vehicles.map((v) => v.id));
  const keys = taskKeys(problem, newJobIdsOf(events));
  const planned = new Set<Id>();
  /** Vehicle of each planned task key. */
  const plannedOn = new Map<Id, Id>();
  (plan?.routes ?? []).forEach((route, r) => {
    if (!vehicleIds.has(route.vehicle)) add('unknown-vehicle', pointer('plan', 'routes', r, 'vehicle'), `unknown vehicle ${JSON.stringify(route.vehicle)}`);
    route.steps.forEach((step, s) => {
      for (const f of TIME_FIELDS) {
        if (typeof step[f] !== 'number' || Number.isNaN(step[f])) {
          add('plan-times', pointer('plan', 'routes', r, 'steps', s, f), `plan step needs a numeric ${f}`);
        }
      }
      const stop = step.type === 'pickup' || step.type === 'delivery';
      if (step.type !== 'job' && !stop) return;
      const key = keys.ofStep(step);
      const what = stop ? `${step.type} ${JSON.stringify(step.id ?? step.shipment)}` : `job ${JSON.stringify(step.id)}`;
      if (key === undefined || (!stop && !jobIds.has(key))) add('unknown-job', pointer('plan', 'routes', r, 'steps', s, 'id'), `unknown ${what}`);
      else {
        if (planned.has(key)) add('duplicate-job', pointer('plan', 'routes', r, 'steps', s, 'id'), `${what} is in the plan twice`);
        planned.add(key);
        plannedOn.set(key, route.vehicle);
      }
    });
  });

  /** The task key of an entry of `served` / `inProgress`, or undefined (issue added). */
  const entryKey = (name: 'served' | 'inProgress', e: unknown, i: number): Id | undefined => {
    if (isStopEvent(e)) {
      const key = keys.ofStep(e);
      if (key === undefined) {
        add('unknown-job', pointer(name, i), `unknown ${e.type} ${JSON.stringify(e.id ?? e.shipment)}${e.id === undefined && e.shipment === undefined ? ' (name it by id or shipment)' : ''}`);
        return undefined;
      }
      if (!planned.has(key)) {
        add('not-planned', pointer(name, i), `${e.type} ${JSON.stringify(e.id ?? e.shipment)} is not in any route of the plan`);
        return undefined;
      }
      if (e.vehicle !== undefined && idKey(e.vehicle) !== idKey(plannedOn.get(key))) {
        add('conflict', pointer(name, i, 'vehicle'), `${e.type} ${JSON.stringify(e.id ?? e.shipment)} is on vehicle ${JSON.stringify(plannedOn.get(key))} in the plan, not ${JSON.stringify(e.vehicle)}`);
        return undefined;
      }
      return key;
    }
    if (typeof e === 'object' && e !== null) {
      add('type', pointer(name, i), `${name} entries are job ids or stops { "type": "pickup" | "delivery", "id"?, "shipment"? }, got ${describeValue(e)}`);
      return undefined;
    }
    if (!jobIds.has(e as Id)) {
      if (shipmentIds.has(idKey(e))) {
        add('type', pointer(name, i), `${JSON.stringify(e)} is a shipment: report its stops, e.g. { "type": "pickup", "shipment": ${JSON.stringify(e)} }`);
      } else add('unknown-job', pointer(name, i), `unknown job ${JSON.stringify(e)}`);
      return undefined;
    }
    if (!planned.has(e as Id)) {
      add('not-planned', pointer(name, i), `job ${JSON.stringify(e)} is not in any route of the plan`);
      return undefined;
    }
    return e as Id;
  };
  const servedKeys = (events.served ?? []).map((e, i) => entryKey('served', e, i));
  const startedKeys = (events.inProgress ?? []).map((e, i) => entryKey('inProgress', e, i));
  (events.cancelled ?? []).forEach((id, i) => {
    if (!jobIds.has(id) && !shipmentIds.has(idKey(id))) add('unknown-job', pointer('cancelled', i), `unknown job ${JSON.stringify(id)}`);
  });
  const frozen = new Set<Id>([...servedKeys, ...startedKeys].filter((k): k is Id => k !== undefined));
  const frozenShipments = new Set<string>();
  for (const k of frozen) {
    const ref = keys.stopOf(k);
    if (ref) frozenShipments.add(idKey(ref.shipment));
  }
  (events.cancelled ?? []).forEach((id, i) => {
    if (frozen.has(id) || frozenShipments.has(idKey(id))) add('conflict', pointer('cancelled', i), `order ${JSON.stringify(id)} is served or in progress and cannot be cancelled`);
  });
  const served = new Set<Id>(servedKeys.filter((k): k is Id => k !== undefined));
  startedKeys.forEach((key, i) => {
    if (key !== undefined && served.has(key)) add('conflict', pointer('inProgress', i), `${describeKey(keys, key)} is listed as both served and in progress`);
  });

  (events.vehiclePositions ?? []).forEach((p, i) => {
    if (!vehicleIds.has(p?.vehicle)) add('unknown-vehicle', pointer('vehiclePositions', i, 'vehicle'), `unknown vehicle ${JSON.stringify(p?.vehicle)}`);
    if (p?.at !== undefined && !Number.isFinite(p.at)) add('not-finite', pointer('vehiclePositions', i, 'at'), 'at must be a finite number');
    if (!isLocation(p?.location)) add('location', pointer('vehiclePositions', i, 'location'), 'location must be an index or [x, y]');
    else {
      const t = problem.travel;
      const loc = p.location;
      if (t.type === 'matrix' && (typeof loc !== 'number' || loc >= t.size)) {
        add('location', pointer('vehiclePositions', i, 'location'), `with matrix travel a position must be a matrix index in 0..${t.size - 1}`);
      } else if (t.type !== 'matrix' && typeof loc === 'number') {
        const n = t.type === 'network' ? (t.points?.length ?? 0) : (t.coordinates?.length ?? 0);
        if (loc >= n) add('location', pointer('vehiclePositions', i, 'location'), `must be an index into the travel's points (0..${n - 1}) or [lon, lat]`);
      }
    }
  });

  const newIds = new Set<Id>();
  (events.newJobs ?? []).forEach((job, i) => {
    if (typeof job !== 'object' || job === null) {
      add('type', pointer('newJobs', i), 'a new job must be an object');
      return;
    }
    if (jobIds.has(job.id) || newIds.has(job.id) || shipmentIds.has(idKey(job.id))) add('duplicate-id', pointer('newJobs', i, 'id'), `job id ${JSON.stringify(job.id)} already exists`);
    newIds.add(job.id);
  });
  if (Array.isArray(events.newJobs) && events.newJobs.length > 0 && events.newJobs.every((j) => typeof j === 'object' && j !== null)) {
    // New jobs must be valid jobs of this problem: validate them in place and
    // point the issues at `/newJobs/i`.
    const n = problem.jobs.length;
    const prefix = /^\/jobs\/(\d+)(.*)$/;
    for (const issue of validateProblem({ ...problem, jobs: [...problem.jobs, ...events.newJobs] })) {
      const m = prefix.exec(issue.pointer);
      if (!m || Number(m[1]) < n || issue.code === 'duplicate-id') continue;
      issues.push({ ...issue, pointer: `/newJobs/${Number(m[1]) - n}${m[2]}` });
    }
  }

  const travelType = problem.travel.type;
  if (events.closures !== undefined || events.speedFactors !== undefined) {
    if (travelType !== 'network') {
      add('travel', events.closures !== undefined ? '/closures' : '/speedFactors', 'closures and speed factors need road network travel; use travelUpdates with matrix travel');
    }
  }
  if (events.travelUpdates !== undefined) {
    if (problem.travel.type !== 'matrix') {
      add('travel', '/travelUpdates', 'travelUpdates need matrix travel');
    } else {
      const size = problem.travel.size;
      events.travelUpdates.forEach((u, i) => {
        for (const f of ['from', 'to'] as const) {
          if (!Number.isInteger(u?.[f]) || u[f] < 0 || u[f] >= size) add('location', pointer('travelUpdates', i, f), `must be a matrix index in 0..${size - 1}`);
        }
        for (const f of ['duration', 'distance'] as const) {
          const v = u?.[f];
          if (v !== undefined && !(typeof v === 'number' && v >= 0)) add('negative', pointer('travelUpdates', i, f), `${f} must be a non-negative number (Infinity closes the arc)`);
        }
      });
    }
  }
  return issues;
}

/** The ids of the events' new jobs (empty when the list is not usable). */
function newJobIdsOf(events: ReplanEvents): Id[] {
  return Array.isArray(events.newJobs) ? events.newJobs.filter((j) => typeof j === 'object' && j !== null).map((j) => j.id) : [];
}

/** A job id, or a stop as `pickup s1` for messages. */
function describeKey(keys: TaskKeys, key: Id): string {
  const ref = keys.stopOf(key);
  return ref ? `${ref.type} ${String(ref.id)} of shipment ${String(ref.shipment)}` : `job ${String(key)}`;
}

function isLocation(loc: unknown): loc is Location {
  if (typeof loc === 'number') return Number.isInteger(loc) && loc >= 0;
  return Array.isArray(loc) && loc.length === 2 && loc.every((c) => typeof c === 'number' && Number.isFinite(c));
}

function sameLocation(a: Location | undefined, b: Location | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Derives where each vehicle stands at `events.now` from the plan's times and
 * the events. Throws a `VrpkitError` listing every problem when the events do
 * not fit the plan (unknown ids, an in-progress job followed by a served one…).
 */
export function inferProgress(problem: Problem, plan: Solution, events: ReplanEvents): PlanProgress {
  const issues = validateEvents(problem, plan, events);
  if (issues.length > 0) throw VrpkitError.fromIssues(issues);
  const now = events.now;
  const keys = taskKeys(problem, newJobIdsOf(events));
  // Reported entries by task key (validated above: every entry names a planned task).
  const keyOf = (e: Id | StopEvent) => (isStopEvent(e) ? keys.ofStep(e)! : e);
  const servedGiven = events.served ? new Set<Id>(events.served.map(keyOf)) : undefined;
  const inProgressGiven = events.inProgress ? new Set<Id>(events.inProgress.map(keyOf)) : undefined;
  const positions = new Map<Id, VehiclePosition>();
  for (const p of events.vehiclePositions ?? []) positions.set(p.vehicle, p);

  const routeOf = new Map<Id, number>();
  plan.routes.forEach((route, r) => {
    if (routeOf.has(route.vehicle)) {
      issues.push({ code: 'duplicate-vehicle', pointer: pointer('plan', 'routes', r, 'vehicle'), message: `vehicle ${JSON.stringify(route.vehicle)} has two routes` });
    }
    routeOf.set(route.vehicle, r);
  });

  const jobStatus = new Map<Id, StepStatus>();
  const jobVehicle = new Map<Id, Id>();
  const vehicles: RouteProgress[] = problem.vehicles.map((vehicle, k) => {
    const r = routeOf.get(vehicle.id) ?? -1;
    const steps: Step[] = r >= 0 ? plan.routes[r].steps : [];
    const jobSteps = steps.filter((s) => s.type === 'job' || s.type === 'pickup' || s.type === 'delivery');
    const status: StepStatus[] = jobSteps.map((s) => {
      const id = keys.ofStep(s)!;
      // A reported in-progress job is not inferred served.
      if (!servedGiven && inProgressGiven?.has(id)) return 'in-progress';
      const served = servedGiven ? servedGiven.has(id) : s.departure <= now;
      if (served) return 'done';
      const started = inProgressGiven ? inProgressGiven.has(id) : s.serviceStart <= now && now < s.departure;
      return started ? 'in-progress' : 'planned';
    });
    // An inferred status never contradicts a reported one: with only `served`
    // reported, an inferred in-progress job before a served one is not in
    // progress; with only `inProgress` reported, a job after it is not served.
    if (servedGiven && !inProgressGiven) {
      const lastServed = status.lastIndexOf('done');
      for (let i = 0; i < lastServed; i++) if (status[i] === 'in-progress') status[i] = 'planned';
    } else if (inProgressGiven && !servedGiven) {
      const started = status.indexOf('in-progress');
      if (started >= 0) for (let i = started + 1; i < status.length; i++) if (status[i] === 'done') status[i] = 'planned';
    }
    const jobs = jobSteps.map((s) => keys.ofStep(s)!);
    let last = -1;
    status.forEach((st, i) => {
      if (st !== 'planned') last = i;
    });
    const frozen: Id[] = [];
    const skipped: Id[] = [];
    let inProgress = false;
    for (let i = 0; i <= last; i++) {
      if (status[i] === 'planned') skipped.push(jobs[i]);
      else {
        if (inProgress) {
          issues.push({
            code: 'event-order',
            pointer: pointer('plan', 'routes', r, 'steps'),
            message: `${describeKey(keys, jobs[i])} follows ${describeKey(keys, frozen[frozen.length - 1])}, which is still in progress`,
          });
        }
        frozen.push(jobs[i]);
        inProgress = status[i] === 'in-progress';
      }
    }
    jobs.forEach((id, i) => {
      jobStatus.set(id, status[i]);
      jobVehicle.set(id, vehicle.id);
    });
    const position = positions.get(vehicle.id);
    const startStep = steps.find((s) => s.type === 'start');
    const endStep = steps.find((s) => s.type === 'end');
    const moved = position !== undefined && vehicle.start !== undefined && !sameLocation(position.location, vehicle.start);
    const departed =
      frozen.length > 0 ||
      (jobs.length > 0 && startStep !== undefined && startStep.departure < now) ||
      moved ||
      (position !== undefined && vehicle.start === undefined);
    const finished =
      jobs.length > 0 && frozen.length === jobs.length && !inProgress && vehicle.end !== undefined && endStep !== undefined && endStep.arrival <= now;
    return { vehicle: vehicle.id, vehicleIndex: k, routeIndex: r, jobs, status, frozen, inProgress, skipped, departed, finished, position };
  });
  (events.cancelled ?? []).forEach((id, i) => {
    const order = keys.table.orders.get(idKey(id));
    const tasks = order?.kind === 'shipment' ? [keys.stop(order.index, 'pickup'), keys.stop(order.index, 'delivery')] : [id];
    const st = tasks.map((k) => jobStatus.get(k)).find((x) => x === 'done' || x === 'in-progress');
    if (st !== undefined) {
      issues.push({ code: 'conflict', pointer: pointer('cancelled', i), message: `${order?.kind === 'shipment' ? 'shipment' : 'job'} ${JSON.stringify(id)} is ${st === 'done' ? 'served' : 'in progress'} at now and cannot be cancelled` });
    }
  });
  issues.push(...shipmentOrderIssues(keys, plan, events, jobStatus, jobVehicle, vehicles));
  if (issues.length > 0) throw VrpkitError.fromIssues(issues);
  return { now, vehicles, jobStatus, jobVehicle, keys };
}
