/**
 * The command's one error path (src/cli/errors.ts): bad input → exit 2 with one
 * JSON error object; a real bug → exit 1, its message but never its stack in
 * the JSON; the stack only with --debug, after the JSON line.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorReport, inFile, writeErrorReport } from '../../src/cli/errors.js';
import { UsageError } from '../../src/cli/args.js';
import { VrpkitError } from '../../src/core/errors.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, stderrError } from './run-cli.js';

describe('errorReport', () => {
  it('an internal error is exit 1 with its message and no stack', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    const { exitCode, error } = errorReport(bug);
    expect(exitCode).toBe(1);
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/TypeError: Cannot read properties of undefined/);
    expect(error.message).not.toMatch(/\bat\b.*:\d+:\d+/);
    expect(JSON.stringify(error)).not.toContain(bug.stack!.split('\n')[1].trim());
  });

  it('bad input is exit 2; usage names the option; allocation failures name the input; file errors the path', () => {
    expect(errorReport(new VrpkitError('parse', 'bad', 'line 3'))).toMatchObject({ exitCode: 2, error: { code: 'parse', pointer: 'line 3' } });
    expect(errorReport(new UsageError('--seed must be an integer')).error).toMatchObject({ code: 'usage', pointer: '--seed' });
    expect(errorReport(new RangeError('Array buffer allocation failed'), 'big.json')).toMatchObject({ exitCode: 2, error: { code: 'too-large', pointer: 'big.json' } });
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: '/x/y.json', syscall: 'open' });
    expect(errorReport(enoent)).toMatchObject({ exitCode: 2, error: { code: 'file', pointer: '/x/y.json' } });
  });

  it('a huge list of issues is cut to 100, and says so', () => {
    const issues = Array.from({ length: 5000 }, (_, i) => ({ code: 'type', pointer: `/jobs/${i}`, message: 'x'.repeat(1000) }));
    const { error } = errorReport(VrpkitError.fromIssues(issues));
    expect(error.issues).toHaveLength(100);
    expect(error.issues[0].message.length).toBeLessThan(600);
    expect(error.message).toMatch(/only the first 100 of 5000 problems/);
  });

  it('inFile names the file where the pointer is the whole document', () => {
    expect(() => inFile('events.json', () => { throw new VrpkitError('type', 'must be an object', ''); })).toThrow(expect.objectContaining({ pointer: 'events.json' }));
    expect(() => inFile('events.json', () => { throw new VrpkitError('type', 'bad', '/now'); })).toThrow(expect.objectContaining({ pointer: '/now' }));
  });
});

describe('writeErrorReport and --debug', () => {
  afterEach(() => vi.restoreAllMocks());
  const capture = () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    return lines;
  };

  it('without --debug: exactly one JSON line; with --debug the stack follows it', () => {
    const bug = new Error('boom');
    let out = capture();
    expect(writeErrorReport(bug)).toBe(1);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]).error.message).toMatch(/boom/);
    vi.restoreAllMocks();
    out = capture();
    writeErrorReport(bug, { debug: true });
    expect(out).toHaveLength(2);
    expect(JSON.parse(out[0]).error.code).toBe('internal');
    expect(out[1]).toContain(bug.stack!.split('\n')[1].trim());
  });
});

describe('the command', () => {
  it('--debug on bad input keeps exit 2 and the JSON line first', () => {
    const r = runCli(['solve', 'no/such/file.json', '--debug']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stderr.split('\n')[0]).error).toMatchObject({ code: 'file', pointer: 'no/such/file.json' });
  });

  it('--limits lowers and raises limits; a bad --limits is usage', () => {
    const lowered = runCli(['solve', 'fixtures/city-deliveries.json', '--limits', 'jobs=10']);
    expect(lowered.status).toBe(2);
    expect(stderrError(lowered)).toMatchObject({ code: 'limit', pointer: '/jobs' });
    expect(stderrError(lowered).message).toMatch(/the number of jobs 80 exceeds the limit of 10 \(maxJobs; raise it with --limits jobs=N/);
    const bad = runCli(['validate', 'fixtures/city-deliveries.json', '--limits=jobs=0']);
    expect(stderrError(bad).code).toBe('usage');
    expect(runCli(['validate', '--limits', 'jobs=80', 'fixtures/city-deliveries.json']).status).toBe(0);
    expect(runCli(['--help']).stdout).toMatch(/--limits L .*\n.*input-bytes=33554432/);
  });

  it('validate: the report on stdout and, as for every exit 2, one JSON error on stderr', () => {
    const r = runCli(['validate', 'fixtures/replan-events.json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).valid).toBe(false);
    expect(stderrError(r).pointer).not.toBe('');
  });
});

describe('infinite numbers in JSON output', () => {
  it('check writes an unreachable route’s cost as "Infinity" (not null), and reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-inf-'));
    const problem = join(dir, 'p.json');
    // 1e999 is how JSON writes an infinite (unreachable) arc; B cannot be reached from A.
    writeFileSync(problem, '{"travel": {"type": "matrix", "durations": [[0, 10, 20], [10, 0, 1e999], [20, 1e999, 0]]}, "vehicles": [{"id": "v", "start": 0, "end": 0}], "jobs": [{"id": "A", "location": 1}, {"id": "B", "location": 2}]}');
    const plan = join(dir, 's.json');
    writeFileSync(plan, '{"routes": [{"vehicle": "v", "jobs": ["A", "B"]}]}');
    const r = runCli(['check', problem, plan]);
    expect(r.status).toBe(3);
    expect(r.stdout).not.toMatch(/"cost": null/);
    const report = JSON.parse(r.stdout);
    expect(report.summary.cost).toBe('Infinity');
    expect(report.violations.map((v: { code: string }) => v.code)).toEqual(['unreachable']);
    // The report's own numbers, stated back as claims, are accepted.
    writeFileSync(plan, JSON.stringify({ routes: [{ vehicle: 'v', jobs: ['A', 'B'] }], summary: { cost: report.summary.cost } }));
    expect(JSON.parse(runCli(['check', problem, plan]).stdout).violations.map((v: { code: string }) => v.code)).toEqual(['unreachable']);
  });
});
