/**
 * Can a job be served at all? Before the search, every job is tried alone on
 * every vehicle type allowed to serve it (start → job → end, as
 * docs/semantics.md times a one-job route). A job no type can serve alone
 * leaves the search at once as unassigned, with a reason and a message.
 *
 * The reason (one of docs/semantics.md's list) when every allowed type fails:
 * each type fails at the first check it does not pass, in this order —
 * `unreachable`, `capacity`, `release-time` (no allowed departure, or the
 * release time makes the window unreachable), `time-window` (window or shift
 * end), `max-duration`, `max-distance` — and the job's reason is the failure
 * of the type that gets furthest down that list: the constraint that stops the
 * vehicle closest to serving it. The message names every type's failure
 * ("capacity: vehicle 1; time-window: vehicle 2, vehicle 3").
 */
import type { ResolvedTravel } from '../model/travel.js';
import type { Id, Job, Problem, Shipment, Unassigned, UnassignedReason } from '../model/types.js';
import { idKey } from '../model/ids.js';
import { stopId } from '../model/tasks.js';

/** What the solo check needs of one vehicle type (its first vehicle's attributes). */
export interface TypeInfo {
  v: Problem['vehicles'][number];
  /** The type's travel (its profile's), task-indexed, and its arcs with the speed factor applied. */
  travel: ResolvedTravel;
  locDur: LocationTravel;
  locDist: LocationTravel;
  /** Location indices of the start and end (-1: open). */
  start: number;
  end: number;
  shiftStart: number;
  shiftEnd: number;
  maxDur: number;
  maxDist: number;
}

/** Travel between location indices, 0 when either end is open (-1). */
export type LocationTravel = (a: number, b: number) => number;

/** The order of the checks (and of the reasons, for choosing one over all types). */
const ORDER: readonly UnassignedReason[] = [
  'skills', 'service-radius', 'unreachable', 'capacity', 'max-tasks', 'release-time', 'time-window', 'max-duration', 'max-distance', 'max-travel-time',
];

/** Why one job cannot be served alone by a vehicle type (null: it can). */
export function soloReason(job: Job, loc: number, ti: TypeInfo, locDur: LocationTravel, locDist: LocationTravel, dims: number): UnassignedReason | null {
  const t0 = locDur(ti.start, loc);
  const t1 = locDur(loc, ti.end);
  const d0 = locDist(ti.start, loc);
  const d1 = locDist(loc, ti.end);
  if (!Number.isFinite(t0) || !Number.isFinite(t1) || !Number.isFinite(d0) || !Number.isFinite(d1)) return 'unreachable';
  for (let d = 0; d < dims; d++) {
    const cap = ti.v.capacity?.[d] ?? Infinity;
    if ((job.delivery?.[d] ?? 0) > cap || (job.pickup?.[d] ?? 0) > cap) return 'capacity';
  }
  // Allowed departures [e, D] (docs/semantics.md): e is 0 when nothing bounds it from below.
  const rel = job.releaseTime ?? -Infinity;
  const lower = Math.max(ti.shiftStart, rel);
  const e = lower === -Infinity ? 0 : lower;
  const D = Math.min(job.dispatchDeadline ?? Infinity, ti.shiftEnd);
  if (e > D) return 'release-time';
  const tw = job.timeWindows?.[0] ?? [-Infinity, Infinity];
  const s = job.serviceDuration ?? 0;
  if (e + t0 > tw[1]) {
    // On time when leaving at the shift start: the release time is what makes it late.
    const shiftOnly = ti.shiftStart === -Infinity ? 0 : ti.shiftStart;
    return rel > shiftOnly && shiftOnly + t0 <= tw[1] ? 'release-time' : 'time-window';
  }
  const serviceStart = Math.max(e + t0, tw[0]);
  if (serviceStart + s + t1 > ti.shiftEnd) return 'time-window';
  // Shortest duration: leave as late as allowed so as not to wait (never after D).
  const depart = Math.min(D, Math.max(e, tw[0] - t0));
  const duration = Math.max(depart + t0, tw[0]) - depart + s + t1;
  if (duration > ti.maxDur) return 'max-duration';
  if (d0 + d1 > ti.maxDist) return 'max-distance';
  if (t0 + t1 > (ti.v.maxTravelTime ?? Infinity)) return 'max-travel-time';
  return null;
}

/** What each reason means, for one vehicle type ("…: vehicle 1, vehicle 2"). */
function phrase(r: UnassignedReason): string {
  switch (r) {
    case 'unreachable': return 'the job cannot be reached from or return to the depot of';
    case 'capacity': return "the job's amounts exceed the capacity of";
    case 'release-time': return 'its release time / dispatch deadline cannot be met by';
    case 'time-window': return 'its time window and shift cannot be met by';
    case 'max-duration': return 'serving it alone exceeds the max duration of';
    case 'max-distance': return 'serving it alone exceeds the max distance of';
    case 'skills': return 'it needs skills that are missing on';
    case 'service-radius': return 'it lies beyond the service radius of';
    case 'max-tasks': return 'it has more stops than the task limit of';
    case 'max-travel-time': return 'serving it alone exceeds the max travel time of';
    default: return `${r}:`;
  }
}

/** A human-readable message for a job that one reason per vehicle type keeps out (see the module comment). */
export function soloMessage(failures: { reason: UnassignedReason; vehicles: Id[] }[]): string {
  if (failures.length === 0) return 'no vehicle is allowed to serve the job';
  const byReason = new Map<UnassignedReason, Id[]>();
  for (const f of failures) {
    const list = byReason.get(f.reason) ?? [];
    list.push(...f.vehicles);
    byReason.set(f.reason, list);
  }
  const parts = [...byReason].map(([reason, ids]) => {
    const shown = ids.slice(0, 3).map((id) => `vehicle ${String(id)}`).join(', ');
    const more = ids.length > 3 ? ` and ${ids.length - 3} more` : '';
    return `${reason}: ${phrase(reason)} ${shown}${more}`;
  });
  return `no allowed vehicle can serve the job, even alone (${parts.join('; ')})`;
}

/**
 * Tries job `j` alone on every vehicle type allowed to serve it. Returns null
 * when some type can serve it, else the `Unassigned` entry (reason by the rule
 * of the module comment; `no-vehicle` when no type is allowed).
 */
export function soloVerdict(
  problem: Problem,
  j: number,
  types: TypeInfo[],
  typeVehicles: number[][],
  dims: number,
): Unassigned | null {
  const job = problem.jobs[j];
  const vehicles = problem.vehicles;
  const allowed = job.allowedVehicles ? new Set(job.allowedVehicles.map((a) => idKey(a))) : undefined;
  const failures: { reason: UnassignedReason; vehicles: Id[] }[] = [];
  let best = -1;
  for (let t = 0; t < types.length; t++) {
    const members = allowed ? typeVehicles[t].filter((k) => allowed.has(idKey(vehicles[k].id))) : typeVehicles[t];
    if (members.length === 0) continue;
    const ti = types[t];
    const loc = ti.travel.jobLocation[j];
    const r = gateReason(job.skills, [loc], 1, ti) ?? soloReason(job, loc, ti, ti.locDur, ti.locDist, dims);
    if (r === null) return null;
    failures.push({ reason: r, vehicles: members.map((k) => vehicles[k].id) });
    best = Math.max(best, ORDER.indexOf(r));
  }
  const reason: UnassignedReason = best < 0 ? 'no-vehicle' : ORDER[best];
  return { id: job.id, reason, message: soloMessage(failures) };
}

/**
 * The reasons a type is shut out before any timing: skills it lacks, a task
 * beyond its service radius (travel distance from its start), more tasks than
 * its `maxTasks`. Null when none applies.
 */
function gateReason(skills: readonly (string | number)[] | undefined, locs: number[], taskCount: number, ti: TypeInfo): UnassignedReason | null {
  if (skills && skills.length > 0) {
    const have = new Set((ti.v.skills ?? []).map(String));
    if (!skills.every((x) => have.has(String(x)))) return 'skills';
  }
  const radius = ti.v.serviceRadius;
  if (radius !== undefined && ti.start >= 0) for (const l of locs) if (ti.locDist(ti.start, l) > radius) return 'service-radius';
  if (ti.v.maxTasks !== undefined && taskCount > ti.v.maxTasks) return 'max-tasks';
  return null;
}

/**
 * Why one shipment cannot be served alone by a vehicle type (null: it can):
 * start → pickup → delivery → end, leaving at the earliest allowed time, each
 * stop served in its first window that is still open, checked in the order of
 * `ORDER` (`unreachable`, `capacity`, `time-window`, `max-duration`, `max-distance`).
 */
export function soloShipmentReason(
  sh: Shipment, pickupLoc: number, deliveryLoc: number, ti: TypeInfo, locDur: LocationTravel, locDist: LocationTravel, dims: number,
): UnassignedReason | null {
  const t0 = locDur(ti.start, pickupLoc), t1 = locDur(pickupLoc, deliveryLoc), t2 = locDur(deliveryLoc, ti.end);
  const d0 = locDist(ti.start, pickupLoc), d1 = locDist(pickupLoc, deliveryLoc), d2 = locDist(deliveryLoc, ti.end);
  if (![t0, t1, t2, d0, d1, d2].every(Number.isFinite)) return 'unreachable';
  for (let d = 0; d < dims; d++) if ((sh.amount?.[d] ?? 0) > (ti.v.capacity?.[d] ?? Infinity)) return 'capacity';
  const e = ti.shiftStart === -Infinity ? 0 : ti.shiftStart;
  const serve = (arrival: number, windows: [number, number][] | undefined): number => {
    if (!windows || windows.length === 0) return arrival;
    const w = windows.find((x) => x[1] >= arrival);
    return w ? Math.max(arrival, w[0]) : NaN;
  };
  const p = serve(e + t0, sh.pickup.timeWindows);
  if (Number.isNaN(p)) return 'time-window';
  const q = serve(p + (sh.pickup.serviceDuration ?? 0) + t1, sh.delivery.timeWindows);
  if (Number.isNaN(q)) return 'time-window';
  const back = q + (sh.delivery.serviceDuration ?? 0) + t2;
  if (back > ti.shiftEnd) return 'time-window';
  // shortest duration: leave as late as the pickup's waiting allows
  const wait = Math.max(0, p - (e + t0));
  if (back - e - wait > ti.maxDur) return 'max-duration';
  if (d0 + d1 + d2 > ti.maxDist) return 'max-distance';
  if (t0 + t1 + t2 > (ti.v.maxTravelTime ?? Infinity)) return 'max-travel-time';
  return null;
}

/** The unassigned entry of shipment `s` when no vehicle type can serve it alone (null: some can). */
export function soloShipmentVerdict(
  problem: Problem, s: number, pickupTask: number, types: TypeInfo[], typeVehicles: number[][], dims: number,
): Unassigned | null {
  const sh = problem.shipments![s];
  const vehicles = problem.vehicles;
  const allowed = sh.allowedVehicles ? new Set(sh.allowedVehicles.map((a) => idKey(a))) : undefined;
  const failures: { reason: UnassignedReason; vehicles: Id[] }[] = [];
  let best = -1;
  for (let t = 0; t < types.length; t++) {
    const members = allowed ? typeVehicles[t].filter((k) => allowed.has(idKey(vehicles[k].id))) : typeVehicles[t];
    if (members.length === 0) continue;
    const ti = types[t];
    const pl = ti.travel.jobLocation[pickupTask], dl = ti.travel.jobLocation[pickupTask + 1];
    const r = gateReason(sh.skills, [pl, dl], 2, ti) ?? soloShipmentReason(sh, pl, dl, ti, ti.locDur, ti.locDist, dims);
    if (r === null) return null;
    failures.push({ reason: r, vehicles: members.map((k) => vehicles[k].id) });
    best = Math.max(best, ORDER.indexOf(r));
  }
  const reason: UnassignedReason = best < 0 ? 'no-vehicle' : ORDER[best];
  return {
    id: sh.id, type: 'shipment', pickup: stopId(sh, 'pickup'), delivery: stopId(sh, 'delivery'), reason,
    message: soloMessage(failures).replace(/the job/g, 'the shipment'),
  };
}
