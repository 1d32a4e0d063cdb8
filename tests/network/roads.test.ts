/**
 * Exact checks against the shared OSM road graphs' reference queries
 * (`<shared>/roads/*.queries.tsv`, distances in decimetres computed with
 * Dijkstra). The shared folder is `$VRPKIT_SHARED` or `../shared` next to the
 * repository; without it these tests are skipped with a message.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RoadNetwork } from '../../src/network/index.js';
import { sharedAvailable } from '../io/shared.js';

const shared = process.env.VRPKIT_SHARED ?? resolve(__dirname, '../../../shared');
const roads = join(shared, 'roads');
const graphs = ['andorra', 'liechtenstein', ...(process.env.VRPKIT_TEST_PORTO ? ['porto'] : [])];
const have = sharedAvailable(roads, 'the shared road graphs');

function queries(name: string): [number, number, number][] {
  return readFileSync(join(roads, `OSM-road-d.${name}.queries.tsv`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map(Number) as [number, number, number]);
}

describe.skipIf(!have).each(graphs)('OSM road graph %s', (name) => {
  const base = join(roads, `OSM-road-d.${name}`);
  // Weights as in the file (decimetres), as the reference distances are: override the unit the comments announce.
  const net = RoadNetwork.fromDimacs(readFileSync(`${base}.gr.gz`), readFileSync(`${base}.co.gz`), { metresPerUnit: 1 });
  const qs = queries(name);

  it('parses the whole graph with coordinates and fits the memory budget', () => {
    expect(net.hasCoordinates).toBe(true);
    expect(net.nodeCount).toBeGreaterThan(20000);
    const mem = net.memory();
    expect(mem.bytesPerArc).toBeLessThanOrEqual(40);
    expect(mem.bytesPerNode).toBeLessThanOrEqual(40);
  });

  it.each(['dijkstra', 'astar', 'bidirectional', 'bidirectional-astar', 'contracted'] as const)('%s reproduces every reference distance exactly', (algorithm) => {
    for (const [s, t, d] of qs) {
      const r = net.shortestPath(s, t, { algorithm });
      expect(r.reachable).toBe(true);
      expect(r.distance, `${s} -> ${t}`).toBe(d);
      expect(r.nodes[0]).toBe(s);
      expect(r.nodes[r.nodes.length - 1]).toBe(t);
    }
  });

  it('matrix rows reproduce the reference distances (metres with metresPerUnit 0.1)', () => {
    const metres = RoadNetwork.fromDimacs(readFileSync(`${base}.gr.gz`), readFileSync(`${base}.co.gz`), { metresPerUnit: 0.1 });
    const m = metres.matrix(qs.map((q) => q[0]), qs.map((q) => q[1]), { metric: 'distance' });
    qs.forEach(([, , d], i) => expect(m.distances![i * qs.length + i]).toBe(d / 10));
    expect(m.unreachable).toEqual([]);
    // Durations at the default 50 km/h follow the distances.
    const both = metres.matrix([qs[0][0]], [qs[0][1]], { metric: 'both' });
    expect(both.durations![0]).toBeCloseTo(qs[0][2] / 10 / (50 / 3.6), 6);
  });

  it('snaps every node coordinate back to its own node', () => {
    for (const [s] of qs) {
      const [lon, lat] = net.coordinatesOf(s)!;
      const hit = net.nearestNode(lon, lat);
      expect(hit.distance).toBe(0);
      expect(net.coordinatesOf(hit.node)).toEqual([lon, lat]);
    }
  });
});
