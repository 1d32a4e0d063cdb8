/**
 * Reader for CVRPLIB / VRPLIB solution files (`.sol`), the route files behind
 * the published best-known values:
 *
 * ```
 * Route #1: 5 3 7 8 10
 * Route #2: 13 17 18
 * Cost 827.3
 * ```
 *
 * SINTEF-style files (`Route 1 : 5 3 7`, the `#` omitted, header lines such as
 * `Instance name : lc101` ignored) are read the same way.
 *
 * Route `k` is given to vehicle id `k` (the readers of this folder number their
 * vehicles `1..N`). Customer numbers become job ids plus `jobIdOffset`: 0 for
 * Solomon/Homberger (customer number = job id), 1 for CVRPLIB, whose solution
 * files number customers `1..n−1` (node id − 1) while `parseCvrplib` uses the
 * node id.
 */
import type { RoutePlan } from '../model/types.js';
import { IssueList, TextLines, countFields, excerpt, linePointer } from './text-lines.js';
import { checkLimit, resolveLimits, type InputLimits } from '../core/limits.js';

export interface VrplibSolution extends RoutePlan {
  /** The `Cost` line, when present. */
  cost?: number;
}

/** True when the text looks like a VRPLIB solution (a `Route #1:` line). */
export function looksLikeVrplibSolution(text: string): boolean {
  // `[ \t]*`, not `\s*`: with the m flag, `^\s*` on a run of blank lines backtracks quadratically.
  return /^[ \t]*Route[ \t]*#?[ \t]*\d+[ \t]*:/im.test(text.slice(0, 65536));
}

/** Parses a VRPLIB `.sol` file into a plan for `checkSolution`. */
export function parseVrplibSolution(text: string, options: { jobIdOffset?: number; limits?: Partial<InputLimits> } = {}): VrplibSolution {
  const offset = options.jobIdOffset ?? 0;
  const limits = resolveLimits(options.limits);
  let listed = 0;
  const issues = new IssueList('parse', 'invalid VRPLIB solution file');
  const plan: VrplibSolution = { routes: [] };
  const lines = new TextLines(text);
  for (let i = 0; i < lines.length; i++) {
    if (lines.isBlank(i)) continue;
    const t = lines.get(i).trim();
    const route = /^Route\s*#?\s*(\d+)\s*:(.*)$/i.exec(t);
    if (route) {
      // No problem has more than maxJobs customers: a longer list is refused before it is split.
      listed += countFields(route[2]);
      checkLimit(limits, 'maxJobs', listed, 'the number of customers listed in the routes', linePointer(i));
      const list = route[2].trim();
      const ids = list === '' ? [] : list.split(/\s+/);
      const steps: RoutePlan['routes'][number]['steps'] = [{ type: 'start' }];
      for (const s of ids) {
        const n = Number(s);
        if (!Number.isInteger(n) || n < 0) issues.add(i, `'${excerpt(s)}' is not a customer number`);
        else steps.push({ type: 'job', id: n + offset });
      }
      steps.push({ type: 'end' });
      plan.routes.push({ vehicle: plan.routes.length + 1, steps });
      continue;
    }
    const cost = /^Cost\s*:?\s*(\S+)$/i.exec(t);
    if (cost) {
      const c = Number(cost[1]);
      if (!Number.isFinite(c)) issues.add(i, `'${excerpt(cost[1])}' is not a number`);
      else plan.cost = c;
      continue;
    }
    // Other lines (e.g. "Time 12.3" or comments) are informative only.
  }
  if (plan.routes.length === 0) issues.add(0, "no 'Route #k:' line");
  issues.throwIfAny();
  return plan;
}
