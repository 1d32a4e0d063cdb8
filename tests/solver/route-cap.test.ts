/**
 * The ILS's route cap (search/ils.ts `routeCapSlack`, run-ils.ts `routeCap`):
 * once a feasible best exists, no iteration opens a route beyond the best's
 * count plus the slack (nor is the cap held below one route above the loads'
 * bound); the count of non-empty routes that the cap reads, kept by
 * `SearchRoutes.update`, equals a scan of the routes; the default applies to
 * the cost objective without time windows only; the solver's plans stay
 * checked and repeatable.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import type { Problem } from '../../src/model/types.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { routeCap } from '../../src/solver/run-ils.js';
import { Ils } from '../../src/solver/search/ils.js';
import { loadRouteBound } from '../../src/solver/search/route-min.js';
import { searchProblem } from '../../src/solver/search/objective.js';
import { expectCheckedAndRepeatable, problem as windowsProblem } from './windows-fixture.js';

/** n clients around a central depot with loads that fill routes of capacity 30 tightly; as many vans as clients. */
function tight(n: number, seed: number): Problem {
  const rng = new Rng(seed);
  const jobs = Array.from({ length: n }, (_, i) => ({
    id: `j${i}`, location: [rng.int(200), rng.int(200)] as [number, number], delivery: [4 + rng.int(9)],
  }));
  const vehicles = Array.from({ length: n }, (_, k) => ({ id: `v${k}`, start: [100, 100] as [number, number], end: [100, 100] as [number, number], capacity: [30] }));
  return { jobs, vehicles, travel: { type: 'euclidean' } };
}

/**
 * Runs the ILS on `p` and counts, between local-search slices (the candidate
 * plan being searched), the times the working plan has more routes than the
 * best before it plus the slack.
 */
async function trace(p: Problem, slack: number | undefined, seed: number) {
  const compiled = compileProblem(p, { granularSize: 20 });
  const { slotType } = fleetSlots(compiled);
  const cp = searchProblem(compiled, { type: 'cost' } as never);
  // the cap never goes below one route above the loads' bound
  const floor = loadRouteBound(cp, slotType) + 1;
  let bestBefore = Infinity, above = 0, ticks = 0, iterations = 0, countMismatch = 0;
  const ils: Ils = new Ils(cp, slotType, {
    seed, maxIterations: 1500, granularSize: 20, historyLength: 50, noImprovement: 100_000, stopOnNoImprovement: false,
    minPerturbation: 1, maxPerturbation: 10, routeRemovalRate: 0, useSwapStar: true, sliceEvaluations: 100,
    shouldStop: () => false, construction: 'savings', routeCapSlack: slack,
    tick: async () => {
      ticks++;
      if (ils.rs.used > Math.max(bestBefore + (slack ?? 0), floor)) above++;
      let scanned = 0;
      for (let r = 0; r < ils.rs.R; r++) if (ils.rs.len[r] > 0) scanned++;
      if (ils.rs.used !== scanned) countMismatch++;
    },
    trace: (t) => {
      iterations++;
      bestBefore = t.bestRoutes > 0 ? t.bestRoutes : Infinity;
    },
  });
  const result = await ils.run();
  return { above, ticks, iterations, countMismatch, best: result.best };
}

describe('the ILS route cap', () => {
  it('never lets the plan under search pass the best route count (+ slack, at least the loads’ bound + 1); free, the same search does', async () => {
    let freeAbove = 0;
    for (const seed of [1, 2, 3]) {
      const p = tight(70, seed);
      for (const slack of [0, 1]) {
        const capped = await trace(p, slack, seed);
        expect(capped.iterations).toBe(1500);
        expect(capped.ticks).toBeGreaterThan(capped.iterations);
        expect(capped.above).toBe(0);
        expect(capped.countMismatch).toBe(0);
        expect(capped.best).not.toBeNull();
        expect(capped.best!.feasible).toBe(true);
      }
      const free = await trace(p, undefined, seed);
      expect(free.countMismatch).toBe(0);
      freeAbove += free.above;
    }
    // the instances are tight enough that the free search opens routes beyond the best's count
    expect(freeAbove).toBeGreaterThan(0);
  });

  it('is on by default for the cost objective without time windows or shifts, with one vehicle type and no optional jobs', () => {
    const plain = { hasTime: false, optional: false, T: 1 };
    expect(routeCap(undefined, plain, 'cost')).toBe(0);
    expect(routeCap(undefined, { ...plain, hasTime: true }, 'cost')).toBeUndefined();
    expect(routeCap(undefined, { ...plain, optional: true }, 'cost')).toBeUndefined();
    expect(routeCap(undefined, { ...plain, T: 2 }, 'cost')).toBeUndefined();
    for (const o of ['fewest-vehicles', 'balance', 'makespan']) expect(routeCap(undefined, plain, o)).toBeUndefined();
    expect(routeCap(2, { ...plain, hasTime: true }, 'balance')).toBe(2);
    expect(routeCap(-1, plain, 'cost')).toBeUndefined();
    // the compiled problems the default reads
    expect(compileProblem(tight(10, 1), { granularSize: 5 }).hasTime).toBe(false);
    expect(compileProblem(windowsProblem(10, 1), { granularSize: 5 }).hasTime).toBe(true);
  });

  it('solves capacity-tight problems to checked, repeatable plans (ILS, default cap and none)', async () => {
    for (const seed of [4, 5]) {
      const p = tight(80, seed);
      await expectCheckedAndRepeatable(p, { algorithm: 'ils', seed, maxIterations: 800 });
      await expectCheckedAndRepeatable(p, { algorithm: 'ils', seed, maxIterations: 800, routeCapSlack: -1 });
    }
  });
});
