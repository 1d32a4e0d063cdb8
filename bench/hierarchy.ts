/**
 * bench:hierarchy — contraction hierarchies on the shared OSM road graphs:
 * preprocessing (time, memory), saving and loading, point-to-point queries on
 * the reference pairs and on seeded random pairs (checked against plain
 * Dijkstra), N × N matrices checked against plain Dijkstra, and matrices after
 * road closures (hierarchy reuse) next to the ordinary search.
 *
 *   npx tsx bench/hierarchy.ts [--roads ../shared/roads] [--graphs andorra,porto]
 *     [--matrix 1000] [--verify-rows 1000] [--reps 10] [--random-pairs 100]
 *     [--out bench/results/hierarchy.md]
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RoadNetwork } from '../src/network/index.js';
import { hierarchyPath } from '../src/network/ch-query.js';
import { hierarchyMatrix } from '../src/network/ch-network.js';
import { hierarchyArcCount, hierarchyBytes } from '../src/network/ch-types.js';
import { upwardBytes, upwardGraph } from '../src/network/ch-upward.js';
import { oneToMany } from '../src/network/search.js';
import { Rng } from '../src/core/rng.js';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const roads = resolve(opt('roads', '../shared/roads'));
const graphs = opt('graphs', 'andorra,porto').split(',').filter(Boolean);
const matrixSize = Number(opt('matrix', '1000'));
const verifyRows = Number(opt('verify-rows', '1000'));
const reps = Number(opt('reps', '10'));
const randomPairs = Number(opt('random-pairs', '100'));
const out = opt('out', 'bench/results/hierarchy.md');

const now = () => performance.now();
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const rss = () => process.memoryUsage().rss;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const lines: string[] = [];
const log = (s = '') => {
  lines.push(s);
  console.log(s);
};
const uptime = () => {
  try {
    return execSync('uptime').toString().trim();
  } catch {
    return `load average ${loadavg().map((x) => x.toFixed(2)).join(', ')}`;
  }
};
const commit = () => {
  try {
    return execSync('git rev-parse --short HEAD').toString().trim();
  } catch {
    return '?';
  }
};

log('# Contraction-hierarchy benchmark (`npx tsx bench/hierarchy.ts`)');
log();
log(`Command: \`npx tsx bench/hierarchy.ts${argv.length ? ` ${argv.join(' ')}` : ''}\``);
log(`Commit: ${commit()}; date ${new Date().toISOString()}; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
log(`Load before: \`${uptime()}\``);
log();

const targets: string[] = [];

for (const name of graphs) {
  const base = join(roads, `OSM-road-d.${name}`);
  if (!existsSync(`${base}.gr.gz`)) {
    log(`## ${name}: skipped (no ${base}.gr.gz)`);
    continue;
  }
  const gr = readFileSync(`${base}.gr.gz`);
  const co = readFileSync(`${base}.co.gz`);
  const net = RoadNetwork.fromDimacs(gr, co, { metresPerUnit: 1 });
  const queries = readFileSync(`${base}.queries.tsv`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map(Number) as [number, number, number]);
  log(`## ${name}: ${net.nodeCount.toLocaleString('en')} nodes, ${net.arcCount.toLocaleString('en')} arcs, ${queries.length} reference queries`);
  log();

  // --- preprocessing ---------------------------------------------------------
  log('| preprocessing (with the core table and query layout) | wall s | CPU s | arcs (original + shortcuts) | hierarchy MB (with core table) | query layout MB | process RSS after (peak so far) |');
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const buildWall: Record<string, number> = {};
  const rssBefore = rss();
  for (const metric of ['distance', 'duration'] as const) {
    const t0 = now();
    const c0 = process.cpuUsage();
    net.buildHierarchy({ metrics: [metric] });
    buildWall[metric] = now() - t0;
    const h = net.hierarchyFor(metric)!.hierarchy;
    log(`| ${metric} | ${f(buildWall[metric] / 1000)} | ${f(cpuMs(c0) / 1000)} | ${hierarchyArcCount(h).toLocaleString('en')} | ${mb(hierarchyBytes(h))} (core ${h.core?.size ?? 0} nodes) | ${mb(upwardBytes(upwardGraph(h)))} | ${mb(rss())} MB (${mb(peakRss())} MB) |`);
  }
  const peakAfterBuilds = peakRss();
  log();
  log(`Process RSS before the builds: ${mb(rssBefore)} MB (network compiled); peak RSS of the process after both builds: ${mb(peakAfterBuilds)} MB.`);
  log();

  // --- save / load -----------------------------------------------------------
  const file = join(tmpdir(), `vrpkit-bench-${name}.ch`);
  let t0 = now();
  writeFileSync(file, net.saveHierarchy());
  const saveMs = now() - t0;
  const loads: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const fresh = RoadNetwork.fromDimacs(gr, co, { metresPerUnit: 1 });
    t0 = now();
    fresh.loadHierarchy(readFileSync(file));
    loads.push(now() - t0);
    // The first point-to-point query of each metric derives its query layout.
    t0 = now();
    for (const metric of ['distance', 'duration'] as const) hierarchyPath(fresh.hierarchyFor(metric)!.hierarchy, 0, 1, null, false);
    firsts.push(now() - t0);
  }
  const fileBytes = readFileSync(file).length;
  log(`- save (both metrics, to ${file}): ${f(saveMs)} ms, ${mb(fileBytes)} MB; load (read the file + checks + views): ${f(median(loads))} ms (median of 3); then the first point-to-point query (weight only) of each metric, deriving the query layouts: ${f(median(firsts))} ms for both (median of 3)`);
  log();

  // --- point to point -------------------------------------------------------
  log('| point-to-point (reference queries) | median ms | mean ms | settled (mean) | exact |');
  log('| --- | ---: | ---: | ---: | ---: |');
  const p2pMedians: Record<string, number> = {};
  const hd = net.hierarchyFor('distance')!.hierarchy;
  const ht = net.hierarchyFor('duration')!.hierarchy;
  const idx = (id: number) => net.indexOf(id);
  type Method = { label: string; run: (s: number, t: number) => { value: number; settled: number }; exact: boolean; times: number[]; settled: number; hits: number };
  const method = (label: string, exact: boolean, run: Method['run']): Method => ({ label, run, exact, times: [], settled: 0, hits: 0 });
  const methods: Method[] = [
    method('hierarchy, distance only (metric distance)', true, (s, t) => {
      const r = hierarchyPath(hd, idx(s), idx(t), null, false);
      return { value: r.weight, settled: r.settled };
    }),
    method('shortestPath with the path (hierarchy, distance)', true, (s, t) => {
      const r = net.shortestPath(s, t);
      return { value: r.distance, settled: r.settled };
    }),
    method('hierarchy, duration only (metric duration)', false, (s, t) => {
      const r = hierarchyPath(ht, idx(s), idx(t), null, false);
      return { value: r.weight, settled: r.settled };
    }),
    method('shortestPath with the path (hierarchy, duration)', false, (s, t) => {
      const r = net.shortestPath(s, t, { metric: 'duration' });
      return { value: r.duration, settled: r.settled };
    }),
    method('shortestPath, `contracted` (before: chain overlay + A*)', true, (s, t) => {
      const r = net.shortestPath(s, t, { algorithm: 'contracted' });
      return { value: r.distance, settled: r.settled };
    }),
  ];
  // Warm up every method, then time them in turns: one pass over the queries per method and
  // turn (a stream of queries of one kind), the turns alternating so that they share the load alike.
  for (let r = 0; r < 3; r++) for (const m of methods) for (const [s, t] of queries) m.run(s, t);
  for (let r = 0; r < reps; r++) {
    for (const m of methods) {
      for (const [s, t, d] of queries) {
        const a = now();
        const x = m.run(s, t);
        m.times.push(now() - a);
        if (r === 0) {
          m.settled += x.settled;
          if (x.value === d) m.hits++;
        }
      }
    }
  }
  for (const m of methods) {
    p2pMedians[m.label] = median(m.times);
    log(`| ${m.label} | ${f(median(m.times))} | ${f(mean(m.times))} | ${Math.round(m.settled / queries.length).toLocaleString('en')} | ${m.exact ? `${m.hits}/${queries.length}` : '-'} |`);
  }
  log();
  if (randomPairs > 0) {
    // Seeded random pairs (beyond the reference ones): hierarchy answers and paths against plain Dijkstra.
    const pr = new Rng(20261202);
    const pairs = Array.from({ length: randomPairs }, () => [pr.int(net.nodeCount), pr.int(net.nodeCount)]);
    // Timed as the reference queries are: a stream of queries, after a warm-up pass.
    const rt: number[] = [];
    let settledRandom = 0;
    for (let r = 0; r <= reps; r++) {
      for (const [s, t] of pairs) {
        const a = now();
        const x = hierarchyPath(hd, s, t, null, false);
        if (r > 0) rt.push(now() - a);
        if (r === 0) settledRandom += x.settled;
      }
    }
    const one = new Float64Array(1);
    let distOk = 0;
    let pathOk = 0;
    let durOk = 0;
    let durMaxRel = 0;
    t0 = now();
    for (const [s, t] of pairs) {
      const w = hierarchyPath(hd, s, t, null, false).weight;
      oneToMany(net.searchGraph('distance'), s, Int32Array.of(t), one, null, null);
      if (w === one[0]) distOk++;
      if (net.shortestPath(net.idOf(s), net.idOf(t)).distance === net.toMetres(one[0])) pathOk++;
      const x = hierarchyPath(ht, s, t, null, false).weight;
      oneToMany(net.searchGraph('duration'), s, Int32Array.of(t), one, null, null);
      if (x === one[0]) durOk++;
      else durMaxRel = Math.max(durMaxRel, Math.abs(x - one[0]) / one[0]);
    }
    log(`${randomPairs} seeded random pairs: hierarchy, distance only, median ${f(median(rt))} ms, mean ${f(mean(rt))} ms, ${Math.round(settledRandom / randomPairs)} settled (mean). Against plain Dijkstra (\`oneToMany\` on the full graph, ${f((now() - t0) / 1000)} s): distance ${distOk}/${randomPairs} equal (with the path: ${pathOk}/${randomPairs}); duration ${durOk}/${randomPairs} bit-identical${durOk < randomPairs ? `, the others within ${durMaxRel.toExponential(1)} relative (float sums associated in another order)` : ''}.`);
    log();
  }

  // --- matrices -------------------------------------------------------------
  const rng = new Rng(20261201);
  const M = Math.min(matrixSize, net.nodeCount);
  const pts = Int32Array.from({ length: M }, () => rng.int(net.nodeCount));
  log(`| ${M} x ${M} matrix (seeded random nodes) | wall ms (median of 3) | CPU ms |`);
  log('| --- | ---: | ---: |');
  const matrixMs: Record<string, number> = {};
  const results: Record<string, ReturnType<RoadNetwork['matrixByIndex']>> = {};
  for (const metric of ['duration', 'distance', 'both'] as const) {
    const times: number[] = [];
    let cpu = 0;
    for (let i = 0; i < 3; i++) {
      const c0 = process.cpuUsage();
      t0 = now();
      results[metric] = net.matrixByIndex(pts, pts, metric);
      times.push(now() - t0);
      cpu = cpuMs(c0);
    }
    matrixMs[metric] = median(times);
    log(`| hierarchy, ${metric} | ${f(matrixMs[metric])} | ${f(cpu)} |`);
  }
  const plain = RoadNetwork.fromDimacs(gr, co, { metresPerUnit: 1 });
  t0 = now();
  plain.matrixByIndex(pts, pts, 'duration');
  const overlayMs = now() - t0;
  log(`| before: chain overlay, duration (one run) | ${f(overlayMs)} | |`);
  log();
  const V = Math.min(verifyRows, M);
  let distEqual = 0;
  let durEqual = 0;
  let maxRel = 0;
  const buf = new Float64Array(M);
  t0 = now();
  for (let i = 0; i < V; i++) {
    oneToMany(net.searchGraph('distance'), pts[i], pts, buf, null, null);
    for (let j = 0; j < M; j++) if (results.distance.distances![i * M + j] === buf[j]) distEqual++;
    oneToMany(net.searchGraph('duration'), pts[i], pts, buf, null, null);
    for (let j = 0; j < M; j++) {
      const x = results.duration.durations![i * M + j];
      if (x === buf[j]) durEqual++;
      else maxRel = Math.max(maxRel, Math.abs(x - buf[j]) / buf[j]);
    }
  }
  log(`Check against plain Dijkstra (\`oneToMany\` on the full graph) on ${V} of ${M} rows (${f((now() - t0) / 1000)} s): distance entries equal ${distEqual.toLocaleString('en')} / ${(V * M).toLocaleString('en')}; duration entries bit-identical ${durEqual.toLocaleString('en')} / ${(V * M).toLocaleString('en')}, the others differ by at most ${maxRel.toExponential(1)} relative (float sums associated in another order; durations are \`decimetres × 0.1 / (50 km/h)\`, not integers).`);
  log();

  // --- updates ---------------------------------------------------------------
  let closed = net;
  const closuresOf = (count: number): [number, number][] =>
    queries.slice(0, count).map(([s, t]) => {
      const p = net.shortestPath(s, t, { metric: 'duration' });
      return [p.nodes[p.nodes.length >> 1] as number, p.nodes[(p.nodes.length >> 1) + 1] as number];
    });
  for (const count of [3, 20]) {
    closed = net.withClosures(closuresOf(count));
    t0 = now();
    const use = closed.hierarchyFor('duration')!;
    const taintMs = now() - t0;
    t0 = now();
    const redo = hierarchyMatrix(use, pts, pts, new Float64Array(M * M), new Float64Array(M * M))!;
    const bucketsMs = now() - t0;
    t0 = now();
    const cc = process.cpuUsage();
    closed.matrixByIndex(pts, pts, 'both');
    const closedMs = now() - t0;
    const closedCpu = cpuMs(cc);
    const how = closed.hasHierarchy('duration')
      ? `more than ${Math.round(16 + net.nodeCount / 1000)} rows needed it, so the closed network was re-contracted in the old order and the matrix ran on that`
      : 'they were redone on the chain overlay of the closed network';
    log(`- ${count} arcs closed on fastest paths of reference pairs (\`withClosures\`): flagging the hierarchy's arcs ${f(taintMs)} ms; buckets ${f(bucketsMs)} ms with ${redo.cols.length.toLocaleString('en')} of ${(M * M).toLocaleString('en')} entries through a closed arc (in ${redo.rows.length} rows); ${how}: the ${M} x ${M} \`both\` matrix took ${f(closedMs)} ms in all (${f(closedCpu)} ms CPU).`);
  }
  const fresh = net.withClosures(closuresOf(20));
  t0 = now();
  let c0 = process.cpuUsage();
  fresh.ownHierarchy('duration');
  log(`- re-contracting a closed network in the hierarchy's order (no ordering work): ${f(now() - t0)} ms wall, ${f(cpuMs(c0))} ms CPU (a full build: ${f(buildWall.duration)} ms wall).`);
  const faster = net.withSpeedFactors([{ from: queries[0][0], to: net.shortestPath(queries[0][0], queries[0][1]).nodes[1], factor: 0.5 }]);
  t0 = now();
  c0 = process.cpuUsage();
  faster.matrixByIndex(pts, pts, 'both');
  log(`- a speed-up (factor 0.5 on one arc) may shorten any path, so the old hierarchy cannot be trusted: the ${M} x ${M} matrix re-contracts and runs on that, ${f(now() - t0)} ms (${f(cpuMs(c0))} ms CPU).`);
  log();
  log('Choice for updates: no customisable CH; the hierarchy is reused where that is exact and re-contracted in its own order where that is cheaper. Its arcs standing for a changed arc are flagged; answers whose best path avoids every changed arc are exact as they are (no path got lighter), the others are recomputed with the ordinary search of the derived network (point-to-point: one search; matrices: the entries concerned), unless a matrix would need that for many rows: then the derived network gets its own hierarchy, contracted in the old order.');
  log();
  const closedP2p: number[] = [];
  let closedExact = 0;
  for (const [s, t] of queries) {
    t0 = now();
    const r = closed.shortestPath(s, t);
    closedP2p.push(now() - t0);
    if (r.distance === closed.shortestPath(s, t, { algorithm: 'dijkstra' }).distance) closedExact++;
  }
  log(`Point-to-point on the closed network (hierarchy with fallback): median ${f(median(closedP2p))} ms, ${closedExact}/${queries.length} equal to Dijkstra on the closed network.`);
  log();
  const tag = name === 'porto' ? '' : ' (targets are for Porto)';
  targets.push(
    `| preprocessing <= 60 s, <= 1 GB | ${name} | ${f(buildWall.distance / 1000)} s + ${f(buildWall.duration / 1000)} s, process peak RSS ${mb(peakAfterBuilds)} MB${tag} | ${buildWall.distance <= 60000 && buildWall.duration <= 60000 && peakAfterBuilds <= 1e9 ? 'yes' : 'no'} |`,
    `| p2p median <= 0.1 ms, exact | ${name} | ${f(p2pMedians['hierarchy, distance only (metric distance)'])} ms (with the path: ${f(p2pMedians['shortestPath with the path (hierarchy, distance)'])} ms)${tag} | ${p2pMedians['hierarchy, distance only (metric distance)'] <= 0.1 ? 'yes' : 'no'} |`,
    `| ${M}x${M} duration matrix <= 1 s | ${name} | ${f(matrixMs.duration / 1000)} s${tag} | ${matrixMs.duration <= 1000 ? 'yes' : 'no'} |`,
    `| load <= 2 s | ${name} | ${f(median(loads) / 1000)} s${tag} | ${median(loads) <= 2000 ? 'yes' : 'no'} |`,
  );
}

log('## Targets (issue 12)');
log();
log('| target | graph | measured | met |');
log('| --- | --- | --- | :---: |');
for (const t of targets) log(t);
log();
log(`Load after: \`${uptime()}\``);
const target = resolve(out);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, lines.join('\n') + '\n');
console.log(`\nwrote ${out}`);
