import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, stderrError } from './run-cli.js';
import { checkSolution } from '../../src/model/check.js';
import { parseProblemJson } from '../../src/io/json.js';
import { readPlan } from '../../src/io/solution.js';

const tmp = mkdtempSync(join(tmpdir(), 'vrpkit-io-'));
const SMALL = {
  travel: { type: 'euclidean', coordinates: [[0, 0]] },
  vehicles: [{ id: 'a', start: 0, end: 0, capacity: [3] }, { id: 'b', start: 0, end: 0, capacity: [3] }],
  jobs: [1, 2, 3, 4, 5].map((k) => ({ id: `j${k}`, location: [k % 2 ? k : -k, 1], delivery: [1], serviceDuration: 1 })),
};
const smallText = JSON.stringify(SMALL);
const file = join(tmp, 'small.json');
writeFileSync(file, smallText);

describe('command-line I/O conventions', () => {
  it("'-' reads the route file from stdin; -o writes the plan to a file and nothing to stdout", () => {
    const out = join(tmp, 'plan.json');
    const r = runCli(['solve', '-', '--max-iterations', '20', '--seed', '2', '-o', out], { input: smallText });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const plan = readPlan(readFileSync(out, 'utf8'));
    expect(checkSolution(parseProblemJson(smallText), plan).feasible).toBe(true);
    // The same as reading the file.
    const direct = runCli(['solve', file, '--max-iterations', '20', '--seed', '2']);
    expect(JSON.parse(direct.stdout).routes).toEqual(JSON.parse(readFileSync(out, 'utf8')).routes);
  });

  it('--progress prints JSON lines on stderr (not a terminal here), the last one the outcome', () => {
    const r = runCli(['solve', file, '--time-limit', '1.2', '--progress']);
    expect(r.status, r.stderr).toBe(0);
    JSON.parse(r.stdout); // stdout is still exactly the solution
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l));
    const last = lines[lines.length - 1];
    expect(last).toMatchObject({ type: 'done', feasible: true, routes: expect.any(Number), unassigned: 0 });
    expect(typeof last.cost).toBe('number');
    const progress = lines.slice(0, -1);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (const p of progress) expect(Object.keys(p)).toEqual(expect.arrayContaining(['type', 'iteration', 'elapsedMs', 'bestCost', 'feasible']));
    // Without --progress and without a terminal, stderr stays quiet.
    expect(runCli(['solve', file, '--max-iterations', '5']).stderr).toBe('');
  });

  it('vrpkit report reads the plan from stdin and writes the page; usage errors exit 2 with one JSON error', () => {
    const plan = runCli(['solve', file, '--max-iterations', '5', '--seed', '1']).stdout;
    const page = join(tmp, 'r.html');
    const r = runCli(['report', file, '-', '-o', page], { input: plan });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8')).toMatch(/^<!doctype html>/);
    const missing = runCli(['report', file, '-'], { input: plan });
    expect(missing.status).toBe(2);
    expect(stderrError(missing).message).toMatch(/-o FILE/);
    const stray = runCli(['solve', file, '--orders', 'x.json']);
    expect(stray.status).toBe(2);
    expect(stderrError(stray).message).toMatch(/go with --report/);
  });

  it('a bad plan on stdin is bad input: exit 2, the pointer named', () => {
    const r = runCli(['report', file, '-', '-o', join(tmp, 'x.html')], { input: '{"routes": 5}' });
    expect(r.status).toBe(2);
    expect(stderrError(r).pointer).toBe('/routes');
  });
});
