/**
 * Test helpers for re-planning with shipments: plans given as step lists
 * (jobs and shipment stops), every number derived by the independent checker,
 * and the line instance of `helpers.ts` with two shipments.
 */
import { checkSolution } from '../../src/model/check.js';
import type { Id, PlanStep, Problem, Shipment, Solution, Vehicle } from '../../src/model/types.js';
import { lineProblem } from './helpers.js';

/** `'j1'` is a job step, `'P:s1'` / `'D:s1'` the pickup / delivery of shipment s1. */
export type StepCode = string;

function stepOf(code: StepCode): PlanStep {
  if (code.startsWith('P:')) return { type: 'pickup', shipment: code.slice(2) };
  if (code.startsWith('D:')) return { type: 'delivery', shipment: code.slice(2) };
  return { type: 'job', id: code };
}

/** A full `Solution` for the given task sequences (see `StepCode`), every number derived by `checkSolution`. */
export function planOfSteps(
  problem: Problem,
  routes: { vehicle: Id; tasks: StepCode[]; departure?: number }[],
  unassigned: Solution['unassigned'] = [],
): Solution {
  const report = checkSolution(problem, {
    routes: routes.map((r) => ({
      vehicle: r.vehicle,
      steps: [r.departure === undefined ? { type: 'start' } : { type: 'start', departure: r.departure }, ...r.tasks.map(stepOf), { type: 'end' }],
    })),
    unassigned,
  });
  const routesOut = report.routes.map((r) => ({
    vehicle: r.vehicle,
    steps: r.steps.map(({ lateness: _l, ...s }) => ({ ...s, load: [...s.load] })),
    cost: r.cost,
    distance: r.distance,
    duration: r.duration,
    waiting: r.waiting,
    service: r.service,
    delivery: [...r.delivery],
    pickup: [...r.pickup],
  }));
  const sum = (f: (r: (typeof routesOut)[number]) => number) => routesOut.reduce((a, r) => a + f(r), 0);
  const delivery: number[] = [];
  const pickup: number[] = [];
  for (const r of routesOut) {
    r.delivery.forEach((x, d) => (delivery[d] = (delivery[d] ?? 0) + x));
    r.pickup.forEach((x, d) => (pickup[d] = (pickup[d] ?? 0) + x));
  }
  return {
    summary: {
      cost: report.summary.cost,
      routes: report.summary.routes,
      unassigned: unassigned.length,
      distance: report.summary.distance,
      duration: report.summary.duration,
      waiting: sum((r) => r.waiting),
      service: sum((r) => r.service),
      delivery,
      pickup,
    },
    routes: routesOut,
    unassigned: unassigned.map((u) => ({ ...u })),
  };
}

/**
 * `lineProblem` (locations 0..8 at x = 10·i, travel = |Δx|, vehicles A and B at
 * 0 with capacity [10], jobs j1..j4 at 1..4 with delivery [1], service 5) plus
 * shipment s1 (2 → 5, amount [3]) and s2 (stops p2 at 3 → d2 at 6, amount [4]).
 */
export function shipmentLine(extra: Shipment[] = [], vehicles?: Vehicle[]): Problem {
  const problem = lineProblem([], vehicles);
  problem.shipments = [
    { id: 's1', amount: [3], pickup: { location: 2 }, delivery: { location: 5 } },
    { id: 's2', amount: [4], pickup: { id: 'p2', location: 3 }, delivery: { id: 'd2', location: 6 } },
    ...extra,
  ];
  return problem;
}
