import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETS, naturalCompare, renderMarkdown, runInstance, selectInstances, summarise, type InstanceResult } from '../../bench/solver.js';
import { REPO_ROOT } from '../io/shared.js';
import { compareWithReference, parseReference, renderReference } from '../../bench/reference.js';

/**
 * Depot at (0, 0), customers at (10, 0), (20, 0), (0, 10), (0, 20), demand 1
 * each, capacity 2: the optimum is the two out-and-back axis routes, 40 + 40 = 80
 * (mixing the axes costs 34.1 + 68.2 = 102.3).
 */
const TINY = [
  'TINY',
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  '  3         2',
  '',
  'CUSTOMER',
  'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
  '',
  '    0      0         0          0          0       1000          0',
  '    1     10         0          1          0       1000          5',
  '    2     20         0          1          0       1000          5',
  '    3      0        10          1          0       1000          5',
  '    4      0        20          1          0       1000          5',
].join('\r\n');

/** The bench:solver script to spawn: the built one when present, else the source through tsx. */
function benchScript(): string[] {
  const built = join(REPO_ROOT, 'dist', 'bench', 'solver.js');
  return existsSync(built) ? [built] : [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(REPO_ROOT, 'bench', 'solver.ts')];
}

function instancesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vrpkit-bench-'));
  mkdirSync(join(dir, 'solomon'));
  writeFileSync(join(dir, 'solomon', 'T1.txt'), TINY);
  writeFileSync(join(dir, 'solomon', 'T2.txt'), TINY.replace('TINY', 'TINY2'));
  writeFileSync(join(dir, 'solomon', 'T3.txt'), TINY.replace('TINY', 'TINY3'));
  // T2's "best-known" value is deliberately 70 (below the optimum 80) to test the gap arithmetic.
  const bks = { T1: { dist: { distance: 80, vehicles: 2 } }, T2: { dist: { distance: 70, vehicles: 2 } }, T3: { dist: null } };
  writeFileSync(join(dir, 'solomon', 'bks.json'), JSON.stringify(bks));
  return dir;
}

describe('bench:solver helpers', () => {
  const names = ['C1_2_10', 'C1_2_9', 'C101', 'R101', 'RC101', 'C102'];
  it('selects subsets in natural order', () => {
    expect(selectInstances(names)).toEqual(['C1_2_9', 'C1_2_10', 'C101', 'C102', 'R101', 'RC101']);
    expect(selectInstances(names, 'first:2')).toEqual(['C1_2_9', 'C1_2_10']);
    expect(selectInstances(names, 'R101,C101')).toEqual(['C101', 'R101']);
    expect(selectInstances(names, 'RC1.*')).toEqual(['RC101']);
    expect(selectInstances(names, 'C101')).toEqual(['C101']);
    expect(() => selectInstances(names, 'C101,Z9')).toThrow(/Z9/);
    expect(naturalCompare('X-n101-k25', 'X-n1001-k43')).toBeLessThan(0);
  });

  it('summarises gaps over feasible instances only', () => {
    const base = { jobs: 1, violations: [], unassigned: 0, routes: 1, distance: 0, cost: 0, bksDistance: 1, bksVehicles: 1, solveMs: 1000, iterations: 1, maxRssMb: 1 };
    const rs: InstanceResult[] = [
      { ...base, name: 'a', feasible: true, gapPct: 1 },
      { ...base, name: 'b', feasible: true, gapPct: 3 },
      { ...base, name: 'c', feasible: true, gapPct: 2 },
      { ...base, name: 'd', feasible: false, gapPct: null, solveMs: 5000 },
    ];
    expect(summarise(rs)).toEqual({ instances: 4, feasible: 3, meanGapPct: 2, medianGapPct: 2, meanSolveS: 2 });
    const md = renderMarkdown('solomon', rs, { command: 'cmd', machine: 'm', date: 'd', timeLimitS: 1, seed: 1, parallel: 1 });
    expect(md).toContain('| 4 | 3/4 | 2.00 | 2.00 | 2.0 |');
    expect(md).toMatch(/\| d \| 1 \| \*\*no\*\* \|/);
  });

  it('a plan the checker rejects is a failure, not a gap (stand-in solver)', async () => {
    const dir = instancesDir();
    const standIn = async () => ({ summary: {}, routes: [{ vehicle: 1, steps: [{ type: 'start' }, { type: 'job', id: 1 }, { type: 'end' }] }], unassigned: [] }) as any;
    const r = await runInstance(join(dir, 'solomon', 'T1.txt'), SETS.solomon, { dist: { distance: 80, vehicles: 2 } }, { timeLimitMs: 100, seed: 1 }, standIn);
    expect(r.feasible).toBe(false);
    expect(r.gapPct).toBeNull();
    expect(r.violations).toContain('missing-job');
  });
});

describe('bench:solver against another solver (--reference)', () => {
  const base = { jobs: 1, violations: [], unassigned: 0, cost: 0, bksDistance: null, bksVehicles: null, gapPct: null, solveMs: 1, iterations: 1, maxRssMb: 1 };

  it('parses distances and { distance, routes } entries, and names a bad entry', () => {
    const ref = parseReference('{"A": 100, "B": {"distance": 200.5, "routes": 7}}');
    expect([...ref]).toEqual([['A', { distance: 100 }], ['B', { distance: 200.5, routes: 7 }]]);
    expect(() => parseReference('{"A": 100, "B": "x"}')).toThrow(/\/B/);
    expect(() => parseReference('{"C": {"distance": -1}}')).toThrow(/\/C/);
    expect(() => parseReference('{"D": {"distance": 5, "routes": 1.5}}')).toThrow(/\/D/);
    expect(() => parseReference('[1, 2]')).toThrow(/object/);
  });

  it('compares checked plans only, lists failures and the instances 1 % or more above', () => {
    const results: InstanceResult[] = [
      { ...base, name: 'A', feasible: true, routes: 5, distance: 101 },
      { ...base, name: 'B', feasible: true, routes: 7, distance: 198 },
      { ...base, name: 'C', feasible: false, routes: 3, distance: 90 },
      { ...base, name: 'D', feasible: true, routes: 2, distance: 50 },
    ];
    const ref = parseReference('{"A": 100, "B": {"distance": 200, "routes": 6}, "C": 95, "Z": 1}');
    const c = compareWithReference(results, ref, 'PyVRP');
    expect(c.rows.map((x) => [x.name, x.diffPct])).toEqual([['A', 1], ['B', -1]]);
    expect(c.oursFailed).toEqual(['C']);
    expect(c.notInReference).toEqual(['D']);
    expect(c.meanOurs).toBe(149.5);
    expect(c.meanReference).toBe(150);
    expect(c.meanDistanceDiffPct).toBeCloseTo((100 * -0.5) / 150, 12);
    expect(c.meanDiffPct).toBeCloseTo(0, 12);
    expect(c.worst?.name).toBe('A');
    expect(c.worse).toEqual(['A']);
    const md = renderReference(c).join('\n');
    expect(md).toContain('## Against PyVRP');
    expect(md).toContain('**Our plan failed** (not compared): C.');
    expect(md).toContain('| B | 198.0 | 7 | 200.0 | 6 | -1.00 |');
    expect(md).toMatch(/1 % or more above PyVRP: A\./);
    const none = compareWithReference([], ref);
    expect(none.meanDistanceDiffPct).toBeNull();
    expect(none.worst).toBeNull();
  });
});

describe('npm run bench:solver end to end (2+1 tiny instances, 2 in parallel)', () => {
  it('writes the markdown and JSON reports with checked gaps', () => {
    const dir = instancesDir();
    const out = join(dir, 'results', 'solver-tiny.md');
    const refFile = join(dir, 'ref.json');
    writeFileSync(refFile, JSON.stringify({ T1: 79.2, T2: { distance: 80, routes: 2 } }));
    const script = benchScript();
    const r = spawnSync(
      process.execPath,
      [...script, '--instances', dir, '--set', 'solomon', '--time-limit', '0.5', '--seed', '3', '--parallel', '2', '--subset', 'T.*', '--out', out, '--reference', refFile, '--reference-label', 'other'],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out.replace(/\.md$/, '.json'), 'utf8'));
    expect(json.results.map((x: InstanceResult) => x.name)).toEqual(['T1', 'T2', 'T3']);
    const [t1, t2, t3] = json.results as InstanceResult[];
    expect(t1.feasible && t2.feasible && t3.feasible).toBe(true);
    expect(t1.distance).toBeCloseTo(80, 9);
    expect(t1.gapPct).toBeCloseTo(0, 9);
    expect(t2.gapPct).toBeCloseTo((100 * 10) / 70, 9);
    expect(t3.gapPct).toBeNull(); // no best-known value
    expect(json.summary).toMatchObject({ instances: 3, feasible: 3 });
    expect(json.summary.meanGapPct).toBeCloseTo((100 * 10) / 70 / 2, 9);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('--parallel 2');
    expect(md).toMatch(/node v\d+/);
    expect(md).toMatch(/\| T1 \| 4 \| yes \| 2 \/ 2 \| 80\.0 \| 80 \| 0\.00 \|/);
    // side by side with the reference: T1 1.01 % above 79.2, T2 level with 80, T3 not in it
    expect(json.reference.rows.map((x: { name: string }) => x.name)).toEqual(['T1', 'T2']);
    expect(json.reference.rows[0].diffPct).toBeCloseTo((100 * 0.8) / 79.2, 9);
    expect(json.reference.worse).toEqual(['T1']);
    expect(json.reference.notInReference).toEqual(['T3']);
    expect(md).toContain('## Against other');
  });
});

describe('npm run bench:solver on a folder without bks.json (hold-out files)', () => {
  it('solves and checks them, with no gaps instead of a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-bench-'));
    mkdirSync(join(dir, 'homberger', '400'), { recursive: true });
    writeFileSync(join(dir, 'homberger', '400', 'H1.txt'), TINY);
    const out = join(dir, 'results', 'solver-h400.md');
    const script = benchScript();
    const r = spawnSync(process.execPath, [...script, '--instances', dir, '--set', 'homberger400', '--time-limit', '0.3', '--out', out], {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out.replace(/\.md$/, '.json'), 'utf8'));
    expect(json.results).toHaveLength(1);
    expect(json.results[0]).toMatchObject({ name: 'H1', feasible: true, routes: 2, gapPct: null, bksDistance: null });
    expect(json.results[0].distance).toBeCloseTo(80, 9);
  });
});
