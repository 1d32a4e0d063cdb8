/**
 * Resolving a problem's `travel` into location indices and arc lengths.
 *
 * Every job and vehicle location becomes an index in `0..size-1`; `distance(a, b)`
 * and `duration(a, b)` give the arc i → j in the problem's units, with the
 * problem's per-arc rounding applied. Metric travel is computed on demand (no
 * n² memory, so 10,000-location problems stay small); matrix travel is dense,
 * and so is network travel up to `ON_DEMAND_ABOVE` points (above, a provider
 * that offers `travelOnDemand` serves blocks and single arcs, see
 * travel-on-demand.ts).
 *
 * This is problem semantics, shared by the independent checker and by the
 * solver's compile step; it holds no search logic.
 */
import { VrpkitError, pointer } from '../core/errors.js';
import { EARTH_RADIUS_M, haversineMetres } from '../geo/haversine.js';

export { EARTH_RADIUS_M, haversineMetres };
import type { ArcRounding, Location, Problem, TravelProvider } from './types.js';
import { ON_DEMAND_ABOVE, onDemandArcs } from './travel-on-demand.js';

export interface ResolvedTravel {
  /** Number of distinct locations. */
  size: number;
  /** Location index of every job. */
  jobLocation: Int32Array;
  /** Location index of every vehicle's start, or -1 when it has none (starts at its first job). */
  vehicleStart: Int32Array;
  /** Location index of every vehicle's end, or -1 when it has none (open route). */
  vehicleEnd: Int32Array;
  /** `[x0, y0, x1, y1, ...]` per location when known (metric travel, or given with a matrix). */
  coordinates?: Float64Array;
  /** Whether coordinates are lon/lat degrees (haversine, network) rather than plane coordinates. */
  geographic: boolean;
  distance(a: number, b: number): number;
  duration(a: number, b: number): number;
  /** Dense matrices, when they exist already (matrix travel, and network travel up to `ON_DEMAND_ABOVE` points). */
  dense?: { durations: Float64Array; distances: Float64Array };
  /**
   * Network travel on demand (large problems, no `dense`): durations and
   * distances from each of `rows` to each of `cols`, row-major, fetched as one
   * block (and cached for `distance` / `duration`).
   */
  block?(rows: ArrayLike<number>, cols: ArrayLike<number>): { durations: Float64Array; distances: Float64Array };
}

/** Applies a per-arc rounding convention to one arc length. */
export function roundArc(d: number, rounding: ArcRounding | undefined): number {
  switch (rounding) {
    case 'nint':
      return Math.floor(d + 0.5);
    case 'truncate1':
      // DIMACS VRPTW convention: floor(10 d) / 10. The tiny epsilon keeps exact
      // tenths (e.g. d = 5 computed as 4.999999999) on the right side.
      return Math.floor(10 * d + 1e-9) / 10;
    default:
      return d;
  }
}

/**
 * Resolves the travel of a (validated) problem. Throws a `VrpkitError` naming
 * the field when a location cannot be resolved.
 */
export function resolveTravel(problem: Problem): ResolvedTravel {
  const travel = problem.travel;
  const nJobs = problem.jobs.length;
  const nVehicles = problem.vehicles.length;
  const jobLocation = new Int32Array(nJobs);
  const vehicleStart = new Int32Array(nVehicles).fill(-1);
  const vehicleEnd = new Int32Array(nVehicles).fill(-1);

  if (travel.type === 'matrix') {
    const size = travel.size;
    const at = (loc: Location, ptr: string): number => {
      if (typeof loc !== 'number' || !Number.isInteger(loc) || loc < 0 || loc >= size) {
        throw new VrpkitError('location', `must be a matrix index in 0..${size - 1}`, ptr);
      }
      return loc;
    };
    fillIndices(problem, jobLocation, vehicleStart, vehicleEnd, at);
    const durations = Float64Array.from(travel.durations as ArrayLike<number>);
    const distances = travel.distances ? Float64Array.from(travel.distances as ArrayLike<number>) : durations;
    let coordinates: Float64Array | undefined;
    if (travel.coordinates) {
      coordinates = new Float64Array(2 * size);
      for (let i = 0; i < size; i++) {
        coordinates[2 * i] = travel.coordinates[i][0];
        coordinates[2 * i + 1] = travel.coordinates[i][1];
      }
    }
    return {
      size,
      jobLocation,
      vehicleStart,
      vehicleEnd,
      coordinates,
      geographic: false,
      distance: (a, b) => distances[a * size + b],
      duration: (a, b) => durations[a * size + b],
      dense: { durations, distances },
    };
  }

  if (travel.type === 'euclidean' || travel.type === 'haversine') {
    const coords: number[] = [];
    const base = travel.coordinates ?? [];
    for (const c of base) coords.push(c[0], c[1]);
    const byValue = new Map<string, number>();
    const at = (loc: Location, ptr: string): number => {
      if (typeof loc === 'number') {
        if (!Number.isInteger(loc) || loc < 0 || loc >= base.length) {
          throw new VrpkitError('location', `must be an index into travel.coordinates (0..${base.length - 1})`, ptr);
        }
        return loc;
      }
      const key = `${loc[0]},${loc[1]}`;
      let idx = byValue.get(key);
      if (idx === undefined) {
        idx = coords.length / 2;
        coords.push(loc[0], loc[1]);
        byValue.set(key, idx);
      }
      return idx;
    };
    fillIndices(problem, jobLocation, vehicleStart, vehicleEnd, at);
    const coordinates = Float64Array.from(coords);
    const rounding = travel.rounding;
    const geographic = travel.type === 'haversine';
    const speed = travel.speed ?? (geographic ? 10 : 1);
    const distance = geographic
      ? (a: number, b: number) =>
          roundArc(
            haversineMetres(coordinates[2 * a], coordinates[2 * a + 1], coordinates[2 * b], coordinates[2 * b + 1]),
            rounding,
          )
      : (a: number, b: number) => {
          const dx = coordinates[2 * a] - coordinates[2 * b];
          const dy = coordinates[2 * a + 1] - coordinates[2 * b + 1];
          return roundArc(Math.sqrt(dx * dx + dy * dy), rounding);
        };
    const duration = speed === 1 ? distance : (a: number, b: number) => distance(a, b) / speed;
    return {
      size: coordinates.length / 2,
      jobLocation,
      vehicleStart,
      vehicleEnd,
      coordinates,
      geographic,
      distance,
      duration,
    };
  }

  if (travel.type === 'network') {
    const provider: TravelProvider = travel.network;
    if (!provider || typeof provider.travelMatrix !== 'function') {
      throw new VrpkitError('travel', 'must be a RoadNetwork (an object with travelMatrix)', pointer('travel', 'network'));
    }
    const base = travel.points ?? [];
    const points: (number | string | [number, number])[] = [];
    const byKey = new Map<string, number>();
    const add = (p: number | string | [number, number]): number => {
      const key = Array.isArray(p) ? `c${p[0]},${p[1]}` : `n${typeof p}:${p}`;
      let idx = byKey.get(key);
      if (idx === undefined) {
        idx = points.length;
        points.push(p);
        byKey.set(key, idx);
      }
      return idx;
    };
    const at = (loc: Location, ptr: string): number => {
      if (typeof loc === 'number') {
        if (!Number.isInteger(loc) || loc < 0 || loc >= base.length) {
          throw new VrpkitError('location', `must be an index into travel.points (0..${base.length - 1})`, ptr);
        }
        return add(base[loc]);
      }
      return add(loc);
    };
    fillIndices(problem, jobLocation, vehicleStart, vehicleEnd, at);
    const size = points.length;
    if (size > ON_DEMAND_ABOVE && typeof provider.travelOnDemand === 'function') {
      // Too many points for an n × n matrix: arcs on demand, with the snapped coordinates for zoning.
      const source = provider.travelOnDemand(points);
      const arcs = onDemandArcs(size, source);
      return {
        size,
        jobLocation,
        vehicleStart,
        vehicleEnd,
        geographic: true,
        ...(source.coordinates ? { coordinates: source.coordinates } : {}),
        distance: arcs.distance,
        duration: arcs.duration,
        block: arcs.block,
      };
    }
    const { durations, distances } = provider.travelMatrix(points);
    return {
      size,
      jobLocation,
      vehicleStart,
      vehicleEnd,
      geographic: true,
      distance: (a, b) => distances[a * size + b],
      duration: (a, b) => durations[a * size + b],
      dense: { durations, distances },
    };
  }

  throw new VrpkitError('travel', `unknown travel type '${(travel as { type: unknown }).type}'`, pointer('travel', 'type'));
}

function fillIndices(
  problem: Problem,
  jobLocation: Int32Array,
  vehicleStart: Int32Array,
  vehicleEnd: Int32Array,
  at: (loc: Location, ptr: string) => number,
): void {
  problem.jobs.forEach((job, j) => {
    jobLocation[j] = at(job.location, pointer('jobs', j, 'location'));
  });
  problem.vehicles.forEach((v, k) => {
    if (v.start !== undefined) vehicleStart[k] = at(v.start, pointer('vehicles', k, 'start'));
    if (v.end !== undefined) vehicleEnd[k] = at(v.end, pointer('vehicles', k, 'end'));
  });
}
