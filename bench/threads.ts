/**
 * bench:threads — does `--threads N` turn cores into quality? Runs
 * bench:solver on each set twice, one instance at a time: single-threaded
 * (`solve`), then `solveInThreads` with N threads and elite exchange, same
 * seed and time limit; writes both runs' tables (bench/results/threads-<set>-t1.md,
 * -t<N>.md) and a comparison of the mean gaps (bench/results/threads.md).
 *
 *   npm run bench:threads -- [--sets x,homberger200] [--time-limit 30] [--threads 2]
 *                            [--subset first:5] [--seed 1] [--out bench/results/threads.md]
 *
 * Needs a quiet machine: every run uses all N cores for the whole time limit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

interface Summary {
  instances: number;
  feasible: number;
  meanGapPct: number | null;
  medianGapPct: number | null;
}
interface Result {
  name: string;
  gapPct: number | null;
  feasible: boolean;
  iterations: number | null;
}

function runSet(set: string, threads: number, timeLimit: string, seed: string, subset: string | undefined, instances: string | undefined): { summary: Summary; results: Result[]; load: string } {
  const out = `bench/results/threads-${set}-t${threads}.md`;
  const args = [join(root, 'dist-bench', 'solver.js'), '--set', set, '--time-limit', timeLimit, '--seed', seed, '--parallel', '1', '--threads', String(threads), '--out', out];
  if (subset) args.push('--subset', subset);
  if (instances) args.push('--instances', instances);
  process.stderr.write(`node ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 && r.status !== 3) throw new Error(`bench:solver failed with exit ${r.status}`);
  const json = JSON.parse(readFileSync(join(root, out.replace(/\.md$/, '.json')), 'utf8'));
  return { summary: json.summary, results: json.results, load: json.load };
}

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'bench'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return `${hash}${dirty ? ' + uncommitted changes in src/ or bench/' : ''}`;
  } catch {
    return 'unknown';
  }
}

function main(): void {
  const sets = arg('sets', 'x,homberger200').split(',');
  const timeLimit = arg('time-limit', '30');
  const threads = Number(arg('threads', '2'));
  const seed = arg('seed', '1');
  const subset = process.argv.includes('--subset') ? arg('subset', '') : undefined;
  const instances = process.argv.includes('--instances') ? arg('instances', '') : undefined;
  const out = resolve(root, arg('out', 'bench/results/threads.md'));
  const f = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(2));
  const lines = [
    `# bench:threads — ${threads} threads vs 1 thread at the same time limit`,
    '',
    `- command: \`npm run bench:threads${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}\``,
    `- code: commit ${commit()}`,
    `- machine: ${availableParallelism()} cores (nproc), ${cpus()[0]?.model ?? '?'}, node ${process.version}; ${new Date().toISOString()}`,
    `- one instance at a time; time limit ${timeLimit} s, seed ${seed}; 1 thread = \`solve\` in the process, ${threads} threads = \`solveInThreads\` (independent searches, elite exchange)`,
    '',
    `| set | instances | feasible (1 / ${threads}) | mean gap % 1 thread | mean gap % ${threads} threads | median 1 | median ${threads} | ${threads} threads better on | load during 1 thread | load during ${threads} threads |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  const detail: string[] = [];
  for (const set of sets) {
    const one = runSet(set, 1, timeLimit, seed, subset, instances);
    const many = runSet(set, threads, timeLimit, seed, subset, instances);
    let better = 0;
    let compared = 0;
    detail.push(`## ${set}`, '', `| instance | gap % 1 thread | gap % ${threads} threads | iterations 1 | iterations ${threads} (all threads) |`, '| --- | ---: | ---: | ---: | ---: |');
    for (const a of one.results) {
      const b = many.results.find((r) => r.name === a.name);
      if (a.gapPct !== null && b?.gapPct != null) {
        compared++;
        if (b.gapPct < a.gapPct - 1e-9) better++;
      }
      detail.push(`| ${a.name} | ${f(a.gapPct)} | ${f(b?.gapPct)} | ${a.iterations ?? '–'} | ${b?.iterations ?? '–'} |`);
    }
    detail.push('');
    lines.push(
      `| ${set} | ${one.summary.instances} | ${one.summary.feasible} / ${many.summary.feasible} | ${f(one.summary.meanGapPct)} | ${f(many.summary.meanGapPct)} | ` +
        `${f(one.summary.medianGapPct)} | ${f(many.summary.medianGapPct)} | ${better} of ${compared} | ${one.load} | ${many.load} |`,
    );
  }
  lines.push('', `Load: 1-minute load average at start → end of each run (now ${loadavg()[0].toFixed(2)}).`, '', ...detail);
  writeFileSync(out, lines.join('\n'));
  process.stdout.write(lines.join('\n') + '\n');
}

main();
