/**
 * The shipments of a reduced problem (docs/semantics.md, "Re-planning with
 * shipments"): both stops frozen → served, gone; the pickup frozen → on board:
 * the delivery becomes a job with the shipment's id, `delivery` = its amount
 * (riding from the vehicle's restart) and only the holding vehicle allowed;
 * neither → an open shipment for any available vehicle it allows.
 *
 * An on-board delivery its vehicle cannot make even alone (`settleOnBoard`,
 * e.g. its window has passed) is unassigned before the search, and its goods
 * count against that vehicle's capacity for the rest of its route.
 */
import { stopId } from '../model/tasks.js';
import { idKey } from '../model/ids.js';
import { evaluateRoute, routeContext, type Violation } from '../model/check-route.js';
import type { Id, Job, Problem, Shipment, Unassigned, UnassignedReason } from '../model/types.js';
import type { PlanProgress } from './events.js';
import type { Reduction, Restriction } from './reduce.js';

/** A shipment picked up and not delivered: its delivery is a job of the reduced problem, pinned to `vehicle`. */
export interface OnBoard {
  /** The shipment id, also the id of its delivery job in the reduced problem. */
  shipment: Id;
  /** Index in the original `problem.shipments`. */
  shipmentIndex: number;
  /** Stop ids of its pickup and delivery. */
  pickup: Id;
  delivery: Id;
  /** The vehicle it is on. */
  vehicle: Id;
  /** Per dimension: what is on board. */
  amount: number[];
  /** Whether its delivery job is in the reduced problem (false when the vehicle is not re-planned). */
  offered: boolean;
}

export interface ShipmentReduction {
  /** Open shipments by index in `problem.shipments` (in that order), allowed vehicles narrowed to available ones. */
  open: Map<number, Shipment>;
  onBoard: OnBoard[];
  /** The delivery jobs of the offered on-board shipments. */
  jobs: Job[];
  preUnassigned: Unassigned[];
  restricted: Restriction[];
  cancelled: Id[];
}

/** Sorts every shipment of `problem` into served, on board, cancelled, unservable or open. */
export function reduceShipments(problem: Problem, progress: PlanProgress, available: Set<Id>, cancelledSet: Set<Id>, nDims: number): ShipmentReduction {
  const out: ShipmentReduction = { open: new Map(), onBoard: [], jobs: [], preUnassigned: [], restricted: [], cancelled: [] };
  const keys = progress.keys;
  const frozen = (key: Id) => {
    const st = progress.jobStatus.get(key);
    return st === 'done' || st === 'in-progress';
  };
  (problem.shipments ?? []).forEach((sh, s) => {
    if (frozen(keys.stop(s, 'delivery'))) return;
    const ids = { pickup: stopId(sh, 'pickup'), delivery: stopId(sh, 'delivery') };
    if (frozen(keys.stop(s, 'pickup'))) {
      const holder = progress.jobVehicle.get(keys.stop(s, 'pickup'))!;
      const amount = sh.amount ? [...sh.amount] : new Array<number>(nDims).fill(0);
      const entry: OnBoard = { shipment: sh.id, shipmentIndex: s, ...ids, vehicle: holder, amount, offered: false };
      out.onBoard.push(entry);
      out.restricted.push({ id: sh.id, allowedVehicles: [holder], reason: 'on-board' });
      if (!available.has(holder)) {
        out.preUnassigned.push({
          id: sh.id,
          type: 'shipment',
          ...ids,
          reason: 'no-vehicle',
          message: `its goods are on board vehicle ${JSON.stringify(holder)}, which is not re-planned (its shift is over)`,
        });
        return;
      }
      entry.offered = true;
      out.jobs.push(onBoardJob(sh, holder, amount, nDims));
      return;
    }
    if (cancelledSet.has(sh.id)) {
      out.cancelled.push(sh.id);
      return;
    }
    const open: Shipment = { ...sh };
    if (sh.allowedVehicles !== undefined) {
      open.allowedVehicles = sh.allowedVehicles.filter((v) => available.has(v));
      if (open.allowedVehicles.length === 0) {
        out.preUnassigned.push({ id: sh.id, type: 'shipment', ...ids, reason: 'no-vehicle', message: 'no vehicle that may serve it is available' });
        return;
      }
    }
    out.open.set(s, open);
  });
  return out;
}

/** The delivery of an on-board shipment as a job pinned to `vehicle`: its amount rides from the start. */
export function onBoardJob(sh: Shipment, vehicle: Id, amount: number[], nDims: number): Job {
  const stop = sh.delivery;
  const job: Job = { id: sh.id, location: stop.location, allowedVehicles: [vehicle] };
  if (nDims > 0) {
    job.delivery = [...amount];
    job.pickup = new Array<number>(nDims).fill(0);
  }
  if (stop.serviceDuration !== undefined) job.serviceDuration = stop.serviceDuration;
  if (stop.setupDuration !== undefined) job.setupDuration = stop.setupDuration;
  if (stop.serviceDurationPerType !== undefined) job.serviceDurationPerType = stop.serviceDurationPerType;
  if (stop.setupDurationPerType !== undefined) job.setupDurationPerType = stop.setupDurationPerType;
  if (stop.timeWindows !== undefined) job.timeWindows = stop.timeWindows;
  if (stop.latenessCost !== undefined) job.latenessCost = stop.latenessCost;
  if (stop.maxLateness !== undefined) job.maxLateness = stop.maxLateness;
  if (sh.skills !== undefined) job.skills = sh.skills;
  if (sh.priority !== undefined) job.priority = sh.priority;
  if (stop.data !== undefined) job.data = stop.data;
  return job;
}

/** Checker violations → the unassigned reason they stand for, most basic first. */
const REASONS: [Violation['code'][], UnassignedReason][] = [
  [['unreachable'], 'unreachable'],
  [['capacity'], 'capacity'],
  [['skills'], 'skills'],
  [['service-radius'], 'service-radius'],
  [['max-tasks'], 'max-tasks'],
  [['late', 'shift-start', 'shift-end'], 'time-window'],
  [['break-window', 'break-load', 'missing-break'], 'break'],
  [['max-duration'], 'max-duration'],
  [['max-distance'], 'max-distance'],
  [['max-travel-time'], 'max-travel-time'],
];

/**
 * Takes out of `problem` (the reduced problem, travel up to date) every
 * on-board delivery its vehicle cannot serve even alone — from where it is,
 * when it is free, then to its end; no longer route can do better — and
 * lowers that vehicle's capacity by the goods it keeps carrying. Returns the
 * problem to solve and the reduction with those shipments unassigned.
 */
export function settleOnBoard(problem: Problem, reduction: Reduction): { problem: Problem; reduction: Reduction } {
  const offered = reduction.onBoard.filter((b) => b.offered);
  if (offered.length === 0) return { problem, reduction };
  const ctx = routeContext(problem);
  const jobIndex = new Map<string, number>(problem.jobs.map((j, i) => [idKey(j.id), i]));
  const vehicleIndex = new Map<string, number>(problem.vehicles.map((v, k) => [idKey(v.id), k]));
  const dropped = new Map<string, Unassigned>();
  const carried = new Map<number, number[]>();
  const sink: Violation[] = [];
  for (const b of offered) {
    const j = jobIndex.get(idKey(b.shipment));
    const k = vehicleIndex.get(idKey(b.vehicle));
    if (j === undefined || k === undefined) continue;
    sink.length = 0;
    const shift = problem.vehicles[k].shift;
    const departure = shift && Number.isFinite(shift[0]) ? shift[0] : undefined;
    const r = evaluateRoute(ctx, 0, k, [j], departure, sink);
    if (r.feasible && sink.length === 0) continue;
    const codes = new Set(sink.map((v) => v.code));
    const reason = REASONS.find(([cs]) => cs.some((c) => codes.has(c)))?.[1] ?? 'time-window';
    const why = sink.map((v) => v.message).join('; ');
    dropped.set(idKey(b.shipment), {
      id: b.shipment,
      type: 'shipment',
      pickup: b.pickup,
      delivery: b.delivery,
      reason,
      message: `its goods are on board vehicle ${JSON.stringify(b.vehicle)} (picked up), which cannot deliver them even going there directly: ${why}`,
    });
    const acc = carried.get(k) ?? [];
    b.amount.forEach((a, d) => (acc[d] = (acc[d] ?? 0) + a));
    carried.set(k, acc);
  }
  if (dropped.size === 0) return { problem, reduction };
  const keep = (id: Id | undefined) => id === undefined || !dropped.has(idKey(id));
  const vehicles = problem.vehicles.map((v, k) => {
    const extra = carried.get(k);
    if (!extra || !v.capacity) return v;
    return { ...v, capacity: v.capacity.map((c, d) => Math.max(0, c - (extra[d] ?? 0))) };
  });
  const capacityOf = new Map<string, number[]>();
  vehicles.forEach((v, k) => {
    if (carried.has(k) && v.capacity) capacityOf.set(idKey(v.id), v.capacity);
  });
  const out: Reduction = {
    ...reduction,
    problem: {
      ...reduction.problem,
      jobs: reduction.problem.jobs.filter((j) => keep(j.id)),
      vehicles: reduction.problem.vehicles.map((v) => (capacityOf.has(idKey(v.id)) ? { ...v, capacity: capacityOf.get(idKey(v.id)) } : v)),
    },
    onBoard: reduction.onBoard.map((b) => (dropped.has(idKey(b.shipment)) ? { ...b, offered: false } : b)),
    preUnassigned: [...reduction.preUnassigned, ...dropped.values()],
    initialSolution: {
      routes: reduction.initialSolution.routes
        .map((r) => ({ ...r, steps: r.steps.filter((s) => s.type !== 'job' || keep(s.id)) }))
        .filter((r) => r.steps.some((s) => s.type !== 'start' && s.type !== 'end')),
    },
  };
  return { problem: { ...problem, jobs: problem.jobs.filter((j) => keep(j.id)), vehicles }, reduction: out };
}
