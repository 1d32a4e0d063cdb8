/**
 * bench:large-roads — a 10,000-stop problem on the Porto road graph, end to end
 * as a user runs it: `vrpkit solve route.json --hierarchy FILE --time-limit T`
 * (load the network, build or load the contraction hierarchy, snap the stops,
 * travel on demand, zone decomposition, plan, write, independent check), in a
 * child process whose wall time and peak resident memory (VmHWM) are measured.
 *
 *   npm run build && npx tsx bench/large-roads.ts [--stops 10000] [--seed 1]
 *     [--time-limit 200] [--roads ../shared/roads] [--out bench/results/large-roads.md]
 *
 * The problem: stops at seeded random nodes of the graph (coordinates moved by
 * up to ~20 m, so they are snapped), one depot near the centre, deliveries of
 * 1–3 units, vans of capacity 100 with a 10-hour shift, 2 minutes of service
 * per stop. The hierarchy file is written to a temporary folder on the first
 * run (build) and loaded by a second, shorter run (a service restart).
 */
import { spawn, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/core/rng.js';
import { RoadNetwork } from '../src/network/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const stops = Number(arg('stops', '10000'));
const seed = Number(arg('seed', '1'));
const timeLimit = Number(arg('time-limit', '200'));
const roads = resolve(arg('roads', '../shared/roads'));
const outMd = arg('out', 'bench/results/large-roads.md');
const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');

/** Runs `node ARGS` as a child, sampling its peak RSS. */
async function measure(args: string[]): Promise<{ wallMs: number; peakRssMb: number; code: number; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  let peakKb = 0;
  const timer = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* ended */
    }
  }, 200);
  const code: number = await new Promise((done) => child.on('exit', (c) => done(c ?? 1)));
  clearInterval(timer);
  return { wallMs: performance.now() - started, peakRssMb: peakKb / 1024, code, stderr };
}

async function main(): Promise<void> {
  const gr = join(roads, 'OSM-road-d.porto.gr.gz');
  const net = RoadNetwork.fromDimacs(readFileSync(gr), readFileSync(join(roads, 'OSM-road-d.porto.co.gz')));
  const rng = new Rng(seed);
  const jitter = () => (rng.next() - 0.5) * 0.0004; // about ±20 m
  const point = (): [number, number] => {
    const [lon, lat] = net.coordinatesOf(net.idOf(rng.int(net.nodeCount)))!;
    return [Math.round((lon + jitter()) * 1e6) / 1e6, Math.round((lat + jitter()) * 1e6) / 1e6];
  };
  const depot = net.coordinatesOf(net.nearestNode(-8.61, 41.15).node)!;
  const points: [number, number][] = [depot];
  for (let i = 0; i < stops; i++) points.push(point());
  const vans = Math.ceil((stops * 2) / 100 / 0.8);
  const route = {
    name: `porto-${stops}-s${seed}`,
    travel: { type: 'network', file: gr, points },
    vehicles: Array.from({ length: vans }, (_, k) => ({ id: `van-${k + 1}`, start: 0, end: 0, capacity: [100], shift: [0, 36000] })),
    jobs: Array.from({ length: stops }, (_, j) => ({ id: `s${j + 1}`, location: j + 1, delivery: [1 + rng.int(3)], serviceDuration: 120 })),
  };
  const dir = join(tmpdir(), `vrpkit-large-roads-${stops}-s${seed}`);
  mkdirSync(dir, { recursive: true });
  const routeFile = join(dir, 'route.json');
  const hierarchy = join(dir, 'porto.ch');
  const solution = join(dir, 'solution.json');
  writeFileSync(routeFile, JSON.stringify(route));
  rmSync(hierarchy, { force: true });
  const cli = join(root, 'dist', 'cli.js');
  const runs: { label: string; run: Awaited<ReturnType<typeof measure>>; summary?: Record<string, number>; stats?: Record<string, number>; loadBefore: string; loadAfter: string }[] = [];
  for (const [label, limit] of [['first run (builds the hierarchy file)', timeLimit], ['second run (loads it)', timeLimit]] as const) {
    const loadBefore = load();
    process.stderr.write(`${label}: node ${cli} solve ${routeFile} --hierarchy ${hierarchy} --time-limit ${limit}\n`);
    const run = await measure([cli, 'solve', routeFile, '--hierarchy', hierarchy, '--time-limit', String(limit), '--seed', String(seed), '--output', solution]);
    const entry: (typeof runs)[number] = { label, run, loadBefore, loadAfter: load() };
    if (run.code === 0 && existsSync(solution)) {
      const json = JSON.parse(readFileSync(solution, 'utf8'));
      entry.summary = json.summary;
      entry.stats = json.stats;
      rmSync(solution);
    }
    runs.push(entry);
  }
  let commit = '?';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  } catch {
    /* not a checkout */
  }
  const lines = [
    `# ${stops.toLocaleString('en')} stops on the Porto road graph, end to end`,
    '',
    `Command: \`npm run build && npx tsx bench/large-roads.ts --stops ${stops} --seed ${seed} --time-limit ${timeLimit}\` (commit ${commit})`,
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Problem: ${stops.toLocaleString('en')} stops at seeded random nodes of the graph (moved up to ~20 m, snapped by the solver), 1 depot, ${vans} vans (capacity 100, shift 10 h), deliveries of 1–3 units, 2 min service. Travel: \`{ "type": "network", "file": "OSM-road-d.porto.gr.gz", "points": [...] }\` — 269,898 nodes, 517,207 arcs.`,
    'Each run is `vrpkit solve route.json --hierarchy FILE --time-limit T` in a child process: load the network, build or load the hierarchy, snap, solve (zone decomposition with travel on demand), write, and check the plan with the independent checker (exit 0 only when it is feasible). Wall time and peak RSS (VmHWM) are of that whole process.',
    '',
    '| run | exit | feasible (checked) | routed | unassigned | routes | distance km | wall time | peak RSS | load average before → after |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...runs.map(({ label, run, summary, loadBefore, loadAfter }) =>
      summary
        ? `| ${label} | ${run.code} | ${run.code === 0} | ${stops - (summary.unassigned ?? 0)} | ${summary.unassigned ?? 0} | ${summary.routes} | ${(summary.distance / 1000).toFixed(1)} | ${(run.wallMs / 1000).toFixed(1)} s | ${run.peakRssMb.toFixed(0)} MB | ${loadBefore} → ${loadAfter} |`
        : `| ${label} | ${run.code} | no | | | | | ${(run.wallMs / 1000).toFixed(1)} s | ${run.peakRssMb.toFixed(0)} MB | ${loadBefore} → ${loadAfter} |`,
    ),
    '',
    ...runs.filter((r) => r.stats).map((r) => `Solver stats (${r.label}): ${Object.entries(r.stats!).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}.`),
    ...runs.filter((r) => r.run.code !== 0).map((r) => `stderr (${r.label}): ${r.run.stderr.slice(0, 500)}`),
    '',
  ];
  const target = resolve(root, outMd);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exitCode = 1;
});
