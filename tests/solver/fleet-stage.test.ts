/**
 * `fewest-vehicles` in two stages (src/solver/fleet-stage.ts): the route
 * count, then the plain cost search on the fleet of the routes found. The
 * answer is never worse by the objective than the first stage's alone (which
 * is `solve` with `fleetStageShare: 0` and the first stage's iterations),
 * is reproducible, and every plan passes the checker.
 */
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import { compareObjective } from '../../src/model/objective.js';
import { Rng } from '../../src/core/rng.js';
import type { Problem, Solution } from '../../src/model/types.js';
import { FLEET_STAGE_SHARE, fleetStageShare } from '../../src/solver/fleet-stage.js';
import { solve } from '../../src/solver/index.js';

/** Jobs in a 100 × 100 square with wide windows and room for about 20 per van (long routes). */
function longRoutes(n: number, seed: number): Problem {
  const rng = new Rng(seed);
  const jobs = Array.from({ length: n }, (_, j) => {
    const open = rng.int(600);
    return {
      id: `j${j}`,
      location: [rng.int(101), rng.int(101)] as [number, number],
      delivery: [5 + rng.int(11)],
      serviceDuration: 10,
      timeWindows: [[open, open + 250 + rng.int(150)]] as [number, number][],
    };
  });
  const vehicles = Array.from({ length: 10 }, (_, k) => ({ id: `v${k}`, start: [50, 50] as [number, number], end: [50, 50] as [number, number], capacity: [200], shift: [0, 1200] as [number, number] }));
  return { jobs, vehicles, travel: { type: 'euclidean' }, objective: 'fewest-vehicles' };
}

function checked(problem: Problem, s: Solution) {
  const report = checkSolution(problem, s);
  expect(report.violations).toEqual([]);
  expect(report.feasible).toBe(true);
  expect(s.unassigned).toEqual([]);
  return report;
}

const routesOf = (s: Solution) => JSON.stringify(s.routes.map((r) => [r.vehicle, r.steps.map((x) => x.id ?? x.type)]));

describe('fewest-vehicles in two stages', () => {
  it('is never worse by the objective than its first stage alone, on the first stage\'s vehicles only', async () => {
    let taken = 0;
    for (const seed of [1, 2, 3]) {
      const p = longRoutes(60, seed);
      const staged = await solve(p, { seed, maxIterations: 3000 });
      const first = await solve(p, { seed, maxIterations: Math.round(FLEET_STAGE_SHARE * 3000), fleetStageShare: 0 });
      const a = checked(p, staged);
      const b = checked(p, first);
      expect(compareObjective(a.summary, b.summary)).toBeLessThanOrEqual(0);
      expect(a.summary.routes).toBeLessThanOrEqual(b.summary.routes);
      // the second stage's plan uses only vehicles the first stage used
      const used = new Set(first.routes.map((r) => r.vehicle));
      if (staged.stats?.fleetStage === 1) {
        taken++;
        for (const r of staged.routes) expect(used.has(r.vehicle)).toBe(true);
        expect(a.summary.cost).toBeLessThan(b.summary.cost);
      } else {
        expect(routesOf(staged)).toBe(routesOf(first));
      }
    }
    // the second stage's branch is exercised (on these files it improves every plan)
    expect(taken).toBeGreaterThan(0);
  }, 60_000);

  it('gives the same plan for the same seed and iterations, and progress never goes back', async () => {
    const p = longRoutes(50, 7);
    const seen: number[] = [];
    const a = await solve(p, { seed: 3, maxIterations: 2000, onProgress: (q) => seen.push(q.iteration) });
    const b = await solve(p, { seed: 3, maxIterations: 2000 });
    checked(p, a);
    expect(routesOf(b)).toBe(routesOf(a));
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  }, 60_000);

  it('applies to fewest-vehicles only, without shipments, optional jobs, profiles or a caller\'s plan, up to 150 jobs', () => {
    const p = longRoutes(20, 1);
    expect(fleetStageShare(p, {})).toBe(FLEET_STAGE_SHARE);
    expect(fleetStageShare(p, { fleetStageShare: 0.3 })).toBe(0.3);
    expect(fleetStageShare(p, { fleetStageShare: 0 })).toBe(0);
    expect(fleetStageShare(p, { fleetStageShare: 1 })).toBe(0);
    expect(fleetStageShare({ ...p, objective: 'cost' }, {})).toBe(0);
    expect(fleetStageShare({ ...p, objective: 'balance' }, {})).toBe(0);
    expect(fleetStageShare(longRoutes(151, 1), {})).toBe(0);
    expect(fleetStageShare(longRoutes(151, 1), { fleetStageShare: 0.5 })).toBe(0.5);
    expect(fleetStageShare({ ...p, jobs: p.jobs.map((j, i) => (i === 0 ? { ...j, priority: 5 } : j)) }, {})).toBe(0);
    const shipment = { id: 's', pickup: { location: [1, 1] as [number, number] }, delivery: { location: [2, 2] as [number, number] }, amount: [1] };
    expect(fleetStageShare({ ...p, shipments: [shipment] }, {})).toBe(0);
    expect(fleetStageShare(p, { initialSolution: { routes: [] } })).toBe(0);
    expect(fleetStageShare(p, { algorithm: 'hgs' })).toBe(0);
  });
});
