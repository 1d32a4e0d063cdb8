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
