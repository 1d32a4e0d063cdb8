import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import { compareObjective } from '../../src/model/objective.js';
import type { Id, Job, PlanStep, Problem, RoutePlan, Shipment, Vehicle } from '../../src/model/types.js';

// A line: location i sits at x = 10 i, so every arc is 10 × |i − j| (euclidean, speed 1).
const line = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [10 * i, 0]);

function problem(jobs: Job[], vehicles: Vehicle[] = [{ id: 'v', start: 0, end: 0 }], shipments?: Shipment[]): Problem {
  return { jobs, vehicles, travel: { type: 'euclidean', coordinates: line(8) }, ...(shipments ? { shipments } : {}) };
}

const job = (id: Id): PlanStep => ({ type: 'job', id });
const brk = (id: Id): PlanStep => ({ type: 'break', id });
const plan = (vehicle: Id, steps: PlanStep[], departure?: number): RoutePlan => ({
  routes: [{ vehicle, steps: [{ type: 'start', ...(departure !== undefined ? { departure } : {}) }, ...steps, { type: 'end' }] }],
});
const codes = (rep: { violations: { code: string }[] }) => rep.violations.map((v) => v.code).sort();
const times = (r: { steps: { type: string; arrival: number; waiting: number; serviceStart: number; setup?: number; departure: number }[] }) =>
  r.steps.map((s) => [s.type, s.arrival, s.waiting, s.serviceStart, s.setup, s.departure]);

describe('who may serve: skills, service radius', () => {
  const jobs: Job[] = [{ id: 'A', location: 2, skills: ['fridge', 1] }];

  it('skills are a subset rule, compared as strings', () => {
    expect(checkSolution(problem(jobs, [{ id: 'v', start: 0, skills: ['1', 'fridge', 'lift'] }]), plan('v', [job('A')])).feasible).toBe(true);
    const rep = checkSolution(problem(jobs, [{ id: 'v', start: 0, skills: ['fridge'] }]), plan('v', [job('A')]));
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'skills', job: 'A', vehicle: 'v' })]);
    expect(rep.violations[0].message).toMatch(/skill 1 /);
    // A vehicle without skills serves only tasks without skills.
    expect(codes(checkSolution(problem(jobs), plan('v', [job('A')])))).toEqual(['skills']);
  });

  it('service radius: travel distance from the start, for every task (shipment stops too)', () => {
    const v: Vehicle = { id: 'v', start: 1, end: 1, serviceRadius: 25 };
    const ok = checkSolution(problem([{ id: 'A', location: 3 }], [v]), plan('v', [job('A')]));
    expect(ok.feasible).toBe(true);
    const far = checkSolution(problem([{ id: 'A', location: 4 }], [v]), plan('v', [job('A')]));
    expect(far.violations).toEqual([expect.objectContaining({ code: 'service-radius', job: 'A', amount: 5 })]);
    const sh: Shipment[] = [{ id: 'S', pickup: { location: 2 }, delivery: { location: 5 } }];
    const rep = checkSolution(problem([], [v], sh), plan('v', [{ type: 'pickup', shipment: 'S' }, { type: 'delivery', shipment: 'S' }]));
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'service-radius', job: 'S', shipment: 'S', amount: 15 })]);
  });
});

describe('limits: maxTasks, maxTravelTime', () => {
  it('maxTasks counts jobs and both stops of a shipment, not breaks', () => {
    const sh: Shipment[] = [{ id: 'S', pickup: { location: 1 }, delivery: { location: 2 } }];
    const v: Vehicle = { id: 'v', start: 0, end: 0, maxTasks: 2, breaks: [{ id: 'b' }] };
    const p = problem([{ id: 'A', location: 3 }], [v], sh);
    const two = checkSolution(p, { ...plan('v', [{ type: 'pickup', shipment: 'S' }, brk('b'), { type: 'delivery', shipment: 'S' }]), unassigned: [{ id: 'A', reason: 'max-tasks' }] });
    expect(two.feasible).toBe(true);
    const three = checkSolution(p, plan('v', [job('A'), brk('b'), { type: 'pickup', shipment: 'S' }, { type: 'delivery', shipment: 'S' }]));
    expect(three.violations).toEqual([expect.objectContaining({ code: 'max-tasks', amount: 1 })]);
  });

  it('maxTravelTime bounds the arc durations only (not service or waiting)', () => {
    const jobs: Job[] = [{ id: 'A', location: 2, serviceDuration: 100, timeWindows: [[50, 60]] }];
    const rep = checkSolution(problem(jobs, [{ id: 'v', start: 0, end: 0, maxTravelTime: 40 }]), plan('v', [job('A')], 0));
    expect(rep.routes[0]).toMatchObject({ travelTime: 40, duration: 170 });
    expect(rep.feasible).toBe(true);
    const tight = checkSolution(problem(jobs, [{ id: 'v', start: 0, end: 0, maxTravelTime: 39 }]), plan('v', [job('A')], 0));
    expect(tight.violations).toEqual([expect.objectContaining({ code: 'max-travel-time', amount: 1 })]);
  });
});

describe('per-vehicle travel: speed factor, profiles', () => {
  it('speedFactor divides durations, not distances', () => {
    const rep = checkSolution(problem([{ id: 'A', location: 3 }], [{ id: 'v', start: 0, end: 0, speedFactor: 2, costs: { perDistance: 0, perTravelTime: 1 } }]), plan('v', [job('A')]));
    expect(rep.routes[0]).toMatchObject({ distance: 60, travelTime: 30, duration: 30, cost: 30 });
    expect(rep.routes[0].steps[1].arrival).toBe(15);
  });

  it('a vehicle with a profile travels with that definition; locations index it too', () => {
    const p: Problem = {
      jobs: [{ id: 'A', location: 1 }],
      vehicles: [{ id: 'car', start: 0, end: 0 }, { id: 'bike', start: 0, end: 0, profile: 'bike' }],
      travel: { type: 'matrix', size: 2, durations: [0, 10, 10, 0], distances: [0, 100, 100, 0] },
      profiles: { bike: { type: 'matrix', size: 2, durations: [0, 40, 30, 0], distances: [0, 90, 90, 0] } },
    };
    const car = checkSolution(p, { routes: plan('car', [job('A')]).routes, unassigned: [] });
    expect(car.routes[0]).toMatchObject({ travelTime: 20, distance: 200 });
    const bike = checkSolution(p, plan('bike', [job('A')]));
    expect(bike.routes[0]).toMatchObject({ travelTime: 70, distance: 180, cost: 180 });
  });
});

describe('setup and per-type durations', () => {
  const jobs: Job[] = [
    { id: 'A', location: 1, setupDuration: 3, serviceDuration: 5, timeWindows: [[12, 20]] },
    { id: 'B', location: 1, setupDuration: 3, serviceDuration: 5 },
    { id: 'C', location: 2, setupDuration: 4, serviceDuration: 1, serviceDurationPerType: { truck: 9 }, setupDurationPerType: { truck: 0 } },
    { id: 'D', location: 0, setupDuration: 7 },
  ];

  it('setup only when arriving from another location; the window constrains the start of setup', () => {
    const rep = checkSolution(problem(jobs), plan('v', [job('D'), job('A'), job('B'), job('C')], 0));
    expect(rep.feasible).toBe(true);
    expect(times(rep.routes[0])).toEqual([
      ['start', 0, 0, 0, 0, 0],
      ['job', 0, 0, 0, 0, 0], // D at the start location: no setup
      ['job', 10, 2, 12, 3, 20], // A starts at 12 (in [12, 20]); setup + service run to 20
      ['job', 20, 0, 20, 0, 25], // B at A's location: no setup
      ['job', 35, 0, 35, 4, 40],
      ['end', 60, 0, 60, 0, 60],
    ]);
    expect(rep.routes[0]).toMatchObject({ setup: 7, service: 11, travelTime: 40, waiting: 2, duration: 60 });
    // A window closing before the arrival is late even though setup + service would fit after it.
    const late = checkSolution(problem([{ ...jobs[0], timeWindows: [[0, 9]] }]), plan('v', [job('A')], 0));
    expect(late.violations).toEqual([expect.objectContaining({ code: 'late', amount: 1 })]);
  });

  it('a vehicle type picks per-type durations; no start means the first setup is paid', () => {
    const rep = checkSolution(problem(jobs, [{ id: 't', type: 'truck' }]), plan('t', [job('D'), job('C')], 0));
    expect(times(rep.routes[0])).toEqual([
      ['start', 0, 0, 0, 0, 0],
      ['job', 0, 0, 0, 7, 7],
      ['job', 27, 0, 27, 0, 36],
      ['end', 36, 0, 36, 0, 36],
    ]);
  });

  it('stated setup is a claim', () => {
    const p = plan('v', [job('D'), job('A')], 0);
    p.routes[0].steps[2].setup = 0;
    expect(checkSolution(problem(jobs), { ...p, unassigned: [{ id: 'B', reason: 'fleet-exhausted' }, { id: 'C', reason: 'fleet-exhausted' }] }).violations).toEqual([
      expect.objectContaining({ code: 'claim-mismatch', pointer: '/routes/0/steps/2/setup', amount: -3 }),
    ]);
  });
});

describe('costs: travel time, task time, a costs matrix', () => {
  it('fixed + perDistance × distance + perTravelTime × travelTime + perDuration × duration + perTaskTime × (setup + service)', () => {
    const jobs: Job[] = [{ id: 'A', location: 2, setupDuration: 2, serviceDuration: 3, timeWindows: [[30, 40]] }];
    const v: Vehicle = { id: 'v', start: 0, end: 0, costs: { fixed: 100, perDistance: 2, perTravelTime: 3, perDuration: 5, perTaskTime: 7 } };
    const rep = checkSolution(problem(jobs, [v]), plan('v', [job('A')], 0));
    const r = rep.routes[0];
    // distance 40, travel time 40, waiting 10, setup 2 + service 3 → duration 55
    expect([r.distance, r.travelTime, r.waiting, r.setup, r.service, r.duration]).toEqual([40, 40, 10, 2, 3, 55]);
    expect(r.cost).toBe(100 + 2 * 40 + 3 * 40 + 5 * 55 + 7 * 5);
  });

  it('a costs matrix replaces perDistance and perTravelTime, unscaled by speedFactor', () => {
    const p: Problem = {
      jobs: [{ id: 'A', location: 1, serviceDuration: 10 }],
      vehicles: [{ id: 'v', start: 0, end: 0, speedFactor: 2, costs: { fixed: 1, perTaskTime: 1 } }],
      travel: { type: 'matrix', size: 2, durations: [0, 10, 10, 0], costs: [0, 7, 5, 0] },
    };
    const rep = checkSolution(p, plan('v', [job('A')]));
    expect(rep.routes[0]).toMatchObject({ travelTime: 10, distance: 20, cost: 1 + 12 + 10 });
  });
});

describe('breaks', () => {
  const v = (breaks: Vehicle['breaks'], over: Partial<Vehicle> = {}): Vehicle => ({ id: 'v', start: 0, end: 0, breaks, ...over });

  it('the vehicle drives on while waiting for the break window (VROOM): no waiting when the leg is long enough', () => {
    const p = problem([{ id: 'A', location: 3 }], [v([{ id: 'b', timeWindows: [[10, 20]], duration: 5 }])]);
    const rep = checkSolution(p, plan('v', [brk('b'), job('A')], 0));
    expect(rep.feasible).toBe(true);
    expect(times(rep.routes[0])).toEqual([
      ['start', 0, 0, 0, 0, 0],
      ['break', 10, 0, 10, 0, 15],
      ['job', 35, 0, 35, 0, 35],
      ['end', 65, 0, 65, 0, 65],
    ]);
    expect(rep.routes[0].steps[1]).toMatchObject({ type: 'break', id: 'b', distance: 10, load: [] });
    expect(rep.routes[0].steps[1].location).toBeUndefined();
    expect(rep.routes[0]).toMatchObject({ breakDuration: 5, travelTime: 60, duration: 65, waiting: 0 });
  });

  it('waits at the end of the leg when it is shorter than the margin; d* removes that waiting', () => {
    const p = problem([{ id: 'A', location: 3 }], [v([{ id: 'b', timeWindows: [[50, 60]], duration: 5 }])]);
    const stated = checkSolution(p, plan('v', [brk('b'), job('A')], 0));
    expect(times(stated.routes[0]).slice(1, 3)).toEqual([
      ['break', 30, 20, 50, 0, 55],
      ['job', 55, 0, 55, 0, 55],
    ]);
    expect(stated.routes[0].steps[1].distance).toBe(30);
    // d*: the earliest schedule waits 20 at the break (slack min(break: 0 + 60 − 0, …) = 60 does not bind), so the
    // route departs 20 later, reaches A exactly at the break window's start and takes the break there.
    const auto = checkSolution(p, plan('v', [brk('b'), job('A')]));
    expect(times(auto.routes[0]).slice(0, 3)).toEqual([
      ['start', 20, 0, 20, 0, 20],
      ['break', 50, 0, 50, 0, 55],
      ['job', 55, 0, 55, 0, 55],
    ]);
    expect(auto.routes[0].steps[1].distance).toBe(30);
    expect([stated.routes[0].duration, auto.routes[0].duration]).toEqual([85, 65]); // 60 travel + 5 break (+ 20 waiting)
    expect(auto.feasible).toBe(true);
  });

  it('several windows: the first ending at or after the ready time; late after the last', () => {
    const p = problem([{ id: 'A', location: 3 }], [v([{ id: 'b', timeWindows: [[0, 5], [40, 45]], duration: 1 }])]);
    const rep = checkSolution(p, plan('v', [job('A'), brk('b')], 0));
    expect(rep.routes[0].steps[2]).toMatchObject({ arrival: 40, waiting: 0, serviceStart: 40, departure: 41, distance: 40 });
    const late = checkSolution(p, plan('v', [job('A'), brk('b')], 20));
    expect(late.violations).toEqual([expect.objectContaining({ code: 'break-window', break: 'b', amount: 5 })]);
  });

  it('maxLoad: the load on board at the break', () => {
    const jobs: Job[] = [{ id: 'A', location: 1, delivery: [5] }, { id: 'B', location: 2, pickup: [2] }];
    const p = problem(jobs, [v([{ id: 'b', maxLoad: [3] }], { capacity: [10] })]);
    expect(checkSolution(p, plan('v', [job('A'), brk('b'), job('B')])).feasible).toBe(true);
    const rep = checkSolution(p, plan('v', [brk('b'), job('A'), job('B')]));
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'break-load', break: 'b', amount: 2 })]);
    expect(rep.routes[0].steps[1].load).toEqual([5]);
  });

  it('a used vehicle takes every break exactly once; unknown breaks; no breaks without tasks', () => {
    const p = problem([{ id: 'A', location: 1 }], [v([{ id: 'b1' }, { id: 2 }]), { id: 'w' }]);
    expect(codes(checkSolution(p, plan('v', [job('A'), brk('b1')])))).toEqual(['missing-break']);
    expect(checkSolution(p, plan('v', [brk('2'), job('A'), brk('b1')])).feasible).toBe(true); // "2" names break 2
    expect(codes(checkSolution(p, plan('v', [brk('b1'), job('A'), brk('b1'), brk(2)])))).toEqual(['duplicate-break']);
    expect(codes(checkSolution(p, plan('v', [brk('b1'), job('A'), brk('x'), brk(2)])))).toEqual(['unknown-break']);
    const idle: RoutePlan = { routes: [...plan('w', [job('A')]).routes, ...plan('v', [brk('b1')]).routes] };
    const rep = checkSolution(p, idle);
    expect(codes(rep)).toEqual(['unknown-break']);
    expect(rep.summary.routes).toBe(1);
  });

  it('open start and open end: breaks before the first and after the last task happen there', () => {
    const p = problem([{ id: 'A', location: 2 }], [{ id: 'v', breaks: [{ id: 'a', timeWindows: [[5, 9]], duration: 2 }, { id: 'z', duration: 3 }] }]);
    const rep = checkSolution(p, plan('v', [brk('a'), job('A'), brk('z')], 0));
    expect(times(rep.routes[0])).toEqual([
      ['start', 0, 0, 0, 0, 0],
      ['break', 0, 5, 5, 0, 7],
      ['job', 7, 0, 7, 0, 7],
      ['break', 7, 0, 7, 0, 10],
      ['end', 10, 0, 10, 0, 10],
    ]);
    expect(rep.routes[0]).toMatchObject({ distance: 0, duration: 10, waiting: 5 });
  });
});

describe('priority and the objective', () => {
  it('the summary reports served priority and tasks; compareObjective orders priority, then tasks, then cost', () => {
    const jobs: Job[] = [{ id: 'A', location: 1, priority: 10 }, { id: 'B', location: 5 }];
    const sh: Shipment[] = [{ id: 'S', priority: 3, pickup: { location: 2 }, delivery: { location: 3 } }];
    const p = problem(jobs, undefined, sh);
    const all = checkSolution(p, plan('v', [job('A'), { type: 'pickup', shipment: 'S' }, { type: 'delivery', shipment: 'S' }, job('B')]));
    expect(all.summary).toMatchObject({ priority: 16, tasks: 4, assigned: 3, cost: 100 });
    expect(all.routes[0].priority).toBe(16);
    const noB = checkSolution(p, { ...plan('v', [job('A'), { type: 'pickup', shipment: 'S' }, { type: 'delivery', shipment: 'S' }]), unassigned: [{ id: 'B', reason: 'fleet-exhausted' }] });
    expect(noB.summary).toMatchObject({ priority: 16, tasks: 3, cost: 60 });
    const noA = checkSolution(p, { ...plan('v', [{ type: 'pickup', shipment: 'S' }, { type: 'delivery', shipment: 'S' }, job('B')]), unassigned: [{ id: 'A', reason: 'fleet-exhausted' }] });
    expect(noA.summary).toMatchObject({ priority: 6, tasks: 3 });
    expect(compareObjective(all.summary, noB.summary)).toBeLessThan(0); // more tasks beats lower cost
    expect(compareObjective(noB.summary, noA.summary)).toBeLessThan(0); // more priority first
    expect(compareObjective(noA.summary, noA.summary)).toBe(0);
    expect(compareObjective({ priority: 0, tasks: 1, cost: 5 }, { priority: 0, tasks: 1, cost: 4 })).toBeGreaterThan(0);
    const stated = { ...noB, summary: { priority: 15 } } as unknown as RoutePlan;
    expect(checkSolution(p, { ...plan('v', [job('A'), { type: 'pickup', shipment: 'S' }, { type: 'delivery', shipment: 'S' }]), unassigned: [{ id: 'B', reason: 'fleet-exhausted' }], summary: stated.summary }).violations).toEqual([
      expect.objectContaining({ code: 'claim-mismatch', pointer: '/summary/priority' }),
    ]);
  });
});
