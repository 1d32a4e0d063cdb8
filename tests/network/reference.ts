/**
 * Test helpers: random graphs as arbitraries and an independent all-pairs
 * reference (Floyd–Warshall on the raw arc list, parallel arcs included).
 */
import fc from 'fast-check';
import { haversineMetres } from '../../src/geo/haversine.js';

export interface RandomGraph {
  n: number;
  directed: boolean;
  /** Edges as given (undirected edges stand for two arcs). */
  edges: { from: number; to: number; distance: number; duration: number }[];
  /** `[lon, lat]` per node. */
  coords: [number, number][];
}

/**
 * Random graphs: 1..maxN nodes, integer distances 0..20 (zeros included),
 * integer durations 0..30, self loops and parallel edges allowed, often
 * disconnected. With `geometric`, distances are at least the haversine length
 * (so A* potentials are non-trivial).
 */
export function randomGraph(maxN = 24, geometric = false): fc.Arbitrary<RandomGraph> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: maxN }),
      directed: fc.boolean(),
      seedEdges: fc.array(
        fc.record({ a: fc.nat(), b: fc.nat(), w: fc.integer({ min: 0, max: 20 }), t: fc.integer({ min: 0, max: 30 }) }),
        { maxLength: 3 * maxN },
      ),
      seedCoords: fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 })), {
        minLength: maxN,
        maxLength: maxN,
      }),
    })
    .map(({ n, directed, seedEdges, seedCoords }) => {
      const coords = seedCoords.slice(0, n).map(([x, y]) => [1.5 + x * 1e-5, 42.5 + y * 1e-5] as [number, number]);
      const edges = seedEdges.map(({ a, b, w, t }) => {
        const from = a % n;
        const to = b % n;
        let distance = w;
        if (geometric) {
          const h = haversineMetres(coords[from][0], coords[from][1], coords[to][0], coords[to][1]);
          distance = Math.ceil(h) + w;
        }
        return { from, to, distance, duration: t };
      });
      return { n, directed, edges, coords };
    });
}

/** Arcs of a random graph (undirected edges doubled). */
export function arcsOf(g: RandomGraph): { from: number; to: number; distance: number; duration: number }[] {
  const arcs = [];
  for (const e of g.edges) {
    arcs.push(e);
    if (!g.directed && e.from !== e.to) arcs.push({ from: e.to, to: e.from, distance: e.distance, duration: e.duration });
  }
  return arcs;
}

/** All-pairs shortest sums of `key` over the arcs; Infinity when unreachable. */
export function floydWarshall(
  n: number,
  arcs: { from: number; to: number; distance: number; duration: number }[],
  key: 'distance' | 'duration',
): number[][] {
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  for (const a of arcs) if (a[key] < d[a.from][a.to]) d[a.from][a.to] = a[key];
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
  return d;
}

/** The cheapest arc weight `from → to` by `key`, or undefined when there is no arc. */
export function cheapestArc(
  arcs: { from: number; to: number; distance: number; duration: number }[],
  from: number,
  to: number,
  key: 'distance' | 'duration',
): number | undefined {
  let best: number | undefined;
  for (const a of arcs) if (a.from === from && a.to === to && (best === undefined || a[key] < best)) best = a[key];
  return best;
}

/**
 * Road-like random graphs: a small random graph whose edges are subdivided into
 * runs of degree-2 "shape point" nodes, each piece two-way or one-way either
 * way; self loops become rings. Exercises the chain contraction used by matrices.
 */
export function chainyGraph(maxCore = 8): fc.Arbitrary<RandomGraph> {
  return fc
    .record({
      core: fc.integer({ min: 1, max: maxCore }),
      seedEdges: fc.array(
        fc.record({
          a: fc.nat(),
          b: fc.nat(),
          pieces: fc.array(fc.record({ w: fc.integer({ min: 0, max: 9 }), t: fc.integer({ min: 0, max: 9 }), dir: fc.constantFrom(0, 0, 1, -1) }), { minLength: 1, maxLength: 4 }),
        }),
        { maxLength: 2 * maxCore },
      ),
    })
    .map(({ core, seedEdges }) => {
      let n = core;
      const edges: RandomGraph['edges'] = [];
      for (const { a, b, pieces } of seedEdges) {
        let prev = a % core;
        pieces.forEach((p, i) => {
          const next = i === pieces.length - 1 ? b % core : n++;
          if (p.dir >= 0) edges.push({ from: prev, to: next, distance: p.w, duration: p.t });
          if (p.dir <= 0) edges.push({ from: next, to: prev, distance: p.w, duration: p.t });
          prev = next;
        });
      }
      const coords = Array.from({ length: n }, (_, i) => [1.5 + (i % 7) * 1e-3, 42.5 + Math.floor(i / 7) * 1e-3] as [number, number]);
      return { n, directed: true, edges, coords };
    });
}
