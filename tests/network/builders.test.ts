/** Builders (DIMACS, graphology, edge lists, GeoJSON), units, snapping and input errors. */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import Graph from 'graphology';
import { RoadNetwork } from '../../src/network/index.js';
import { haversineMetres } from '../../src/geo/haversine.js';
import { VrpkitError } from '../../src/core/errors.js';

/** Runs `fn` and returns the VrpkitError it throws (fails the test otherwise). */
function errorOf(fn: () => unknown): VrpkitError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(VrpkitError);
    return e as VrpkitError;
  }
  throw new Error('expected a VrpkitError');
}

const GR = `c tiny
p sp 4 5
a 1 2 10
a 2 3 10
a 1 3 25
a 3 4 5
a 4 1 1
`;
const CO = `p aux sp co 4
v 1 1500000 42500000
v 2 1500100 42500000
v 3 1500200 42500000
v 4 1500300 42500000
`;

describe('DIMACS', () => {
  it('reads text and gzip bytes alike; ids are the 1-based DIMACS numbers', () => {
    for (const net of [RoadNetwork.fromDimacs(GR, CO), RoadNetwork.fromDimacs(gzipSync(new TextEncoder().encode(GR)), gzipSync(new TextEncoder().encode(CO)))]) {
      expect(net.nodeCount).toBe(4);
      expect(net.arcCount).toBe(5);
      const p = net.shortestPath(1, 4, { algorithm: 'dijkstra' });
      expect(p).toMatchObject({ reachable: true, distance: 25, nodes: [1, 2, 3, 4] });
      expect(net.shortestPath(4, 3)).toMatchObject({ distance: 21, nodes: [4, 1, 2, 3] });
      expect(net.coordinatesOf(2)).toEqual([1.5001, 42.5]);
      expect(net.hasNode(0)).toBe(false);
      expect(net.hasNode('4')).toBe(true);
    }
  });

  it('converts units once: decimetres → metres, durations from the speed', () => {
    const net = RoadNetwork.fromDimacs(GR, null, { metresPerUnit: 0.1, speedKmh: 36 });
    const p = net.shortestPath(1, 4);
    expect(p.distance).toBe(2.5);
    expect(p.duration).toBeCloseTo(0.25, 12);
    expect(net.hasCoordinates).toBe(false);
  });

  it('accepts decimal weights, CRLF line ends and blank lines', () => {
    const net = RoadNetwork.fromDimacs('p sp 3 2\r\n\r\na 1 2 2.5\r\na 2 3 1e1\r\n');
    expect(net.shortestPath(1, 3)).toMatchObject({ distance: 12.5, nodes: [1, 2, 3] });
  });

  it('reports malformed lines with their line number', () => {
    const cases: [string, string, RegExp][] = [
      ['p sp 2 1\na 1 x 3\n', 'gr:2', /missing head|not a number/],
      ['p sp 2 1\na 1 3 3\n', 'gr:2', /head 3 is not a node id/],
      ['a 1 2 3\np sp 2 1\n', 'gr:1', /before the 'p sp' line/],
      ['p sp 2 1\na 1 2 3 4\n', 'gr:2', /end of the line/],
      ['p sp 2 1\nx 1 2\n', 'gr:2', /unknown line type/],
      ['p sp 2 1\n\na 1 2 3\na 2 1 3\n', 'gr:4', /more arcs than/],
      ['p max 2 1\n', 'gr:1', /expected 'p sp/],
    ];
    for (const [text, where, message] of cases) {
      const e = errorOf(() => RoadNetwork.fromDimacs(text));
      expect(e.code).toBe('dimacs-syntax');
      expect(e.pointer).toBe(where);
      expect(e.message).toMatch(message);
    }
    expect(errorOf(() => RoadNetwork.fromDimacs('p sp 2 1\na 1 2 -3\n'))).toMatchObject({ code: 'negative-weight', pointer: 'gr:2' });
    expect(errorOf(() => RoadNetwork.fromDimacs('p sp 0 0\n')).code).toBe('empty-network');
    expect(errorOf(() => RoadNetwork.fromDimacs('p sp 2 2\na 1 2 3\nc room for a second arc line\n')).message).toMatch(/announces 2 arcs but 1/);
    expect(errorOf(() => RoadNetwork.fromDimacs('p sp 2 2\na 1 2 3\n')).message).toMatch(/announces 2 arcs, but the rest of the file can hold at most 1/);
    expect(errorOf(() => RoadNetwork.fromDimacs(GR, 'p aux sp co 4\nv 9 1 1\n'))).toMatchObject({ code: 'dimacs-syntax', pointer: 'co:2' });
    expect(errorOf(() => RoadNetwork.fromDimacs(GR, 'p aux sp co 3\n')).pointer).toBe('co:1');
  });
});

describe('graphology', () => {
  it('handles mixed graphs, weight functions, durations and coordinates', () => {
    const g = new Graph({ type: 'mixed' });
    g.addNode('a', { x: 1.5, y: 42.5 });
    g.addNode('b', { x: 1.501, y: 42.5 });
    g.addNode('c', { x: 1.502, y: 42.5 });
    g.addDirectedEdge('a', 'b', { len: 100, secs: 5 });
    g.addUndirectedEdge('b', 'c', { len: 50, secs: 20 });
    g.addDirectedEdge('c', 'a', { len: 400, secs: 1 });
    const net = RoadNetwork.fromGraphology(g, { weight: 'len', duration: 'secs', coordinates: ['x', 'y'] });
    expect(net.arcCount).toBe(4);
    expect(net.shortestPath('a', 'c')).toMatchObject({ distance: 150, duration: 25, nodes: ['a', 'b', 'c'] });
    expect(net.shortestPath('c', 'b')).toMatchObject({ distance: 50, nodes: ['c', 'b'] });
    expect(net.shortestPath('b', 'a', { metric: 'duration' })).toMatchObject({ duration: 21, distance: 450, nodes: ['b', 'c', 'a'] });
    const byFn = RoadNetwork.fromGraphology(g, { weight: (_e, attrs) => attrs.len * 2 });
    expect(byFn.shortestPath('a', 'c', { algorithm: 'bidirectional' }).distance).toBe(300);
    expect(net.nearestNode(1.5019, 42.5001).node).toBe('c');
  });

  it('defaults missing weights to 1 but rejects a named attribute that is missing, negative or NaN', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b');
    expect(RoadNetwork.fromGraphology(g).shortestPath('a', 'b').distance).toBe(1);
    expect(errorOf(() => RoadNetwork.fromGraphology(g, { weight: 'len' })).code).toBe('missing-weight');
    g.setEdgeAttribute(g.edge('a', 'b')!, 'weight', -1);
    expect(errorOf(() => RoadNetwork.fromGraphology(g))).toMatchObject({ code: 'negative-weight' });
    g.setEdgeAttribute(g.edge('a', 'b')!, 'weight', NaN);
    expect(errorOf(() => RoadNetwork.fromGraphology(g)).code).toBe('invalid-weight');
    expect(errorOf(() => RoadNetwork.fromGraphology(new Graph())).code).toBe('empty-network');
  });
});

describe('edge lists', () => {
  it('accepts typed arrays, per-edge oneway and isolated nodes', () => {
    const net = RoadNetwork.fromEdges(
      { from: Int32Array.of(1, 2), to: Int32Array.of(2, 3), distance: Float64Array.of(7, 8), oneway: [1, 0], nodes: [1, 2, 3, 99] },
      { directed: false },
    );
    expect(net.nodeCount).toBe(4);
    expect(net.arcCount).toBe(3);
    expect(net.shortestPath(1, 3).distance).toBe(15);
    expect(net.shortestPath(3, 1).reachable).toBe(false);
    expect(net.shortestPath(3, 2).distance).toBe(8);
    expect(net.shortestPath(99, 1)).toMatchObject({ reachable: false, distance: Infinity, duration: Infinity, nodes: [] });
    expect(net.shortestPath(99, 99)).toMatchObject({ reachable: true, distance: 0, nodes: [99] });
  });

  it('names bad input precisely', () => {
    expect(errorOf(() => RoadNetwork.fromEdges({ from: [1], to: [2], distance: [NaN] }))).toMatchObject({ code: 'invalid-weight', pointer: '/edges/distance/0' });
    expect(errorOf(() => RoadNetwork.fromEdges({ from: [1, 2], to: [2], distance: [1, 1] }))).toMatchObject({ code: 'length-mismatch' });
    expect(errorOf(() => RoadNetwork.fromEdges({ from: [1], to: [5], distance: [1], nodes: [1, 2] }))).toMatchObject({ code: 'unknown-node', pointer: '/edges/to/0' });
    expect(errorOf(() => RoadNetwork.fromEdges({ from: [], to: [], distance: [] })).code).toBe('empty-network');
    const net = RoadNetwork.fromEdges({ from: ['a'], to: ['b'], distance: [3] });
    expect(errorOf(() => net.shortestPath('a', 'zz'))).toMatchObject({ code: 'unknown-node', pointer: 'target' });
    expect(errorOf(() => net.matrix(['a', 'q']))).toMatchObject({ code: 'unknown-node', pointer: '/sources/1' });
    expect(errorOf(() => net.nearestNode(0, 0)).code).toBe('no-coordinates');
    expect(errorOf(() => net.withClosures([['b', 'a']])).code).toBe('unknown-arc');
    expect(errorOf(() => net.withSpeedFactors([{ from: 'a', to: 'b', factor: 0 }]))).toMatchObject({ code: 'invalid-factor', pointer: '/factors/0/factor' });
    expect(errorOf(() => net.shortestPath('a', 'b', { algorithm: 'nope' as 'astar' })).code).toBe('invalid-option');
    expect(errorOf(() => RoadNetwork.fromEdges({ from: [1], to: [2], distance: [1] }, { metresPerUnit: -1 })).code).toBe('invalid-option');
  });
});

describe('GeoJSON', () => {
  const road = (coords: [number, number][], properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: coords } });
  const A: [number, number] = [1.5, 42.5];
  const B: [number, number] = [1.501, 42.5];
  const C: [number, number] = [1.501, 42.501];
  const D: [number, number] = [1.5, 42.501];

  it('joins roads at shared coordinates, measures length on the sphere and honours oneway (incl. -1)', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        road([A, B], { oneway: 'yes', maxspeed: '36' }),
        road([B, C], { oneway: -1 }),
        road([C, D, A], { maxspeed: '30 mph' }),
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: A } },
      ],
    };
    const net = RoadNetwork.fromGeoJSON(fc);
    expect(net.nodeCount).toBe(4);
    expect(net.arcCount).toBe(1 + 1 + 4);
    const ab = haversineMetres(...A, ...B);
    const ad = haversineMetres(...A, ...D);
    const dc = haversineMetres(...D, ...C);
    const bc = haversineMetres(...B, ...C);
    // Ids are 0-based in order of first appearance: A=0, B=1, C=2, D=3.
    expect(net.shortestPath(0, 1)).toMatchObject({ distance: ab, nodes: [0, 1] });
    expect(net.shortestPath(0, 1).duration).toBeCloseTo(ab / 10, 9);
    // B is a dead end: A→B is one-way, and B–C is one-way against its drawing (C→B).
    expect(net.shortestPath(1, 0).reachable).toBe(false);
    expect(net.shortestPath(2, 1)).toMatchObject({ distance: bc, nodes: [2, 1] });
    expect(net.shortestPath(2, 0)).toMatchObject({ distance: dc + ad, nodes: [2, 3, 0] });
    expect(net.shortestPath(0, 2, { algorithm: 'dijkstra' })).toMatchObject({ distance: ad + dc, nodes: [0, 3, 2] });
    expect(net.shortestPath(0, 2, { algorithm: 'dijkstra' }).duration).toBeCloseTo((ad + dc) / ((30 * 1.609344) / 3.6), 9);
    expect(net.nearestNode(1.50099, 42.50099).node).toBe(2);
  });

  it('reads MultiLineStrings and rejects bad coordinates with a JSON pointer', () => {
    const net = RoadNetwork.fromGeoJSON({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: null, geometry: { type: 'MultiLineString', coordinates: [[A, B], [B, C]] } }] });
    expect(net.shortestPath(0, 2).distance).toBeCloseTo(haversineMetres(...A, ...B) + haversineMetres(...B, ...C), 9);
    const bad = { type: 'FeatureCollection', features: [road([A, B]), road([A, [200, 1]])] };
    expect(errorOf(() => RoadNetwork.fromGeoJSON(bad))).toMatchObject({ code: 'invalid-coordinates', pointer: '/features/1/geometry/coordinates/1' });
    expect(errorOf(() => RoadNetwork.fromGeoJSON({ type: 'FeatureCollection', features: [] })).code).toBe('empty-network');
    expect(errorOf(() => RoadNetwork.fromGeoJSON({ nope: 1 })).code).toBe('invalid-geojson');
  });
});

describe('snapping and travelMatrix', () => {
  it('snaps [lon, lat] points, accepts node ids, and rejects bad points', () => {
    const net = RoadNetwork.fromDimacs(GR, CO);
    expect(net.nearestNodes([[1.50021, 42.5], [1.49, 42.5]]).map((s) => s.node)).toEqual([3, 1]);
    expect(net.nearestNode(1.5, 42.5)).toEqual({ node: 1, distance: 0 });
    const m = net.travelMatrix([[1.5, 42.5], 4]);
    expect(Array.from(m.distances)).toEqual([0, 25, 1, 0]);
    expect(errorOf(() => net.travelMatrix([[1.5, 95]]))).toMatchObject({ code: 'invalid-coordinates', pointer: '/points/0' });
    expect(errorOf(() => net.travelMatrix([1, 7]))).toMatchObject({ code: 'unknown-node', pointer: '/points/1' });
  });
});
