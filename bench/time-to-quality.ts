/**
 * Time to quality (issue 7): the gap after 1, 5, 10, 30 and 60 s for chosen
 * benchmark sets, each time limit a separate checked run of `bench:solver`.
 *
 *   npm run build:bench && npx tsx bench/time-to-quality.ts --sets homberger1000,x:X-n5.*|X-n6.*|... \
 *       [--limits 1,5,10,30,60] [--parallel 2] [--instances DIR] [--generated DIR]
 *
 * A set may carry a subset after a colon (bench:solver's --subset). Sets
 * without a best known (the generated long-route ones) get gaps against our
 * own best distance over all the runs. Writes bench/results/time-to-quality.md
 * and a JSON beside it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

interface Row { name: string; feasible: boolean; distance: number; routes: number; gapPct: number | null; bksDistance: number | null; iterations: number | null }

const argv = process.argv.slice(2);
const opt = (k: string, d?: string) => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : d;
};
const sets = (opt('sets') ?? 'homberger1000').split(',');
const limits = (opt('limits') ?? '1,5,10,30,60').split(',').map(Number);
const parallel = opt('parallel') ?? '2';
const instances = opt('instances');
const generated = opt('generated');
const tmp = 'bench/results/time-to-quality.tmp';
mkdirSync(tmp, { recursive: true });
const load0 = loadavg()[0].toFixed(2);
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const results: Record<string, Record<number, Row[]>> = {};
for (const spec of sets) {
  const [set, subset] = spec.split(':');
  results[spec] = {};
  for (const T of limits) {
    const out = join(tmp, `${set}-${T}.md`);
    const args = ['dist-bench/solver.js', '--set', set, '--time-limit', String(T), '--parallel', parallel, '--out', out];
    if (subset) args.push('--subset', subset);
    const root = set.startsWith('long') ? generated : instances;
    if (root) args.push('--instances', root);
    process.stderr.write(`${spec} at ${T} s …\n`);
    execFileSync('node', args, { stdio: ['ignore', 'ignore', 'inherit'] });
    results[spec][T] = JSON.parse(readFileSync(out.replace(/\.md$/, '.json'), 'utf8')).results as Row[];
  }
}
const load1 = loadavg()[0].toFixed(2);
const lines = [
  '# Time to quality',
  '',
  `- command: \`npx tsx bench/time-to-quality.ts ${argv.join(' ')}\` (after \`npm run build:bench\`)`,
  `- code: commit ${commit}; date ${new Date().toISOString()}; machine load (1-min average) ${load0} → ${load1} on 2 cores`,
  `- each cell is a separate run of bench:solver with that time limit (seed 1, ${parallel} instance(s) at a time), checked by checkSolution;`,
  '  gap % to the best known of the set (bench/solver.ts conventions), or, for generated sets, to our best distance over all the runs of that instance',
  '',
];
for (const spec of sets) {
  lines.push(`## ${spec}`, '', `| instance | ${limits.map((t) => `${t} s`).join(' | ')} | routes at ${limits[limits.length - 1]} s |`, `| --- | ${limits.map(() => '---:').join(' | ')} | ---: |`);
  const names = results[spec][limits[0]].map((r) => r.name);
  const means = limits.map(() => ({ sum: 0, k: 0 }));
  for (const name of names) {
    const rows = limits.map((t) => results[spec][t].find((r) => r.name === name));
    const own = Math.min(...rows.map((r) => (r?.feasible ? r.distance : Infinity)));
    const cells = rows.map((r, i) => {
      if (!r?.feasible) return 'infeasible';
      const gap = r.bksDistance != null ? (100 * (r.distance - r.bksDistance)) / r.bksDistance : (100 * (r.distance - own)) / own;
      means[i].sum += gap;
      means[i].k++;
      return gap.toFixed(2);
    });
    lines.push(`| ${name} | ${cells.join(' | ')} | ${rows[rows.length - 1]?.routes ?? '–'} |`);
  }
  lines.push(`| **mean** | ${means.map((m) => (m.k ? (m.sum / m.k).toFixed(2) : '–')).join(' | ')} | |`, '');
}
writeFileSync('bench/results/time-to-quality.md', lines.join('\n') + '\n');
writeFileSync('bench/results/time-to-quality.json', JSON.stringify({ commit, limits, results }, null, 1));
console.log(lines.join('\n'));
