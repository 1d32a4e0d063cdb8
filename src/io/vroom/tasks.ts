/**
 * VROOM jobs and shipments → vrpkit jobs and shipments.
 *
 * | VROOM                          | vrpkit                                             |
 * | ------------------------------ | -------------------------------------------------- |
 * | `id`                           | `id` (pickup/delivery: the stop's `id`)            |
 * | `location` / `location_index`  | `location` (see places.ts), echoed in the output   |
 * | `setup`, `service`             | `setupDuration`, `serviceDuration`                 |
 * | `setup_per_type`, `service_per_type` | `setupDurationPerType`, `serviceDurationPerType` |
 * | `delivery`, `pickup`           | `delivery`, `pickup` (zeros when absent)           |
 * | `amount` (job, deprecated)     | `delivery`, when neither delivery nor pickup is given (as VROOM) |
 * | `skills`, `priority`           | `skills`, `priority`                               |
 * | `time_windows`                 | `timeWindows`, sorted (VROOM sorts them)           |
 * | `description`                  | kept in `data.vroom`, echoed in the output         |
 * | shipment `amount`, `skills`, `priority` | `amount`, `skills`, `priority`            |
 *
 * A VROOM shipment has no id of its own; vrpkit's is `p<pickup id>-d<delivery
 * id>` (a string, so it never equals a job id, which is a number; unique
 * because pickup ids are).
 */
import type { Id, Job, Shipment, ShipmentStop } from '../../model/types.js';
import type { VroomTaskData } from './types.js';
import type { Places } from './places.js';
import {
  type Issues,
  amount,
  at,
  checkKeys,
  durationPerType,
  has,
  isRecord,
  optionalString,
  optionalUint,
  priority,
  show,
  timeWindows,
  uint,
  uintArray,
} from './fields.js';

export interface TaskContext {
  issues: Issues;
  places: Places;
  /** Length of every amount vector (VROOM: the first vehicle's capacity length). */
  amountSize: number;
}

const VISIT_KEYS = ['id', 'description', 'location', 'location_index', 'setup', 'service', 'setup_per_type', 'service_per_type', 'time_windows'];
const JOB_KEYS = [...VISIT_KEYS, 'amount', 'delivery', 'pickup', 'skills', 'priority'];
const SHIPMENT_KEYS = ['pickup', 'delivery', 'amount', 'skills', 'priority'];

/** vrpkit's id of a VROOM shipment (see the module comment). */
export function shipmentId(pickupId: Id, deliveryId: Id): string {
  return `p${String(pickupId)}-d${String(deliveryId)}`;
}

/** The fields a job and a shipment stop share: id, location, durations, windows, description. */
function readVisit(ctx: TaskContext, x: Record<string, unknown>, ptr: string, what: string): (ShipmentStop & { id: number }) | undefined {
  const { issues } = ctx;
  const id = has(x, 'id') ? uint(issues, x.id, at(ptr, 'id'), `${what} id`) : (issues.add('required', at(ptr, 'id'), `a ${what} needs an id (a non-negative integer)`), undefined);
  const place = ctx.places.read(x, ptr, 'location', 'location_index', true);
  const setup = optionalUint(issues, x, 'setup', ptr);
  const service = optionalUint(issues, x, 'service', ptr);
  const setupPerType = has(x, 'setup_per_type') ? durationPerType(issues, x.setup_per_type, at(ptr, 'setup_per_type'), 'setup_per_type') : undefined;
  const servicePerType = has(x, 'service_per_type') ? durationPerType(issues, x.service_per_type, at(ptr, 'service_per_type'), 'service_per_type') : undefined;
  const windows = has(x, 'time_windows') ? timeWindows(issues, x.time_windows, at(ptr, 'time_windows'), 'time_windows') : undefined;
  const description = optionalString(issues, x, 'description', ptr);
  if (id === undefined || !place) return undefined;
  const data: VroomTaskData = { ...place.vroom };
  if (description !== undefined) data.description = description;
  const visit: ShipmentStop & { id: number } = { id, location: place.index };
  if (setup !== undefined) visit.setupDuration = setup;
  if (service !== undefined) visit.serviceDuration = service;
  if (setupPerType && Object.keys(setupPerType).length > 0) visit.setupDurationPerType = setupPerType;
  if (servicePerType && Object.keys(servicePerType).length > 0) visit.serviceDurationPerType = servicePerType;
  if (windows) visit.timeWindows = windows;
  visit.data = { vroom: data };
  return visit;
}

/** Skills: an array of unsigned integers; returned only when non-empty. */
function readSkills(issues: Issues, x: Record<string, unknown>, ptr: string): number[] | undefined {
  if (!has(x, 'skills')) return undefined;
  const skills = uintArray(issues, x.skills, at(ptr, 'skills'), 'skills');
  return skills && skills.length > 0 ? skills : undefined;
}

/** Reads `jobs[j]`; undefined when it is unusable (issues reported). */
export function readJob(ctx: TaskContext, x: unknown, j: number): Job | undefined {
  const { issues, amountSize } = ctx;
  const ptr = at('/jobs', j);
  if (!isRecord(x)) {
    issues.add('type', ptr, `a job must be an object, got ${show(x)}`);
    return undefined;
  }
  checkKeys(issues, x, ptr, JOB_KEYS, 'a job');
  const visit = readVisit(ctx, x, ptr, 'job');
  const zeros = () => new Array<number>(amountSize).fill(0);
  let delivery = has(x, 'delivery') ? amount(issues, x.delivery, at(ptr, 'delivery'), 'delivery', amountSize) : undefined;
  const pickup = has(x, 'pickup') ? amount(issues, x.pickup, at(ptr, 'pickup'), 'pickup', amountSize) : undefined;
  if (has(x, 'amount')) {
    // VROOM reads the deprecated `amount` as the delivery only when neither delivery nor pickup is given.
    const legacy = amount(issues, x.amount, at(ptr, 'amount'), 'amount', amountSize);
    if (!has(x, 'delivery') && !has(x, 'pickup')) delivery = legacy;
  }
  const skills = readSkills(issues, x, ptr);
  const prio = has(x, 'priority') ? priority(issues, x.priority, at(ptr, 'priority')) : undefined;
  if (!visit) return undefined;
  const job: Job = { ...visit };
  if (amountSize > 0) {
    job.delivery = delivery ?? zeros();
    job.pickup = pickup ?? zeros();
  }
  if (skills) job.skills = skills;
  if (prio !== undefined) job.priority = prio;
  return job;
}

/** Reads `shipments[s]`; undefined when it is unusable (issues reported). */
export function readShipment(ctx: TaskContext, x: unknown, s: number): Shipment | undefined {
  const { issues, amountSize } = ctx;
  const ptr = at('/shipments', s);
  if (!isRecord(x)) {
    issues.add('type', ptr, `a shipment must be an object, got ${show(x)}`);
    return undefined;
  }
  checkKeys(issues, x, ptr, SHIPMENT_KEYS, 'a shipment');
  const stops: Partial<Record<'pickup' | 'delivery', ShipmentStop & { id: number }>> = {};
  for (const which of ['pickup', 'delivery'] as const) {
    const p = at(ptr, which);
    const stop = x[which];
    if (!has(x, which)) issues.add('required', p, `a shipment needs a ${which} object`);
    else if (!isRecord(stop)) issues.add('type', p, `${which} must be an object, got ${show(stop)}`);
    else {
      checkKeys(issues, stop, p, VISIT_KEYS, `a shipment ${which}`);
      stops[which] = readVisit(ctx, stop, p, which);
    }
  }
  const amt = has(x, 'amount') ? amount(issues, x.amount, at(ptr, 'amount'), 'amount', amountSize) : undefined;
  const skills = readSkills(issues, x, ptr);
  const prio = has(x, 'priority') ? priority(issues, x.priority, at(ptr, 'priority')) : undefined;
  const { pickup, delivery } = stops;
  if (!pickup || !delivery) return undefined;
  const shipment: Shipment = { id: shipmentId(pickup.id, delivery.id), pickup, delivery };
  if (amountSize > 0) shipment.amount = amt ?? new Array<number>(amountSize).fill(0);
  if (skills) shipment.skills = skills;
  if (prio !== undefined) shipment.priority = prio;
  return shipment;
}
