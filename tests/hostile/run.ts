/**
 * Running one hostile case through the built command with the peak-RSS hook
 * (bench/tools/rss-hook.mjs), and the contract every case must meet. Shared by
 * the corpus test and bench/hostile.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostileCase } from './corpus.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built command. */
export const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const HOOK = join(REPO_ROOT, 'bench', 'tools', 'rss-hook.mjs');

/** What one run of the command gave. */
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
