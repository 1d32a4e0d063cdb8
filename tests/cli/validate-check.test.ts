import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, stderrError } from './run-cli.js';
import { HAVE_INSTANCES, INSTANCES_DIR, readBks } from '../io/shared.js';

const tmp = mkdtempSync(join(tmpdir(), 'vrpkit-cli-'));
const write = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('vrpkit --help', () => {
  it('lists the commands and documents each', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['solve', 'check', 'validate']) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\s+\\S`, 'm'));
    for (const c of ['check', 'validate']) {
      const h = runCli([c, '--help']);
      expect(h.status).toBe(0);
      expect(h.stdout).toContain(`vrpkit ${c}`);
      expect(h.stdout).toMatch(/Exit codes/);
    }
  });
});

describe('vrpkit validate', () => {
  it('accepts the shipped city fixture', () => {
    const r = runCli(['validate', 'fixtures/city-deliveries.json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, issues: [] });
  });

  it('lists every problem of an invalid route file with pointers, exit 2', () => {
    const doc = JSON.parse(readFileSync('fixtures/city-deliveries.json', 'utf8'));
    doc.jobs[3].timeWindows = [[50000, 40000]];
    doc.jobs[7].delivery = [1];
    doc.vehicles[1].shfit = [0, 1];
    const r = runCli(['validate', write('bad.json', JSON.stringify(doc))]);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.issues.map((i: { pointer: string }) => i.pointer)).toEqual(
      expect.arrayContaining(['/jobs/3/timeWindows/0', '/jobs/7/delivery', '/vehicles/1/shfit']),
    );
  });

  it('names line and column of a JSON syntax error', () => {
    const r = runCli(['validate', write('syntax.json', '{\n  "jobs": [\n    {"id": 1,}\n  ]\n}\n')]);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.issues).toEqual([expect.objectContaining({ code: 'json', pointer: 'line 3, column 14' })]);
  });

  it('names the line of a malformed Solomon row', () => {
    const text = ['T', '', 'VEHICLE', 'NUMBER CAPACITY', '2 10', '', 'CUSTOMER', 'CUST NO. ...', '', '0 0 0 0 0 100 0', '1 1 1 1 0 50'].join('\n');
    const r = runCli(['validate', write('bad.txt', text)]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).issues[0]).toMatchObject({ code: 'parse', pointer: 'line 11' });
  });

  it('usage and missing files give one JSON error on stderr, exit 2', () => {
    const missing = runCli(['validate', join(tmp, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(stderrError(missing).code).toBe('file');
    const usage = runCli(['validate']);
    expect(usage.status).toBe(2);
    expect(stderrError(usage).code).toBe('usage');
    const format = runCli(['validate', 'fixtures/city-deliveries.json', '--format', 'xml']);
    expect(stderrError(format).message).toMatch(/--format/);
  });
});

describe.skipIf(!HAVE_INSTANCES)('vrpkit check', () => {
  const solomon = join(INSTANCES_DIR, 'solomon');
  it('accepts the best-known C101 routes: exit 0, distance = bks dist', () => {
    const r = runCli(['check', join(solomon, 'C101.txt'), join(solomon, 'solutions/dist/C101.sol')]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.feasible).toBe(true);
    expect(report.summary.distance).toBeCloseTo(readBks('solomon').C101.dist.distance, 6);
  });

  it('finds a dropped and a duplicated job: exit 3', () => {
    const sol = readFileSync(join(solomon, 'solutions/dist/C101.sol'), 'utf8').replace('Route #1: 5 3 7', 'Route #1: 5 7 7');
    const r = runCli(['check', join(solomon, 'C101.txt'), write('C101-broken.sol', sol)]);
    expect(r.status).toBe(3);
    const codes = JSON.parse(r.stdout).violations.map((v: { code: string }) => v.code);
    expect(codes).toEqual(expect.arrayContaining(['missing-job', 'duplicate-job']));
  });

  it('Li & Lim: task numbers of a SINTEF route file become pickup/delivery steps; a reversed pair is infeasible', () => {
    const lilim = join(INSTANCES_DIR, 'lilim', '100');
    const r = runCli(['check', join(lilim, 'lc101.txt'), join(lilim, 'solutions/hier/lc101.txt')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.distance).toBeCloseTo(readBks('lilim/100').lc101.hier.distance, 4);
    // Route 9 starts "5 3 7": 5 and 3 are pickups, 75 is 3's delivery; put 75 first.
    const sol = readFileSync(join(lilim, 'solutions/hier/lc101.txt'), 'utf8').replace('Route 9 : 5 3 7', 'Route 9 : 75 5 3 7').replace(' 1 75', ' 1');
    const bad = runCli(['check', join(lilim, 'lc101.txt'), write('lc101-reversed.txt', sol)]);
    expect(bad.status).toBe(3);
    expect(JSON.parse(bad.stdout).violations.map((v: { code: string }) => v.code)).toContain('precedence');
  });

  it('reads CVRPLIB .sol numbering (node id − 1) for X instances', () => {
    const x = join(INSTANCES_DIR, 'cvrplib-x');
    const r = runCli(['check', join(x, 'X-n101-k25.vrp'), join(x, 'solutions/X-n101-k25.sol')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.distance).toBe(readBks('cvrplib-x')['X-n101-k25'].distance);
  });

  it('checks a JSON plan in the short form and rejects a late one', () => {
    const plan = { routes: [{ vehicle: 1, jobs: [5, 3, 7, 8, 10, 11, 9, 6, 4, 2, 1, 75] }] };
    const r = runCli(['check', join(solomon, 'C101.txt'), write('plan.json', JSON.stringify(plan))]);
    expect(r.status).toBe(3); // the other 88 jobs are missing
    const reversed = { routes: [{ vehicle: 1, jobs: [75, 1, 2, 4, 6, 9, 11, 10, 8, 7, 3, 5] }] };
    const late = JSON.parse(runCli(['check', join(solomon, 'C101.txt'), write('late.json', JSON.stringify(reversed))]).stdout);
    expect(late.violations.map((v: { code: string }) => v.code)).toContain('late');
  });

  it('a malformed solution file is bad input: exit 2 with pointers', () => {
    const r = runCli(['check', join(solomon, 'C101.txt'), write('bad-plan.json', '{"routes":[{"vehicle":1,"steps":[{"type":"fly"}]}]}')]);
    expect(r.status).toBe(2);
    expect(stderrError(r).issues[0].pointer).toBe('/routes/0/steps/0/type');
  });
});
