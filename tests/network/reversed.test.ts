/**
 * `RoadNetwork.reversed()`: every arc turned around, the graph arrays shared.
 * Checked against the original network's answers with source and target
 * swapped (integer weights, so sums are exact), against Floyd–Warshall on the
 * turned-around arc list, and on a shared OSM graph (float durations).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RoadNetwork } from '../../src/network/index.js';
import { Rng } from '../../src/core/rng.js';
import { arcsOf, chainyGraph, floydWarshall, randomGraph, type RandomGraph } from './reference.js';
import { sharedAvailable } from '../io/shared.js';

const ALGORITHMS = ['dijkstra', 'astar', 'bidirectional', 'bidirectional-astar', 'contracted'] as const;
type Arc = { from: number; to: number; distance: number; duration: number };

function build(g: RandomGraph, speedKmh?: number): RoadNetwork {
  return RoadNetwork.fromEdges(
    {
      nodes: Array.from({ length: g.n }, (_, i) => i),
      coordinates: g.coords,
      from: g.edges.map((e) => e.from),
      to: g.edges.map((e) => e.to),
      distance: g.edges.map((e) => e.distance),
      ...(speedKmh === undefined ? { duration: g.edges.map((e) => e.duration) } : {}),
    },
    { directed: g.directed, ...(speedKmh === undefined ? {} : { speedKmh }) },
  );
}

const turned = (arcs: Arc[]): Arc[] => arcs.map((a) => ({ ...a, from: a.to, to: a.from }));
const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const graphs = (): fc.Arbitrary<RandomGraph> => fc.oneof(randomGraph(18), chainyGraph(8));

/** Lexicographic (duration, then distance) all-pairs minimum: the least distance among fastest paths. */
function fastestThenShortest(n: number, arcs: Arc[]): { t: number[][]; d: number[][] } {
  const t = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  const better = (t1: number, d1: number, i: number, j: number) => t1 < t[i][j] || (t1 === t[i][j] && d1 < d[i][j]);
  for (const a of arcs) if (better(a.duration, a.distance, a.from, a.to)) [t[a.from][a.to], d[a.from][a.to]] = [a.duration, a.distance];
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) if (better(t[i][k] + t[k][j], d[i][k] + d[k][j], i, j)) [t[i][j], d[i][j]] = [t[i][k] + t[k][j], d[i][k] + d[k][j]];
    }
  }
  return { t, d };
}

describe('RoadNetwork.reversed', () => {
  it('a hand-checked one-way graph: paths, matrix and arcs run the other way', () => {
    // 0 → 1 (500 m, 40 s), 1 → 2 (300 m, 20 s), 0 → 2 (900 m, 30 s), 2 ↔ 3 (100 m, 10 s).
    const net = RoadNetwork.fromEdges({ from: [0, 1, 0, 2, 3], to: [1, 2, 2, 3, 2], distance: [500, 300, 900, 100, 100], duration: [40, 20, 30, 10, 10] });
    const rev = net.reversed();
    expect(rev.nodeCount).toBe(4);
    expect(rev.arcCount).toBe(5);
    const p = rev.shortestPath(2, 0);
    expect(p).toMatchObject({ reachable: true, distance: 800, duration: 60, nodes: [2, 1, 0] });
    expect(rev.shortestPath(2, 0, { metric: 'duration' })).toMatchObject({ distance: 900, duration: 30, nodes: [2, 0] });
    expect(rev.shortestPath(0, 2).reachable).toBe(false);
    const m = rev.matrix([0, 1, 2, 3], [0, 1, 2, 3], { metric: 'both' });
    expect(Array.from(m.durations!)).toEqual([0, Infinity, Infinity, Infinity, 40, 0, Infinity, Infinity, 30, 20, 0, 10, 40, 30, 10, 0]);
    expect(Array.from(m.distances!)).toEqual([0, Infinity, Infinity, Infinity, 500, 0, Infinity, Infinity, 900, 300, 0, 100, 1000, 400, 100, 0]);
    const arcs: string[] = [];
    rev.forEachArc((from, to, d, t) => arcs.push(`${from}>${to}:${d}/${t}`));
    expect(arcs.sort()).toEqual(['1>0:500/40', '2>0:900/30', '2>1:300/20', '2>3:100/10', '3>2:100/10']);
    // The original is untouched, shares its graph arrays, and reversing twice gives it back.
    expect(net.shortestPath(0, 2).distance).toBe(800);
    expect(rev.topology.fwdHeads).toBe(net.topology.revTails);
    expect(rev.topology.fwdOffsets).toBe(net.topology.revOffsets);
    expect(rev.reversed()).toBe(net);
  });

  it('lists exactly the turned-around arcs and keeps ids, coordinates and snapping', () => {
    fc.assert(
      fc.property(randomGraph(20), fc.tuple(fc.double({ min: 1.49, max: 1.53, noNaN: true }), fc.double({ min: 42.49, max: 42.53, noNaN: true })), (g, point) => {
        const net = build(g);
        const rev = net.reversed();
        const key = (a: Arc) => `${a.from}>${a.to}:${a.distance}/${a.duration}`;
        const seen: string[] = [];
        rev.forEachArc((from, to, distance, duration) => seen.push(key({ from: from as number, to: to as number, distance, duration })));
        expect(seen.sort()).toEqual(turned(arcsOf(g)).map(key).sort());
        expect(rev.nodeCount).toBe(net.nodeCount);
        for (let i = 0; i < g.n; i++) {
          expect(rev.idOf(i)).toBe(net.idOf(i));
          expect(rev.coordinatesOf(i)).toEqual(net.coordinatesOf(i));
        }
        expect(rev.nearestNode(point[0], point[1])).toEqual(net.nearestNode(point[0], point[1]));
      }),
      { numRuns: 60 },
    );
  });

  it('every algorithm: reversed a → b equals original b → a and Floyd–Warshall on the turned arcs', () => {
    fc.assert(
      fc.property(graphs(), fc.boolean(), fc.boolean(), (g, byDuration, reverseFirst) => {
        const net = build(g);
        // Query the reversed network first or second: its chain overlay is then built from scratch or derived.
        if (!reverseFirst) net.matrix(all(g.n), all(g.n), { metric: 'distance' });
        const rev = net.reversed();
        const metric = byDuration ? 'duration' : 'distance';
        const ref = floydWarshall(g.n, turned(arcsOf(g)), metric);
        for (let a = 0; a < g.n; a++) {
          for (let b = 0; b < g.n; b++) {
            for (const algorithm of ALGORITHMS) {
              const r = rev.shortestPath(a, b, { algorithm, metric });
              const o = net.shortestPath(b, a, { algorithm, metric });
              const value = metric === 'distance' ? r.distance : r.duration;
              expect(value, `${algorithm} ${a}->${b}`).toBe(ref[a][b]);
              expect(value).toBe(metric === 'distance' ? o.distance : o.duration);
              if (!r.reachable) continue;
              // A walk of reversed arcs: each step a → b is an original arc b → a.
              expect(r.nodes[0]).toBe(a);
              expect(r.nodes[r.nodes.length - 1]).toBe(b);
              for (let i = 0; i + 1 < r.nodes.length; i++) {
                expect(arcsOf(g).some((e) => e.from === r.nodes[i + 1] && e.to === r.nodes[i])).toBe(true);
              }
            }
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('matrix(), one-to-many and one-to-all are the transposes of the original', () => {
    fc.assert(
      fc.property(graphs(), fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), fc.boolean(), (g, a, b, reverseFirst) => {
        const net = build(g);
        const sources = a.map((x) => x % g.n);
        const targets = b.map((x) => x % g.n);
        if (!reverseFirst) net.matrix(targets, sources, { metric: 'both' });
        const rev = net.reversed();
        const lex = fastestThenShortest(g.n, turned(arcsOf(g)));
        for (const metric of ['distance', 'duration'] as const) {
          const r = rev.matrix(sources, targets, { metric });
          const o = net.matrix(targets, sources, { metric });
          const rv = metric === 'distance' ? r.distances! : r.durations!;
          const ov = metric === 'distance' ? o.distances! : o.durations!;
          sources.forEach((s, i) => {
            const one = rev.distancesFrom(s, targets, { metric });
            const toAll = rev.distancesToAll(s, { metric });
            targets.forEach((t, j) => {
              expect(rv[i * targets.length + j]).toBe(ov[j * sources.length + i]);
              expect(one[j]).toBe(ov[j * sources.length + i]);
              expect(toAll[t]).toBe(ov[j * sources.length + i]);
            });
          });
          expect(r.unreachable.length).toBe(o.unreachable.length);
        }
        // `both`: the fastest times, with the distance of one fastest path (no shorter than the least such distance).
        const r = rev.matrix(sources, targets, { metric: 'both' });
        sources.forEach((s, i) =>
          targets.forEach((t, j) => {
            expect(r.durations![i * targets.length + j]).toBe(lex.t[s][t]);
            if (lex.t[s][t] < Infinity) expect(r.distances![i * targets.length + j]).toBeGreaterThanOrEqual(lex.d[s][t]);
            else expect(r.distances![i * targets.length + j]).toBe(Infinity);
          }),
        );
      }),
      { numRuns: 120 },
    );
  });

  it('with durations proportional to distances, `both` distances are exactly the transposed ones', () => {
    fc.assert(
      fc.property(graphs(), (g) => {
        const net = build(g, 36);
        const rev = net.reversed();
        const r = rev.matrix(all(g.n), all(g.n), { metric: 'both' });
        const o = net.matrix(all(g.n), all(g.n), { metric: 'both' });
        for (let a = 0; a < g.n; a++) {
          for (let b = 0; b < g.n; b++) {
            expect(r.distances![a * g.n + b]).toBe(o.distances![b * g.n + a]);
            expect(r.durations![a * g.n + b]).toBeCloseTo(o.durations![b * g.n + a], 9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('overlays turned around from the partner network answer like overlays built from scratch', () => {
    fc.assert(
      fc.property(graphs(), fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (g, a, b) => {
        const sources = a.map((x) => x % g.n);
        const targets = b.map((x) => x % g.n);
        // net1 builds its overlays first: rev1's are turned around from them (checked by identity below).
        const net1 = build(g);
        net1.matrix(targets, sources, { metric: 'both' });
        net1.matrix(targets, sources, { metric: 'distance' });
        const rev1 = net1.reversed();
        // rev2 builds its chain structure and overlays itself.
        const rev2 = build(g).reversed();
        const lex = fastestThenShortest(g.n, turned(arcsOf(g)));
        for (const metric of ['duration', 'distance', 'both'] as const) {
          const m1 = rev1.matrix(sources, targets, { metric });
          const m2 = rev2.matrix(sources, targets, { metric });
          if (metric !== 'distance') expect(Array.from(m1.durations!)).toEqual(Array.from(m2.durations!));
          if (metric === 'distance') expect(Array.from(m1.distances!)).toEqual(Array.from(m2.distances!));
          if (metric === 'both') {
            sources.forEach((s, i) =>
              targets.forEach((t, j) => {
                const x = m1.distances![i * targets.length + j];
                if (lex.t[s][t] < Infinity) expect(x).toBeGreaterThanOrEqual(lex.d[s][t]);
                else expect(x).toBe(Infinity);
              }),
            );
          }
          for (const s of sources) {
            for (const t of targets) {
              const byMetric = metric === 'both' ? 'duration' : metric;
              const p1 = rev1.shortestPath(s, t, { metric: byMetric });
              const p2 = rev2.shortestPath(s, t, { metric: byMetric, algorithm: 'dijkstra' });
              expect(p1[byMetric]).toBe(p2[byMetric]);
            }
          }
        }
        expect(rev1.topology.chains!.seq).toBe(net1.topology.chains!.seq);
        expect(rev1.overlay('both').fwd).toBe(net1.overlay('both').bwd);
        expect(rev1.overlay('distance').bwd).toBe(net1.overlay('distance').fwd);
        expect(rev1.overlay('duration').core).toBe(rev1.overlay('both').core);
        // rev2's partner never ran a query, so rev2's chain structure was built, not derived.
        expect(rev2.topology.reversed!.chains).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('reversed().reversed() gives the original answers, also for derived networks', () => {
    fc.assert(
      fc.property(graphs(), fc.array(fc.nat(), { maxLength: 4 }), (g, picks) => {
        const net = build(g);
        const arcs = arcsOf(g);
        const closed = arcs.length === 0 ? [] : picks.map((p) => [arcs[p % arcs.length].from, arcs[p % arcs.length].to] as [number, number]);
        for (const x of [net, net.withClosures(closed)]) {
          const twice = x.reversed().reversed();
          expect(twice.topology).toBe(x.topology);
          expect(Array.from(twice.arcDistance)).toEqual(Array.from(x.arcDistance));
          expect(Array.from(twice.arcDuration)).toEqual(Array.from(x.arcDuration));
          const m1 = twice.matrix(all(g.n), all(g.n), { metric: 'both' });
          const m2 = x.matrix(all(g.n), all(g.n), { metric: 'both' });
          expect(Array.from(m1.durations!)).toEqual(Array.from(m2.durations!));
          expect(Array.from(m1.distances!)).toEqual(Array.from(m2.distances!));
        }
        // A derived network shares the reversed topology (and so its chain overlay) with its base.
        expect(net.withClosures(closed).reversed().topology).toBe(net.reversed().topology);
      }),
      { numRuns: 60 },
    );
  });

  it('closures and speed factors on a reversed network act on its (turned) arcs', () => {
    fc.assert(
      fc.property(graphs(), fc.array(fc.nat(), { maxLength: 5 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })), { maxLength: 5 }), (g, closePicks, slowPicks) => {
        const net = build(g);
        const arcs = turned(arcsOf(g)); // the reversed network's arcs
        if (arcs.length === 0) return;
        const closed = closePicks.map((p) => [arcs[p % arcs.length].from, arcs[p % arcs.length].to] as [number, number]);
        const factors = slowPicks.map(([p, factor]) => ({ from: arcs[p % arcs.length].from, to: arcs[p % arcs.length].to, factor }));
        const derived = net.reversed().withClosures(closed).withSpeedFactors(factors);
        // Reference: the same changes, turned around, on the original, then reversed; and Floyd–Warshall.
        const other = net
          .withClosures(closed.map(([u, v]) => [v, u] as [number, number]))
          .withSpeedFactors(factors.map((f) => ({ from: f.to, to: f.from, factor: f.factor })))
          .reversed();
        const factorOf = (a: Arc) => factors.filter((f) => f.from === a.from && f.to === a.to).reduce((x, f) => x * f.factor, 1);
        const open = arcs.filter((a) => !closed.some(([u, v]) => u === a.from && v === a.to)).map((a) => ({ ...a, duration: a.duration * factorOf(a) }));
        const refT = floydWarshall(g.n, open, 'duration');
        const refD = floydWarshall(g.n, open, 'distance');
        const m = derived.matrix(all(g.n), all(g.n), { metric: 'duration' });
        const o = other.matrix(all(g.n), all(g.n), { metric: 'duration' });
        for (let a = 0; a < g.n; a++) {
          for (let b = 0; b < g.n; b++) {
            expect(m.durations![a * g.n + b]).toBe(refT[a][b]);
            expect(o.durations![a * g.n + b]).toBe(refT[a][b]);
            for (const algorithm of ALGORITHMS) expect(derived.shortestPath(a, b, { algorithm }).distance).toBe(refD[a][b]);
          }
        }
        // The plain reversed network still has every arc.
        const full = floydWarshall(g.n, arcs, 'duration');
        const mr = net.reversed().matrix(all(g.n), all(g.n), { metric: 'duration' });
        for (let a = 0; a < g.n; a++) for (let b = 0; b < g.n; b++) expect(mr.durations![a * g.n + b]).toBe(full[a][b]);
      }),
      { numRuns: 60 },
    );
  });
});

const shared = process.env.VRPKIT_SHARED ?? resolve(__dirname, '../../../shared');
const andorra = join(shared, 'roads', 'OSM-road-d.andorra');
describe.skipIf(!sharedAvailable(`${andorra}.gr.gz`, 'the shared Andorra road graph'))('reversed OSM graph (Andorra)', () => {
  it('matrices are the transposes of the original (float durations within 1e-12 relative)', () => {
    const net = RoadNetwork.fromDimacs(readFileSync(`${andorra}.gr.gz`), readFileSync(`${andorra}.co.gz`));
    const rng = new Rng(7);
    const pts = Array.from({ length: 40 }, () => net.idOf(rng.int(net.nodeCount)));
    const o = net.matrix(pts, pts, { metric: 'both' });
    const rev = net.reversed();
    const r = rev.matrix(pts, pts, { metric: 'both' });
    const d = rev.matrix(pts, pts, { metric: 'distance' });
    const od = net.matrix(pts, pts, { metric: 'distance' });
    const n = pts.length;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const a = r.durations![i * n + j];
        const b = o.durations![j * n + i];
        expect(a === b || Math.abs(a - b) <= 1e-12 * b, `${i},${j}: ${a} vs ${b}`).toBe(true);
        expect(d.distances![i * n + j]).toBe(od.distances![j * n + i]);
      }
    }
    // Point-to-point on the reversed graph, against the original the other way.
    for (let q = 0; q < 10; q++) {
      const s = pts[q];
      const t = pts[n - 1 - q];
      expect(rev.shortestPath(s, t).distance).toBe(net.shortestPath(t, s).distance);
    }
  });
});
