/**
 * Runs the hybrid genetic search (hgs.ts) for `solve` and returns the best
 * per-slot client lists.
 */
import { VrpkitError } from '../core/errors.js';
import type { Problem } from '../model/types.js';
import type { CompiledProblem } from './compile.js';
import { Hgs } from './hgs.js';
import type { ExchangeOffer, SolveOptions } from './index.js';
import { slotPlan, warmRoutes } from './plan-map.js';

export interface EngineRun {
  routes: ArrayLike<number>[];
  slotVehicle: Int32Array;
  stats: Record<string, number>;
}

/** Initial population: HGS's 4 mu up to 200 jobs, then shrinking with n (at least 10) so large instances start searching early. */
function defaultInitialSize(n: number, mu: number): number {
  return n <= 200 ? 4 * mu : Math.max(10, Math.round((4 * mu * 200) / n));
}

export async function runHgs(
  _problem: Problem, cp: CompiledProblem, options: SolveOptions, hasTime: boolean, hasIt: boolean,
  shouldStop: () => boolean, report: (iteration: number, bestCost: number, feasible: boolean) => Promise<void>,
): Promise<EngineRun> {
  if (cp.hasShipments) throw new VrpkitError('unsupported', "algorithm 'hgs' does not serve shipments; use the default 'ils'", '/shipments');
  const mu = options.populationSize ?? (cp.n > 200 ? 12 : 25);
  const hgs = new Hgs(cp, {
    seed: options.seed ?? 1,
    mu,
    lambda: options.generationSize ?? (cp.n > 200 ? 20 : 40),
    nbElite: options.nbElite ?? 4,
    nbClose: options.nbClose ?? 5,
    nbIterNoImprovement: options.iterationsWithoutImprovement ?? (!hasTime && !hasIt ? Math.min(20000, Math.max(500, 50 * cp.n)) : 20000),
    stopOnNoImprovement: !hasTime && !hasIt,
    maxIterations: options.maxIterations ?? Infinity,
    targetFeasible: options.targetFeasible ?? 0.2,
    repairProbability: options.repairProbability ?? 0.5,
    useSwapStar: options.useSwapStar ?? true,
    sweepShare: options.sweepShare ?? (cp.n > 300 ? 0.8 : 0.1),
    initialSize: options.initialPopulation ?? defaultInitialSize(cp.n, mu),
    shouldStop,
    tick: async (iteration, best, bestInf) => {
      const b = best ?? bestInf;
      await report(iteration, b ? b.penalisedCost : Infinity, !!best);
    },
  });
  if (options.exchange) {
    const ex = options.exchange;
    hgs.params.exchange = {
      every: Math.max(1, Math.floor(ex.every)),
      call: async (best, iteration) => {
        const offer: ExchangeOffer | null = best
          ? { cost: best.penalisedCost, feasible: best.feasible, plan: slotPlan(cp, best.routes, hgs.slotVehicle) }
          : null;
        const got = await ex.exchange(offer, iteration);
        return got ? warmRoutes(cp, got, hgs.slotType, hgs.slotVehicle) : undefined;
      },
    };
  }
  const warm = options.initialSolution ? warmRoutes(cp, options.initialSolution, hgs.slotType, hgs.slotVehicle) : undefined;
  const res = await hgs.run(warm);
  const chosen = res.best ?? res.bestInfeasible;
  return {
    routes: chosen ? chosen.routes : [],
    slotVehicle: res.slotVehicle,
    stats: { iterations: res.iterations, restarts: res.restarts, penaltyLoad: hgs.wQ, penaltyTimeWarp: hgs.wTW },
  };
}
