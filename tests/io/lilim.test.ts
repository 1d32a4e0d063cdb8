import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeLiLim, parseLiLim, stopsFromTaskNumbers } from '../../src/io/lilim.js';
import { detectFormat, detectFromContent } from '../../src/io/detect.js';
import { parseVrplibSolution } from '../../src/io/vrplib-solution.js';
import { checkSolution } from '../../src/model/check.js';
import { validateProblem } from '../../src/model/validate.js';
import { isVrpkitError } from '../../src/core/errors.js';
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

// Depot, then task 1 (a delivery of pickup 3) and task 3 (the pickup), tab-separated with CRLF like the originals.
const SAMPLE = ['2\t50\t1', '0\t0\t0\t0\t0\t500\t0\t0\t0', '1\t30\t40\t-10\t100\t200\t5\t3\t0', '3\t3\t4\t10\t0\t80\t2\t0\t1', ''].join('\r\n');

describe('parseLiLim on an inline sample', () => {
  it('maps pairs to shipments with the file task numbers as stop ids', () => {
    const p = parseLiLim(SAMPLE, { name: 'tiny' });
    expect(p).toEqual({
      name: 'tiny',
      jobs: [],
      shipments: [
        {
          id: 3,
          amount: [10],
          pickup: { id: 3, location: 2, serviceDuration: 2, timeWindows: [[0, 80]] },
          delivery: { id: 1, location: 1, serviceDuration: 5, timeWindows: [[100, 200]] },
        },
      ],
      vehicles: [
        { id: 1, start: 0, end: 0, capacity: [50], shift: [0, 500] },
        { id: 2, start: 0, end: 0, capacity: [50], shift: [0, 500] },
      ],
      travel: { type: 'euclidean', coordinates: [[0, 0], [30, 40], [3, 4]], rounding: 'none' },
    });
    expect(validateProblem(p)).toEqual([]);
    // A route file names tasks by number: 3 then 1.
    const plan = stopsFromTaskNumbers(p, parseVrplibSolution('Route #1: 3 1\n'));
    const rep = checkSolution(p, plan);
    expect(rep.feasible).toBe(true);
    expect(rep.summary.distance).toBe(5 + Math.hypot(27, 36) + 50);
    expect(rep.routes[0].steps.map((s) => [s.type, s.id])).toEqual([['start', undefined], ['pickup', 3], ['delivery', 1], ['end', undefined]]);
  });

  it('is detected by content (auto)', () => {
    expect(looksLikeLiLim(SAMPLE)).toBe(true);
    expect(detectFromContent(SAMPLE)).toBe('lilim');
    expect(detectFormat(SAMPLE, 'lc101.txt')).toBe('lilim');
    expect(detectFromContent('C101\r\n\r\nVEHICLE\r\nNUMBER CAPACITY\r\n 25 200\r\n\r\nCUSTOMER\r\n')).toBe('solomon');
    expect(looksLikeLiLim('1 2 3\n4 5 6\n')).toBe(false);
  });

  it('names the line of every problem', () => {
    const e = thrown(() => parseLiLim(['2 50', '0 0 0 0 0 500 0 0 0', '1 30 40 -10 100 200 5 3', '3 3 4 10 0 80 2 0 1', '3 3 4 10 0 80 2 0 1'].join('\n')));
    expect(e.code).toBe('parse');
    expect(e.issues.map((i) => i.pointer)).toEqual(['line 1', 'line 1', 'line 3', 'line 5']); // 2 values, no S; 8 values; task 3 twice
    const pairs = thrown(() => parseLiLim(['2 50 1', '0 0 0 0 0 500 0 0 0', '1 30 40 -10 100 200 5 3 0', '3 3 4 12 0 80 2 0 1', '4 3 4 5 0 80 2 0 9', '5 1 1 0 0 9 0 0 0'].join('\n')));
    expect(pairs.issues.map((i) => [i.pointer, i.message.slice(0, 25)])).toEqual([
      ['line 4', 'pickup 3 has demand 12 an'],
      ['line 5', 'pickup 4 names delivery 9'],
      ['line 6', 'task 5 is neither a picku'],
    ]);
    expect(thrown(() => parseLiLim('1 10 1\n3 0 0 0 0 9 0 0 0\n')).issues[0].message).toMatch(/first task must be the depot/);
    expect(thrown(() => parseLiLim('')).code).toBe('parse');
  });

  it('never throws anything but a parse error (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.integer({ min: -3, max: 12 }).map(String), fc.constantFrom('x', '1.5', '')), { maxLength: 10 }), { maxLength: 8 }), (rows) => {
        const text = rows.map((r) => r.join('\t')).join('\n');
        try {
          const p = parseLiLim(text);
          expect(validateProblem(p).filter((i) => i.code !== 'time-window')).toEqual([]);
        } catch (e) {
          expect(isVrpkitError(e) && e.code === 'parse').toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!HAVE_INSTANCES)('Li & Lim 100: every instance, both best-known solution files', () => {
  const dir = join(INSTANCES_DIR, 'lilim', '100');
  const names = HAVE_INSTANCES ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort() : [];
  const bks = HAVE_INSTANCES ? readBks('lilim/100') : {};

  it('reads all 56 files as valid problems', () => {
    expect(names).toHaveLength(56);
    for (const name of names) {
      const text = readInstance(`lilim/100/${name}.txt`);
      expect(detectFormat(text, `${name}.txt`)).toBe('lilim');
      const p = parseLiLim(text, { name });
      expect(validateProblem(p), name).toEqual([]);
      expect(p.shipments!.length * 2 + 1).toBe(text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1);
    }
  });

  it('re-evaluating the hierarchical and the distance-only BKS routes gives their bks.json values, feasible', () => {
    for (const name of names) {
      const p = parseLiLim(readInstance(`lilim/100/${name}.txt`), { name });
      for (const kind of ['hier', 'dist'] as const) {
        const file = kind === 'hier' ? `lilim/100/solutions/hier/${name}.txt` : `lilim/100/solutions/dist/${name}.sol`;
        const rep = checkSolution(p, stopsFromTaskNumbers(p, parseVrplibSolution(readInstance(file))));
        const want = bks[name][kind];
        expect(rep.violations, `${name} ${kind}`).toEqual([]);
        expect(rep.summary.routes, `${name} ${kind}`).toBe(want.vehicles);
        expect(rep.summary.unassigned).toBe(0);
        expect(rep.summary.assigned).toBe(p.shipments!.length);
        // hier: 4 decimals, recomputed in double precision; dist: the same routes in double precision.
        expect(Math.abs(rep.summary.distance - (kind === 'hier' ? want.distance : want.distance_double)), `${name} ${kind}`).toBeLessThan(5e-5 + 1e-9);
      }
    }
  });
});
