/**
 * A guard so the solver never silently ignores a field it does not handle
 * yet: `unsupportedField(problem)` names the first such field (JSON pointer +
 * message); `solve()` throws `VrpkitError` code `unsupported` (exit 2) for it.
 * A field counts only when it changes something (a `speedFactor` of 1, a
 * priority of 0, an empty skills list pass). Delete an entry of `CHECKS` when
 * the solver learns its field.
 */
import type { Job, Problem, ShipmentStop, Vehicle } from '../model/types.js';

export interface UnsupportedField {
  pointer: string;
  message: string;
}

type Check = (problem: Problem) => UnsupportedField | undefined;

/** The first element of `list` for which `field` names a field that matters, as `{ pointer, message }`. */
function firstOf<T>(list: readonly T[] | undefined, base: string, message: string, field: (x: T) => string | undefined): UnsupportedField | undefined {
  if (!list) return undefined;
  for (let i = 0; i < list.length; i++) {
    const f = field(list[i]);
    if (f !== undefined) return { pointer: `${base}/${i}/${f}`, message };
  }
  return undefined;
}

const nonEmpty = (x: unknown[] | Record<string, unknown> | undefined) => x !== undefined && Object.keys(x).length > 0;
const finite = (x: number | undefined) => x !== undefined && Number.isFinite(x);
/** The per-type or setup field of a job or shipment stop that matters, if any. */
const durationField = (t: Job | ShipmentStop) =>
  (t.setupDuration ?? 0) > 0 ? 'setupDuration' : nonEmpty(t.setupDurationPerType) ? 'setupDurationPerType' : nonEmpty(t.serviceDurationPerType) ? 'serviceDurationPerType' : undefined;
const vehicleField = (v: Vehicle, f: keyof Vehicle, test: (x: never) => boolean) => (v[f] !== undefined && test(v[f] as never) ? f : undefined);

const CHECKS: Check[] = [
  (p) => firstOf(p.jobs, '/jobs', 'the solver does not handle skills yet', (j) => (nonEmpty(j.skills) ? 'skills' : undefined)),
  (p) => firstOf(p.jobs, '/jobs', 'the solver does not handle setup or per-type durations yet', durationField),
  (p) => firstOf(p.vehicles, '/vehicles', 'the solver does not handle breaks yet', (v) => vehicleField(v, 'breaks', nonEmpty)),
  (p) => firstOf(p.vehicles, '/vehicles', 'the solver does not handle maxTasks yet', (v) => vehicleField(v, 'maxTasks', finite)),
  (p) => firstOf(p.vehicles, '/vehicles', 'the solver does not handle maxTravelTime yet', (v) => vehicleField(v, 'maxTravelTime', finite)),
  (p) => firstOf(p.vehicles, '/vehicles', 'the solver does not handle a service radius yet', (v) => vehicleField(v, 'serviceRadius', finite)),
  (p) => firstOf(p.vehicles, '/vehicles', 'the solver does not handle speed factors yet', (v) => vehicleField(v, 'speedFactor', (x: number) => x !== 1)),
  (p) => firstOf(p.vehicles, '/vehicles', 'the solver does not handle travel profiles yet', (v) => vehicleField(v, 'profile', () => true)),
  (p) => firstOf(p.vehicles, '/vehicles', 'the solver does not price travel time or task time yet', (v) =>
    (v.costs?.perTravelTime ?? 0) > 0 ? 'costs/perTravelTime' : (v.costs?.perTaskTime ?? 0) > 0 ? 'costs/perTaskTime' : undefined),
  (p) => (p.travel.type === 'matrix' && p.travel.costs ? { pointer: '/travel/costs', message: 'the solver does not use a costs matrix yet' } : undefined),
];

/** The first field of `problem` the solver cannot handle yet, or undefined. */
export function unsupportedField(problem: Problem): UnsupportedField | undefined {
  for (const check of CHECKS) {
    const found = check(problem);
    if (found) return found;
  }
  return undefined;
}
