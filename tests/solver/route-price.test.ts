/**
 * The adaptive route price after the route phase (fewest-vehicles,
 * search/route-price.ts): it doubles while candidates keep opening a route,
 * halves when they stop, stays within [1, cap] moderate units, changes what
 * the moves see but not solution totals, and the search that uses it stays
 * checked and deterministic.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/types.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { Ils, type IlsParams } from '../../src/solver/search/ils.js';
import { fewestVehiclePrices, searchProblem } from '../../src/solver/search/objective.js';
import { AdaptiveRoutePrice } from '../../src/solver/search/route-price.js';
import type { SearchRoutes } from '../../src/solver/search/routes.js';
import { Snapshot } from '../../src/solver/search/snapshot.js';
import { expectCheckedAndRepeatable, problem, routesOf } from './windows-fixture.js';


/** The price of a route made of `list` in slot r, as the moves see it. */
function routePrice(rs: SearchRoutes, r: number, list: number[]): number {
  const acc = rs.b.startNode(rs.data.startOf(r), rs.typeOf(r));
  for (const c of list) acc.node(c);
  acc.node(rs.data.endOf(r)).price();
  return acc.baseCost;
}

describe('AdaptiveRoutePrice', () => {
  const opts = { window: 10, high: 0.25, low: 0.05, cap: 8 };
  const feed = (price: AdaptiveRoutePrice, rs: SearchRoutes, opened: number, of = 10): boolean[] =>
    Array.from({ length: of }, (_, i) => price.observe(rs, i < opened ? 1 : i % 2 === 0 ? 0 : -1));

  it('doubles while the share of candidates opening a route is high, up to the cap; halves back to 1 when it is low', () => {
    const rs = routesOf(problem(12, 1), [[0, 1, 2], [3, 4, 5, 6], [7, 8], [9, 10, 11]]);
    const price = new AdaptiveRoutePrice(50, opts);
    const factors: number[] = [];
    // only the last candidate of a window decides
    expect(feed(price, rs, 10, 9)).toEqual(Array(9).fill(false));
    expect(price.observe(rs, 1)).toBe(true);
    factors.push(price.factor);
    for (let w = 0; w < 4; w++) {
      feed(price, rs, 3); // 30 % > 25 %
      factors.push(price.factor);
    }
    feed(price, rs, 1); // 10 %: between the thresholds, unchanged
    factors.push(price.factor);
    for (let w = 0; w < 5; w++) {
      feed(price, rs, 0); // 0 % < 5 %; fewer routes (-1) do not count as opened
      factors.push(price.factor);
    }
    expect(factors).toEqual([2, 4, 8, 8, 8, 8, 4, 2, 1, 1, 1]);
    expect(price.windows).toBe(11);
    expect(price.raises).toBe(3);
    expect(price.lowers).toBe(3);
  });

  it('changes what the moves see per route, not the solution totals', () => {
    const lists = [[0, 1, 2], [3, 4, 5, 6], [7, 8], [9, 10, 11]];
    const rs = routesOf(problem(12, 2), lists);
    const before = new Snapshot(rs.R).save(rs);
    const routeBase = Array.from(rs.base);
    const alone = routePrice(rs, 5, [0]);
    const price = new AdaptiveRoutePrice(50, opts);
    for (let w = 0; w < 2; w++) feed(price, rs, 10);
    expect(price.factor).toBe(4);
    for (let r = 0; r < rs.R; r++) {
      expect(rs.fixedCost[r]).toBeCloseTo(150, 9);
      if (rs.len[r] > 0) expect(rs.base[r]).toBeCloseTo(routeBase[r] + 150, 6);
    }
    // a new route (one client in an empty slot) costs 3 moderate units more
    expect(routePrice(rs, 5, [0])).toBeCloseTo(alone + 150, 6);
    const after = new Snapshot(rs.R).save(rs);
    expect(after.base).toBeCloseTo(before.base, 6);
    expect(after.routeCount).toBe(before.routeCount);
    // moving a client to a new route: the totals differ by the plain change only
    rs.setRoute(0, [1, 2]);
    rs.update(0);
    rs.setRoute(6, [0]);
    rs.update(6);
    const moved = new Snapshot(rs.R).save(rs);
    const plain = routesOf(problem(12, 2), [[1, 2], [3, 4, 5, 6], [7, 8], [9, 10, 11], [], [], [0]]);
    expect(moved.base).toBeCloseTo(new Snapshot(plain.R).save(plain).base, 6);
    // back to the moderate price: the fixed costs as compiled
    for (let w = 0; w < 2; w++) feed(price, rs, 0);
    expect(price.factor).toBe(1);
    for (let r = 0; r < rs.R; r++) expect(rs.fixedCost[r]).toBe(0);
    expect(new Snapshot(rs.R).save(rs).base).toBeCloseTo(moved.base, 6);
  });
});

/** The ILS as run-ils.ts sets it up for fewest-vehicles, with a route phase and a candidate hook. */
function fewestIls(p: Problem, candidate: NonNullable<IlsParams['routeMin']>['candidate'], maxIterations: number): Ils {
  const compiled = compileProblem(p, { granularSize: 20 });
  const cp = searchProblem(compiled, { type: 'fewest-vehicles' } as never);
  const { slotType } = fleetSlots(compiled);
  return new Ils(cp, slotType, {
    seed: 5, maxIterations, granularSize: 20, historyLength: 50, noImprovement: 10_000, stopOnNoImprovement: false,
    minPerturbation: 1, maxPerturbation: 10, routeRemovalRate: 0.2, useSwapStar: true, sliceEvaluations: 20_000,
    shouldStop: () => false, tick: async () => {}, construction: 'savings',
    routeMin: { attemptIterations: 300, maxFailures: 2, phaseOver: () => false, candidate },
  });
}

describe('the ILS reports its candidates after the route phase', () => {
  it('once per iteration, with the candidate\'s routes minus the current plan\'s', async () => {
    const seen: number[] = [];
    const ils = fewestIls(problem(30, 4), (_rs, more) => void seen.push(more), 150);
    const res = await ils.run();
    expect(res.iterations).toBe(150);
    expect(seen.length).toBe(150);
    expect(seen.every((x) => Number.isInteger(x) && Math.abs(x) <= 30)).toBe(true);
  });

  it('with a price raised and lowered in the run, the best plan\'s total is its plain total', async () => {
    const p = problem(30, 6);
    const compiled = compileProblem(p, { granularSize: 20 });
    // raise whenever any candidate of a window of 5 opens a route, lower when none does
    const price = new AdaptiveRoutePrice(fewestVehiclePrices(compiled).search, { window: 5, high: 0, low: 0.01, cap: 16 });
    const ils = fewestIls(p, (rs, more) => void price.observe(rs, more), 300);
    const res = await ils.run();
    expect(price.windows).toBe(60);
    expect(price.raises).toBeGreaterThan(0);
    expect(price.lowers).toBeGreaterThan(0);
    expect(res.best).not.toBeNull();
    // re-price the best plan at the final price: the totals agree (the added price is taken back)
    const best = res.best!;
    best.restore(ils.rs);
    const again = new Snapshot(ils.rs.R).save(ils.rs);
    expect(again.base).toBeCloseTo(best.base, 4);
    expect(again.feasible).toBe(true);
  });
});

describe('solve: fewest-vehicles with the adaptive price', () => {
  it('checked plans, deterministic for a seed and an iteration budget', async () => {
    const p = { ...problem(30, 11), objective: { type: 'fewest-vehicles' as const } };
    const opts = { algorithm: 'ils' as const, seed: 2, maxIterations: 400 };
    await expectCheckedAndRepeatable(p, opts);
  });
});
