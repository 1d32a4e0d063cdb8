/**
 * A guard so the solver never silently ignores a field it does not handle
 * yet: `unsupportedField(problem)` names the first such field (JSON pointer +
 * message); `solve()` throws `VrpkitError` code `unsupported` (exit 2) for it.
 * Delete an entry of `CHECKS` when the solver learns its field.
 */
import type { Problem } from '../model/types.js';

export interface UnsupportedField {
  pointer: string;
  message: string;
}

type Check = (problem: Problem) => UnsupportedField | undefined;

/** The first index of `list` where `test` holds, as a pointer under `base`. */
function first<T>(list: readonly T[] | undefined, base: string, test: (x: T) => string | false | undefined): string | undefined {
  if (!list) return undefined;
  for (let i = 0; i < list.length; i++) {
    const field = test(list[i]);
    if (field) return `${base}/${i}${field ? `/${field}` : ''}`;
  }
  return undefined;
}

const CHECKS: Check[] = [
  (p) => (p.shipments && p.shipments.length > 0 ? { pointer: '/shipments', message: 'the solver does not serve shipments yet' } : undefined),
];

/** The first field of `problem` the solver cannot handle yet, or undefined. */
export function unsupportedField(problem: Problem): UnsupportedField | undefined {
  for (const check of CHECKS) {
    const found = check(problem);
    if (found) return found;
  }
  return undefined;
}

export { first as firstPointer };
