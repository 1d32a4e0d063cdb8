/**
 * Validation of `problem.objective` (docs/semantics.md, "Objective and
 * summary"): a name, or an object `{ type, measure?, weight? }` whose
 * `measure` and `weight` belong to `balance` only. Used by `validate.ts`;
 * never throws.
 */
import type { BalanceMeasure, ObjectiveName } from './types.js';
import { type Issues, at, checkFields, checkNumber, has, isRecord, show } from './validate-util.js';

/** Every objective name, in the order the docs list them. */
export const OBJECTIVE_NAMES: readonly ObjectiveName[] = ['cost', 'fewest-vehicles', 'balance', 'makespan'];

/** What `balance` can even out. */
export const BALANCE_MEASURES: readonly BalanceMeasure[] = ['duration', 'stops', 'distance'];

const SPEC_FIELDS = ['type', 'measure', 'weight'] as const;

/** Whether `x` names an objective. */
export function isObjectiveName(x: unknown): x is ObjectiveName {
  return typeof x === 'string' && (OBJECTIVE_NAMES as readonly string[]).includes(x);
}

/** Checks an objective name at `ptr`; returns true when it is one. */
function checkName(issues: Issues, x: unknown, ptr: string): boolean {
  if (isObjectiveName(x)) return true;
  if (typeof x !== 'string') issues.add('type', ptr, `the objective must be one of ${OBJECTIVE_NAMES.join(', ')}, got ${show(x)}`);
  else issues.add('enum', ptr, `unknown objective ${show(x)}: use one of ${OBJECTIVE_NAMES.join(', ')}`);
  return false;
}

/** `problem.objective`: a name, or `{ type, measure?, weight? }` (`measure`, `weight`: balance only; weight finite ≥ 0). */
export function validateObjective(issues: Issues, x: unknown, ptr: string): void {
  if (typeof x === 'string' || !isRecord(x)) {
    checkName(issues, x, ptr);
    return;
  }
  checkFields(issues, x, ptr, SPEC_FIELDS, 'the objective');
  const named = has(x, 'type') ? checkName(issues, x.type, at(ptr, 'type')) : (issues.add('required', at(ptr, 'type'), 'the objective needs a type'), false);
  if (named && x.type !== 'balance') {
    for (const f of ['measure', 'weight'] as const) {
      if (has(x, f)) issues.add('conflict', at(ptr, f), `${f} applies to the balance objective only, not to ${show(x.type)}`);
    }
  }
  if (has(x, 'measure') && !(BALANCE_MEASURES as readonly unknown[]).includes(x.measure)) {
    issues.add(typeof x.measure === 'string' ? 'enum' : 'type', at(ptr, 'measure'), `measure must be one of ${BALANCE_MEASURES.join(', ')}, got ${show(x.measure)}`);
  }
  if (has(x, 'weight')) checkNumber(issues, x.weight, at(ptr, 'weight'), 'the balance weight', { nonNegative: true });
}
