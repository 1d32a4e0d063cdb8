/**
 * A solution as a GeoJSON FeatureCollection, for maps (geojson.io, QGIS,
 * Leaflet): one LineString per route (start → jobs → end, straight segments
 * between stops — not the road geometry), one Point per served job with its
 * times, one Point per unassigned job with its reason, and one Point per
 * distinct depot. Meaningful for `[lon, lat]` locations (haversine and road
 * networks given as lon/lat points); for plane coordinates it still gives a
 * valid drawing. Locations without known coordinates (matrix travel without
 * `coordinates`, road-network node ids) are left out.
 */
import type { Id, Location, Problem, Solution } from '../model/types.js';

type Position = [number, number];

export interface GeoJsonFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: Position } | { type: 'LineString'; coordinates: Position[] };
  properties: Record<string, unknown>;
}

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
}

/** The coordinates of a location under the problem's travel, when known. */
export function locationPosition(problem: Problem, location: Location | undefined): Position | undefined {
  if (location === undefined) return undefined;
  if (Array.isArray(location)) return [location[0], location[1]];
  const travel = problem.travel;
  if (travel.type === 'network') {
    const p = travel.points?.[location];
    return Array.isArray(p) ? [p[0], p[1]] : undefined;
  }
  const c = travel.coordinates?.[location];
  return c ? [c[0], c[1]] : undefined;
}

/** Builds the FeatureCollection of a solution (see the module comment). */
export function solutionToGeoJson(problem: Problem, solution: Solution): GeoJsonFeatureCollection {
  const jobs = new Map<Id, Location>(problem.jobs.map((j) => [j.id, j.location]));
  const vehicles = new Map(problem.vehicles.map((v) => [v.id, v]));
  const features: GeoJsonFeature[] = [];
  const depots = new Map<string, { at: Position; vehicles: Id[] }>();
  const addDepot = (at: Position | undefined, vehicle: Id) => {
    if (!at) return;
    const key = `${at[0]},${at[1]}`;
    const d = depots.get(key);
    if (d) {
      if (!d.vehicles.includes(vehicle)) d.vehicles.push(vehicle);
    } else depots.set(key, { at, vehicles: [vehicle] });
  };

  solution.routes.forEach((route, r) => {
    const vehicle = vehicles.get(route.vehicle);
    const line: Position[] = [];
    const start = locationPosition(problem, vehicle?.start);
    const end = locationPosition(problem, vehicle?.end);
    if (start) line.push(start);
    addDepot(start, route.vehicle);
    let sequence = 0;
    for (const step of route.steps) {
      if (step.type !== 'job') continue;
      sequence++;
      const at = locationPosition(problem, jobs.get(step.id as Id));
      if (!at) continue;
      line.push(at);
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: at },
        properties: {
          kind: 'job',
          id: step.id,
          vehicle: route.vehicle,
          route: r,
          sequence,
          arrival: step.arrival,
          waiting: step.waiting,
          serviceStart: step.serviceStart,
          departure: step.departure,
          load: step.load,
        },
      });
    }
    if (end) line.push(end);
    addDepot(end, route.vehicle);
    if (line.length >= 2) {
      features.unshift({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: line },
        properties: {
          kind: 'route',
          vehicle: route.vehicle,
          route: r,
          stops: sequence,
          cost: route.cost,
          distance: route.distance,
          duration: route.duration,
        },
      });
    }
  });

  for (const u of solution.unassigned) {
    const at = locationPosition(problem, jobs.get(u.id));
    if (!at) continue;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { kind: 'unassigned', id: u.id, reason: u.reason } });
  }
  for (const d of depots.values()) {
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: d.at }, properties: { kind: 'depot', vehicles: d.vehicles } });
  }
  return { type: 'FeatureCollection', features };
}
