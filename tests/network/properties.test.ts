/**
 * Properties on random graphs (directed and undirected, zero weights, self
 * loops, parallel arcs, disconnected parts): every algorithm agrees with
 * graphology-shortest-path and with an independent Floyd–Warshall; paths are
 * valid walks whose arc weights sum to the reported length; matrices equal
 * single queries; closures and speed factors behave like rebuilt graphs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Graph from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import { RoadNetwork } from '../../src/network/index.js';
import { haversineMetres } from '../../src/geo/haversine.js';
import { arcsOf, chainyGraph, cheapestArc, floydWarshall, randomGraph, type RandomGraph } from './reference.js';

const ALGORITHMS = ['dijkstra', 'astar', 'bidirectional', 'bidirectional-astar', 'contracted'] as const;

function build(g: RandomGraph): RoadNetwork {
  return RoadNetwork.fromEdges(
    {
      nodes: Array.from({ length: g.n }, (_, i) => i),
      coordinates: g.coords,
      from: g.edges.map((e) => e.from),
      to: Int32Array.from(g.edges, (e) => e.to),
      distance: Float64Array.from(g.edges, (e) => e.distance),
      duration: g.edges.map((e) => e.duration),
    },
    { directed: g.directed },
  );
}

function checkWalk(g: RandomGraph, nodes: (number | string)[], key: 'distance' | 'duration'): number {
  const arcs = arcsOf(g);
  let sum = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const w = cheapestArc(arcs, nodes[i] as number, nodes[i + 1] as number, key);
    expect(w, `arc ${nodes[i]} -> ${nodes[i + 1]} exists`).not.toBeUndefined();
    sum += w!;
  }
  return sum;
}

describe('shortest paths on random graphs', () => {
  it('every algorithm agrees with Floyd–Warshall and returns a valid walk of that length', () => {
    fc.assert(
      fc.property(fc.oneof(randomGraph(20), chainyGraph()), fc.boolean(), (g, byDuration) => {
        const net = build(g);
        const metric = byDuration ? 'duration' : 'distance';
        const ref = floydWarshall(g.n, arcsOf(g), metric);
        for (let s = 0; s < g.n; s++) {
          for (let t = 0; t < g.n; t++) {
            for (const algorithm of ALGORITHMS) {
              const r = net.shortestPath(s, t, { algorithm, metric });
              expect(r.reachable).toBe(ref[s][t] < Infinity);
              if (!r.reachable) {
                expect(r.distance).toBe(Infinity);
                expect(r.nodes).toEqual([]);
                continue;
              }
              expect(metric === 'distance' ? r.distance : r.duration).toBe(ref[s][t]);
              expect(r.nodes[0]).toBe(s);
              expect(r.nodes[r.nodes.length - 1]).toBe(t);
              expect(checkWalk(g, r.nodes, metric)).toBe(ref[s][t]);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('A* and bidirectional A* stay exact when distances follow the geometry', () => {
    fc.assert(
      fc.property(randomGraph(24, true), (g) => {
        const net = build(g);
        const ref = floydWarshall(g.n, arcsOf(g), 'distance');
        for (let s = 0; s < g.n; s++) {
          for (let t = 0; t < g.n; t++) {
            for (const algorithm of ['astar', 'bidirectional-astar', 'contracted'] as const) {
              const r = net.shortestPath(s, t, { algorithm });
              expect(r.distance).toBe(ref[s][t]);
              if (r.reachable) expect(checkWalk(g, r.nodes, 'distance')).toBe(ref[s][t]);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with graphology-shortest-path on graphology graphs', () => {
    fc.assert(
      fc.property(randomGraph(20), (g) => {
        const graph = new Graph({ type: g.directed ? 'directed' : 'undirected', multi: false });
        for (let i = 0; i < g.n; i++) graph.addNode(`n${i}`, { lon: g.coords[i][0], lat: g.coords[i][1] });
        for (const e of g.edges) {
          const u = `n${e.from}`;
          const v = `n${e.to}`;
          const existing = graph.edge(u, v);
          if (existing === undefined) graph.addEdge(u, v, { weight: e.distance, time: e.duration });
          else if (graph.getEdgeAttribute(existing, 'weight') > e.distance) graph.mergeEdgeAttributes(existing, { weight: e.distance, time: e.duration });
        }
        const net = RoadNetwork.fromGraphology(graph, { weight: 'weight', duration: 'time', coordinates: ['lon', 'lat'] });
        const pathWeight = (path: string[]): number => {
          let sum = 0;
          for (let i = 0; i + 1 < path.length; i++) sum += graph.getEdgeAttribute(graph.edge(path[i], path[i + 1])!, 'weight');
          return sum;
        };
        for (let s = 0; s < g.n; s++) {
          for (let t = 0; t < g.n; t++) {
            const path = dijkstra.bidirectional(graph, `n${s}`, `n${t}`, 'weight') as string[] | null;
            for (const algorithm of ALGORITHMS) {
              const r = net.shortestPath(`n${s}`, `n${t}`, { algorithm });
              if (path === null) expect(r.reachable).toBe(false);
              else {
                expect(r.reachable).toBe(true);
                expect(r.distance).toBe(pathWeight(path));
                expect(pathWeight(r.nodes as string[])).toBe(r.distance);
              }
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('one-to-many and matrices', () => {
  it('matrix entries (all metrics) equal single queries; unreachable pairs are Infinity and listed', () => {
    fc.assert(
      fc.property(fc.oneof(randomGraph(30), chainyGraph(10)), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (g, a, b) => {
        const net = build(g);
        const sources = a.map((x) => x % g.n);
        const targets = b.map((x) => x % g.n);
        const dist = net.matrix(sources, targets, { metric: 'distance' });
        const dur = net.matrix(sources, targets, { metric: 'duration' });
        const both = net.matrix(sources, targets, { metric: 'both' });
        const arcs = arcsOf(g);
        const unreachable: [number, number][] = [];
        sources.forEach((s, i) => {
          const one = net.distancesFrom(s, targets);
          targets.forEach((t, j) => {
            const k = i * targets.length + j;
            const byDistance = net.shortestPath(s, t, { algorithm: 'dijkstra' });
            const byDuration = net.shortestPath(s, t, { algorithm: 'dijkstra', metric: 'duration' });
            expect(dist.distances![k]).toBe(byDistance.distance);
            expect(one[j]).toBe(byDistance.distance);
            expect(dur.durations![k]).toBe(byDuration.duration);
            expect(both.durations![k]).toBe(byDuration.duration);
            if (!byDistance.reachable) unreachable.push([i, j]);
            else {
              // `both`: the distance of some fastest path; at least the shortest distance,
              // and exactly a walk's length (checked via the shortest-by-distance bound and FW).
              expect(both.distances![k]).toBeGreaterThanOrEqual(byDistance.distance);
              expect(Number.isFinite(both.distances![k])).toBe(true);
            }
          });
        });
        expect(dist.unreachable).toEqual(unreachable);
        expect(both.unreachable).toEqual(unreachable);
        void arcs;
      }),
      { numRuns: 150 },
    );
  });

  it('with durations proportional to distances, `both` distances equal shortest distances', () => {
    fc.assert(
      fc.property(fc.oneof(randomGraph(30), chainyGraph(10)), (g) => {
        const net = RoadNetwork.fromEdges({ from: g.edges.map((e) => e.from), to: g.edges.map((e) => e.to), distance: g.edges.map((e) => e.distance), nodes: Array.from({ length: g.n }, (_, i) => i) }, { directed: g.directed, speedKmh: 36 });
        const all = Array.from({ length: g.n }, (_, i) => i);
        const both = net.matrix(all, all, { metric: 'both' });
        const ref = floydWarshall(g.n, arcsOf(g), 'distance');
        for (let s = 0; s < g.n; s++) for (let t = 0; t < g.n; t++) {
          expect(both.distances![s * g.n + t]).toBe(ref[s][t]);
          expect(both.durations![s * g.n + t]).toBeCloseTo(ref[s][t] / 10, 9);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('one-to-all equals Floyd–Warshall rows (both metrics, chain-heavy graphs included)', () => {
    fc.assert(
      fc.property(fc.oneof(randomGraph(20), chainyGraph(8)), fc.nat(), fc.boolean(), (g, pick, byDuration) => {
        const net = build(g);
        const metric = byDuration ? 'duration' : 'distance';
        const ref = floydWarshall(g.n, arcsOf(g), metric);
        const s = pick % g.n;
        const all = net.distancesToAll(s, { metric });
        for (let i = 0; i < g.n; i++) expect(all[i], `${s} -> ${net.idOf(i)}`).toBe(ref[s][net.idOf(i) as number]);
      }),
      { numRuns: 200 },
    );
  });

  it('travelMatrix gives durations and the distances of the same fastest paths', () => {
    // 0 -> 1 -> 2 is fast but long; 0 -> 2 is short but slow.
    const net = RoadNetwork.fromEdges({ from: [0, 1, 0], to: [1, 2, 2], distance: [500, 500, 100], duration: [10, 10, 60] });
    const m = net.travelMatrix([0, 2, 1]);
    expect(Array.from(m.durations)).toEqual([0, 20, 10, Infinity, 0, Infinity, Infinity, 10, 0]);
    expect(Array.from(m.distances)).toEqual([0, 1000, 500, Infinity, 0, Infinity, Infinity, 500, 0]);
  });
});

describe('snapping', () => {
  it('nearestNode equals a brute-force scan of the node coordinates', () => {
    fc.assert(
      fc.property(randomGraph(30), fc.array(fc.tuple(fc.double({ min: 1.49, max: 1.53, noNaN: true }), fc.double({ min: 42.49, max: 42.53, noNaN: true })), { minLength: 1, maxLength: 10 }), (g, points) => {
        const net = build(g);
        const snapped = net.nearestNodes(points);
        points.forEach(([lon, lat], i) => {
          let best = Infinity;
          let node = -1;
          g.coords.forEach(([x, y], v) => {
            const d = haversineMetres(lon, lat, x, y);
            if (d < best) {
              best = d;
              node = v;
            }
          });
          expect(snapped[i]).toEqual({ node, distance: best });
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('derived networks', () => {
  it('closures equal a rebuild without the closed arcs; the original is untouched', () => {
    fc.assert(
      fc.property(fc.oneof(randomGraph(16), chainyGraph(6)), fc.array(fc.nat(), { maxLength: 6 }), (g, picks) => {
        const net = build(g);
        const arcs = arcsOf(g);
        if (arcs.length === 0) return;
        const closed = picks.map((p) => [arcs[p % arcs.length].from, arcs[p % arcs.length].to] as [number, number]);
        const isClosed = (a: { from: number; to: number }) => closed.some(([u, v]) => u === a.from && v === a.to);
        const after = net.withClosures(closed);
        const refAfter = floydWarshall(g.n, arcs.filter((a) => !isClosed(a)), 'distance');
        const refBefore = floydWarshall(g.n, arcs, 'distance');
        const mAfter = after.matrix(Array.from({ length: g.n }, (_, i) => i), undefined, { metric: 'distance' });
        for (let s = 0; s < g.n; s++) {
          for (let t = 0; t < g.n; t++) {
            for (const algorithm of ALGORITHMS) expect(after.shortestPath(s, t, { algorithm }).distance).toBe(refAfter[s][t]);
            expect(mAfter.distances![s * g.n + t]).toBe(refAfter[s][t]);
            expect(net.shortestPath(s, t).distance).toBe(refBefore[s][t]);
          }
        }
        expect(after.topology).toBe(net.topology);
      }),
      { numRuns: 60 },
    );
  });

  it('speed factors scale durations of the named arcs only', () => {
    fc.assert(
      fc.property(fc.oneof(randomGraph(16), chainyGraph(6)), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })), { maxLength: 6 }), (g, picks) => {
        const net = build(g);
        const arcs = arcsOf(g);
        if (arcs.length === 0) return;
        const factors = new Map<string, number>();
        for (const [p, f] of picks) {
          const a = arcs[p % arcs.length];
          const key = `${a.from},${a.to}`;
          factors.set(key, (factors.get(key) ?? 1) * f);
        }
        const list = picks.map(([p, f]) => ({ from: arcs[p % arcs.length].from, to: arcs[p % arcs.length].to, factor: f }));
        const slow = net.withSpeedFactors(list);
        const scaled = arcs.map((a) => ({ ...a, duration: a.duration * (factors.get(`${a.from},${a.to}`) ?? 1) }));
        const ref = floydWarshall(g.n, scaled, 'duration');
        for (let s = 0; s < g.n; s++) {
          for (let t = 0; t < g.n; t++) {
            for (const algorithm of ALGORITHMS) expect(slow.shortestPath(s, t, { algorithm, metric: 'duration' }).duration).toBe(ref[s][t]);
            // Distances are shared, not copied.
            expect(slow.shortestPath(s, t).distance).toBe(net.shortestPath(s, t).distance);
          }
        }
        expect(slow.arcDistance).toBe(net.arcDistance);
      }),
      { numRuns: 60 },
    );
  });
});
