/**
 * Saving and loading contraction hierarchies: round trips give the same bytes
 * and the same answers; a corrupted, truncated, foreign or outdated file is
 * refused with a `VrpkitError` that says why.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RoadNetwork } from '../../src/network/index.js';
import { isVrpkitError } from '../../src/core/errors.js';
import { arcsOf, chainyGraph, randomGraph, type RandomGraph } from './reference.js';

function build(g: RandomGraph, scale = 1): RoadNetwork {
  return RoadNetwork.fromEdges(
    {
      nodes: Array.from({ length: g.n }, (_, i) => i),
      coordinates: g.coords,
      from: g.edges.map((e) => e.from),
      to: g.edges.map((e) => e.to),
      distance: g.edges.map((e) => e.distance * scale),
      duration: g.edges.map((e) => e.duration),
    },
    { directed: g.directed },
  );
}

/** The code of the VrpkitError `fn` throws (fails when it throws something else or nothing). */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isVrpkitError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a VrpkitError');
}

const grid = (): RoadNetwork => {
  // A 6 × 6 two-way grid with varied weights.
  const from: number[] = [];
  const to: number[] = [];
  const distance: number[] = [];
  for (let y = 0; y < 6; y++) {
    for (let x = 0; x < 6; x++) {
      const v = 6 * y + x;
      if (x < 5) from.push(v), to.push(v + 1), distance.push(10 + ((v * 7) % 5));
      if (y < 5) from.push(v), to.push(v + 6), distance.push(12 + ((v * 3) % 4));
    }
  }
  return RoadNetwork.fromEdges({ from, to, distance }, { directed: false });
};

describe('hierarchy bytes', () => {
  it('round trip: a fresh network loading the bytes answers like the builder and saves the same bytes', () => {
    fc.assert(
      fc.property(fc.oneof(randomGraph(20), chainyGraph(8)), fc.constantFrom<('distance' | 'duration')[]>(['distance'], ['duration'], ['distance', 'duration']), (g, metrics) => {
        const built = build(g).buildHierarchy({ metrics });
        const bytes = built.saveHierarchy();
        const loaded = build(g);
        expect(loaded.loadHierarchy(bytes).sort()).toEqual([...metrics].sort());
        for (const m of metrics) expect(loaded.hasHierarchy(m)).toBe(true);
        expect(Buffer.from(loaded.saveHierarchy()).equals(Buffer.from(bytes))).toBe(true);
        const nodes = Array.from({ length: g.n }, (_, i) => i);
        for (const metric of metrics) {
          const a = built.matrix(nodes, nodes, { metric });
          const b = loaded.matrix(nodes, nodes, { metric });
          expect(b).toEqual(a);
          for (let s = 0; s < g.n; s++) for (let t = 0; t < g.n; t++) expect(loaded.shortestPath(s, t, { metric })).toEqual(built.shortestPath(s, t, { metric }));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('loads from an unaligned view (a Buffer slice) as well', () => {
    const bytes = grid().buildHierarchy().saveHierarchy();
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const net = grid();
    expect(net.loadHierarchy(padded.subarray(3))).toEqual(['distance', 'duration']);
    expect(net.shortestPath(0, 35).distance).toBe(grid().shortestPath(0, 35, { algorithm: 'dijkstra' }).distance);
  });

  it('refuses corrupted, truncated, foreign, outdated and non-hierarchy bytes with a clear error', () => {
    const bytes = grid().buildHierarchy().saveHierarchy();
    const flipped = bytes.slice();
    flipped[bytes.length - 5] ^= 0x10;
    expect(codeOf(() => grid().loadHierarchy(flipped))).toBe('invalid-hierarchy');
    expect(codeOf(() => grid().loadHierarchy(bytes.subarray(0, bytes.length - 8)))).toBe('invalid-hierarchy');
    expect(codeOf(() => grid().loadHierarchy(new TextEncoder().encode('p sp 3 2\na 1 2 3\n')))).toBe('invalid-hierarchy');
    expect(codeOf(() => grid().loadHierarchy(new Uint8Array(0)))).toBe('invalid-hierarchy');
    const version = bytes.slice();
    version[8] = 99;
    expect(codeOf(() => grid().loadHierarchy(version))).toBe('hierarchy-version');
    // Files of format version 1 (before the core table) are refused, asking for a rebuild.
    const v1 = bytes.slice();
    v1[8] = 1;
    expect(codeOf(() => grid().loadHierarchy(v1))).toBe('hierarchy-version');
    expect(() => grid().loadHierarchy(v1)).toThrow(/version 1, this vrpkit reads version 2: rebuild it/);
    // Another network: other size, or the same arcs with other weights.
    const other = RoadNetwork.fromEdges({ from: [0, 1], to: [1, 2], distance: [1, 1] });
    expect(codeOf(() => other.loadHierarchy(bytes))).toBe('hierarchy-mismatch');
    expect(codeOf(() => grid().withSpeedFactors([{ from: 0, to: 1, factor: 2 }]).loadHierarchy(bytes))).toBe('hierarchy-mismatch');
    // The error names the field and says what is wrong.
    try {
      other.loadHierarchy(bytes);
    } catch (e) {
      expect(isVrpkitError(e) && e.pointer).toBe('hierarchy');
      expect(String((e as Error).message)).toMatch(/36 nodes/);
    }
    expect(codeOf(() => grid().saveHierarchy())).toBe('no-hierarchy');
  });

  it('refuses hierarchies of equal size built for other weights (network checksum)', () => {
    fc.assert(
      fc.property(fc.oneof(randomGraph(12), chainyGraph(5)), (g) => {
        if (arcsOf(g).length === 0 || !g.edges.some((e) => e.distance > 0)) return;
        const bytes = build(g).buildHierarchy({ metrics: ['distance'] }).saveHierarchy();
        expect(codeOf(() => build(g, 2).loadHierarchy(bytes))).toBe('hierarchy-mismatch');
      }),
      { numRuns: 30 },
    );
  });
});
