/**
 * The iterated local search's first plan: Clarke & Wright savings, greedy
 * insertion in a seeded random order, or savings checked against the loads'
 * route bound (`checked-savings`): with time windows, savings merges only
 * feasible chain ends and can leave far more routes than the loads need
 * (Homberger 1,000: R2_10_1 75 routes for a bound of 19, R1_10_1 164 for 91),
 * which the search then removes slowly; greedy insertion starts near the
 * final route count. Where savings' routes stay within `SAVINGS_ROUTE_EXCESS`
 * × the bound (capacity-bound generated files of 1,000–1,500 clients:
 * 1.09–1.15×) savings is the better start and is kept.
 */
import type { Rng } from '../../core/rng.js';
import { insertionConstruction, savingsApplies, savingsConstruction } from './construct.js';
import type { Inserter } from './insert.js';
import type { Neighbourhood } from './neighbourhood.js';
import type { SearchRoutes } from './routes.js';

/** How the first plan is built (see the module comment). */
export type FirstPlan = 'savings' | 'insertion' | 'checked-savings';

/**
 * Savings is replaced by insertion when it leaves more than this many times the
 * loads' route bound (savings as built, before any local search). Measured on
 * the six Homberger 1,000 files at 0.3–3 s and four generated capacity-bound
 * files (bench/results/tuning.md, "The first plan under short limits"): the
 * generated files (1.09–1.15×; first plans of three of 1,000 clients, one of
 * 1,500 also at 1.5 and 3 s) start better from savings, five Homberger files
 * (RC1 1.38× … R2 3.95×) from insertion. C1_10_1 (1.43×) starts better from
 * savings (1.7 against 2.8 % above the best known at 1 s, two seeds) but this
 * ratio cannot tell it from RC1_10_1 (1.38×: 10.8 against 8.2 %); it goes to
 * insertion with them.
 */
export const SAVINGS_ROUTE_EXCESS = 1.25;

/**
 * Builds the first plan into the empty working solution; `bound` is the loads'
 * route bound (route-min.ts `fleetLowerBound`), read only by `checked-savings`.
 * Savings needs one start and one end for the whole fleet; otherwise insertion
 * is used. Returns the construction that made the plan.
 */
export async function buildFirstPlan(
  rs: SearchRoutes, nb: Neighbourhood, inserter: Inserter, rng: Rng, how: FirstPlan, bound: () => number,
  pause?: () => Promise<boolean>,
): Promise<'savings' | 'insertion'> {
  if (how !== 'insertion' && savingsApplies(rs)) {
    await savingsConstruction(rs, nb, inserter, pause);
    if (how === 'savings' || rs.usedRoutes() <= SAVINGS_ROUTE_EXCESS * bound()) return 'savings';
    for (let r = 0; r < rs.R; r++) {
      if (rs.len[r] === 0) continue;
      rs.clear(r);
      rs.update(r);
    }
  }
  const order = new Int32Array(rs.n);
  for (let i = 0; i < rs.n; i++) order[i] = i;
  rng.shuffle(order);
  await insertionConstruction(inserter, order, pause);
  return 'insertion';
}
