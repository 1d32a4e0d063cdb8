/**
 * The default size of zones and border neighbourhoods: about
 * `ROUTES_PER_ZONE` routes' worth of jobs, between `MIN_ZONE_SIZE` and
 * `MAX_ZONE_SIZE`.
 *
 * Measured on generated 5,000-client problems at 117 s on 2 threads
 * (bench/results/large.md, "Zone size"): with short routes (about 8 stops,
 * capacity 200) zones of 150 jobs gave a 1.6 % shorter plan than 400 (250:
 * 1.1 %, 600: 0.5 %, 100: 1.5 %); with long routes (about 40 stops, capacity
 * 1,000, wide windows) 150 was 2.8 % longer than 400: a neighbourhood must hold
 * enough routes for jobs to move between them. So the size follows the route
 * length, estimated a priori from capacity (mean vehicle capacity over mean
 * job amount, the tightest dimension) and the vehicles' `maxTasks`. Time
 * windows can make routes shorter still; then the estimate errs towards the
 * larger zones measured safe on long routes.
 */
import type { Problem } from '../../model/types.js';

const ROUTES_PER_ZONE = 16;
const MIN_ZONE_SIZE = 150;
const MAX_ZONE_SIZE = 400;

/** Jobs per route that capacity and `maxTasks` allow on average (Infinity when neither binds). */
export function jobsPerRouteEstimate(problem: Problem): number {
  const jobs = problem.jobs;
  let estimate = Infinity;
  let dims = 0; // a loop, not a spread: a fleet may be larger than the engine's argument limit
  for (const v of problem.vehicles) dims = Math.max(dims, v.capacity?.length ?? 0);
  for (let d = 0; d < dims; d++) {
    let capacity = 0;
    let limited = 0;
    for (const v of problem.vehicles) {
      const c = v.capacity?.[d];
      if (c !== undefined && Number.isFinite(c)) {
        capacity += c;
        limited++;
      }
    }
    if (limited === 0) continue;
    let amount = 0;
    for (const j of jobs) amount += Math.max(j.delivery?.[d] ?? 0, j.pickup?.[d] ?? 0);
    if (amount <= 0) continue;
    estimate = Math.min(estimate, capacity / limited / (amount / jobs.length));
  }
  let tasks = 0;
  let bounded = 0;
  for (const v of problem.vehicles) {
    if (v.maxTasks !== undefined) {
      tasks += v.maxTasks;
      bounded++;
    }
  }
  if (bounded > 0 && bounded === problem.vehicles.length) estimate = Math.min(estimate, tasks / bounded);
  return estimate;
}

/** The default `zoneSize` for `problem` (see the module comment). */
export function defaultZoneSize(problem: Problem): number {
  const perRoute = jobsPerRouteEstimate(problem);
  if (!Number.isFinite(perRoute)) return MAX_ZONE_SIZE;
  return Math.min(MAX_ZONE_SIZE, Math.max(MIN_ZONE_SIZE, Math.round(ROUTES_PER_ZONE * perRoute)));
}
