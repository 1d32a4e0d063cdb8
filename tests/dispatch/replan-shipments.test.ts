/**
 * Re-planning with shipments on small line instances whose numbers can be
 * checked by hand (docs/semantics.md, "Re-planning with shipments").
 *
 * Old plan used below (`shipmentLine`, `basePlan`):
 *   A: j1 (loc 1, 10..15) → pickup s1 (loc 2, 25) → j2 (loc 2, 25..30) → delivery s1 (loc 5, 60) → 0 at 110
 *   B: pickup p2 (loc 3, 30) → j3 (loc 3, 30..35) → delivery d2 (loc 6, 65) → j4 (loc 4, 85..90) → 0 at 130
 */
import { describe, expect, it } from 'vitest';
import { replan } from '../../src/dispatch/replan.js';
import { inferProgress, type ReplanEvents } from '../../src/dispatch/events.js';
import { reduceProblem } from '../../src/dispatch/reduce.js';
import { keepOrderPlan } from '../../src/dispatch/keep-order.js';
import { checkSolution } from '../../src/model/check.js';
import { isVrpkitError } from '../../src/core/errors.js';
import type { Problem, RoutePlan, Shipment, Solution, Vehicle } from '../../src/model/types.js';
import { lineProblem } from './helpers.js';
import { planOfSteps, shipmentLine } from './ship-helpers.js';

const FAST = { maxIterations: 40, seed: 3 };

function basePlan(problem: Problem): Solution {
  return planOfSteps(problem, [
    { vehicle: 'A', tasks: ['j1', 'P:s1', 'j2', 'D:s1'], departure: 0 },
    { vehicle: 'B', tasks: ['P:s2', 'j3', 'D:s2', 'j4'], departure: 0 },
  ]);
}

/** The issues (code, pointer) `inferProgress` throws for these events. */
function issuesOf(problem: Problem, plan: Solution, events: ReplanEvents): { code: string; pointer: string; message: string }[] {
  try {
    inferProgress(problem, plan, events);
  } catch (e) {
    if (isVrpkitError(e)) return e.issues;
    throw e;
  }
  return [];
}

describe('replan with shipments: progress', () => {
  it('the old plan is what the header says', () => {
    const problem = shipmentLine();
    const plan = basePlan(problem);
    expect(checkSolution(problem, plan as unknown as RoutePlan).violations).toEqual([]);
    expect(plan.routes[0].steps.map((s) => [s.type, s.id, s.arrival, s.load[0]])).toEqual([
      ['start', undefined, 0, 2],
      ['job', 'j1', 10, 1],
      ['pickup', 's1', 25, 4],
      ['job', 'j2', 25, 3],
      ['delivery', 's1', 60, 0],
      ['end', undefined, 110, 0],
    ]);
  });

  it('pickup done: the delivery is a job pinned to the vehicle, carrying the amount from its restart', async () => {
    const problem = shipmentLine();
    const plan = basePlan(problem);
    const events: ReplanEvents = { now: 27, served: ['j1', { type: 'pickup', shipment: 's1' }], inProgress: [] };
    const red = reduceProblem(problem, plan, inferProgress(problem, plan, events), events);
    expect(red.problem.jobs.find((j) => j.id === 's1')).toMatchObject({ id: 's1', location: 5, delivery: [3], allowedVehicles: ['A'] });
    expect(red.problem.shipments!.map((s) => s.id)).toEqual(['s2']);
    expect(red.onBoard).toEqual([{ shipment: 's1', shipmentIndex: 0, pickup: 's1', delivery: 's1', vehicle: 'A', amount: [3], offered: true }]);
    expect(red.restricted).toContainEqual({ id: 's1', allowedVehicles: ['A'], reason: 'on-board' });

    const r = await replan(problem, plan, events, FAST);
    expect(r.check).toEqual({ feasible: true, violations: [] });
    // The reduced plan: A restarts at location 2 carrying j2's 1 and s1's 3.
    const a = r.solution.routes.find((x) => x.vehicle === 'A')!;
    expect(a.steps[0].load).toEqual([4]);
    expect(a.steps.some((s) => s.type === 'job' && s.id === 's1')).toBe(true);
    // The merged plan names the stop as a solve output does, on A, after the frozen pickup.
    const merged = r.plan.routes.find((x) => x.vehicle === 'A')!;
    const steps = merged.steps.map((s) => [s.type, s.id, s.shipment, s.status]);
    expect(steps.slice(0, 3)).toEqual([
      ['start', undefined, undefined, 'done'],
      ['job', 'j1', undefined, 'done'],
      ['pickup', 's1', 's1', 'done'],
    ]);
    expect(steps).toContainEqual(['delivery', 's1', 's1', 'planned']);
    expect(merged.steps.find((s) => s.type === 'delivery')!.location).toBe(5);
    expect(r.plan.routes.flatMap((x) => x.steps).some((s) => s.type === 'job' && s.id === 's1')).toBe(false);
    // s2 was not started: it is planned whole on one vehicle, pickup first.
    const s2 = r.plan.routes.filter((x) => x.steps.some((s) => s.shipment === 's2'));
    expect(s2).toHaveLength(1);
    const kinds = s2[0].steps.filter((s) => s.shipment === 's2').map((s) => [s.type, s.id]);
    expect(kinds).toEqual([
      ['pickup', 'p2'],
      ['delivery', 'd2'],
    ]);
    expect(r.plan.unassigned).toEqual([]);
  });

  it('capacity counts the on-board load, and the checker keeps the delivery on its vehicle', () => {
    const vehicles: Vehicle[] = [
      { id: 'A', start: 0, end: 0, capacity: [7], shift: [0, 1000] },
      { id: 'B', start: 0, end: 0, capacity: [10], shift: [0, 1000] },
    ];
    const problem = shipmentLine([], vehicles);
    const plan = basePlan(problem);
    const events: ReplanEvents = { now: 27, served: ['j1', { type: 'pickup', shipment: 's1' }], inProgress: [] };
    const red = reduceProblem(problem, plan, inferProgress(problem, plan, events), events);
    const check = (routes: { vehicle: string; tasks: string[] }[]) =>
      checkSolution(red.problem, {
        routes: routes.map((r) => ({
          vehicle: r.vehicle,
          steps: [
            { type: 'start' as const },
            ...r.tasks.map((t) => (t.startsWith('P:') ? { type: 'pickup' as const, shipment: t.slice(2) } : t.startsWith('D:') ? { type: 'delivery' as const, shipment: t.slice(2) } : { type: 'job' as const, id: t })),
            { type: 'end' as const },
          ],
        })),
      }).violations.map((v) => v.code);
    // A carries 1 (j2) + 3 (s1) from its restart; picking up s2 (4) on top is 8 > 7.
    expect(check([{ vehicle: 'A', tasks: ['P:s2', 'j2', 's1', 'D:s2'] }, { vehicle: 'B', tasks: ['j3', 'j4'] }])).toContain('capacity');
    expect(check([{ vehicle: 'A', tasks: ['j2', 's1', 'P:s2', 'D:s2'] }, { vehicle: 'B', tasks: ['j3', 'j4'] }])).toEqual([]);
    // The on-board delivery on another vehicle is not allowed.
    expect(check([{ vehicle: 'A', tasks: ['j2', 'P:s2', 'D:s2'] }, { vehicle: 'B', tasks: ['s1', 'j3', 'j4'] }])).toContain('not-allowed');
  });

  it('both stops done: the shipment leaves the problem and stays in the plan as served', async () => {
    const problem = shipmentLine();
    const plan = basePlan(problem);
    const events: ReplanEvents = { now: 70, served: ['j1', { type: 'pickup', shipment: 's1' }, 'j2', { type: 'delivery', id: 's1' }] };
    const r = await replan(problem, plan, events, FAST);
    expect(r.problem.jobs.map((j) => j.id)).not.toContain('s1');
    expect(r.problem.shipments!.map((s) => s.id)).toEqual(['s2']);
    const a = r.plan.routes.find((x) => x.vehicle === 'A')!;
    expect(a.steps.filter((s) => s.shipment === 's1').map((s) => [s.type, s.status])).toEqual([
      ['pickup', 'done'],
      ['delivery', 'done'],
    ]);
    expect(r.plan.unassigned.map((u) => u.id)).not.toContain('s1');
    expect(r.changes.frozen).toEqual({ served: 4, inProgress: 0 });
    expect(r.check.feasible).toBe(true);
  });

  it('nothing done: an ordinary shipment of the new problem; a cancelled one is listed whole', async () => {
    const problem = shipmentLine();
    const plan = basePlan(problem);
    const events: ReplanEvents = { now: 5, served: [], cancelled: ['s2'] };
    const r = await replan(problem, plan, events, FAST);
    expect(r.problem.shipments!.map((s) => s.id)).toEqual(['s1']);
    expect(r.plan.unassigned).toEqual([{ id: 's2', type: 'shipment', pickup: 'p2', delivery: 'd2', reason: 'cancelled', message: 'cancelled by the caller' }]);
    expect(r.plan.routes.flatMap((x) => x.steps).some((s) => s.shipment === 's2')).toBe(false);
    const withS1 = r.plan.routes.filter((x) => x.steps.some((s) => s.shipment === 's1'));
    expect(withS1).toHaveLength(1);
    expect(withS1[0].steps.filter((s) => s.shipment === 's1').map((s) => [s.type, s.status])).toEqual([
      ['pickup', 'planned'],
      ['delivery', 'planned'],
    ]);
    expect(r.changes.cancelled).toEqual(['s2']);
    expect(r.check.feasible).toBe(true);
  });

  it('an on-board delivery whose window has passed is unassigned, saying its goods are on board', async () => {
    const problem = shipmentLine();
    problem.shipments![0].delivery.timeWindows = [[0, 65]];
    const plan = basePlan(problem);
    expect(checkSolution(problem, plan as unknown as RoutePlan).feasible).toBe(true);
    // At 100 the van is at location 2 (s1 picked up, j2 not served): location 5 is reached at 130 at the earliest.
    const events: ReplanEvents = { now: 100, served: ['j1', { type: 'pickup', shipment: 's1' }] };
    const r = await replan(problem, plan, events, FAST);
    expect(r.check.feasible).toBe(true);
    const u = r.plan.unassigned.find((x) => x.id === 's1')!;
    expect(u).toMatchObject({ id: 's1', type: 'shipment', pickup: 's1', delivery: 's1', reason: 'time-window' });
    expect(u.message).toMatch(/on board vehicle "A"/);
    expect(r.plan.routes.flatMap((x) => x.steps).filter((s) => s.shipment === 's1').map((s) => [s.type, s.status])).toEqual([['pickup', 'done']]);
    // The goods stay in the van: A ends carrying them.
    const a = r.plan.routes.find((x) => x.vehicle === 'A')!;
    expect(a.steps[a.steps.length - 1].load).toEqual([3]);
    expect(r.changes.newlyUnassigned.map((x) => x.id)).toContain('s1');
    // Unassigned before the search: the search sees A with 3 less room for the rest of its route.
    expect(r.problem.jobs.map((j) => j.id)).not.toContain('s1');
    expect(r.problem.vehicles.find((v) => v.id === 'A')!.capacity).toEqual([7]);
  });

  it('an on-board shipment of a vehicle whose shift is over is unassigned (no-vehicle)', async () => {
    const vehicles: Vehicle[] = [
      { id: 'A', start: 0, end: 0, capacity: [10], shift: [0, 26] },
      { id: 'B', start: 0, end: 0, capacity: [10], shift: [0, 1000] },
    ];
    const problem = shipmentLine([], vehicles);
    const plan = basePlan(problem);
    const r = await replan(problem, plan, { now: 27, served: ['j1', { type: 'pickup', shipment: 's1' }] }, FAST);
    expect(r.plan.unassigned.find((x) => x.id === 's1')).toMatchObject({ type: 'shipment', reason: 'no-vehicle', message: expect.stringMatching(/on board vehicle "A"/) });
    expect(r.check.feasible).toBe(true);
  });

  it('a shipment that pays to move is reported moved, once, and its stops ETA moves are named by stop', async () => {
    const vehicles: Vehicle[] = [
      { id: 'A', start: 0, end: 0, capacity: [10], shift: [0, 1000] },
      { id: 'B', start: 7, end: 8, capacity: [10], shift: [0, 1000] },
    ];
    const problem = lineProblem([], vehicles);
    problem.jobs = problem.jobs.slice(0, 1);
    problem.shipments = [{ id: 's3', amount: [1], pickup: { id: 'p3', location: 7 }, delivery: { id: 'd3', location: 8 } }];
    // Old plan: A does j1 and s3 (160 distance); B, which sits at s3, is idle.
    const plan = planOfSteps(problem, [{ vehicle: 'A', tasks: ['j1', 'P:s3', 'D:s3'], departure: 0 }]);
    const r = await replan(problem, plan, { now: 0 }, { ...FAST, promisePenalty: 0 });
    expect(r.check.feasible).toBe(true);
    expect(r.changes.moved).toEqual([{ id: 's3', from: 'A', to: 'B' }]);
    expect(r.changes.changed.filter((id) => id === 's3')).toHaveLength(1);
    expect(r.changes.compared).toBe(2);
    expect(r.changes.etaMoves.map((m) => [m.id, m.type, m.shipment, m.vehicle])).toEqual(
      expect.arrayContaining([
        ['p3', 'pickup', 's3', 'B'],
        ['d3', 'delivery', 's3', 'B'],
      ]),
    );
  });

  it('maxEtaShift bounds the stops of promised shipments and the on-board delivery', async () => {
    const problem = shipmentLine();
    const plan = basePlan(problem);
    const events: ReplanEvents = { now: 27, served: ['j1', { type: 'pickup', shipment: 's1' }], inProgress: [] };
    const r = await replan(problem, plan, events, { ...FAST, maxEtaShift: 30, promisePenalty: 0 });
    expect(r.changes.selection.plan).toBe('search');
    expect(r.check.feasible).toBe(true);
    expect(r.changes.etaBound!.bounded).toEqual(expect.arrayContaining(['s1', 's2']));
    // Old service starts: s1's delivery 60, p2 30, d2 65 — the returned problem carries the cut windows.
    expect(r.problem.jobs.find((j) => j.id === 's1')!.timeWindows).toEqual([[30, 90]]);
    const s2 = r.problem.shipments!.find((s) => s.id === 's2')!;
    expect([s2.pickup.timeWindows, s2.delivery.timeWindows]).toEqual([[[0, 60]], [[35, 95]]]);
    const oldStart = new Map(plan.routes.flatMap((x) => x.steps).filter((s) => s.shipment !== undefined).map((s) => [`${s.type} ${s.shipment}`, s.serviceStart]));
    const planned = r.plan.routes.flatMap((x) => x.steps).filter((s) => s.shipment !== undefined && s.status === 'planned');
    expect(planned).toHaveLength(3);
    for (const s of planned) expect(Math.abs(s.serviceStart - oldStart.get(`${s.type} ${s.shipment}`)!)).toBeLessThanOrEqual(30);
  });

  it('the kept-order plan keeps the sequences and inserts a shipment whole, pickup first', () => {
    const s3: Shipment = { id: 's3', amount: [1], pickup: { location: 4 }, delivery: { location: 1 } };
    const problem = shipmentLine([s3]);
    const plan = basePlan(problem);
    plan.unassigned = [{ id: 's3', type: 'shipment', pickup: 's3', delivery: 's3', reason: 'fleet-exhausted' }];
    const events: ReplanEvents = { now: 27, served: ['j1', { type: 'pickup', shipment: 's1' }], inProgress: [] };
    const red = reduceProblem(problem, plan, inferProgress(problem, plan, events), events, { promisePenalty: 1 });
    const kept = keepOrderPlan(red.problem, red.initialSolution, new Map([['A', 27], ['B', 27]]))!;
    expect(kept.unrouted).toEqual([]);
    const a = kept.routes.find((x) => x.vehicle === 'A')!.steps.map((s) => [s.type, s.id]);
    const b = kept.routes.find((x) => x.vehicle === 'B')!.steps.map((s) => [s.type, s.id]);
    // Old orders kept (A: j2, then s1's delivery as a job; B: p2, j3, d2, j4), s3 inserted whole.
    const without = (xs: (string | number | undefined)[][]) => xs.filter((x) => x[1] !== 's3');
    expect(without(a)).toEqual([
      ['job', 'j2'],
      ['job', 's1'],
    ]);
    expect(without(b)).toEqual([
      ['pickup', 'p2'],
      ['job', 'j3'],
      ['delivery', 'd2'],
      ['job', 'j4'],
    ]);
    const all = [a, b].find((x) => x.some((s) => s[1] === 's3'))!;
    const p = all.findIndex((s) => s[0] === 'pickup' && s[1] === 's3');
    const d = all.findIndex((s) => s[0] === 'delivery' && s[1] === 's3');
    expect(p).toBeGreaterThanOrEqual(0);
    expect(d).toBeGreaterThan(p);
  });
});

describe('replan with shipments: bad events name the entry', () => {
  const problem = shipmentLine();
  const plan = basePlan(problem);
  const first = (events: ReplanEvents, p: Problem = problem, pl: Solution = plan) => issuesOf(p, pl, events).map((i) => [i.code, i.pointer]);

  it('a delivery before its pickup, reported or inferred', () => {
    expect(first({ now: 27, served: [{ type: 'delivery', shipment: 's1' }] })).toEqual([['event-order', '/served/0']]);
    // (also: the delivery follows a stop still in progress)
    expect(first({ now: 27, inProgress: [{ type: 'pickup', shipment: 's1' }], served: [{ type: 'delivery', shipment: 's1' }] })).toContainEqual(['event-order', '/served/0']);
    // A hand plan with the delivery first: inferred from its times, the issue points at the plan step.
    const reversed = planOfSteps(problem, [{ vehicle: 'A', tasks: ['D:s1', 'P:s1'], departure: 0 }]);
    expect(first({ now: 500 }, problem, reversed)).toEqual([['event-order', '/plan/routes/0/steps/1']]);
  });

  it('a delivery by another vehicle than its pickup, or a stop on a vehicle other than the plan says', () => {
    const split = planOfSteps(problem, [
      { vehicle: 'A', tasks: ['j1', 'P:s1'], departure: 0 },
      { vehicle: 'B', tasks: ['D:s1'], departure: 0 },
    ]);
    expect(
      first(
        {
          now: 500,
          served: [
            { type: 'pickup', shipment: 's1', vehicle: 'A' },
            { type: 'delivery', shipment: 's1', vehicle: 'B' },
          ],
        },
        problem,
        split,
      ),
    ).toEqual([['conflict', '/served/1/vehicle']]);
    expect(first({ now: 500 }, problem, split)).toEqual([['conflict', '/plan/routes/1/steps/1']]);
    expect(first({ now: 27, served: [{ type: 'pickup', shipment: 's1', vehicle: 'B' }] })).toEqual([['conflict', '/served/0/vehicle']]);
  });

  it('unknown stops, a shipment id for a stop, stops named by nothing, cancelling a shipment under way', () => {
    expect(first({ now: 27, served: [{ type: 'pickup', shipment: 'nope' }] })).toEqual([['unknown-job', '/served/0']]);
    expect(first({ now: 27, served: [{ type: 'delivery', id: 'p2' }] })).toEqual([['unknown-job', '/served/0']]);
    expect(first({ now: 27, served: [{ type: 'pickup' }] })).toEqual([['unknown-job', '/served/0']]);
    expect(first({ now: 27, served: ['s1'] })).toEqual([['type', '/served/0']]);
    expect(first({ now: 27, inProgress: [{ type: 'break', id: 'x' } as never] })).toEqual([['type', '/inProgress/0']]);
    expect(first({ now: 27, served: [{ type: 'pickup', shipment: 's1' }], cancelled: ['s1'] })).toEqual([['conflict', '/cancelled/0']]);
    // Inferred from the times: s2's pickup is done at 40.
    expect(first({ now: 40, cancelled: ['s2'] })).toEqual([['conflict', '/cancelled/0']]);
    expect(first({ now: 27, newJobs: [{ id: 's2', location: 1 }] })).toEqual([['duplicate-id', '/newJobs/0/id']]);
  });

  it('the library replan throws the same pointer', async () => {
    await expect(replan(problem, plan, { now: 27, served: [{ type: 'delivery', shipment: 's1' }] })).rejects.toMatchObject({ code: 'event-order', pointer: '/served/0' });
  });
});
