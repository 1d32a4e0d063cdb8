/**
 * A guard so the solver never silently ignores a field it does not handle
 * yet: `unsupportedField(problem)` names the first such field (JSON pointer +
 * message); `solve()` throws `VrpkitError` code `unsupported` (exit 2) for it.
 * A field counts only when it changes something. Add a check to `CHECKS` for
 * a field the model accepts before the solver learns it; delete it when the
 * solver does.
 *
 * Today the list is empty: the search handles skills, service radius,
 * maxTasks, maxTravelTime, speed factors, profiles, every cost coefficient and
 * a costs matrix, priorities and shipments; several time windows, setup,
 * per-type durations and breaks run on a relaxed model in the search
 * (compile-relax.ts) and are made exact by the decode (decode.ts, evaluate.ts).
 */
import type { Problem } from '../model/types.js';

export interface UnsupportedField {
  pointer: string;
  message: string;
}

type Check = (problem: Problem) => UnsupportedField | undefined;

const CHECKS: Check[] = [];

/** The first field of `problem` the solver cannot handle yet, or undefined. */
export function unsupportedField(problem: Problem): UnsupportedField | undefined {
  for (const check of CHECKS) {
    const found = check(problem);
    if (found) return found;
  }
  return undefined;
}
