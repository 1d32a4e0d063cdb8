/**
 * Validation of the dispatch constraints (docs/semantics.md, "Input rules of
 * the constraints"): skills, priorities, per-type durations, breaks and the
 * vehicle limits and travel choices. Used by `validate.ts`; never throws.
 */
import { idKey } from './ids.js';
import { type Issues, type VectorAt, at, checkFields, checkId, checkNumber, checkVector, each, has, isRecord, show } from './validate-util.js';

export const BREAK_FIELDS = ['id', 'timeWindows', 'duration', 'maxLoad', 'data'] as const;

/** `skills`: an array of strings or finite numbers. */
export function validateSkills(issues: Issues, x: unknown, ptr: string): void {
  if (!Array.isArray(x)) {
    issues.add('type', ptr, `skills must be an array of strings or numbers, got ${show(x)}`);
    return;
  }
  each(x, (s, k) => checkId(issues, s, at(ptr, k), 'a skill'));
}

/** `priority`: an integer in 0…100. */
export function validatePriority(issues: Issues, x: unknown, ptr: string): void {
  if (!checkNumber(issues, x, ptr, 'priority', { nonNegative: true, integer: true })) return;
  if (x > 100) issues.add('range', ptr, `priority must be an integer from 0 to 100, got ${show(x)}`);
}

/** `serviceDurationPerType` / `setupDurationPerType`: an object of durations ≥ 0 keyed by vehicle type. */
export function validatePerType(issues: Issues, x: unknown, ptr: string, what: string): void {
  if (!isRecord(x)) {
    issues.add('type', ptr, `${what} must be an object mapping vehicle types to durations, got ${show(x)}`);
    return;
  }
  for (const key of Object.keys(x)) checkNumber(issues, x[key], at(ptr, key), `${what}.${key}`, { nonNegative: true });
}

/** The setup/service duration fields shared by jobs and shipment stops. */
export function validateTaskDurations(issues: Issues, obj: Record<string, unknown>, ptr: string): void {
  if (has(obj, 'setupDuration')) checkNumber(issues, obj.setupDuration, at(ptr, 'setupDuration'), 'setupDuration', { nonNegative: true });
  for (const f of ['serviceDurationPerType', 'setupDurationPerType'] as const) {
    if (has(obj, f)) validatePerType(issues, obj[f], at(ptr, f), f);
  }
}

/** What break validation needs from the problem-level validator. */
export interface BreakChecks {
  windows(x: unknown, ptr: string): void;
  vectors: VectorAt[];
}

/** `vehicle.breaks`: objects with an id unique within the vehicle, windows, a duration and a maxLoad. */
export function validateBreaks(issues: Issues, x: unknown, ptr: string, checks: BreakChecks): void {
  if (!Array.isArray(x)) {
    issues.add('type', ptr, `breaks must be an array of break objects, got ${show(x)}`);
    return;
  }
  const ids = new Set<string>();
  each(x, (b, k) => {
    const bptr = at(ptr, k);
    if (!isRecord(b)) {
      issues.add('type', bptr, `a break must be an object with an id, got ${show(b)}`);
      return;
    }
    checkFields(issues, b, bptr, BREAK_FIELDS, 'a break');
    if (!has(b, 'id')) issues.add('required', at(bptr, 'id'), 'a break needs an id');
    else if (checkId(issues, b.id, at(bptr, 'id'), 'a break id')) {
      if (ids.has(idKey(b.id))) issues.add('duplicate-id', at(bptr, 'id'), `break id ${show(b.id)} is used more than once in this vehicle (ids compare as strings)`);
      ids.add(idKey(b.id));
    }
    if (has(b, 'timeWindows')) checks.windows(b.timeWindows, at(bptr, 'timeWindows'));
    if (has(b, 'duration')) checkNumber(issues, b.duration, at(bptr, 'duration'), 'duration', { nonNegative: true });
    if (has(b, 'maxLoad')) {
      const n = checkVector(issues, b.maxLoad, at(bptr, 'maxLoad'), 'maxLoad', { nonNegative: true, infinite: true });
      if (n >= 0) checks.vectors.push({ length: n, ptr: at(bptr, 'maxLoad') });
    }
  });
}

/** What the vehicle-constraint validator needs: the profile names and whether a travel has a costs matrix. */
export interface VehicleChecks extends BreakChecks {
  profiles: Set<string>;
  /** Whether the travel the vehicle uses (its profile's, else the problem's) has a `costs` matrix. */
  hasCostMatrix(profile: string | undefined): boolean;
}

/** The constraint fields of one vehicle (skills, radius, breaks, limits, speed, profile, type, cost-matrix conflicts). */
export function validateVehicleConstraints(issues: Issues, v: Record<string, unknown>, ptr: string, checks: VehicleChecks): void {
  if (has(v, 'skills')) validateSkills(issues, v.skills, at(ptr, 'skills'));
  if (has(v, 'serviceRadius')) {
    checkNumber(issues, v.serviceRadius, at(ptr, 'serviceRadius'), 'serviceRadius', { nonNegative: true, infinite: true });
    if (!has(v, 'start')) issues.add('required', at(ptr, 'start'), 'a vehicle with a serviceRadius needs a start (the radius is measured from it)');
  }
  if (has(v, 'breaks')) validateBreaks(issues, v.breaks, at(ptr, 'breaks'), checks);
  if (has(v, 'maxTasks')) checkNumber(issues, v.maxTasks, at(ptr, 'maxTasks'), 'maxTasks', { nonNegative: true, integer: true, infinite: true });
  if (has(v, 'maxTravelTime')) checkNumber(issues, v.maxTravelTime, at(ptr, 'maxTravelTime'), 'maxTravelTime', { nonNegative: true, infinite: true });
  if (has(v, 'speedFactor')) checkNumber(issues, v.speedFactor, at(ptr, 'speedFactor'), 'speedFactor', { positive: true });
  if (has(v, 'type') && typeof v.type !== 'string') issues.add('type', at(ptr, 'type'), `type must be a string, got ${show(v.type)}`);
  let profile: string | undefined;
  if (has(v, 'profile')) {
    if (typeof v.profile !== 'string') issues.add('type', at(ptr, 'profile'), `profile must be a string, got ${show(v.profile)}`);
    else if (!checks.profiles.has(v.profile)) {
      const known = [...checks.profiles].map((p) => JSON.stringify(p)).join(', ');
      issues.add('unknown-profile', at(ptr, 'profile'), `profile ${show(v.profile)} is not in problem.profiles${known ? ` (${known})` : ''}`);
    } else profile = v.profile;
  }
  if (isRecord(v.costs) && (profile !== undefined || !has(v, 'profile')) && checks.hasCostMatrix(profile)) {
    for (const f of ['perDistance', 'perTravelTime'] as const) {
      if (has(v.costs, f)) {
        issues.add('conflict', at(ptr, 'costs', f), `${f} cannot be used with a travel costs matrix (the matrix gives the travel cost)`);
      }
    }
  }
}
