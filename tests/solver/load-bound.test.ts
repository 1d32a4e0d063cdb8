/**
 * The load bound (search/load-bound.ts) never exceeds the load penalty the
 * full price gives the route after the move: for random problems (pickups,
 * deliveries, one or two dimensions, shipments) and random plans, every
 * (N, M)-exchange and tail swap between two routes is built client by client
 * and priced from scratch.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../src/core/rng.js';
import type { Problem } from '../../src/model/types.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { Concat } from '../../src/solver/search/concat.js';
import { SearchData } from '../../src/solver/search/data.js';
import { Inserter } from '../../src/solver/search/insert.js';
import { LoadBound } from '../../src/solver/search/load-bound.js';
import { computeNeighbourhood } from '../../src/solver/search/neighbourhood.js';
import { SearchRoutes } from '../../src/solver/search/routes.js';

const problemArb = fc
  .record({
    n: fc.integer({ min: 2, max: 25 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    dims: fc.integer({ min: 1, max: 2 }),
    pickups: fc.boolean(),
    ships: fc.constantFrom(0, 0, 2),
  })
  .map(({ n, seed, dims, pickups, ships }): Problem => {
    const rng = new Rng(seed);
    const coordinates: [number, number][] = [[50, 50]];
    for (let i = 0; i < n; i++) coordinates.push([rng.int(101), rng.int(101)]);
    const amount = () => Array.from({ length: dims }, () => rng.int(6));
    return {
      travel: { type: 'euclidean', coordinates },
      vehicles: Array.from({ length: 4 }, (_, k) => ({ id: `v${k}`, start: 0, end: 0, capacity: Array.from({ length: dims }, () => 6 + 3 * k) })),
      jobs: Array.from({ length: n }, (_, i) => ({
        id: i,
        location: i + 1,
        ...(pickups && i % 3 === 0 ? { pickup: amount() } : { delivery: amount() }),
      })),
      shipments: Array.from({ length: ships }, (_, i) => {
        coordinates.push([rng.int(101), rng.int(101)], [rng.int(101), rng.int(101)]);
        return { id: `s${i}`, amount: amount(), pickup: { location: coordinates.length - 2 }, delivery: { location: coordinates.length - 1 } };
      }),
    };
  });

describe('load bound', () => {
  it('is at most the priced load penalty of the route after every exchange and tail swap (equal with deliveries only)', () => {
    let positive = 0;
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 1, max: 1000 }), (problem, seed) => {
        const cp = compileProblem(problem, { granularSize: 0 });
        const { slotType } = fleetSlots(cp);
        const data = new SearchData(cp, slotType);
        data.wQ = 2.5;
        const rs = new SearchRoutes(data);
        const ins = new Inserter(rs, computeNeighbourhood(cp, 8));
        const rng = new Rng(seed);
        const order = Int32Array.from({ length: cp.n }, (_, i) => i);
        rng.shuffle(order);
        for (const c of order) ins.insert(c, true);
        const bound = new LoadBound(rs);
        expect(bound.active).toBe(true);
        const acc = new Concat(data);
        const penalty = (r: number, clients: number[]) => {
          if (clients.length === 0) return 0;
          acc.startNode(data.startOf(r), rs.typeOf(r));
          for (const c of clients) acc.node(c);
          acc.node(data.endOf(r)).price();
          return data.wQ * acc.loadExcess;
        };
        const list = (r: number) => Array.from(rs.nodes[r].subarray(1, rs.len[r] + 1));
        // with deliveries alone the peak load is the load at the start: the bound is exact
        const exact = !problem.jobs.some((j) => j.pickup) && (problem.shipments?.length ?? 0) === 0;
        const within = (q: number, p: number) => (exact ? expect(q).toBeCloseTo(p, 9) : expect(q).toBeLessThanOrEqual(p + 1e-9));
        for (let r = 0; r < rs.R; r++) {
          for (let s = 0; s < rs.R; s++) {
            if (r === s) continue;
            const a = list(r), b = list(s);
            for (let pu = 1; pu <= a.length + 1; pu++) {
              for (let pv = 1; pv <= b.length + 1; pv++) {
                for (let k = 0; k <= 2 && pu + k - 1 <= a.length; k++) {
                  for (let m = 0; m <= 2 && pv + m - 1 <= b.length; m++) {
                    const after = [...a.slice(0, pu - 1), ...b.slice(pv - 1, pv - 1 + m), ...a.slice(pu - 1 + k)];
                    const q = bound.exchange(r, pu, k, s, pv, m);
                    if (q > 0) positive++;
                    within(q, penalty(r, after));
                  }
                }
                // tails: r keeps its clients up to position pu - 1, then s's from position pv on
                const u = rs.nodes[r][pu - 1], y = rs.nodes[s][pv];
                const tails = [...a.slice(0, pu - 1), ...b.slice(pv - 1)];
                within(bound.tails(r, u, y), penalty(r, tails));
              }
            }
          }
        }
      }),
      { numRuns: 40 },
    );
    // the bound is not trivially 0: many of these moves overload the route
    expect(positive).toBeGreaterThan(100);
  });
});
