/**
 * `vrpkit solve --objective NAME` and the route file's `objective`: bad names
 * and settings exit 2 with one JSON error naming the flag or the pointer; a good
 * one solves, and the checker accepts the plan.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, stderrError } from './run-cli.js';
import { checkSolution } from '../../src/model/check.js';
import type { Problem } from '../../src/model/types.js';

const tmp = mkdtempSync(join(tmpdir(), 'vrpkit-objective-'));
const write = (name: string, value: unknown) => {
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(value));
  return p;
};
const SMALL: Problem = {
  travel: { type: 'euclidean' },
  vehicles: [
    { id: 'a', start: [0, 0], end: [0, 0] },
    { id: 'b', start: [0, 0], end: [0, 0] },
  ],
  jobs: [1, 2, 3, 4].map((k) => ({ id: `j${k}`, location: [k % 2 ? k : -k, 0] as [number, number], serviceDuration: 1 })),
};

describe('vrpkit solve --objective', () => {
  it('an unknown name is a usage error (exit 2, one JSON error naming the flag)', () => {
    const r = runCli(['solve', write('small.json', SMALL), '--objective', 'cheapest', '--threads', '1']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(stderrError(r).message).toMatch(/--objective.*fewest-vehicles/);
  });

  it('a bad objective in the file: exit 2 with its pointer', () => {
    const r = runCli(['solve', write('bad.json', { ...SMALL, objective: { type: 'balance', weight: -2 } }), '--threads', '1']);
    expect(r.status).toBe(2);
    expect(stderrError(r).issues.map((i) => i.pointer)).toEqual(['/objective/weight']);
  });

  it('solves with each objective; the plan passes the checker', () => {
    for (const name of ['cost', 'fewest-vehicles', 'balance', 'makespan']) {
      const r = runCli(['solve', write('small.json', SMALL), '--objective', name, '--max-iterations', '50', '--threads', '1']);
      expect(r.status, r.stderr).toBe(0);
      const check = checkSolution({ ...SMALL, objective: name as Problem['objective'] }, JSON.parse(r.stdout));
      expect(check.violations).toEqual([]);
      expect(check.summary.objective.type).toBe(name);
    }
  });
});
