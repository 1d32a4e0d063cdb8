import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSolomon } from '../../src/io/solomon.js';
import { isVrpkitError } from '../../src/core/errors.js';
import type { MetricTravel, Problem } from '../../src/model/types.js';
import { HAVE_INSTANCES, readBks, readInstance, readSolRoutes } from './shared.js';

/** Exact DIMACS arc for integer coordinates: floor(10 * sqrt(d2)) / 10 = isqrt(100 d2) / 10. */
function truncatedArc(a: [number, number], b: [number, number]): number {
  const d2 = 100 * ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2);
  let r = Math.floor(Math.sqrt(d2));
  while (r * r > d2) r--;
  while ((r + 1) * (r + 1) <= d2) r++;
  return r / 10;
}

/** Total truncated distance of routes given by job ids, depot at travel.coordinates[0] (independent of src/model). */
function routesDistance(problem: Problem, routes: (number | string)[][]): number {
  const coords = (problem.travel as MetricTravel).coordinates!;
  const byId = new Map(problem.jobs.map((j) => [j.id, coords[j.location as number]]));
  let tenths = 0;
  for (const r of routes) {
    let prev = coords[0];
    for (const id of [...r, 'depot']) {
      const here = id === 'depot' ? coords[0] : byId.get(id);
      expect(here, `job ${id}`).toBeDefined();
      tenths += Math.round(10 * truncatedArc(prev, here!));
      prev = here!;
    }
  }
  return tenths / 10;
}

const SAMPLE = [
  'TINY1',
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  '  3         50',
  '',
  'CUSTOMER',
  'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
  ' ',
  '    0      0         0          0          0       100          0   ',
  '    1      3         4         10         5         20         2   ',
  '    7      6         8         20        10         60         3   ',
].join('\r\n');

describe('parseSolomon on an inline sample', () => {
  it('maps the depot, customers, fleet and travel exactly', () => {
    const p = parseSolomon(SAMPLE);
    expect(p.name).toBe('TINY1');
    expect(p.travel).toEqual({ type: 'euclidean', coordinates: [[0, 0], [3, 4], [6, 8]], rounding: 'truncate1' });
    expect(p.jobs).toEqual([
      { id: 1, location: 1, delivery: [10], serviceDuration: 2, timeWindows: [[5, 20]] },
      { id: 7, location: 2, delivery: [20], serviceDuration: 3, timeWindows: [[10, 60]] },
    ]);
    expect(p.vehicles).toHaveLength(3);
    expect(p.vehicles.map((v) => v.id)).toEqual([1, 2, 3]);
    for (const v of p.vehicles) {
      expect(v).toEqual({ id: v.id, start: 0, end: 0, capacity: [50], shift: [0, 100] });
    }
  });

  it('takes the rounding option', () => {
    expect((parseSolomon(SAMPLE, { rounding: 'none' }).travel as MetricTravel).rounding).toBe('none');
  });

  it('accepts LF line ends and a file without a name line', () => {
    const p = parseSolomon(SAMPLE.split('\r\n').slice(2).join('\n'));
    expect(p.name).toBeUndefined();
    expect(p.jobs).toHaveLength(2);
  });
});

/** Runs the parser and returns the thrown VrpkitError. */
function parseError(text: string) {
  try {
    parseSolomon(text);
  } catch (e) {
    if (isVrpkitError(e)) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('parseSolomon errors', () => {
  const lines = SAMPLE.split('\r\n');
  const withLine = (index: number, text: string) => lines.map((l, i) => (i === index ? text : l)).join('\n');

  it('names the line of a short customer row', () => {
    const e = parseError(withLine(10, '    1      3         4         10         5         20'));
    expect(e.code).toBe('parse');
    expect(e.pointer).toBe('line 11');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0].message).toMatch(/expected 7 values/);
  });

  it('names a non-numeric value', () => {
    const e = parseError(withLine(11, '    7      6         x         20        10         60         3'));
    expect(e.pointer).toBe('line 12');
    expect(e.message).toMatch(/'x'/);
  });

  it('lists every problem at once', () => {
    const text = [...lines.slice(0, 10), '  1 3 4 -5 30 20 2', '  1 6 8 20 10 60 3', '  2 1 1 1 1'].join('\n');
    const e = parseError(text);
    expect(e.issues.map((i) => i.pointer)).toEqual(['line 11', 'line 11', 'line 12', 'line 13']);
    expect(e.issues.map((i) => i.message).join(' | ')).toMatch(/DEMAND.*READY TIME 30 is after DUE DATE 20.*listed twice.*expected 7/);
  });

  it('rejects a bad fleet line and missing sections', () => {
    expect(parseError(withLine(4, '  0   50')).pointer).toBe('line 5');
    expect(parseError(lines.filter((_, i) => i !== 6).join('\n')).message).toMatch(/CUSTOMER/);
    expect(parseError('').code).toBe('parse');
  });

  it('requires a depot row first', () => {
    const e = parseError([...lines.slice(0, 9), ...lines.slice(10), lines[9]].join('\n'));
    expect(e.message).toMatch(/depot/);
  });
});

describe('parseSolomon round trip (property)', () => {
  it('reads back every value of a generated file', () => {
    const row = fc.record({
      x: fc.integer({ min: 0, max: 1000 }),
      y: fc.integer({ min: 0, max: 1000 }),
      demand: fc.integer({ min: 0, max: 100 }),
      ready: fc.integer({ min: 0, max: 500 }),
      width: fc.integer({ min: 0, max: 500 }),
      service: fc.integer({ min: 0, max: 90 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        (rows, fleet, capacity, crlf) => {
          const body = rows.map(
            (r, k) => `  ${k}  ${r.x}  ${r.y}  ${k === 0 ? 0 : r.demand}  ${r.ready}  ${r.ready + r.width}  ${k === 0 ? 0 : r.service}`,
          );
          const text = ['GEN', '', 'VEHICLE', 'NUMBER CAPACITY', `${fleet} ${capacity}`, '', 'CUSTOMER', 'CUST NO. ...', '', ...body].join(
            crlf ? '\r\n' : '\n',
          );
          if (rows.length === 1) {
            expect(() => parseSolomon(text)).toThrow(/no customers/);
            return;
          }
          const p = parseSolomon(text);
          expect(p.vehicles).toHaveLength(fleet);
          expect(p.vehicles[fleet - 1].shift).toEqual([rows[0].ready, rows[0].ready + rows[0].width]);
          expect(p.jobs).toHaveLength(rows.length - 1);
          p.jobs.forEach((job, k) => {
            const r = rows[k + 1];
            expect(job.id).toBe(k + 1);
            expect((p.travel as MetricTravel).coordinates![job.location as number]).toEqual([r.x, r.y]);
            expect(job.delivery).toEqual([r.demand]);
            expect(job.timeWindows).toEqual([[r.ready, r.ready + r.width]]);
            expect(job.serviceDuration).toBe(r.service);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe.skipIf(!HAVE_INSTANCES)('parseSolomon on the shipped instances', () => {
  it('reads C101 exactly', () => {
    const p = parseSolomon(readInstance('solomon/C101.txt'));
    expect(p.name).toBe('C101');
    expect(p.jobs).toHaveLength(100);
    expect(p.vehicles).toHaveLength(25);
    expect(p.vehicles[0]).toEqual({ id: 1, start: 0, end: 0, capacity: [200], shift: [0, 1236] });
    expect(p.jobs[0]).toEqual({ id: 1, location: 1, delivery: [10], serviceDuration: 90, timeWindows: [[912, 967]] });
    expect((p.travel as MetricTravel).coordinates![0]).toEqual([40, 50]);
  });

  it('every Solomon DIMACS best-known route file costs exactly its bks.json dist value', () => {
    const bks = readBks('solomon');
    const names = Object.keys(bks);
    expect(names).toHaveLength(56);
    for (const name of names) {
      const p = parseSolomon(readInstance(`solomon/${name}.txt`));
      const sol = readSolRoutes(`solomon/solutions/dist/${name}.sol`);
      const served = sol.routes.flat().sort((a, b) => a - b);
      expect(served, name).toEqual(p.jobs.map((j) => j.id).sort((a, b) => (a as number) - (b as number)));
      expect(routesDistance(p, sol.routes), name).toBeCloseTo(bks[name].dist.distance, 6);
    }
  });

  it('reads Gehring–Homberger 200 and 1000 files', () => {
    const p = parseSolomon(readInstance('homberger/200/C1_2_1.txt'));
    expect(p.name).toBe('c1_2_1');
    expect(p.jobs).toHaveLength(200);
    expect(p.vehicles).toHaveLength(50);
    expect(p.vehicles[0].shift).toEqual([0, 1351]);
    const sol = readSolRoutes('homberger/200/solutions/dist/C1_2_1.sol');
    expect(routesDistance(p, sol.routes)).toBeCloseTo(readBks('homberger/200').C1_2_1.dist.distance, 6);
    const big = parseSolomon(readInstance('homberger/1000/RC2_10_1.txt'));
    expect(big.jobs).toHaveLength(1000);
    expect(big.vehicles.length).toBeGreaterThan(0);
  });
});
