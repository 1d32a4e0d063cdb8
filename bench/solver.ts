/**
 * bench:solver — runs a benchmark set through `solve`, checks every solution with
 * the independent checker and measures the gap to the best-known solution of the
 * matching convention.
 *
 *   npm run bench:solver -- --set solomon --time-limit 10 [--instances DIR] [--seed N]
 *                           [--subset C101,R101 | 'RC2.*' | first:5] [--parallel N] [--threads N] [--out FILE]
 *                           [--reference FILE [--reference-label NAME]]
 *
 * `--instances` defaults to `$VRPKIT_SHARED/instances`, else `../shared/instances`.
 * `--reference`: another solver's distances on the same files, compared
 * instance by instance (reference.ts); a folder without bks.json runs
 * without gaps.
 *
 * Sets and conventions (see ../shared/instances/README.md):
 * - `solomon`, `homberger200`, `homberger1000`: arcs truncated to one decimal
 *   (`truncate1`), compared with bks.json `dist.distance` (DIMACS distance-only);
 * - `x`: TSPLIB `nint` arcs, compared with the top-level integer `distance`.
 * A solution the checker rejects is a failure, not a gap. Each instance runs in
 * its own child process (single-threaded, or `--threads N` worker threads
 * searching together through `solveInThreads`); `--parallel N` runs N at once.
 * Output: a markdown table + summary (`--out`, default
 * `bench/results/solver-<set>.md`) and the same data as JSON next to it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkSolution } from '../src/model/check.js';
import { SETS, type BenchSet } from './sets.js';
import { compareWithReference, parseReference, renderReference, WORSE_PCT } from './reference.js';
import type { Problem, Solution } from '../src/model/types.js';
import { solve } from '../src/solver/index.js';
import { solveInThreads } from '../src/workers/solve-threads.js';

export { SETS, type BenchSet } from './sets.js';

export interface InstanceResult {
  name: string;
  jobs: number;
  feasible: boolean;
  violations: string[];
  unassigned: number;
  routes: number;
  distance: number;
  cost: number;
  bksDistance: number | null;
  bksVehicles: number | null;
  /** (distance − BKS) / BKS in percent; null when infeasible or no BKS. */
  gapPct: number | null;
  /** The hierarchical BKS, when the set has one, and the gap to its distance. */
  hierDistance?: number | null;
  hierVehicles?: number | null;
  hierGapPct?: number | null;
  solveMs: number;
  iterations: number | null;
  maxRssMb: number;
  error?: string;
}

export type SolveFn = (problem: Problem, options: { timeLimitMs: number; seed: number }) => Promise<Solution>;

/** Natural order: C101 < C102 < C1_2_10 after C1_2_9; X by n. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Instance names of a set folder, filtered by `--subset` (comma list, `first:N`, or a regex). */
export function selectInstances(names: string[], subset?: string): string[] {
  const sorted = [...names].sort(naturalCompare);
  if (!subset) return sorted;
  const first = /^first:(\d+)$/.exec(subset);
  if (first) return sorted.slice(0, Number(first[1]));
  if (subset.includes(',') || sorted.includes(subset)) {
    const wanted = subset.split(',').map((s) => s.trim()).filter(Boolean);
    const missing = wanted.filter((w) => !sorted.includes(w));
    if (missing.length > 0) throw new Error(`unknown instances: ${missing.join(', ')}`);
    return sorted.filter((n) => wanted.includes(n));
  }
  const re = new RegExp(`^(?:${subset})$`, 'i');
  return sorted.filter((n) => re.test(n));
}

/** Solves and checks one instance (runs inside a worker process). */
export async function runInstance(
  file: string,
  set: BenchSet,
  bksEntry: unknown,
  options: { timeLimitMs: number; seed: number },
  solveFn: SolveFn = solve as unknown as SolveFn,
): Promise<InstanceResult> {
  const name = basename(file, set.ext);
  const problem = set.parse(readFileSync(file, 'utf8'));
  const bks = set.bks(bksEntry);
  const hier = set.hier?.(bksEntry);
  const t0 = performance.now();
  const solution = await solveFn(problem, options);
  const solveMs = performance.now() - t0;
  const report = checkSolution(problem, solution);
  const feasible = report.feasible && report.summary.unassigned === 0;
  const violations: string[] = report.violations.map((v) => v.code);
  if (report.summary.unassigned > 0) violations.push(`unassigned:${report.summary.unassigned}`);
  const distance = report.summary.distance;
  return {
    name,
    jobs: problem.jobs.length + 2 * (problem.shipments?.length ?? 0),
    feasible,
    violations: [...new Set(violations)],
    unassigned: report.summary.unassigned,
    routes: report.summary.routes,
    distance,
    cost: report.summary.cost,
    bksDistance: bks?.distance ?? null,
    bksVehicles: bks?.vehicles ?? null,
    gapPct: feasible && bks ? (100 * (distance - bks.distance)) / bks.distance : null,
    ...(set.hier
      ? {
          hierDistance: hier?.distance ?? null,
          hierVehicles: hier?.vehicles ?? null,
          hierGapPct: feasible && hier ? (100 * (distance - hier.distance)) / hier.distance : null,
        }
      : {}),
    solveMs,
    iterations: typeof solution.stats?.iterations === 'number' ? solution.stats.iterations : null,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

export interface BenchSummary {
  instances: number;
  feasible: number;
  meanGapPct: number | null;
  medianGapPct: number | null;
  meanSolveS: number;
  /** Hierarchical BKS: instances with no more routes than it, and the mean distance gap over them. */
  hierComparable?: number;
  hierMeanGapPct?: number | null;
  /** Routes above the hierarchical BKS, summed over the feasible instances. */
  hierExtraRoutes?: number;
}

export function summarise(results: InstanceResult[]): BenchSummary {
  const gaps = results.map((r) => r.gapPct).filter((g): g is number => g !== null).sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return {
    instances: results.length,
    feasible: results.filter((r) => r.feasible).length,
    meanGapPct: gaps.length ? gaps.reduce((s, g) => s + g, 0) / gaps.length : null,
    medianGapPct: gaps.length ? (gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2) : null,
    meanSolveS: results.length ? results.reduce((s, r) => s + r.solveMs, 0) / results.length / 1000 : 0,
    ...hierSummary(results),
  };
}

function hierSummary(results: InstanceResult[]): Partial<BenchSummary> {
  if (!results.some((r) => r.hierDistance !== undefined)) return {};
  const ok = results.filter((r) => r.feasible && r.hierVehicles != null && r.hierGapPct != null && r.routes <= r.hierVehicles);
  return {
    hierComparable: ok.length,
    hierMeanGapPct: ok.length ? ok.reduce((s, r) => s + (r.hierGapPct as number), 0) / ok.length : null,
    hierExtraRoutes: results.filter((r) => r.feasible && r.hierVehicles != null).reduce((s, r) => s + (r.routes - (r.hierVehicles as number)), 0),
  };
}

const fmt = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));

/** The markdown report. */
export function renderMarkdown(
  setName: string,
  results: InstanceResult[],
  meta: { command: string; machine: string; date: string; timeLimitS: number; seed: number; parallel: number; threads?: number; load?: string; commit?: string },
): string {
  const s = summarise(results);
  const lines = [
    `# bench:solver — ${setName}`,
    '',
    `- command: \`${meta.command}\``,
    `- machine: ${meta.machine}`,
    `- date: ${meta.date}`,
    ...(meta.commit ? [`- code: ${meta.commit}`] : []),
    ...(meta.load ? [`- machine load (1-min load average, at start → end): ${meta.load}`] : []),
    `- time limit ${meta.timeLimitS} s per instance, seed ${meta.seed}, ${meta.parallel} instance(s) at a time, ${(meta.threads ?? 1) > 1 ? `each on ${meta.threads} threads (solveInThreads)` : 'each single-threaded'}`,
    `- convention: ${SETS[setName]?.convention ?? (setName === 'x' ? 'TSPLIB nint arcs vs the CVRPLIB integer BKS' : 'arcs truncated to 1 decimal vs the DIMACS distance-only BKS (bks.json dist)')}`,
    '- every solution re-checked by `checkSolution`; a rejected solution (or one with unassigned jobs) is a failure, not a gap',
    '',
    '## Summary',
    '',
    `| instances | feasible | mean gap % | median gap % | mean solve time s |`,
    `| ---: | ---: | ---: | ---: | ---: |`,
    `| ${s.instances} | ${s.feasible}/${s.instances} | ${fmt(s.meanGapPct, 2)} | ${fmt(s.medianGapPct, 2)} | ${s.meanSolveS.toFixed(1)} |`,
    '',
    ...(s.hierComparable !== undefined
      ? [
          `Against the hierarchical BKS (fewest vehicles first): ${s.hierComparable} of ${s.instances} instances use no more routes than it;` +
            ` mean distance gap over those ${fmt(s.hierMeanGapPct ?? null, 2)} %; routes above it, summed: ${s.hierExtraRoutes}.`,
          '',
        ]
      : []),
    '## Instances',
    '',
    '| instance | jobs | feasible | routes (ours / BKS) | distance | BKS | gap % | solve s | iterations | max RSS MB | problems |',
    '| --- | ---: | :---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  const hierCols = results.some((r) => r.hierDistance !== undefined);
  if (hierCols) {
    lines[lines.length - 2] = '| instance | jobs | feasible | routes (ours / BKS) | distance | BKS | gap % | hier BKS routes | Δ routes | hier BKS | hier gap % | solve s | iterations | max RSS MB | problems |';
    lines[lines.length - 1] = '| --- | ---: | :---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |';
  }
  for (const r of results) {
    if (hierCols) {
      lines.push(
        `| ${r.name} | ${r.jobs} | ${r.feasible ? 'yes' : '**no**'} | ${r.routes} / ${r.bksVehicles ?? '–'} | ${fmt(r.distance, 2)} | ${r.bksDistance ?? '–'} | ${fmt(r.gapPct, 2)} | ` +
          `${r.hierVehicles ?? '–'} | ${r.hierVehicles != null ? r.routes - r.hierVehicles : '–'} | ${r.hierDistance ?? '–'} | ${fmt(r.hierGapPct ?? null, 2)} | ` +
          `${(r.solveMs / 1000).toFixed(1)} | ${r.iterations ?? '–'} | ${r.maxRssMb.toFixed(0)} | ${r.error ? 'error: ' + r.error.replace(/\|/g, '/').slice(0, 120) : r.violations.join(', ')} |`,
      );
      continue;
    }
    lines.push(
      `| ${r.name} | ${r.jobs} | ${r.feasible ? 'yes' : '**no**'} | ${r.routes} / ${r.bksVehicles ?? '–'} | ${fmt(r.distance, 1)} | ` +
        `${r.bksDistance ?? '–'} | ${fmt(r.gapPct, 2)} | ${(r.solveMs / 1000).toFixed(1)} | ${r.iterations ?? '–'} | ` +
        `${r.maxRssMb.toFixed(0)} | ${r.error ? 'error: ' + r.error.replace(/\|/g, '/').slice(0, 120) : r.violations.join(', ')} |`,
    );
  }
  return lines.join('\n') + '\n';
}

/** The git commit of the code that ran (and whether the tree had uncommitted changes), when available. */
function gitCommit(): string | undefined {
  try {
    const opts = { cwd: dirname(fileURLToPath(import.meta.url)), encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'] };
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], opts).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'bench'], opts).trim() !== '';
    return `commit ${hash}${dirty ? ' + uncommitted changes in src/ or bench/' : ''}`;
  } catch {
    return undefined;
  }
}

function machine(): string {
  const c = cpus();
  return `${availableParallelism()} cores (nproc), ${c[0]?.model ?? 'unknown CPU'}, node ${process.version}, ${process.platform}/${process.arch}`;
}

function parseOptions(argv: string[]): Map<string, string> {
  const o = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument '${a}'`);
    const eq = a.indexOf('=');
    if (eq > 0) o.set(a.slice(2, eq), a.slice(eq + 1));
    else o.set(a.slice(2), argv[++i] ?? '');
  }
  return o;
}

/** Runs one instance in a child process (this script with `--worker`) and returns its result. */
function runChild(file: string, setName: string, timeLimitS: number, seed: number, bksPath: string, threads = 1): Promise<InstanceResult> {
  const script = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, script, '--worker', file, '--set', setName, '--time-limit', String(timeLimitS), '--seed', String(seed), '--bks', bksPath, '--threads', String(threads)];
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    // A worker that overruns its limit by far (a solver ignoring its time limit) is killed and recorded as an error.
    const killAfterMs = timeLimitS * 3000 + 60_000;
    const killer = setTimeout(() => {
      err += `killed after ${killAfterMs / 1000} s (time limit ${timeLimitS} s)`;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      clearTimeout(killer);
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolvePromise(JSON.parse(line) as InstanceResult);
      } catch {
        resolvePromise({
          name: basename(file).replace(/\.[^.]+$/, ''),
          jobs: 0,
          feasible: false,
          violations: [],
          unassigned: 0,
          routes: 0,
          distance: NaN,
          cost: NaN,
          bksDistance: null,
          bksVehicles: null,
          gapPct: null,
          solveMs: 0,
          iterations: null,
          maxRssMb: 0,
          error: `worker exited with code ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`,
        });
      }
    });
  });
}

async function main(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  const setName = o.get('set') ?? 'solomon';
  const set = SETS[setName];
  if (!set) throw new Error(`--set must be one of ${Object.keys(SETS).join(', ')}`);
  const timeLimitS = Number(o.get('time-limit') ?? 10);
  const seed = Number(o.get('seed') ?? 1);
  const threads = Math.max(1, Math.floor(Number(o.get('threads') ?? 1)));
  if (!(timeLimitS > 0) || !Number.isInteger(seed)) throw new Error('--time-limit must be > 0 and --seed an integer');

  if (o.has('worker')) {
    const file = o.get('worker')!;
    // a folder without bks.json (e.g. hold-out files) runs without gaps
    const bksPath = o.get('bks')!;
    const bks = existsSync(bksPath) ? JSON.parse(readFileSync(bksPath, 'utf8')) : {};
    const solveFn: SolveFn = threads > 1 ? (p, opts) => solveInThreads(p, { ...opts, threads }) : (solve as unknown as SolveFn);
    const result = await runInstance(file, set, bks[basename(file, set.ext)], { timeLimitMs: timeLimitS * 1000, seed }, solveFn);
    process.stdout.write(JSON.stringify(result) + '\n');
    return 0;
  }

  // --reference FILE: another solver's distances on the same files, side by side (reference.ts)
  const refFile = o.get('reference');
  const reference = refFile ? parseReference(readFileSync(refFile, 'utf8')) : null;
  const refLabel = o.get('reference-label') ?? 'reference';
  const instances = resolve(o.get('instances') ?? join(process.env.VRPKIT_SHARED ?? '../shared', 'instances'));
  const dir = join(instances, set.dir);
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir} (use --instances DIR)`);
  const bksPath = join(dir, 'bks.json');
  const names = selectInstances(
    readdirSync(dir).filter((f) => f.endsWith(set.ext)).map((f) => f.slice(0, -set.ext.length)),
    o.get('subset'),
  );
  if (names.length === 0) throw new Error('no instance selected');
  const parallel = Math.max(1, Math.floor(Number(o.get('parallel') ?? 1)));
  const out = o.get('out') ?? `bench/results/solver-${setName}${threads > 1 ? `-threads${threads}` : ''}.md`;
  const command = `npm run bench:solver -- ${argv.join(' ')}`.trim();

  const results: InstanceResult[] = new Array(names.length);
  let next = 0;
  const started = Date.now();
  const loadAtStart = loadavg()[0];
  const lane = async () => {
    while (next < names.length) {
      const k = next++;
      const r = await runChild(join(dir, names[k] + set.ext), setName, timeLimitS, seed, bksPath, threads);
      results[k] = r;
      process.stderr.write(
        `${r.name}: ${r.error ? 'ERROR ' + r.error : `${r.feasible ? 'feasible' : 'INFEASIBLE ' + r.violations.join(',')} ` +
          `distance ${r.distance.toFixed(1)} gap ${fmt(r.gapPct, 2)}% routes ${r.routes} in ${(r.solveMs / 1000).toFixed(1)} s`}\n`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, names.length) }, lane));

  const load = `${loadAtStart.toFixed(2)} → ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`;
  const meta = { command, machine: machine(), date: new Date().toISOString(), timeLimitS, seed, parallel, threads, load, commit: gitCommit() };
  mkdirSync(dirname(out), { recursive: true });
  const vs = reference ? compareWithReference(results, reference, refLabel) : null;
  writeFileSync(out, renderMarkdown(setName, results, meta) + (vs ? '\n' + renderReference(vs).join('\n') : ''));
  const jsonOut = out.replace(/\.md$/, '') + '.json';
  writeFileSync(jsonOut, JSON.stringify({ set: setName, ...meta, summary: summarise(results), ...(vs ? { reference: vs } : {}), results }, null, 2) + '\n');
  const s = summarise(results);
  process.stderr.write(
    `${setName}: ${s.feasible}/${s.instances} feasible, mean gap ${fmt(s.meanGapPct, 2)}%, median ${fmt(s.medianGapPct, 2)}%, ` +
      `mean solve ${s.meanSolveS.toFixed(1)} s; wall ${((Date.now() - started) / 1000).toFixed(0)} s → ${out}, ${jsonOut}\n`,
  );
  if (vs) {
    process.stderr.write(
      `against ${vs.label}: ${vs.rows.length} compared, mean distance ${vs.meanDistanceDiffPct?.toFixed(2) ?? '–'} %, ` +
        `worst ${vs.worst ? `${vs.worst.name} ${vs.worst.diffPct.toFixed(2)} %` : '–'}, ${WORSE_PCT} % or more above: ${vs.worse.length}\n`,
    );
  }
  return s.feasible === s.instances ? 0 : 3;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`bench:solver: ${e?.message ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
