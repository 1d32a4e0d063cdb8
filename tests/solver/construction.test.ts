/**
 * The ILS's first plan: savings or greedy insertion, chosen by `auto` from
 * the problem and the time limit (insertion when time matters above 300
 * clients, savings checked against the loads' route bound at 1–5 ms per
 * client); every choice gives a checked, deterministic plan.
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
  it('auto picks insertion only when time matters above 300 clients and the limit allows 1–5 ms per client', () => {
    const c = (n: number, w: boolean) => ilsConstruction('auto', compileProblem(withWindows(n, w), { granularSize: 0 }));
    expect(c(301, true)).toBe('insertion');
    expect(c(300, true)).toBe('savings');
    expect(ilsConstruction(undefined, compileProblem(withWindows(40, true), { granularSize: 0 }))).toBe('savings');
    expect(ilsConstruction('insertion', compileProblem(withWindows(40, true), { granularSize: 0 }))).toBe('insertion');
    // a short time limit: insertion from 5 ms per client, savings checked against the loads' route bound from 1 ms,
    // plain savings below (its plan is feasible as built)
    const big = compileProblem(withWindows(400, true), { granularSize: 0 });
    expect(ilsConstruction('auto', big, 399)).toBe('savings');
    expect(ilsConstruction('auto', big, 400)).toBe('checked-savings');
    expect(ilsConstruction('auto', big, 1999)).toBe('checked-savings');
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

/** 400 clients on a circle-ish layout; `long`: one route could carry them all and windows spread over the day, else capacity-bound with wide windows. */
function shaped(long: boolean): Problem {
  const n = 400;
  const jobs = Array.from({ length: n }, (_, i) => {
    const x = Math.round(50 + 45 * Math.cos(i * 2.1)), y = Math.round(50 + 45 * Math.sin(i * 1.3));
    const open = long ? (i * 53) % 900 : 0;
    return { id: `j${i}`, location: [x, y] as [number, number], delivery: [long ? 1 : 3], serviceDuration: 2, timeWindows: [[open, open + (long ? 60 : 5000)]] as [number, number][] };
  });
  const vehicles = Array.from({ length: 120 }, (_, k) => ({ id: `v${k}`, start: [50, 50] as [number, number], end: [50, 50] as [number, number], capacity: [long ? 400 : 30], shift: [0, 5000] as [number, number] }));
  return { jobs, vehicles, travel: { type: 'euclidean' } };
}

describe('checked savings (1–5 ms per client above 300 clients with windows)', () => {
  // maxIterations 0: the first plan and its first local search; the time limit only picks the construction
  const first = (p: Problem, extra: Record<string, unknown>) => solve(p, { algorithm: 'ils', seed: 3, maxIterations: 0, ...extra });
  const plan = (s: Awaited<ReturnType<typeof solve>>) => JSON.stringify(s.routes.map((r) => r.steps.map((x) => x.id ?? x.type)));

  it('replaces savings by insertion where savings leaves far more routes than the loads need', async () => {
    const p = shaped(true);
    const auto = await first(p, { timeLimitMs: 800 }); // 2 ms per client
    const ins = await first(p, { construction: 'insertion' });
    const sav = await first(p, { construction: 'savings' });
    for (const s of [auto, ins, sav]) expect(checkSolution(p, s).feasible).toBe(true);
    expect(plan(auto)).toBe(plan(ins));
    expect(plan(auto)).not.toBe(plan(sav));
    // a tight limit keeps plain savings
    expect(plan(await first(p, { timeLimitMs: 300 }))).toBe(plan(sav));
  });

  it('keeps savings where its routes stay near the loads\' bound', async () => {
    const p = shaped(false);
    const auto = await first(p, { timeLimitMs: 800 });
    const ins = await first(p, { construction: 'insertion' });
    const sav = await first(p, { construction: 'savings' });
    for (const s of [auto, ins, sav]) expect(checkSolution(p, s).feasible).toBe(true);
    expect(plan(auto)).toBe(plan(sav));
    expect(plan(auto)).not.toBe(plan(ins));
  });
});
