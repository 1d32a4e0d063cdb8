/**
 * VROOM input on the command line: detection (and `--format vroom`),
 * `validate` and `check` on VROOM documents and VROOM output, `solve`
 * answering in VROOM's output format, errors as one JSON object with VROOM
 * pointers, and `--network` for coordinates.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, stderrError } from './run-cli.js';
import { checkSolution } from '../../src/model/check.js';
import { fromVroom, planFromVroom } from '../../src/io/vroom/index.js';
import { vroomFixture } from '../io/vroom-helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'vrpkit-vroom-'));
const write = (name: string, value: unknown) => {
  const p = join(tmp, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
};
const FIXTURES = ['example_1.json', 'example_2.json', 'depot-distances.json', 'shipments-skills-breaks.json', 'coordinates-technicians.json', 'costs-matrix.json'];
const NETWORK = 'fixtures/network/andorra-la-vella.gr.gz';

describe('vrpkit validate / check with VROOM input', () => {
  it.each(FIXTURES)('validate detects and accepts fixtures/vroom/%s', (f) => {
    const r = runCli(['validate', `fixtures/vroom/${f}`]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, issues: [] });
    expect(r.status).toBe(0);
  });

  it('validate lists every problem with VROOM pointers (and no route-file schema findings), exit 2', () => {
    const doc = vroomFixture('example_1.json');
    doc.jobs[0].time_window = [0, 1];
    doc.vehicles[1].steps = [{ type: 'start' }];
    doc.shipments[0].pickup.service = -5;
    const r = runCli(['validate', write('bad-vroom.json', doc)]);
    expect(r.status).toBe(2);
    const issues = JSON.parse(r.stdout).issues.map((i: { code: string; pointer: string }) => [i.code, i.pointer]);
    expect(issues).toHaveLength(3);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['unknown-field', '/jobs/0/time_window'],
        ['unsupported', '/vehicles/1/steps'],
        ['negative', '/shipments/0/pickup/service'],
      ]),
    );
  });

  it('--format json reads a VROOM document as a route file (its errors name the route file fields)', () => {
    const r = runCli(['validate', 'fixtures/vroom/example_2.json', '--format', 'json']);
    expect(r.status).toBe(2);
    const pointers = JSON.parse(r.stdout).issues.map((i: { pointer: string }) => i.pointer);
    expect(pointers).toContain('/travel');
  });

  it("check reads VROOM's own output for its example: feasible, exit 0", () => {
    const r = runCli(['check', 'fixtures/vroom/example_2.json', 'fixtures/vroom/example_2_sol.json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ feasible: true, violations: [], summary: { cost: 5461, routes: 1, tasks: 2 } });
  });

  it('check reports a VROOM output whose times are wrong: claim-mismatch at the step, exit 3', () => {
    const sol = vroomFixture('example_2_sol.json');
    sol.routes[0].steps[2].arrival = 4000;
    const r = runCli(['check', 'fixtures/vroom/example_2.json', write('wrong-sol.json', sol)]);
    expect(r.status).toBe(3);
    const report = JSON.parse(r.stdout);
    // the arrival, and the service start and departure VROOM's numbers imply
    expect(report.violations.map((v: { code: string; pointer: string }) => [v.code, v.pointer])).toEqual(
      ['arrival', 'serviceStart', 'departure'].map((f) => ['claim-mismatch', `/routes/0/steps/2/${f}`]),
    );
  });
});

describe('vrpkit solve with VROOM input', () => {
  it("prints VROOM's output format, checked feasible (jobs only, per_km costs)", () => {
    const r = runCli(['solve', 'fixtures/vroom/depot-distances.json', '--seed', '1', '--max-iterations', '200', '--threads', '1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['code', 'summary', 'unassigned', 'routes']);
    expect(out.code).toBe(0);
    expect(out.routes[0].steps[0]).toMatchObject({ type: 'start', location_index: 0, waiting_time: 0, duration: 0, violations: [] });
    expect(out.routes[0].description).toMatch(/^van /);
    const problem = fromVroom(vroomFixture('depot-distances.json'));
    const report = checkSolution(problem, planFromVroom(problem, out));
    expect(report.violations).toEqual([]);
    expect(report.summary.tasks + out.summary.unassigned).toBe(8);
    expect(out.summary.cost).toBe(Math.round(out.summary.distance)); // per_km 1000: one per metre
  });

  it('reads VROOM input from standard input with --format vroom', () => {
    const text = readFileSync('fixtures/vroom/depot-distances.json', 'utf8');
    const r = runCli(['solve', '-', '--format', 'vroom', '--seed', '1', '--max-iterations', '50', '--threads', '1'], { input: text });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).code).toBe(0);
  });

  it('bad VROOM input: exit 2, one JSON error object naming the VROOM field', () => {
    const doc = vroomFixture('depot-distances.json');
    doc.vehicles[0].steps = [{ type: 'job', id: 11 }];
    const r = runCli(['solve', write('steps.json', doc)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(stderrError(r)).toMatchObject({ code: 'unsupported', pointer: '/vehicles/0/steps' });
  });
});

describe('--network for VROOM coordinates', () => {
  it('validate accepts the technicians on the Andorra road network', () => {
    const r = runCli(['validate', 'fixtures/vroom/coordinates-technicians.json', '--network', NETWORK]);
    expect(r.status).toBe(0);
  });

  it('is a usage error with a route file, and a conflict with VROOM matrices', () => {
    const a = runCli(['validate', 'fixtures/city-deliveries.json', '--network', NETWORK]);
    expect(a.status).toBe(2);
    expect(stderrError(a).message).toMatch(/--network is for VROOM input/);
    const b = runCli(['validate', 'fixtures/vroom/example_2.json', '--network', NETWORK]);
    expect(b.status).toBe(2);
    expect(JSON.parse(b.stdout).issues).toEqual([expect.objectContaining({ code: 'conflict', pointer: '/matrices' })]);
  });
});
