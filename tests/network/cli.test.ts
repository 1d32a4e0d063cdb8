/** `vrpkit path` and `vrpkit matrix` on the shipped fixture, checked against the library. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { path as pathCommand } from '../../src/cli/commands/path.js';
import { matrix as matrixCommand } from '../../src/cli/commands/matrix.js';
import { loadNetworkFile } from '../../src/io/network-files.js';
import { RoadNetwork } from '../../src/network/index.js';
import { haversineMetres } from '../../src/geo/haversine.js';
import type { Command } from '../../src/cli/commands/types.js';

const FIXTURE = join(__dirname, '../../fixtures/network/andorra-la-vella.gr.gz');
const POINTS = join(__dirname, '../../fixtures/network/andorra-la-vella.points.json');

async function run(cmd: Command, argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await cmd.run(argv), out };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('network files', () => {
  it('loads the fixture with its sibling .co file and reads decimetres from its comments', () => {
    const net = loadNetworkFile(FIXTURE);
    expect(net.metresPerUnit).toBe(0.1);
    expect(net.hasCoordinates).toBe(true);
    expect(net.nodeCount).toBeGreaterThan(2000);
    // Strongly connected by construction: every node reaches node 1 and back.
    const all = Array.from({ length: net.nodeCount }, (_, i) => i + 1);
    expect(Array.from(net.distancesFrom(1, all)).every(Number.isFinite)).toBe(true);
    const back = net.matrix(all, [1], { metric: 'distance' });
    expect(back.unreachable).toEqual([]);
  });

  it('reads GeoJSON road files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-net-'));
    const file = join(dir, 'roads.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[1.5, 42.5], [1.501, 42.5]] } }] }));
    const net = loadNetworkFile(file);
    expect(net.shortestPath(1, 0).distance).toBeCloseTo(haversineMetres(1.5, 42.5, 1.501, 42.5), 9);
  });
});

describe('vrpkit path / matrix', () => {
  it('path prints the same path as the library, in metres', async () => {
    const { code, out } = await run(pathCommand, ['--network', FIXTURE, '--from', '1', '--to', '3000', '--algorithm', 'dijkstra']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    const net = RoadNetwork.fromDimacs(readFileSync(FIXTURE), readFileSync(FIXTURE.replace('.gr.gz', '.co.gz')), { metresPerUnit: 0.1 });
    const want = net.shortestPath(1, 3000, { algorithm: 'dijkstra' });
    expect(r).toMatchObject({ source: 1, target: 3000, reachable: true, distance: want.distance, nodes: want.nodes });
    expect(r.distance).toBe(Math.round(r.distance * 10) / 10);
  });

  it('path snaps lon,lat and rejects unknown nodes', async () => {
    const { out } = await run(pathCommand, ['--network', FIXTURE, '--from', '1.52,42.505', '--to', '5']);
    expect(JSON.parse(out).sourceSnapDistance).toBeGreaterThanOrEqual(0);
    await expect(run(pathCommand, ['--network', FIXTURE, '--from', '1', '--to', '999999'])).rejects.toMatchObject({ code: 'unknown-node', pointer: '--to' });
    await expect(run(pathCommand, ['--network', FIXTURE, '--from', '1'])).rejects.toThrow(/needs --network/);
  });

  it('matrix on the fixture points: snapped nodes, square rows matching library queries', async () => {
    const { code, out } = await run(matrixCommand, ['--network', FIXTURE, '--points', POINTS]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    const pts: [number, number][] = JSON.parse(readFileSync(POINTS, 'utf8')).points;
    expect(r.points).toHaveLength(pts.length);
    expect(r.durations).toHaveLength(pts.length);
    expect(r.unreachable).toEqual([]);
    const net = loadNetworkFile(FIXTURE);
    r.points.forEach((p: { node: number; snapDistance: number }, i: number) => {
      expect(p.node).toBe(net.nearestNode(pts[i][0], pts[i][1]).node);
      expect(p.snapDistance).toBeLessThan(60);
      expect(r.durations[i][i]).toBe(0);
    });
    for (const [i, j] of [[0, 1], [5, 17], [19, 2]]) {
      const q = net.shortestPath(r.points[i].node, r.points[j].node, { metric: 'duration', algorithm: 'dijkstra' });
      expect(Math.abs(r.durations[i][j] - q.duration)).toBeLessThanOrEqual(0.0005);
      expect(Math.abs(r.distances[i][j] - q.distance)).toBeLessThanOrEqual(0.0005);
    }
  });

  it('matrix accepts node ids and { points } files, and names a bad point', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-pts-'));
    const ids = join(dir, 'ids.json');
    writeFileSync(ids, JSON.stringify([1, 2, 3]));
    const { out } = await run(matrixCommand, ['--network', FIXTURE, '--points', ids, '--metric', 'distance']);
    const r = JSON.parse(out);
    expect(r.durations).toBeUndefined();
    expect(r.distances[0][0]).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ points: [[1.5, 42.5], ['x']] }));
    await expect(run(matrixCommand, ['--network', FIXTURE, '--points', bad])).rejects.toMatchObject({ code: 'invalid-points', pointer: '/points/1' });
  });
});
