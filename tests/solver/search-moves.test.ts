/**
 * The search's move contract: every move an operator applies changes the
 * penalised cost by exactly the delta it claimed, the incremental route data
 * equals a recomputation from scratch, and the between-position segments
 * equal a walk. Random problems mix time windows, two capacity dimensions,
 * pickups and deliveries, open routes and several vehicle types.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../src/core/rng.js';
import type { Problem } from '../../src/model/types.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { savingsConstruction } from '../../src/solver/search/construct.js';
import { SearchData } from '../../src/solver/search/data.js';
import { Inserter } from '../../src/solver/search/insert.js';
import { LocalSearch } from '../../src/solver/search/local-search.js';
import { computeNeighbourhood } from '../../src/solver/search/neighbourhood.js';
import { Perturbation } from '../../src/solver/search/perturb.js';
import { SearchRoutes } from '../../src/solver/search/routes.js';
import { Snapshot } from '../../src/solver/search/snapshot.js';

const problemArb = fc
  .record({
    n: fc.integer({ min: 2, max: 28 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    dims: fc.integer({ min: 1, max: 2 }),
    windows: fc.boolean(),
    open: fc.boolean(),
    mixed: fc.boolean(),
    pickups: fc.boolean(),
    ships: fc.integer({ min: 0, max: 6 }),
  })
  .map(({ n, seed, dims, windows, open, mixed, pickups, ships }): Problem => {
    const rng = new Rng(seed);
    const coordinates: [number, number][] = [[50, 50]];
    for (let i = 0; i < n; i++) coordinates.push([rng.int(101), rng.int(101)]);
    const amount = () => Array.from({ length: dims }, () => rng.int(6));
    return {
      travel: { type: 'euclidean', coordinates },
      vehicles: Array.from({ length: 4 }, (_, k) => ({
        id: `v${k}`,
        start: 0,
        ...(open && k % 2 === 1 ? {} : { end: 0 }),
        capacity: Array.from({ length: dims }, () => (mixed && k >= 2 ? 12 : 20)),
        ...(windows ? { shift: [0, mixed && k === 3 ? 600 : 900] as [number, number] } : {}),
        ...(mixed ? { costs: { fixed: 10 * k, perDistance: 1 + (k % 2), perDuration: k === 1 ? 0.5 : 0, perTravelTime: k === 2 ? 0.7 : 0, perTaskTime: k === 3 ? 0.2 : 0 } } : {}),
        ...(mixed && k === 1 ? { speedFactor: 1.5 } : {}),
        ...(mixed && k === 2 ? { maxTravelTime: 400 } : {}),
        ...(mixed && k === 3 ? { maxTasks: 6, skills: ['lift'] } : {}),
      })),
      jobs: Array.from({ length: n }, (_, i) => {
        const e = rng.int(500);
        return {
          id: i,
          location: i + 1,
          delivery: amount(),
          ...(pickups ? { pickup: amount() } : {}),
          serviceDuration: rng.int(20),
          ...(mixed && i % 5 === 0 ? { skills: ['lift'] } : {}),
          ...(windows ? { timeWindows: [[e, e + 30 + rng.int(300)]] as [number, number][] } : {}),
        };
      }),
      shipments: Array.from({ length: ships }, (_, i) => {
        coordinates.push([rng.int(101), rng.int(101)], [rng.int(101), rng.int(101)]);
        const e = rng.int(400);
        return {
          id: `s${i}`,
          amount: amount(),
          pickup: { location: coordinates.length - 2, serviceDuration: rng.int(20), ...(windows ? { timeWindows: [[e, e + 200]] as [number, number][] } : {}) },
          delivery: { location: coordinates.length - 1, serviceDuration: rng.int(20), ...(windows ? { timeWindows: [[e, e + 600]] as [number, number][] } : {}) },
        };
      }),
    };
  });

function recomputeTotal(rs: SearchRoutes): number {
  let s = 0;
  for (let r = 0; r < rs.R; r++) {
    rs.update(r);
    s += rs.cost[r];
  }
  return s;
}

describe('search moves', () => {
  it('every applied move changes the cost by exactly its claimed delta (random problems, ILS iterations)', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 1, max: 1000 }), (problem, seed) => {
        const cp = compileProblem(problem, { granularSize: 0 });
        if (cp.n < 2) return;
        const { slotType } = fleetSlots(cp);
        const data = new SearchData(cp, slotType);
        data.wQ = 3;
        data.wTW = 2;
        const rs = new SearchRoutes(data);
        const nb = computeNeighbourhood(cp, 8);
        const ins = new Inserter(rs, nb);
        const rng = new Rng(seed);
        const ls = new LocalSearch(rs, nb, ins, rng.fork(), true);
        let bad = '';
        const wrap = (op: { name: string; evaluate: (a: number, b: number) => number; apply: (a: number, b: number) => void }) => {
          const ev = op.evaluate.bind(op), ap = op.apply.bind(op);
          let last = 0;
          op.evaluate = (a: number, b: number) => (last = ev(a, b));
          op.apply = (a: number, b: number) => {
            const before = rs.totalCost();
            ap(a, b);
            const after = rs.totalCost();
            const full = recomputeTotal(rs);
            if (Math.abs(after - before - last) > 1e-6 * (1 + Math.abs(before)) || Math.abs(full - after) > 1e-6 * (1 + Math.abs(full))) {
              bad = `${op.name}: claimed ${last}, changed ${after - before}, recomputed ${full - before}`;
              throw new Error(bad); // fail fast: a wrong move can make the search cycle
            }
          };
        };
        ls.operators.forEach(wrap);
        if (ls.swapStar) wrap(ls.swapStar);
        // a bounded number of slices, so a search that cycles fails instead of hanging
        const converge = () => {
          for (let k = 0; k < 200; k++) if (ls.search(50_000)) return;
          throw new Error('local search did not converge');
        };
        savingsConstruction(rs, nb, ins);
        ls.shuffle();
        ls.begin(true);
        converge();
        const pert = new Perturbation(rs, nb, ins, ls, rng.fork(), 1, 6);
        for (let i = 0; i < 5; i++) {
          pert.perturb();
          ls.shuffle();
          ls.begin(i % 2 === 0);
          converge();
        }
        expect(bad).toBe('');
        // every client is in exactly one route; a shipment's stops share a route, pickup first
        const seen = new Int32Array(cp.n);
        for (let r = 0; r < rs.R; r++) for (let p = 1; p <= rs.len[r]; p++) seen[rs.nodes[r][p]]++;
        expect([...seen].every((x) => x === 1)).toBe(true);
        for (let c = 0; c < cp.n; c++) {
          const z = cp.partner[c];
          if (z < 0 || !cp.isPickup[c]) continue;
          expect(rs.routeOf[c]).toBe(rs.routeOf[z]);
          expect(rs.pos[c]).toBeLessThan(rs.pos[z]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('no operator misses an improving move: the cheap bounds never reject a move that improves', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 1, max: 1000 }), (problem, seed) => {
        const cp = compileProblem(problem, { granularSize: 0 });
        if (cp.n < 2) return;
        const { slotType } = fleetSlots(cp);
        const data = new SearchData(cp, slotType);
        data.wQ = 3;
        data.wTW = 2;
        const rs = new SearchRoutes(data);
        const nb = computeNeighbourhood(cp, 6);
        const ins = new Inserter(rs, nb);
        const ls = new LocalSearch(rs, nb, ins, new Rng(seed), true);
        // a random (not locally optimal) solution: clients dealt to a few routes at random
        const rng = new Rng(seed);
        const order = Int32Array.from({ length: cp.n }, (_, i) => i);
        rng.shuffle(order);
        const lists: number[][] = Array.from({ length: rs.R }, () => []);
        for (const c of order) {
          if (cp.partner[c] >= 0 && !cp.isPickup[c]) continue; // a delivery follows its pickup
          const l = lists[rng.int(Math.min(rs.R, 3))];
          l.push(c);
          if (cp.partner[c] >= 0) l.push(cp.partner[c]);
        }
        lists.forEach((l, r) => {
          rs.setRoute(r, l);
          rs.update(r);
        });
        const saved = new Snapshot(rs.R).save(rs);
        const nodes = Array.from({ length: cp.n }, (_, i) => i);
        for (let r = 0; r < rs.R; r++) nodes.push(data.startOf(r));
        const fixed = rs.fixedCost.slice();
        for (const op of ls.operators) {
          for (let u = 0; u < cp.n; u++) {
            for (const v of nodes) {
              if (v === u) continue;
              const bounded = op.evaluate(u, v);
              rs.fixedCost.fill(-Infinity); // disables the distance bound: full pricing
              const full = op.evaluate(u, v);
              rs.fixedCost.set(fixed);
              if (full < -1e-7) {
                expect(bounded).toBeCloseTo(full, 6);
                // and the claimed change is the real one
                const before = rs.totalCost();
                op.apply(u, v);
                expect(rs.totalCost() - before).toBeCloseTo(full, 6);
                saved.restore(rs);
              }
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('between-position segments (forward and reversed) equal walking the visits', () => {
    fc.assert(
      fc.property(problemArb, (problem) => {
        const cp = compileProblem(problem, { granularSize: 0 });
        if (cp.n < 2) return;
        const data = new SearchData(cp, Int32Array.of(0));
        data.wQ = 1.5;
        data.wTW = 2.5;
        const rs = new SearchRoutes(data);
        const all = Int32Array.from({ length: cp.n }, (_, i) => i);
        rs.setRoute(0, all);
        rs.update(0);
        const m = rs.len[0];
        for (let i = 1; i <= m; i++) {
          for (let j = i; j <= m; j++) {
            const t = rs.typeOf(0);
            const viaTable = rs.appendBetween(rs.a.start(rs.prefix, rs.nodes[0][i - 1], t), 0, i, j).append(rs.suffix, rs.nodes[0][j + 1]).price();
            rs.b.start(rs.prefix, rs.nodes[0][i - 1], t);
            for (let p = i; p <= j; p++) rs.b.node(rs.nodes[0][p]);
            const walked = rs.b.append(rs.suffix, rs.nodes[0][j + 1]).price();
            expect(viaTable).toBeCloseTo(walked, 6);
            const rev = rs.appendReversed(rs.a.start(rs.prefix, rs.nodes[0][i - 1], t), 0, i, j).append(rs.suffix, rs.nodes[0][j + 1]).price();
            rs.b.start(rs.prefix, rs.nodes[0][i - 1], t);
            for (let p = j; p >= i; p--) rs.b.node(rs.nodes[0][p]);
            const revWalked = rs.b.append(rs.suffix, rs.nodes[0][j + 1]).price();
            expect(rev).toBeCloseTo(revWalked, 6);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
