/**
 * An exact polish after the decode, for problems the search saw through its
 * relaxed model (compile-relax.ts: several windows, setup, per-type
 * durations, soft windows, breaks): within each route, a task moves to
 * another position when the exact evaluator (evaluate.ts) finds the route
 * still feasible and cheaper — e.g. the order that pays less lateness, or
 * that saves a setup by visiting one location's stops in a row, which the
 * relaxed model cannot see. First improvement, repeated until none is left
 * or the work budget is spent; served tasks never change, so the objective
 * only moves by cost. Deterministic.
 */
import { RouteEvaluation } from './evaluate.js';
import { evaluatorOf, type DecodeContext } from './simulate.js';

/**
 * Improves every route of `plan` in place by intra-route relocation under the
 * exact evaluation (see the module comment). `workLimit` bounds the tasks
 * evaluated in all. Returns the total cost saved.
 */
export function polishRoutes(ctx: DecodeContext, plan: Map<number, number[]>, workLimit = 2e6): number {
  const ev = evaluatorOf(ctx);
  const out = new RouteEvaluation();
  let work = 0;
  let saved = 0;
  let trial = new Int32Array(16);
  for (const k of [...plan.keys()].sort((a, b) => a - b)) {
    const route = plan.get(k)!;
    const n = route.length;
    if (n < 2) continue;
    if (trial.length < n) trial = new Int32Array(2 * n);
    ev.evaluate(k, route, n, out);
    if (!out.feasible) continue;
    let cost = out.cost;
    let improved = true;
    while (improved && work < workLimit) {
      improved = false;
      for (let i = 0; i < n && !improved && work < workLimit; i++) {
        for (let j = -1; j < n && work < workLimit; j++) {
          if (j === i || j === i - 1) continue;
          // task i goes right after position j of the route without it (j = -1: first)
          let m = 0;
          if (j < 0) trial[m++] = route[i];
          for (let x = 0; x < n; x++) {
            if (x === i) continue;
            trial[m++] = route[x];
            if (x === j) trial[m++] = route[i];
          }
          work += n;
          ev.evaluate(k, trial, n, out);
          if (out.feasible && out.cost < cost - 1e-9 * (1 + Math.abs(cost))) {
            saved += cost - out.cost;
            cost = out.cost;
            for (let x = 0; x < n; x++) route[x] = trial[x];
            improved = true;
            break;
          }
        }
      }
    }
  }
  return saved;
}
