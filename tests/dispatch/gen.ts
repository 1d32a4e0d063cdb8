/**
 * Random re-planning cases for property tests: a small euclidean instance, a
 * plan (random job sequences, times from the checker), and events at a random
 * `now` (cancellations of open jobs, new orders).
 */
import fc from 'fast-check';
import { Rng } from '../../src/core/rng.js';
import type { Id, Job, Problem, Solution, Vehicle } from '../../src/model/types.js';
import type { ReplanEvents } from '../../src/dispatch/events.js';
import { planOf } from './helpers.js';

export interface Case {
  problem: Problem;
  plan: Solution;
  events: ReplanEvents;
}

/** Builds one case from a seed; `opts.windows` adds generous time windows. */
export function makeCase(seed: number, opts: { nJobs?: number; nVehicles?: number; windows?: boolean; newJobs?: number; cancel?: number } = {}): Case {
  const rng = new Rng(seed);
  const nJobs = opts.nJobs ?? 4 + rng.int(8);
  const nVehicles = opts.nVehicles ?? 1 + rng.int(3);
  const coordinates: [number, number][] = [[50, 50]];
  for (let i = 0; i < nJobs + 6; i++) coordinates.push([rng.int(100), rng.int(100)]);
  const job = (id: Id, loc: number): Job => {
    const j: Job = { id, location: loc, serviceDuration: rng.int(10), delivery: [rng.int(3) === 0 ? 0 : 1 + rng.int(3)], pickup: [rng.int(3) === 0 ? 1 + rng.int(2) : 0] };
    if (opts.windows) {
      const a = rng.int(300);
      j.timeWindows = [[a, a + 400 + rng.int(400)]];
    }
    return j;
  };
  const jobs: Job[] = Array.from({ length: nJobs }, (_, i) => job(i % 3 === 0 ? `j${i}` : i, 1 + i));
  const vehicles: Vehicle[] = Array.from({ length: nVehicles }, (_, k) => ({
    id: `v${k}`,
    start: 0,
    end: 0,
    capacity: [40],
    shift: [0, 5000],
    costs: { fixed: 10, perDistance: 1, perDuration: 0 },
  }));
  const problem: Problem = { jobs, vehicles, travel: { type: 'euclidean', coordinates } };
  // Random plan: shuffle jobs, deal them to vehicles, leave ~10% unassigned.
  const order = jobs.map((j) => j.id);
  for (let i = order.length - 1; i > 0; i--) {
    const k = rng.int(i + 1);
    [order[i], order[k]] = [order[k], order[i]];
  }
  const routes = vehicles.map((v) => ({ vehicle: v.id, jobs: [] as Id[], departure: rng.int(20) }));
  const unassigned: { id: Id; reason: string }[] = [];
  for (const id of order) {
    if (rng.int(10) === 0) unassigned.push({ id, reason: 'fleet-exhausted' });
    else routes[rng.int(routes.length)].jobs.push(id);
  }
  const plan = planOf(problem, routes.filter((r) => r.jobs.length > 0), unassigned);
  let horizon = 1;
  for (const r of plan.routes) horizon = Math.max(horizon, r.steps[r.steps.length - 1].arrival);
  const now = rng.int(Math.ceil(horizon * 1.1));
  // Open jobs (not yet started at now) may be cancelled.
  const open: Id[] = [...unassigned.map((u) => u.id)];
  for (const r of plan.routes) for (const s of r.steps) if (s.type === 'job' && s.serviceStart > now) open.push(s.id as Id);
  const cancelled: Id[] = [];
  const nCancel = opts.cancel ?? rng.int(3);
  for (let c = 0; c < nCancel && open.length > 0; c++) cancelled.push(open.splice(rng.int(open.length), 1)[0]);
  const newJobs: Job[] = [];
  const nNew = opts.newJobs ?? rng.int(4);
  for (let n = 0; n < nNew; n++) newJobs.push(job(`new${n}`, 1 + nJobs + (n % 6)));
  return { problem, plan, events: { now, cancelled, newJobs } };
}

export const arbSeed = fc.integer({ min: 1, max: 2 ** 30 });
