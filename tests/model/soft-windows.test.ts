/**
 * Soft time windows (docs/semantics.md, "Soft time windows"): lateness after the
 * last window's end at a price per time unit, up to `maxLateness`; the checker
 * prices it into the route cost, reports it per stop and flags only what exceeds
 * the bound.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution } from '../../src/model/check.js';
import { compareObjective } from '../../src/model/objective.js';
import { validateProblem } from '../../src/model/validate.js';
import { computeKpis } from '../../src/kpi/compute.js';
import type { Id, Job, Problem, RoutePlan, Shipment } from '../../src/model/types.js';

// Matrix: depot 0, A 1, B 2. 0→A 20, 0→B 10, A↔B 15; an open route (no end).
const M = [
  [0, 20, 10],
  [20, 0, 15],
  [10, 15, 0],
];
function problem(a: Partial<Job> = {}, extra: Partial<Problem> = {}): Problem {
  return {
    jobs: [
      { id: 'A', location: 1, timeWindows: [[0, 20]], ...a },
      { id: 'B', location: 2 },
    ],
    vehicles: [{ id: 'v', start: 0 }],
    travel: { type: 'matrix', size: 3, durations: M.flat() },
    ...extra,
  };
}
const plan = (ids: Id[]): RoutePlan => ({
  routes: [{ vehicle: 'v', steps: [{ type: 'start' }, ...ids.map((id) => ({ type: 'job' as const, id })), { type: 'end' }] }],
});
// B first: 10 + 15 = 25 to A, late by 5 (distance 25). A first: on time (distance 35).
const viaB = ['B', 'A'];
const viaA = ['A', 'B'];

describe('soft time windows: lateness priced, bounded by maxLateness', () => {
  it('hard windows (no price): late is a violation of the whole lateness, and costs nothing extra', () => {
    const rep = checkSolution(problem(), plan(viaB));
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'late', job: 'A', amount: 5 })]);
    expect(rep.routes[0].steps[2]).toMatchObject({ arrival: 25, serviceStart: 25, lateness: 5 });
    expect(rep.summary).toMatchObject({ cost: 25, lateTasks: 1, latenessCost: 0 });
  });

  it('a price: no violation, the route cost includes price × lateness, reported per stop, route and summary', () => {
    const rep = checkSolution(problem({ latenessCost: 1 }), plan(viaB));
    expect(rep.feasible).toBe(true);
    expect(rep.routes[0].steps[2].lateness).toBe(5);
    expect(rep.routes[0]).toMatchObject({ cost: 30, latenessCost: 5, lateTasks: 1, distance: 25 });
    expect(rep.summary).toMatchObject({ cost: 30, lateTasks: 1, latenessCost: 5 });
  });

  it('each price gives a different verdict between the two orders (hard: only A first is feasible)', () => {
    const better = (p: Problem) => {
      const b = checkSolution(p, plan(viaB));
      const a = checkSolution(p, plan(viaA));
      expect(a.feasible).toBe(true);
      if (!b.feasible) return 'A first';
      return compareObjective(b.summary, a.summary) < 0 ? 'B first' : 'A first';
    };
    expect(better(problem())).toBe('A first'); // hard window
    expect(better(problem({ latenessCost: 1 }))).toBe('B first'); // 25 + 5 = 30 < 35
    expect(better(problem({ latenessCost: 3 }))).toBe('A first'); // 25 + 15 = 40 > 35
    expect(better(problem({ latenessCost: 1, maxLateness: 4 }))).toBe('A first'); // 5 > 4: late
    expect(better(problem({ latenessCost: 1, maxLateness: 5 }))).toBe('B first');
    expect(better(problem({ maxLateness: 5 }))).toBe('B first'); // allowed for free: 25 < 35
  });

  it('maxLateness: only the lateness beyond it is a violation (amount = lateness − maxLateness); the price still applies', () => {
    const rep = checkSolution(problem({ latenessCost: 2, maxLateness: 3 }), plan(viaB));
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'late', job: 'A', amount: 2 })]);
    expect(rep.routes[0]).toMatchObject({ cost: 35, latenessCost: 10 });
    expect(checkSolution(problem({ maxLateness: 0, latenessCost: 2 }), plan(viaB)).violations).toEqual([
      expect.objectContaining({ code: 'late', amount: 5 }),
    ]);
  });

  it('problem.defaults apply to every task that does not state its own field; a task may restore hard windows', () => {
    const soft = checkSolution(problem({}, { defaults: { latenessCost: 1 } }), plan(viaB));
    expect(soft.feasible).toBe(true);
    expect(soft.summary.cost).toBe(30);
    const own = checkSolution(problem({ latenessCost: 3 }, { defaults: { latenessCost: 1, maxLateness: 10 } }), plan(viaB));
    expect(own.feasible).toBe(true);
    expect(own.summary.cost).toBe(40);
    const bounded = checkSolution(problem({ latenessCost: 3 }, { defaults: { maxLateness: 4 } }), plan(viaB));
    expect(bounded.violations).toEqual([expect.objectContaining({ code: 'late', amount: 1 })]);
    const hard = checkSolution(problem({ maxLateness: 0 }, { defaults: { latenessCost: 1 } }), plan(viaB));
    expect(hard.violations).toEqual([expect.objectContaining({ code: 'late', amount: 5 })]);
  });

  it('lateness is measured after the LAST window: between windows the vehicle still waits', () => {
    const early = plan(viaB);
    early.routes[0].steps[0].departure = 0;
    const rep = checkSolution(problem({ timeWindows: [[0, 20], [40, 50]], latenessCost: 1 }), early);
    expect(rep.routes[0].steps[2]).toMatchObject({ arrival: 25, waiting: 15, serviceStart: 40, lateness: 0 });
    expect(rep.summary).toMatchObject({ lateTasks: 0, latenessCost: 0 });
  });

  it('stated lateness claims are compared; the KPIs count late stops', () => {
    const p = problem({ latenessCost: 1 });
    const stated = plan(viaB);
    stated.routes[0].steps[2].lateness = 4;
    (stated.routes[0] as Record<string, unknown>).latenessCost = 5;
    (stated as { summary?: object }).summary = { latenessCost: 6 };
    const rep = checkSolution(p, stated);
    expect(rep.violations.map((v) => v.pointer)).toEqual(['/routes/0/steps/2/lateness', '/summary/latenessCost']);
    const k = computeKpis(p, plan(viaB));
    expect(k.lateStops).toEqual({ count: 1, total: 5, max: 5, cost: 5 });
    expect(k.routes[0].lateStops).toBe(1);
    expect(k.plan.feasible).toBe(true);
  });

  it('shipment stops: a soft delivery window; validation accepts what maxLateness makes reachable', () => {
    const shipment = (delivery: Partial<Shipment['delivery']>): Shipment => ({
      id: 'S',
      pickup: { location: 2, serviceDuration: 5, timeWindows: [[0, 100]] },
      delivery: { location: 1, timeWindows: [[0, 20]], ...delivery },
    });
    const p = (d: Partial<Shipment['delivery']>): Problem => ({ ...problem(), jobs: [], shipments: [shipment(d)] });
    // Earliest delivery: pickup 0 + service 5 + travel 15 = 20: on time. With a window ending at 10 it never is.
    expect(validateProblem(p({ timeWindows: [[0, 10]] })).map((i) => i.pointer)).toEqual(['/shipments/0/delivery/timeWindows']);
    expect(validateProblem(p({ timeWindows: [[0, 10]], maxLateness: 10 }))).toEqual([]);
    expect(validateProblem(p({ timeWindows: [[0, 10]], latenessCost: 1 }))).toEqual([]);
    const rp: RoutePlan = {
      routes: [{ vehicle: 'v', steps: [{ type: 'pickup', shipment: 'S' }, { type: 'delivery', shipment: 'S' }] }],
    };
    const rep = checkSolution(p({ timeWindows: [[0, 10]], latenessCost: 2 }), rp);
    expect(rep.feasible).toBe(true);
    // depot → pickup 10, service 5, → delivery 15: arrives 30, late by 20 (distance 25 + 2 × 20).
    expect(rep.routes[0].steps[2]).toMatchObject({ type: 'delivery', arrival: 30, lateness: 20 });
    expect(rep.summary).toMatchObject({ cost: 25 + 40, latenessCost: 40, lateTasks: 1 });
  });

  it('property: cost = the same plan without prices + Σ price × lateness; violations only where lateness > maxLateness', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 40 }), end: fc.integer({ min: 0, max: 60 }), price: fc.integer({ min: 0, max: 3 }), max: fc.option(fc.integer({ min: 0, max: 20 })) }), { minLength: 1, maxLength: 6 }),
        (spec) => {
          const jobs: Job[] = spec.map((s, i) => ({ id: i, location: [s.x, 0], timeWindows: [[0, s.end]], serviceDuration: 3, latenessCost: s.price, ...(s.max === null ? {} : { maxLateness: s.max }) }));
          const soft: Problem = { jobs, vehicles: [{ id: 'v', start: [0, 0], end: [0, 0] }], travel: { type: 'euclidean' } };
          const hard: Problem = { ...soft, jobs: jobs.map(({ latenessCost: _p, maxLateness: _m, ...j }) => j) };
          const rp: RoutePlan = { routes: [{ vehicle: 'v', steps: jobs.map((j) => ({ type: 'job' as const, id: j.id })) }] };
          const a = checkSolution(soft, rp);
          const b = checkSolution(hard, rp);
          const steps = a.routes[0].steps.filter((s) => s.type === 'job');
          const priced = steps.reduce((t, s, i) => t + spec[i].price * s.lateness, 0);
          expect(Math.abs(a.summary.cost - (b.summary.cost + priced))).toBeLessThanOrEqual(1e-9 * (1 + b.summary.cost));
          const late = a.violations.filter((v) => v.code === 'late').map((v) => v.job);
          const expected = steps.filter((s, i) => s.lateness > (spec[i].max ?? Infinity) + 1e-9).map((s) => s.id);
          expect(late).toEqual(expected);
          expect(b.violations.filter((v) => v.code === 'late').map((v) => v.job)).toEqual(steps.filter((s) => s.lateness > 0).map((s) => s.id));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('soft time windows: input rules', () => {
  const pointers = (p: unknown) => validateProblem(p).map((i) => `${i.code} ${i.pointer}`);
  it('negative or non-finite prices, negative maxLateness, bad defaults → issues with pointers', () => {
    expect(pointers(problem({ latenessCost: -1 }))).toEqual(['negative /jobs/0/latenessCost']);
    expect(pointers(problem({ latenessCost: Infinity }))).toEqual(['not-finite /jobs/0/latenessCost']);
    expect(pointers(problem({ maxLateness: -0.5 }))).toEqual(['negative /jobs/0/maxLateness']);
    expect(pointers(problem({ maxLateness: Infinity, latenessCost: 0 }))).toEqual([]);
    expect(pointers(problem({}, { defaults: { latenessCost: -2 } }))).toEqual(['negative /defaults/latenessCost']);
    expect(pointers(problem({}, { defaults: { maxLateness: NaN } }))).toEqual(['not-finite /defaults/maxLateness']);
    expect(pointers(problem({}, { defaults: { latenesCost: 1 } as never }))).toEqual(['unknown-field /defaults/latenesCost']);
    expect(pointers(problem({}, { defaults: 3 as never }))).toEqual(['type /defaults']);
    const withStop: Problem = { ...problem(), shipments: [{ id: 'S', pickup: { location: 2, latenessCost: -1 }, delivery: { location: 1, maxLateness: -1 } }] };
    expect(pointers(withStop)).toEqual(['negative /shipments/0/pickup/latenessCost', 'negative /shipments/0/delivery/maxLateness']);
  });
});
