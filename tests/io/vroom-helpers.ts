/**
 * Shared by the VROOM adapter tests: the fixtures in fixtures/vroom, hand-made
 * plans written as `[vehicle, [[type, id], …]]`, and a `Solution` made from a
 * plan by the independent checker (the solver does not serve every VROOM
 * feature yet, so round trips start from checked hand-made plans).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import type { Id, Problem, RoutePlan, Solution, Unassigned } from '../../src/model/types.js';
import { REPO_ROOT } from './shared.js';

export const VROOM_DIR = join(REPO_ROOT, 'fixtures', 'vroom');

/** A VROOM fixture, parsed. */
export function vroomFixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(VROOM_DIR, name), 'utf8'));
}

export type StepSpec = [type: 'job' | 'pickup' | 'delivery' | 'break', id: Id];
export type RouteSpec = [vehicle: Id, steps: StepSpec[]];

/** A plan from route specs (start and end added) and unassigned entries. */
export function planOf(routes: RouteSpec[], unassigned: Unassigned[] = []): RoutePlan {
  return {
    routes: routes.map(([vehicle, steps]) => ({
      vehicle,
      steps: [{ type: 'start' as const }, ...steps.map(([type, id]) => ({ type, id })), { type: 'end' as const }],
    })),
    unassigned,
  };
}

/** The checker's re-derived plan as a `Solution`; fails the test when the plan is not feasible. */
export function solutionOf(problem: Problem, plan: RoutePlan): Solution {
  const report = checkSolution(problem, plan);
  expect(report.violations).toEqual([]);
  const routes = report.routes.filter((r) => r.tasks > 0);
  const sum = (f: (r: (typeof routes)[number]) => number) => routes.reduce((a, r) => a + f(r), 0);
  const dims = routes[0]?.delivery.length ?? 0;
  const vec = (f: (r: (typeof routes)[number]) => number[]) => Array.from({ length: dims }, (_, k) => routes.reduce((a, r) => a + f(r)[k], 0));
  return {
    summary: {
      cost: report.summary.cost,
      priority: report.summary.priority,
      routes: routes.length,
      unassigned: report.summary.unassigned,
      distance: sum((r) => r.distance),
      duration: sum((r) => r.duration),
      waiting: sum((r) => r.waiting),
      service: sum((r) => r.service),
      delivery: vec((r) => r.delivery),
      pickup: vec((r) => r.pickup),
    },
    routes,
    unassigned: (plan.unassigned ?? []) as Unassigned[],
  };
}

export interface VroomCase {
  file: string;
  routes: RouteSpec[];
  unassigned?: Unassigned[];
}

/** Hand-made plans, feasible under docs/semantics.md (the checker says so in every test). */
export const CASES: Record<string, VroomCase> = {
  'example_1 (coordinates, break, shipment; job 6 left out at 36 km/h)': {
    file: 'example_1.json',
    routes: [[1, [['job', 5], ['job', 2], ['job', 1]]], [2, [['break', 2], ['pickup', 4], ['delivery', 3]]]],
    unassigned: [{ id: 6, reason: 'fleet-exhausted' }],
  },
  'depot-distances (per_km costs, windows)': {
    file: 'depot-distances.json',
    routes: [[1, [['job', 11], ['job', 18], ['job', 15], ['job', 13]]], [2, [['job', 17], ['job', 14], ['job', 16], ['job', 12]]]],
  },
  'shipments-skills-breaks, plan A (van does almost all)': {
    file: 'shipments-skills-breaks.json',
    routes: [
      [1, [['job', 104], ['job', 102], ['job', 103], ['pickup', 201], ['job', 101], ['break', 1], ['break', 2], ['delivery', 202], ['job', 105], ['pickup', 203], ['delivery', 101]]],
      [2, [['break', 7], ['job', 106]]],
    ],
  },
  'shipments-skills-breaks, plan B (bike: per-type service, open end)': {
    file: 'shipments-skills-breaks.json',
    routes: [
      [1, [['job', 104], ['job', 102], ['job', 103], ['pickup', 201], ['break', 1], ['delivery', 202], ['job', 105], ['break', 2]]],
      [2, [['pickup', 203], ['job', 101], ['break', 7], ['delivery', 101], ['job', 106]]],
    ],
  },
  'shipments-skills-breaks, a shipment unassigned': {
    file: 'shipments-skills-breaks.json',
    routes: [[1, [['job', 104], ['job', 102], ['job', 103], ['pickup', 201], ['job', 101], ['break', 1], ['break', 2], ['delivery', 202], ['job', 105]]], [2, [['break', 7], ['job', 106]]]],
    unassigned: [{ id: 'p203-d101', type: 'shipment', reason: 'fleet-exhausted' }],
  },
  'coordinates-technicians (skills, setup, open start, a job no vehicle can do)': {
    file: 'coordinates-technicians.json',
    routes: [[1, [['job', 2], ['job', 1], ['job', 7], ['break', 1], ['job', 4]]], [2, [['job', 3], ['job', 6], ['job', 5]]]],
    unassigned: [{ id: 8, reason: 'skills' }],
  },
  'costs-matrix (custom costs, per_task_hour on a break)': {
    file: 'costs-matrix.json',
    routes: [[7, [['job', 1], ['break', 1], ['job', 2]]], [8, [['job', 3], ['job', 4]]]],
  },
};
