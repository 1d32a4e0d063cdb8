import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import type { Id, Job, Problem, RoutePlan, Vehicle } from '../../src/model/types.js';

// A line: location i sits at x = 10 i, so every arc is 10 × |i − j| (euclidean, speed 1).
const line = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [10 * i, 0]);

function problem(jobs: Job[], vehicles: Vehicle[] = [{ id: 'v', start: 0, end: 0 }]): Problem {
  return { jobs, vehicles, travel: { type: 'euclidean', coordinates: line(6) } };
}

/** A, B, C at x = 10, 20, 30; B has a window that forces waiting. */
function threeJobs(over: Partial<Record<'A' | 'B' | 'C', Partial<Job>>> = {}): Job[] {
  return [
    { id: 'A', location: 1, serviceDuration: 5, timeWindows: [[0, 100]], ...over.A },
    { id: 'B', location: 2, serviceDuration: 5, timeWindows: [[50, 60]], ...over.B },
    { id: 'C', location: 3, timeWindows: [[0, 200]], ...over.C },
  ];
}

const plan = (vehicle: Id, ids: Id[], unassigned: RoutePlan['unassigned'] = []): RoutePlan => ({
  routes: [{ vehicle, steps: [{ type: 'start' }, ...ids.map((id) => ({ type: 'job' as const, id })), { type: 'end' }] }],
  unassigned,
});

const times = (r: { steps: { arrival: number; serviceStart: number; departure: number }[] }) =>
  r.steps.map((s) => [s.arrival, s.serviceStart, s.departure]);
const codes = (rep: { violations: { code: string }[] }) => rep.violations.map((v) => v.code).sort();

describe('checkSolution: schedule and departure d*', () => {
  it('3-job route with waiting: d* absorbs the waiting up to B’s window end', () => {
    // Earliest schedule (d = 0): A 10..15, B arrives 25 waits to 50..55, C 65, end 95.
    // slack = min(A: 0+100−10, B: 0+60−25, C: 25+200−65, end: ∞) = 35 → d* = 35.
    const rep = checkSolution(problem(threeJobs()), plan('v', ['A', 'B', 'C']));
    expect(rep.feasible).toBe(true);
    const r = rep.routes[0];
    expect(times(r)).toEqual([
      [35, 35, 35],
      [45, 45, 50],
      [60, 60, 65],
      [75, 75, 75],
      [105, 105, 105],
    ]);
    expect(r.steps.map((s) => s.waiting)).toEqual([0, 0, 0, 0, 0]);
    expect(r.steps.map((s) => s.distance)).toEqual([0, 10, 20, 30, 60]);
    expect([r.distance, r.duration, r.cost, r.service, r.waiting]).toEqual([60, 70, 60, 10, 0]);
    expect(rep.summary).toEqual({ cost: 60, distance: 60, duration: 70, routes: 1, unassigned: 0, assigned: 3, tasks: 3, priority: 0 });
  });

  it('a stated departure is used as is (waiting then appears)', () => {
    const p = plan('v', ['A', 'B', 'C']);
    p.routes[0].steps[0].departure = 0;
    const rep = checkSolution(problem(threeJobs()), p);
    expect(rep.feasible).toBe(true);
    expect(rep.routes[0].steps[2]).toMatchObject({ arrival: 25, waiting: 25, serviceStart: 50, departure: 55 });
    expect(rep.routes[0].duration).toBe(95);
  });

  it('a late job: lateness = arrival − last window end, slack 0, d = e', () => {
    const rep = checkSolution(problem(threeJobs({ B: { timeWindows: [[10, 20]] } })), plan('v', ['A', 'B', 'C']));
    expect(rep.feasible).toBe(false);
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'late', job: 'B', amount: 5, route: 0, vehicle: 'v' })]);
    expect(rep.routes[0].steps[0].departure).toBe(0);
    expect(rep.routes[0].steps[2]).toMatchObject({ arrival: 25, serviceStart: 25, lateness: 5 });
  });

  it('multiple windows: the first window ending at or after the arrival is used', () => {
    // d = 0: B arrives 25 → window [40,45] (not [0,20]); slack = min(90, 0+45−25, …) = 20 → d* = 20.
    const jobs = threeJobs({ B: { timeWindows: [[0, 20], [40, 45], [70, 80]] } });
    const rep = checkSolution(problem(jobs), plan('v', ['A', 'B', 'C']));
    expect(rep.feasible).toBe(true);
    expect(times(rep.routes[0])).toEqual([
      [20, 20, 20],
      [30, 30, 35],
      [45, 45, 50],
      [60, 60, 60],
      [90, 90, 90],
    ]);
    // Departing late enough to miss [40,45] moves B to [70,80].
    const p = plan('v', ['A', 'B', 'C']);
    p.routes[0].steps[0].departure = 21;
    const late = checkSolution(problem(jobs), p);
    expect(late.feasible).toBe(true);
    expect(late.routes[0].steps[2]).toMatchObject({ arrival: 46, serviceStart: 70, waiting: 24 });
  });

  it('shift end bounds the slack; an unavoidable overrun is reported with its amount', () => {
    // shift end 100: end term = 25 + 100 − 95 = 30 < 35 → d* = 30, end exactly 100.
    const ok = checkSolution(problem(threeJobs(), [{ id: 'v', start: 0, end: 0, shift: [0, 100] }]), plan('v', ['A', 'B', 'C']));
    expect(ok.feasible).toBe(true);
    expect(ok.routes[0].steps[0].departure).toBe(30);
    expect(ok.routes[0].steps[4].arrival).toBe(100);
    // shift end 90: end term = 25 + 90 − 95 = 20 → d* = 20, end 95 → overrun 5.
    const over = checkSolution(problem(threeJobs(), [{ id: 'v', start: 0, end: 0, shift: [0, 90] }]), plan('v', ['A', 'B', 'C']));
    expect(over.routes[0].steps[0].departure).toBe(20);
    expect(over.violations).toEqual([expect.objectContaining({ code: 'shift-end', amount: 5 })]);
  });

  it('shift start: e = shift start; departing before it is a violation', () => {
    const v: Vehicle = { id: 'v', start: 0, end: 0, shift: [40, 1000] };
    // e = 40; A (window [0,50]) is reached at exactly 50, so the slack is 0 and d* = e.
    const rep = checkSolution(problem(threeJobs({ A: { timeWindows: [[0, 50]] }, B: { timeWindows: [[50, 200]] } }), [v]), plan('v', ['A', 'B', 'C']));
    expect(rep.routes[0].steps[0].departure).toBe(40);
    expect(rep.feasible).toBe(true);
    // With A's window open until 100, the slack is 50 (A) and d* = 90.
    const loose = checkSolution(problem(threeJobs({ B: { timeWindows: [[50, 200]] } }), [v]), plan('v', ['A', 'B', 'C']));
    expect(loose.routes[0].steps[0].departure).toBe(90);
    const p = plan('v', ['A', 'B', 'C']);
    p.routes[0].steps[0].departure = 30;
    expect(checkSolution(problem(threeJobs(), [v]), p).violations).toEqual([
      expect.objectContaining({ code: 'shift-start', amount: 10 }),
    ]);
  });

  it('maxDuration and maxDistance', () => {
    const v: Vehicle = { id: 'v', start: 0, end: 0, maxDuration: 60, maxDistance: 50 };
    const rep = checkSolution(problem(threeJobs(), [v]), plan('v', ['A', 'B', 'C']));
    expect(codes(rep)).toEqual(['max-distance', 'max-duration']);
    expect(rep.violations.find((x) => x.code === 'max-duration')!.amount).toBe(10);
    expect(rep.violations.find((x) => x.code === 'max-distance')!.amount).toBe(10);
    const fits = checkSolution(problem(threeJobs(), [{ ...v, maxDuration: 70, maxDistance: 60 }]), plan('v', ['A', 'B', 'C']));
    expect(fits.feasible).toBe(true);
  });

  it('release time and dispatch deadline: e = latest release, d* capped by the earliest deadline', () => {
    // e = 30: A 40..45, B 55..60, C 65, end 95; slack = min(60, 5, 135, ∞) = 5; D = 32 → d* = 32
    // (then A 42..47, B 57..62, C 72, end 102: no waiting left, duration 70).
    const jobs = threeJobs({ A: { releaseTime: 30 }, C: { dispatchDeadline: 32 } });
    const rep = checkSolution(problem(jobs), plan('v', ['A', 'B', 'C']));
    expect(rep.feasible).toBe(true);
    expect(rep.routes[0].steps[0].departure).toBe(32);
    expect(rep.routes[0].steps[4].arrival).toBe(102);
    expect(rep.routes[0].duration).toBe(70);
    const early = plan('v', ['A', 'B', 'C']);
    early.routes[0].steps[0].departure = 20;
    expect(checkSolution(problem(jobs), early).violations).toEqual([
      expect.objectContaining({ code: 'release-time', job: 'A', amount: 10 }),
    ]);
    const tardy = plan('v', ['A', 'B', 'C']);
    tardy.routes[0].steps[0].departure = 40;
    expect(codes(checkSolution(problem(jobs), tardy))).toEqual(['dispatch-deadline', 'late']);
  });

  it('release time after the dispatch deadline: d* = e and the deadline is broken', () => {
    const jobs = threeJobs({ A: { releaseTime: 30 }, C: { dispatchDeadline: 20 } });
    const rep = checkSolution(problem(jobs), plan('v', ['A', 'B', 'C']));
    expect(rep.routes[0].steps[0].departure).toBe(30);
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'dispatch-deadline', job: 'C', amount: 10 })]);
  });

  it('open start and open end: the route begins at its first job and ends after its last', () => {
    // d = 0: A 0..5, B arrives 15 waits to 50..55, C 65, end 65; slack = min(100, 45, 170) = 45.
    const rep = checkSolution(problem(threeJobs(), [{ id: 'v' }]), plan('v', ['A', 'B', 'C']));
    expect(rep.feasible).toBe(true);
    expect(times(rep.routes[0])).toEqual([
      [45, 45, 45],
      [45, 45, 50],
      [60, 60, 65],
      [75, 75, 75],
      [75, 75, 75],
    ]);
    expect([rep.routes[0].distance, rep.routes[0].duration]).toEqual([20, 30]);
    expect(rep.routes[0].steps[0].location).toBe(1);
  });

  it('no window and no shift end: slack is the total waiting, so departure is not pushed to infinity', () => {
    const jobs: Job[] = [
      { id: 1, location: 1, timeWindows: [[30, Infinity]] },
      { id: 2, location: 2 },
    ];
    const rep = checkSolution(problem(jobs), plan('v', [1, 2]));
    expect(rep.routes[0].steps[0].departure).toBe(20);
    expect(rep.routes[0].duration).toBe(40);
    expect(rep.feasible).toBe(true);
  });
});

describe('checkSolution: loads and costs', () => {
  it('capacity excess with deliveries and pickups', () => {
    // Start load = 6 + 3 = 9; after A 3; after B 3 + 8 = 11 > 10; after C 8.
    const jobs = threeJobs({ A: { delivery: [6] }, B: { pickup: [8] }, C: { delivery: [3] } });
    const rep = checkSolution(problem(jobs, [{ id: 'v', start: 0, end: 0, capacity: [10] }]), plan('v', ['A', 'B', 'C']));
    expect(rep.routes[0].steps.map((s) => s.load[0])).toEqual([9, 3, 11, 8, 8]);
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'capacity', job: 'B', amount: 1 })]);
    expect(rep.routes[0].delivery).toEqual([9]);
    expect(rep.routes[0].pickup).toEqual([8]);
    const roomy = checkSolution(problem(jobs, [{ id: 'v', start: 0, end: 0, capacity: [11] }]), plan('v', ['A', 'B', 'C']));
    expect(roomy.feasible).toBe(true);
  });

  it('an overloaded start is reported without a job', () => {
    const jobs = threeJobs({ A: { delivery: [4, 0] }, B: { delivery: [0, 7] } });
    const rep = checkSolution(problem(jobs, [{ id: 'v', start: 0, end: 0, capacity: [5, 5] }]), plan('v', ['A', 'B', 'C']));
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'capacity', amount: 2 })]);
    expect(rep.violations[0].job).toBeUndefined();
  });

  it('cost = fixed + perDistance × distance + perDuration × duration; empty routes cost nothing', () => {
    const vehicles: Vehicle[] = [
      { id: 'v', start: 0, end: 0, costs: { fixed: 100, perDistance: 2, perDuration: 0.5 } },
      { id: 'w', start: 0, end: 0, costs: { fixed: 1000 } },
    ];
    const p: RoutePlan = {
      routes: [...plan('v', ['A', 'B', 'C']).routes, { vehicle: 'w', steps: [{ type: 'start' }, { type: 'end' }] }],
    };
    const rep = checkSolution(problem(threeJobs(), vehicles), p);
    expect(rep.feasible).toBe(true);
    expect(rep.routes.map((r) => r.cost)).toEqual([100 + 2 * 60 + 0.5 * 70, 0]);
    expect(rep.summary).toMatchObject({ cost: 255, routes: 1, distance: 60, duration: 70 });
  });

  it('unreachable arcs (matrix with Infinity) are reported', () => {
    const p: Problem = {
      jobs: [{ id: 'a', location: 1 }],
      vehicles: [{ id: 'v', start: 0, end: 0 }],
      travel: { type: 'matrix', size: 2, durations: [0, 5, Infinity, 0] },
    };
    const rep = checkSolution(p, plan('v', ['a']));
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'unreachable' })]);
    // perDuration 0 × an infinite duration must not turn the cost into NaN.
    expect(rep.routes[0].cost).toBe(Infinity);
  });
});

describe('checkSolution: plan bookkeeping', () => {
  const p = problem(threeJobs(), [{ id: 'v', start: 0, end: 0 }, { id: 1, start: 0, end: 0 }]);

  it('missing, duplicate, unknown jobs; missing reasons', () => {
    expect(codes(checkSolution(p, plan('v', ['A', 'B'])))).toEqual(['missing-job']);
    expect(codes(checkSolution(p, plan('v', ['A', 'B', 'C', 'A'])))).toEqual(['duplicate-job']);
    expect(codes(checkSolution(p, plan('v', ['A', 'B', 'C'], [{ id: 'B', reason: 'capacity' }])))).toEqual(['duplicate-job']);
    expect(codes(checkSolution(p, plan('v', ['A', 'B', 'C', 'Z'])))).toEqual(['unknown-job']);
    const u = checkSolution(p, plan('v', ['A', 'B'], [{ id: 'C' }]));
    expect(codes(u)).toEqual(['missing-reason']);
    const ok = checkSolution(p, plan('v', ['A', 'B'], [{ id: 'C', reason: 'time-window' }]));
    expect(ok.feasible).toBe(true);
    expect(ok.summary).toMatchObject({ assigned: 2, unassigned: 1 });
  });

  it('ids match by their string form: "1" names vehicle 1', () => {
    const rep = checkSolution(p, plan('1', ['A', 'B', 'C']));
    expect(rep.feasible).toBe(true);
    expect(rep.routes[0].vehicle).toBe(1);
    expect(checkSolution(p, plan(1, ['A', 'B', 'C'])).feasible).toBe(true);
    expect(codes(checkSolution(p, plan('01', ['A', 'B', 'C'])))).toEqual(['unknown-vehicle']);
  });

  it('one route per vehicle', () => {
    const two: RoutePlan = { routes: [...plan('v', ['A']).routes, ...plan('v', ['B', 'C']).routes] };
    expect(codes(checkSolution(p, two))).toEqual(['duplicate-vehicle']);
  });

  it('allowedVehicles', () => {
    const q = problem(threeJobs({ B: { allowedVehicles: [1] } }), [{ id: 'v', start: 0, end: 0 }, { id: 1, start: 0, end: 0 }]);
    expect(checkSolution(q, plan('v', ['A', 'B', 'C'])).violations).toEqual([expect.objectContaining({ code: 'not-allowed', job: 'B' })]);
    expect(checkSolution(q, plan(1, ['A', 'B', 'C'])).feasible).toBe(true);
  });

  it('claims: stated numbers are compared with the re-derived ones', () => {
    const good = {
      summary: { cost: 60, distance: 60, duration: 70, routes: 1, unassigned: 0 },
      routes: [
        {
          vehicle: 'v',
          cost: 60,
          distance: 60,
          duration: 70,
          steps: [
            { type: 'start' as const, departure: 35, arrival: 35, load: [] },
            { type: 'job' as const, id: 'A', arrival: 45, serviceStart: 45, departure: 50, distance: 10 },
            { type: 'job' as const, id: 'B', arrival: 60, waiting: 0 },
            { type: 'job' as const, id: 'C', arrival: 75 + 1e-9 },
            { type: 'end' as const, arrival: 105, distance: 60 },
          ],
        },
      ],
      unassigned: [],
    };
    expect(checkSolution(p, good).violations).toEqual([]);
    const bad = structuredClone(good);
    bad.routes[0].steps[2].arrival = 61;
    bad.routes[0].distance = 59;
    bad.summary.cost = 61;
    const rep = checkSolution(p, bad);
    expect(codes(rep)).toEqual(['claim-mismatch', 'claim-mismatch', 'claim-mismatch']);
    expect(rep.violations.map((v) => v.pointer).sort()).toEqual(['/routes/0/distance', '/routes/0/steps/2/arrival', '/summary/cost']);
    expect(checkSolution(p, bad, { tolerance: 2 }).feasible).toBe(true);
  });

  it('a plan not shaped like routes of steps is an input error, not a crash', () => {
    expect(() => checkSolution(p, { routes: 3 } as unknown as RoutePlan)).toThrowError(/routes must be an array/);
    expect(() => checkSolution(p, { routes: [{ vehicle: 'v', steps: [{ type: 'hop' }] }] } as unknown as RoutePlan)).toThrowError(
      /step type/,
    );
  });
});
