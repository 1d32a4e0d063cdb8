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
 */
import type { Id, Solution, Unassigned } from '../model/types.js';
import type { PlanProgress } from './events.js';
import type { MergedPlan } from './merge.js';
import type { Restriction } from './reduce.js';

export interface EtaMove {
  id: Id;
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

function placements(routes: { vehicle: Id; steps: { type: string; id?: Id; arrival: number }[] }[]): Map<Id, Placement> {
  const out = new Map<Id, Placement>();
  for (const r of routes) for (const s of r.steps) if (s.type === 'job') out.set(s.id as Id, { vehicle: r.vehicle, arrival: s.arrival });
  return out;
}

/** Relative positions of the jobs in `keep`, per route. */
function positions(routes: { vehicle: Id; steps: { type: string; id?: Id }[] }[], keep: (id: Id) => boolean): Map<Id, number> {
  const out = new Map<Id, number>();
  for (const r of routes) {
    let k = 0;
    for (const s of r.steps) if (s.type === 'job' && keep(s.id as Id)) out.set(s.id as Id, k++);
  }
  return out;
}

/** Compares the old plan with the merged new plan. */
export function diffPlans(input: ChangeInput): ReplanChanges {
  const { oldPlan, merged, progress } = input;
  const oldAt = placements(oldPlan.routes);
  const newAt = placements(merged.routes);
  const cancelled = new Set<Id>(input.cancelled);
  const inBoth = (id: Id) => oldAt.has(id) && newAt.has(id) && !cancelled.has(id);
  const oldPos = positions(oldPlan.routes, inBoth);
  const newPos = positions(merged.routes, inBoth);
  const unassignedNow = new Map<Id, Unassigned>(merged.unassigned.map((u) => [u.id, u]));

  const changed: Id[] = [];
  const moved: ReplanChanges['moved'] = [];
  const etaMoves: EtaMove[] = [];
  const newlyUnassigned: Unassigned[] = [];
  let compared = 0;
  for (const [id, before] of oldAt) {
    if (cancelled.has(id)) continue;
    const status = progress.jobStatus.get(id);
    if (status === 'done' || status === 'in-progress') continue;
    compared++;
    const after = newAt.get(id);
    if (!after) {
      changed.push(id);
      const u = unassignedNow.get(id);
      newlyUnassigned.push(u ? { ...u } : { id, reason: 'fleet-exhausted', message: 'not in the new plan' });
      continue;
    }
    if (after.vehicle !== before.vehicle) moved.push({ id, from: before.vehicle, to: after.vehicle });
    if (after.vehicle !== before.vehicle || oldPos.get(id) !== newPos.get(id)) changed.push(id);
    const delta = after.arrival - before.arrival;
    // Float noise from re-deriving the same schedule (|delta| ~1e-11) is not a move.
    if (Math.abs(delta) > 1e-9 * (1 + Math.abs(before.arrival))) etaMoves.push({ id, vehicle: after.vehicle, oldArrival: before.arrival, newArrival: after.arrival, delta });
  }

  let served = 0;
  let inProgress = 0;
  for (const st of progress.jobStatus.values()) {
    if (st === 'done') served++;
    else if (st === 'in-progress') inProgress++;
  }
  // Jobs re-planned because the driver went past them count as skipped.
  const skipped = progress.vehicles.flatMap((v) => v.skipped);
  const threshold = input.etaThreshold;
  return {
    compared,
    changed,
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
      return { id, reason: unassignedNow.get(id)?.reason ?? 'fleet-exhausted' };
    }),
    cancelled: [...input.cancelled],
    restricted: input.restricted.map((r) => ({ ...r, allowedVehicles: [...r.allowedVehicles] })),
    skipped,
    frozen: { served, inProgress },
    retiredVehicles: [...input.retiredVehicles],
  };
}
