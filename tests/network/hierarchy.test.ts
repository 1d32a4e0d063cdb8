/**
 * Contraction hierarchies on random graphs (directed and undirected, zero
 * weights, self loops, parallel arcs, disconnected parts, chains of shape
 * points): point-to-point answers, unpacked walks and matrices equal
 * Floyd–Warshall and the ordinary searches; `both` is the shortest among the
 * fastest paths; derived networks (closures, slow-downs, speed-ups) stay exact.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RoadNetwork } from '../../src/network/index.js';
import { arcsOf, chainyGraph, cheapestArc, floydWarshall, randomGraph, type RandomGraph } from './reference.js';

type Arc = { from: number; to: number; distance: number; duration: number };

function build(g: RandomGraph): RoadNetwork {
  return RoadNetwork.fromEdges(
    {
      nodes: Array.from({ length: g.n }, (_, i) => i),
      coordinates: g.coords,
      from: g.edges.map((e) => e.from),
      to: g.edges.map((e) => e.to),
      distance: g.edges.map((e) => e.distance),
      duration: g.edges.map((e) => e.duration),
    },
    { directed: g.directed },
  );
}

/** Lexicographic (duration, then distance) all-pairs minimum: the least distance among fastest paths. */
function fastestThenShortest(n: number, arcs: Arc[]): { t: number[][]; d: number[][] } {
  const t = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  const better = (t1: number, d1: number, i: number, j: number) => t1 < t[i][j] || (t1 === t[i][j] && d1 < d[i][j]);
  for (const a of arcs) if (a.from !== a.to && better(a.duration, a.distance, a.from, a.to)) [t[a.from][a.to], d[a.from][a.to]] = [a.duration, a.distance];
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) if (better(t[i][k] + t[k][j], d[i][k] + d[k][j], i, j)) [t[i][j], d[i][j]] = [t[i][k] + t[k][j], d[i][k] + d[k][j]];
    }
  }
  return { t, d };
}

const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const graphs = (): fc.Arbitrary<RandomGraph> => fc.oneof(randomGraph(20), chainyGraph(8));

/** Checks every pair and both metrics of `net` (hierarchy) against Floyd–Warshall on `arcs`, with valid walks. */
function expectExact(net: RoadNetwork, n: number, arcs: Arc[]): void {
  for (const metric of ['distance', 'duration'] as const) {
    const ref = floydWarshall(n, arcs, metric);
    for (let s = 0; s < n; s++) {
      for (let t = 0; t < n; t++) {
        const r = net.shortestPath(s, t, { metric });
        expect(r.reachable, `${metric} ${s}->${t}`).toBe(ref[s][t] < Infinity);
        expect(metric === 'distance' ? r.distance : r.duration, `${metric} ${s}->${t}`).toBe(ref[s][t]);
        if (!r.reachable) continue;
        expect(r.nodes[0]).toBe(s);
        expect(r.nodes[r.nodes.length - 1]).toBe(t);
        let sum = 0;
        for (let i = 0; i + 1 < r.nodes.length; i++) {
          const w = cheapestArc(arcs, r.nodes[i] as number, r.nodes[i + 1] as number, metric);
          expect(w, `arc ${r.nodes[i]} -> ${r.nodes[i + 1]}`).not.toBeUndefined();
          sum += w!;
        }
        expect(sum).toBe(ref[s][t]);
      }
    }
  }
  const lex = fastestThenShortest(n, arcs);
  const dist = floydWarshall(n, arcs, 'distance');
  const both = net.matrix(all(n), all(n), { metric: 'both' });
  const byDistance = net.matrix(all(n), all(n), { metric: 'distance' });
  const byDuration = net.matrix(all(n), all(n), { metric: 'duration' });
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < n; t++) {
      expect(both.durations![s * n + t], `both ${s}->${t}`).toBe(lex.t[s][t]);
      expect(both.distances![s * n + t], `both ${s}->${t}`).toBe(lex.d[s][t]);
      expect(byDuration.durations![s * n + t]).toBe(lex.t[s][t]);
      expect(byDistance.distances![s * n + t]).toBe(dist[s][t]);
    }
  }
}

describe('contraction hierarchy on random graphs', () => {
  it('paths (default and explicit algorithm), walks and matrices equal Floyd–Warshall; `both` is the shortest among the fastest', () => {
    fc.assert(
      fc.property(graphs(), (g) => {
        const net = build(g).buildHierarchy();
        expect(net.hasHierarchy('distance') && net.hasHierarchy('duration')).toBe(true);
        expectExact(net, g.n, arcsOf(g));
        const plain = build(g);
        for (let s = 0; s < g.n; s++) {
          for (let t = 0; t < g.n; t++) {
            for (const metric of ['distance', 'duration'] as const) {
              const a = plain.shortestPath(s, t, { metric, algorithm: 'hierarchy' });
              const b = plain.shortestPath(s, t, { metric, algorithm: 'dijkstra' });
              expect(metric === 'distance' ? a.distance : a.duration).toBe(metric === 'distance' ? b.distance : b.duration);
            }
          }
        }
        // `algorithm: 'hierarchy'` built the hierarchies on demand.
        expect(plain.hasHierarchy('distance') && plain.hasHierarchy('duration')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('matrices between arbitrary sources and targets equal the ordinary (chain overlay) matrices, ties included', () => {
    fc.assert(
      fc.property(graphs(), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { minLength: 0, maxLength: 12 }), (g, a, b) => {
        const net = build(g).buildHierarchy();
        const plain = build(g);
        const sources = a.map((x) => x % g.n);
        const targets = b.map((x) => x % g.n);
        for (const metric of ['distance', 'duration', 'both'] as const) {
          const h = net.matrix(sources, targets, { metric });
          const o = plain.matrix(sources, targets, { metric });
          expect(h.rows).toBe(sources.length);
          expect(h.cols).toBe(targets.length);
          if (o.durations) expect(Array.from(h.durations!)).toEqual(Array.from(o.durations));
          if (o.distances) expect(Array.from(h.distances!)).toEqual(Array.from(o.distances));
          expect(h.unreachable).toEqual(o.unreachable);
          // An entry does not depend on the other rows and columns asked for (blocks and single arcs agree).
          sources.forEach((s, i) =>
            targets.forEach((t, j) => {
              const one = net.matrix([s], [t], { metric });
              if (one.durations) expect(one.durations[0]).toBe(h.durations![i * targets.length + j]);
              if (one.distances) expect(one.distances[0]).toBe(h.distances![i * targets.length + j]);
            }),
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the build is deterministic: the same network gives the same bytes', () => {
    fc.assert(
      fc.property(graphs(), (g) => {
        const a = build(g).buildHierarchy().saveHierarchy();
        const b = build(g).buildHierarchy().saveHierarchy();
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});

describe('contraction hierarchy on derived networks', () => {
  it('closures, slow-downs and speed-ups after the build stay exact (Floyd–Warshall on the changed arcs)', () => {
    fc.assert(
      fc.property(
        graphs(),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(0.5, 1, 2, 3)), { maxLength: 4 }),
        (g, closePicks, slowPicks) => {
          const net = build(g).buildHierarchy();
          const arcs = arcsOf(g);
          if (arcs.length === 0) return;
          const closed = closePicks.map((p) => [arcs[p % arcs.length].from, arcs[p % arcs.length].to] as [number, number]);
          const factors = slowPicks.map(([p, f]) => ({ from: arcs[p % arcs.length].from, to: arcs[p % arcs.length].to, factor: f }));
          const after = net.withClosures(closed).withSpeedFactors(factors);
          const factorOf = (a: Arc) => factors.filter((f) => f.from === a.from && f.to === a.to).reduce((x, f) => x * f.factor, 1);
          const changed = arcs
            .filter((a) => !closed.some(([u, v]) => u === a.from && v === a.to))
            .map((a) => ({ ...a, duration: a.duration * factorOf(a) }));
          expect(after.hasHierarchy('duration')).toBe(false);
          // Reused where no weight went down (distances never go down here).
          expect(after.hierarchyFor('distance')).not.toBeNull();
          if (factors.every((f) => f.factor >= 1)) expect(after.hierarchyFor('duration')).not.toBeNull();
          expectExact(after, g.n, changed);
          // The original network is untouched.
          expectExact(net, g.n, arcs);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a large matrix after many closures re-contracts the derived network in the old order, exactly', () => {
    // A 9 x 9 two-way grid; close a ring of arcs around the centre.
    const from: number[] = [];
    const to: number[] = [];
    const distance: number[] = [];
    const duration: number[] = [];
    for (let y = 0; y < 9; y++) {
      for (let x = 0; x < 9; x++) {
        const v = 9 * y + x;
        if (x < 8) from.push(v), to.push(v + 1), distance.push(5 + ((v * 7) % 5)), duration.push(3 + ((v * 5) % 4));
        if (y < 8) from.push(v), to.push(v + 9), distance.push(6 + ((v * 3) % 4)), duration.push(4 + ((v * 11) % 3));
      }
    }
    const net = RoadNetwork.fromEdges({ from, to, distance, duration }, { directed: false }).buildHierarchy();
    const ring: [number, number][] = [];
    for (let k = 2; k <= 6; k++) ring.push([9 * 2 + k, 9 * 3 + k], [9 * 3 + k, 9 * 2 + k], [9 * 6 + k, 9 * 5 + k], [9 * 5 + k, 9 * 6 + k]);
    const closed = net.withClosures(ring);
    const arcs: Arc[] = [];
    from.forEach((u, i) => {
      arcs.push({ from: u, to: to[i], distance: distance[i], duration: duration[i] });
      arcs.push({ from: to[i], to: u, distance: distance[i], duration: duration[i] });
    });
    const kept = arcs.filter((a) => !ring.some(([u, v]) => u === a.from && v === a.to));
    expect(closed.hasHierarchy('duration')).toBe(false);
    const lex = fastestThenShortest(81, kept);
    const m = closed.matrix(all(81), all(81), { metric: 'both' });
    expect(closed.hasHierarchy('duration')).toBe(true);
    for (let s = 0; s < 81; s++) {
      for (let t = 0; t < 81; t++) {
        expect(m.durations![s * 81 + t]).toBe(lex.t[s][t]);
        expect(m.distances![s * 81 + t]).toBe(lex.d[s][t]);
      }
    }
    for (let s = 0; s < 81; s += 7) for (let t = 0; t < 81; t += 5) expect(closed.shortestPath(s, t, { metric: 'duration' }).duration).toBe(lex.t[s][t]);
    expect(closed.hierarchyFor('duration')!.hierarchy.order).toEqual(net.hierarchyFor('duration')!.hierarchy.order);
  });

  it('a closure on the only fastest path falls back to the ordinary search; elsewhere the hierarchy answers', () => {
    // 0 → 1 → 2 fast; 0 → 3 → 2 slower; 4 → 5 elsewhere.
    const net = RoadNetwork.fromEdges({
      from: [0, 1, 0, 3, 4],
      to: [1, 2, 3, 2, 5],
      distance: [100, 100, 150, 150, 70],
      duration: [10, 10, 20, 20, 7],
    }).buildHierarchy();
    const closed = net.withClosures([[1, 2]]);
    const m = closed.matrix([0, 4], [2, 5], { metric: 'both' });
    expect(Array.from(m.durations!)).toEqual([40, Infinity, Infinity, 7]);
    expect(Array.from(m.distances!)).toEqual([300, Infinity, Infinity, 70]);
    expect(closed.shortestPath(0, 2, { metric: 'duration' })).toMatchObject({ reachable: true, duration: 40, nodes: [0, 3, 2] });
    expect(net.shortestPath(0, 2, { metric: 'duration' })).toMatchObject({ duration: 20, nodes: [0, 1, 2] });
  });
});
