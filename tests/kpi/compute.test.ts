import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changeRate, computeKpis } from '../../src/kpi/compute.js';
import { formatKpiTable } from '../../src/kpi/format.js';
import { checkSolution } from '../../src/model/check.js';
import type { Id, Problem, RoutePlan } from '../../src/model/types.js';
import type { SlaOrder } from '../../src/sla/orders.js';

// Euclidean line distances, speed 1: 0→1 10, 1→2 10, 2→0 20; 0→3 5, 3→4 10, 4→0 15.
const problem: Problem = {
  jobs: [
    { id: 'j1', location: 1, delivery: [4], serviceDuration: 5, timeWindows: [[0, 50]] },
    { id: 'j2', location: 2, delivery: [3], serviceDuration: 5, timeWindows: [[0, 20]] },
    { id: 'j3', location: 3, delivery: [5] },
    { id: 'j4', location: 4, delivery: [10], timeWindows: [[0, 8]] },
    { id: 'j5', location: 1, delivery: [1] },
  ],
  vehicles: [
    { id: 'v1', start: 0, end: 0, capacity: [10], shift: [0, 100], costs: { fixed: 10, perDistance: 1 } },
    { id: 'v2', start: 0, end: 0, capacity: [20], maxDuration: 60 },
    { id: 'v3', start: 0, end: 0, capacity: [20] },
  ],
  travel: {
    type: 'euclidean',
    coordinates: [
      [0, 0],
      [10, 0],
      [20, 0],
      [0, 5],
      [0, 15],
    ],
  },
};

const route = (vehicle: Id, ids: Id[]) => ({
  vehicle,
  steps: [{ type: 'start' as const }, ...ids.map((id) => ({ type: 'job' as const, id })), { type: 'end' as const }],
});

const plan: RoutePlan = {
  routes: [route('v1', ['j1', 'j2']), route('v2', ['j3', 'j4'])],
  unassigned: [{ id: 'j5', reason: 'fleet-exhausted' }],
};

const T0 = Date.UTC(2026, 10, 22, 8, 0, 0);
const s = 1000;

describe('computeKpis on a hand-computed plan', () => {
  // v1: depart 0, j1 arrive 10 (window end 50) serve to 15, j2 arrive 25 > 20 → late 5, end 50.
  //     duration 50, distance 40, cost 10 + 40 = 50, peak load 7 of 10, shift 100.
  // v2: depart 0, j3 at 5, j4 arrive 15 > 8 → late 7, end 30. duration 30, distance 30, cost 30,
  //     peak load 15 of 20, maxDuration 60.
  it('plan mode: on-time, lateness, utilisation, balance, cost per order', () => {
    const k = computeKpis(problem, plan);
    expect(k.plan).toEqual({ feasible: false, violations: 2 }); // two late jobs
    expect(k.orders).toEqual({
      source: 'plan',
      total: 5,
      onTime: 2,
      late: 2,
      open: 1,
      onTimeRate: 0.4,
      delayRate: 0.4,
      lateness: { mean: 6, max: 7, total: 12 },
    });
    expect(k.cycleTime).toBeNull();
    // Both late jobs are late stops (hard windows: no price); lateness 5 and 7.
    expect(k.lateStops).toEqual({ count: 2, total: 12, max: 7, cost: 0 });
    expect(k.routes).toEqual([
      { vehicle: 'v1', stops: 2, duration: 50, distance: 40, cost: 50, peakLoad: [7], loadFactor: [0.7], workingTimeLimit: 100, workingTimeFactor: 0.5, lateStops: 1 },
      { vehicle: 'v2', stops: 2, duration: 30, distance: 30, cost: 30, peakLoad: [15], loadFactor: [0.75], workingTimeLimit: 60, workingTimeFactor: 0.5, lateStops: 1 },
    ]);
    expect(k.utilisation.vehiclesUsed).toBe(2);
    expect(k.utilisation.fleetUsage).toBeCloseTo(2 / 3, 12);
    expect(k.utilisation.load[0]).toBeCloseTo(0.725, 12);
    expect(k.utilisation.workingTime).toBe(0.5);
    expect(k.balance.duration).toEqual({ count: 2, mean: 40, std: 10, min: 30, max: 50, p90: 50, cv: 0.25, maxMinRatio: 50 / 30 });
    expect(k.balance.stops).toMatchObject({ mean: 2, std: 0, cv: 0, maxMinRatio: 1 });
    expect(k.cost).toEqual({ cost: 80, distance: 70, duration: 80, served: 4, costPerOrder: 20, distancePerOrder: 17.5 });
    expect(k.change).toBeNull();
  });

  it('orders mode: actual events first, then planned ETAs; promises, then windows; cycle time', () => {
    const ev = (received: number, delivered?: number) =>
      delivered === undefined
        ? { receivedAt: T0 + received }
        : { receivedAt: T0 + received, acceptedAt: T0 + received, processedAt: T0 + received, departedAt: T0 + received, deliveredAt: T0 + delivered };
    const orders: SlaOrder[] = [
      { id: 'j1', ...ev(-100 * s, 12 * s), promisedBy: T0 + 11 * s }, // actual 12 s, promised 11 s → late 1000 ms
      { id: 'j2', ...ev(-60 * s), promisedBy: T0 + 30 * s }, // planned 25 s ≤ 30 s → on time
      { id: 'j3', ...ev(0) }, // planned 5 s, no promise, no window → on time
      { id: 'j4', ...ev(-20 * s) }, // planned 15 s, window end 8 s → late 7000 ms
      { id: 'j5', ...ev(0) }, // unassigned → open
      { id: 'x', ...ev(0) }, // no such job → open
    ];
    const k = computeKpis(problem, plan, { orders, timeOrigin: T0 });
    expect(k.orders).toEqual({
      source: 'orders',
      total: 6,
      onTime: 2,
      late: 2,
      open: 2,
      onTimeRate: 1 / 3,
      delayRate: 1 / 3,
      lateness: { mean: 4000, max: 7000, total: 8000 },
    });
    // cycle times: 112 s, 85 s, 5 s, 35 s
    const c = k.cycleTime!;
    expect(c).toMatchObject({ count: 4, mean: 59_250, min: 5000, max: 112_000, p90: 112_000 });
    expect(c.std).toBeCloseTo(Math.sqrt((54_250 ** 2 + 24_250 ** 2 + 25_750 ** 2 + 52_750 ** 2) / 4), 6);
    const text = formatKpiTable(k);
    expect(text).toMatch(/^mean lateness\s+0h 00m 04s$/m);
    expect(text).toMatch(/^cycle time mean ± std\s+0h 00m 59s ± 0h 00m 42s$/m);
    expect(text).toMatch(/^orders\s+6 \(given orders\)$/m);
    // without a time origin, planned ETAs cannot be placed on the clock: only j1 has a delivery time
    const noOrigin = computeKpis(problem, plan, { orders });
    expect(noOrigin.orders).toMatchObject({ onTime: 0, late: 1, open: 5 });
  });

  it('route change rate: position, vehicle, newly assigned and unassigned', () => {
    const previous: RoutePlan = { routes: [route('v1', ['j2', 'j1']), route('v2', ['j3'])], unassigned: [{ id: 'j4', reason: 'fleet-exhausted' }] };
    const k = computeKpis(problem, plan, { previous });
    expect(k.change).toEqual({ compared: 4, changed: 3, vehicleChanged: 0, positionChanged: 2, newlyAssigned: 1, newlyUnassigned: 0, rate: 0.75 });
    const moved: RoutePlan = { routes: [route('v3', ['j1']), route('v2', ['j3', 'j4', 'j2'])], unassigned: [{ id: 'j5', reason: 'x' }] };
    expect(changeRate(problem, moved, plan)).toEqual({
      compared: 5,
      changed: 2,
      vehicleChanged: 2, // j1 v3→v1, j2 v2→v1; j3, j4 keep vehicle and position; j5 stays unassigned
      positionChanged: 0,
      newlyAssigned: 0,
      newlyUnassigned: 0,
      rate: 0.4,
    });
    expect(changeRate(problem, { routes: [] }, plan).rate).toBeNull();
    expect(() => computeKpis(problem, plan, { previous: { routes: [{ vehicle: 'v1' }] } as never })).toThrow(/previous\/routes\/0\/steps/);
  });

  it('no routes and no jobs: zero counts and null figures, never NaN', () => {
    const empty: Problem = { jobs: [], vehicles: [], travel: { type: 'euclidean' } };
    const k = computeKpis(empty, { routes: [] });
    expect(k.orders).toMatchObject({ total: 0, onTimeRate: null, delayRate: null, lateness: { mean: null, max: 0, total: 0 } });
    expect(k.utilisation).toEqual({ vehiclesAvailable: 0, vehiclesUsed: 0, fleetUsage: null, load: [], workingTime: null });
    expect(k.cost).toMatchObject({ served: 0, costPerOrder: null, distancePerOrder: null });
    expect(k.balance.duration).toMatchObject({ count: 0, mean: null, std: null, cv: null });
    expect(JSON.stringify(k)).not.toMatch(/NaN|Infinity/);
    expect(formatKpiTable(k)).toContain('on time');
  });

  it('formatKpiTable prints the figures', () => {
    const text = formatKpiTable(computeKpis(problem, plan, { previous: { routes: [route('v1', ['j2', 'j1'])] } }));
    expect(text).toMatch(/^plan\s+INFEASIBLE \(2 violations\)$/m);
    expect(text).toMatch(/^on time\s+2 \(40\.0%\)$/m);
    expect(text).toMatch(/^cost per order\s+20$/m);
    expect(text).toMatch(/^vehicles used\s+2 of 3 \(66\.7%\)$/m);
    expect(text).toMatch(/^route duration\s+40\s+10\s+30\s+50\s+50\s+0\.25\s+1\.667$/m);
    expect(text).toMatch(/^v1\s+2\s+50\s+40\s+50\s+70\.0%\s+50\.0%$/m);
    expect(text).toMatch(/route change rate\s+100\.0% \(2 of 2/);
  });
});

// --- properties on random plans ---------------------------------------------

const randomCase = fc
  .record({
    points: fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), { minLength: 1, maxLength: 12 }),
    vehicles: fc.integer({ min: 1, max: 4 }),
    assign: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 12, maxLength: 12 }),
    windowEnds: fc.array(fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }), { minLength: 12, maxLength: 12 }),
    order: fc.array(fc.integer(), { minLength: 12, maxLength: 12 }),
    previousAssign: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 12, maxLength: 12 }),
  })
  .map(({ points, vehicles, assign, windowEnds, order, previousAssign }) => {
    const jobs = points.map((p, i) => ({
      id: i,
      location: p as [number, number],
      delivery: [1],
      ...(windowEnds[i] !== undefined ? { timeWindows: [[0, windowEnds[i]!]] as [number, number][] } : {}),
    }));
    const problem: Problem = {
      jobs,
      vehicles: Array.from({ length: vehicles }, (_, v) => ({ id: `v${v}`, start: [25, 25] as [number, number], end: [25, 25] as [number, number], capacity: [5], shift: [0, 200] as [number, number] })),
      travel: { type: 'euclidean' },
    };
    const build = (a: number[]): RoutePlan => {
      const byVehicle: number[][] = Array.from({ length: vehicles }, () => []);
      const unassigned: { id: Id; reason: string }[] = [];
      jobs.forEach((_, i) => (a[i] < 0 || a[i] >= vehicles ? unassigned.push({ id: i, reason: 'fleet-exhausted' }) : byVehicle[a[i]].push(i)));
      for (const r of byVehicle) r.sort((x, y) => order[x] - order[y] || x - y);
      return { routes: byVehicle.filter((r) => r.length > 0).map((r, v) => route(`v${byVehicle.indexOf(r)}`, r)), unassigned };
    };
    return { problem, plan: build(assign), previous: build(previousAssign) };
  });

describe('computeKpis properties', () => {
  it('counts add up, rates lie in [0, 1], spreads are ordered, cost is the checker cost', () => {
    fc.assert(
      fc.property(randomCase, ({ problem, plan, previous }) => {
        const k = computeKpis(problem, plan, { previous });
        const o = k.orders;
        expect(o.onTime + o.late + o.open).toBe(o.total);
        expect(o.total).toBe(problem.jobs.length);
        for (const r of [o.onTimeRate, o.delayRate, k.utilisation.fleetUsage, k.change!.rate]) {
          if (r !== null) {
            expect(r).toBeGreaterThanOrEqual(0);
            expect(r).toBeLessThanOrEqual(1);
          }
        }
        expect(o.late === 0 ? o.lateness.mean === null : o.lateness.mean! > 0).toBe(true);
        expect(o.lateness.max).toBeLessThanOrEqual(o.lateness.total + 1e-9);
        expect(k.utilisation.vehiclesUsed).toBeLessThanOrEqual(problem.vehicles.length);
        for (const sp of [k.balance.duration, k.balance.stops]) {
          if (sp.count > 0) {
            expect(sp.min!).toBeLessThanOrEqual(sp.mean! + 1e-9);
            expect(sp.mean!).toBeLessThanOrEqual(sp.max! + 1e-9);
            expect(sp.p90!).toBeGreaterThanOrEqual(sp.min!);
            expect(sp.p90!).toBeLessThanOrEqual(sp.max!);
            expect(sp.std!).toBeGreaterThanOrEqual(0);
          }
        }
        const check = checkSolution(problem, plan);
        expect(k.cost.cost).toBeCloseTo(check.summary.cost, 9);
        expect(k.cost.served).toBe(check.summary.assigned);
        expect(k.plan.feasible).toBe(check.feasible);
        expect(k.routes.reduce((a, r) => a + r.stops, 0)).toBe(check.summary.assigned);
        expect(JSON.stringify(k)).not.toMatch(/NaN/);
      }),
      { numRuns: 150 },
    );
  });

  it('a plan compared with itself has change rate 0; the change count is symmetric', () => {
    fc.assert(
      fc.property(randomCase, ({ problem, plan, previous }) => {
        const self = changeRate(problem, plan, plan);
        expect(self.changed).toBe(0);
        expect(self.compared).toBe(problem.jobs.length);
        const ab = changeRate(problem, previous, plan);
        const ba = changeRate(problem, plan, previous);
        expect(ab.changed).toBe(ba.changed);
        expect(ab.newlyAssigned).toBe(ba.newlyUnassigned);
      }),
      { numRuns: 150 },
    );
  });
});

describe('on-time tolerance', () => {
  it('float noise in summed travel times is not lateness (same tolerance as the checker)', () => {
    // 0.1 + 0.2 = 0.30000000000000004 > 0.3: the checker calls it feasible, so must the KPIs.
    const problem: Problem = {
      travel: { type: 'matrix', size: 3, durations: [0, 0.1, 1, 0.1, 0, 0.2, 1, 0.2, 0] },
      vehicles: [{ id: 'v', start: 0, shift: [0, 100] }],
      jobs: [
        { id: 'a', location: 1 },
        { id: 'b', location: 2, timeWindows: [[0, 0.3]] },
      ],
    };
    const plan = { routes: [{ vehicle: 'v', steps: [{ type: 'start' as const, departure: 0 }, { type: 'job' as const, id: 'a' }, { type: 'job' as const, id: 'b' }, { type: 'end' as const }] }] };
    const report = checkSolution(problem, plan);
    expect(report.feasible).toBe(true);
    expect(report.routes[0].steps[2].serviceStart).toBeGreaterThan(0.3);
    const k = computeKpis(problem, plan);
    expect(k.orders.late).toBe(0);
    expect(k.orders.onTime).toBe(2);
  });
});
