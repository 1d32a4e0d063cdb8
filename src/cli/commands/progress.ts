/**
 * `vrpkit solve --progress`: progress as JSON lines, for logs, CI and services
 * (stderr may be a file or a pipe). One `progress` line about once a second
 * (and the first one at once), then one `done` line with the outcome.
 */
import type { SolveProgress } from '../../solver/index.js';
import type { Solution } from '../../model/types.js';

/** Least time between two `progress` lines. */
const INTERVAL_MS = 1000;

export interface ProgressLines {
  progress(p: SolveProgress): void;
  /** The final line: status, iterations, time, cost, routes, unassigned and the checker's verdict. */
  done(solution: Solution, feasible: boolean): void;
}

/** A JSON number, or null for ±Infinity / NaN (JSON has no such numbers). */
function jsonNumber(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}

/** Progress writer that hands each JSON line (with its newline) to `write`. */
export function progressLines(write: (line: string) => void): ProgressLines {
  let last = -Infinity;
  let latest: SolveProgress | undefined;
  return {
    progress(p) {
      latest = p;
      if (p.elapsedMs - last < INTERVAL_MS) return;
      last = p.elapsedMs;
      const routes = (p as { routes?: number }).routes;
      write(
        JSON.stringify({
          type: 'progress',
          iteration: p.iteration,
          elapsedMs: Math.round(p.elapsedMs),
          bestCost: jsonNumber(p.bestCost),
          feasible: p.feasible,
          ...(routes !== undefined ? { routes } : {}),
        }) + '\n',
      );
    },
    done(solution, feasible) {
      const stats = solution.stats ?? {};
      write(
        JSON.stringify({
          type: 'done',
          status: solution.status ?? 'completed',
          iterations: jsonNumber(stats.iterations ?? latest?.iteration),
          elapsedMs: jsonNumber(stats.elapsedMs ?? latest?.elapsedMs),
          cost: jsonNumber(solution.summary.cost),
          routes: solution.summary.routes,
          unassigned: solution.summary.unassigned,
          feasible,
        }) + '\n',
      );
    },
  };
}
