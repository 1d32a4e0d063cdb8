import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { detectFormat, detectFromContent } from '../../src/io/detect.js';
import { jsonErrorAt, lineColumn, parseJsonText } from '../../src/io/json-text.js';
import { compactJson, readPlan, solutionToJson, planJobIds } from '../../src/io/solution.js';
import { parseVrplibSolution, looksLikeVrplibSolution } from '../../src/io/vrplib-solution.js';
import { readTextFile, isGzip } from '../../src/io/files.js';
import { solutionToGeoJson } from '../../src/io/solution-geojson.js';
import { parseSolomon } from '../../src/io/solomon.js';
import { parseCvrplib } from '../../src/io/cvrplib.js';
import { checkSolution } from '../../src/model/check.js';
import { isVrpkitError } from '../../src/core/errors.js';
import type { Problem, Solution } from '../../src/model/types.js';
import { HAVE_INSTANCES, INSTANCES_DIR, readBks, readInstance } from './shared.js';

function thrown(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (isVrpkitError(e)) return e;
    throw e;
  }
  throw new Error('expected a VrpkitError');
}

describe('detectFormat', () => {
  it('trusts unambiguous extensions, gz included', () => {
    expect(detectFormat('whatever', 'a/b/route.JSON')).toBe('json');
    expect(detectFormat('whatever', 'X-n101-k25.vrp.gz')).toBe('cvrplib');
  });
  it('sniffs the content otherwise', () => {
    expect(detectFormat('  \n{ "jobs": [] }', 'plan.txt')).toBe('json');
    expect(detectFromContent('NAME : x\nDIMENSION : 3\nNODE_COORD_SECTION\n1 0 0')).toBe('cvrplib');
    expect(detectFromContent('C101\r\n\r\nVEHICLE\r\nNUMBER CAPACITY\r\n 25 200\r\n\r\nCUSTOMER\r\n')).toBe('solomon');
  });
  it('refuses to guess', () => {
    const e = thrown(() => detectFormat('hello world', 'notes.txt'));
    expect(e.code).toBe('format');
    expect(e.pointer).toBe('notes.txt');
  });
});

describe('parseJsonText', () => {
  it('names line and column of a syntax error', () => {
    const e = thrown(() => parseJsonText('{\n  "jobs": [1, 2,],\n  "x": 1\n}'));
    expect(e.code).toBe('json');
    expect(e.pointer).toBe('line 2, column 17'); // the ']' after the trailing comma
  });
  it('reports truncated input at its end', () => {
    expect(thrown(() => parseJsonText('{"a":\n  [1, 2')).pointer).toBe('line 2, column 8');
    expect(thrown(() => parseJsonText('')).pointer).toBe('line 1, column 1');
    expect(thrown(() => parseJsonText('{"a": tru}')).pointer).toBe('line 1, column 10');
    expect(thrown(() => parseJsonText('{"a": 1} x')).pointer).toBe('line 1, column 10');
  });
  it('the error scanner agrees with JSON.parse on what is valid (property)', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', 'x', ' ', '-', '\\'), (json, k, junk) => {
        const at = k % (json.length + 1);
        const text = json.slice(0, at) + junk + json.slice(at);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorAt(text).offset === -1).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });
  it('lineColumn agrees with a brute-force count (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n') }), fc.nat(), (text, k) => {
        const offset = text.length === 0 ? 0 : k % (text.length + 1);
        const before = text.slice(0, offset).split('\n');
        expect(lineColumn(text, offset)).toEqual({ line: before.length, column: before[before.length - 1].length + 1 });
      }),
    );
  });
});

/** A tiny problem on a line: depot at 0, jobs at 1, 2, 3 (matrix = |i − j|). */
function lineProblem(): Problem {
  const size = 4;
  const durations: number[] = [];
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) durations.push(Math.abs(i - j));
  return {
    jobs: [1, 2, 3].map((k) => ({ id: `j${k}`, location: k, delivery: [1], serviceDuration: 1 })),
    vehicles: [{ id: 'v', start: 0, end: 0, capacity: [5] }],
    travel: { type: 'matrix', size, durations },
  };
}

describe('solutionToJson / readPlan', () => {
  it('round-trips a checked solution with every claim intact', () => {
    const problem = lineProblem();
    // Build the Solution from the checker's own derived numbers (no solver involved).
    const report = checkSolution(problem, { routes: [{ vehicle: 'v', steps: [{ type: 'start' }, ...['j1', 'j2', 'j3'].map((id) => ({ type: 'job' as const, id })), { type: 'end' }] }] });
    expect(report.feasible).toBe(true);
    const r = report.routes[0];
    const solution: Solution = {
      summary: { cost: r.cost, routes: 1, unassigned: 0, distance: r.distance, duration: r.duration, waiting: 0, service: 3, delivery: [3], pickup: [0] },
      routes: [{ vehicle: 'v', steps: r.steps as any, cost: r.cost, distance: r.distance, duration: r.duration, waiting: 0, service: 3, delivery: [3], pickup: [0] }],
      unassigned: [],
      status: 'completed',
    };
    const json = solutionToJson(solution);
    expect(json.summary).toMatchObject({ cost: 6, distance: 6, duration: 9 });
    const text = JSON.stringify(json);
    const plan = readPlan(text);
    expect(planJobIds(plan)).toEqual([['j1', 'j2', 'j3']]);
    const again = checkSolution(problem, plan);
    expect(again.violations).toEqual([]);
    // A wrong claim in the file is caught by the checker.
    const tampered = JSON.parse(text);
    tampered.routes[0].distance = 5;
    expect(checkSolution(problem, readPlan(tampered)).violations.map((v) => v.code)).toContain('claim-mismatch');
  });

  it('accepts the short { vehicle, jobs } form', () => {
    const plan = readPlan('{"routes":[{"vehicle":"v","jobs":["j3","j1"]}],"unassigned":[{"id":"j2","reason":"cancelled"}]}');
    expect(plan.routes[0].steps.map((s) => s.type)).toEqual(['start', 'job', 'job', 'end']);
    const report = checkSolution(lineProblem(), plan);
    expect(report.feasible).toBe(true);
    expect(report.summary.distance).toBe(6);
  });

  it('lists every structural issue with pointers', () => {
    const e = thrown(() => readPlan({ routes: [{ jobs: [1, {}] }, { vehicle: 2, steps: [{ type: 'jump' }] }] }));
    expect(e.issues.map((i) => i.pointer).sort()).toEqual(['/routes/0/jobs/1', '/routes/0/vehicle', '/routes/1/steps/0/type']);
    expect(thrown(() => readPlan('[1, 2]')).pointer).toBe('');
    expect(thrown(() => readPlan('{"routes": 3')).code).toBe('json');
  });
});

describe('parseVrplibSolution', () => {
  it('reads routes and cost', () => {
    const text = 'Route #1: 5 3\r\nRoute #2: 7\r\nCost 12.5\r\n';
    expect(looksLikeVrplibSolution(text)).toBe(true);
    const plan = parseVrplibSolution(text, { jobIdOffset: 1 });
    expect(plan.cost).toBe(12.5);
    expect(plan.routes.map((r) => r.vehicle)).toEqual([1, 2]);
    expect(planJobIds(plan)).toEqual([[6, 4], [8]]);
  });
  it('names bad lines', () => {
    const e = thrown(() => parseVrplibSolution('Route #1: 1 x\nCost 3'));
    expect(e.pointer).toBe('line 1');
    expect(thrown(() => parseVrplibSolution('nothing here')).code).toBe('parse');
  });
});

describe('readTextFile', () => {
  it('reads plain and gzipped files alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-io-'));
    writeFileSync(join(dir, 'a.txt'), 'héllo\n');
    writeFileSync(join(dir, 'b.bin'), gzipSync(Buffer.from('héllo\n')));
    expect(readTextFile(join(dir, 'a.txt'))).toBe('héllo\n');
    expect(readTextFile(join(dir, 'b.bin'))).toBe('héllo\n');
    expect(isGzip(new Uint8Array([0x1f, 0x8b, 8]))).toBe(true);
  });
});

describe.skipIf(!HAVE_INSTANCES)('best-known route files through the readers and the independent checker', () => {
  it('Solomon C101, R101, RC208 and Homberger C1_2_1: feasible, distance = bks dist', () => {
    const cases: [string, string, string][] = [
      ['solomon', 'C101', 'solomon/solutions/dist/C101.sol'],
      ['solomon', 'R101', 'solomon/solutions/dist/R101.sol'],
      ['solomon', 'RC208', 'solomon/solutions/dist/RC208.sol'],
      ['homberger/200', 'C1_2_1', 'homberger/200/solutions/dist/C1_2_1.sol'],
    ];
    for (const [set, name, sol] of cases) {
      const problem = parseSolomon(readInstance(`${set}/${name}.txt`));
      const plan = parseVrplibSolution(readInstance(sol));
      const report = checkSolution(problem, plan);
      expect(report.violations, name).toEqual([]);
      expect(report.summary.distance, name).toBeCloseTo(readBks(set)[name].dist.distance, 6);
      expect(plan.cost).toBeCloseTo(report.summary.distance, 6);
    }
  });

  it('X-n101-k25 and X-n148-k46: feasible, cost = bks', () => {
    for (const name of ['X-n101-k25', 'X-n148-k46']) {
      const problem = parseCvrplib(readInstance(`cvrplib-x/${name}.vrp`));
      const plan = parseVrplibSolution(readInstance(`cvrplib-x/solutions/${name}.sol`), { jobIdOffset: 1 });
      const report = checkSolution(problem, plan);
      expect(report.violations, name).toEqual([]);
      expect(report.summary.distance).toBe(readBks('cvrplib-x')[name].distance);
    }
  });
});

describe('compactJson / formatSolutionJson', () => {
  it('parses back to the same value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(compactJson(v, ['summary']))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
  });
  it('puts number arrays and innermost objects on one line, keeps summary expanded', () => {
    const text = compactJson({ summary: { cost: 1, load: [1, 2] }, routes: [{ vehicle: 1, steps: [{ type: 'start', load: [3, 4] }] }] }, ['summary']);
    expect(text).toContain('"load": [1, 2]');
    expect(text).toContain('{"type": "start", "load": [3, 4]}');
    expect(text).toMatch(/"summary": \{\n\s+"cost": 1,/);
  });
});

describe('solutionToGeoJson', () => {
  const route = (vehicle: string, ids: string[]) => ({
    vehicle,
    cost: 1,
    distance: 1,
    duration: 1,
    waiting: 0,
    service: 0,
    delivery: [],
    pickup: [],
    steps: [
      { type: 'start' as const, arrival: 0, waiting: 0, serviceStart: 0, departure: 0, load: [], distance: 0 },
      ...ids.map((id, k) => ({ type: 'job' as const, id, arrival: k + 1, waiting: 0, serviceStart: k + 1, departure: k + 1, load: [], distance: 0 })),
      { type: 'end' as const, arrival: 9, waiting: 0, serviceStart: 9, departure: 9, load: [], distance: 0 },
    ],
  });
  const summary = { cost: 0, routes: 1, unassigned: 1, distance: 0, duration: 0, waiting: 0, service: 0, delivery: [], pickup: [] };

  it('draws routes through stops, unassigned jobs and shared depots', () => {
    const problem: Problem = {
      travel: { type: 'haversine', coordinates: [[2.35, 48.85], [2.36, 48.86]] },
      vehicles: [{ id: 'a', start: 0, end: 0 }, { id: 'b', start: 0 }],
      jobs: [{ id: 'x', location: 1 }, { id: 'y', location: [2.3, 48.8] }, { id: 'z', location: [2.4, 48.9] }],
    };
    const g = solutionToGeoJson(problem, { summary, routes: [route('a', ['y', 'x']), route('b', ['z'])], unassigned: [] });
    const lines = g.features.filter((f) => f.properties.kind === 'route');
    expect(lines.map((f) => f.geometry.coordinates)).toEqual(
      expect.arrayContaining([
        [[2.35, 48.85], [2.3, 48.8], [2.36, 48.86], [2.35, 48.85]],
        [[2.35, 48.85], [2.4, 48.9]], // open route: no way back
      ]),
    );
    const stops = g.features.filter((f) => f.properties.kind === 'job');
    expect(stops.map((f) => [f.properties.id, f.properties.sequence, f.properties.vehicle])).toEqual([['y', 1, 'a'], ['x', 2, 'a'], ['z', 1, 'b']]);
    expect(g.features.filter((f) => f.properties.kind === 'depot')).toEqual([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [2.35, 48.85] }, properties: { kind: 'depot', vehicles: ['a', 'b'] } },
    ]);
    const withUnassigned = solutionToGeoJson(problem, { summary, routes: [route('a', ['x'])], unassigned: [{ id: 'y', reason: 'time-window' }] });
    expect(withUnassigned.features.find((f) => f.properties.kind === 'unassigned')).toMatchObject({ geometry: { coordinates: [2.3, 48.8] }, properties: { id: 'y', reason: 'time-window' } });
  });

  it('leaves out locations without coordinates', () => {
    const problem: Problem = {
      travel: { type: 'matrix', size: 2, durations: [0, 1, 1, 0] },
      vehicles: [{ id: 'a', start: 0, end: 0 }],
      jobs: [{ id: 'x', location: 1 }],
    };
    expect(solutionToGeoJson(problem, { summary, routes: [route('a', ['x'])], unassigned: [] }).features).toEqual([]);
  });
});

describe.skipIf(!HAVE_INSTANCES)('every shipped instance reads into a valid problem', () => {
  it('Solomon, Homberger 200/1000 and X: validateProblem finds nothing', async () => {
    const { readdirSync } = await import('node:fs');
    const { validateProblem } = await import('../../src/model/validate.js');
    let count = 0;
    for (const [set, ext, parse] of [
      ['solomon', '.txt', parseSolomon],
      ['homberger/200', '.txt', parseSolomon],
      ['homberger/1000', '.txt', parseSolomon],
      ['cvrplib-x', '.vrp', parseCvrplib],
    ] as const) {
      for (const f of readdirSync(join(INSTANCES_DIR, set)).filter((x) => x.endsWith(ext))) {
        const problem = (parse as (t: string) => Problem)(readInstance(`${set}/${f}`));
        expect(validateProblem(problem), `${set}/${f}`).toEqual([]);
        expect(detectFormat(readInstance(`${set}/${f}`), f.replace(ext, '.txt')), f).toBe(ext === '.vrp' ? 'cvrplib' : 'solomon');
        count++;
      }
    }
    expect(count).toBe(56 + 60 + 6 + 50);
  });
});
