/**
 * The ILS's first plan: savings or greedy insertion, chosen by `auto` from
 * the problem (insertion when time matters above 300 clients); every choice
 * gives a checked, deterministic plan.
 */
import { describe, expect, it } from 'vitest';
import { checkSolution, solve } from '../../src/index.js';
import type { Problem } from '../../src/model/types.js';
import { compileProblem } from '../../src/solver/compile.js';
import { ilsConstruction } from '../../src/solver/run-ils.js';

function withWindows(n: number, windows: boolean): Problem {
  const jobs = Array.from({ length: n }, (_, i) => {
    const x = Math.round(50 + 45 * Math.cos(i * 2.1)), y = Math.round(50 + 45 * Math.sin(i * 1.3));
    const open = (i * 37) % 600;
    return { id: `j${i}`, location: [x, y] as [number, number], delivery: [1 + (i % 4)], serviceDuration: 5, ...(windows ? { timeWindows: [[open, open + 120]] as [number, number][] } : {}) };
  });
  const vehicles = Array.from({ length: Math.ceil(n / 8) }, (_, k) => ({ id: `v${k}`, start: [50, 50] as [number, number], end: [50, 50] as [number, number], capacity: [30], shift: [0, 1000] as [number, number] }));
  return { jobs, vehicles, travel: { type: 'euclidean' } };
}

describe('ILS construction', () => {
  it('auto picks insertion only when time matters above 300 clients and the limit allows 5 ms per client', () => {
    const c = (n: number, w: boolean) => ilsConstruction('auto', compileProblem(withWindows(n, w), { granularSize: 0 }));
    expect(c(301, true)).toBe('insertion');
    expect(c(300, true)).toBe('savings');
    expect(ilsConstruction(undefined, compileProblem(withWindows(40, true), { granularSize: 0 }))).toBe('savings');
    expect(ilsConstruction('insertion', compileProblem(withWindows(40, true), { granularSize: 0 }))).toBe('insertion');
    // a short time limit keeps savings (its plan is feasible as built): 5 ms per client are needed
    const big = compileProblem(withWindows(400, true), { granularSize: 0 });
    expect(ilsConstruction('auto', big, 1000)).toBe('savings');
    expect(ilsConstruction('auto', big, 2000)).toBe('insertion');
    // with shipments: savings at every size (pairs start as pickup → delivery chains)
    const ships = withWindows(400, true);
    ships.shipments = [{ id: 's0', amount: [1], pickup: { location: [10, 10] }, delivery: { location: [90, 90] } }];
    expect(ilsConstruction('auto', compileProblem(ships, { granularSize: 0 }), 60_000)).toBe('savings');
    expect(ilsConstruction('insertion', compileProblem(ships, { granularSize: 0 }), 60_000)).toBe('insertion');
  });

  for (const construction of ['savings', 'insertion'] as const) {
    it(`${construction}: a checked plan, the same twice for a seed and an iteration budget`, async () => {
      const p = withWindows(60, true);
      const opts = { algorithm: 'ils' as const, construction, seed: 7, maxIterations: 300 };
      const a = await solve(p, opts);
      const b = await solve(p, opts);
      const check = checkSolution(p, a);
      expect(check.violations).toEqual([]);
      expect(check.feasible).toBe(true);
      expect(a.unassigned.length + a.routes.reduce((s, r) => s + r.steps.filter((x) => x.type === 'job').length, 0)).toBe(60);
      expect(JSON.stringify(b.routes)).toBe(JSON.stringify(a.routes));
    });
  }
});
