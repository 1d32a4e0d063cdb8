/**
 * Travel per vehicle (docs/semantics.md, "Units and travel"): each vehicle
 * travels with its `profile` (a key of `problem.profiles`) or with
 * `problem.travel`; durations are divided by its `speedFactor`. Every travel
 * definition in use is resolved once for all tasks (`resolveTaskTravel`), so
 * `travel.jobLocation[t]` is task `t`'s location index in that definition.
 */
import type { TaskTable } from './tasks.js';
import { resolveTaskTravel } from './task-travel.js';
import type { ResolvedTravel } from './travel.js';
import type { Problem, Travel, Vehicle } from './types.js';

/** One vehicle's travel. */
export interface VehicleTravel {
  /** The resolved travel definition (shared by vehicles of the same profile). */
  travel: ResolvedTravel;
  /** Durations are divided by it. */
  speedFactor: number;
  /** Arc cost `costs[a * size + b]` when the travel is a matrix with `costs`. */
  costs?: ArrayLike<number>;
  /** Whether locations with equal coordinates are the same location (euclidean, haversine). */
  mergeCoordinates: boolean;
}

/** The travel definition a vehicle uses. */
export function travelOf(problem: Problem, v: Vehicle): Travel {
  return v.profile !== undefined ? problem.profiles![v.profile] : problem.travel;
}

/**
 * Resolves the travel of every vehicle of a (validated) problem. `travel`, when
 * given, is `resolveTravel(problem)` and is reused for the default travel when
 * the problem has no shipments.
 */
export function resolveFleetTravel(problem: Problem, table: TaskTable, travel?: ResolvedTravel): VehicleTravel[] {
  const byProfile = new Map<string | undefined, ResolvedTravel>();
  const profiled = problem.vehicles.some((v) => v.profile !== undefined);
  return problem.vehicles.map((v) => {
    const def = travelOf(problem, v);
    let resolved = byProfile.get(v.profile);
    if (!resolved) {
      if (v.profile === undefined && !profiled && travel && table.shipmentCount === 0) resolved = travel;
      else {
        // Vehicles of other profiles become location-less stand-ins: indices stay, their locations are not resolved here.
        const vehicles = profiled ? problem.vehicles.map((w) => (w.profile === v.profile ? w : { id: w.id })) : problem.vehicles;
        resolved = resolveTaskTravel(problem, table, def, vehicles);
      }
      byProfile.set(v.profile, resolved);
    }
    return {
      travel: resolved,
      speedFactor: v.speedFactor ?? 1,
      costs: def.type === 'matrix' ? def.costs : undefined,
      mergeCoordinates: def.type === 'euclidean' || def.type === 'haversine',
    };
  });
}

/** Whether location indices `a` and `b` of `vt` are the same location (the rule of docs/semantics.md). */
export function sameLocation(vt: VehicleTravel, a: number, b: number): boolean {
  if (a === b) return true;
  if (a < 0 || b < 0 || !vt.mergeCoordinates) return false;
  const c = vt.travel.coordinates!;
  return c[2 * a] === c[2 * b] && c[2 * a + 1] === c[2 * b + 1];
}
