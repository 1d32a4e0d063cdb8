/**
 * Which search engine `solve` runs when the caller does not say
 * (`algorithm: 'auto'`, the default). Measured at equal CPU time
 * (bench/results/tuning.md): the iterated local search (ILS) is ahead with
 * time windows (Solomon 0.20 % vs 0.36 %) and on capacity-only instances above
 * ~450 clients, the hybrid genetic search (HGS) on capacity-only instances
 * below (X files of 101–420 clients: 0.90 % vs 1.18 %). The HGS is picked
 * only for problems made of nothing but what it was built for — jobs with a
 * location, amounts and a service time, vehicles with depots, capacities,
 * shifts, duration/distance limits and distance/duration costs, the cost
 * objective — so every other feature goes to the ILS, which knows them all.
 *
 * One exception above 450 jobs: when every job carries the same amounts (a
 * route's load is then its number of stops: parcels of one size, visits
 * counted against a stop limit), the genetic search's giant tour and split
 * repack the routes far better than the ILS's moves, which can hardly move a
 * stop between full routes. Measured on the four such CVRPLIB X files above
 * 450 clients (X-n502-k39, X-n548-k50, X-n655-k131, X-n856-k95; seed 1, 2 at a
 * time; bench/results/tuning.md, "Session 17", "Uniform amounts above 450 jobs"): the genetic
 * search is ahead at 30 s (mean gap 0.50 % vs 0.67 %) and 60 s (0.45 % vs
 * 0.62 %) but behind at 1–10 s, where its first population is still being
 * built (10 s: 0.91 % vs 0.79 %) — so it is chosen only when the time limit
 * gives at least `UNIFORM_HGS_MS_PER_JOB` per job, and only up to the
 * decomposition's 1,500 jobs. On the 14 X files above 450 with varied amounts
 * the genetic search was behind at 30 s on every one (1.75 % vs 1.00 %).
 *
 * Up to 450 jobs the genetic search also needs time: under a time limit of
 * less than about 100 ms per job the ILS is ahead. Measured on the 32
 * CVRPLIB X files of 101–439 clients (bench/results/tuning.md, "Session 19",
 * two at a time, seed 1 at 10 s, seeds 1 and 2 at 30 s), mean gaps of the
 * genetic search / the ILS by time per client: below 50 ms 1.01 / 0.75 %,
 * 50–70 ms 0.47 / 0.30 %, 70–100 ms 0.47 / 0.38 %, 100–150 ms 0.45 / 0.47 %,
 * 150–400 ms 0.11 / 0.15 %. The threshold sits at 70 ms, not 100: from 70 ms
 * the ILS's lead is small and it stalls on some long-route files the genetic
 * search keeps improving (X-n367-k17, 17 routes of 21 stops, at 30 s: 1.24 /
 * 1.34 % against 0.19 / 0.28 %, two seeds). Without a finite limit (an
 * iteration budget) the genetic search stays the choice.
 */
import type { Problem } from '../model/types.js';

/** Largest number of jobs for which the genetic search is the default. */
export const HGS_MAX_JOBS = 450;

/** Up to `HGS_MAX_JOBS`: the genetic search from this much of a finite time limit per job, the ILS below (see above). */
export const HGS_MS_PER_JOB = 70;

/** Above `HGS_MAX_JOBS`, with uniform amounts: the genetic search from this much of the time limit per job (see above). */
export const UNIFORM_HGS_MS_PER_JOB = 30;

/** Largest number of uniform-amount jobs for which the genetic search may be the default (the direct solve's range). */
export const UNIFORM_HGS_MAX_JOBS = 1500;

const PROBLEM_KEYS = new Set(['jobs', 'vehicles', 'travel', 'name', '$schema', 'shipments', 'objective']);
const JOB_KEYS = new Set(['id', 'location', 'delivery', 'pickup', 'serviceDuration', 'data']);
const VEHICLE_KEYS = new Set(['id', 'start', 'end', 'capacity', 'costs', 'shift', 'maxDuration', 'maxDistance', 'type', 'data']);
const COST_KEYS = new Set(['fixed', 'perDistance', 'perDuration']);

const onlyKeys = (o: object, keys: Set<string>) => Object.keys(o).every((k) => keys.has(k));

/** Whether every job carries the same delivery and pickup amounts (a route's load is then its stop count). */
export function uniformAmounts(problem: Problem): boolean {
  const jobs = problem.jobs;
  if (jobs.length === 0) return false;
  const key = (a: readonly number[] | undefined) => (a ?? []).join(',');
  const d0 = key(jobs[0].delivery), p0 = key(jobs[0].pickup);
  return jobs.every((j) => key(j.delivery) === d0 && key(j.pickup) === p0);
}

/**
 * The engine `solve` uses by default for a (validated) problem: `'hgs'` or
 * `'ils'` (see the module comment). `timeLimitMs`: the solve's time limit
 * (undefined or infinite: none), measured per job against `HGS_MS_PER_JOB`
 * up to `HGS_MAX_JOBS` and against `UNIFORM_HGS_MS_PER_JOB` above.
 */
export function defaultEngine(problem: Problem, timeLimitMs?: number): 'ils' | 'hgs' {
  const n = problem.jobs.length;
  if ((problem.shipments?.length ?? 0) > 0) return 'ils';
  // a finite limit's time per job; none (undefined, Infinity) counts as short above the size limit and long below it
  const msPerJob = timeLimitMs !== undefined && Number.isFinite(timeLimitMs) ? timeLimitMs / n : undefined;
  if (n > HGS_MAX_JOBS) {
    const long = msPerJob !== undefined && msPerJob >= UNIFORM_HGS_MS_PER_JOB;
    if (!(n <= UNIFORM_HGS_MAX_JOBS && long && uniformAmounts(problem))) return 'ils';
  } else if (msPerJob !== undefined && msPerJob < HGS_MS_PER_JOB) return 'ils';
  const objective = problem.objective;
  if (objective !== undefined && (typeof objective === 'string' ? objective : objective.type) !== 'cost') return 'ils';
  if (!onlyKeys(problem, PROBLEM_KEYS)) return 'ils';
  if (problem.travel.type === 'matrix' && problem.travel.costs !== undefined) return 'ils';
  for (const job of problem.jobs) if (!onlyKeys(job, JOB_KEYS)) return 'ils';
  for (const v of problem.vehicles) {
    if (!onlyKeys(v, VEHICLE_KEYS) || (v.costs !== undefined && !onlyKeys(v.costs, COST_KEYS))) return 'ils';
  }
  return 'hgs';
}
