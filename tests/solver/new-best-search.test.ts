/**
 * What a new best gets in the ILS: the exhaustive local search, or early on
 * large instances with windows SWAP* over every route pair first
 * (`cheapBestIterations`). Both give checked, reproducible plans.
 */
import { describe, expect, it } from 'vitest';
import { checkSolution, solve } from '../../src/index.js';
import type { Problem } from '../../src/model/types.js';
import { defaultCheapBest } from '../../src/solver/run-ils.js';

function windowsProblem(n: number): Problem {
  const jobs = Array.from({ length: n }, (_, i) => {
    const x = Math.round(50 + 45 * Math.cos(i * 2.1)), y = Math.round(50 + 45 * Math.sin(i * 1.3));
    const open = (i * 37) % 600;
    return { id: `j${i}`, location: [x, y] as [number, number], delivery: [1 + (i % 4)], serviceDuration: 5, timeWindows: [[open, open + 150]] as [number, number][] };
  });
  const vehicles = Array.from({ length: Math.ceil(n / 6) }, (_, k) => ({ id: `v${k}`, start: [50, 50] as [number, number], end: [50, 50] as [number, number], capacity: [30], shift: [0, 1000] as [number, number] }));
  return { jobs, vehicles, travel: { type: 'euclidean' } };
}

describe('the search a new best gets', () => {
  it('defaults to SWAP* first for 8 × clients iterations only above 500 clients with time windows', () => {
    expect(defaultCheapBest({ n: 501, hasTime: true })).toBe(4008);
    expect(defaultCheapBest({ n: 500, hasTime: true })).toBe(0);
    expect(defaultCheapBest({ n: 1000, hasTime: false })).toBe(0);
  });

  it('SWAP* first: a checked plan, the same twice, and a different search from the exhaustive one', async () => {
    const p = windowsProblem(80);
    const base = { algorithm: 'ils' as const, seed: 3, maxIterations: 400 };
    const cheap = await solve(p, { ...base, cheapBestIterations: 400 });
    const again = await solve(p, { ...base, cheapBestIterations: 400 });
    const full = await solve(p, { ...base, cheapBestIterations: 0 });
    for (const s of [cheap, full]) {
      const check = checkSolution(p, s);
      expect(check.violations).toEqual([]);
      expect(s.unassigned).toEqual([]);
    }
    expect(JSON.stringify(again.routes)).toBe(JSON.stringify(cheap.routes));
    // the two searches see different moves after new bests, so their move counts differ
    expect(cheap.stats?.evaluations).not.toBe(full.stats?.evaluations);
  });
});
