/**
 * Merging: the frozen prefixes of the old plan plus the new plan of the
 * reduced problem, as one full plan view per vehicle.
 *
 * A departed vehicle's merged route is its old `start` step and frozen job
 * steps, untouched (`status` `done` / `in-progress`), followed by the new job
 * steps and end step with distances counted from the route's real start and
 * loads including what is on board outside the reduced problem. Where the new
 * plan has nothing for a vehicle on the road (emptied, or its shift is over),
 * it still drives to its end: that leg is computed with `leg`.
 *
 * An on-board shipment's delivery, a job of the reduced problem, is shown as
 * the shipment's `delivery` step again (stop id and `shipment`), and when the
 * new plan leaves it out it is listed as the shipment, with its goods still in
 * the van's loads.
 */
import type { Id, Location, Solution, Step, Unassigned, Vehicle, Problem } from '../model/types.js';
import type { StepStatus } from './events.js';
import type { OnBoard, Reduction } from './reduce.js';
import { idKey } from '../model/ids.js';

export interface MergedStep extends Step {
  status: StepStatus;
}

export interface MergedRoute {
  vehicle: Id;
  steps: MergedStep[];
  /** Where and when the re-planned part starts (vehicles on the road only). */
  restart?: { location?: Location; time: number };
  distance: number;
  /** End arrival − start departure. */
  duration: number;
  /** Under the vehicle's original costs (fixed + perDistance × distance + perDuration × duration). */
  cost: number;
}

export interface MergedPlan {
  routes: MergedRoute[];
  /** Jobs and shipments in no route: the solver's, those no vehicle was left for, and cancelled ones. */
  unassigned: Unassigned[];
  summary: { cost: number; distance: number; duration: number; routes: number; unassigned: number };
}

/** Travel time and distance between two locations of the reduced problem. */
export type Leg = (from: Location | undefined, to: Location) => { duration: number; distance: number };

function routeCost(vehicle: Vehicle, distance: number, duration: number): number {
  const c = vehicle.costs ?? {};
  return (c.fixed ?? 0) + (c.perDistance ?? 1) * distance + (c.perDuration ?? 0) * duration;
}

function withStatus(step: Step, status: StepStatus): MergedStep {
  return { ...step, load: [...step.load], status };
}

/** Where a task step is in the original problem's terms (a job by id, a stop by type, id and shipment). */
export type LocationOf = (step: { type: string; id?: Id; shipment?: Id }) => Location | undefined;

/**
 * A new step with its location in the original problem's terms (the solved
 * problem may use matrix indices); an on-board delivery job becomes its shipment's delivery step.
 */
function planned(step: Step, vehicle: Vehicle, locationOf: LocationOf | undefined, onBoard: Map<string, OnBoard>): MergedStep {
  const m = withStatus(step, 'planned');
  const board = step.type === 'job' && step.id !== undefined ? onBoard.get(idKey(step.id)) : undefined;
  if (board) {
    m.type = 'delivery';
    m.id = board.delivery;
    m.shipment = board.shipment;
  }
  if (locationOf) {
    if (m.type === 'job' || m.type === 'pickup' || m.type === 'delivery') {
      const loc = locationOf(m);
      if (loc !== undefined) m.location = loc;
    } else if (step.type === 'end' && vehicle.end !== undefined) m.location = vehicle.end;
    else if (step.type === 'start' && vehicle.start !== undefined) m.location = vehicle.start;
  }
  return m;
}

/**
 * Builds the full plan view from the reduction and the solver's solution of the
 * reduced problem. `leg` prices the drive home of vehicles the new plan leaves empty.
 */
export function mergePlan(
  problem: Problem,
  reduction: Reduction,
  solution: Solution,
  leg: Leg,
  locationOf?: LocationOf,
): MergedPlan {
  const newRoute = new Map<Id, Solution['routes'][number]>();
  for (const r of solution.routes) newRoute.set(r.vehicle, r);
  const routes: MergedRoute[] = [];
  const onBoard = new Map<string, OnBoard>((reduction.onBoard ?? []).map((b) => [idKey(b.shipment), b]));

  const unserved = new Set<Id>(solution.unassigned.map((u) => u.id));
  const stuck = new Map<Id, Id[]>();
  /** Per vehicle: goods of on-board shipments the new plan does not deliver. */
  const stuckShipments = new Map<Id, number[][]>();
  for (const r of reduction.restricted) {
    if (r.reason !== 'on-board') continue;
    const v = r.allowedVehicles[0];
    const board = onBoard.get(idKey(r.id));
    if (board) {
      if (!board.offered || unserved.has(r.id)) stuckShipments.set(v, [...(stuckShipments.get(v) ?? []), board.amount]);
      continue;
    }
    if (!unserved.has(r.id)) continue;
    stuck.set(v, [...(stuck.get(v) ?? []), r.id]);
  }
  for (const state of reduction.states) {
    const vehicle = problem.vehicles[state.vehicleIndex];
    const fresh = newRoute.get(state.vehicle);
    const freshJobs = fresh ? fresh.steps.some((s) => s.type === 'job' || s.type === 'pickup' || s.type === 'delivery') : false;
    let steps: MergedStep[] = [];
    let restart: MergedRoute['restart'];

    if (state.finished) {
      steps = state.frozenSteps.map((s) => withStatus(s, 'done'));
    } else if (!state.departed) {
      if (!fresh || !freshJobs) continue;
      steps = fresh.steps.map((s) => planned(s, vehicle, locationOf, onBoard));
    } else {
      steps = state.frozenSteps.map((s, i) => withStatus(s, state.frozenStatus[i]));
      restart = { location: state.start, time: state.readyTime };
      // On board outside the new route: pickups made, cancelled orders, and
      // on-board orders the new plan could not serve (they stay in the van).
      const extra = [...state.extraLoad];
      for (const id of stuck.get(state.vehicle) ?? []) {
        const delivery = reduction.problem.jobs.find((j) => j.id === id)?.delivery ?? [];
        for (let d = 0; d < extra.length; d++) extra[d] += delivery[d] ?? 0;
      }
      for (const amount of stuckShipments.get(state.vehicle) ?? []) for (let d = 0; d < extra.length; d++) extra[d] += amount[d] ?? 0;
      if (fresh && freshJobs) {
        restart.time = fresh.steps[0]?.type === 'start' ? fresh.steps[0].departure : state.readyTime;
        for (const s of fresh.steps) {
          // The old start step stays; a vehicle without an old route starts here.
          if (s.type === 'start' && steps.length > 0) continue;
          const m = planned(s, vehicle, locationOf, onBoard);
          if (s.type === 'start') m.location = state.start;
          m.distance += state.frozenDistance;
          m.load = s.load.map((x, d) => x + (extra[d] ?? 0));
          steps.push(m);
        }
      } else {
        // Nothing left to do: the vehicle drives from where it is to its end.
        const t = state.readyTime;
        // What is left on board: pickups made and goods of cancelled or unserved orders.
        const load = [...extra];
        let arrival = t;
        let distance = state.frozenDistance;
        if (vehicle.end !== undefined) {
          const l = leg(state.start, vehicle.end);
          arrival = t + l.duration;
          distance += l.distance;
        }
        steps.push({ type: 'end', location: vehicle.end, arrival, waiting: 0, serviceStart: arrival, departure: arrival, load, distance, status: 'planned' });
      }
    }
    if (steps.length === 0) continue;
    const first = steps[0];
    const last = steps[steps.length - 1];
    const startTime = first.type === 'start' ? first.departure : first.arrival;
    const endTime = last.type === 'end' ? last.arrival : last.departure;
    const distance = last.distance;
    const duration = endTime - startTime;
    routes.push({ vehicle: state.vehicle, steps, restart, distance, duration, cost: routeCost(vehicle, distance, duration) });
  }

  const shipmentStops = new Map<string, Pick<Unassigned, 'type' | 'pickup' | 'delivery'>>(
    (problem.shipments ?? []).map((sh) => [idKey(sh.id), { type: 'shipment', pickup: sh.pickup.id ?? sh.id, delivery: sh.delivery.id ?? sh.id }]),
  );
  const unassigned: Unassigned[] = [
    ...solution.unassigned.map((u) => {
      const board = onBoard.get(idKey(u.id));
      if (!board) return { ...u };
      const message = `its goods are on board vehicle ${JSON.stringify(board.vehicle)} (picked up), but the new plan cannot deliver them${u.message ? `: ${u.message}` : ''}`;
      return { id: board.shipment, type: 'shipment' as const, pickup: board.pickup, delivery: board.delivery, reason: u.reason, message };
    }),
    ...reduction.preUnassigned.map((u) => ({ ...u })),
    ...reduction.cancelled.map((id): Unassigned => ({ id, ...(shipmentStops.get(idKey(id)) ?? {}), reason: 'cancelled', message: 'cancelled by the caller' })),
  ];
  const summary = {
    cost: routes.reduce((a, r) => a + r.cost, 0),
    distance: routes.reduce((a, r) => a + r.distance, 0),
    duration: routes.reduce((a, r) => a + r.duration, 0),
    routes: routes.length,
    unassigned: unassigned.length,
  };
  return { routes, unassigned, summary };
}
