/**
 * The pair screen (search/pair-screen.ts) must reject exactly the moves the
 * operators' own bounds reject: for every pair it screens, an operator's bit
 * is set if and only if that operator prices the move (a finite delta) rather
 * than returning Infinity from a check or its distance bound. So the local
 * search with the screen evaluates the same moves and takes the same
 * decisions as without it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../src/core/rng.js';
import type { Problem } from '../../src/model/types.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { SearchData } from '../../src/solver/search/data.js';
import { Inserter } from '../../src/solver/search/insert.js';
import { LocalSearch } from '../../src/solver/search/local-search.js';
import { computeNeighbourhood } from '../../src/solver/search/neighbourhood.js';
import { ALL_OPERATORS, PairScreen } from '../../src/solver/search/pair-screen.js';
import { Perturbation } from '../../src/solver/search/perturb.js';
import { SearchRoutes } from '../../src/solver/search/routes.js';

const problemArb = fc
  .record({
    n: fc.integer({ min: 2, max: 30 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    dims: fc.integer({ min: 1, max: 2 }),
    windows: fc.boolean(),
    open: fc.boolean(),
    mixed: fc.boolean(),
    ships: fc.constantFrom(0, 0, 0, 2),
  })
  .map(({ n, seed, dims, windows, open, mixed, ships }): Problem => {
    const rng = new Rng(seed);
    const coordinates: [number, number][] = [[50, 50], [10, 90]];
    for (let i = 0; i < n; i++) coordinates.push([rng.int(101), rng.int(101)]);
    const amount = () => Array.from({ length: dims }, () => rng.int(6));
    return {
      travel: { type: 'euclidean', coordinates },
      vehicles: Array.from({ length: 5 }, (_, k) => ({
        id: `v${k}`,
        start: 0,
        // open routes, and a second end depot (different end sentinels for swap-tails)
        ...(open && k % 2 === 1 ? {} : { end: k === 4 ? 1 : 0 }),
        capacity: Array.from({ length: dims }, () => 15),
        ...(windows ? { shift: [0, 900] as [number, number] } : {}),
        ...(mixed ? { costs: { fixed: 10 * k, perDistance: 1 + (k % 2), perDuration: k === 1 ? 0.5 : 0 } } : {}),
      })),
      jobs: Array.from({ length: n }, (_, i) => {
        const e = rng.int(500);
        return {
          id: i,
          location: i + 2,
          delivery: amount(),
          serviceDuration: rng.int(20),
          ...(windows ? { timeWindows: [[e, e + 30 + rng.int(300)]] as [number, number][] } : {}),
        };
      }),
      shipments: Array.from({ length: ships }, (_, i) => {
        coordinates.push([rng.int(101), rng.int(101)], [rng.int(101), rng.int(101)]);
        return {
          id: `s${i}`,
          amount: amount(),
          pickup: { location: coordinates.length - 2 },
          delivery: { location: coordinates.length - 1 },
        };
      }),
    };
  });

describe('pair screen', () => {
  it('sets an operator bit exactly when the operator would price the move (random problems and states)', () => {
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
        const ls = new LocalSearch(rs, nb, ins, rng.fork(), false);
        const screen = new PairScreen(rs);
        const nodes = Array.from({ length: cp.n }, (_, i) => i);
        for (let r = 0; r < rs.R; r++) nodes.push(data.startOf(r), data.endOf(r));
        let screened = 0;
        const check = () => {
          for (let u = 0; u < cp.n; u++) {
            for (const v of nodes) {
              if (v === u) continue;
              const mask = screen.screen(u, v);
              if (cp.hasShipments) expect(mask).toBe(ALL_OPERATORS);
              if (mask === ALL_OPERATORS) continue;
              screened++;
              expect(ls.operators.length).toBe(7);
              for (let i = 0; i < ls.operators.length; i++) {
                const priced = Number.isFinite(ls.operators[i].evaluate(u, v));
                if (priced !== ((mask & (1 << i)) !== 0)) throw new Error(`${ls.operators[i].name} (${u}, ${v}): priced ${priced}, mask ${mask}`);
              }
            }
          }
        };
        // random states: greedy insertion in random order, then ruin-and-recreate and a short search
        const order = Int32Array.from({ length: cp.n }, (_, i) => i);
        rng.shuffle(order);
        for (const c of order) ins.insert(c, true);
        check();
        const pert = new Perturbation(rs, nb, ins, ls, rng.fork(), 1, 6);
        for (let i = 0; i < 3; i++) {
          pert.perturb();
          ls.shuffle();
          ls.begin(false);
          for (let k = 0; k < 50 && !ls.search(500); k++);
          check();
        }
        if (!cp.hasShipments && !problem.vehicles.some((x) => x.costs)) expect(screened).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });
});
