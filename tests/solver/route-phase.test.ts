/**
 * The route phase as resumable attempts (fewest-vehicles,
 * search/route-phase.ts): it hands over to the ILS after `stall` failures in
 * a row, schedules its next attempt by iterations, resumes inside the ILS
 * from the best plan, and the search that uses it stays checked and
 * deterministic.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import type { Problem } from '../../src/model/types.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { Ils } from '../../src/solver/search/ils.js';
import { computeNeighbourhood } from '../../src/solver/search/neighbourhood.js';
import { searchProblem } from '../../src/solver/search/objective.js';
import { RoutePhase, type RoutePhaseSettings } from '../../src/solver/search/route-phase.js';
import { expectCheckedAndRepeatable, expectFeasible, problem, routesOf } from './windows-fixture.js';

/** The windows fixture with windows of 30 (opening after 80, every client reachable) and vans of capacity 400: only the windows bound the routes. */
function tight(n: number, seed: number): Problem {
  const base = problem(n, seed);
  return {
    ...base,
    jobs: base.jobs.map((j) => ({ ...j, timeWindows: [[80 + j.timeWindows![0][0], 110 + j.timeWindows![0][0]]] as [number, number][] })),
    vehicles: base.vehicles.map((v) => ({ ...v, capacity: [400] })),
  };
}

const settings = (extra: Partial<RoutePhaseSettings>): RoutePhaseSettings => ({ attemptIterations: 40, maxFailures: 4, growth: 2, phaseOver: () => false, ...extra });

describe('RoutePhase', () => {
  it('with a stall, stops after that many failures in a row and schedules its next attempt by the next budget', async () => {
    for (const seed of [1, 2, 3]) {
      const p = problem(30, seed);
      const rs = routesOf(p, Array.from({ length: 30 }, (_, i) => [i]));
      const phase = new RoutePhase(rs, computeNeighbourhood(rs.data.cp, 10), new Rng(seed), settings({ stall: 1, shareRatio: 0.5 }));
      let removed = 0;
      await phase.run(7, async () => false, () => false, () => void removed++);
      expectFeasible(rs, 30);
      expect(removed).toBe(phase.removed);
      expect(rs.usedRoutes()).toBe(30 - removed);
      expect(removed).toBeGreaterThan(0);
      if (!phase.open()) continue; // at the route bound
      // one failure (budget 40 → 80 steps next): due 0.5 × 80 iterations later
      expect(phase.streak).toBe(1);
      expect(phase.sharing).toBe(true);
      expect(phase.nextAt).toBe(7 + 40);
      expect(phase.due(46)).toBe(false);
      expect(phase.due(47)).toBe(true);
      // resumed: a success runs back to back again; a failure schedules the next (larger) attempt
      const before = phase.attempts;
      await phase.resume(47, async () => false, () => false, () => void removed++);
      expect(phase.attempts).toBeGreaterThan(before);
      expectFeasible(rs, 30);
      expect(rs.usedRoutes()).toBe(30 - removed);
      if (phase.sharing) expect(phase.nextAt).toBeGreaterThan(47);
    }
  });

  it('without a stall, runs until the failures end it, and never resumes', async () => {
    const p = problem(30, 4);
    const rs = routesOf(p, Array.from({ length: 30 }, (_, i) => [i]));
    const phase = new RoutePhase(rs, computeNeighbourhood(rs.data.cp, 10), new Rng(4), settings({ maxFailures: 2 }));
    await phase.run(0, async () => false, () => false, () => {});
    expectFeasible(rs, 30);
    expect(phase.open()).toBe(false);
    expect(phase.sharing).toBe(false);
    expect(phase.due(1_000_000)).toBe(false);
  });

  it('ends at once when its time share is used', async () => {
    const p = problem(30, 5);
    const rs = routesOf(p, Array.from({ length: 30 }, (_, i) => [i]));
    const phase = new RoutePhase(rs, computeNeighbourhood(rs.data.cp, 10), new Rng(5), settings({ stall: 1, phaseOver: () => true }));
    await phase.run(0, async () => true, () => false, () => {});
    expect(phase.attempts).toBe(0);
    expect(phase.sharing).toBe(false);
    expect(rs.usedRoutes()).toBe(30);
  });
});

describe('the ILS with a shared route phase', () => {
  it('resumes attempts between iterations; the best plan is feasible; deterministic', async () => {
    const p = tight(40, 8);
    const compiled = compileProblem(p, { granularSize: 20 });
    const { slotType } = fleetSlots(compiled);
    const run = async (stall?: number) => {
      const cp = searchProblem(compiled, { type: 'fewest-vehicles' } as never);
      const ils = new Ils(cp, slotType, {
        seed: 3, maxIterations: 400, granularSize: 20, historyLength: 50, noImprovement: 10_000, stopOnNoImprovement: false,
        minPerturbation: 1, maxPerturbation: 10, routeRemovalRate: 0.2, useSwapStar: true, sliceEvaluations: 20_000,
        shouldStop: () => false, tick: async () => {}, construction: 'savings',
        routeMin: { attemptIterations: 100, maxFailures: 4, growth: 1, phaseOver: () => false, stall, shareRatio: 0.5 },
      });
      const res = await ils.run();
      return { ils, res };
    };
    const shared = await run(1);
    const phase = shared.ils.phase!;
    expect(shared.res.iterations).toBe(400);
    // resumed in the loop: more attempts than the one failure of the hand-over plus the successes before it
    expect(phase.attempts).toBeGreaterThan(phase.removed + 1);
    const best = shared.res.best!;
    expect(best.feasible).toBe(true);
    best.restore(shared.ils.rs);
    expectFeasible(shared.ils.rs, 40);
    const again = await run(1);
    expect(JSON.stringify(again.res.best!.routes)).toBe(JSON.stringify(best.routes));
    expect(again.ils.phase!.attempts).toBe(phase.attempts);
  });
});

describe('solve: fewest-vehicles with the shared phase', () => {
  it('checked plans, deterministic for a seed and an iteration budget', async () => {
    const p = { ...tight(30, 12), objective: { type: 'fewest-vehicles' as const } };
    const opts = { algorithm: 'ils' as const, seed: 4, maxIterations: 300 };
    await expectCheckedAndRepeatable(p, opts);
  });

  it('short routes: fresh starts once the phase will not resume; checked, deterministic, counted as restarts', async () => {
    // capacity 40 against about 90 units of deliveries: short routes, so the phase shares its time (run-ils.ts)
    const p = { ...problem(30, 12), objective: { type: 'fewest-vehicles' as const } };
    const opts = { algorithm: 'ils' as const, seed: 4, maxIterations: 800 };
    const s = await expectCheckedAndRepeatable(p, opts);
    // the plain restart needs 150,000 iterations without a new best: these are fresh starts (5 n = 150 without one)
    expect(s.stats?.restarts).toBeGreaterThan(0);
  });
});
