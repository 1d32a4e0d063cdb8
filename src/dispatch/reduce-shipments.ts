/**
 * The shipments of a reduced problem (docs/semantics.md, "Re-planning with
 * shipments"): both stops frozen → served, gone; the pickup frozen → on board:
 * the delivery becomes a job with the shipment's id, `delivery` = its amount
 * (riding from the vehicle's restart) and only the holding vehicle allowed;
 * neither → an open shipment for any available vehicle it allows.
 */
import { stopId } from '../model/tasks.js';
import type { Id, Job, Problem, Shipment, Unassigned } from '../model/types.js';
import type { PlanProgress } from './events.js';
import type { Restriction } from './reduce.js';

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
