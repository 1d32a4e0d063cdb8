/**
 * bench:objectives — the `fewest-vehicles` objective on Solomon / Homberger
 * against the hierarchical best known solutions (bks.json `hier`: fewest
 * vehicles first, then distance, double-precision Euclidean).
 *
 *   npx tsx bench/objectives.ts [--set solomon|homberger200] [--time-limit S] [--seed N]
 *                               [--subset C101,R101 | 'RC2.*' | first:5 | all] [--instances DIR] [--out FILE]
 *
 * Instances are read with `rounding: 'none'` (the hierarchical tables'
 * convention), solved one at a time in this process (one thread) with
 * `objective: 'fewest-vehicles'`, and every plan goes through the independent
 * checker. Reports per instance: routes vs BKS routes, distance, the gap to the
 * BKS distance where the route counts are equal; and the totals the issue asks
 * for (total vehicles vs BKS total, mean gap where equal). The 1-minute load
 * average is recorded at the start and the end. Default subset: 8 instances
 * spread over the six Solomon classes.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkSolution } from '../src/model/check.js';
import { parseSolomon } from '../src/io/solomon.js';
import { solve } from '../src/solver/index.js';
import { selectInstances } from './solver.js';

const DEFAULT_SUBSET = 'C101,C201,R101,R102,R201,RC101,RC102,RC201';
const SET_DIRS: Record<string, string> = { solomon: 'solomon', homberger200: 'homberger/200' };

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

interface Row {
  name: string;
  feasible: boolean;
  routes: number;
  distance: number;
  hierRoutes: number | null;
  hierDistance: number | null;
  gapPct: number | null;
  seconds: number;
}

async function main(): Promise<void> {
  const set = arg('set', 'solomon')!;
  const dir = SET_DIRS[set];
  if (!dir) throw new Error(`unknown set ${set} (solomon, homberger200)`);
  const root = resolve(arg('instances', process.env.VRPKIT_SHARED ? join(process.env.VRPKIT_SHARED, 'instances') : join(process.cwd(), '..', 'shared', 'instances'))!);
  const timeLimit = Number(arg('time-limit', '5'));
  const seed = Number(arg('seed', '1'));
  const subsetArg = arg('subset', set === 'solomon' ? DEFAULT_SUBSET : 'first:5');
  const folder = join(root, dir);
  const bks = JSON.parse(readFileSync(join(folder, 'bks.json'), 'utf8')) as Record<string, { hier?: { vehicles: number; distance: number } }>;
  const names = selectInstances(readdirSync(folder).filter((f) => f.endsWith('.txt')).map((f) => basename(f, '.txt')), subsetArg === 'all' ? undefined : subsetArg);
  const loadStart = loadavg()[0];
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const rows: Row[] = [];
  for (const name of names) {
    const problem = parseSolomon(readFileSync(join(folder, `${name}.txt`), 'utf8'), { rounding: 'none' });
    const t0 = performance.now();
    const solution = await solve(problem, { objective: 'fewest-vehicles', timeLimitMs: timeLimit * 1000, seed });
    const seconds = (performance.now() - t0) / 1000;
    const report = checkSolution({ ...problem, objective: 'fewest-vehicles' }, solution);
    const feasible = report.feasible && solution.unassigned.length === 0;
    const hier = bks[name]?.hier;
    const routes = report.summary.routes;
    const distance = report.summary.distance;
    const row: Row = {
      name,
      feasible,
      routes,
      distance,
      hierRoutes: hier?.vehicles ?? null,
      hierDistance: hier?.distance ?? null,
      gapPct: feasible && hier && hier.vehicles === routes ? (100 * (distance - hier.distance)) / hier.distance : null,
      seconds,
    };
    rows.push(row);
    process.stderr.write(`${name}: ${routes} routes (BKS ${row.hierRoutes}), distance ${distance.toFixed(2)} (BKS ${row.hierDistance}), ${feasible ? 'feasible' : 'INFEASIBLE'}, ${seconds.toFixed(1)} s\n`);
  }
  const loadEnd = loadavg()[0];
  const ok = rows.filter((r) => r.feasible && r.hierRoutes !== null);
  const total = ok.reduce((a, r) => a + r.routes, 0);
  const totalBks = ok.reduce((a, r) => a + (r.hierRoutes ?? 0), 0);
  const equal = ok.filter((r) => r.gapPct !== null);
  const meanGap = equal.length > 0 ? equal.reduce((a, r) => a + (r.gapPct ?? 0), 0) / equal.length : null;
  const lines = [
    `# fewest-vehicles on ${set} against the hierarchical BKS`,
    '',
    `Command: \`npx tsx bench/objectives.ts --set ${set} --time-limit ${timeLimit} --seed ${seed} --subset ${subsetArg}\``,
    `Commit ${commit}; one thread per instance, one instance at a time; 1-minute load average ${loadStart.toFixed(2)} → ${loadEnd.toFixed(2)}` +
      ` (a shared 2-core machine: figures are indicative).`,
    '',
    '| instance | routes | BKS routes | distance | BKS distance | gap % (equal routes) | s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.feasible ? r.routes : 'infeasible'} | ${r.hierRoutes ?? '-'} | ${r.distance.toFixed(2)} | ${r.hierDistance ?? '-'} | ${r.gapPct === null ? '-' : r.gapPct.toFixed(2)} | ${r.seconds.toFixed(1)} |`,
    ),
    '',
    `Feasible: ${ok.length}/${rows.length}. Total vehicles ${total} vs BKS ${totalBks} (+${total - totalBks}).` +
      ` Equal route count on ${equal.length}/${ok.length}; mean distance gap there ${meanGap === null ? '-' : meanGap.toFixed(2) + ' %'}.`,
    '',
  ];
  const out = arg('out', join('bench', 'results', `objectives-${set}.md`))!;
  writeFileSync(out, lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
