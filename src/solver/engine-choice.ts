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
 */
import type { Problem } from '../model/types.js';

/** Largest number of jobs for which the genetic search is the default. */
export const HGS_MAX_JOBS = 450;

const PROBLEM_KEYS = new Set(['jobs', 'vehicles', 'travel', 'name', '$schema', 'shipments', 'objective']);
const JOB_KEYS = new Set(['id', 'location', 'delivery', 'pickup', 'serviceDuration', 'data']);
const VEHICLE_KEYS = new Set(['id', 'start', 'end', 'capacity', 'costs', 'shift', 'maxDuration', 'maxDistance', 'type', 'data']);
const COST_KEYS = new Set(['fixed', 'perDistance', 'perDuration']);

const onlyKeys = (o: object, keys: Set<string>) => Object.keys(o).every((k) => keys.has(k));

/** The engine `solve` uses by default for a (validated) problem: `'hgs'` or `'ils'` (see the module comment). */
export function defaultEngine(problem: Problem): 'ils' | 'hgs' {
  if (problem.jobs.length > HGS_MAX_JOBS || (problem.shipments?.length ?? 0) > 0) return 'ils';
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
