/**
 * Issue 11 reproducers at library level: header counts over the limits are
 * refused before anything is sized from them, files are read within bounds,
 * text must be UTF-8, and `RoadNetwork.fromDimacs` reads the unit note.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isVrpkitError } from '../../src/core/errors.js';
import { readBytes, readTextFile, checkOutputPath } from '../../src/io/files.js';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/io/utf8.js';
import { parseCvrplib } from '../../src/io/cvrplib.js';
import { parseSolomon } from '../../src/io/solomon.js';
import { parseProblemJson } from '../../src/io/json.js';
import { loadProblemFile } from '../../src/io/load.js';
import { checkProblemSize } from '../../src/io/problem-size.js';
import { resolveLimits } from '../../src/core/limits.js';
import { loadNetworkFile } from '../../src/io/network-files.js';
import { RoadNetwork } from '../../src/network/road-network.js';
import { REPO_ROOT } from './shared.js';

const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isVrpkitError(e)) return e;
    throw e;
  }
  throw new Error('expected a VrpkitError');
};
const tmp = mkdtempSync(join(tmpdir(), 'vrpkit-harden-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('DIMACS header counts', () => {
  it('p sp 2000000000 5 (the 23.6 GB file) is a limit error at its line, at once', () => {
    const t = Date.now();
    const e = thrown(() => RoadNetwork.fromDimacs('c tiny\np sp 2000000000 5\n'));
    expect(e).toMatchObject({ code: 'limit', pointer: 'gr:2' });
    expect(e.message).toMatch(/node count 2000000000 exceeds the limit of 10000000 \(maxNodes/);
    expect(Date.now() - t).toBeLessThan(2000); // a hang guard, not a speed claim
  });

  it('p sp 4 1e12 and an arc count the file cannot hold are refused before allocating', () => {
    expect(thrown(() => RoadNetwork.fromDimacs('p sp 4 1e12\n'))).toMatchObject({ code: 'limit', pointer: 'gr:1' });
    expect(thrown(() => RoadNetwork.fromDimacs('p sp 4 1000000000000\na 1 2 3\n')).message).toMatch(/arc count/);
    expect(thrown(() => RoadNetwork.fromDimacs('p sp 4 20000000\na 1 2 3\n')).message).toMatch(/can hold at most 1\b/);
  });

  it('raised limits let a larger header through', () => {
    const text = 'p sp 20 1\na 1 2 3\n';
    expect(thrown(() => RoadNetwork.fromDimacs(text, null, { limits: { maxNodes: 10 } })).code).toBe('limit');
    expect(RoadNetwork.fromDimacs(text, null, { limits: { maxNodes: 20 } }).nodeCount).toBe(20);
  });

  it('a gzip bomb is stopped at maxNetworkBytes; corrupt gzip is code gzip', () => {
    const bomb = gzipSync(Buffer.alloc(8 << 20, 0x63), { level: 9 });
    expect(thrown(() => RoadNetwork.fromDimacs(bomb, null, { limits: { maxNetworkBytes: 1 << 20 } })).code).toBe('limit');
    expect(thrown(() => RoadNetwork.fromDimacs(Buffer.concat([bomb.subarray(0, 20), Buffer.alloc(20, 1)]))).code).toBe('gzip');
  });
});

describe('RoadNetwork.fromDimacs and the unit note', () => {
  const gr = readFileSync(join(REPO_ROOT, 'fixtures/network/andorra-la-vella.gr.gz'));
  const co = readFileSync(join(REPO_ROOT, 'fixtures/network/andorra-la-vella.co.gz'));

  it('reads "decimetres" from the comments, as the command line loader does', () => {
    const lib = RoadNetwork.fromDimacs(gr, co);
    const cli = loadNetworkFile(join(REPO_ROOT, 'fixtures/network/andorra-la-vella.gr.gz'));
    expect(lib.metresPerUnit).toBe(0.1);
    const a = lib.shortestPath(1, 3000);
    const b = cli.shortestPath(1, 3000);
    expect(a.distance).toBe(b.distance);
    expect(a.distance).toBeLessThan(5000); // metres: about 2.1 km, not 21 km
    // An explicit unit still wins.
    expect(RoadNetwork.fromDimacs(gr, co, { metresPerUnit: 1 }).shortestPath(1, 3000).distance).toBeCloseTo(a.distance * 10, 6);
    expect(RoadNetwork.fromDimacs('c weights in centimetres\np sp 2 1\na 1 2 250\n').shortestPath(1, 2).distance).toBe(2.5);
    expect(RoadNetwork.fromDimacs('p sp 2 1\na 1 2 250\n').shortestPath(1, 2).distance).toBe(250);
  });
});

describe('CVRPLIB and Solomon sizes', () => {
  const vrp = (dimension: string, extra = '') =>
    `NAME : h\nTYPE : CVRP\nDIMENSION : ${dimension}\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\n${extra}NODE_COORD_SECTION\n1 0 0\n2 1 1\nDEMAND_SECTION\n1 0\n2 1\nDEPOT_SECTION\n1\n-1\nEOF\n`;

  it('DIMENSION 2e8 / 1e9 and VEHICLES 1e12 are limit errors at their line', () => {
    for (const d of ['200000000', '1000000000', '1e9']) expect(thrown(() => parseCvrplib(vrp(d)))).toMatchObject({ code: 'limit', pointer: 'line 3' });
    expect(thrown(() => parseCvrplib(vrp('2', 'VEHICLES : 1000000000000\n')))).toMatchObject({ code: 'limit', pointer: 'line 6' });
  });

  it('an EXPLICIT matrix of DIMENSION 1e5 is refused by its cell count, before the values are counted', () => {
    const text = vrp('100000').replace('EUC_2D', 'EXPLICIT\nEDGE_WEIGHT_FORMAT : FULL_MATRIX').replace('NODE_COORD_SECTION', 'EDGE_WEIGHT_SECTION\n0 1 1 0\nNODE_COORD_SECTION');
    const e = thrown(() => parseCvrplib(text));
    expect(e.code).toBe('limit');
    expect(e.message).toMatch(/DIMENSION² cells\) 10000000000 exceeds the limit of 16000000 \(maxMatrixCells/);
  });

  it('more matrix values than DIMENSION allows stop the reader with a line', () => {
    const text = vrp('2').replace('EUC_2D', 'EXPLICIT\nEDGE_WEIGHT_FORMAT : FULL_MATRIX').replace('NODE_COORD_SECTION', `EDGE_WEIGHT_SECTION\n${'0 '.repeat(10_000)}\nNODE_COORD_SECTION`);
    const e = thrown(() => parseCvrplib(text));
    expect(e.message).toMatch(/EDGE_WEIGHT_SECTION has more values than DIMENSION 2 allows \(at most 4\)/);
    expect(e.pointer).toBe('line 8');
  });

  it('Solomon vehicle NUMBER 2e9 is a limit error; a garbage file stops at 100 problems', () => {
    const solomon = (number: string, rows: string) => `X\n\nVEHICLE\nNUMBER CAPACITY\n ${number} 200\n\nCUSTOMER\nCUST NO. XCOORD.\n${rows}`;
    expect(thrown(() => parseSolomon(solomon('2000000000', '0 40 50 0 0 1236 0\n1 45 68 10 912 967 90\n')))).toMatchObject({ code: 'limit', pointer: 'line 5' });
    const e = thrown(() => parseSolomon(solomon('25', '0 40 50 0 0 1236 0\n' + '1 2\n'.repeat(100_000))));
    expect(e.issues.length).toBe(100);
    expect(e.message).toMatch(/stopped after 100 problems/);
  });
});

describe('JSON route files', () => {
  const base = { vehicles: [{ id: 'v', start: 0 }], travel: { type: 'matrix', size: 2, durations: [0, 1, 1, 0] } };

  it('jobs, vehicles and matrix size over the limits name the field', () => {
    const many = { ...base, jobs: Array.from({ length: 11 }, (_, i) => ({ id: i, location: 1 })) };
    expect(thrown(() => parseProblemJson(JSON.stringify(many), { limits: { maxJobs: 10 } }))).toMatchObject({ code: 'limit', pointer: '/jobs' });
    expect(parseProblemJson(JSON.stringify(many), { limits: { maxJobs: 11 } }).jobs.length).toBe(11);
    const huge = { ...base, jobs: [], travel: { type: 'matrix', size: 1e9, durations: [0] } };
    expect(thrown(() => parseProblemJson(JSON.stringify(huge)))).toMatchObject({ code: 'limit', pointer: '/travel/size' });
    const rows = { ...base, jobs: [], travel: { type: 'matrix', durations: Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]) } };
    expect(thrown(() => parseProblemJson(JSON.stringify(rows), { limits: { maxMatrixCells: 20 } }))).toMatchObject({ pointer: '/travel/durations' });
  });

  it('a route file over the limits is refused before its road network is loaded', async () => {
    const route = file('big-network.json', JSON.stringify({ ...base, jobs: Array.from({ length: 5 }, (_, i) => ({ id: i, location: [i, 0] })), travel: { type: 'network', file: 'missing.gr' } }));
    let loaded = false;
    const load = () => loadProblemFile(route, { limits: { maxMatrixCells: 16 }, loadNetwork: () => ((loaded = true), { travelMatrix: () => ({ durations: new Float64Array(), distances: new Float64Array() }) }) });
    await expect(load()).rejects.toMatchObject({ code: 'limit' });
    expect(loaded).toBe(false);
  });

  it('road-network travel above the decomposition threshold is not priced as one matrix (zones compute their own travel)', () => {
    const net = (jobs: number, extra: object = {}) => ({
      vehicles: [{ id: 'v', start: [0, 0] }], travel: { type: 'network', file: 'x.gr' }, ...extra,
      jobs: Array.from({ length: jobs }, (_, i) => ({ id: i, location: [i, 1] })),
    });
    const limits = resolveLimits({ maxMatrixCells: 1_000_000 });
    // 1,500 jobs are solved whole: 1,501² cells > 1,000,000
    expect(thrown(() => checkProblemSize(net(1500), limits))).toMatchObject({ code: 'limit', pointer: '/jobs' });
    // 1,501 jobs are solved zone by zone: accepted
    expect(() => checkProblemSize(net(1501), limits)).not.toThrow();
    // ...unless shipments keep the problem whole
    const ship = { shipments: [{ id: 's', pickup: { location: [0, 2] }, delivery: { location: [0, 3] } }] };
    expect(thrown(() => checkProblemSize(net(1501, ship), limits))).toMatchObject({ code: 'limit', pointer: '/jobs' });
  });
});

describe('reading files', () => {
  it('a directory, a missing file and a file over the limit are errors naming the path', () => {
    const dir = join(tmp, 'folder.json');
    mkdirSync(dir, { recursive: true });
    expect(thrown(() => readTextFile(dir))).toMatchObject({ code: 'file', pointer: dir });
    expect(thrown(() => readTextFile(dir)).message).toMatch(/is a directory/);
    expect(thrown(() => readTextFile(join(tmp, 'nope.json'))).message).toMatch(/does not exist/);
    const big = file('big.txt', 'x'.repeat(2000));
    expect(thrown(() => readBytes(big, { maxInputBytes: 1000 }))).toMatchObject({ code: 'limit', pointer: big });
    expect(thrown(() => readTextFile(file('bomb.txt.gz', gzipSync(Buffer.alloc(1 << 20))), { maxInputBytes: 1000 })).code).toBe('limit');
    expect(thrown(() => checkOutputPath(dir, '--output'))).toMatchObject({ code: 'file', pointer: '--output' });
    expect(thrown(() => checkOutputPath(join(tmp, 'no/such/folder/out.json'), '--output')).message).toMatch(/does not exist/);
  });

  it('invalid UTF-8 in an id is an error at its line and column (never a silent U+FFFD)', () => {
    const p = file('latin1.json', Buffer.concat([Buffer.from('{"jobs": [\n  {"id": "caf'), Buffer.from([0xe9]), Buffer.from('"}]}')]));
    const e = thrown(() => readTextFile(p));
    expect(e.code).toBe('encoding');
    expect(e.pointer).toBe('line 2, column 14');
    expect(e.message).toMatch(/byte 0xe9/);
    expect(readTextFile(file('ok.json', '\ufeff{"id": "café 🚚"}'))).toBe('{"id": "café 🚚"}');
  });

  it('firstInvalidUtf8 agrees with the fatal decoder', () => {
    const cases = [[0x61, 0xc3, 0xa9], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x61, 0x80], [0xf0, 0x9f, 0x9a, 0x9a]];
    for (const bytes of cases) {
      const b = new Uint8Array(bytes);
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8(b) === b.length).toBe(valid);
      if (!valid) expect(() => decodeUtf8(b)).toThrow(/not valid UTF-8/);
    }
  });
});
