/**
 * Problem reduction: re-states the future of a plan as a fresh `Problem`.
 *
 * Frozen steps (served, in progress) leave the problem. A vehicle on the road
 * starts where it is, when it is free, keeps its end and shift end, pays no
 * fixed cost again (it is already out) and has its capacity reduced by what is
 * on board that no remaining job accounts for (pickups made, goods of cancelled
 * orders). Deliveries of its remaining jobs are on board, so those jobs stay
 * on it (`allowedVehicles = [it]`), and no other delivery can join it. Jobs the
 * old plan promised carry `preferredVehicle` + `reassignmentPenalty` so that
 * the solver only moves them when it pays.
 *
 * Shipments (docs/semantics.md, "Re-planning with shipments"): both stops
 * frozen → served, gone; pickup frozen only → on board: its delivery becomes a
 * job of the reduced problem with the shipment's id, `delivery` = its amount
 * (riding from the start) and only the vehicle holding it allowed; neither →
 * an ordinary shipment.
 */
import type { Id, Job, Location, Problem, Solution, Step, Unassigned, Vehicle } from '../model/types.js';
import type { PlanProgress, ReplanEvents, RouteProgress, StepStatus } from './events.js';
import type { TaskKeys } from './stops.js';
import { reduceShipments, type OnBoard } from './reduce-shipments.js';

export type { OnBoard } from './reduce-shipments.js';

export interface ReduceOptions {
  /**
   * Added to the search objective for every promised job (one the old plan
   * routed and that is not frozen) served by another vehicle than promised.
   * Default: the old plan's cost per routed job (so moving a promise costs
   * about as much as serving a job); 0 turns promises off.
   */
  promisePenalty?: number;
}

/** What the reduction keeps of one vehicle, for merging the new plan back. */
export interface VehicleState {
  vehicle: Id;
  vehicleIndex: number;
  /** `start` step + frozen job steps of the old route (empty when the vehicle had not left). */
  frozenSteps: Step[];
  /** Status of each frozen step (only the last job step can be `in-progress`). */
  frozenStatus: StepStatus[];
  departed: boolean;
  /** Finished its route before `now`: kept whole, not re-planned. */
  finished: boolean;
  /** Departed but its shift ends before it is free again: not re-planned. */
  retired: boolean;
  /** Offered to the solver (in the reduced problem). */
  available: boolean;
  /** Where the re-planned route starts (undefined: the vehicle's own start, or none). */
  start?: Location;
  /** When the re-planned route may leave `start`. */
  readyTime: number;
  /** Per dimension: load on board that no remaining job of the reduced problem accounts for. */
  extraLoad: number[];
  /** Distance driven by the frozen prefix. */
  frozenDistance: number;
}

/** A job whose allowed vehicles the reduction narrowed. */
export interface Restriction {
  id: Id;
  allowedVehicles: Id[];
  /** `on-board`: its goods are on this vehicle; `not-loaded`: vehicles on the road cannot load it. */
  reason: 'on-board' | 'not-loaded';
}

export interface Reduction {
  problem: Problem;
  states: VehicleState[];
  /** Jobs that could not be offered to the solver (no vehicle left for them). */
  preUnassigned: Unassigned[];
  restricted: Restriction[];
  /** Cancelled job and shipment ids that were still in the problem or plan. */
  cancelled: Id[];
  /** Shipments on board a vehicle (pickup done, delivery not). */
  onBoard: OnBoard[];
  /** Remaining tasks in old-plan order per vehicle (warm start). */
  initialSolution: { routes: { vehicle: Id; steps: { type: 'start' | 'job' | 'pickup' | 'delivery' | 'end'; id?: Id; shipment?: Id }[] }[] };
  promisePenalty: number;
}

/** True when a job brings goods from the start (a positive delivery in some dimension). */
export function hasDelivery(job: Job): boolean {
  return (job.delivery ?? []).some((x) => x > 0);
}

function dims(problem: Problem, events: ReplanEvents): number {
  for (const v of problem.vehicles) if (v.capacity) return v.capacity.length;
  for (const j of [...problem.jobs, ...(events.newJobs ?? [])]) {
    if (j.delivery) return j.delivery.length;
    if (j.pickup) return j.pickup.length;
  }
  for (const sh of problem.shipments ?? []) if (sh.amount) return sh.amount.length;
  return 0;
}

function addInto(acc: number[], amounts: number[] | undefined): void {
  if (!amounts) return;
  for (let d = 0; d < acc.length && d < amounts.length; d++) acc[d] += amounts[d];
}

/** The default promise penalty: the old plan's cost per routed task (job or shipment stop; 0 for an empty plan). */
export function defaultPromisePenalty(plan: Solution): number {
  let routed = 0;
  for (const r of plan.routes) for (const s of r.steps) if (s.type === 'job' || s.type === 'pickup' || s.type === 'delivery') routed++;
  const cost = plan.summary?.cost ?? plan.routes.reduce((a, r) => a + (r.cost ?? 0), 0);
  return routed > 0 && Number.isFinite(cost) ? Math.max(0, cost / routed) : 0;
}

/**
 * Builds the reduced problem from the old plan's progress and the events.
 * Pure: the inputs are not modified.
 */
export function reduceProblem(
  problem: Problem,
  plan: Solution,
  progress: PlanProgress,
  events: ReplanEvents,
  options: ReduceOptions = {},
): Reduction {
  const now = progress.now;
  const nDims = dims(problem, events);
  const jobById = new Map<Id, Job>(problem.jobs.map((j) => [j.id, j]));
  const cancelledSet = new Set<Id>(events.cancelled ?? []);
  const promisePenalty = options.promisePenalty ?? defaultPromisePenalty(plan);

  const states: VehicleState[] = [];
  const vehicles: Vehicle[] = [];
  for (const rp of progress.vehicles) {
    const vehicle = problem.vehicles[rp.vehicleIndex];
    const state = vehicleState(plan, rp, vehicle, jobById, cancelledSet, nDims, now, progress.keys);
    states.push(state);
    if (state.finished || state.retired) continue;
    const reduced = reducedVehicle(vehicle, state, now);
    if (reduced) {
      vehicles.push(reduced);
      state.available = true;
    }
  }
  const available = new Set<Id>(vehicles.map((v) => v.id));
  const departed = new Set<Id>(states.filter((s) => s.departed).map((s) => s.vehicle));
  const stateOf = new Map<Id, VehicleState>(states.map((s) => [s.vehicle, s]));

  const jobs: Job[] = [];
  const preUnassigned: Unassigned[] = [];
  const restricted: Restriction[] = [];
  const cancelled: Id[] = [];
  const seen = new Set<Id>();
  const offered = new Map<Id, Job>();
  const offer = (job: Job, promisedTo: Id | undefined) => {
    if (seen.has(job.id)) return;
    seen.add(job.id);
    if (cancelledSet.has(job.id)) {
      cancelled.push(job.id);
      return;
    }
    const out: Job = { ...job };
    const onDeparted = promisedTo !== undefined && departed.has(promisedTo);
    if (onDeparted) {
      // The order has left the depot: its SLA dispatch window no longer applies.
      delete out.releaseTime;
      delete out.dispatchDeadline;
    }
    let allowed: Id[] | undefined = job.allowedVehicles;
    if (onDeparted && hasDelivery(job)) {
      allowed = [promisedTo];
      restricted.push({ id: job.id, allowedVehicles: allowed, reason: 'on-board' });
    } else if (hasDelivery(job) && departed.size > 0) {
      const base = job.allowedVehicles ?? problem.vehicles.map((v) => v.id);
      const narrowed = base.filter((v) => !departed.has(v));
      if (narrowed.length < base.length) restricted.push({ id: job.id, allowedVehicles: narrowed, reason: 'not-loaded' });
      allowed = narrowed;
    }
    if (allowed !== undefined) {
      allowed = allowed.filter((v) => available.has(v));
      if (allowed.length === 0) {
        const holder = onDeparted ? stateOf.get(promisedTo) : undefined;
        preUnassigned.push({
          id: job.id,
          reason: 'no-vehicle',
          message: holder?.retired
            ? `its goods are on vehicle ${JSON.stringify(promisedTo)}, whose shift is over`
            : 'no vehicle that may serve it is available (vehicles on the road cannot load new deliveries)',
        });
        return;
      }
      out.allowedVehicles = allowed;
    }
    if (promisedTo !== undefined && promisePenalty > 0 && available.has(promisedTo)) {
      out.preferredVehicle = promisedTo;
      out.reassignmentPenalty = promisePenalty;
    } else if (out.preferredVehicle !== undefined && !available.has(out.preferredVehicle)) {
      delete out.preferredVehicle;
      delete out.reassignmentPenalty;
    }
    jobs.push(out);
    offered.set(out.id, out);
  };

  // Shipments: served (both stops frozen), on board (pickup frozen) or open.
  const keys = progress.keys;
  const ships = reduceShipments(problem, progress, available, cancelledSet, nDims);
  restricted.push(...ships.restricted);
  preUnassigned.push(...ships.preUnassigned);
  const onBoardOf = new Map<number, OnBoard>(ships.onBoard.map((b) => [b.shipmentIndex, b]));
  const openOf = ships.open;

  const initialRoutes: Reduction['initialSolution']['routes'] = [];
  for (const rp of progress.vehicles) {
    const state = stateOf.get(rp.vehicle)!;
    const frozen = new Set<Id>(rp.frozen);
    const remaining = rp.jobs.filter((id) => !frozen.has(id));
    if (state.finished) continue;
    // Skipped tasks come first: the driver will have to go back for them.
    const order = [...rp.skipped, ...remaining.filter((id) => !rp.skipped.includes(id))];
    for (const id of order) if (!keys.stopOf(id)) offer(jobById.get(id)!, rp.vehicle);
    for (const id of rp.frozen) if (!keys.stopOf(id)) seen.add(id);
    if (available.has(rp.vehicle)) {
      const inOrder = new Set<Id>(order);
      const steps: Reduction['initialSolution']['routes'][number]['steps'] = [];
      for (const id of order) {
        const stop = keys.stopOf(id);
        if (!stop) {
          const job = offered.get(id);
          if (job !== undefined && (job.allowedVehicles?.includes(rp.vehicle) ?? true)) steps.push({ type: 'job', id });
          continue;
        }
        const s = stop.shipmentIndex;
        const board = onBoardOf.get(s);
        if (board) {
          if (board.offered && board.vehicle === rp.vehicle) steps.push({ type: 'job', id: board.shipment });
          continue;
        }
        const sh = openOf.get(s);
        // An open shipment starts warm only when both its stops are on this route, pickup first.
        if (!sh || !inOrder.has(keys.stop(s, 'pickup')) || !inOrder.has(keys.stop(s, 'delivery'))) continue;
        if (order.indexOf(keys.stop(s, 'pickup')) > order.indexOf(keys.stop(s, 'delivery'))) continue;
        if (sh.allowedVehicles !== undefined && !sh.allowedVehicles.includes(rp.vehicle)) continue;
        steps.push({ type: stop.type as 'pickup' | 'delivery', id: stop.id, shipment: sh.id });
      }
      if (steps.length > 0) initialRoutes.push({ vehicle: rp.vehicle, steps: [{ type: 'start' }, ...steps, { type: 'end' }] });
    }
  }
  for (const rp of progress.vehicles) for (const id of rp.jobs) if (!keys.stopOf(id)) seen.add(id);
  for (const job of problem.jobs) offer(job, undefined);
  for (const job of events.newJobs ?? []) offer(job, undefined);
  jobs.push(...ships.jobs);
  cancelled.push(...ships.cancelled);

  const reduced: Problem = { ...problem, jobs, vehicles };
  if (problem.shipments !== undefined) reduced.shipments = [...ships.open.values()];
  return {
    problem: reduced,
    states,
    preUnassigned,
    restricted,
    cancelled,
    onBoard: ships.onBoard,
    initialSolution: { routes: initialRoutes },
    promisePenalty,
  };
}

function vehicleState(
  plan: Solution,
  rp: RouteProgress,
  vehicle: Vehicle,
  jobById: Map<Id, Job>,
  cancelled: Set<Id>,
  nDims: number,
  now: number,
  keys: TaskKeys,
): VehicleState {
  const steps = rp.routeIndex >= 0 ? plan.routes[rp.routeIndex].steps : [];
  const extraLoad = new Array<number>(nDims).fill(0);
  const base: VehicleState = {
    vehicle: rp.vehicle,
    vehicleIndex: rp.vehicleIndex,
    frozenSteps: [],
    frozenStatus: [],
    departed: rp.departed,
    finished: rp.finished,
    retired: false,
    available: false,
    readyTime: now,
    extraLoad,
    frozenDistance: 0,
  };
  if (rp.finished) {
    base.frozenSteps = steps.map((s) => ({ ...s }));
    base.frozenStatus = steps.map((): StepStatus => 'done');
    return base;
  }
  if (!rp.departed) return base;
  const frozen = new Set<Id>(rp.frozen);
  const startStep = steps.find((s) => s.type === 'start');
  const frozenSteps: Step[] = [];
  if (startStep) frozenSteps.push({ ...startStep });
  for (const s of steps) {
    const key = keys.ofStep(s);
    if (key !== undefined && s.type !== 'break' && frozen.has(key)) frozenSteps.push({ ...s });
  }
  base.frozenSteps = frozenSteps;
  base.frozenStatus = frozenSteps.map((s, i): StepStatus => (rp.inProgress && s.type !== 'start' && i === frozenSteps.length - 1 ? 'in-progress' : 'done'));
  const last = frozenSteps[frozenSteps.length - 1];
  base.frozenDistance = last?.distance ?? 0;
  // Goods on board that no remaining job of the reduced problem will account for.
  for (const id of rp.frozen) addInto(extraLoad, jobById.get(id)?.pickup);
  for (const id of rp.jobs) if (!frozen.has(id) && cancelled.has(id)) addInto(extraLoad, jobById.get(id)?.delivery);

  const lastTaskStep = frozenSteps.filter((s) => s.type !== 'start').pop();
  const lastLocation: Location | undefined = lastTaskStep ? keys.location(keys.ofStep(lastTaskStep)!, jobById) : vehicle.start;
  const position = rp.position;
  base.start = position ? position.location : lastLocation;
  // With a live position the vehicle is free there at `at` (default now), unless
  // it is still serving a job; without one it is free at the last frozen departure.
  let ready = now;
  if (position) ready = Math.max(ready, position.at ?? now);
  if (last && (!position || rp.inProgress)) ready = Math.max(ready, last.departure);
  base.readyTime = ready;
  const shiftEnd = vehicle.shift ? vehicle.shift[1] : Infinity;
  if (ready > shiftEnd) base.retired = true;
  return base;
}

function reducedVehicle(vehicle: Vehicle, state: VehicleState, now: number): Vehicle | undefined {
  const shiftStart = vehicle.shift ? vehicle.shift[0] : -Infinity;
  const shiftEnd = vehicle.shift ? vehicle.shift[1] : Infinity;
  if (!state.departed) {
    // Still at its start: it cannot leave in the past.
    const start = Math.max(shiftStart, now);
    if (start > shiftEnd) return undefined;
    return { ...vehicle, shift: [start, shiftEnd] };
  }
  const out: Vehicle = { ...vehicle, shift: [state.readyTime, shiftEnd] };
  if (state.start !== undefined) out.start = state.start;
  else delete out.start;
  if (vehicle.capacity) out.capacity = vehicle.capacity.map((c, d) => Math.max(0, c - (state.extraLoad[d] ?? 0)));
  // Its fixed cost is paid already (it is out); re-paying it would push jobs off it.
  out.costs = { ...(vehicle.costs ?? {}), fixed: 0 };
  const startDeparture = state.frozenSteps[0]?.type === 'start' ? state.frozenSteps[0].departure : state.readyTime;
  if (vehicle.maxDuration !== undefined) out.maxDuration = Math.max(0, vehicle.maxDuration - (state.readyTime - startDeparture));
  if (vehicle.maxDistance !== undefined) out.maxDistance = Math.max(0, vehicle.maxDistance - state.frozenDistance);
  return out;
}
