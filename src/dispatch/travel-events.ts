/**
 * Travel as it is now: changed arcs of a matrix, closed or slowed roads of a
 * road network.
 *
 * - Matrix travel: `travelUpdates` are applied to a copy of the matrices.
 * - Road network travel: the reduced problem gets *matrix* travel over its
 *   points (old points first, then new ones: vehicle positions, new orders), so
 *   the solver and the checker see exactly the times computed here. The
 *   network is derived with `withClosures` / `withSpeedFactors`. When the caller
 *   passes the old matrix over `travel.points` (`baseMatrix`) and the changes
 *   only make arcs slower or closed, only the pairs whose old shortest path may
 *   have used a changed arc are recomputed (rows of the affected sources);
 *   otherwise the whole matrix is computed once on the derived network.
 * - Metric travel is unchanged.
 */
import { VrpkitError } from '../core/errors.js';
import type { Location, MatrixTravel, Problem, TravelProvider } from '../model/types.js';
import type { ReplanEvents } from './events.js';

type Point = number | string | [number, number];

/** The old matrix over `travel.points`, as a dispatch system keeps it between re-plans. */
export interface BaseMatrix {
  durations: ArrayLike<number>;
  distances: ArrayLike<number>;
}

/** How travel was brought up to date. */
export interface TravelReport {
  /**
   * `unchanged`: no travel event; `matrix-updates`: arcs replaced in a matrix copy;
   * `network-full`: the whole matrix over the points computed on the derived
   * network; `network-affected`: only the rows of affected sources recomputed.
   */
  mode: 'unchanged' | 'matrix-updates' | 'network-full' | 'network-affected';
  /** Matrix entries that changed value. */
  changedPairs: number;
  /** Source rows computed on the road network (network travel only). */
  rowsComputed?: number;
  /** Why the affected-rows shortcut was not used, when it was not. */
  note?: string;
}

/** What a road network offers for re-planning (a `RoadNetwork` has all of it). */
export interface DerivableNetwork extends TravelProvider {
  withClosures?(arcs: unknown[]): DerivableNetwork;
  withSpeedFactors?(factors: unknown): DerivableNetwork;
}

/**
 * Brings the reduced problem's travel up to date with the events. Returns the
 * problem to solve (travel and, for road networks, locations rewritten to matrix
 * indices) and a report. Pure: the inputs are not modified.
 */
export function updateTravel(
  reduced: Problem,
  events: ReplanEvents,
  baseMatrix?: BaseMatrix,
): { problem: Problem; report: TravelReport; network?: DerivableNetwork } {
  const travel = reduced.travel;
  if (travel.type === 'matrix') {
    const updates = events.travelUpdates ?? [];
    if (updates.length === 0) return { problem: reduced, report: { mode: 'unchanged', changedPairs: 0 } };
    const size = travel.size;
    const durations = Float64Array.from(travel.durations as ArrayLike<number>);
    const distances = Float64Array.from((travel.distances ?? travel.durations) as ArrayLike<number>);
    let changedPairs = 0;
    for (const u of updates) {
      const k = u.from * size + u.to;
      const before = [durations[k], distances[k]];
      if (u.duration !== undefined) durations[k] = u.duration;
      if (u.distance !== undefined) distances[k] = u.distance;
      if (durations[k] !== before[0] || distances[k] !== before[1]) changedPairs++;
    }
    const next: MatrixTravel = { ...travel, durations, distances };
    return { problem: { ...reduced, travel: next }, report: { mode: 'matrix-updates', changedPairs } };
  }
  if (travel.type !== 'network') return { problem: reduced, report: { mode: 'unchanged', changedPairs: 0 } };

  const base = travel.network as DerivableNetwork;
  let network: DerivableNetwork = base;
  if (events.closures && events.closures.length > 0) {
    if (typeof network.withClosures !== 'function') throw new VrpkitError('travel', 'the road network cannot close arcs (no withClosures)', '/closures');
    network = network.withClosures(events.closures);
  }
  if (events.speedFactors !== undefined) {
    if (typeof network.withSpeedFactors !== 'function') throw new VrpkitError('travel', 'the road network cannot slow arcs (no withSpeedFactors)', '/speedFactors');
    network = network.withSpeedFactors(events.speedFactors);
  }

  // Index every point: the problem's points keep their indices, new ones follow.
  const points: Point[] = [...(travel.points ?? [])];
  const byKey = new Map<string, number>();
  const key = (p: Point) => (Array.isArray(p) ? `c${p[0]},${p[1]}` : `n${typeof p}:${p}`);
  points.forEach((p, i) => {
    if (!byKey.has(key(p))) byKey.set(key(p), i);
  });
  const index = (loc: Location): number => {
    if (typeof loc === 'number') return loc;
    const k = key(loc);
    let i = byKey.get(k);
    if (i === undefined) {
      i = points.length;
      points.push(loc);
      byKey.set(k, i);
    }
    return i;
  };
  const jobs = reduced.jobs.map((j) => ({ ...j, location: index(j.location) }));
  const vehicles = reduced.vehicles.map((v) => {
    const out = { ...v };
    if (v.start !== undefined) out.start = index(v.start);
    if (v.end !== undefined) out.end = index(v.end);
    return out;
  });
  const size = points.length;
  const changed = network !== base;
  const { durations, distances, report } = networkMatrix(base, network, points, changed, baseMatrix, travel.points?.length ?? 0);
  const coordinates = points.every((p) => Array.isArray(p)) ? (points as [number, number][]).map((p) => [p[0], p[1]] as [number, number]) : undefined;
  const next: MatrixTravel = { type: 'matrix', size, durations, distances, ...(coordinates ? { coordinates } : {}) };
  return { problem: { ...reduced, jobs, vehicles, travel: next }, report, network };
}

function networkMatrix(
  base: DerivableNetwork,
  network: DerivableNetwork,
  points: Point[],
  changed: boolean,
  baseMatrix: BaseMatrix | undefined,
  baseCount: number,
): { durations: Float64Array; distances: Float64Array; report: TravelReport } {
  const size = points.length;
  const full = (note?: string) => {
    const m = network.travelMatrix(points);
    let changedPairs = 0;
    if (changed && baseMatrix) {
      for (let i = 0; i < baseCount; i++) {
        for (let j = 0; j < baseCount; j++) {
          const k = i * size + j;
          const b = i * baseCount + j;
          if (m.durations[k] !== baseMatrix.durations[b] || m.distances[k] !== baseMatrix.distances[b]) changedPairs++;
        }
      }
    }
    const report: TravelReport = { mode: changed ? 'network-full' : 'unchanged', changedPairs, rowsComputed: size };
    if (note) report.note = note;
    return { durations: m.durations, distances: m.distances, report };
  };
  if (!changed) return full();
  if (!baseMatrix) return full('no base matrix given: computed the whole matrix on the derived network once');
  void base;
  return full('affected-rows recomputation is not available for this network');
}
