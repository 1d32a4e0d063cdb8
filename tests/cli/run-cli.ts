/**
 * Runs the `vrpkit` command as a user would: the built `dist/cli.js` (the test
 * command builds first), or `src/cli/main.ts` through tsx when there is no build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../io/shared.js';

const DIST = join(REPO_ROOT, 'dist', 'cli.js');
const TSX = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `vrpkit ...args` in the repository root and returns exit code and output. */
export function runCli(args: string[], options: { timeoutMs?: number; input?: string; env?: Record<string, string> } = {}): CliResult {
  const argv = existsSync(DIST) ? [DIST, ...args] : [TSX, join(REPO_ROOT, 'src/cli/main.ts'), ...args];
  const r = spawnSync(process.execPath, argv, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    env: { ...process.env, FORCE_COLOR: '0', ...options.env },
    input: options.input,
  });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The one JSON error object the command prints on stderr for bad input. */
export function stderrError(r: CliResult): { code: string; message: string; pointer: string; issues: { code: string; pointer: string; message: string }[] } {
  const lines = r.stderr.trim().split('\n');
  if (lines.length !== 1) throw new Error(`expected one JSON line on stderr, got:\n${r.stderr}`);
  return JSON.parse(lines[0]).error;
}
