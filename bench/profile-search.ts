/**
 * Where the search's time and quality go (issue 7, item 1): runs the iterated
 * local search on each instance for a wall-clock budget, one at a time, under
 * the V8 sampling profiler, and reports
 * - time to the first plan (compile + construction + first local search),
 * - iterations per second and milliseconds per iteration (perturbation + local search),
 * - move evaluations per second, applied moves per iteration, the share of intra-route moves,
 * - the best plan's distance and route count over time,
 * - the functions with the most self time.
 *
 *   npx tsx bench/profile-search.ts [--seconds 30] [--instances ../shared/instances] \
 *       [--files homberger/1000/R2_10_1.txt,homberger/200/R2_2_1.txt] [--generated DIR]
 *
 * Writes bench/results/profile-search.md. Times are wall-clock on whatever
 * machine runs it (the load is recorded); compare rows of one run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseCvrplib } from '../src/io/cvrplib.js';
import { parseSolomon } from '../src/io/solomon.js';
import { compileProblem } from '../src/solver/compile.js';
import { fleetSlots } from '../src/solver/hgs.js';
import { Ils } from '../src/solver/search/ils.js';
import { defaultCheapBest, ilsConstruction } from '../src/solver/run-ils.js';

const argv = process.argv.slice(2);
const opt = (k: string, d: string) => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : d;
};
const seconds = Number(opt('seconds', '30'));
const root = opt('instances', join('..', 'shared', 'instances'));
const generated = opt('generated', '');
const files = opt('files', 'homberger/1000/C2_10_1.txt,homberger/1000/R2_10_1.txt,homberger/1000/RC2_10_1.txt,homberger/200/C2_2_1.txt,homberger/200/R2_2_1.txt,homberger/200/RC2_2_1.txt')
  .split(',')
  .concat(generated ? ['long-routes-tw/L400_R_1.txt', 'long-routes-cvrp/L400-k6.vrp'].map((f) => `@${f}`) : []);
const marks = [1, 2, 5, 10, 20, 30, 60, 120].filter((m) => m <= seconds);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const load0 = loadavg()[0].toFixed(2);
const lines: string[] = [];
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });

for (const f of files) {
  const path = f.startsWith('@') ? join(generated, f.slice(1)) : join(root, f);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    process.stderr.write(`skipping ${path}: not found\n`);
    continue;
  }
  const problem = path.endsWith('.vrp') ? parseCvrplib(text) : parseSolomon(text);
  await session.post('Profiler.start');
  const t0 = performance.now();
  const cp = compileProblem(problem, { granularSize: 0 });
  const { slotType } = fleetSlots(cp);
  const deadline = t0 + seconds * 1000;
  const series: Record<number, { routes: number; cost: number }> = {};
  let firstAt = NaN;
  let last = { routes: 0, cost: NaN };
  const ils = new Ils(cp, slotType, {
    seed: 1, maxIterations: Infinity, granularSize: 40, historyLength: 300, noImprovement: 150_000, stopOnNoImprovement: false,
    minPerturbation: 1, maxPerturbation: cp.n <= 400 ? -25 : 10, routeRemovalRate: 0, useSwapStar: true, cheapBestUntil: defaultCheapBest(cp), sliceEvaluations: 20_000, construction: ilsConstruction('auto', cp),
    shouldStop: () => performance.now() >= deadline,
    tick: async () => {},
    trace: (t) => {
      const s = (performance.now() - t0) / 1000;
      if (Number.isNaN(firstAt)) firstAt = s;
      if (Number.isFinite(t.bestCost)) last = { routes: t.bestRoutes, cost: t.bestCost };
      for (const m of marks) if (s >= m && series[m] === undefined) series[m] = last;
    },
  });
  const res = await ils.run();
  const elapsed = (performance.now() - t0) / 1000;
  const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const url = node.callFrame.url.split('/').slice(-2).join('/');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${url}`;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
  const name = f.replace(/^@/, '');
  const searchTime = elapsed - firstAt;
  lines.push(
    `## ${name} (${cp.n} clients, ${seconds} s)`,
    '',
    `- first plan after ${firstAt.toFixed(2)} s (compile, construction, first local search)`,
    `- ${res.iterations} iterations: ${(res.iterations / searchTime).toFixed(0)} per second, ${((1000 * searchTime) / Math.max(1, res.iterations)).toFixed(2)} ms each`,
    `- ${(res.evaluations / elapsed / 1e6).toFixed(2)} M move evaluations per second; ${(res.moves / Math.max(1, res.iterations)).toFixed(1)} applied moves per iteration, ${((100 * res.intraMoves) / Math.max(1, res.moves)).toFixed(1)} % of them intra-route; ${res.restarts} restarts`,
    `- best distance / routes over time: ${marks.map((m) => (series[m] ? `${m} s ${series[m].cost.toFixed(0)} / ${series[m].routes}` : `${m} s –`)).join(', ')}; end ${res.best ? `${res.best.base.toFixed(1)} / ${res.best.routeCount}` : 'infeasible'}`,
    '',
    '| self time | function |',
    '| ---: | --- |',
    ...top.map(([k, v]) => `| ${((100 * v) / total).toFixed(1)} % | \`${k}\` |`),
    '',
  );
  process.stderr.write(`${name} done\n`);
}
const load1 = loadavg()[0].toFixed(2);
const head = [
  '# Where the search spends its time',
  '',
  `- command: \`npx tsx bench/profile-search.ts ${argv.join(' ')}\``,
  `- code: commit ${commit}; date ${new Date().toISOString()}; 1-min load ${load0} → ${load1} on 2 cores; one instance at a time, seed 1, V8 sampling profiler on (costs a few %)`,
  '',
];
writeFileSync('bench/results/profile-search.md', [...head, ...lines].join('\n'));
console.log([...head, ...lines].join('\n'));
