/**
 * The pair exchange (exchange-shipment.ts) against a brute force: on random
 * shipment problems and random plans, for every two shipments on different
 * routes, every placement of each pair in the other route (pickup before
 * delivery) is priced from scratch; the operator must find an improving
 * exchange exactly when the brute force does, at its exact delta, and the
 * plan it applies must cost that much less and keep every pair whole and in
 * order. Plane distances (the detour-floor shortcut on) and arbitrary
 * matrices (off). Plans at a local optimum of the exchange go through the
 * independent checker.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution } from '../../src/index.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { ExchangeShipment } from '../../src/solver/search/exchange-shipment.js';
import type { SearchRoutes } from '../../src/solver/search/routes.js';
import { clientsOf, makeProblem, pairOf, priceList, randomPlan, searchState } from './pair-fixture.js';

/** The cheapest price of route r's client list `rest` with the pair (p, d) put in (every placement). */
function bestPlacement(rs: SearchRoutes, r: number, rest: number[], p: number, d: number): number {
  let best = Infinity;
  for (let i = 0; i <= rest.length; i++) {
    for (let j = i; j <= rest.length; j++) {
      best = Math.min(best, priceList(rs, r, [...rest.slice(0, i), p, ...rest.slice(i, j), d, ...rest.slice(j)]));
    }
  }
  return best;
}

/** The best delta of exchanging u's shipment with v's (each at its best placement in the other route). */
function bruteForce(rs: SearchRoutes, u: number, v: number): number {
  const [p1, d1] = pairOf(rs, u), [p2, d2] = pairOf(rs, v);
  const rA = rs.routeOf[u], rB = rs.routeOf[v];
  const restA = clientsOf(rs, rA).filter((c) => c !== p1 && c !== d1);
  const restB = clientsOf(rs, rB).filter((c) => c !== p2 && c !== d2);
  return bestPlacement(rs, rA, restA, p2, d2) + bestPlacement(rs, rB, restB, p1, d1) - rs.cost[rA] - rs.cost[rB];
}

/** Every pair on one route, pickup first. */
function pairsWhole(rs: SearchRoutes): boolean {
  for (let c = 0; c < rs.n; c++) {
    const z = rs.data.partner[c];
    if (z < 0 || !rs.data.isPickup[c]) continue;
    if (rs.routeOf[c] !== rs.routeOf[z] || rs.pos[c] >= rs.pos[z]) return false;
  }
  return true;
}

describe('pair exchange against a brute force', () => {
  let improvingSeen = 0;
  it('finds every improving exchange a full scan finds, at its exact delta, and applies it (plane and arbitrary matrices)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 3, max: 9 }), fc.boolean(), fc.boolean(), (seed, ships, windows, matrix) => {
        const { data, rs } = searchState(makeProblem(seed, ships, windows, matrix));
        randomPlan(rs, seed);
        const op = new ExchangeShipment(rs);
        let checked = 0, improving = 0;
        for (let u = 0; u < rs.n; u++) {
          if (data.partner[u] < 0) continue;
          for (let v = 0; v < rs.n; v++) {
            if (rs.routeOf[v] === rs.routeOf[u]) {
              expect(op.evaluate(u, v)).toBe(Infinity);
              continue;
            }
            const got = op.evaluate(u, v);
            if (data.partner[v] < 0) {
              expect(got).toBe(Infinity);
              continue;
            }
            const want = bruteForce(rs, u, v);
            checked++;
            if (want < -1e-6) {
              improving++;
              expect(got).toBeCloseTo(want, 6);
            } else expect(got > -1e-6).toBe(true);
          }
        }
        expect(checked).toBeGreaterThan(0);
        // apply improving exchanges until none is left: each lowers the cost by its delta
        for (let round = 0; round < 50; round++) {
          let applied = false;
          for (let u = 0; u < rs.n && !applied; u++) {
            for (let v = 0; v < rs.n && !applied; v++) {
              const delta = op.evaluate(u, v);
              if (!(delta < -1e-7)) continue;
              const before = rs.totalCost();
              op.apply(u, v);
              expect(rs.totalCost() - before).toBeCloseTo(delta, 6);
              expect(pairsWhole(rs)).toBe(true);
              applied = true;
            }
          }
          if (!applied) break;
        }
        improvingSeen += improving;
      }),
      { numRuns: 50 },
    );
    // random plans leave many improving exchanges: the comparison above was not vacuous
    expect(improvingSeen).toBeGreaterThan(50);
  });

  it('plans at a local optimum of the exchange pass the independent checker with the costs the search states', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 3, max: 9 }), fc.boolean(), (seed, ships, matrix) => {
        // without time windows and with room for every load, a random plan is feasible and stays so
        const problem = makeProblem(seed, ships, false, matrix);
        for (const v of problem.vehicles) v.capacity = [1000];
        const { data, rs } = searchState(problem);
        randomPlan(rs, seed);
        const op = new ExchangeShipment(rs);
        for (let round = 0; round < 200; round++) {
          let applied = false;
          for (let u = 0; u < rs.n && !applied; u++) {
            for (let v = 0; v < rs.n && !applied; v++) {
              if (op.evaluate(u, v) < -1e-7) {
                op.apply(u, v);
                applied = true;
              }
            }
          }
          if (!applied) break;
        }
        // clients: the jobs first, then each shipment's pickup and delivery (the compiled order)
        const jobs = problem.jobs!.length;
        const step = (u: number) =>
          u < jobs ? { type: 'job' as const, id: `j${u}` } : { type: data.isPickup[u] ? ('pickup' as const) : ('delivery' as const), shipment: `s${(u - jobs) >> 1}` };
        const slotVehicle = fleetSlots(data.cp).slotVehicle;
        const plan = {
          routes: Array.from({ length: rs.R }, (_, r) => r)
            .filter((r) => rs.len[r] > 0)
            .map((r) => ({ vehicle: problem.vehicles[slotVehicle[r]].id, steps: clientsOf(rs, r).map(step) })),
        };
        const check = checkSolution(problem, plan);
        expect(check.violations ?? []).toEqual([]);
        expect(check.feasible).toBe(true);
        const arcs = Array.from({ length: rs.R }, (_, r) => (rs.len[r] > 0 ? rs.arcCost[r] : 0)).reduce((a, b) => a + b, 0);
        expect(check.summary.distance).toBeCloseTo(arcs, 6);
      }),
      { numRuns: 30 },
    );
  });
});

describe('pairExchange in solve', () => {
  it('gives a checked, reproducible plan and searches differently from the default', async () => {
    const { solve } = await import('../../src/index.js');
    const problem = makeProblem(11, 14, true, false);
    const opts = { algorithm: 'ils' as const, seed: 2, maxIterations: 150 };
    const on = await solve(problem, { ...opts, pairExchange: true });
    const again = await solve(problem, { ...opts, pairExchange: true });
    const off = await solve(problem, opts);
    const report = checkSolution(problem, on);
    expect(report.violations).toEqual([]);
    expect(on.unassigned).toEqual([]);
    expect(JSON.stringify(again.routes)).toBe(JSON.stringify(on.routes));
    // the exchange is one more operator per (u, v): more evaluations than without it
    expect(on.stats!.evaluations).toBeGreaterThan(off.stats!.evaluations);
  });
});
