/**
 * Validation of `problem.shipments` (see docs/semantics.md, "Shipments"):
 * field types and ranges with JSON pointers, the shared job/shipment id space,
 * unique stop ids, and the one travel-dependent input error — a delivery that
 * can never be on time because its last window closes before the earliest
 * pickup plus the shortest travel. Used by `validate.ts`; never throws.
 */
import { idKey } from './ids.js';
import { travelOf } from './fleet-travel.js';
import { resolveTaskTravel } from './task-travel.js';
import type { ResolvedTravel } from './travel.js';
import { taskTable } from './tasks.js';
import type { Problem } from './types.js';
import { validatePriority, validateSkills, validateTaskDurations } from './validate-constraints.js';
import { latenessRule } from './lateness.js';
import { validateLateness } from './validate-lateness.js';
import { type Issues, type Pointer, type VectorAt, at, checkFields, checkId, checkNumber, checkVector, each, has, isRecord, show } from './validate-util.js';

export const SHIPMENT_FIELDS = ['id', 'amount', 'pickup', 'delivery', 'allowedVehicles', 'skills', 'priority', 'data'] as const;
export const STOP_FIELDS = [
  'id',
  'location',
  'serviceDuration',
  'setupDuration',
  'serviceDurationPerType',
  'setupDurationPerType',
  'timeWindows',
  'latenessCost',
  'maxLateness',
  'data',
] as const;

/** What the shipment validator needs from the problem-level validator. */
export interface ShipmentChecks {
  /** Validates a location at a pointer. */
  location(loc: unknown, ptr: string): void;
  /** Validates a list of time windows at a pointer. */
  windows(x: unknown, ptr: string): void;
  /** Validates `allowedVehicles` at a pointer. */
  allowedVehicles(x: unknown, ptr: string): void;
  /** Job and shipment ids seen so far: id key → pointer of its first use. */
  orderIds: Map<string, Pointer>;
  /** Amount vectors, for the dimension check. */
  vectors: VectorAt[];
}

/** Validates `problem.shipments` (the value at `/shipments`). */
export function validateShipments(issues: Issues, x: unknown, checks: ShipmentChecks): void {
  if (!Array.isArray(x)) {
    issues.add('type', '/shipments', `shipments must be an array, got ${show(x)}`);
    return;
  }
  const stopIds = { pickup: new Map<string, string>(), delivery: new Map<string, string>() };
  each(x, (s, i) => validateShipment(issues, s, at('/shipments', i), checks, stopIds));
}

function validateShipment(
  issues: Issues,
  s: unknown,
  ptr: string,
  checks: ShipmentChecks,
  stopIds: { pickup: Map<string, string>; delivery: Map<string, string> },
): void {
  if (!isRecord(s)) {
    issues.add('type', ptr, `a shipment must be an object, got ${show(s)}`);
    return;
  }
  checkFields(issues, s, ptr, SHIPMENT_FIELDS, 'a shipment');
  let shipmentKey: string | undefined;
  if (!has(s, 'id')) issues.add('required', at(ptr, 'id'), 'a shipment needs an id');
  else if (checkId(issues, s.id, at(ptr, 'id'), 'a shipment id')) {
    shipmentKey = idKey(s.id);
    const first = checks.orderIds.get(shipmentKey);
    if (first !== undefined) {
      issues.add('duplicate-id', at(ptr, 'id'), `shipment id ${show(s.id)} is already used at ${first} (jobs and shipments share one id space; ids compare as strings)`);
    } else checks.orderIds.set(shipmentKey, at(ptr, 'id'));
  }
  if (has(s, 'amount')) {
    const n = checkVector(issues, s.amount, at(ptr, 'amount'), 'amount', { nonNegative: true, integer: true });
    if (n >= 0) checks.vectors.push({ length: n, ptr: at(ptr, 'amount') });
  }
  for (const which of ['pickup', 'delivery'] as const) {
    const sptr = at(ptr, which);
    if (!has(s, which)) {
      issues.add('required', sptr, `a shipment needs a ${which} stop`);
      continue;
    }
    const stop = s[which];
    if (!isRecord(stop)) {
      issues.add('type', sptr, `the ${which} must be an object with a location, got ${show(stop)}`);
      continue;
    }
    checkFields(issues, stop, sptr, STOP_FIELDS, `a ${which}`);
    let key = shipmentKey;
    let keyPtr = at(ptr, 'id');
    if (has(stop, 'id')) {
      key = checkId(issues, stop.id, at(sptr, 'id'), `a ${which} id`) ? idKey(stop.id) : undefined;
      keyPtr = at(sptr, 'id');
    }
    if (key !== undefined) {
      const first = stopIds[which].get(key);
      if (first !== undefined) issues.add('duplicate-id', keyPtr, `${which} id ${show(key)} is already used at ${first} (${which} ids are unique among ${which}s; a stop without an id uses its shipment's id)`);
      else stopIds[which].set(key, keyPtr);
    }
    if (!has(stop, 'location')) issues.add('required', at(sptr, 'location'), `the ${which} needs a location`);
    else checks.location(stop.location, at(sptr, 'location'));
    if (has(stop, 'serviceDuration')) checkNumber(issues, stop.serviceDuration, at(sptr, 'serviceDuration'), 'serviceDuration', { nonNegative: true });
    validateTaskDurations(issues, stop, sptr);
    if (has(stop, 'timeWindows')) checks.windows(stop.timeWindows, at(sptr, 'timeWindows'));
    validateLateness(issues, stop, sptr);
  }
  if (has(s, 'allowedVehicles')) checks.allowedVehicles(s.allowedVehicles, at(ptr, 'allowedVehicles'));
  if (has(s, 'skills')) validateSkills(issues, s.skills, at(ptr, 'skills'));
  if (has(s, 'priority')) validatePriority(issues, s.priority, at(ptr, 'priority'));
}

/**
 * The travel-dependent input error of docs/semantics.md: the delivery's last
 * window end plus its `maxLateness` is before `a + s + t` (earliest pickup
 * window start, pickup service, shortest pickup → delivery travel over the
 * fleet's travel definitions; `t = 0` for road-network travel). Call only on
 * an otherwise valid problem.
 */
export function checkShipmentWindows(issues: Issues, problem: Problem): void {
  const shipments = problem.shipments ?? [];
  if (shipments.length === 0) return;
  const travelTime = shortestStopTravel(problem);
  shipments.forEach((sh, i) => {
    const dw = sh.delivery.timeWindows;
    if (!dw || dw.length === 0) return;
    const windowEnd = dw[dw.length - 1][1];
    const maxLateness = latenessRule(sh.delivery, problem.defaults).max;
    const lastEnd = windowEnd + maxLateness;
    const pw = sh.pickup.timeWindows;
    const a = pw && pw.length > 0 ? pw[0][0] : -Infinity;
    const service = Math.min(sh.pickup.serviceDuration ?? 0, ...Object.values(sh.pickup.serviceDurationPerType ?? {}));
    const t = travelTime(i);
    const earliest = a + service + t;
    if (earliest > lastEnd) {
      issues.add(
        'time-window',
        at('/shipments', i, 'delivery', 'timeWindows'),
        `the delivery can never be on time: its last window ends at ${show(windowEnd)}${maxLateness > 0 ? ` (+ maxLateness ${show(maxLateness)})` : ''}, but the earliest pickup (window start ${show(a)} + service ${show(service)}) plus travel ${show(t)} reaches it at ${show(earliest)}`,
      );
    }
  });
}

/**
 * Shortest pickup → delivery travel duration of shipment `i` over the vehicles
 * (each with its travel and speed factor); 0 when a vehicle travels on a road
 * network (not computed during validation).
 */
function shortestStopTravel(problem: Problem): (i: number) => number {
  const table = taskTable(problem);
  const n = table.jobCount;
  const byProfile = new Map<string | undefined, { travel: ResolvedTravel; speed: number }>();
  for (const v of problem.vehicles) {
    const def = travelOf(problem, v);
    if (def.type === 'network') return () => 0;
    const speed = v.speedFactor ?? 1;
    const seen = byProfile.get(v.profile);
    if (seen) seen.speed = Math.max(seen.speed, speed);
    else byProfile.set(v.profile, { travel: resolveTaskTravel(problem, table, def, problem.vehicles.map((w) => ({ id: w.id }))), speed });
  }
  return (i: number) => {
    let best = Infinity;
    for (const { travel, speed } of byProfile.values()) {
      const d = travel.duration(travel.jobLocation[n + 2 * i], travel.jobLocation[n + 2 * i + 1]) / speed;
      if (d < best) best = d;
    }
    return Number.isFinite(best) ? best : 0;
  };
}

