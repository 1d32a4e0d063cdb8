import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { networkFileOf, parseProblemJson, problemFromJson } from '../../src/io/json.js';
import { loadProblemFile } from '../../src/io/load.js';
import { checkSolution } from '../../src/model/check.js';
import { isVrpkitError } from '../../src/core/errors.js';
import type { MatrixTravel, TravelProvider } from '../../src/model/types.js';
import { HAVE_INSTANCES, INSTANCES_DIR } from './shared.js';

function thrown(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (isVrpkitError(e)) return e;
    throw e;
  }
  throw new Error('expected a VrpkitError');
}

const VALID = {
  name: 'three stops',
  travel: { type: 'euclidean', coordinates: [[0, 0], [3, 4], [6, 8]] },
  vehicles: [{ id: 'van', start: 0, end: 0, capacity: [10], shift: [0, 100] }],
  jobs: [
    { id: 'a', location: 1, delivery: [2], serviceDuration: 1, timeWindows: [[0, 50]] },
    { id: 'b', location: 2, delivery: [3] },
  ],
};

describe('parseProblemJson', () => {
  it('returns a valid problem unchanged', () => {
    const p = parseProblemJson(JSON.stringify(VALID));
    expect(p).toEqual(VALID);
    const report = checkSolution(p, { routes: [{ vehicle: 'van', steps: [{ type: 'start' }, { type: 'job', id: 'a' }, { type: 'job', id: 'b' }, { type: 'end' }] }] });
    expect(report.feasible).toBe(true);
    expect(report.summary.distance).toBe(20);
  });

  it('reports a syntax error with its line and column', () => {
    const text = JSON.stringify(VALID, null, 2).replace('"delivery": [\n        3\n      ]', '"delivery": [3,]');
    const e = thrown(() => parseProblemJson(text));
    expect(e.code).toBe('json');
    expect(e.pointer).toMatch(/^line \d+, column \d+$/);
    const line = Number(/line (\d+)/.exec(e.pointer)![1]);
    expect(text.split('\n')[line - 1]).toContain('[3,]');
  });

  it('lists every invalid field at once, with JSON pointers', () => {
    const bad = structuredClone(VALID) as any;
    bad.jobs[0].timeWindows = [[60, 50]];
    bad.jobs[1].delivery = [-1];
    bad.vehicles[0].capcity = [3];
    const e = thrown(() => problemFromJson(bad));
    const pointers = e.issues.map((i) => i.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/jobs/0/timeWindows/0', '/jobs/1/delivery/0', '/vehicles/0/capcity']));
    expect(e.issues.length).toBeGreaterThanOrEqual(3);
  });

  it('accepts matrices as arrays of rows and points back into them', () => {
    const doc = {
      travel: { type: 'matrix', durations: [[0, 2, 3], [2, 0, 4], [3, 4, 0]] },
      vehicles: [{ id: 1, start: 0, end: 0 }],
      jobs: [{ id: 1, location: 1 }, { id: 2, location: 2 }],
    };
    const p = problemFromJson(doc);
    expect((p.travel as MatrixTravel).size).toBe(3);
    expect(Array.from((p.travel as MatrixTravel).durations)).toEqual([0, 2, 3, 2, 0, 4, 3, 4, 0]);
    const bad = structuredClone(doc) as any;
    bad.travel.durations[2][1] = -4;
    bad.travel.durations[1] = [2, 0];
    const e = thrown(() => problemFromJson(bad));
    expect(e.issues.map((i) => i.pointer)).toEqual(expect.arrayContaining(['/travel/durations/1', '/travel/durations/2/1']));
  });

  it('network travel from a file needs the caller to load it', () => {
    const doc = { ...VALID, travel: { type: 'network', file: 'roads.gr.gz', points: [[1.5, 42.5], [1.51, 42.5], [1.52, 42.51]] } };
    expect(networkFileOf(doc)).toBe('roads.gr.gz');
    expect(networkFileOf(VALID)).toBeUndefined();
    const e = thrown(() => problemFromJson(doc));
    expect(e.code).toBe('unsupported');
    expect(e.pointer).toBe('/travel/file');
    const network: TravelProvider = {
      travelMatrix: (points) => ({ durations: new Float64Array(points.length ** 2), distances: new Float64Array(points.length ** 2) }),
    };
    const p = problemFromJson(doc, { network });
    expect(p.travel).toEqual({ type: 'network', network, points: doc.travel.points });
  });
});

describe('loadProblemFile', () => {
  it('detects JSON and resolves a network file relative to the route file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-load-'));
    writeFileSync(join(dir, 'route.json'), JSON.stringify({ ...VALID, travel: { type: 'network', file: 'net.gr', points: [1, 2, 3] } }));
    const seen: string[] = [];
    const network: TravelProvider = { travelMatrix: () => ({ durations: new Float64Array(9), distances: new Float64Array(9) }) };
    const { problem, format } = await loadProblemFile(join(dir, 'route.json'), {
      loadNetwork: (path) => {
        seen.push(path);
        return network;
      },
    });
    expect(format).toBe('json');
    expect(seen).toEqual([join(dir, 'net.gr')]);
    expect(problem.travel.type).toBe('network');
  });

  it.skipIf(!HAVE_INSTANCES)('reads the benchmark formats with a rounding override', async () => {
    const { problem, format } = await loadProblemFile(join(INSTANCES_DIR, 'solomon/C101.txt'), { rounding: 'none' });
    expect(format).toBe('solomon');
    expect(problem.travel).toMatchObject({ type: 'euclidean', rounding: 'none' });
    const x = await loadProblemFile(join(INSTANCES_DIR, 'cvrplib-x/X-n101-k25.vrp'));
    expect(x.format).toBe('cvrplib');
    expect(x.problem.travel).toMatchObject({ rounding: 'nint' });
  });
});
