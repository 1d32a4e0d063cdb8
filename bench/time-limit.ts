/**
 * bench:time-limit — how long to let `solve` run, by problem size: for one
 * instance per size it runs the solver for a long budget and records when the
 * best plan came within 2%, 1% and 0.5% of the plan found at the end (and
 * when the first feasible plan existed). The README's time-limit advice is
 * these figures; re-run after solver changes.
 *
 *   npm run bench:time-limit [-- --scale 0.5] [--instances DIR] [--out FILE]
 *
 * `--scale` multiplies every budget (quick look: 0.25). Instances come from
 * `$VRPKIT_SHARED/instances` or `../shared/instances`. One instance at a time,
 * single-threaded; the machine load (1-minute average) is recorded at the
 * start and end of each run, because a shared machine stretches every time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCvrplib } from '../src/io/cvrplib.js';
import { parseSolomon } from '../src/io/solomon.js';
import { checkSolution } from '../src/model/check.js';
import type { Problem } from '../src/model/types.js';
import { solve } from '../src/solver/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');

/** One instance per size: file (under instances/), its reader, and the long budget in seconds. */
const CASES = [
  { file: 'solomon/RC101.txt', kind: 'VRPTW', budget: 30 },
  { file: 'homberger/200/RC1_2_1.txt', kind: 'VRPTW', budget: 40 },
  { file: 'cvrplib-x/X-n401-k29.vrp', kind: 'CVRP', budget: 60 },
  { file: 'homberger/1000/RC1_10_1.txt', kind: 'VRPTW', budget: 120 },
];
const LEVELS = [0.02, 0.01, 0.005];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function read(path: string): Problem {
  const text = readFileSync(path, 'utf8');
  return path.endsWith('.vrp') ? parseCvrplib(text) : parseSolomon(text);
}

interface Row {
  name: string;
  kind: string;
  jobs: number;
  budget: number;
  firstFeasibleS: number | null;
  withinS: (number | null)[];
  finalCost: number;
  /** Best-known cost of the instance's convention (bks.json), if any. */
  bks: number | null;
  /** When the best plan was first within 2% of the best-known cost. */
  withinBks2S: number | null;
  feasible: boolean;
  loadStart: number;
  loadEnd: number;
}

/** The best-known distance of our convention: `dist.distance` (Solomon/Homberger, DIMACS) or `distance` (X). */
function bestKnown(path: string): number | null {
  const file = join(dirname(path), 'bks.json');
  if (!existsSync(file)) return null;
  const entry = JSON.parse(readFileSync(file, 'utf8'))[path.split('/').pop()!.replace(/\.(txt|vrp)$/, '')];
  const value = entry?.dist?.distance ?? entry?.distance;
  return typeof value === 'number' ? value : null;
}

async function run(path: string, kind: string, budget: number): Promise<Row> {
  const problem = read(path);
  const trace: { t: number; cost: number }[] = [];
  let firstFeasible: number | null = null;
  const loadStart = loadavg()[0];
  const solution = await solve(problem, {
    timeLimitMs: budget * 1000,
    seed: 1,
    onProgress: (p) => {
      if (!p.feasible || !Number.isFinite(p.bestCost)) return;
      if (firstFeasible === null) firstFeasible = p.elapsedMs / 1000;
      if (trace.length === 0 || p.bestCost < trace[trace.length - 1].cost) trace.push({ t: p.elapsedMs / 1000, cost: p.bestCost });
    },
  });
  const loadEnd = loadavg()[0];
  const check = checkSolution(problem, solution);
  const final = trace.length ? Math.min(trace[trace.length - 1].cost, solution.summary.cost) : solution.summary.cost;
  const withinS = LEVELS.map((level) => trace.find((p) => p.cost <= final * (1 + level))?.t ?? null);
  const bks = bestKnown(path);
  return {
    name: path.split('/').pop()!.replace(/\.(txt|vrp)$/, ''),
    kind,
    jobs: problem.jobs.length,
    budget,
    firstFeasibleS: firstFeasible,
    withinS,
    finalCost: solution.summary.cost,
    bks,
    withinBks2S: bks === null ? null : (trace.find((p) => p.cost <= bks * 1.02)?.t ?? null),
    feasible: check.feasible && solution.unassigned.length === 0,
    loadStart,
    loadEnd,
  };
}

const shared = process.env.VRPKIT_SHARED ? resolve(process.env.VRPKIT_SHARED) : resolve(ROOT, '../shared');
const instances = resolve(option('instances') ?? join(shared, 'instances'));
const scale = Number(option('scale') ?? 1);
const out = resolve(option('out') ?? join(ROOT, 'bench/results/time-limit.md'));
if (!existsSync(instances)) throw new Error(`instances not found at ${instances} (set --instances or VRPKIT_SHARED)`);

const rows: Row[] = [];
for (const c of CASES) {
  const budget = Math.max(1, Math.round(c.budget * scale));
  process.stderr.write(`${c.file}: ${budget} s … `);
  const row = await run(join(instances, c.file), c.kind, budget);
  process.stderr.write(`cost ${row.finalCost.toFixed(1)}, 1% at ${row.withinS[1]?.toFixed(1) ?? '–'} s (load ${row.loadStart.toFixed(1)} → ${row.loadEnd.toFixed(1)})\n`);
  rows.push(row);
}

const s = (x: number | null) => (x === null ? '–' : x.toFixed(1));
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
} catch {}
const lines = [
  '# How long to set the time limit',
  '',
  `Command: \`npm run bench:time-limit${scale !== 1 ? ` -- --scale ${scale}` : ''}\` · commit ${commit} · ${new Date().toISOString().slice(0, 10)} · ` +
    `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · one solve at a time, single-threaded, seed 1.`,
  '',
  'Each instance ran for its whole budget; the columns say when the best plan so far was first within',
  '2%, 1% and 0.5% of the cost reached at the end of the budget (seconds since the start of `solve`).',
  'Gap to BKS: the final cost against the best-known solution of the same arc convention (bks.json).',
  'The 1-minute load average (start → end) says how busy the shared machine was.',
  '',
  '| instance | kind | jobs | budget s | first feasible s | within 2% s | within 1% s | within 0.5% s | final cost | gap to BKS | within 2% of BKS s | checked | load |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.kind} | ${r.jobs} | ${r.budget} | ${s(r.firstFeasibleS)} | ${r.withinS.map(s).join(' | ')} | ${r.finalCost.toFixed(1)} | ` +
      `${r.bks === null ? '–' : `${(((r.finalCost - r.bks) / r.bks) * 100).toFixed(2)}%`} | ${s(r.withinBks2S)} | ` +
      `${r.feasible ? 'feasible, all routed' : 'NOT feasible or not all routed'} | ${r.loadStart.toFixed(1)} → ${r.loadEnd.toFixed(1)} |`,
  ),
  '',
];
writeFileSync(out, lines.join('\n'));
process.stderr.write(`written ${out}\n`);
