/**
 * RoadNetwork as the solver sees it: a `TravelProvider` behind `travel.type =
 * 'network'`. The independent checker re-derives a hand-made plan's distance
 * and duration from the network's travel matrix; they must equal the sums of
 * single shortest-path queries along the route.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadNetworkFile } from '../../src/io/network-files.js';
import { checkSolution } from '../../src/model/check.js';
import { resolveTravel } from '../../src/model/travel.js';
import type { Problem } from '../../src/model/types.js';

const net = loadNetworkFile(join(__dirname, '../../fixtures/network/andorra-la-vella.gr.gz'));

describe('RoadNetwork as a TravelProvider', () => {
  const depot: [number, number] = [1.5215, 42.5065];
  const stops: [number, number][] = [
    [1.533232, 42.509838],
    [1.527187, 42.508174],
    [1.539044, 42.512416],
  ];
  const problem: Problem = {
    jobs: stops.map((location, i) => ({ id: `j${i}`, location, serviceDuration: 60 })),
    vehicles: [{ id: 'van', start: depot, end: depot }],
    travel: { type: 'network', network: net, points: [depot, ...stops] },
  };

  it('resolveTravel gets the fastest-path seconds and their metres, snapped', () => {
    const travel = resolveTravel(problem);
    expect(travel.size).toBe(4);
    const nodes = [depot, ...stops].map(([lon, lat]) => net.nearestNode(lon, lat).node);
    // Location index of the depot and of each stop, as resolveTravel numbered them.
    const index = [travel.vehicleStart[0], ...Array.from(travel.jobLocation)];
    for (let a = 0; a < 4; a++) {
      for (let b = 0; b < 4; b++) {
        const p = net.shortestPath(nodes[a], nodes[b], { metric: 'duration', algorithm: 'dijkstra' });
        expect(travel.duration(index[a], index[b])).toBeCloseTo(p.duration, 9);
        expect(travel.distance(index[a], index[b])).toBeCloseTo(p.distance, 6);
      }
    }
  });

  it('checkSolution re-derives a route on the road network', () => {
    const plan = { routes: [{ vehicle: 'van', steps: [{ type: 'start' as const }, { type: 'job' as const, id: 'j2' }, { type: 'job' as const, id: 'j0' }, { type: 'job' as const, id: 'j1' }, { type: 'end' as const }] }], unassigned: [] };
    const report = checkSolution(problem, plan);
    expect(report.feasible).toBe(true);
    const order = [depot, stops[2], stops[0], stops[1], depot].map(([lon, lat]) => net.nearestNode(lon, lat).node);
    let distance = 0;
    let duration = 0;
    for (let i = 0; i + 1 < order.length; i++) {
      const p = net.shortestPath(order[i], order[i + 1], { metric: 'duration' });
      distance += p.distance;
      duration += p.duration;
    }
    expect(report.summary.distance).toBeCloseTo(distance, 6);
    expect(report.summary.duration).toBeCloseTo(duration + 3 * 60, 6);
  });
});
