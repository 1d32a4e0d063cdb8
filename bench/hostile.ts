/**
 * Hostile inputs, measured: runs the whole corpus of tests/hostile/corpus.ts
 * (the bench-only cases at default limits included) through the built command,
 * one case at a time, and records for each case the exit code, the contract
 * (exit 2, one JSON error naming a pointer or line, no stack trace) and its
 * peak RSS (VmHWM) and wall time. Writes bench/results/hostile.md.
 *
 *   npm run bench:hostile            (builds first)
 *   npx tsx bench/hostile.ts --out bench/results/hostile.md
 *
 * Targets (issue 11): every case exit 2 with the contract, peak RSS ≤ 1 GB, ≤ 10 s.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../tests/hostile/corpus.js';
import { CLI, contractProblems, runCase } from '../tests/hostile/run.js';

const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : 'bench/results/hostile.md';

if (!existsSync(CLI)) {
  console.error(`${CLI} is missing: run npm run build first`);
  process.exit(1);
}

const git = (cmd: string) => {
  try {
    return execSync(`git ${cmd}`, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};
const commit = git('rev-parse --short HEAD');
const dirty = git('status --porcelain --untracked-files=no') !== '' ? ' (with uncommitted changes)' : '';
const loadStart = loadavg()[0];
const started = new Date();

const dir = mkdtempSync(join(tmpdir(), 'vrpkit-hostile-bench-'));
const rows: { name: string; heavy: boolean; exit: string; ok: boolean; problems: string[]; rssMB: number; ms: number; code: string }[] = [];
try {
  const cases = writeCorpus(dir);
  for (const c of cases) {
    const r = await runCase(c, dir, 60_000);
    const problems = contractProblems(r);
    let code = '';
    try {
      code = JSON.parse(r.stderr.split('\n')[0]).error.code;
    } catch {
      code = '?';
    }
    rows.push({
      name: c.name,
      heavy: c.heavy === true,
      exit: String(r.status ?? r.signal),
      ok: problems.length === 0,
      problems,
      rssMB: (r.maxRssKiB ?? NaN) / 1024,
      ms: r.ms ?? NaN,
      code,
    });
    process.stderr.write(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${c.name} ${Math.round((r.maxRssKiB ?? 0) / 1024)} MB ${Math.round(r.ms ?? 0)} ms ${problems.join('; ')}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const loadEnd = loadavg()[0];

const failed = rows.filter((r) => !r.ok);
const worstRss = [...rows].sort((a, b) => b.rssMB - a.rssMB);
const worstTime = [...rows].sort((a, b) => b.ms - a.ms);
const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '?');
const table = (list: typeof rows) =>
  ['| case | exit | error code | peak RSS (MB) | time (ms) | contract |', '| --- | --- | --- | ---: | ---: | --- |']
    .concat(list.map((r) => `| ${r.name} | ${r.exit} | ${r.code} | ${fmt(r.rssMB)} | ${fmt(r.ms)} | ${r.ok ? 'ok' : r.problems.join('; ')} |`))
    .join('\n');

const md = `# Hostile inputs (issue 11)

Command: \`npx tsx bench/hostile.ts\` (after \`npm run build\`) — every case of
\`tests/hostile/corpus.ts\` through \`node dist/cli.js …\`, one at a time, peak
RSS = VmHWM of the command's process, time = its wall time from start to exit.

- Commit: ${commit}${dirty}; Node ${process.version}; ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GB
- Date: ${started.toISOString()}
- 1-minute load average: ${fmt(loadStart, 2)} at the start → ${fmt(loadEnd, 2)} at the end${loadStart > 2 || loadEnd > 2 ? ' (the machine was shared and busy: times are slower than on an idle machine)' : ''}

## Result

${rows.length} cases, ${rows.length - failed.length} meet the contract (exit 2, one JSON error object naming a pointer
or line, no stack trace, ≤ 1 GB).${failed.length > 0 ? ` **${failed.length} do not:** ${failed.map((f) => f.name).join(', ')}.` : ''}
Largest peak RSS: **${fmt(worstRss[0].rssMB)} MB** (${worstRss[0].name}); longest run: **${fmt(worstTime[0].ms / 1000, 1)} s** (${worstTime[0].name}).
Targets: ≤ 1 GB, ≤ 10 s.

## The heaviest cases (bombs, counts at the limits)

${table(rows.filter((r) => r.heavy))}

## Ten largest peak RSS

${table(worstRss.slice(0, 10))}

## Ten longest runs

${table(worstTime.slice(0, 10))}

## Every case

${table(rows)}
`;
writeFileSync(out, md);
process.stderr.write(`wrote ${out}: ${rows.length} cases, ${failed.length} failing; peak ${fmt(worstRss[0].rssMB)} MB, longest ${fmt(worstTime[0].ms)} ms; load ${fmt(loadStart, 2)} → ${fmt(loadEnd, 2)}\n`);
process.exitCode = failed.length > 0 ? 1 : 0;
