/**
 * A solution as a GeoJSON FeatureCollection, for maps (geojson.io, QGIS,
 * Leaflet): one LineString per route (start → stops → end; on a road network
 * it follows the fastest path of every leg, `properties.geometry: 'road'`,
 * otherwise straight segments between stops, `'straight'`), one Point per
 * served stop with its times (`kind: 'job'`, or `kind: 'stop'` with the step's
 * `type` for other step types), one Point per unassigned job with its reason,
 * and one Point per distinct depot. Meaningful for `[lon, lat]` locations
 * (haversine and road networks); for plane coordinates it still gives a valid
 * drawing. Locations without known coordinates (matrix travel without
 * `coordinates`) are left out.
 */
import type { Id, Location, Problem, Solution } from '../model/types.js';
import { RouteGeometry, locationPosition as positionOf, type Position } from './route-geometry.js';

export interface GeoJsonFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: Position } | { type: 'LineString'; coordinates: Position[] };
  properties: Record<string, unknown>;
}

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
}

export interface SolutionGeoJsonOptions {
  /** Follow the roads on a road network (one shortest path per leg). Default true; false draws straight legs. */
  roads?: boolean;
}

/** The coordinates of a location under the problem's travel, when known. */
export function locationPosition(problem: Problem, location: Location | undefined): Position | undefined {
  return positionOf(problem, location);
}

/** Builds the FeatureCollection of a solution (see the module comment). */
export function solutionToGeoJson(problem: Problem, solution: Solution, options: SolutionGeoJsonOptions = {}): GeoJsonFeatureCollection {
  const jobs = new Map<Id, Location>(problem.jobs.map((j) => [j.id, j.location]));
  const vehicles = new Map(problem.vehicles.map((v) => [v.id, v]));
  const geometry = new RouteGeometry(problem, options);
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
    addDepot(positionOf(problem, vehicle?.start, geometry.network), route.vehicle);
    let sequence = 0;
    const at = new Map(geometry.stops(route.vehicle, route.steps).map((s) => [s.step, s.at]));
    route.steps.forEach((step, i) => {
      if (step.type === 'start' || step.type === 'end') return;
      sequence++;
      const position = at.get(i);
      if (!position) return;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: position },
        properties: {
          kind: step.type === 'job' ? 'job' : 'stop',
          ...(step.type === 'job' ? {} : { type: step.type }),
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
    });
    addDepot(positionOf(problem, vehicle?.end, geometry.network), route.vehicle);
    const line = geometry.line(route.vehicle, route.steps);
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
          geometry: geometry.followsRoads ? 'road' : 'straight',
        },
      });
    }
  });

  for (const u of solution.unassigned) {
    const at = positionOf(problem, jobs.get(u.id), geometry.network);
    if (!at) continue;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { kind: 'unassigned', id: u.id, reason: u.reason } });
  }
  for (const d of depots.values()) {
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: d.at }, properties: { kind: 'depot', vehicles: d.vehicles } });
  }
  return { type: 'FeatureCollection', features };
}
