import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cluster } from '../../src/cli/commands/cluster.js';

const dir = mkdtempSync(join(tmpdir(), 'vrpkit-cluster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = new URL('../../fixtures/cluster-points.json', import.meta.url).pathname;
const fixturePoints: { id: string; demand: number }[] = JSON.parse(readFileSync(fixture, 'utf8')).points;

interface Output {
  method: string;
  metric: string;
  k: number;
  cost: number;
  zones: { zone: number; centre: [number, number]; demand: number; size: number; points: string[] }[];
  assignment: { id: string; zone: number }[];
}

async function runCluster(args: string[]): Promise<Output> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.json`);
  expect(await cluster.run([...args, '--output', out])).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('vrpkit cluster', () => {
  it('capacitated zones of the fixture: every id once, demand within the limit and adding up', async () => {
    const r = await runCluster([fixture, '--max-demand', '60']);
    expect(r.method).toBe('capacitated');
    expect(r.metric).toBe('haversine'); // from the file
    expect(r.assignment.map((a) => a.id)).toEqual(fixturePoints.map((p) => p.id));
    const total = fixturePoints.reduce((s, p) => s + p.demand, 0);
    expect(r.zones.reduce((s, z) => s + z.demand, 0)).toBe(total);
    expect(r.k).toBeGreaterThanOrEqual(Math.ceil(total / 60));
    for (const z of r.zones) {
      expect(z.demand).toBeLessThanOrEqual(60);
      const own = fixturePoints.filter((_, i) => r.assignment[i].zone === z.zone);
      expect(z.points).toEqual(own.map((p) => p.id));
      expect(z.demand).toBe(own.reduce((s, p) => s + p.demand, 0));
      expect(z.centre[1]).toBeGreaterThan(41.1); // in Porto
      expect(z.centre[1]).toBeLessThan(41.2);
    }
  });

  it('kmeans and sweep with --k, same output for the same seed', async () => {
    const a = await runCluster([fixture, '--k', '5', '--seed', '7']);
    const b = await runCluster([fixture, '--k', '5', '--seed', '7']);
    expect(a.method).toBe('kmeans');
    expect(a.zones).toHaveLength(5);
    expect(b).toEqual(a);
    const s = await runCluster([fixture, '--k', '4', '--method', 'sweep', '--balance', 'count']);
    expect(s.zones.map((z) => z.size)).toEqual([15, 15, 15, 15]);
  });

  it('accepts a bare array of [x, y] pairs (ids are indices)', async () => {
    const file = join(dir, 'pairs.json');
    writeFileSync(file, JSON.stringify([[0, 0], [0, 1], [10, 10], [10, 11]]));
    const r = await runCluster([file, '--k', '2']);
    expect(r.metric).toBe('euclidean');
    expect(r.assignment.map((a) => a.id)).toEqual([0, 1, 2, 3]);
    expect(r.assignment[0].zone).toBe(r.assignment[1].zone);
    expect(r.assignment[2].zone).toBe(r.assignment[3].zone);
    expect(r.assignment[0].zone).not.toBe(r.assignment[2].zone);
  });

  it('usage errors and input errors (which main turns into exit code 2)', async () => {
    await expect(cluster.run([fixture])).rejects.toMatchObject({ name: 'UsageError' });
    await expect(cluster.run([fixture, '--k', '3', '--method', 'dbscan'])).rejects.toMatchObject({ name: 'UsageError' });
    await expect(cluster.run([fixture, '--k', '3', '--bogus', '1'])).rejects.toMatchObject({ name: 'UsageError' });
    await expect(cluster.run([fixture, '--max-demand', '10'])).rejects.toMatchObject({
      code: 'cluster-capacity',
      pointer: expect.stringMatching(/^\/points\/\d+\/demand$/),
    });
    const dup = join(dir, 'dup.json');
    writeFileSync(dup, JSON.stringify({ points: [{ id: 'a', location: [0, 0] }, { id: 'a', location: [1, 1] }] }));
    await expect(cluster.run([dup, '--k', '1'])).rejects.toMatchObject({ code: 'cluster-point', pointer: '/points/1/id' });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ points: [{ location: [0, 0] }, { location: ['x', 1] }] }));
    await expect(cluster.run([bad, '--k', '1'])).rejects.toMatchObject({ code: 'cluster-point', pointer: '/points/1/location' });
  });
});
