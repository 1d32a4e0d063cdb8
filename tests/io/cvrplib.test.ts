import { describe, expect, it } from 'vitest';
import { parseCvrplib } from '../../src/io/cvrplib.js';
import { isVrpkitError } from '../../src/core/errors.js';
import type { MatrixTravel, MetricTravel, Problem } from '../../src/model/types.js';
import { HAVE_INSTANCES, readBks, readInstance, readSolRoutes } from './shared.js';

/** TSPLIB nint for integer coordinates, exactly: the integer nearest to sqrt(d2) (ties up). */
function nintArc(a: [number, number], b: [number, number]): number {
  const d2 = (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
  let k = Math.floor(Math.sqrt(d2));
  while (k * k > d2) k--;
  while ((k + 1) * (k + 1) <= d2) k++;
  // sqrt(d2) >= k + 0.5  <=>  4 d2 >= (2k + 1)^2
  return 4 * d2 >= (2 * k + 1) ** 2 ? k + 1 : k;
}

function parseError(text: string) {
  try {
    parseCvrplib(text);
  } catch (e) {
    if (isVrpkitError(e)) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const SAMPLE = `NAME : tiny-n4
COMMENT : "hand made"
TYPE : CVRP
DIMENSION : 4
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 10
NODE_COORD_SECTION
1 0 0
2 3 4
3 6 8
4 0 5
DEMAND_SECTION
1 0
2 4
3 5
4 6
DEPOT_SECTION
 1
 -1
EOF
`;

describe('parseCvrplib on inline samples', () => {
  it('maps an EUC_2D file exactly', () => {
    const p = parseCvrplib(SAMPLE);
    expect(p.name).toBe('tiny-n4');
    expect(p.travel).toEqual({ type: 'euclidean', coordinates: [[0, 0], [3, 4], [6, 8], [0, 5]], rounding: 'nint' });
    expect(p.jobs).toEqual([
      { id: 2, location: 1, delivery: [4] },
      { id: 3, location: 2, delivery: [5] },
      { id: 4, location: 3, delivery: [6] },
    ]);
    // one vehicle per customer, ids 1..n, no shift
    expect(p.vehicles).toEqual([1, 2, 3].map((id) => ({ id, start: 0, end: 0, capacity: [10] })));
  });

  it('honours VEHICLES, DISTANCE and SERVICE_TIME, and a depot that is not node 1', () => {
    const text = SAMPLE.replace('CAPACITY : 10', 'CAPACITY : 10\nVEHICLES : 2\nDISTANCE : 50\nSERVICE_TIME : 3')
      .replace('DEPOT_SECTION\n 1', 'DEPOT_SECTION\n 3')
      .replace('1 0\n2 4\n3 5', '1 4\n2 4\n3 0');
    const p = parseCvrplib(text);
    expect(p.jobs.map((j) => j.id)).toEqual([1, 2, 4]);
    expect(p.jobs[0]).toEqual({ id: 1, location: 0, delivery: [4], serviceDuration: 3 });
    expect(p.vehicles).toEqual([1, 2].map((id) => ({ id, start: 2, end: 2, capacity: [10], maxDuration: 50 })));
    const noService = parseCvrplib(SAMPLE.replace('CAPACITY : 10', 'CAPACITY : 10\nDISTANCE : 50'));
    expect(noService.vehicles[0].maxDistance).toBe(50);
  });

  const explicit = (format: string, weights: string) =>
    [
      'NAME: m',
      'TYPE: CVRP',
      'DIMENSION: 3',
      'EDGE_WEIGHT_TYPE: EXPLICIT',
      `EDGE_WEIGHT_FORMAT: ${format}`,
      'CAPACITY: 5',
      'EDGE_WEIGHT_SECTION',
      weights,
      'DEMAND_SECTION',
      '1 0',
      '2 1',
      '3 2',
      'DEPOT_SECTION',
      '1',
      '-1',
      'EOF',
    ].join('\n');
  const full = [0, 7, 9, 7, 0, 4, 9, 4, 0];
  it.each([
    ['FULL_MATRIX', '0 7 9\n7 0 4\n9 4 0'],
    ['UPPER_ROW', '7 9\n4'],
    ['LOWER_ROW', '7\n9 4'],
    ['UPPER_DIAG_ROW', '0 7 9 0 4 0'],
    ['LOWER_DIAG_ROW', '0\n7 0\n9 4 0'],
    ['UPPER_COL', '7 9 4'],
    ['LOWER_DIAG_COL', '0 7 9 0 4 0'],
  ])('reads EXPLICIT %s into the full matrix', (format, weights) => {
    const travel = parseCvrplib(explicit(format, weights)).travel as MatrixTravel;
    expect(travel.type).toBe('matrix');
    expect(travel.size).toBe(3);
    expect(Array.from(travel.durations)).toEqual(full);
    expect(Array.from(travel.distances!)).toEqual(full);
  });

  it('asymmetric FULL_MATRIX keeps its direction', () => {
    const travel = parseCvrplib(explicit('FULL_MATRIX', '0 1 2\n3 0 5\n6 7 0')).travel as MatrixTravel;
    expect(Array.from(travel.durations)).toEqual([0, 1, 2, 3, 0, 5, 6, 7, 0]);
  });

  it('checks the size of an explicit matrix', () => {
    expect(parseError(explicit('LOWER_ROW', '1 2')).message).toMatch(/needs 3 values, found 2/);
    expect(parseError(explicit('LOWER_ROW', '1 2 x')).pointer).toBe('line 8');
  });
});

describe('parseCvrplib errors', () => {
  it('names the line of a bad coordinate row', () => {
    const e = parseError(SAMPLE.replace('3 6 8', '3 6'));
    expect(e.code).toBe('parse');
    expect(e.pointer).toBe('line 10');
  });

  it('lists every problem at once', () => {
    const e = parseError(SAMPLE.replace('3 5', '3 -5').replace('4 0 5', '9 0 5'));
    const pointers = e.issues.map((i) => i.pointer);
    expect(pointers).toContain('line 11'); // node 9 out of range
    expect(pointers).toContain('line 15'); // negative demand
    expect(e.issues.some((i) => /node 4 is missing/.test(i.message))).toBe(true);
  });

  it('refuses unsupported features with code unsupported', () => {
    expect(parseError(SAMPLE.replace('EUC_2D', 'GEO')).code).toBe('unsupported');
    expect(parseError(SAMPLE.replace('DEPOT_SECTION\n 1', 'DEPOT_SECTION\n 1\n 2')).code).toBe('unsupported');
    expect(parseError(SAMPLE.replace('TYPE : CVRP', 'TYPE : TSP')).code).toBe('unsupported');
  });

  it('requires CAPACITY, DIMENSION and a depot', () => {
    expect(parseError(SAMPLE.replace('CAPACITY : 10\n', '')).message).toMatch(/CAPACITY/);
    expect(parseError(SAMPLE.replace('DIMENSION : 4\n', '')).message).toMatch(/DIMENSION/);
    expect(parseError(SAMPLE.replace(/DEPOT_SECTION[\s\S]*EOF/, 'EOF')).message).toMatch(/DEPOT_SECTION/);
  });
});

/** Total nint distance of routes of customer numbers as in the .sol files (node id − 1). */
function routesCost(p: Problem, routes: number[][]): number {
  const coords = (p.travel as MetricTravel).coordinates!;
  const depot = coords[p.vehicles[0].start as number];
  const byId = new Map(p.jobs.map((j) => [j.id, coords[j.location as number]]));
  let cost = 0;
  for (const r of routes) {
    let prev = depot;
    for (const c of r) {
      const here = byId.get(c + 1)!;
      cost += nintArc(prev, here);
      prev = here;
    }
    cost += nintArc(prev, depot);
  }
  return cost;
}

describe.skipIf(!HAVE_INSTANCES)('parseCvrplib on the shipped X instances', () => {
  it('reads X-n101-k25 exactly', () => {
    const p = parseCvrplib(readInstance('cvrplib-x/X-n101-k25.vrp'));
    expect(p.name).toBe('X-n101-k25');
    expect(p.jobs).toHaveLength(100);
    expect(p.jobs[0]).toEqual({ id: 2, location: 1, delivery: [expect.any(Number)] });
    expect(p.vehicles).toHaveLength(100);
    expect(p.vehicles[0]).toEqual({ id: 1, start: 0, end: 0, capacity: [206] });
    expect((p.travel as MetricTravel).coordinates![0]).toEqual([365, 689]);
  });

  it('every X best-known route file costs exactly its bks.json value and fits the capacity', () => {
    const bks = readBks('cvrplib-x');
    const names = Object.keys(bks);
    expect(names).toHaveLength(50);
    for (const name of names) {
      const p = parseCvrplib(readInstance(`cvrplib-x/${name}.vrp`));
      const sol = readSolRoutes(`cvrplib-x/solutions/${name}.sol`);
      const demand = new Map(p.jobs.map((j) => [j.id, j.delivery![0]]));
      for (const r of sol.routes) {
        expect(r.reduce((s, c) => s + demand.get(c + 1)!, 0), name).toBeLessThanOrEqual(p.vehicles[0].capacity![0]);
      }
      expect(sol.routes.flat().length, name).toBe(p.jobs.length);
      expect(routesCost(p, sol.routes), name).toBe(bks[name].distance);
    }
  });
});

describe('parseCvrplib round trip (property)', () => {
  it('reads back every node of a generated file, whatever the depot and spacing', async () => {
    const fc = (await import('fast-check')).default;
    const node = fc.record({ x: fc.integer({ min: -1000, max: 1000 }), y: fc.integer({ min: -1000, max: 1000 }), demand: fc.integer({ min: 0, max: 50 }) });
    fc.assert(
      fc.property(
        fc.array(node, { minLength: 2, maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 1, max: 500 }),
        fc.constantFrom(' ', '\t', ' \t '),
        fc.constantFrom('\n', '\r\n'),
        (nodes, d, capacity, sep, eol) => {
          const depot = d % nodes.length;
          const n = nodes.length;
          const text = [
            `NAME : gen${sep}`,
            'TYPE : CVRP',
            `DIMENSION : ${n}`,
            'EDGE_WEIGHT_TYPE : EUC_2D',
            `CAPACITY : ${capacity}`,
            'NODE_COORD_SECTION',
            ...nodes.map((p, k) => `${sep}${k + 1}${sep}${p.x}${sep}${p.y}`),
            'DEMAND_SECTION',
            ...nodes.map((p, k) => `${k + 1}${sep}${k === depot ? 0 : p.demand}`),
            'DEPOT_SECTION',
            `${sep}${depot + 1}`,
            ' -1',
            'EOF',
            '',
          ].join(eol);
          const p = parseCvrplib(text);
          expect(p.jobs.map((j) => j.id)).toEqual(nodes.map((_, k) => k + 1).filter((id) => id !== depot + 1));
          for (const job of p.jobs) {
            const k = (job.id as number) - 1;
            expect(job.location).toBe(k);
            expect(job.delivery).toEqual([nodes[k].demand]);
          }
          expect((p.travel as MetricTravel).coordinates).toEqual(nodes.map((q) => [q.x, q.y]));
          expect(p.vehicles).toHaveLength(n - 1);
          expect(p.vehicles.every((v) => v.start === depot && v.end === depot && v.capacity![0] === capacity)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
