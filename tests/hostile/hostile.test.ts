/**
 * Hostile inputs through the real command (`node dist/cli.js …`), every
 * command and format (tests/hostile/corpus.ts): each must end with exit 2,
 * exactly one JSON error object on stderr naming a pointer or line, no stack
 * trace, and peak RSS ≤ 1 GB. Run time is only hang-guarded here (30 s); the
 * worst cases are measured in `bench/hostile.ts`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus, type HostileCase } from './corpus.js';
import { CLI, contractProblems, runCase, type HostileRun } from './run.js';

/** Runs cases two at a time (the machine has two cores). */
async function runAll(cases: HostileCase[], dir: string): Promise<Map<string, HostileRun>> {
  const out = new Map<string, HostileRun>();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      out.set(c.name, await runCase(c, dir));
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

describe('hostile inputs through the command', () => {
  it('the built command exists (npm test builds first)', () => {
    expect(existsSync(CLI), `${CLI} is missing: run npm run build (npm test does)`).toBe(true);
  });

  it.skipIf(!existsSync(CLI))('every case: exit 2, one JSON error with a pointer or line, no stack trace, ≤ 1 GB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrpkit-hostile-'));
    try {
      const cases = writeCorpus(dir, { benchOnly: false });
      expect(cases.length).toBeGreaterThan(120);
      const runs = await runAll(cases, dir);
      const failures = cases
        .map((c) => ({ name: c.name, problems: contractProblems(runs.get(c.name)!), stderr: runs.get(c.name)!.stderr.slice(0, 300) }))
        .filter((f) => f.problems.length > 0);
      expect(failures).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
