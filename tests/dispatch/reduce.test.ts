import { describe, expect, it } from 'vitest';
import { inferProgress } from '../../src/dispatch/events.js';
import { reduceProblem } from '../../src/dispatch/reduce.js';
import { mergePlan } from '../../src/dispatch/merge.js';
import { diffPlans } from '../../src/dispatch/changes.js';
import { updateTravel } from '../../src/dispatch/travel-events.js';
import { checkSolution } from '../../src/model/check.js';
import type { Job, Problem, RoutePlan } from '../../src/model/types.js';
import { isVrpkitError } from '../../src/core/errors.js';
import { lineProblem, planOf } from './helpers.js';

// Old plan on the line: A leaves 0 at 0, j1 arr 10 dep 15, j2 arr 25 dep 30,
// j3 arr 40 dep 45, j4 arr 55 dep 60, back at 0 at 100.
const base = () => {
  const problem = lineProblem();
  const plan = planOf(problem, [{ vehicle: 'A', jobs: ['j1', 'j2', 'j3', 'j4'], departure: 0 }]);
  return { problem, plan };
};
const noLeg = () => ({ duration: 0, distance: 0 });

describe('inferProgress', () => {
  it('derives served / in-progress from the plan times', () => {
    const { problem, plan } = base();
    expect(plan.routes[0].steps.map((s) => s.arrival)).toEqual([0, 10, 25, 40, 55, 100]);
    const p = inferProgress(problem, plan, { now: 27 });
    const a = p.vehicles[0];
    expect(a.status).toEqual(['done', 'in-progress', 'planned', 'planned']);
    expect(a.frozen).toEqual(['j1', 'j2']);
    expect(a.inProgress).toBe(true);
    expect(a.departed).toBe(true);
    expect(a.finished).toBe(false);
    expect(p.vehicles[1].departed).toBe(false);
    // exactly at a departure the job is served, not in progress
    expect(inferProgress(problem, plan, { now: 30 }).vehicles[0].status).toEqual(['done', 'done', 'planned', 'planned']);
    // before leaving, nothing is frozen and the vehicle is at its start
    const early = inferProgress(problem, plan, { now: 0 }).vehicles[0];
    expect(early.frozen).toEqual([]);
    expect(early.departed).toBe(false);
    expect(inferProgress(problem, plan, { now: 1 }).vehicles[0].departed).toBe(true);
    // after the end arrival the route is finished
    expect(inferProgress(problem, plan, { now: 100 }).vehicles[0].finished).toBe(true);
  });

  it('explicit lists override the times; a skipped stop is reported', () => {
    const { problem, plan } = base();
    const a = inferProgress(problem, plan, { now: 0, served: ['j1', 'j3'] }).vehicles[0];
    expect(a.frozen).toEqual(['j1', 'j3']);
    expect(a.skipped).toEqual(['j2']);
    expect(a.departed).toBe(true);
  });

  it('an inferred status gives way to a reported one', () => {
    const { problem, plan } = base();
    // At 27 the times say j2 is in service; the driver reports j3 served (j2 skipped).
    const a = inferProgress(problem, plan, { now: 27, served: ['j1', 'j3'] }).vehicles[0];
    expect(a.status).toEqual(['done', 'planned', 'done', 'planned']);
    expect(a.skipped).toEqual(['j2']);
    // At 50 the times say j1..j3 are served; the driver reports j2 still in service.
    const b = inferProgress(problem, plan, { now: 50, inProgress: ['j2'] }).vehicles[0];
    expect(b.status).toEqual(['done', 'in-progress', 'planned', 'planned']);
    expect(b.frozen).toEqual(['j1', 'j2']);
  });

  it('rejects events that contradict each other or the plan, listing every problem', () => {
    const { problem, plan } = base();
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(isVrpkitError(e)).toBe(true);
        return (e as { issues: { code: string; pointer: string }[] }).issues;
      }
      throw new Error('expected an error');
    };
    expect(err(() => inferProgress(problem, plan, { now: 50, inProgress: ['j1'], served: ['j2'] })).map((i) => i.code)).toEqual(['event-order']);
    expect(err(() => inferProgress(problem, plan, { now: 50, cancelled: ['j1'] })).map((i) => i.code)).toEqual(['conflict']);
    const many = err(() =>
      inferProgress(problem, plan, {
        now: NaN,
        served: ['nope'],
        vehiclePositions: [{ vehicle: 'Z', location: 1 }],
        newJobs: [{ id: 'j1', location: 1 }],
        closures: [[1, 2]],
      }),
    );
    expect(many.map((i) => [i.code, i.pointer])).toEqual([
      ['not-finite', '/now'],
      ['unknown-job', '/served/0'],
      ['unknown-vehicle', '/vehiclePositions/0/vehicle'],
      ['duplicate-id', '/newJobs/0/id'],
      ['travel', '/closures'],
    ]);
  });
});

describe('reduceProblem', () => {
  it('restates a vehicle on the road: where and when it is free, what stays on it, what cannot join it', () => {
    const { problem, plan } = base();
    const newJobs: Job[] = [
      { id: 'n5', location: 5, delivery: [2], pickup: [0], releaseTime: 20 },
      { id: 'p6', location: 6, delivery: [0], pickup: [3] },
    ];
    const events = { now: 27, newJobs };
    const progress = inferProgress(problem, plan, events);
    const red = reduceProblem(problem, plan, progress, events, { promisePenalty: 50 });
    const [a, b] = red.problem.vehicles;
    // A is serving j2 (location 2) until 30.
    expect(a).toMatchObject({ id: 'A', start: 2, end: 0, shift: [30, 1000], capacity: [10], costs: { fixed: 0 } });
    // B has not left: it cannot leave in the past.
    expect(b).toMatchObject({ id: 'B', start: 0, shift: [27, 1000] });
    const byId = new Map(red.problem.jobs.map((j) => [j.id, j]));
    expect([...byId.keys()]).toEqual(['j3', 'j4', 'n5', 'p6']);
    expect(byId.get('j3')).toMatchObject({ allowedVehicles: ['A'], preferredVehicle: 'A', reassignmentPenalty: 50 });
    expect(byId.get('n5')!.allowedVehicles).toEqual(['B']);
    expect(byId.get('n5')!.releaseTime).toBe(20);
    expect(byId.get('p6')!.allowedVehicles).toBeUndefined();
    expect(red.restricted).toEqual([
      { id: 'j3', allowedVehicles: ['A'], reason: 'on-board' },
      { id: 'j4', allowedVehicles: ['A'], reason: 'on-board' },
      { id: 'n5', allowedVehicles: ['B'], reason: 'not-loaded' },
    ]);
    expect(red.initialSolution.routes).toEqual([
      { vehicle: 'A', steps: [{ type: 'start' }, { type: 'job', id: 'j3' }, { type: 'job', id: 'j4' }, { type: 'end' }] },
    ]);
    // The input was not modified.
    expect(problem.jobs[2].allowedVehicles).toBeUndefined();
    expect(problem.vehicles[0].shift).toEqual([0, 1000]);
  });

  it('counts pickups made and goods of cancelled orders against the capacity', () => {
    const problem = lineProblem([{ id: 'p', location: 1, delivery: [0], pickup: [3], serviceDuration: 0 }]);
    const plan = planOf(problem, [{ vehicle: 'A', jobs: ['p', 'j2', 'j3', 'j4'], departure: 0 }]);
    const events = { now: 12, cancelled: ['j3'] };
    const red = reduceProblem(problem, plan, inferProgress(problem, plan, events), events, { promisePenalty: 0 });
    expect(red.cancelled).toEqual(['j3']);
    const a = red.states[0];
    expect(a.extraLoad).toEqual([4]); // 3 picked up + 1 of the cancelled j3 still on board
    expect(red.problem.vehicles[0].capacity).toEqual([6]);
    expect(red.problem.vehicles[0].start).toBe(1);
    expect(red.problem.vehicles[0].shift).toEqual([12, 1000]);
    expect(red.problem.jobs.map((j) => j.id)).toEqual(['j2', 'j4', 'j1']);
    // no promise penalty asked for: none set
    expect(red.problem.jobs.every((j) => j.preferredVehicle === undefined)).toBe(true);
  });

  it('a live position moves the start; a vehicle whose shift is over hands its jobs back as unassigned', () => {
    const { problem, plan } = base();
    const ev = { now: 33, vehiclePositions: [{ vehicle: 'A', location: 3, at: 35 }] };
    const red = reduceProblem(problem, plan, inferProgress(problem, plan, ev), ev, {});
    expect(red.problem.vehicles[0]).toMatchObject({ start: 3, shift: [35, 1000] });

    const short = lineProblem([], [
      { id: 'A', start: 0, end: 0, capacity: [10], shift: [0, 28] },
      { id: 'B', start: 0, end: 0, capacity: [10], shift: [0, 1000] },
    ]);
    const plan2 = planOf(short, [{ vehicle: 'A', jobs: ['j1', 'j2', 'j3', 'j4'], departure: 0 }]);
    const red2 = reduceProblem(short, plan2, inferProgress(short, plan2, { now: 27 }), { now: 27 }, {});
    expect(red2.states[0].retired).toBe(true);
    expect(red2.problem.vehicles.map((v) => v.id)).toEqual(['B']);
    expect(red2.preUnassigned.map((u) => [u.id, u.reason])).toEqual([
      ['j3', 'no-vehicle'],
      ['j4', 'no-vehicle'],
    ]);
  });

  it('a finished route is kept whole and its vehicle is not re-planned', () => {
    const { problem, plan } = base();
    const red = reduceProblem(problem, plan, inferProgress(problem, plan, { now: 150 }), { now: 150 }, {});
    expect(red.states[0].finished).toBe(true);
    expect(red.problem.vehicles.map((v) => v.id)).toEqual(['B']);
    expect(red.problem.jobs).toEqual([]);
  });
});

describe('mergePlan and diffPlans', () => {
  it('frozen prefix untouched, new part shifted to the real start, changes counted', () => {
    const { problem, plan } = base();
    const events = { now: 27, newJobs: [{ id: 'n5', location: 5, delivery: [1], pickup: [0] } as Job] };
    const progress = inferProgress(problem, plan, events);
    const red = reduceProblem(problem, plan, progress, events, { promisePenalty: 10 });
    // A hand-made new plan for the reduced problem: A does j4 before j3, B takes n5.
    const solution = planOf(red.problem, [
      { vehicle: 'A', jobs: ['j4', 'j3'], departure: 30 },
      { vehicle: 'B', jobs: ['n5'], departure: 27 },
    ]);
    expect(checkSolution(red.problem, solution as unknown as RoutePlan).feasible).toBe(true);
    const merged = mergePlan(problem, red, solution, noLeg);
    const a = merged.routes.find((r) => r.vehicle === 'A')!;
    expect(a.steps.slice(0, 3)).toEqual(plan.routes[0].steps.slice(0, 3).map((s, i) => ({ ...s, status: i === 2 ? 'in-progress' : 'done' })));
    // 30 at location 2 → j4 (loc 4) arr 50 dep 55 → j3 (loc 3) arr 65 dep 70 → 0 at 100
    expect(a.steps.slice(3).map((s) => [s.type, s.id, s.arrival, s.distance, s.status])).toEqual([
      ['job', 'j4', 50, 40, 'planned'],
      ['job', 'j3', 65, 50, 'planned'],
      ['end', undefined, 100, 80, 'planned'],
    ]);
    expect(a.distance).toBe(80);
    expect(a.duration).toBe(100);
    expect(merged.routes.map((r) => r.vehicle)).toEqual(['A', 'B']);

    const changes = diffPlans({
      oldPlan: plan,
      merged,
      progress,
      newJobIds: ['n5'],
      cancelled: [],
      restricted: red.restricted,
      retiredVehicles: [],
      etaThreshold: 5,
    });
    expect(changes.compared).toBe(2);
    expect(changes.changed).toEqual(['j3', 'j4']);
    expect(changes.routeChangeRate).toBe(1);
    expect(changes.moved).toEqual([]);
    expect(changes.etaMoves.map((m) => [m.id, m.oldArrival, m.newArrival, m.delta])).toEqual([
      ['j3', 40, 65, 25],
      ['j4', 55, 50, -5],
    ]);
    expect(changes.etaMovedBeyondThreshold).toBe(1);
    expect(changes.maxEtaMove).toBe(25);
    expect(changes.added).toEqual([{ id: 'n5', vehicle: 'B' }]);
    expect(changes.frozen).toEqual({ served: 1, inProgress: 1 });
  });

  it('an emptied vehicle on the road still drives home; loads include what is on board', () => {
    const problem = lineProblem([{ id: 'p', location: 1, delivery: [0], pickup: [3], serviceDuration: 0 }]);
    const plan = planOf(problem, [{ vehicle: 'A', jobs: ['p', 'j2'], departure: 0 }]);
    const events = { now: 12, cancelled: ['j2'] };
    const progress = inferProgress(problem, plan, events);
    const red = reduceProblem(problem, plan, progress, events, {});
    const solution = planOf(red.problem, []);
    const merged = mergePlan(problem, red, solution, (from, to) => ({ duration: 7 * Math.abs((from as number) - (to as number)), distance: 10 }));
    const a = merged.routes[0];
    expect(a.steps.map((s) => [s.type, s.status])).toEqual([
      ['start', 'done'],
      ['job', 'done'],
      ['end', 'planned'],
    ]);
    expect(a.steps[2]).toMatchObject({ arrival: 19, distance: 20, load: [4] });
    expect(merged.unassigned).toEqual([{ id: 'j2', reason: 'cancelled', message: 'cancelled by the caller' }]);
  });
});

describe('updateTravel', () => {
  it('applies matrix updates to a copy', () => {
    const problem: Problem = lineProblem();
    const { problem: out, report } = updateTravel(problem, { now: 0, travelUpdates: [{ from: 1, to: 2, duration: 99 }, { from: 2, to: 1, distance: 10 }] });
    expect(report).toEqual({ mode: 'matrix-updates', changedPairs: 1 });
    const t = out.travel as unknown as { durations: Float64Array; distances: Float64Array; size: number };
    expect(t.durations[1 * 9 + 2]).toBe(99);
    expect(t.distances[1 * 9 + 2]).toBe(10);
    expect((problem.travel as unknown as { durations: Float64Array }).durations[1 * 9 + 2]).toBe(10);
  });
});
