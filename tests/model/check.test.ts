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
  it('3-job route with waiting: d* removes the waiting and departs no later (B reached at its window start)', () => {
    // Earliest schedule (d = 0): A 10..15, B arrives 25 waits to 50..55, C 65, end 95. W(end) = 25;
    // slack = min(A: 0+100−10, B: 0+60−25, C: 25+200−65) = 35 → d* = 0 + min(25, 35) = 25.
    // (The old rule departed at the slack, 35: B at 60, its window's last moment, for the same duration.)
    const rep = checkSolution(problem(threeJobs()), plan('v', ['A', 'B', 'C']));
    expect(rep.feasible).toBe(true);
    const r = rep.routes[0];
    expect(times(r)).toEqual([
      [25, 25, 25],
      [35, 35, 40],
      [50, 50, 55],
      [65, 65, 65],
      [95, 95, 95],
    ]);
    expect(r.steps.map((s) => s.waiting)).toEqual([0, 0, 0, 0, 0]);
    expect(r.steps.map((s) => s.distance)).toEqual([0, 10, 20, 30, 60]);
    expect([r.distance, r.duration, r.cost, r.service, r.waiting]).toEqual([60, 70, 60, 10, 0]);
    expect(rep.summary).toEqual({ cost: 60, distance: 60, duration: 70, routes: 1, unassigned: 0, assigned: 3, tasks: 3, priority: 0, lateTasks: 0, latenessCost: 0, makespan: 95, objective: { type: 'cost', score: [60] } });
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
    // d = 0: B arrives 25 → window [40,45] (not [0,20]), waits 15; slack = min(90, 0+45−25, …) = 20 → d* = min(15, 20) = 15.
    const jobs = threeJobs({ B: { timeWindows: [[0, 20], [40, 45], [70, 80]] } });
    const rep = checkSolution(problem(jobs), plan('v', ['A', 'B', 'C']));
    expect(rep.feasible).toBe(true);
    expect(times(rep.routes[0])).toEqual([
      [15, 15, 15],
      [25, 25, 30],
      [40, 40, 45],
      [55, 55, 55],
      [85, 85, 85],
    ]);
    // Departing late enough to miss [40,45] moves B to [70,80].
    const p = plan('v', ['A', 'B', 'C']);
    p.routes[0].steps[0].departure = 21;
    const late = checkSolution(problem(jobs), p);
    expect(late.feasible).toBe(true);
    expect(late.routes[0].steps[2]).toMatchObject({ arrival: 46, serviceStart: 70, waiting: 24 });
  });

  it('the shift end does not move d* (delaying within the waiting never moves the end); an overrun is reported', () => {
    // shift end 100: d* = 25 as without a shift, end 95 (the old rule departed at 30 to end exactly at 100).
    const ok = checkSolution(problem(threeJobs(), [{ id: 'v', start: 0, end: 0, shift: [0, 100] }]), plan('v', ['A', 'B', 'C']));
    expect(ok.feasible).toBe(true);
    expect(ok.routes[0].steps[0].departure).toBe(25);
    expect(ok.routes[0].steps[4].arrival).toBe(95);
    // shift end 90: the end arrival is 95 whatever the departure in [0, 25] → overrun 5.
    const over = checkSolution(problem(threeJobs(), [{ id: 'v', start: 0, end: 0, shift: [0, 90] }]), plan('v', ['A', 'B', 'C']));
    expect(over.routes[0].steps[0].departure).toBe(25);
    expect(over.violations).toEqual([expect.objectContaining({ code: 'shift-end', amount: 5 })]);
  });

  it('a van with shift 08:00–18:00 and no windows departs at 08:00, not at the last moment (fails on the old rule)', () => {
    const h = 3600;
    const jobs: Job[] = [
      { id: 1, location: 1, serviceDuration: 600 },
      { id: 2, location: 3, serviceDuration: 600 },
    ];
    const p: Problem = { ...problem(jobs, [{ id: 'v', start: 0, end: 0, shift: [8 * h, 18 * h] }]) };
    const rep = checkSolution(p, plan('v', [1, 2]));
    expect(rep.feasible).toBe(true);
    expect(rep.routes[0].steps[0].departure).toBe(8 * h); // the old rule: 18:00 − 1260 s, ending exactly at 18:00
    expect(rep.routes[0].steps[3].arrival).toBe(8 * h + 1260);
  });

  it('a route with a window departs so that it reaches the window start without waiting, no later (fails on the old rule)', () => {
    // Shift 08:00–18:00, one job 10 away with window [10:00, 12:00]: depart 09:59:50, arrive exactly 10:00.
    const h = 3600;
    const jobs: Job[] = [{ id: 1, location: 1, serviceDuration: 600, timeWindows: [[10 * h, 12 * h]] }];
    const rep = checkSolution(problem(jobs, [{ id: 'v', start: 0, end: 0, shift: [8 * h, 18 * h] }]), plan('v', [1]));
    expect(rep.feasible).toBe(true);
    expect(rep.routes[0].steps[0].departure).toBe(10 * h - 10); // the old rule: 12:00 − 10, arriving at the window's end
    expect(rep.routes[0].steps[1]).toMatchObject({ arrival: 10 * h, waiting: 0, serviceStart: 10 * h });
    expect(rep.routes[0].duration).toBe(620);
  });

  it('shift start: e = shift start; departing before it is a violation', () => {
    const v: Vehicle = { id: 'v', start: 0, end: 0, shift: [40, 1000] };
    // e = 40; A (window [0,50]) is reached at exactly 50, so the slack is 0 and d* = e.
    const rep = checkSolution(problem(threeJobs({ A: { timeWindows: [[0, 50]] }, B: { timeWindows: [[50, 200]] } }), [v]), plan('v', ['A', 'B', 'C']));
    expect(rep.routes[0].steps[0].departure).toBe(40);
    expect(rep.feasible).toBe(true);
    // With A's window open until 100 there is still no waiting to remove: d* = e (the old rule departed at 90).
    const loose = checkSolution(problem(threeJobs({ B: { timeWindows: [[50, 200]] } }), [v]), plan('v', ['A', 'B', 'C']));
    expect(loose.routes[0].steps[0].departure).toBe(40);
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
    // B's window [60, 70]. e = 30: A 40..45, B arrives 55, waits 5, 60..65, C 75, end 105; W(end) = 5,
    // slack = min(60, 15, 130) = 15; D = 32 caps it → d* = 32 (A 42..47, B 57 waits 3, 60..65, C 75, end 105).
    const jobs = threeJobs({ A: { releaseTime: 30 }, B: { timeWindows: [[60, 70]] }, C: { dispatchDeadline: 32 } });
    const rep = checkSolution(problem(jobs), plan('v', ['A', 'B', 'C']));
    expect(rep.feasible).toBe(true);
    expect(rep.routes[0].steps[0].departure).toBe(32);
    expect(rep.routes[0].steps[2]).toMatchObject({ arrival: 57, waiting: 3, serviceStart: 60 });
    expect(rep.routes[0].steps[4].arrival).toBe(105);
    expect(rep.routes[0].duration).toBe(73);
    const early = plan('v', ['A', 'B', 'C']);
    early.routes[0].steps[0].departure = 20;
    expect(checkSolution(problem(jobs), early).violations).toEqual([
      expect.objectContaining({ code: 'release-time', job: 'A', amount: 10 }),
    ]);
    const tardy = plan('v', ['A', 'B', 'C']);
    tardy.routes[0].steps[0].departure = 50; // B reached at 75, after its window's end 70
    expect(codes(checkSolution(problem(jobs), tardy))).toEqual(['dispatch-deadline', 'late']);
  });

  it('release time after the dispatch deadline: d* = e and the deadline is broken', () => {
    const jobs = threeJobs({ A: { releaseTime: 30 }, C: { dispatchDeadline: 20 } });
    const rep = checkSolution(problem(jobs), plan('v', ['A', 'B', 'C']));
    expect(rep.routes[0].steps[0].departure).toBe(30);
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'dispatch-deadline', job: 'C', amount: 10 })]);
  });

  it('open start and open end: the route begins at its first job and ends after its last', () => {
    // d = 0: A 0..5, B arrives 15 waits 35 to 50..55, C 65, end 65; slack = min(100, 45, 170) = 45 → d* = min(35, 45) = 35.
    const rep = checkSolution(problem(threeJobs(), [{ id: 'v' }]), plan('v', ['A', 'B', 'C']));
    expect(rep.feasible).toBe(true);
    expect(times(rep.routes[0])).toEqual([
      [35, 35, 35],
      [35, 35, 40],
      [50, 50, 55],
      [65, 65, 65],
      [65, 65, 65],
    ]);
    expect([rep.routes[0].distance, rep.routes[0].duration]).toEqual([20, 30]);
    expect(rep.routes[0].steps[0].location).toBe(1);
  });

  it('no window end and no shift end: the departure removes the waiting and no more (not pushed to infinity)', () => {
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
    expect(checkSolution(p, plan('v', ['A', 'B', 'C', 'A'])).violations.map((v) => [v.pointer, v.message])).toEqual([
      ['/routes/0/steps/4', 'job A appears again in route 0 (first in route 0)'],
    ]);
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
