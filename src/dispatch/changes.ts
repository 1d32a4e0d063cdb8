/**
 * What re-planning changed, in the words a dispatcher uses: how many open jobs
 * changed vehicle or position (the route change rate), whose ETA moved and by
 * how much, which jobs moved between vehicles, which became unassigned.
 *
 * Definitions (all over the jobs the old plan routed that are still open —
 * neither frozen nor cancelled):
 * - a job's *position* is its index among the jobs of its route that are
 *   routed in both plans (so cancelling a stop does not move the stops after it),
 * - `routeChangeRate` = jobs whose vehicle or position changed, or that are now
 *   unassigned, divided by the open jobs compared (0 when there are none),
 * - ETA delta = new arrival − old arrival, for open jobs routed in both plans.
 *
 * Shipments: each stop is compared like a job (by its task key, `stops.ts`);
 * `changed`, `moved`, `newlyUnassigned` and `skipped` name the shipment once
 * (its id), `compared` counts it once, and an ETA move names the stop (`id` =
 * stop id, `type`, `shipment`).
 */
import type { Id, Solution, Unassigned } from '../model/types.js';
import type { PlanProgress } from './events.js';
import type { MergedPlan } from './merge.js';
import type { Restriction } from './reduce.js';
import type { TaskKeys } from './stops.js';
import { idKey } from '../model/ids.js';

export interface EtaMove {
  /** The job id, or the stop id of a shipment stop. */
  id: Id;
  /** `pickup` / `delivery` for a shipment stop (absent for a job). */
  type?: 'pickup' | 'delivery';
  /** The shipment id of a stop. */
  shipment?: Id;
  vehicle: Id;
  oldArrival: number;
  newArrival: number;
  /** newArrival − oldArrival. */
  delta: number;
}

export interface ReplanChanges {
  /** Open jobs compared: routed in the old plan, not frozen, not cancelled. */
  compared: number;
  /** Those whose vehicle or position changed, or that are now unassigned. */
  changed: Id[];
  /** changed / compared (0 when nothing is compared). */
  routeChangeRate: number;
  /** Jobs served by another vehicle than in the old plan. */
  moved: { id: Id; from: Id; to: Id }[];
  /** Open jobs routed in both plans whose arrival changed (any amount). */
  etaMoves: EtaMove[];
  /** The threshold used for `etaMovedBeyondThreshold` (time units). */
  etaThreshold: number;
  /** How many ETAs moved by more than `etaThreshold` (either direction). */
  etaMovedBeyondThreshold: number;
  /** Largest absolute ETA move (0 when none). */
  maxEtaMove: number;
  /** Jobs routed in the old plan and unassigned now, with reasons (cancelled ones excluded). */
  newlyUnassigned: Unassigned[];
  /** New orders and where they went. */
  added: { id: Id; vehicle?: Id; reason?: string }[];
  cancelled: Id[];
  /** Jobs whose allowed vehicles were narrowed (goods on board / vehicles on the road cannot load). */
  restricted: Restriction[];
  /** Planned jobs the events skipped over (a later stop was served first); re-planned. */
  skipped: Id[];
  frozen: { served: number; inProgress: number };
  /** Vehicles on the road that are not re-planned: their shift ends before they are free. */
  retiredVehicles: Id[];
}

export interface ChangeInput {
  oldPlan: Solution;
  merged: MergedPlan;
  progress: PlanProgress;
  newJobIds: Id[];
  cancelled: Id[];
  restricted: Restriction[];
  retiredVehicles: Id[];
  etaThreshold: number;
}

interface Placement {
  vehicle: Id;
  arrival: number;
}

type Steps = { vehicle: Id; steps: { type: string; id?: Id; shipment?: Id; arrival: number }[] }[];

/** Task key → vehicle and arrival, over the task steps of `routes`. */
function placements(routes: Steps, keys: TaskKeys): Map<Id, Placement> {
  const out = new Map<Id, Placement>();
  for (const r of routes) {
    for (const s of r.steps) {
      const key = s.type === 'job' || s.type === 'pickup' || s.type === 'delivery' ? keys.ofStep(s) : undefined;
      if (key !== undefined) out.set(key, { vehicle: r.vehicle, arrival: s.arrival });
    }
  }
  return out;
}

/** Relative positions of the tasks in `keep`, per route. */
function positions(routes: Steps, keys: TaskKeys, keep: (id: Id) => boolean): Map<Id, number> {
  const out = new Map<Id, number>();
  for (const r of routes) {
    let k = 0;
    for (const s of r.steps) {
      const key = s.type === 'job' || s.type === 'pickup' || s.type === 'delivery' ? keys.ofStep(s) : undefined;
      if (key !== undefined && keep(key)) out.set(key, k++);
    }
  }
  return out;
}

/** Appends `id` unless an id with the same string form is there. */
function addOnce<T extends { id: Id }>(list: T[], seen: Set<string>, item: T): void {
  if (seen.has(idKey(item.id))) return;
  seen.add(idKey(item.id));
  list.push(item);
}

/** Compares the old plan with the merged new plan. */
export function diffPlans(input: ChangeInput): ReplanChanges {
  const { oldPlan, merged, progress } = input;
  const keys = progress.keys;
  /** The order a task key belongs to: the job id, or the shipment id of a stop. */
  const orderOf = (key: Id): Id => keys.stopOf(key)?.shipment ?? key;
  const oldAt = placements(oldPlan.routes, keys);
  const newAt = placements(merged.routes, keys);
  const cancelled = new Set<string>(input.cancelled.map(idKey));
  const isCancelled = (key: Id) => cancelled.has(idKey(orderOf(key)));
  const inBoth = (id: Id) => oldAt.has(id) && newAt.has(id) && !isCancelled(id);
  const oldPos = positions(oldPlan.routes, keys, inBoth);
  const newPos = positions(merged.routes, keys, inBoth);
  const unassignedNow = new Map<string, Unassigned>(merged.unassigned.map((u) => [idKey(u.id), u]));

  const changed: { id: Id }[] = [];
  const changedSeen = new Set<string>();
  const moved: ReplanChanges['moved'] = [];
  const movedSeen = new Set<string>();
  const etaMoves: EtaMove[] = [];
  const newlyUnassigned: Unassigned[] = [];
  const unassignedSeen = new Set<string>();
  const comparedSeen = new Set<string>();
  for (const [key, before] of oldAt) {
    if (isCancelled(key)) continue;
    const status = progress.jobStatus.get(key);
    if (status === 'done' || status === 'in-progress') continue;
    const order = orderOf(key);
    comparedSeen.add(idKey(order));
    const after = newAt.get(key);
    if (!after) {
      addOnce(changed, changedSeen, { id: order });
      const u = unassignedNow.get(idKey(order));
      addOnce(newlyUnassigned, unassignedSeen, u ? { ...u } : { id: order, reason: 'fleet-exhausted', message: 'not in the new plan' });
      continue;
    }
    if (after.vehicle !== before.vehicle) addOnce(moved, movedSeen, { id: order, from: before.vehicle, to: after.vehicle });
    if (after.vehicle !== before.vehicle || oldPos.get(key) !== newPos.get(key)) addOnce(changed, changedSeen, { id: order });
    const delta = after.arrival - before.arrival;
    // Float noise from re-deriving the same schedule (|delta| ~1e-11) is not a move.
    if (Math.abs(delta) > 1e-9 * (1 + Math.abs(before.arrival))) {
      const ref = keys.stopOf(key);
      const named = ref ? { id: ref.id, type: ref.type as 'pickup' | 'delivery', shipment: ref.shipment } : { id: key };
      etaMoves.push({ ...named, vehicle: after.vehicle, oldArrival: before.arrival, newArrival: after.arrival, delta });
    }
  }
  const compared = comparedSeen.size;

  let served = 0;
  let inProgress = 0;
  for (const st of progress.jobStatus.values()) {
    if (st === 'done') served++;
    else if (st === 'in-progress') inProgress++;
  }
  // Jobs re-planned because the driver went past them count as skipped.
  const skipped: { id: Id }[] = [];
  const skippedSeen = new Set<string>();
  for (const v of progress.vehicles) for (const key of v.skipped) addOnce(skipped, skippedSeen, { id: orderOf(key) });
  const threshold = input.etaThreshold;
  return {
    compared,
    changed: changed.map((c) => c.id),
    routeChangeRate: compared > 0 ? changed.length / compared : 0,
    moved,
    etaMoves,
    etaThreshold: threshold,
    etaMovedBeyondThreshold: etaMoves.filter((m) => Math.abs(m.delta) > threshold).length,
    maxEtaMove: etaMoves.reduce((a, m) => Math.max(a, Math.abs(m.delta)), 0),
    newlyUnassigned,
    added: input.newJobIds.map((id) => {
      const at = newAt.get(id);
      if (at) return { id, vehicle: at.vehicle };
      return { id, reason: unassignedNow.get(idKey(id))?.reason ?? 'fleet-exhausted' };
    }),
    cancelled: [...input.cancelled],
    restricted: input.restricted.map((r) => ({ ...r, allowedVehicles: [...r.allowedVehicles] })),
    skipped: skipped.map((x) => x.id),
    frozen: { served, inProgress },
    retiredVehicles: [...input.retiredVehicles],
  };
}
