import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import type { Id, Job, PlanStep, Problem, RoutePlan, Shipment, Vehicle } from '../../src/model/types.js';

// A line: location i sits at x = 10 i, so every arc is 10 × |i − j| (euclidean, speed 1).
const line = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [10 * i, 0]);

function problem(over: { jobs?: Job[]; shipments?: Shipment[]; vehicles?: Vehicle[] } = {}): Problem {
  return {
    jobs: over.jobs ?? [{ id: 'J', location: 1, delivery: [4] }],
    shipments: over.shipments ?? [{ id: 'S', amount: [5], pickup: { location: 2 }, delivery: { location: 3 } }],
    vehicles: over.vehicles ?? [{ id: 'v', start: 0, end: 0, capacity: [10] }],
    travel: { type: 'euclidean', coordinates: line(6) },
  };
}

const start: PlanStep = { type: 'start' };
const end: PlanStep = { type: 'end' };
const job = (id: Id): PlanStep => ({ type: 'job', id });
const pick = (shipment: Id): PlanStep => ({ type: 'pickup', shipment });
const drop = (shipment: Id): PlanStep => ({ type: 'delivery', shipment });
const route = (vehicle: Id, ...steps: PlanStep[]) => ({ vehicle, steps: [start, ...steps, end] });
const codes = (rep: { violations: { code: string }[] }) => rep.violations.map((v) => v.code).sort();

describe('checkSolution with shipments: loads, steps, totals', () => {
  it('the amount is on board from pickup to delivery, on top of job deliveries', () => {
    const rep = checkSolution(problem(), { routes: [route('v', job('J'), pick('S'), drop('S'))] });
    expect(rep.feasible).toBe(true);
    const r = rep.routes[0];
    expect(r.steps.map((s) => [s.type, s.id, s.shipment])).toEqual([
      ['start', undefined, undefined],
      ['job', 'J', undefined],
      ['pickup', 'S', 'S'], // a stop without its own id shows the shipment id
      ['delivery', 'S', 'S'],
      ['end', undefined, undefined],
    ]);
    expect(r.steps.map((s) => s.load)).toEqual([[4], [0], [5], [0], [0]]);
    expect(r.steps.map((s) => s.arrival)).toEqual([0, 10, 20, 30, 60]);
    expect([r.distance, r.duration, r.cost]).toEqual([60, 60, 60]);
    // Route totals as VROOM reports them: unloaded = job deliveries + delivered amounts, loaded = pickups.
    expect(r.delivery).toEqual([9]);
    expect(r.pickup).toEqual([5]);
    expect(rep.summary).toEqual({ cost: 60, distance: 60, duration: 60, routes: 1, unassigned: 0, assigned: 2, tasks: 3, priority: 0, lateTasks: 0, latenessCost: 0, makespan: 60, objective: { type: 'cost', score: [60] } });
  });

  it('capacity counts the shipment together with deliveries still on board', () => {
    const p = problem({ vehicles: [{ id: 'v', start: 0, end: 0, capacity: [8] }] });
    // J first: 4 → 0 → 5 → 0, fine. Pickup first: 4 → 9 (over 8 by 1) → 5 → 0.
    expect(checkSolution(p, { routes: [route('v', job('J'), pick('S'), drop('S'))] }).feasible).toBe(true);
    const rep = checkSolution(p, { routes: [route('v', pick('S'), job('J'), drop('S'))] });
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'capacity', amount: 1, job: 'S', shipment: 'S' })]);
    expect(rep.routes[0].steps.map((s) => s.load)).toEqual([[4], [9], [5], [0], [0]]);
  });

  it('own stop ids: steps show them; plans may name a stop by id, by shipment, or both', () => {
    const p = problem({ shipments: [{ id: 7, amount: [1], pickup: { id: 'p7', location: 2 }, delivery: { id: 'd7', location: 3 } }] });
    const byId = checkSolution(p, { routes: [route('v', job('J'), { type: 'pickup', id: 'p7' }, { type: 'delivery', id: 'd7' })] });
    expect(byId.feasible).toBe(true);
    expect(byId.routes[0].steps.slice(2, 4).map((s) => [s.type, s.id, s.shipment])).toEqual([
      ['pickup', 'p7', 7],
      ['delivery', 'd7', 7],
    ]);
    const byShipment = checkSolution(p, { routes: [route('v', job('J'), pick('7'), { type: 'delivery', id: 'd7', shipment: 7 })] });
    expect(byShipment.feasible).toBe(true);
    // id and shipment naming different stops, a pickup step naming a delivery id, a job step naming a shipment
    const bad = checkSolution(p, {
      routes: [route('v', { type: 'job', id: 7 }, { type: 'pickup', id: 'd7' }, { type: 'delivery', id: 'p7', shipment: 7 }, job('J'))],
    });
    expect(codes(bad)).toEqual(['missing-job', 'unknown-job', 'unknown-job', 'unknown-job']);
    expect(bad.violations.filter((v) => v.code === 'unknown-job').map((v) => v.pointer)).toEqual([
      '/routes/0/steps/1/id',
      '/routes/0/steps/2/id',
      '/routes/0/steps/3/id',
    ]);
  });

  it('stop windows: the delivery waits for its window like any task', () => {
    const p = problem({ shipments: [{ id: 'S', amount: [5], pickup: { location: 2, serviceDuration: 3 }, delivery: { location: 3, timeWindows: [[50, 60]] } }] });
    const plan: RoutePlan = { routes: [route('v', job('J'), pick('S'), drop('S'))] };
    plan.routes[0].steps[0].departure = 0;
    const rep = checkSolution(p, plan);
    expect(rep.feasible).toBe(true);
    expect(rep.routes[0].steps[3]).toMatchObject({ arrival: 33, waiting: 17, serviceStart: 50, departure: 50 });
    const late = problem({ shipments: [{ id: 'S', amount: [5], pickup: { location: 2 }, delivery: { location: 3, timeWindows: [[0, 25]] } }] });
    const rl = checkSolution(late, { routes: [route('v', job('J'), pick('S'), drop('S'))] });
    expect(rl.violations).toEqual([expect.objectContaining({ code: 'late', amount: 5, shipment: 'S' })]);
  });
});

describe('checkSolution with shipments: whole or not at all', () => {
  const two = problem({ vehicles: [{ id: 'v', start: 0, end: 0, capacity: [10] }, { id: 'w', start: 0, end: 0, capacity: [10] }] });

  it('delivery before pickup → precedence', () => {
    const rep = checkSolution(two, { routes: [route('v', job('J'), drop('S'), pick('S'))] });
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'precedence', shipment: 'S', route: 0 })]);
  });

  it('pickup and delivery on different routes → split-shipment', () => {
    const rep = checkSolution(two, { routes: [route('v', job('J'), pick('S')), route('w', drop('S'))] });
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'split-shipment', shipment: 'S' })]);
    expect(rep.summary.assigned).toBe(1);
  });

  it('one stop only → half-served; neither and not unassigned → missing-job', () => {
    const half = checkSolution(two, { routes: [route('v', job('J'), pick('S'))] });
    expect(half.violations).toEqual([expect.objectContaining({ code: 'half-served', shipment: 'S', job: 'S' })]);
    const missing = checkSolution(two, { routes: [route('v', job('J'))] });
    expect(missing.violations).toEqual([expect.objectContaining({ code: 'missing-job', shipment: 'S' })]);
  });

  it('unassigned whole: the shape, its checks, duplicates', () => {
    const ok = checkSolution(two, {
      routes: [route('v', job('J'))],
      unassigned: [{ id: 'S', type: 'shipment', pickup: 'S', delivery: 'S', reason: 'capacity' }],
    });
    expect(ok.feasible).toBe(true);
    expect(ok.summary).toMatchObject({ assigned: 1, unassigned: 1 });
    // type and stop ids are optional, but must match when stated
    expect(checkSolution(two, { routes: [route('v', job('J'))], unassigned: [{ id: 'S', reason: 'capacity' }] }).feasible).toBe(true);
    const wrong = checkSolution(two, { routes: [route('v', job('J'))], unassigned: [{ id: 'S', type: 'job', reason: 'fleet-exhausted' }] });
    expect(codes(wrong)).toEqual(['missing-job', 'unknown-job']);
    const wrongStop = checkSolution(two, { routes: [route('v', job('J'))], unassigned: [{ id: 'S', delivery: 'D', reason: 'fleet-exhausted' }] });
    expect(wrongStop.violations).toEqual([expect.objectContaining({ code: 'unknown-job', pointer: '/unassigned/0/delivery' })]);
    const twice = checkSolution(two, { routes: [route('v', job('J'))], unassigned: [{ id: 'S', reason: 'fleet-exhausted' }, { id: 'S', reason: 'fleet-exhausted' }] });
    expect(codes(twice)).toEqual(['duplicate-job']);
    const both = checkSolution(two, { routes: [route('v', job('J'), pick('S'), drop('S'))], unassigned: [{ id: 'S', reason: 'fleet-exhausted' }] });
    expect(both.violations).toEqual([expect.objectContaining({ code: 'duplicate-job', pointer: '/unassigned/0' })]);
    const noReason = checkSolution(two, { routes: [route('v', job('J'))], unassigned: [{ id: 'S' }] });
    expect(noReason.violations).toEqual([expect.objectContaining({ code: 'missing-reason', shipment: 'S' })]);
  });

  it('a stop twice in routes → duplicate-job', () => {
    const rep = checkSolution(two, { routes: [route('v', job('J'), pick('S'), pick('S'), drop('S'))] });
    expect(codes(rep)).toEqual(['duplicate-job']);
  });

  it('allowedVehicles applies to both stops', () => {
    const p = problem({
      shipments: [{ id: 'S', amount: [5], pickup: { location: 2 }, delivery: { location: 3 }, allowedVehicles: ['w'] }],
      vehicles: [{ id: 'v', start: 0, end: 0 }, { id: 'w', start: 0, end: 0 }],
    });
    const rep = checkSolution(p, { routes: [route('v', job('J'), pick('S'), drop('S'))] });
    expect(codes(rep)).toEqual(['not-allowed', 'not-allowed']);
    expect(checkSolution(p, { routes: [route('v', job('J')), route('w', pick('S'), drop('S'))] }).feasible).toBe(true);
  });

  it('stated loads and totals are claims', () => {
    const plan: RoutePlan = { routes: [route('v', job('J'), pick('S'), drop('S'))] };
    plan.routes[0].steps[2].load = [5];
    (plan.routes[0] as Record<string, unknown>).delivery = [9];
    expect(checkSolution(problem(), plan).feasible).toBe(true);
    plan.routes[0].steps[3].load = [5];
    const rep = checkSolution(problem(), plan);
    expect(rep.violations).toEqual([expect.objectContaining({ code: 'claim-mismatch', pointer: '/routes/0/steps/3/load/0', shipment: 'S' })]);
  });
});
