/**
 * The exact route evaluator on small cases computed by hand, one feature at a
 * time: several windows, setup (same and different locations), per-type
 * durations, breaks (the placement rule), speed factors and profiles, limits,
 * who may serve, shipments, costs, release times and dispatch deadlines.
 * Every plan built from an evaluation also goes through the checker.
 */
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import { taskTable } from '../../src/model/tasks.js';
import { resolveTaskTravel } from '../../src/model/task-travel.js';
import type { Job, Problem, Shipment, Vehicle } from '../../src/model/types.js';
import { RouteEvaluation, RouteEvaluator } from '../../src/solver/evaluate.js';
import { buildSolution, unassignedOrder, type DecodeContext } from '../../src/solver/decode.js';

// A line: location i sits at x = 10 i, so every arc is 10 × |i − j| (euclidean, speed 1).
const line = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [10 * i, 0]);

function problem(jobs: Job[], vehicles: Vehicle[], shipments?: Shipment[], extra: Partial<Problem> = {}): Problem {
  return { jobs, vehicles, travel: { type: 'euclidean', coordinates: line(8) }, ...(shipments ? { shipments } : {}), ...extra };
}

/** Evaluates vehicle `k` on `route`, builds the plan's route and checks it; returns both. */
function run(p: Problem, route: number[], k = 0) {
  const tasks = taskTable(p);
  const ctx: DecodeContext = { problem: p, tasks, travel: resolveTaskTravel(p, tasks), dims: 1 };
  const ev = new RouteEvaluator(p, { tasks, travel: ctx.travel });
  ctx.evaluator = ev;
  const out = ev.evaluate(k, route, route.length, new RouteEvaluation());
  // orders with no task in the route are unassigned; a shipment with one stop in it is half served
  const unassigned = tasks.tasks
    .map((t, i) => ({ t, i }))
    .filter(({ t, i }) => t.kind !== 'delivery' && !route.includes(i) && (t.partner < 0 || !route.includes(t.partner)))
    .map(({ i }) => unassignedOrder(ctx, i, 'fleet-exhausted', 'not in this route'));
  const solution = buildSolution(ctx, new Map([[k, route]]), unassigned);
  const report = checkSolution(p, solution);
  // the stated numbers always match the checker's; feasibility agrees
  expect(report.violations.filter((v) => v.code === 'claim-mismatch')).toEqual([]);
  expect(report.feasible).toBe(out.feasible);
  const steps = solution.routes[0].steps.map((s) => ({ type: s.type, id: s.id, arrival: s.arrival, waiting: s.waiting, start: s.serviceStart, setup: s.setup, departure: s.departure }));
  return { out, report, steps, route: solution.routes[0] };
}

const depot: Vehicle = { id: 'v', start: 0, end: 0 };

describe('several windows', () => {
  it('serves in the first window whose end is at or after the arrival; d* removes the wait for it', () => {
    const p = problem([{ id: 'a', location: 2, timeWindows: [[0, 10], [40, 50]], serviceDuration: 5 }], [{ ...depot, shift: [0, 1000] }]);
    const { out, steps } = run(p, [0]);
    // earliest: arrive 20, wait 20 for [40, 50]; slack = 50 − 20 = 30, W(end) = 20, so d* = 20 and the job starts at 40
    expect(out.departure).toBe(20);
    expect(steps[1]).toMatchObject({ arrival: 40, waiting: 0, start: 40, departure: 45 });
    expect(out.endArrival).toBe(65);
    expect(out.duration).toBe(45);
    expect(out.feasible).toBe(true);
  });

  it('late after the last window: lateness is the arrival minus the last window end', () => {
    const p = problem([{ id: 'a', location: 5, timeWindows: [[0, 10], [20, 30]] }], [depot]);
    const { out, report } = run(p, [0]);
    expect(out.lateness).toBe(20);
    expect(out.violations).toBe(1);
    expect(report.violations.map((v) => [v.code, v.amount])).toEqual([['late', 20]]);
  });
});

describe('setup', () => {
  it('is paid when arriving from a different location, not from the same one (start included)', () => {
    const coordinates: [number, number][] = [[0, 0], [10, 0], [10, 0]];
    const p: Problem = {
      jobs: [
        { id: 'a', location: 0, setupDuration: 3, serviceDuration: 1 },
        { id: 'b', location: 1, setupDuration: 4, serviceDuration: 2 },
        { id: 'c', location: 2, setupDuration: 5, serviceDuration: 1 },
      ],
      vehicles: [depot],
      travel: { type: 'euclidean', coordinates },
    };
    const { out, steps } = run(p, [0, 1, 2]);
    // a at the start's location: no setup; b: setup 4; c at b's coordinates: no setup
    expect(steps.slice(1, 4).map((s) => s.setup)).toEqual([0, 4, 0]);
    expect(steps[3]).toMatchObject({ arrival: 17, departure: 18 });
    expect(out.setup).toBe(4);
    expect(out.service).toBe(4);
    expect(out.duration).toBe(28);
  });

  it('a route without start pays the setup of its first task; breaks in between do not change it', () => {
    const p = problem(
      [{ id: 'a', location: 1, setupDuration: 3 }, { id: 'b', location: 1, setupDuration: 3 }],
      [{ id: 'v', breaks: [{ id: 'rest', duration: 2 }] }],
    );
    const { steps } = run(p, [0, 1]);
    expect(steps.map((s) => [s.type, s.setup])).toEqual([['start', 0], ['break', undefined], ['job', 3], ['job', 0], ['end', 0]]);
  });
});

describe('per-type durations', () => {
  it('a vehicle of type τ uses the τ entries, other types and untyped vehicles the plain values', () => {
    const jobs: Job[] = [{ id: 'a', location: 1, serviceDuration: 2, setupDuration: 1, serviceDurationPerType: { van: 7 }, setupDurationPerType: { van: 4 } }];
    expect(run(problem(jobs, [{ ...depot, type: 'van' }]), [0]).out).toMatchObject({ service: 7, setup: 4, duration: 31 });
    expect(run(problem(jobs, [{ ...depot, type: 'car' }]), [0]).out).toMatchObject({ service: 2, setup: 1, duration: 23 });
    expect(run(problem(jobs, [depot]), [0]).out).toMatchObject({ service: 2, setup: 1, duration: 23 });
  });
});

describe('where breaks go', () => {
  it('taken while the vehicle would wait anyway, at the departure that removes the waiting', () => {
    const p = problem(
      [{ id: 'a', location: 1, timeWindows: [[50, 60]], serviceDuration: 5 }],
      [{ ...depot, breaks: [{ id: 'rest', timeWindows: [[20, 40]], duration: 15 }] }],
    );
    const { out, steps } = run(p, [0]);
    // earliest: break 20–35 (10 waiting) while waiting for a (15 more); W(end) = 25, slack 35 (a's window end 60 − arrival 35
    // + waiting 10) → d* = 25: the break starts on departure, a on its window's start
    expect(out.departure).toBe(25);
    expect(steps.map((s) => [s.type, s.arrival, s.start, s.departure])).toEqual([
      ['start', 25, 25, 25], ['break', 25, 25, 40], ['job', 50, 50, 55], ['end', 65, 65, 65],
    ]);
    expect(out.breakDuration).toBe(15);
    expect(out.waiting).toBe(0);
  });

  it('waits for a later leg when its window opens after the next task starts', () => {
    // (the shift end keeps d* at 0: else the route would depart as late as the break window allows)
    const p = problem([{ id: 'a', location: 1, serviceDuration: 30 }], [{ ...depot, shift: [0, 60], breaks: [{ id: 'rest', timeWindows: [[20, 100]], duration: 10 }] }]);
    const { steps, route } = run(p, [0]);
    expect(steps.map((s) => [s.type, s.arrival, s.start, s.departure])).toEqual([
      ['start', 0, 0, 0], ['job', 10, 10, 40], ['break', 40, 40, 50], ['end', 60, 60, 60],
    ]);
    expect(route.steps[2].distance).toBe(10);
  });

  it('is not taken where it would make the next task late while a later leg still has its window', () => {
    // Taking the break at once would reach a at 20, after its window [0, 15]; after a it still fits [0, 100].
    const p = problem([{ id: 'a', location: 1, timeWindows: [[0, 15]], serviceDuration: 5 }], [{ ...depot, breaks: [{ id: 'rest', timeWindows: [[0, 100]], duration: 10 }] }]);
    const { out, steps } = run(p, [0]);
    expect(out.feasible).toBe(true);
    expect(steps.map((s) => s.type)).toEqual(['start', 'job', 'break', 'end']);
  });

  it('is taken before the task when its only window closes during that task', () => {
    const p = problem([{ id: 'a', location: 1, serviceDuration: 50 }], [{ ...depot, shift: [0, 95], breaks: [{ id: 'rest', timeWindows: [[30, 40]], duration: 5 }] }]);
    const { out, steps } = run(p, [0]);
    expect(out.feasible).toBe(true);
    // earliest: driving ends at 10, the break waits until 30 at a's location, a starts at 35, the end is 95;
    // d* = 20 removes that wait: the break starts on arrival at 30
    expect(steps.map((s) => [s.type, s.arrival, s.waiting, s.start])).toEqual([
      ['start', 20, 0, 20], ['break', 30, 0, 30], ['job', 35, 0, 35], ['end', 95, 0, 95],
    ]);
  });

  it('drives on while waiting for the window: the break happens on the way', () => {
    const p = problem([{ id: 'a', location: 4, serviceDuration: 0 }], [{ id: 'v', start: 0, shift: [0, 45], breaks: [{ id: 'rest', timeWindows: [[15, 30]], duration: 5 }] }]);
    const { steps, route } = run(p, [0]);
    expect(steps.map((s) => [s.type, s.arrival, s.start, s.departure])).toEqual([
      ['start', 0, 0, 0], ['break', 15, 15, 20], ['job', 45, 45, 45], ['end', 45, 45, 45],
    ]);
    expect(route.steps[1].distance).toBe(15);
  });

  it('waits for a leg whose load is within maxLoad', () => {
    const p = problem(
      [{ id: 'a', location: 1, delivery: [5] }, { id: 'b', location: 2 }],
      [{ ...depot, capacity: [10], breaks: [{ id: 'rest', duration: 5, maxLoad: [0] }] }],
    );
    const { out, steps, route } = run(p, [0, 1]);
    expect(out.feasible).toBe(true);
    expect(steps.map((s) => [s.type, s.arrival, s.departure])).toEqual([
      ['start', 0, 0], ['job', 10, 10], ['break', 10, 15], ['job', 25, 25], ['end', 45, 45],
    ]);
    expect(route.steps[2].load).toEqual([0]);
  });

  it('with no leg light enough, it is taken in the last leg and its load excess is reported', () => {
    const p = problem([{ id: 'a', location: 1, delivery: [3], pickup: [3] }], [{ ...depot, breaks: [{ id: 'rest', duration: 5, maxLoad: [1] }] }]);
    const { out, report, steps } = run(p, [0]);
    expect(steps.map((s) => s.type)).toEqual(['start', 'job', 'break', 'end']);
    expect(out.breakLoadExcess).toBe(2);
    expect(report.violations.map((v) => [v.code, v.amount])).toEqual([['break-load', 2]]);
  });

  it('breaks come in the order of their first window, whatever their order in the vehicle', () => {
    const p = problem(
      [{ id: 'a', location: 1, serviceDuration: 100 }, { id: 'b', location: 2, serviceDuration: 100 }],
      [{ ...depot, breaks: [{ id: 'late', timeWindows: [[150, 400]], duration: 5 }, { id: 'early', timeWindows: [[0, 400]], duration: 5 }] }],
    );
    const { out, steps } = run(p, [0, 1]);
    expect(out.feasible).toBe(true);
    // 'late' opens (150) after a's successor b would start (125): it waits until after b
    expect(steps.map((s) => s.id ?? s.type)).toEqual(['start', 'early', 'a', 'b', 'late', 'end']);
  });

  it('a break after every window is late by the ready time minus the last window end', () => {
    const p = problem([{ id: 'a', location: 3, serviceDuration: 10 }], [{ ...depot, shift: [0, 500], breaks: [{ id: 'rest', timeWindows: [[0, 5]], duration: 5 }] }]);
    const { out } = run(p, [0]);
    // taken at once (0 ≤ 5): on time
    expect(out.lateness).toBe(0);
    const q = problem([{ id: 'a', location: 3, releaseTime: 20 }], [{ ...depot, breaks: [{ id: 'rest', timeWindows: [[0, 5]], duration: 5 }] }]);
    const r = run(q, [0]);
    expect(r.out.lateness).toBe(15);
    expect(r.report.violations.map((v) => [v.code, v.amount])).toEqual([['break-window', 15]]);
  });
});

describe('per-vehicle travel', () => {
  it('speedFactor divides durations, not distances; a profile brings its own travel', () => {
    const jobs: Job[] = [{ id: 'a', location: 3 }];
    expect(run(problem(jobs, [{ ...depot, speedFactor: 2 }]), [0]).out).toMatchObject({ travelTime: 30, distance: 60, duration: 30 });
    const profiles: Problem['profiles'] = { slow: { type: 'euclidean', coordinates: line(8), speed: 0.25 } };
    const p = problem(jobs, [depot, { ...depot, id: 'w', profile: 'slow', speedFactor: 4 }], undefined, { profiles });
    expect(run(p, [0], 1).out).toMatchObject({ travelTime: 60, distance: 60, duration: 60 });
    expect(run(p, [0], 0).out).toMatchObject({ travelTime: 60, distance: 60 });
  });
});

describe('limits and who may serve', () => {
  it('maxTasks, maxTravelTime, maxDuration, maxDistance report their excess', () => {
    const jobs: Job[] = [{ id: 'a', location: 1, serviceDuration: 10 }, { id: 'b', location: 2 }];
    const { out } = run(problem(jobs, [{ ...depot, maxTasks: 1, maxTravelTime: 30, maxDuration: 35, maxDistance: 25 }]), [0, 1]);
    expect(out).toMatchObject({ tasksExcess: 1, travelTimeExcess: 10, durationExcess: 15, distanceExcess: 15, violations: 4 });
  });

  it('allowed vehicles, skills and service radius are hard violations, one per task', () => {
    const jobs: Job[] = [
      { id: 'a', location: 1, skills: ['lift'] },
      { id: 'b', location: 5 },
      { id: 'c', location: 1, allowedVehicles: ['w'] },
    ];
    const v: Vehicle = { ...depot, skills: ['fridge'], serviceRadius: 30 };
    const { out, report } = run(problem(jobs, [v, { id: 'w' }]), [0, 1, 2]);
    expect(out.hard).toBe(3);
    expect(report.violations.map((x) => x.code).sort()).toEqual(['not-allowed', 'service-radius', 'skills']);
  });
});

describe('shipments', () => {
  const sh: Shipment[] = [{ id: 'S', amount: [4], pickup: { location: 1 }, delivery: { location: 3 } }];
  it('the amount is on board from the pickup to the delivery, with the jobs’ loads', () => {
    const p = problem([{ id: 'a', location: 2, delivery: [3] }], [{ ...depot, capacity: [6] }], sh);
    const { out, route } = run(p, [1, 0, 2]);
    expect(route.steps.map((s) => s.load[0])).toEqual([3, 7, 4, 0, 0]);
    expect(out.loadExcess).toBe(1);
    expect(run(p, [0, 1, 2]).out.feasible).toBe(true);
  });

  it('a delivery before its pickup, or a stop without its partner, is a hard violation', () => {
    const p = problem([], [depot], sh);
    expect(run(p, [1, 0]).out.hard).toBe(1);
    expect(run(p, [0]).out.hard).toBe(1);
    expect(run(p, [1]).out.hard).toBe(1);
    expect(run(p, [0, 1]).out.hard).toBe(0);
  });
});

describe('costs', () => {
  it('fixed + perDistance + perTravelTime + perDuration + perTaskTime', () => {
    const jobs: Job[] = [{ id: 'a', location: 2, serviceDuration: 5, setupDuration: 1, timeWindows: [[50, 60]] }];
    const v: Vehicle = { ...depot, shift: [0, 100], costs: { fixed: 100, perDistance: 2, perTravelTime: 3, perDuration: 0.5, perTaskTime: 7 } };
    const { out } = run(problem(jobs, [v]), [0]);
    // d* = 30 (removes the 30 of waiting) → duration 46, distance 40, travel 40, task time 6
    expect(out).toMatchObject({ departure: 30, duration: 46, cost: 100 + 80 + 120 + 23 + 42 });
  });

  it('a costs matrix replaces perDistance and perTravelTime, not scaled by the speed factor', () => {
    const size = 3;
    const durations = [0, 10, 20, 10, 0, 10, 20, 10, 0];
    const costs = [0, 7, 9, 5, 0, 3, 8, 4, 0];
    const p: Problem = {
      jobs: [{ id: 'a', location: 1, serviceDuration: 2 }, { id: 'b', location: 2 }],
      vehicles: [{ id: 'v', start: 0, end: 0, speedFactor: 2, costs: { perDuration: 1, perTaskTime: 10 } }],
      travel: { type: 'matrix', size, durations, costs },
    };
    const { out } = run(p, [0, 1]);
    expect(out).toMatchObject({ travelTime: 20, duration: 22, cost: 7 + 3 + 8 + 22 + 20 });
  });
});

describe('departure bounds', () => {
  it('departs at the latest release time; a dispatch deadline before it is reported', () => {
    const jobs: Job[] = [{ id: 'a', location: 1, releaseTime: 30 }, { id: 'b', location: 2, dispatchDeadline: 20 }];
    const { out, report } = run(problem(jobs, [depot]), [0, 1]);
    expect(out.departure).toBe(30);
    expect(out.dispatchExcess).toBe(10);
    expect(report.violations.map((v) => [v.code, v.amount])).toEqual([['dispatch-deadline', 10]]);
  });

  it('leaves at the dispatch deadline when the slack is larger', () => {
    const jobs: Job[] = [{ id: 'a', location: 1, timeWindows: [[100, 200]], dispatchDeadline: 40 }];
    expect(run(problem(jobs, [depot]), [0]).out.departure).toBe(40);
  });
});

describe('the evaluator keeps no state between routes', () => {
  it('the same route evaluates the same after other routes, of other vehicles', () => {
    const p = problem(
      [{ id: 'a', location: 1, timeWindows: [[30, 40]] }, { id: 'b', location: 2, delivery: [2] }],
      [{ ...depot, capacity: [1], breaks: [{ id: 'r', timeWindows: [[10, 20]], duration: 3, maxLoad: [0] }] }, { id: 'w', start: 3 }],
      [{ id: 'S', pickup: { location: 4 }, delivery: { location: 5 } }],
    );
    const ev = new RouteEvaluator(p);
    const first = { ...ev.evaluate(0, [0, 1, 2, 3], 4, new RouteEvaluation()) };
    const out = new RouteEvaluation();
    ev.evaluate(1, [3, 2], 2, out);
    ev.evaluate(0, [1], 1, out);
    expect({ ...ev.evaluate(0, Int32Array.from([0, 1, 2, 3]), 4, out) }).toEqual(first);
  });
});
