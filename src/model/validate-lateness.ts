/**
 * Validation of the soft-time-window fields (docs/semantics.md, "Soft time
 * windows"): `latenessCost` and `maxLateness` of jobs and shipment stops, and
 * `problem.defaults`. Used by `validate.ts` and `validate-shipments.ts`; never throws.
 */
import { type Issues, at, checkFields, checkNumber, has, isRecord, show } from './validate-util.js';

/** The soft-window fields of a job or shipment stop (and of `problem.defaults`). */
export const LATENESS_FIELDS = ['latenessCost', 'maxLateness'] as const;

/** `latenessCost`: a finite number ≥ 0; `maxLateness`: a number ≥ 0 or `Infinity`. */
export function validateLateness(issues: Issues, obj: Record<string, unknown>, ptr: string): void {
  if (has(obj, 'latenessCost')) checkNumber(issues, obj.latenessCost, at(ptr, 'latenessCost'), 'latenessCost', { nonNegative: true });
  if (has(obj, 'maxLateness')) checkNumber(issues, obj.maxLateness, at(ptr, 'maxLateness'), 'maxLateness', { nonNegative: true, infinite: true });
}

/** `problem.defaults`: an object with the soft-window fields only. */
export function validateDefaults(issues: Issues, x: unknown, ptr: string): void {
  if (!isRecord(x)) {
    issues.add('type', ptr, `defaults must be an object (latenessCost, maxLateness), got ${show(x)}`);
    return;
  }
  checkFields(issues, x, ptr, LATENESS_FIELDS, 'defaults');
  validateLateness(issues, x, ptr);
}
