/**
 * The decomposition benchmark (issue 4): `vrpkit solve` on a 10,000-customer
 * Solomon-format file with a time limit, measured as a user would run it.
 *
 *   npm run build && npx tsx bench/large.ts [--customers 10000] [--seed 1] [--time-limit 240]
 *       [--mode auto|cli|direct] [--out bench/results/large.md]
 *
 * 1. writes a seeded Homberger-style instance (bench/tools/make-large-instance.ts),
 * 2. builds a plain sweep + nearest-neighbour plan as the baseline,
 * 3. solves it in a child process, sampling the child's peak resident memory
 *    (VmHWM from /proc) and wall time:
 *    - `cli`: `node dist/cli.js solve FILE --time-limit T` (needs `npm run build`),
 *    - `direct`: `node --import tsx bench/tools/large-direct.ts --file FILE` (calls
 *      `solveByZones` itself),
 *    - `auto` (default): `cli` when `solve()` hands large problems to
 *      `solveByZones` (probed on the sources), else `direct` — plain HGS on
 *      10,000 customers would build 1.6 GB of dense matrices;
 * 4. checks both plans with the independent checker and writes a markdown report.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeLargeInstance } from './tools/make-large-instance.js';
import { sweepNearestNeighbour } from './tools/sweep-nn.js';
import { parseSolomon } from '../src/io/solomon.js';
import { checkSolution } from '../src/model/check.js';
import type { Problem } from '../src/model/types.js';
import { solve, type SolveOptions } from '../src/solver/index.js';

/** Everything from this line on in the results file is kept across runs. */
const NOTES_MARKER = '<!-- notes: kept when bench/large.ts rewrites the table above -->';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** Whether `solve()` routes problems to `solveByZones` (its stats then name the zones). */
async function solveDecomposes(): Promise<boolean> {
  const tiny: Problem = {
    jobs: [{ id: 1, location: [1, 0] }, { id: 2, location: [0, 1] }],
    vehicles: [{ id: 1, start: [0, 0], end: [0, 0] }],
    travel: { type: 'euclidean' },
  };
  const options = { maxIterations: 1, decompose: 'always', zoneSize: 1 } as SolveOptions;
  const s = await solve(tiny, options);
  return s.stats?.zones !== undefined;
}

/** Runs `node ARGS` as a child, sampling its peak RSS. */
async function measure(args: string[]): Promise<{ wallMs: number; peakRssMb: number; code: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  let peakKb = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const m = /VmHWM:\s+(\d+) kB/.exec(status);
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* process ended or no /proc */
    }
  }, 200);
  const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  return { wallMs: performance.now() - started, peakRssMb: peakKb / 1024, code };
}

async function main() {
  const customers = Number(arg('customers', '10000'));
  const seed = Number(arg('seed', '1'));
  const timeLimit = Number(arg('time-limit', '240'));
  const outMd = arg('out', 'bench/results/large.md');
  let mode = arg('mode', 'auto');
  if (mode === 'auto') mode = (await solveDecomposes()) ? 'cli' : 'direct';
  const file = join(tmpdir(), `vrpkit-large-${customers}-s${seed}.txt`);
  writeFileSync(file, makeLargeInstance(customers, seed));
  const problem = parseSolomon(readFileSync(file, 'utf8'));

  const t0 = performance.now();
  const baseline = sweepNearestNeighbour(problem);
  const baselineMs = performance.now() - t0;
  const baseCheck = checkSolution(problem, baseline);

  const solutionFile = join(tmpdir(), `vrpkit-large-${customers}-s${seed}.solution.json`);
  const command =
    mode === 'cli'
      ? [join(root, 'dist', 'cli.js'), 'solve', file, '--time-limit', String(timeLimit), '--seed', String(seed), '--output', solutionFile]
      : ['--import', 'tsx', join(root, 'bench', 'tools', 'large-direct.ts'), '--file', file, '--time-limit', String(timeLimit),
          '--seed', String(seed), '--output', solutionFile, '--no-baseline'];
  process.stderr.write(`mode ${mode}: node ${command.join(' ')}\n`);
  const run = await measure(command);
  let ours: ReturnType<typeof checkSolution> | undefined;
  let stats: Record<string, number> | undefined;
  if (run.code === 0 && existsSync(solutionFile)) {
    const json = JSON.parse(readFileSync(solutionFile, 'utf8'));
    stats = json.stats;
    ours = checkSolution(problem, json);
  }
  const cmd = `${mode === 'cli' ? 'npm run build && ' : ''}npx tsx bench/large.ts --customers ${customers} --seed ${seed} --time-limit ${timeLimit} --mode ${mode}`;
  const how = mode === 'cli' ? `vrpkit solve --time-limit ${timeLimit}` : `solveByZones, time limit ${timeLimit} s (direct)`;
  const lines = [
    `# Decomposition benchmark: ${customers} customers`,
    '',
    `Command: \`${cmd}\``,
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Instance: generated by \`bench/tools/make-large-instance.ts\` (seed ${seed}; Homberger RC-style, capacity 200, ${problem.vehicles.length} vehicles available, horizon 2000, rounding truncate1).`,
    `Wall time and peak RSS (VmHWM) are of the whole solving process: start-up, parsing, solving, writing and checking the plan.`,
    '',
    '| plan | feasible | routed | unassigned | routes | distance | wall time | peak RSS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    `| sweep + nearest neighbour | ${baseCheck.feasible} | ${baseCheck.summary.assigned} | ${baseCheck.summary.unassigned} | ${baseCheck.summary.routes} | ${baseCheck.summary.distance.toFixed(1)} | ${(baselineMs / 1000).toFixed(1)} s | — |`,
    ours
      ? `| ${how} | ${ours.feasible} | ${ours.summary.assigned} | ${ours.summary.unassigned} | ${ours.summary.routes} | ${ours.summary.distance.toFixed(1)} | ${(run.wallMs / 1000).toFixed(1)} s | ${run.peakRssMb.toFixed(0)} MB |`
      : `| ${how} | FAILED (exit ${run.code}) | | | | | ${(run.wallMs / 1000).toFixed(1)} s | ${run.peakRssMb.toFixed(0)} MB |`,
    '',
  ];
  if (ours) {
    const saving = 1 - ours.summary.distance / baseCheck.summary.distance;
    lines.push(`Distance vs the baseline: ${(100 * saving).toFixed(1)}% shorter.`);
    if (stats) lines.push(`Solver stats: ${Object.entries(stats).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}.`);
    if (!ours.feasible) lines.push('', 'Violations (first 10):', ...ours.violations.slice(0, 10).map((v) => `- ${v.code}: ${v.message}`));
  }
  // Hand-written notes below the marker survive a re-run.
  const target = resolve(root, outMd);
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
  const notes = previous.indexOf(NOTES_MARKER);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, lines.join('\n') + '\n' + (notes >= 0 ? '\n' + previous.slice(notes) : ''));
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exitCode = 1;
});
