/**
 * The distance search after route minimisation (route-cost.ts): the moves see
 * a dearer route while solution totals stay those of the plain objective.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { checkSolution, solve } from '../../src/index.js';
import type { Problem } from '../../src/model/types.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { SearchData } from '../../src/solver/search/data.js';
import { searchProblem, SearchObjective } from '../../src/solver/search/objective.js';
import { raiseRouteCost } from '../../src/solver/search/route-cost.js';
import { SearchRoutes } from '../../src/solver/search/routes.js';
import { Snapshot } from '../../src/solver/search/snapshot.js';

function problem(n: number, seed: number): Problem {
  const rng = new Rng(seed);
  const jobs = Array.from({ length: n }, (_, i) => {
    const open = rng.int(300);
    return { id: `j${i}`, location: [rng.int(100), rng.int(100)] as [number, number], delivery: [1 + rng.int(5)], serviceDuration: 5, timeWindows: [[open, open + 60 + rng.int(200)]] as [number, number][] };
  });
  const vehicles = Array.from({ length: n }, (_, k) => ({ id: `v${k}`, start: [50, 50] as [number, number], end: [50, 50] as [number, number], capacity: [40], shift: [0, 700] as [number, number] }));
  return { jobs, vehicles, travel: { type: 'euclidean' }, objective: { type: 'fewest-vehicles' } };
}

/** A fewest-vehicles search's routes (prices and totals as run-ils.ts sets them up) holding `lists`. */
function searchRoutes(p: Problem, lists: number[][]): { rs: SearchRoutes; compiledFixed: () => number } {
  const compiled = compileProblem(p, { granularSize: 0 });
  const { slotType, slotVehicle } = fleetSlots(compiled);
  const objective = { type: 'fewest-vehicles' as const, weight: 1, measure: 'duration' as const };
  const cp = searchProblem(compiled, objective);
  const rs = new SearchRoutes(new SearchData(cp, slotType));
  new SearchObjective(compiled, cp, slotVehicle, objective).install(rs);
  lists.forEach((l, r) => {
    rs.setRoute(r, l);
    rs.update(r);
  });
  return { rs, compiledFixed: () => compiled.typeFixed[0] };
}

describe('raiseRouteCost', () => {
  it('adds the cost to every route as the moves price it and leaves solution totals unchanged', () => {
    const five = [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9, 10, 11], [12, 13], [14, 15, 16, 17, 18, 19]];
    const four = [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9, 10, 11, 12, 13], [], [14, 15, 16, 17, 18, 19]];
    for (const seed of [1, 2, 3]) {
      const p = problem(20, seed);
      for (const lists of [five, four]) {
        const plain = searchRoutes(p, lists).rs;
        const { rs, compiledFixed } = searchRoutes(p, lists);
        const fixed = compiledFixed();
        raiseRouteCost(rs, 123.5);
        for (let r = 0; r < rs.R; r++) {
          expect(rs.base[r]).toBeCloseTo(plain.base[r] + (rs.len[r] > 0 ? 123.5 : 0), 6);
          expect(rs.fixedCost[r]).toBeCloseTo(plain.fixedCost[r] + 123.5, 9);
        }
        const a = new Snapshot(rs.R).save(rs), b = new Snapshot(rs.R).save(plain);
        expect(a.base).toBeCloseTo(b.base, 6);
        expect(a.routeCount).toBe(b.routeCount);
        expect(a.timeWarp).toBeCloseTo(b.timeWarp, 9);
        // the compiled problem the decoder prices with is not touched
        expect(compiledFixed()).toBe(fixed);
        // nothing to add: a no-op
        const base = Array.from(rs.base);
        raiseRouteCost(rs, 0);
        expect(Array.from(rs.base)).toEqual(base);
        expect(new Snapshot(rs.R).save(rs).base).toBeCloseTo(b.base, 6);
      }
    }
  });

  it('fewest-vehicles with the distance search after the phase: checked plans, deterministic, no more routes than the cost objective', async () => {
    for (const seed of [4]) {
      const p = problem(40, seed);
      const opts = { algorithm: 'ils' as const, seed: 2, maxIterations: 300 };
      const a = await solve(p, opts);
      const b = await solve(p, opts);
      const report = checkSolution(p, a);
      expect(report.violations).toEqual([]);
      expect(report.feasible).toBe(true);
      expect(a.unassigned).toEqual([]);
      expect(JSON.stringify(b.routes)).toBe(JSON.stringify(a.routes));
      const plain = await solve({ ...p, objective: { type: 'cost' } }, opts);
      expect(checkSolution({ ...p, objective: { type: 'cost' } }, plain).feasible).toBe(true);
      expect(a.routes.length).toBeLessThanOrEqual(plain.routes.length);
    }
  });
});
