/**
 * Where a route goes, as a polyline of `[x, y]` / `[lon, lat]` positions, for
 * maps (GeoJSON, the HTML report). On a road network (`travel.type:
 * 'network'` with a network that can give paths and node coordinates, such as
 * `RoadNetwork`) each leg follows the fastest path between the two stops'
 * nodes — the same paths the travel matrix was built from; otherwise legs are
 * straight lines between stops.
 *
 * Steps of any type are drawn: a step's position is its `location`, else its
 * job's location (by id), else the vehicle's start/end for `start`/`end`;
 * steps without any location (a break) are skipped.
 */
import type { Id, Job, Location, PlanStep, Problem, Step, Vehicle } from '../model/types.js';

export type Position = [number, number];
type NodeId = number | string;

/** What road geometry needs from a network (a `RoadNetwork` has all three). */
export interface RoadGeometrySource {
  shortestPath(source: NodeId, target: NodeId, options?: { metric?: 'distance' | 'duration' }): { reachable: boolean; nodes: NodeId[] };
  nearestNode(lon: number, lat: number): { node: NodeId };
  coordinatesOf(id: NodeId): [number, number] | undefined;
}

/** The road network of a problem, when its travel is one that can draw paths. */
export function roadGeometryOf(problem: Problem): RoadGeometrySource | undefined {
  if (problem.travel.type !== 'network') return undefined;
  const n = problem.travel.network as unknown as Partial<RoadGeometrySource> | undefined;
  if (!n || typeof n.shortestPath !== 'function' || typeof n.nearestNode !== 'function' || typeof n.coordinatesOf !== 'function') return undefined;
  return n as RoadGeometrySource;
}

/** The coordinates of a location under the problem's travel, when known (node ids: through the network). */
export function locationPosition(problem: Problem, location: Location | undefined, roads?: RoadGeometrySource): Position | undefined {
  if (location === undefined) return undefined;
  if (Array.isArray(location)) return [location[0], location[1]];
  const travel = problem.travel;
  if (travel.type === 'network') {
    const p = travel.points?.[location];
    if (Array.isArray(p)) return [p[0], p[1]];
    if (p !== undefined && roads) return safe(() => roads.coordinatesOf(p));
    return undefined;
  }
  const c = travel.coordinates?.[location];
  return c ? [c[0], c[1]] : undefined;
}

/** The problem location of a step (see the module comment), or undefined. */
export function stepLocation(step: Step | PlanStep, vehicle: Vehicle | undefined, jobs: ReadonlyMap<Id, Job>): Location | undefined {
  if (step.location !== undefined) return step.location;
  if (step.type === 'start') return vehicle?.start;
  if (step.type === 'end') return vehicle?.end;
  return step.id === undefined ? undefined : jobs.get(step.id)?.location;
}

/** Draws route lines for one problem; caches snapped nodes and legs (depot legs repeat). */
export class RouteGeometry {
  /** The problem's road network when it can give node coordinates and paths (positions of node-id locations). */
  readonly network: RoadGeometrySource | undefined;
  /** The network legs follow; undefined for straight legs. */
  readonly roads: RoadGeometrySource | undefined;
  private readonly jobs: Map<Id, Job>;
  private readonly vehicles: Map<Id, Vehicle>;
  private readonly nodes = new Map<string, NodeId | null>();
  private readonly legs = new Map<string, Position[] | null>();

  /** `roads: false` draws straight legs even on a road network. */
  constructor(
    private readonly problem: Problem,
    options: { roads?: boolean } = {},
  ) {
    this.network = roadGeometryOf(problem);
    this.roads = options.roads === false ? undefined : this.network;
    this.jobs = new Map(problem.jobs.map((j) => [j.id, j]));
    this.vehicles = new Map(problem.vehicles.map((v) => [v.id, v]));
  }

  /** Whether legs follow roads. */
  get followsRoads(): boolean {
    return this.roads !== undefined;
  }

  /** The positions of a route's steps that have one, with the step index. */
  stops(vehicle: Id, steps: readonly (Step | PlanStep)[]): { step: number; location: Location; at: Position }[] {
    const v = this.vehicles.get(vehicle);
    const out: { step: number; location: Location; at: Position }[] = [];
    steps.forEach((s, i) => {
      const location = stepLocation(s, v, this.jobs);
      const at = locationPosition(this.problem, location, this.network);
      if (location !== undefined && at) out.push({ step: i, location, at });
    });
    return out;
  }

  /** The polyline of a route: stop to stop, along the roads when the travel is a road network. */
  line(vehicle: Id, steps: readonly (Step | PlanStep)[]): Position[] {
    const stops = this.stops(vehicle, steps);
    const line: Position[] = [];
    const push = (p: Position) => {
      const last = line[line.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) line.push(p);
    };
    for (let i = 0; i < stops.length; i++) {
      if (i > 0 && this.roads) for (const p of this.leg(stops[i - 1].location, stops[i].location) ?? []) push(p);
      push(stops[i].at);
    }
    return line;
  }

  /** The node positions of the fastest path between two locations (without the stops themselves). */
  private leg(from: Location, to: Location): Position[] | undefined {
    const key = `${keyOf(from)}>${keyOf(to)}`;
    if (this.legs.has(key)) return this.legs.get(key) ?? undefined;
    const roads = this.roads!;
    const a = this.node(from);
    const b = this.node(to);
    let positions: Position[] | null = null;
    if (a !== null && b !== null) {
      const path = safe(() => roads.shortestPath(a, b, { metric: 'duration' }));
      if (path?.reachable) {
        positions = [];
        for (const id of path.nodes) {
          const c = safe(() => roads.coordinatesOf(id));
          if (c) positions.push([c[0], c[1]]);
        }
      }
    }
    this.legs.set(key, positions);
    return positions ?? undefined;
  }

  /** The network node a location stands for: a node id of `travel.points`, or the node nearest a pair. */
  private node(location: Location): NodeId | null {
    const key = keyOf(location);
    const cached = this.nodes.get(key);
    if (cached !== undefined) return cached;
    const roads = this.roads!;
    const travel = this.problem.travel;
    const point = typeof location === 'number' && travel.type === 'network' ? travel.points?.[location] : location;
    let node: NodeId | null = null;
    if (Array.isArray(point)) node = safe(() => roads.nearestNode(point[0], point[1]).node) ?? null;
    else if (point !== undefined) node = point;
    this.nodes.set(key, node);
    return node;
  }
}

function keyOf(location: Location): string {
  return Array.isArray(location) ? `${location[0]},${location[1]}` : `#${location}`;
}

/** Runs a network query; a node the network does not know gives undefined instead of an exception. */
function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
