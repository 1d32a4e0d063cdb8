/**
 * The ILS's history length and ruin sizes by default: those of up to 500
 * clients there and on long capacity-only routes above, the shorter ones
 * otherwise (run-ils.ts `ilsSizeDefaults`); a solve takes them when the caller
 * does not set them, and its plans are checked.
 */
import { describe, expect, it } from 'vitest';
import { checkSolution, solve } from '../../src/index.js';
import type { Problem } from '../../src/model/types.js';
import { ilsSizeDefaults } from '../../src/solver/run-ils.js';

const SMALL = { historyLength: 300, maxPerturbation: -25 };
const LARGE = { historyLength: 100, maxPerturbation: 10 };

function cvrp(n: number, perRoute: number): Problem {
  const jobs = Array.from({ length: n }, (_, i) => ({
    id: `j${i}`, location: [Math.round(500 + 450 * Math.cos(i * 2.3)), Math.round(500 + 450 * Math.sin(i * 1.7))] as [number, number], delivery: [1 + (i % 4)],
  }));
  const total = jobs.reduce((s, j) => s + j.delivery[0], 0);
  const capacity = Math.ceil((total * perRoute) / n);
  const fleet = Math.ceil(n / perRoute) + 10;
  const vehicles = Array.from({ length: fleet }, (_, k) => ({ id: `van${k}`, start: [500, 500] as [number, number], end: [500, 500] as [number, number], capacity: [capacity] }));
  return { jobs, vehicles, travel: { type: 'euclidean' } } as Problem;
}

describe('ilsSizeDefaults', () => {
  it('keeps the settings of up to 500 clients on long capacity-only routes above, not with time windows nor on short routes', () => {
    expect(ilsSizeDefaults({ n: 400, hasTime: true }, 40)).toEqual(SMALL);
    expect(ilsSizeDefaults({ n: 400, hasTime: false }, 200)).toEqual(SMALL);
    expect(ilsSizeDefaults({ n: 800, hasTime: false }, 100)).toEqual(SMALL); // 8 per route
    expect(ilsSizeDefaults({ n: 800, hasTime: false }, 101)).toEqual(LARGE);
    expect(ilsSizeDefaults({ n: 800, hasTime: true }, 20)).toEqual(LARGE);
    // long routes take the small settings only when the time limit gives 30 ms per client
    expect(ilsSizeDefaults({ n: 800, hasTime: false }, 100, 24_000)).toEqual(SMALL);
    expect(ilsSizeDefaults({ n: 800, hasTime: false }, 100, 23_999)).toEqual(LARGE);
    expect(ilsSizeDefaults({ n: 400, hasTime: false }, 10, 1)).toEqual(SMALL);
  });

  it('is what a solve above 500 clients uses when the caller sets nothing: long routes the small settings (given time), short ones the large', async () => {
    for (const [perRoute, limit, expected, other] of [[12, 60_000, SMALL, LARGE], [12, 10_000, LARGE, SMALL], [4, 60_000, LARGE, SMALL]] as const) {
      const p = cvrp(520, perRoute);
      const base = { algorithm: 'ils' as const, seed: 5, maxIterations: 400, timeLimitMs: limit };
      const auto = await solve(p, base);
      const same = await solve(p, { ...base, ...expected });
      const not = await solve(p, { ...base, ...other });
      for (const s of [auto, same, not]) {
        const report = checkSolution(p, s);
        expect(report.feasible).toBe(true);
        expect(s.unassigned).toHaveLength(0);
      }
      expect(JSON.stringify(auto.routes)).toBe(JSON.stringify(same.routes));
      expect(JSON.stringify(auto.routes)).not.toBe(JSON.stringify(not.routes));
    }
  }, 60_000);
});
