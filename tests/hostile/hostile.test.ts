/**
 * Hostile inputs through the real command (`node dist/cli.js …`), every
 * command and format (tests/hostile/corpus.ts): each must end with exit 2,
 * exactly one JSON error object on stderr naming a pointer or line, no stack
 * trace, and peak RSS ≤ 1 GB. Run time is only hang-guarded here (30 s); the
 * worst cases are measured in `bench/hostile.ts`.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../io/shared.js';
import { writeCorpus, type HostileCase } from './corpus.js';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const HOOK = join(REPO_ROOT, 'bench', 'tools', 'rss-hook.mjs');

export interface HostileRun {
  status: number | null;
  signal: string | null;
  stderr: string;
  stdout: string;
  maxRssKiB?: number;
  ms?: number;
}

/** Runs one case through the built command, with the peak-RSS hook. */
export function runCase(c: HostileCase, dir: string, timeoutMs = 30_000): Promise<HostileRun> {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}.jsonl`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', HOOK, CLI, ...c.args], {
      cwd: REPO_ROOT,
      env: { ...process.env, VRPKIT_RSS_FILE: rssFile, FORCE_COLOR: '0' },
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout.length < 1e6 ? (stdout += d) : undefined));
    child.stderr.on('data', (d) => (stderr.length < 1e6 ? (stderr += d) : undefined));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      const rss = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8').trim().split('\n').pop()!) : {};
      if (existsSync(rssFile)) rmSync(rssFile);
      resolve({ status, signal, stderr, stdout, maxRssKiB: rss.maxRssKiB, ms: rss.ms });
    });
  });
}

/** What is wrong with a run (empty: it met the contract). */
export function contractProblems(r: HostileRun): string[] {
  const problems: string[] = [];
  if (r.status !== 2) problems.push(`exit ${r.status ?? r.signal}, expected 2`);
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 1) problems.push(`${lines.length} lines on stderr, expected 1`);
  let error: { code?: unknown; message?: unknown; pointer?: unknown; issues?: unknown } | undefined;
  try {
    error = JSON.parse(lines[0] ?? '').error;
  } catch {
    problems.push('stderr is not one JSON object');
  }
  if (error) {
    if (typeof error.code !== 'string' || error.code === 'internal') problems.push(`error code ${String(error.code)}`);
    if (typeof error.message !== 'string' || error.message === '') problems.push('no message');
    if (typeof error.pointer !== 'string' || error.pointer === '') problems.push('no pointer or line');
    if (!Array.isArray(error.issues) || error.issues.length === 0) problems.push('no issues list');
  }
  if (/\n\s+at .*\(?.*:\d+:\d+\)?/.test(r.stderr) || /\\n\s+at /.test(r.stderr)) problems.push('a stack trace on stderr');
  if (r.stderr.length > 100_000) problems.push(`stderr is ${r.stderr.length} characters`);
  if (r.maxRssKiB === undefined) problems.push('no RSS report (killed?)');
  else if (r.maxRssKiB > 1024 * 1024) problems.push(`peak RSS ${Math.round(r.maxRssKiB / 1024)} MB > 1 GB`);
  return problems;
}

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
      const cases = writeCorpus(dir).filter((c) => !c.benchOnly);
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
