/**
 * `fewest-vehicles`, after the route-minimisation phase (route-min.ts): the
 * distance search keeps the route count it was handed, so the local search's
 * moves and the perturbation's re-insertions see a dearer route. With the
 * moderate fixed cost of the phase (objective.ts: a depot round trip to an
 * average client) half of the candidates on Solomon R1 opened one route more
 * than the current plan — a route the solution totals reject at once, so the
 * iteration was lost (bench/results/tuning.md, "distance after route
 * minimisation").
 *
 * Solution totals do not change: the added fixed cost is taken back in
 * `SearchData.extraPrice`, so acceptance, the best plan and the costs the
 * search reports are those of the plain objective.
 */
import type { SearchRoutes } from './routes.js';

/**
 * Adds `add` to the fixed cost of every route slot as the moves see it (and
 * re-prices every route), and subtracts it per used route from solution totals.
 * The search's compiled problem (`rs.data.cp`, the copy `searchProblem` made
 * for `fewest-vehicles`) is changed in place.
 */
export function raiseRouteCost(rs: SearchRoutes, add: number): void {
  if (!(add > 0) || !Number.isFinite(add)) return;
  const data = rs.data, cp = data.cp;
  for (let t = 0; t < cp.T; t++) cp.typeFixed[t] += add;
  for (let r = 0; r < rs.R; r++) rs.fixedCost[r] = cp.typeFixed[data.slotType[r]];
  for (let r = 0; r < rs.R; r++) rs.update(r);
  const before = data.extraPrice;
  data.extraPrice = (x) => {
    let used = 0;
    for (let r = 0; r < x.R; r++) if (x.len[r] > 0) used++;
    return (before ? before(x) : 0) - add * used;
  };
}
