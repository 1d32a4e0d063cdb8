/**
 * Fresh starts of the distance search (fewest-vehicles on long routes,
 * search/ils.ts `routeMin.restartAfter`, `RoutePhase.reach`): from the first
 * plan the phase's attempts come back down to the best's route count; the
 * phase's own state is left alone, the fleet limit is held meanwhile, and
 * the search that uses them stays checked and deterministic.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import type { Problem } from '../../src/model/types.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { Ils } from '../../src/solver/search/ils.js';
import { computeNeighbourhood } from '../../src/solver/search/neighbourhood.js';
import { searchProblem } from '../../src/solver/search/objective.js';
import { FleetLimit } from '../../src/solver/search/objective-fleet.js';
import { RoutePhase, type RoutePhaseSettings } from '../../src/solver/search/route-phase.js';
import { expectCheckedAndRepeatable, expectFeasible, problem, routesOf } from './windows-fixture.js';

/** The windows fixture with vans of capacity 400: only the windows bound the routes, which get long (the loads' bound is one route). */
function long(n: number, seed: number): Problem {
  const base = problem(n, seed);
  return { ...base, vehicles: base.vehicles.map((v) => ({ ...v, capacity: [400] })) };
}

const settings = (extra: Partial<RoutePhaseSettings>): RoutePhaseSettings => ({ attemptIterations: 60, maxFailures: 3, growth: 2, phaseOver: () => false, ...extra });

describe('RoutePhase.reach', () => {
  it('comes down to the target from singleton routes, or stops after the failures with a feasible plan; the phase state is untouched', async () => {
    for (const seed of [1, 2, 3]) {
      const p = problem(30, seed);
      const rs = routesOf(p, Array.from({ length: 30 }, (_, i) => [i]));
      const nb = computeNeighbourhood(rs.data.cp, 10);
      const phase = new RoutePhase(rs, nb, new Rng(seed), settings({ stall: 1, shareRatio: 0.5, phaseOver: () => true }));
      // the phase's time share is used: run() makes no attempt, reach() ignores the share
      await phase.run(0, async () => false, () => false, () => {});
      expect(phase.attempts).toBe(0);
      const target = 12;
      let held = 0;
      const ok = await phase.reach(target, 2, async () => false, () => {
        if (phase.sharing) held++;
        return false;
      });
      expectFeasible(rs, 30);
      expect(ok).toBe(rs.usedRoutes() <= target);
      if (!ok) expect(phase.attempts - phase.removed).toBe(2);
      expect(phase.removed).toBe(30 - rs.usedRoutes());
      expect(phase.removed).toBeGreaterThan(0);
      // the fleet limit sees `sharing` while the attempts run, and not after
      expect(held).toBeGreaterThan(0);
      expect(phase.sharing).toBe(false);
      expect(phase.streak).toBe(0);
      expect(phase.nextAt).toBe(-1);
    }
  });

  it('stops at once when asked to', async () => {
    const p = problem(20, 4);
    const rs = routesOf(p, Array.from({ length: 20 }, (_, i) => [i]));
    const phase = new RoutePhase(rs, computeNeighbourhood(rs.data.cp, 10), new Rng(4), settings({}));
    expect(await phase.reach(1, 2, async () => false, () => true)).toBe(false);
    expect(phase.attempts).toBe(0);
    expect(rs.usedRoutes()).toBe(20);
  });
});

describe('the ILS with fresh starts', () => {
  it('starts afresh when the search stalls; the best plan is feasible; deterministic', async () => {
    const p = long(40, 8);
    const compiled = compileProblem(p, { granularSize: 20 });
    const { slotType } = fleetSlots(compiled);
    const run = async (restartAfter?: number) => {
      const cp = searchProblem(compiled, { type: 'fewest-vehicles' } as never);
      let asked = 0;
      const ils = new Ils(cp, slotType, {
        seed: 3, maxIterations: 600, granularSize: 20, historyLength: 50, noImprovement: 100_000, stopOnNoImprovement: false,
        minPerturbation: 1, maxPerturbation: 10, routeRemovalRate: 0.2, useSwapStar: true, sliceEvaluations: 20_000,
        shouldStop: () => false, tick: async () => {}, construction: 'savings',
        routeMin: { attemptIterations: 100, maxFailures: 2, growth: 1, phaseOver: () => false, restartAfter, restartOk: () => ++asked > 0 },
      });
      const res = await ils.run();
      return { ils, res, asked };
    };
    const fresh = await run(50);
    expect(fresh.res.iterations).toBe(600);
    // restarts count the fresh starts (the plain restart needs 100,000 iterations without a new best)
    expect(fresh.res.restarts).toBeGreaterThan(0);
    expect(fresh.asked).toBeGreaterThanOrEqual(fresh.res.restarts);
    const best = fresh.res.best!;
    expect(best.feasible).toBe(true);
    best.restore(fresh.ils.rs);
    expectFeasible(fresh.ils.rs, 40);
    const again = await run(50);
    expect(JSON.stringify(again.res.best!.routes)).toBe(JSON.stringify(best.routes));
    expect(again.res.restarts).toBe(fresh.res.restarts);
    // without fresh starts: no restart at all
    const plain = await run(undefined);
    expect(plain.res.restarts).toBe(0);
    expect(plain.asked).toBe(0);
  }, 180_000);

  it('a start refused by restartOk waits', async () => {
    const p = long(30, 9);
    const compiled = compileProblem(p, { granularSize: 20 });
    const { slotType } = fleetSlots(compiled);
    const cp = searchProblem(compiled, { type: 'fewest-vehicles' } as never);
    const ils = new Ils(cp, slotType, {
      seed: 2, maxIterations: 300, granularSize: 20, historyLength: 50, noImprovement: 100_000, stopOnNoImprovement: false,
      minPerturbation: 1, maxPerturbation: 10, routeRemovalRate: 0.2, useSwapStar: true, sliceEvaluations: 20_000,
      shouldStop: () => false, tick: async () => {}, construction: 'savings',
      routeMin: { attemptIterations: 100, maxFailures: 2, growth: 1, phaseOver: () => false, restartAfter: 20, restartOk: () => false },
    });
    const res = await ils.run();
    expect(res.restarts).toBe(0);
    expect(res.best!.feasible).toBe(true);
  });
});

describe('FleetLimit.lapses', () => {
  it('counts the attempts given up; the slots open again as they were', () => {
    const p = problem(20, 3);
    const rs = routesOf(p, Array.from({ length: 20 }, (_, i) => [i]));
    const fleet = new FleetLimit(rs, 5, 3);
    const warp = Array.from({ length: rs.R }, (_, r) => rs.timeWarp[r]);
    const best = { routes: Array.from({ length: rs.R }, (_, r) => rs.nodes[r].slice(1, rs.len[r] + 1)), routeCount: 20 };
    fleet.step(rs, 0, best);
    expect(fleet.attempting).toBe(false);
    fleet.step(rs, 5, best);
    expect(fleet.attempting).toBe(true);
    // the closed slot (the smallest route) carries time warp now
    expect(rs.timeWarp.some((w, r) => w > warp[r] + 1e-7)).toBe(true);
    expect(fleet.lapses).toBe(0);
    fleet.step(rs, 8, best);
    expect(fleet.attempting).toBe(false);
    expect(fleet.lapses).toBe(1);
    for (let r = 0; r < rs.R; r++) expect(rs.timeWarp[r]).toBeCloseTo(warp[r], 9);
    // held: no new attempt, no lapse
    fleet.step(rs, 100, best, true);
    expect(fleet.attempting).toBe(false);
    expect(fleet.lapses).toBe(1);
  });
});

describe('the ILS told of lapsed fleet attempts', () => {
  it('feasible best, deterministic', async () => {
    const p = long(30, 10);
    const compiled = compileProblem(p, { granularSize: 20 });
    const { slotType } = fleetSlots(compiled);
    const run = async () => {
      const cp = searchProblem(compiled, { type: 'fewest-vehicles' } as never);
      let calls = 0;
      const ils = new Ils(cp, slotType, {
        seed: 5, maxIterations: 300, granularSize: 20, historyLength: 50, noImprovement: 100_000, stopOnNoImprovement: false,
        minPerturbation: 1, maxPerturbation: 10, routeRemovalRate: 0.2, useSwapStar: true, sliceEvaluations: 20_000,
        shouldStop: () => false, tick: async () => {}, construction: 'savings',
        routeMin: { attemptIterations: 100, maxFailures: 2, growth: 1, phaseOver: () => false, lapsed: () => ++calls % 7 === 0, lapseIterations: 3 },
      });
      const res = await ils.run();
      return { ils, res, calls };
    };
    const a = await run();
    expect(a.calls).toBe(300);
    expect(a.res.best!.feasible).toBe(true);
    a.res.best!.restore(a.ils.rs);
    expectFeasible(a.ils.rs, 30);
    const b = await run();
    expect(JSON.stringify(b.res.best!.routes)).toBe(JSON.stringify(a.res.best!.routes));
  });
});

describe('solve: fewest-vehicles on long routes (fresh starts)', () => {
  it('checked plans, deterministic for a seed and an iteration budget', async () => {
    // 30 clients on routes bounded by windows only: long routes, so the fresh starts apply (after 10 × 30 iterations)
    const p = { ...long(30, 12), objective: { type: 'fewest-vehicles' as const } };
    await expectCheckedAndRepeatable(p, { algorithm: 'ils', seed: 4, maxIterations: 700 });
  }, 180_000); // a hang guard only: a few seconds on a quiet machine
});
