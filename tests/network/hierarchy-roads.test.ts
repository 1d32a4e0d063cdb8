/**
 * Contraction hierarchies on the shared OSM road graphs: every reference query
 * (`<shared>/roads/*.queries.tsv`, exact Dijkstra distances) is reproduced,
 * matrices equal plain Dijkstra, a saved hierarchy loads back, and closures on
 * the hierarchy's network stay exact. Porto only with `VRPKIT_TEST_PORTO=1`
 * (its build takes seconds); without the shared folder the suite is skipped
 * with a message, as in roads.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RoadNetwork } from '../../src/network/index.js';
import { oneToMany } from '../../src/network/search.js';
import { Rng } from '../../src/core/rng.js';

const shared = process.env.VRPKIT_SHARED ?? resolve(__dirname, '../../../shared');
const roads = join(shared, 'roads');
const graphs = ['andorra', 'liechtenstein', ...(process.env.VRPKIT_TEST_PORTO ? ['porto'] : [])];
const have = existsSync(roads);
if (!have) console.warn(`[hierarchy-roads.test] skipped: no road graphs at ${roads} (set VRPKIT_SHARED)`);

function queries(name: string): [number, number, number][] {
  return readFileSync(join(roads, `OSM-road-d.${name}.queries.tsv`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map(Number) as [number, number, number]);
}

describe.skipIf(!have).each(graphs)('contraction hierarchy on OSM road graph %s', (name) => {
  const base = join(roads, `OSM-road-d.${name}`);
  const load = () => RoadNetwork.fromDimacs(readFileSync(`${base}.gr.gz`), readFileSync(`${base}.co.gz`), { metresPerUnit: 1 }); // raw weights, as the .queries.tsv
  const net = load().buildHierarchy();
  const qs = queries(name);
  const rng = new Rng(11);
  const sample = Int32Array.from({ length: 40 }, () => rng.int(net.nodeCount));

  it('reproduces every reference distance exactly, as a walk from source to target', () => {
    for (const [s, t, d] of qs) {
      const r = net.shortestPath(s, t);
      expect(r.distance, `${s} -> ${t}`).toBe(d);
      expect(r.nodes[0]).toBe(s);
      expect(r.nodes[r.nodes.length - 1]).toBe(t);
      // Fewer nodes settled than the ordinary default search: the hierarchy answered.
      expect(r.settled).toBeLessThan(net.shortestPath(s, t, { algorithm: 'contracted' }).settled);
    }
    const m = net.matrix(qs.map((q) => q[0]), qs.map((q) => q[1]), { metric: 'distance' });
    qs.forEach(([, , d], i) => expect(m.distances![i * qs.length + i]).toBe(d));
  });

  it('matrices equal plain Dijkstra: distances exactly, durations up to float association (1e-12)', () => {
    const dist = net.matrixByIndex(sample, sample, 'distance');
    const both = net.matrixByIndex(sample, sample, 'both');
    const n = sample.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      oneToMany(net.searchGraph('distance'), sample[i], sample, out, null, null);
      for (let j = 0; j < n; j++) expect(dist.distances![i * n + j]).toBe(out[j]);
      oneToMany(net.searchGraph('duration'), sample[i], sample, out, null, null);
      for (let j = 0; j < n; j++) expect(Math.abs(both.durations![i * n + j] - out[j])).toBeLessThanOrEqual(1e-12 * out[j]);
    }
  });

  it('a saved hierarchy loads into a fresh copy of the network and answers the same', () => {
    const bytes = net.saveHierarchy();
    const copy = load();
    expect(copy.loadHierarchy(bytes)).toEqual(['distance', 'duration']);
    const ids = Array.from(sample, (i) => net.idOf(i));
    expect(copy.matrix(ids, ids)).toEqual(net.matrix(ids, ids));
    for (const [s, t] of qs.slice(0, 5)) expect(copy.shortestPath(s, t, { metric: 'duration' })).toEqual(net.shortestPath(s, t, { metric: 'duration' }));
  });

  it('closing roads on fastest paths keeps matrices equal to the ordinary search on the closed network', () => {
    const closures: [number, number][] = [];
    for (const [s, t] of qs.slice(0, 6)) {
      const p = net.shortestPath(s, t, { metric: 'duration' });
      const mid = p.nodes.length >> 1;
      closures.push([p.nodes[mid] as number, p.nodes[mid + 1] as number], [p.nodes[mid + 1] as number, p.nodes[mid] as number]);
    }
    const existing = closures.filter(([a, b]) => hasArc(net, a, b));
    const closed = net.withClosures(existing);
    expect(closed.hierarchyFor('duration')).not.toBeNull();
    const plain = load().withClosures(existing);
    const ids = qs.slice(0, 12).flatMap((q) => [q[0], q[1]]);
    const a = closed.matrix(ids, ids, { metric: 'both' });
    const b = plain.matrix(ids, ids, { metric: 'both' });
    for (let k = 0; k < a.durations!.length; k++) {
      if (b.durations![k] === Infinity) expect(a.durations![k]).toBe(Infinity);
      else expect(Math.abs(a.durations![k] - b.durations![k])).toBeLessThanOrEqual(1e-12 * b.durations![k]);
      expect(a.distances![k]).toBe(b.distances![k]);
    }
    for (const [s, t] of qs.slice(0, 6)) {
      expect(closed.shortestPath(s, t).distance).toBe(plain.shortestPath(s, t, { algorithm: 'dijkstra' }).distance);
    }
  });
});

function hasArc(net: RoadNetwork, a: number, b: number): boolean {
  let found = false;
  net.forEachArc((from, to) => {
    if (from === a && to === b) found = true;
  });
  return found;
}
