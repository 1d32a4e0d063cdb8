import { describe, expect, it } from 'vitest';
import { checkSolution, solve, type RoutePlan } from '../../src/index.js';
import type { Problem } from '../../src/model/types.js';

function problem(): Problem {
  const jobs = Array.from({ length: 30 }, (_, i) => ({
    id: `j${i}`,
    location: [Math.cos(i * 1.7) * 50 + 50, Math.sin(i * 2.3) * 50 + 50] as [number, number],
    delivery: [1 + (i % 4)],
  }));
  const vehicles = Array.from({ length: 5 }, (_, k) => ({ id: `v${k}`, start: [50, 50] as [number, number], end: [50, 50] as [number, number], capacity: [20] }));
  return { jobs, vehicles, travel: { type: 'euclidean' } };
}

describe('SolveOptions.exchange', () => {
  it('is called at fixed iteration counts with the best plan, and an adopted plan keeps the answer feasible and reproducible', async () => {
    const p = problem();
    const run = async () => {
      const calls: number[] = [];
      let offered: RoutePlan | undefined;
      const s = await solve(p, {
        seed: 3,
        maxIterations: 60,
        exchange: {
          every: 20,
          exchange: async (best, iteration) => {
            calls.push(iteration);
            if (best) offered = best.plan;
            // hand back the search's own best: adopting it must not break anything
            return best?.plan;
          },
        },
      });
      return { s, calls, offered };
    };
    const a = await run();
    const b = await run();
    expect(a.calls).toEqual([20, 40, 60]);
    expect(a.offered!.routes.length).toBeGreaterThan(0);
    expect(checkSolution(p, a.s).feasible).toBe(true);
    expect(a.s.unassigned).toEqual([]);
    expect(b.s.summary.cost).toBe(a.s.summary.cost);
  });
});
