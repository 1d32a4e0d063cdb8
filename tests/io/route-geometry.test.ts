import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadProblemFile } from '../../src/io/load.js';
import { loadNetworkFile } from '../../src/io/network-files.js';
import { solutionToGeoJson } from '../../src/io/solution-geojson.js';
import { RouteGeometry } from '../../src/io/route-geometry.js';
import { checkSolution } from '../../src/model/check.js';
import { haversineMetres } from '../../src/geo/haversine.js';
import { solve } from '../../src/solver/index.js';
import type { PlanStep, Problem } from '../../src/model/types.js';
import { RoadNetwork } from '../../src/network/road-network.js';
import { REPO_ROOT } from './shared.js';

const length = (line: [number, number][]) => line.slice(1).reduce((sum, p, i) => sum + haversineMetres(line[i][0], line[i][1], p[0], p[1]), 0);

describe('road geometry of routes', async () => {
  const { problem } = await loadProblemFile(join(REPO_ROOT, 'fixtures/andorra-deliveries.json'), { loadNetwork: (p) => loadNetworkFile(p) });
  const solution = await solve(problem, { maxIterations: 200, seed: 3 });

  it('GeoJSON route lines follow the fastest paths: road vertices are network nodes and the length matches the route distance', () => {
    expect(checkSolution(problem, solution).feasible).toBe(true);
    const network = loadNetworkFile(join(REPO_ROOT, 'fixtures/network/andorra-la-vella.gr.gz'));
    const nodeAt = new Set<string>();
    network.forEachArc((from) => {
      const c = network.coordinatesOf(from)!;
      nodeAt.add(`${c[0]},${c[1]}`);
    });
    const stopAt = new Set([...problem.jobs.map((j) => String(j.location)), ...problem.vehicles.map((v) => String(v.start))]);
    const roads = solutionToGeoJson(problem, solution).features.filter((f) => f.properties.kind === 'route');
    const straight = solutionToGeoJson(problem, solution, { roads: false }).features.filter((f) => f.properties.kind === 'route');
    expect(roads).toHaveLength(solution.routes.length);
    roads.forEach((f) => {
      const r = f.properties.route as number;
      const line = f.geometry.coordinates as [number, number][];
      const route = solution.routes[r];
      const legs = route.steps.length - 1;
      expect(f.properties.geometry).toBe('road');
      expect(line.length).toBeGreaterThan(3 * route.steps.length);
      for (const p of line) expect(nodeAt.has(`${p[0]},${p[1]}`) || stopAt.has(String(p))).toBe(true);
      // Each stop is at most ~30 m from its node (see fixtures/network/README.md).
      expect(length(line)).toBeGreaterThan(route.distance - 2 * 40 * legs);
      expect(length(line)).toBeLessThan(route.distance + 2 * 40 * legs);
      const other = straight.find((g) => g.properties.route === r)!;
      expect(length(other.geometry.coordinates as [number, number][])).toBeLessThan(length(line));
      expect(other.properties.geometry).toBe('straight');
    });
  });

  it('steps of types it does not know are drawn where they have a location; steps without one are skipped', () => {
    const route = solution.routes[0];
    const job = problem.jobs.find((j) => j.id === route.steps[1].id)!;
    const steps = [
      route.steps[0],
      { type: 'break', arrival: 1, waiting: 0, serviceStart: 1, departure: 2, load: [0], distance: 0 },
      { type: 'pickup', id: 'shipment-1', location: job.location, arrival: 3, waiting: 0, serviceStart: 3, departure: 4, load: [1], distance: 0 },
      route.steps[route.steps.length - 1],
    ] as unknown as typeof route.steps;
    const geometry = new RouteGeometry(problem as Problem);
    expect(geometry.stops(route.vehicle, steps).map((s) => s.step)).toEqual([0, 2, 3]);
    expect(geometry.line(route.vehicle, steps).length).toBeGreaterThan(3);
  });
});

describe('road geometry with node ids as locations', () => {
  // Three two-way roads A–B–C–D (no road D–A): from A to C the way is A, B, C; from D back to A it is D, C, B, A.
  const at = { A: [0, 0], B: [0.01, 0], C: [0.01, 0.01], D: [0, 0.01] } as const;
  const network = RoadNetwork.fromEdges(
    { from: ['A', 'B', 'C'], to: ['B', 'C', 'D'], distance: [1100, 1100, 1100], nodes: ['A', 'B', 'C', 'D'], coordinates: [at.A, at.B, at.C, at.D] },
    { directed: false },
  );
  const problem: Problem = {
    travel: { type: 'network', network, points: ['A', 'C', 'D'] },
    vehicles: [{ id: 'v', start: 0, end: 0 }],
    jobs: [
      { id: 'c', location: 1 },
      { id: 'd', location: 2 },
    ],
  };
  const steps: PlanStep[] = [{ type: 'start' }, { type: 'job', id: 'c' }, { type: 'job', id: 'd' }, { type: 'end' }];

  it('follows the node sequence of every leg', () => {
    expect(new RouteGeometry(problem).line('v', steps)).toEqual([at.A, at.B, at.C, at.D, at.C, at.B, at.A]);
    expect(new RouteGeometry(problem, { roads: false }).line('v', steps)).toEqual([at.A, at.C, at.D, at.A]);
  });
});
