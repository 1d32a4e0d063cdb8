/**
 * Test helpers: plans with times re-derived by the independent checker, and a
 * small line-shaped instance whose numbers can be checked by hand.
 */
import { checkSolution } from '../../src/model/check.js';
import type { Id, Job, Problem, Solution, Vehicle } from '../../src/model/types.js';

export interface RouteSpec {
  vehicle: Id;
  jobs: Id[];
  /** Stated departure of the start step (default: the checker's d*). */
  departure?: number;
}

/** A full `Solution` for the given job sequences, every number derived by `checkSolution`. */
export function planOf(problem: Problem, routes: RouteSpec[], unassigned: { id: Id; reason: string }[] = []): Solution {
  const report = checkSolution(problem, {
    routes: routes.map((r) => ({
      vehicle: r.vehicle,
      steps: [
        r.departure === undefined ? { type: 'start' as const } : { type: 'start' as const, departure: r.departure },
        ...r.jobs.map((id) => ({ type: 'job' as const, id })),
        { type: 'end' as const },
      ],
    })),
    unassigned,
  });
  const out: Solution = {
    summary: { cost: 0, routes: 0, unassigned: unassigned.length, distance: 0, duration: 0, waiting: 0, service: 0, delivery: [], pickup: [] },
    routes: report.routes.map((r) => ({
      vehicle: r.vehicle,
      steps: r.steps.map(({ lateness: _l, ...s }) => ({ ...s, load: [...s.load] })),
      cost: r.cost,
      distance: r.distance,
      duration: r.duration,
      waiting: r.waiting,
      service: r.service,
      delivery: [...r.delivery],
      pickup: [...r.pickup],
    })),
    unassigned: unassigned.map((u) => ({ id: u.id, reason: u.reason as Solution['unassigned'][number]['reason'] })),
  };
  out.summary.cost = report.summary.cost;
  out.summary.distance = report.summary.distance;
  out.summary.duration = report.summary.duration;
  out.summary.routes = report.summary.routes;
  // The summary's other claims are checked too: sum them over the routes.
  for (const r of out.routes) {
    out.summary.waiting += r.waiting;
    out.summary.service += r.service;
    r.delivery.forEach((x, d) => (out.summary.delivery[d] = (out.summary.delivery[d] ?? 0) + x));
    r.pickup.forEach((x, d) => (out.summary.pickup[d] = (out.summary.pickup[d] ?? 0) + x));
  }
  return out;
}

/**
 * Locations 0..8 on a line at x = 10·i; travel time = distance = |xi − xj|.
 * Vehicles A and B start and end at 0, capacity [10], shift [0, 1000].
 * Jobs j1..j4 at locations 1..4, delivery [1], service 5.
 */
export function lineProblem(extraJobs: Job[] = [], vehicles?: Vehicle[]): Problem {
  const size = 9;
  const durations = new Float64Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) durations[i * size + j] = 10 * Math.abs(i - j);
  const jobs: Job[] = [1, 2, 3, 4].map((i) => ({ id: `j${i}`, location: i, delivery: [1], pickup: [0], serviceDuration: 5 }));
  return {
    jobs: [...jobs, ...extraJobs],
    vehicles: vehicles ?? [
      { id: 'A', start: 0, end: 0, capacity: [10], shift: [0, 1000] },
      { id: 'B', start: 0, end: 0, capacity: [10], shift: [0, 1000] },
    ],
    travel: { type: 'matrix', size, durations },
  };
}
