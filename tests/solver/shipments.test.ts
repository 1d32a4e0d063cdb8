/**
 * Shipments through the solver: exact small cases built so that ignoring the
 * pairing gives a different plan, and fast-check properties mixing jobs and
 * shipments. Every output goes through the independent checker.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution } from '../../src/model/check.js';
import { Rng } from '../../src/core/rng.js';
import type { Problem, Solution } from '../../src/model/types.js';
import { solve } from '../../src/solver/index.js';

function expectSound(problem: Problem, sol: Solution): void {
  const report = checkSolution(problem, sol);
  expect(report.violations).toEqual([]);
  expect(report.feasible).toBe(true);
  // nothing lost: every job and shipment once, in a route or unassigned
  const routedJobs = new Set<string>();
  const pickups = new Map<string, number>();
  const deliveries = new Map<string, number>();
  for (const r of sol.routes) {
    for (const s of r.steps) {
      if (s.type === 'job') routedJobs.add(String(s.id));
      if (s.type === 'pickup') pickups.set(String(s.shipment), (pickups.get(String(s.shipment)) ?? 0) + 1);
      if (s.type === 'delivery') deliveries.set(String(s.shipment), (deliveries.get(String(s.shipment)) ?? 0) + 1);
    }
  }
  const unassigned = new Set(sol.unassigned.map((u) => String(u.id)));
  for (const j of problem.jobs) expect(routedJobs.has(String(j.id)) !== unassigned.has(String(j.id))).toBe(true);
  for (const s of problem.shipments ?? []) {
    const id = String(s.id);
    const served = pickups.get(id) === 1 && deliveries.get(id) === 1;
    expect(served !== unassigned.has(id)).toBe(true);
    if (!served) expect(pickups.has(id) || deliveries.has(id)).toBe(false);
  }
}

const line = (xs: number[]): [number, number][] => [[0, 0], ...xs.map((x) => [x, 0] as [number, number])];

describe('solve with shipments: exact small cases', () => {
  it('a courier collects at the shop before delivering home, even when the other order is shorter', async () => {
    // depot 0, home at 2, shop at 5: the pair forces 0 → 5 → 2 → 0 (distance 10) although the
    // straight order 0 → 2 → 5 → 0 is as long; with the home first the delivery would precede its pickup
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([2, 5]) },
      vehicles: [{ id: 'v', start: 0, end: 0, capacity: [1] }],
      jobs: [],
      shipments: [{ id: 'parcel', amount: [1], pickup: { id: 'shop', location: 2 }, delivery: { id: 'home', location: 1 } }],
    };
    const sol = await solve(problem, { seed: 1, maxIterations: 50 });
    expectSound(problem, sol);
    expect(sol.routes[0].steps.map((s) => [s.type, s.id])).toEqual([['start', undefined], ['pickup', 'shop'], ['delivery', 'home'], ['end', undefined]]);
    expect(sol.routes[0].steps[1].shipment).toBe('parcel');
  });

  it('capacity counts what is on board between pickup and delivery: two big parcels are not carried together', async () => {
    // two shipments of 2 with capacity 3: carrying both at once (p1 p2 d1 d2) would be shorter
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2, 3, 4]) },
      vehicles: [{ id: 'v', start: 0, end: 0, capacity: [3] }],
      jobs: [],
      shipments: [
        { id: 'a', amount: [2], pickup: { location: 1 }, delivery: { location: 3 } },
        { id: 'b', amount: [2], pickup: { location: 2 }, delivery: { location: 4 } },
      ],
    };
    const sol = await solve(problem, { seed: 1, maxIterations: 200 });
    expectSound(problem, sol);
    expect(sol.unassigned).toEqual([]);
    const load = Math.max(...sol.routes.flatMap((r) => r.steps.map((s) => s.load[0])));
    expect(load).toBeLessThanOrEqual(3);
  });

  it('a shipment no vehicle can carry is unassigned whole, with both stop ids', async () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: line([1, 2]) },
      vehicles: [{ id: 'v', start: 0, end: 0, capacity: [5] }],
      jobs: [{ id: 'j', location: 1, delivery: [1] }],
      shipments: [{ id: 'heavy', amount: [9], pickup: { id: 'p', location: 1 }, delivery: { id: 'd', location: 2 } }],
    };
    const sol = await solve(problem, { seed: 1, maxIterations: 50 });
    expectSound(problem, sol);
    expect(sol.unassigned).toEqual([expect.objectContaining({ id: 'heavy', type: 'shipment', pickup: 'p', delivery: 'd', reason: 'capacity' })]);
  });

  it('a fleet too small for everything leaves whole shipments out (fleet-exhausted), never half', async () => {
    // each shipment alone takes 12 time units (out 6, back 6), both take 24: a 13-unit shift serves one
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: [[0, 0], [5, 0], [6, 0], [-5, 0], [-6, 0]] },
      vehicles: [{ id: 'v', start: 0, end: 0, shift: [0, 13] }],
      jobs: [],
      shipments: [
        { id: 'east', pickup: { location: 1 }, delivery: { location: 2 } },
        { id: 'west', pickup: { location: 3 }, delivery: { location: 4 } },
      ],
    };
    const sol = await solve(problem, { seed: 1, maxIterations: 300 });
    expectSound(problem, sol);
    expect(sol.unassigned).toHaveLength(1);
    expect(sol.unassigned[0]).toMatchObject({ type: 'shipment', reason: 'fleet-exhausted' });
    expect(sol.routes[0].steps.map((s) => s.type)).toEqual(['start', 'pickup', 'delivery', 'end']);
  });
});

const mixedArb = fc
  .record({ seed: fc.integer({ min: 1, max: 1e6 }), jobs: fc.integer({ min: 0, max: 12 }), ships: fc.integer({ min: 1, max: 8 }), windows: fc.boolean(), open: fc.boolean() })
  .map(({ seed, jobs, ships, windows, open }): Problem => {
    const rng = new Rng(seed);
    const pt = (): [number, number] => [rng.int(100), rng.int(100)];
    const tw = (): [number, number][] | undefined => {
      if (!windows) return undefined;
      const e = rng.int(400);
      return [[e, e + 100 + rng.int(300)]];
    };
    return {
      travel: { type: 'euclidean' },
      vehicles: Array.from({ length: 3 }, (_, k) => ({
        id: `v${k}`, start: [50, 50] as [number, number], ...(open && k === 2 ? {} : { end: [50, 50] as [number, number] }),
        capacity: [6, 4], ...(windows ? { shift: [0, 1200] as [number, number] } : {}),
      })),
      jobs: Array.from({ length: jobs }, (_, i) => ({
        id: `j${i}`, location: pt(), delivery: [rng.int(3), 0], pickup: [0, rng.int(2)], serviceDuration: rng.int(10),
        ...(tw() ? { timeWindows: tw() } : {}),
      })),
      shipments: Array.from({ length: ships }, (_, i) => {
        const pw = tw();
        return {
          id: `s${i}`, amount: [1 + rng.int(3), rng.int(3)],
          pickup: { location: pt(), serviceDuration: rng.int(10), ...(pw ? { timeWindows: pw } : {}) },
          delivery: { location: pt(), serviceDuration: rng.int(10), ...(pw ? { timeWindows: [[pw[0][0], pw[0][1] + 400]] as [number, number][] } : {}) },
        };
      }),
    };
  });

describe('solve with shipments: properties', () => {
  it('mixing jobs and shipments: checker-feasible, nothing lost, shipments whole; deterministic for a seed', async () => {
    await fc.assert(
      fc.asyncProperty(mixedArb, async (problem) => {
        const a = await solve(problem, { seed: 3, maxIterations: 150 });
        expectSound(problem, a);
        const b = await solve(problem, { seed: 3, maxIterations: 150 });
        expect(b.summary.cost).toBe(a.summary.cost);
      }),
      { numRuns: 40 },
    );
  });
});
