/**
 * `--hierarchy FILE` on the commands that take a road network: the first run
 * builds and writes the file, later runs load it and answer the same; a file
 * of another network or a corrupted one is bad input (exit 2, one JSON error).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { path as pathCommand } from '../../src/cli/commands/path.js';
import { matrix as matrixCommand } from '../../src/cli/commands/matrix.js';
import { solve as solveCommand } from '../../src/cli/commands/solve.js';
import { attachHierarchyFile, loadNetworkFile } from '../../src/io/network-files.js';
import type { Command } from '../../src/cli/commands/types.js';
import { runCli, stderrError } from '../cli/run-cli.js';

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

describe('--hierarchy FILE', () => {
  it('path: builds the file on the first run, loads it on the next, same answer as without', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-ch-'));
    const file = join(dir, 'andorra.ch');
    const plain = JSON.parse((await run(pathCommand, ['--network', FIXTURE, '--from', '1', '--to', '3000', '--metric', 'duration'])).out);
    const first = await run(pathCommand, ['--network', FIXTURE, '--from', '1', '--to', '3000', '--metric', 'duration', '--hierarchy', file]);
    expect(first.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const written = statSync(file).mtimeMs;
    const second = JSON.parse((await run(pathCommand, ['--network', FIXTURE, '--from', '1', '--to', '3000', '--metric', 'duration', '--hierarchy', file])).out);
    expect(statSync(file).mtimeMs).toBe(written);
    expect(second).toMatchObject({ algorithm: 'hierarchy', reachable: true, duration: plain.duration, source: 1, target: 3000 });
    expect(JSON.parse(first.out)).toEqual(second);
    expect(second.nodes[0]).toBe(1);
    expect(second.nodes[second.nodes.length - 1]).toBe(3000);
    // The duration file lacks the distance metric: a distance query adds it to the file.
    const net = loadNetworkFile(FIXTURE);
    expect(net.loadHierarchy(readFileSync(file))).toEqual(['duration']);
    await run(pathCommand, ['--network', FIXTURE, '--from', '1', '--to', '3000', '--hierarchy', file]);
    expect(loadNetworkFile(FIXTURE).loadHierarchy(readFileSync(file)).sort()).toEqual(['distance', 'duration']);
  });

  it('matrix: the same JSON with and without the hierarchy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-ch-'));
    const file = join(dir, 'andorra.ch');
    for (const metric of ['both', 'distance']) {
      const plain = await run(matrixCommand, ['--network', FIXTURE, '--points', POINTS, '--metric', metric]);
      const fast = await run(matrixCommand, ['--network', FIXTURE, '--points', POINTS, '--metric', metric, '--hierarchy', file]);
      expect(fast.code).toBe(0);
      expect(JSON.parse(fast.out)).toEqual(JSON.parse(plain.out));
    }
  });

  it('solve: a route file with network travel builds the file, then loads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-ch-'));
    const file = join(dir, 'andorra.ch');
    const route = join(dir, 'route.json');
    const doc = JSON.parse(readFileSync(POINTS, 'utf8')) as unknown[] | { points: unknown[] };
    const points = Array.isArray(doc) ? doc : doc.points;
    writeFileSync(
      route,
      JSON.stringify({
        travel: { type: 'network', file: FIXTURE, points },
        vehicles: [{ id: 'v', start: 0, end: 0, capacity: [10] }],
        jobs: points.slice(1, 8).map((_, i) => ({ id: `j${i}`, location: i + 1, delivery: [1] })),
      }),
    );
    const args = [route, '--max-iterations', '50', '--seed', '3'];
    const plain = await run(solveCommand, args);
    const first = await run(solveCommand, [...args, '--hierarchy', file]);
    const second = await run(solveCommand, [...args, '--hierarchy', file]);
    expect(existsSync(file)).toBe(true);
    expect(first.code).toBe(0);
    const routes = (out: string) => JSON.parse(out).routes;
    expect(routes(first.out)).toEqual(routes(plain.out));
    expect(routes(second.out)).toEqual(routes(plain.out));
  });

  it('a file of another network or a corrupted file is bad input naming --hierarchy (exit 2, one JSON error)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-ch-'));
    const file = join(dir, 'other.ch');
    const net = loadNetworkFile(FIXTURE);
    attachHierarchyFile(net.withClosures([[1, net.idOf(net.topology.fwdHeads[net.topology.fwdOffsets[0]])]]), file, ['distance']);
    const r = runCli(['path', '--network', FIXTURE, '--from', '1', '--to', '30', '--hierarchy', file]);
    expect(r.status).toBe(2);
    expect(stderrError(r)).toMatchObject({ code: 'hierarchy-mismatch', pointer: '--hierarchy' });
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(file, bytes);
    const c = runCli(['matrix', '--network', FIXTURE, '--points', POINTS, '--metric', 'distance', '--hierarchy', file]);
    expect(c.status).toBe(2);
    expect(stderrError(c)).toMatchObject({ code: 'invalid-hierarchy', pointer: '--hierarchy' });
    const u = runCli(['solve', join(__dirname, '../../fixtures/city-deliveries.json'), '--hierarchy', file]);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/--hierarchy needs a route file with road-network travel/);
  });
});
