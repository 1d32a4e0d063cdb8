/**
 * Locating the shared benchmark instances for reader tests: `$VRPKIT_SHARED`
 * or `<repo>/../shared`. Tests that need them are skipped (with a message)
 * when the folder is missing — except under CI (`CI=true`), where CI provides
 * the folder and a missing one fails loudly instead of skipping silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.VRPKIT_SHARED ? resolve(process.env.VRPKIT_SHARED) : resolve(REPO_ROOT, '../shared');
export const INSTANCES_DIR = join(SHARED_DIR, 'instances');

/** Whether the tests run under CI (`CI=true` or `CI=1`, as CI services and `.ci/run` set it). */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Whether a file or folder of the shared data exists. When it does not: under
 * CI an error (the test file fails, loudly); locally a warning, and the caller skips.
 */
export function sharedAvailable(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  const message = `[vrpkit tests] ${what} not found at ${path} (shared folder: $VRPKIT_SHARED or <repo>/../shared)`;
  if (IN_CI) throw new Error(`${message}; CI must provide it — refusing to skip these tests under CI=true`);
  console.warn(`${message}; skipping the tests that need it.`);
  return false;
}

export const HAVE_INSTANCES = sharedAvailable(join(INSTANCES_DIR, 'solomon', 'C101.txt'), 'the shared benchmark instances');

/** Reads a file below the shared instances folder as text. */
export function readInstance(relative: string): string {
  return readFileSync(join(INSTANCES_DIR, relative), 'utf8');
}

/** Reads a set's bks.json. */
export function readBks(set: string): Record<string, any> {
  return JSON.parse(readInstance(join(set, 'bks.json')));
}

/** Routes of a CVRPLIB/VRPLIB `.sol` file as lists of customer numbers, and its `Cost` line. */
export function readSolRoutes(relative: string): { routes: number[][]; cost: number } {
  const routes: number[][] = [];
  let cost = NaN;
  for (const line of readInstance(relative).split(/\r?\n/)) {
    const m = /^Route\s*#\d+\s*:(.*)$/i.exec(line.trim());
    if (m) routes.push(m[1].trim().split(/\s+/).filter(Boolean).map(Number));
    const c = /^Cost\s+(\S+)/i.exec(line.trim());
    if (c) cost = Number(c[1]);
  }
  return { routes, cost };
}
