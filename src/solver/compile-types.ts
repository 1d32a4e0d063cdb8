/**
 * Vehicle types for the search: vehicles with identical attributes (start,
 * end, capacity, shift, costs, limits, skills, travel profile and speed,
 * breaks, `type`, and their id when some task names it) form one type with a
 * count, so the search prices a route per type.
 */
import type { ResolvedTravel } from '../model/travel.js';
import type { Problem } from '../model/types.js';
import { idKey } from '../model/ids.js';
import type { TypeInfo } from './solo.js';

export interface VehicleTypes {
  T: number;
  /** Vehicle indices of every type. */
  typeVehicles: number[][];
  /** First vehicle's attributes per type (for the solo checks). */
  typeInfo: TypeInfo[];
}

const fin = (x: number | undefined | null, d: number) => (x === undefined || x === null ? d : x);

/**
 * Groups the vehicles of `problem` into types (see the module comment).
 * `travelOf(k)` is vehicle k's resolved travel (its profile's).
 */
export function vehicleTypes(problem: Problem, travelOf: (k: number) => ResolvedTravel, speedOf: (k: number) => number = () => 1): VehicleTypes {
  const referenced = new Set<string>();
  const orders = [...problem.jobs, ...(problem.shipments ?? [])];
  for (const o of orders) for (const a of o.allowedVehicles ?? []) referenced.add(idKey(a));
  for (const j of problem.jobs) if (j.preferredVehicle !== undefined) referenced.add(idKey(j.preferredVehicle));
  const typeKey = new Map<string, number>();
  const typeVehicles: number[][] = [];
  problem.vehicles.forEach((v, k) => {
    const travel = travelOf(k);
    const key = JSON.stringify([
      v.profile ?? null,
      v.speedFactor ?? 1,
      travel.vehicleStart[k],
      travel.vehicleEnd[k],
      v.capacity ?? null,
      v.shift ?? null,
      v.costs ?? null,
      v.maxDuration ?? null,
      v.maxDistance ?? null,
      v.maxTravelTime ?? null,
      v.maxTasks ?? null,
      v.serviceRadius ?? null,
      v.skills ? [...v.skills].map(String).sort() : null,
      v.type ?? null,
      v.breaks ?? null,
      referenced.has(idKey(v.id)) ? idKey(v.id) : null,
    ]);
    let t = typeKey.get(key);
    if (t === undefined) {
      t = typeVehicles.length;
      typeKey.set(key, t);
      typeVehicles.push([]);
    }
    typeVehicles[t].push(k);
  });
  const typeInfo = typeVehicles.map((list): TypeInfo => {
    const k = list[0];
    const v = problem.vehicles[k];
    const travel = travelOf(k);
    const speed = speedOf(k);
    return {
      v,
      travel,
      locDur: (a, b) => (a < 0 || b < 0 ? 0 : travel.duration(a, b) / speed),
      locDist: (a, b) => (a < 0 || b < 0 ? 0 : travel.distance(a, b)),
      start: travel.vehicleStart[k],
      end: travel.vehicleEnd[k],
      shiftStart: fin(v.shift?.[0], -Infinity),
      shiftEnd: fin(v.shift?.[1], Infinity),
      maxDur: fin(v.maxDuration, Infinity),
      maxDist: fin(v.maxDistance, Infinity),
    };
  });
  return { T: typeVehicles.length, typeVehicles, typeInfo };
}
