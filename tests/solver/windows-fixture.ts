/**
 * Shared set-up of the route-minimisation, route-price and route-phase tests: a random
 * problem with time windows around a central depot (as many vans as
 * clients), and search routes laid out from client lists.
 */
import { expect } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { checkSolution, solve, type SolveOptions } from '../../src/index.js';
import type { Problem, Solution } from '../../src/model/types.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { SearchData } from '../../src/solver/search/data.js';
import { SearchRoutes } from '../../src/solver/search/routes.js';

/** n clients with time windows around a central depot, as many vans as clients. */
export function problem(n: number, seed: number): Problem {
  const rng = new Rng(seed);
  const jobs = Array.from({ length: n }, (_, i) => {
    const open = rng.int(300);
    return { id: `j${i}`, location: [rng.int(100), rng.int(100)] as [number, number], delivery: [1 + rng.int(5)], serviceDuration: 5, timeWindows: [[open, open + 60 + rng.int(200)]] as [number, number][] };
  });
  const vehicles = Array.from({ length: n }, (_, k) => ({ id: `v${k}`, start: [50, 50] as [number, number], end: [50, 50] as [number, number], capacity: [40], shift: [0, 700] as [number, number] }));
  return { jobs, vehicles, travel: { type: 'euclidean' } };
}

/** Routes of a problem laid out in slots (penalty weights 1,000), ready for the search structures. */
export function routesOf(p: Problem, lists: number[][]): SearchRoutes {
  const cp = compileProblem(p, { granularSize: 0 });
  const rs = new SearchRoutes(new SearchData(cp, fleetSlots(cp).slotType));
  rs.data.wQ = rs.data.wTW = 1000;
  lists.forEach((l, r) => {
    rs.setRoute(r, l);
    rs.update(r);
  });
  return rs;
}

/** Solves twice with the same options: the plan is checked (no violation, feasible, every job routed) and the same both times. */
export async function expectCheckedAndRepeatable(p: Problem, opts: SolveOptions): Promise<Solution> {
  const a = await solve(p, opts);
  const b = await solve(p, opts);
  const report = checkSolution(p, a);
  expect(report.violations).toEqual([]);
  expect(report.feasible).toBe(true);
  expect(a.unassigned).toEqual([]);
  expect(JSON.stringify(b.routes)).toBe(JSON.stringify(a.routes));
  return a;
}

/** Every client routed once, on routes without violations. */
export function expectFeasible(rs: SearchRoutes, n: number): void {
  let routed = 0;
  for (let r = 0; r < rs.R; r++) {
    routed += rs.len[r];
    expect(rs.loadExcess[r]).toBeLessThanOrEqual(1e-7);
    expect(rs.timeWarp[r]).toBeLessThanOrEqual(1e-7);
  }
  expect(routed).toBe(n);
}
