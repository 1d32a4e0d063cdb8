/**
 * Route minimisation by ejection pool: the ejector prices every insertion /
 * ejection exactly like a route rebuilt from scratch, and an attempt either
 * removes a route with a feasible plan or restores the plan it started from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { solve } from '../../src/index.js';
import { Ejector } from '../../src/solver/search/eject.js';
import { KEjector } from '../../src/solver/search/eject-k.js';
import { computeNeighbourhood } from '../../src/solver/search/neighbourhood.js';
import { fleetLowerBound, RouteMinimiser } from '../../src/solver/search/route-min.js';
import { expectCheckedAndRepeatable, problem, routesOf } from './windows-fixture.js';


describe('Ejector.price', () => {
  it('equals the price of the route rebuilt with the insertion and the ejections', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, pick) => {
        const p = problem(14, seed);
        const rs = routesOf(p, [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9], [10, 11, 12]]);
        const ej = new Ejector(rs);
        const r = pick % 3, m = rs.len[r];
        const v = 13;
        const pos = 1 + (pick % (m + 1));
        const q1 = pick % 2 === 0 ? -1 : 1 + (pick % m);
        const q2 = q1 > 0 && q1 < m && pick % 3 === 0 ? q1 + 1 + (pick % (m - q1)) : -1;
        const got = ej.price(r, v, pos, q1, q2);
        // rebuild: the route's clients without q1, q2, with v before position pos
        const a = Array.from(rs.nodes[r].slice(1, m + 1));
        const out: number[] = [];
        for (let k = 1; k <= m + 1; k++) {
          if (k === pos) out.push(v);
          if (k <= m && k !== q1 && k !== q2) out.push(a[k - 1]);
        }
        const type = rs.typeOf(r);
        const acc = rs.b.startNode(rs.data.startOf(r), type);
        for (const c of out) acc.node(c);
        acc.node(rs.data.endOf(r)).price();
        const feasible = acc.loadExcess <= 1e-7 && acc.timeWarp <= 1e-7;
        if (!feasible) expect(got).toBe(Infinity);
        else expect(got).toBeCloseTo(acc.baseCost, 6);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every subset of at most k positions of 1..m, ascending. */
function subsets(m: number, k: number): number[][] {
  const out: number[][] = [];
  const rec = (from: number, cur: number[]): void => {
    if (cur.length > 0) out.push([...cur]);
    if (cur.length === k) return;
    for (let q = from; q <= m; q++) rec(q + 1, [...cur, q]);
  };
  rec(1, []);
  return out;
}

describe('KEjector', () => {
  it('finds the least (Psum, cost) insertion with up to k ejections (one on routes longer than longRoute), as an exhaustive enumeration does', () => {
    let hits = 0, missed = 0, deep = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 16, maxLength: 16 }), fc.constantFrom(Infinity, 5), (seed, k, counts, longRoute) => {
        const p = problem(16, seed);
        const rs = routesOf(p, [[0, 1, 2, 3, 4, 5, 6], [7, 8, 9, 10], [11, 12, 13, 14]]);
        const counter = Int32Array.from(counts);
        const ke = new KEjector(rs, k, counter, longRoute);
        const out = KEjector.choice(k);
        const v = 15, skip = 2;
        const found = ke.best(v, skip, out);
        if (out.k > 1) deep++;
        // exhaustive: every route but `skip`, every position, every set of 1..k ejections
        let bestScore = Infinity, bestCost = Infinity;
        for (let r = 0; r < 2; r++) {
          const m = rs.len[r], a = Array.from(rs.nodes[r].slice(1, m + 1));
          for (let pos = 1; pos <= m + 1; pos++) {
            for (const set of subsets(m, m > longRoute ? 1 : k)) {
              const seq: number[] = [];
              for (let q = 1; q <= m + 1; q++) {
                if (q === pos) seq.push(v);
                if (q <= m && !set.includes(q)) seq.push(a[q - 1]);
              }
              const acc = rs.b.startNode(rs.data.startOf(r), rs.typeOf(r));
              for (const c of seq) acc.node(c);
              acc.node(rs.data.endOf(r)).price();
              if (acc.loadExcess > 1e-7 || acc.timeWarp > 1e-7) continue;
              const score = set.reduce((s, q) => s + counter[a[q - 1]], 0), cost = acc.baseCost - rs.base[r];
              if (score < bestScore || (score === bestScore && cost < bestCost)) {
                bestScore = score;
                bestCost = cost;
              }
            }
          }
        }
        expect(found).toBe(bestScore < Infinity);
        if (!found) {
          missed++;
          return;
        }
        hits++;
        expect(out.score).toBe(bestScore);
        expect(out.cost).toBeCloseTo(bestCost, 6);
        // the choice itself: the route rebuilt with it is feasible and costs what was reported
        const r = out.route, m = rs.len[r], a = Array.from(rs.nodes[r].slice(1, m + 1));
        const ej = Array.from(out.ejected.slice(0, out.k));
        expect(out.k).toBeGreaterThanOrEqual(1);
        expect(ej.reduce((s, q) => s + counter[a[q - 1]], 0)).toBe(out.score);
        const acc = rs.b.startNode(rs.data.startOf(r), rs.typeOf(r));
        for (let q = 1; q <= m + 1; q++) {
          if (q === out.position) acc.node(v);
          if (q <= m && !ej.includes(q)) acc.node(a[q - 1]);
        }
        acc.node(rs.data.endOf(r)).price();
        expect(acc.timeWarp).toBeLessThanOrEqual(1e-7);
        expect(acc.loadExcess).toBeLessThanOrEqual(1e-7);
        expect(acc.baseCost - rs.base[r]).toBeCloseTo(out.cost, 6);
      }),
      { numRuns: 200 },
    );
    // the cases are not vacuous: most have a feasible choice, some need more than one ejection
    expect(hits).toBeGreaterThan(missed);
    expect(deep).toBeGreaterThan(0);
  });
});

describe('RouteMinimiser', () => {
  it.each([
    { kMax: 3, shakeMoves: 50, twoOptShare: 0, longRoute: 30 },
    { kMax: 5, shakeMoves: 50, twoOptShare: 0.5, longRoute: 3 },
    { kMax: 0, shakeMoves: 50, twoOptShare: 0, longRoute: 30 },
  ])('an attempt ends with a feasible plan of one route fewer, or the starting plan restored (%o)', async (opts) => {
    for (const seed of [1, 2, 3, 4]) {
      const p = problem(30, seed);
      // one client per route: feasible (each alone fits) and easy to shrink
      const lists = Array.from({ length: 30 }, (_, i) => [i]);
      const rs = routesOf(p, lists);
      const rm = new RouteMinimiser(rs, computeNeighbourhood(rs.data.cp, 10), new Rng(seed), opts);
      // attempts one after the other until one fails: every one keeps all clients on feasible routes
      let removed = 0;
      for (let attempt = 0; attempt < 40; attempt++) {
        const before = rs.usedRoutes();
        const ok = await rm.removeOne(300, async () => false);
        let routed = 0;
        for (let r = 0; r < rs.R; r++) {
          routed += rs.len[r];
          expect(rs.loadExcess[r]).toBeLessThanOrEqual(1e-7);
          expect(rs.timeWarp[r]).toBeLessThanOrEqual(1e-7);
        }
        expect(routed).toBe(30);
        expect(rs.usedRoutes()).toBe(ok ? before - 1 : before);
        if (!ok) break;
        removed++;
      }
      expect(removed).toBeGreaterThan(0);
    }
  });

  it('fewest-vehicles with the phase: checked plans, deterministic for a seed and an iteration budget', async () => {
    const p = { ...problem(30, 9), objective: { type: 'fewest-vehicles' as const } };
    const opts = { algorithm: 'ils' as const, seed: 3, maxIterations: 200 };
    const a = await expectCheckedAndRepeatable(p, opts);
    // the same search without the phase (a cost objective) uses at least as many routes
    const plain = await solve({ ...p, objective: { type: 'cost' } }, opts);
    expect(a.routes.length).toBeLessThanOrEqual(plain.routes.length);
  });
});

describe('fleetLowerBound', () => {
  it('is the fewest capacities that hold all deliveries', () => {
    for (const seed of [1, 2, 3]) {
      const p = problem(30, seed);
      const total = p.jobs.reduce((a, j) => a + (j.delivery?.[0] ?? 0), 0);
      const rs = routesOf(p, []);
      expect(fleetLowerBound(rs)).toBe(Math.ceil(total / 40));
      // a mixed fleet: the largest capacities count first
      const mixed = { ...p, vehicles: p.vehicles.map((v, k) => ({ ...v, capacity: [k < 2 ? 60 : 20] })) };
      expect(fleetLowerBound(routesOf(mixed, []))).toBe(total <= 120 ? Math.ceil(total / 60) : 2 + Math.ceil((total - 120) / 20));
    }
  });
});
