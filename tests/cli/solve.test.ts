import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli, stderrError } from './run-cli.js';
import { checkSolution } from '../../src/model/check.js';
import { parseProblemJson } from '../../src/io/json.js';
import { parseSolomon } from '../../src/io/solomon.js';
import { parseCvrplib } from '../../src/io/cvrplib.js';
import { readPlan } from '../../src/io/solution.js';
import { HAVE_INSTANCES, INSTANCES_DIR, REPO_ROOT, readBks, readInstance } from '../io/shared.js';

const tmp = mkdtempSync(join(tmpdir(), 'vrpkit-solve-'));
const write = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

/** Six jobs on a line and two vans: small enough to solve in milliseconds. */
const SMALL = {
  travel: { type: 'euclidean', coordinates: [[0, 0]] },
  vehicles: [
    { id: 'a', start: 0, end: 0, capacity: [3] },
    { id: 'b', start: 0, end: 0, capacity: [3] },
  ],
  jobs: [1, 2, 3, 4, 5, 6].map((k) => ({ id: `j${k}`, location: [k % 2 ? k : -k, 0], delivery: [1], serviceDuration: 1 })),
};

describe('vrpkit solve', () => {
  it('--help documents options and exit codes', () => {
    const r = runCli(['solve', '--help']);
    expect(r.status).toBe(0);
    for (const o of ['--format', '--time-limit', '--seed', '--max-iterations', '--output', 'Exit codes']) expect(r.stdout).toContain(o);
  });

  it('solves a small file: pure JSON on stdout, nothing on stderr, checker-feasible, deterministic', () => {
    const file = write('small.json', JSON.stringify(SMALL));
    const args = ['solve', file, '--seed', '7', '--max-iterations', '30'];
    const r1 = runCli(args);
    expect(r1.stderr).toBe('');
    expect(r1.status).toBe(0);
    const out = JSON.parse(r1.stdout);
    const problem = parseProblemJson(JSON.stringify(SMALL));
    const report = checkSolution(problem, readPlan(out));
    expect(report.violations).toEqual([]);
    expect(report.summary.assigned).toBe(6);
    // jobs on the positive side (1, 3, 5) and the negative side (2, 4, 6) each fill a van: 2·5 + 2·6 = 22
    expect(report.summary.distance).toBe(22);
    expect(out.summary.distance).toBeCloseTo(22, 9);
    const r2 = runCli(args);
    const strip = (s: string) => {
      const o = JSON.parse(s);
      delete o.stats;
      return o;
    };
    expect(strip(r2.stdout)).toEqual(strip(r1.stdout));
  });

  it('--output writes the file and leaves stdout empty', () => {
    const file = write('small2.json', JSON.stringify(SMALL));
    const target = join(tmp, 'out.json');
    const r = runCli(['solve', file, '--max-iterations', '10', '--output', target]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(target, 'utf8')).routes.length).toBeGreaterThan(0);
  });

  it('bad input: exit 2 and ONE JSON error object on stderr listing every problem', () => {
    const bad = structuredClone(SMALL) as any;
    bad.jobs[0].delivery = [-1];
    bad.jobs[2].timeWindows = [[5, 1]];
    bad.vehicles[1].capacity = [1, 2];
    const r = runCli(['solve', write('bad.json', JSON.stringify(bad))]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const error = stderrError(r);
    expect(error.issues.length).toBeGreaterThanOrEqual(3);
    expect(error.issues.map((i) => i.pointer)).toEqual(expect.arrayContaining(['/jobs/0/delivery/0', '/jobs/2/timeWindows/0']));
  });

  it('usage errors: exit 2', () => {
    expect(stderrError(runCli(['solve', 'fixtures/city-deliveries.json', '--time-limt', '3'])).message).toMatch(/--time-limt/);
    expect(runCli(['solve', 'fixtures/city-deliveries.json', '--time-limit', '-1']).status).toBe(2);
    expect(runCli(['solve']).status).toBe(2);
  });

  it('the city fixture: every job routed within the fleet, checker-feasible', () => {
    const geojson = join(tmp, 'city.geojson');
    const r = runCli(['solve', 'fixtures/city-deliveries.json', '--time-limit', '2', '--max-iterations', '20', '--kpi', '--geojson', geojson]);
    expect(r.status).toBe(0);
    // --kpi: the KPI table on stderr, the same figures in the JSON
    expect(r.stderr).toMatch(/on time\s+80 \(100\.0%\)/);
    const problem = parseProblemJson(readFileSync('fixtures/city-deliveries.json', 'utf8'));
    const out = JSON.parse(r.stdout);
    const report = checkSolution(problem, readPlan(out));
    expect(report.violations).toEqual([]);
    expect(report.summary.assigned).toBe(80);
    expect(out.unassigned).toEqual([]);
    expect(out.routes.length).toBeLessThanOrEqual(6);
    expect(out.kpis.plan.feasible).toBe(true);
    // --geojson: one line per route through its stops, one point per job at the job's location
    const map = JSON.parse(readFileSync(geojson, 'utf8'));
    const lines = map.features.filter((f: any) => f.properties.kind === 'route');
    const stops = map.features.filter((f: any) => f.properties.kind === 'job');
    expect(lines).toHaveLength(out.routes.length);
    expect(stops).toHaveLength(80);
    const byId = new Map(problem.jobs.map((j) => [j.id, j.location]));
    for (const s of stops) expect(s.geometry.coordinates).toEqual(byId.get(s.properties.id));
    for (const l of lines) expect(l.geometry.coordinates.length).toBe(l.properties.stops + 2);
    expect(map.features.filter((f: any) => f.properties.kind === 'depot')).toHaveLength(1);
    expect(out.kpis.cost.distance).toBeCloseTo(report.summary.distance, 6);
  });
});

describe.skipIf(!HAVE_INSTANCES)('vrpkit solve on benchmark formats', () => {
  it('Solomon C101: feasible, not below the best-known distance', () => {
    const r = runCli(['solve', join(INSTANCES_DIR, 'solomon/C101.txt'), '--time-limit', '1']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const report = checkSolution(parseSolomon(readInstance('solomon/C101.txt')), readPlan(out));
    expect(report.violations).toEqual([]);
    expect(report.summary.assigned).toBe(100);
    expect(report.summary.distance).toBeGreaterThanOrEqual(readBks('solomon').C101.dist.distance - 1e-6);
  });

  it('CVRPLIB X-n101-k25: job ids are node numbers 2..101', () => {
    const r = runCli(['solve', join(INSTANCES_DIR, 'cvrplib-x/X-n101-k25.vrp'), '--time-limit', '1']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const ids = out.routes.flatMap((route: any) => route.steps.filter((s: any) => s.type === 'job').map((s: any) => s.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, k) => k + 2));
    const report = checkSolution(parseCvrplib(readInstance('cvrplib-x/X-n101-k25.vrp')), readPlan(out));
    expect(report.violations).toEqual([]);
    expect(report.summary.distance).toBeGreaterThanOrEqual(readBks('cvrplib-x')['X-n101-k25'].distance);
  });
});

describe('road-network route files', () => {
  it('solves and checks deliveries on the Andorra la Vella fixture network (file relative to the route file)', () => {
    const { points } = JSON.parse(readFileSync('fixtures/network/andorra-la-vella.points.json', 'utf8'));
    const doc = {
      travel: { type: 'network', file: relative(tmp, join(process.cwd(), 'fixtures/network/andorra-la-vella.gr.gz')), points },
      vehicles: [{ id: 'van', start: 0, end: 0, capacity: [10] }, { id: 'car', start: 0, end: 0, capacity: [10] }],
      jobs: points.slice(1, 13).map((_: unknown, k: number) => ({ id: k + 1, location: k + 1, delivery: [1], serviceDuration: 120 })),
    };
    const file = write('andorra.json', JSON.stringify(doc));
    const r = runCli(['solve', file, '--max-iterations', '20', '--time-limit', '3']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.unassigned).toEqual([]);
    expect(out.summary.distance).toBeGreaterThan(1000); // metres on real roads across town
    const solution = write('andorra-solution.json', r.stdout);
    const checked = runCli(['check', file, solution]);
    expect(checked.status, checked.stdout).toBe(0);
    expect(JSON.parse(checked.stdout).summary.distance).toBeCloseTo(out.summary.distance, 6);
    const missing = runCli(['validate', write('andorra-missing.json', JSON.stringify({ ...doc, travel: { ...doc.travel, file: 'nope.gr' } }))]);
    expect(missing.status).toBe(2);
  });
});

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
describe.skipIf(!SCRIPT || !existsSync(join(REPO_ROOT, 'dist', 'cli.js')))('progress on a terminal', () => {
  it('draws a live \\r progress line and the checker verdict on stderr when it is a TTY', () => {
    const target = join(tmp, 'tty-out.json');
    // `script` runs the command on a pseudo-terminal; stdout goes to --output, so the pty shows stderr only.
    const cmd = `${JSON.stringify(process.execPath)} dist/cli.js solve fixtures/city-deliveries.json --time-limit 1.5 --output ${JSON.stringify(target)}`;
    const r = spawnSync(SCRIPT!, ['-qec', cmd, '/dev/null'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\r\x1b\[Kiteration \d+ +\d+\.\d s +best \d+\.\d\d +(feasible|infeasible)/);
    expect(r.stdout).toMatch(/routes, 0 unassigned, .*checked feasible/);
    expect(JSON.parse(readFileSync(target, 'utf8')).unassigned).toEqual([]);
  });
});
