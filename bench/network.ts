/**
 * bench:network — the road-network engine against graphology-shortest-path and
 * ngraph.path, on the shared OSM road graphs, in one process.
 *
 *   npm run bench:network -- [--roads ../shared/roads] [--graphs andorra,porto]
 *     [--queries N] [--baseline-queries N] [--matrix 1000] [--out bench/results/network.md]
 *
 * Per graph: compile time and memory, point-to-point time per algorithm (all
 * answers checked against the .queries.tsv distances) next to graphology's
 * bidirectional Dijkstra and ngraph.path's A* and NBA*, one-to-all next to
 * graphology's singleSource, and an N x N matrix. Medians unless noted.
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Graph from 'graphology';
import { dijkstra as gDijkstra } from 'graphology-shortest-path';
import createGraph from 'ngraph.graph';
import { aStar, nba } from 'ngraph.path';
import { RoadNetwork, type PathAlgorithm } from '../src/network/index.js';
import { oneToAll } from '../src/network/search.js';
import type { OverlayWeights } from '../src/network/overlay.js';
import { haversineMetres } from '../src/geo/haversine.js';
import { Rng } from '../src/core/rng.js';

const argv = process.argv.slice(2);
function opt(name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}
const roads = resolve(opt('roads', '../shared/roads'));
const graphs = opt('graphs', 'andorra,porto').split(',').filter(Boolean);
const maxQueries = Number(opt('queries', '1000'));
const baselineQueries = Number(opt('baseline-queries', '0'));
const matrixSize = Number(opt('matrix', '1000'));
const out = opt('out', 'bench/results/network.md');
const ALGORITHMS: PathAlgorithm[] = ['dijkstra', 'astar', 'bidirectional', 'bidirectional-astar', 'contracted'];

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const now = () => performance.now();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const lines: string[] = [];
const log = (s = '') => {
  lines.push(s);
  console.log(s);
};

function uptime(): string {
  try {
    return execSync('uptime').toString().trim();
  } catch {
    return `load average ${loadavg().map((x) => x.toFixed(2)).join(', ')}`;
  }
}

/** Length of a walk given as internal node indices (cheapest arc per step), Infinity if broken. */
function walkLength(net: RoadNetwork, nodes: number[]): number {
  const t = net.topology;
  let sum = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    let best = Infinity;
    for (let a = t.fwdOffsets[nodes[i]]; a < t.fwdOffsets[nodes[i] + 1]; a++) if (t.fwdHeads[a] === nodes[i + 1] && net.arcDistance[a] < best) best = net.arcDistance[a];
    sum += best;
  }
  return sum;
}

function overlayBytes(W: OverlayWeights): number {
  const S = W.structure;
  const arrays = [S.coreOf, S.coreNodes, S.chainOf, S.posOf, S.start, S.seq, S.offsets, S.heads, S.origin, S.revOffsets, S.revTails, S.revArc, W.core, W.fwd, W.bwd, S.xyz ?? new Float64Array(0)];
  return arrays.reduce((a, x) => a + x.byteLength, 0);
}

/**
 * The alternative heap strategy, for comparison only: lazy deletion (push a
 * node again when its distance improves, skip stale entries when popped) on a
 * binary heap of (key, node) pairs in typed arrays. Returns the settled count.
 */
function lazyOneToAll(net: RoadNetwork, s: number, dist: Float64Array, keys: Float64Array, nodes: Int32Array): number {
  const t = net.topology;
  const w = net.arcDistance;
  dist.fill(Infinity);
  dist[s] = 0;
  let size = 0;
  const push = (node: number, key: number) => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      nodes[i] = nodes[p];
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  };
  push(s, 0);
  let settled = 0;
  while (size > 0) {
    const u = nodes[0];
    const du = keys[0];
    const lastKey = keys[--size];
    const lastNode = nodes[size];
    let i = 0;
    const half = size >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      if (c + 1 < size && keys[c + 1] < keys[c]) c++;
      if (keys[c] >= lastKey) break;
      keys[i] = keys[c];
      nodes[i] = nodes[c];
      i = c;
    }
    keys[i] = lastKey;
    nodes[i] = lastNode;
    if (du > dist[u]) continue;
    settled++;
    for (let a = t.fwdOffsets[u]; a < t.fwdOffsets[u + 1]; a++) {
      const v = t.fwdHeads[a];
      const nd = du + w[a];
      if (nd < dist[v]) {
        dist[v] = nd;
        push(v, nd);
      }
    }
  }
  return settled;
}

interface Row {
  graph: string;
  nodes: number;
  p2pBest: number;
  p2pBestName: string;
  bestOnBaselineSubset: number;
  graphologyBidir: number;
  nbaStar: number;
  ngraphAStar: number;
  oneToAll: number;
  singleSource: number;
  matrix: number;
  bytesPerArc: number;
  bytesPerNode: number;
}
const rows: Row[] = [];

log('# Road-network benchmark (`npm run bench:network`)');
log();
log(`Command: \`npm run bench:network${argv.length ? ` -- ${argv.join(" ")}` : ""}\` (builds, then \`node --expose-gc dist-bench/network.js\`)`);
log(`Date: ${new Date().toISOString()}`);
log(`Machine: \`nproc\` ${execSafe('nproc')} (${cpus().length} CPUs seen by node), CPU \`${cpuModel()}\`, node ${process.version}`);
log(`Load before: \`${uptime()}\` (the machine is shared with other sessions: figures are medians)`);
log();

/** The CPU model from /proc/cpuinfo (falls back to what node reports). */
function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

function execSafe(cmd: string): string {
  try {
    return execSync(cmd).toString().trim();
  } catch {
    return '?';
  }
}

for (const name of graphs) {
  const base = join(roads, `OSM-road-d.${name}`);
  if (!existsSync(`${base}.gr.gz`)) {
    log(`## ${name}: skipped (no ${base}.gr.gz)`);
    continue;
  }
  const grBytes = readFileSync(`${base}.gr.gz`);
  const coBytes = readFileSync(`${base}.co.gz`);
  const queries = readFileSync(`${base}.queries.tsv`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map(Number) as [number, number, number])
    .slice(0, maxQueries);

  // Compile (gunzip + parse + CSR), median of 3.
  const compileTimes: number[] = [];
  let net!: RoadNetwork;
  for (let i = 0; i < 3; i++) {
    gc();
    const t0 = now();
    net = RoadNetwork.fromDimacs(grBytes, coBytes, { metresPerUnit: 1 }); // raw weights, as the baselines see them
    compileTimes.push(now() - t0);
  }
  const mem = net.memory();
  const n = net.nodeCount;
  log(`## ${name}: ${n.toLocaleString('en')} nodes, ${net.arcCount.toLocaleString('en')} arcs, ${queries.length} reference queries`);
  log();
  log(`- compile (gunzip + parse .gr/.co + CSR): ${ms(median(compileTimes))} ms (median of 3)`);
  log(`- compiled memory: ${(mem.bytes / 1e6).toFixed(1)} MB = ${mem.bytesPerArc.toFixed(1)} bytes/arc + ${mem.bytesPerNode.toFixed(1)} bytes/node (target <= 40 + 40)`);
  let t0 = now();
  const W = net.overlay('distance');
  const overlayMs = now() - t0;
  net.shortestPath(queries[0][0], queries[0][1]); // builds the core coordinates too
  log(`- chain overlay (built on first contracted query / matrix, per metric): ${ms(overlayMs)} ms, ${W.structure.coreNodes.length.toLocaleString('en')} core nodes (${((100 * W.structure.coreNodes.length) / n).toFixed(0)} %), ${(overlayBytes(W) / 1e6).toFixed(1)} MB extra (${(overlayBytes(W) / n).toFixed(1)} bytes/node)`);

  // Baselines' graphs.
  t0 = now();
  const gg = new Graph({ type: 'directed' });
  for (let v = 1; v <= n; v++) gg.addNode(String(v));
  net.forEachArc((from, to, distance) => {
    if (!gg.hasEdge(String(from), String(to))) gg.addEdge(String(from), String(to), { weight: distance });
  });
  const graphologyBuild = now() - t0;
  t0 = now();
  const ng = createGraph<{ lon: number; lat: number }, number>();
  const c = net.topology.coords!;
  for (let v = 0; v < n; v++) ng.addNode(v + 1, { lon: c[2 * v], lat: c[2 * v + 1] });
  net.forEachArc((from, to, distance) => void ng.addLink(from, to, distance));
  const ngraphBuild = now() - t0;
  log(`- baseline graphs built in ${ms(graphologyBuild)} ms (graphology) and ${ms(ngraphBuild)} ms (ngraph)`);
  log();

  // Point to point.
  log('| point-to-point | median ms | mean ms | settled (mean) | answers exact |');
  log('| --- | ---: | ---: | ---: | ---: |');
  const perAlgorithm = new Map<string, number[]>();
  for (const algorithm of ALGORITHMS) {
    for (const [s, t] of queries.slice(0, 3)) net.shortestPath(s, t, { algorithm });
    const times: number[] = [];
    let settled = 0;
    let exact = 0;
    for (const [s, t, d] of queries) {
      const a = now();
      const r = net.shortestPath(s, t, { algorithm });
      times.push(now() - a);
      settled += r.settled;
      if (r.distance === d) exact++;
    }
    perAlgorithm.set(algorithm, times);
    log(`| vrpkit ${algorithm} | ${ms(median(times))} | ${ms(mean(times))} | ${Math.round(settled / queries.length).toLocaleString('en')} | ${exact}/${queries.length} |`);
  }
  const heuristic = (a: { data: { lon: number; lat: number } }, b: { data: { lon: number; lat: number } }) => 10 * haversineMetres(a.data.lon, a.data.lat, b.data.lon, b.data.lat);
  const ngraphTimes = new Map<string, number[]>();
  for (const [label, finder] of [
    ['ngraph.path aStar', aStar(ng, { oriented: true, distance: (_a, _b, l) => l.data, heuristic })],
    ['ngraph.path nba', nba(ng, { oriented: true, distance: (_a, _b, l) => l.data, heuristic })],
  ] as const) {
    for (const [s, t] of queries.slice(0, 2)) finder.find(s, t);
    const times: number[] = [];
    let exact = 0;
    for (const [s, t, d] of queries) {
      const a = now();
      const path = finder.find(s, t);
      times.push(now() - a);
      if (walkLength(net, path.map((p) => Number(p.id) - 1).reverse()) === d) exact++;
    }
    ngraphTimes.set(label, times);
    log(`| ${label} (haversine heuristic) | ${ms(median(times))} | ${ms(mean(times))} | | ${exact}/${queries.length} |`);
  }
  const k = baselineQueries > 0 ? baselineQueries : n > 100_000 ? 10 : queries.length;
  const subset = queries.slice(0, k);
  const gTimes: number[] = [];
  let gExact = 0;
  for (const [s, t, d] of subset) {
    const a = now();
    const path = gDijkstra.bidirectional(gg, String(s), String(t), 'weight') as string[];
    gTimes.push(now() - a);
    if (walkLength(net, path.map((p) => Number(p) - 1)) === d) gExact++;
  }
  log(`| graphology-shortest-path bidirectional (first ${k} queries) | ${ms(median(gTimes))} | ${ms(mean(gTimes))} | | ${gExact}/${k} |`);
  let bestName = 'contracted';
  for (const [name2, times] of perAlgorithm) if (median(times) < median(perAlgorithm.get(bestName)!)) bestName = name2;
  const best = perAlgorithm.get(bestName)!;
  const bestSubset = median(best.slice(0, k));
  log();
  log(`Best vrpkit algorithm: \`${bestName}\`, median ${ms(median(best))} ms: ${(median(ngraphTimes.get('ngraph.path nba')!) / median(best)).toFixed(1)}x faster than ngraph.path NBA*, ${(median(ngraphTimes.get('ngraph.path aStar')!) / median(best)).toFixed(1)}x than ngraph.path A*; on the same first ${k} queries ${ms(bestSubset)} ms vs graphology ${ms(median(gTimes))} ms = ${(median(gTimes) / bestSubset).toFixed(0)}x.`);
  log();

  // One to all.
  const rng = new Rng(1);
  const g = net.searchGraph('distance');
  const sourceCount = n > 100_000 ? 5 : 20;
  const sources = Array.from({ length: sourceCount }, () => rng.int(n));
  oneToAll(g, sources[0]);
  const oursAll = sources.map((s) => {
    const a = now();
    oneToAll(g, s);
    return now() - a;
  });
  const lazyDist = new Float64Array(n);
  const lazyKeys = new Float64Array(net.arcCount + 1);
  const lazyNodes = new Int32Array(net.arcCount + 1);
  lazyOneToAll(net, sources[0], lazyDist, lazyKeys, lazyNodes);
  const oursLazy = sources.map((s) => {
    const a = now();
    lazyOneToAll(net, s, lazyDist, lazyKeys, lazyNodes);
    return now() - a;
  });
  net.distancesToAll(sources[0] + 1);
  const oursAllOverlay = sources.map((s) => {
    const a = now();
    net.distancesToAll(s + 1);
    return now() - a;
  });
  const glSources = n > 100_000 ? 1 : 3;
  const glAll = sources.slice(0, glSources).map((s) => {
    gc();
    const a = now();
    gDijkstra.singleSource(gg, String(s + 1), 'weight');
    return now() - a;
  });
  log(`| one-to-all | median ms |`);
  log('| --- | ---: |');
  log(`| vrpkit plain Dijkstra, typed arrays, indexed heap with decrease-key (${sourceCount} sources) | ${ms(median(oursAll))} |`);
  log(`| (comparison) the same with a lazy-deletion heap (${sourceCount} sources) | ${ms(median(oursLazy))} |`);
  log(`| vrpkit distancesToAll: Dijkstra on the chain overlay + chain sweeps (${sourceCount} sources) | ${ms(median(oursAllOverlay))} |`);
  log(`| graphology singleSource (${glSources} source${glSources > 1 ? 's' : ''}) | ${ms(median(glAll))} |`);
  log();
  const bestAll = Math.min(median(oursAll), median(oursAllOverlay));
  log(`One-to-all: ${(median(glAll) / bestAll).toFixed(0)}x faster than graphology's singleSource (plain Dijkstra: ${(median(glAll) / median(oursAll)).toFixed(0)}x). Note: singleSource also builds a path per node; ours returns distances.`);
  log();

  // Matrix.
  const pts = Array.from({ length: matrixSize }, () => rng.int(n) + 1);
  const matrixTimes: Record<string, number> = {};
  for (const metric of ['distance', 'both'] as const) {
    const fresh = RoadNetwork.fromDimacs(grBytes, coBytes, { metresPerUnit: 0.1 });
    gc();
    const a = now();
    fresh.overlay(metric);
    const prep = now() - a;
    const b = now();
    const m = fresh.matrix(pts, pts, { metric });
    matrixTimes[metric] = now() - b;
    log(`- ${matrixSize} x ${matrixSize} matrix, metric ${metric}: ${ms(matrixTimes[metric])} ms (+ ${ms(prep)} ms overlay preparation), ${m.unreachable.length} unreachable pairs`);
  }
  log();
  rows.push({
    graph: name,
    nodes: n,
    p2pBest: median(best),
    p2pBestName: bestName,
    bestOnBaselineSubset: bestSubset,
    graphologyBidir: median(gTimes),
    nbaStar: median(ngraphTimes.get('ngraph.path nba')!),
    ngraphAStar: median(ngraphTimes.get('ngraph.path aStar')!),
    oneToAll: bestAll,
    singleSource: median(glAll),
    matrix: matrixTimes.distance,
    bytesPerArc: mem.bytesPerArc,
    bytesPerNode: mem.bytesPerNode,
  });
}

log('## Targets (issue 2)');
log();
log('| target | graph | measured | met |');
log('| --- | --- | --- | :---: |');
for (const r of rows) {
  const big = r.nodes > 100_000;
  const tag = big ? '' : ' (target is for Porto)';
  log(`| P2P >= 100x graphology bidirectional | ${r.graph} | ${(r.graphologyBidir / r.bestOnBaselineSubset).toFixed(0)}x${tag} | ${r.graphologyBidir / r.bestOnBaselineSubset >= 100 ? 'yes' : 'no'} |`);
  log(`| P2P >= 5x ngraph.path NBA* | ${r.graph} | ${(r.nbaStar / r.p2pBest).toFixed(1)}x${tag} | ${r.nbaStar / r.p2pBest >= 5 ? 'yes' : 'no'} |`);
  log(`| one-to-all >= 100x graphology singleSource | ${r.graph} | ${(r.singleSource / r.oneToAll).toFixed(0)}x${tag} | ${r.singleSource / r.oneToAll >= 100 ? 'yes' : 'no'} |`);
  log(`| ${matrixSize}x${matrixSize} matrix < 3 s (Andorra) | ${r.graph} | ${(r.matrix / 1000).toFixed(2)} s${big ? ' (reported only)' : ''} | ${big ? '-' : r.matrix < 3000 ? 'yes' : 'no'} |`);
  log(`| memory <= 40 B/arc + 40 B/node | ${r.graph} | ${r.bytesPerArc.toFixed(1)} + ${r.bytesPerNode.toFixed(1)} | ${r.bytesPerArc <= 40 && r.bytesPerNode <= 40 ? 'yes' : 'no'} |`);
}
log();
log(`Load after: \`${uptime()}\``);
log();
log('## Notes');
log();
log('- Every timed vrpkit answer is checked against the `.queries.tsv` reference distance ("answers exact"); the baselines\' paths are re-measured on the same arcs.');
log('- `contracted` (the default algorithm): OSM graphs keep every shape point as a node, so 80-90 % of the nodes have exactly two neighbours. They are folded into their roads (a chain overlay on the remaining "core" nodes, built once per network and metric, cost shown above), bidirectional A* runs on the core with chord-length potentials (admissible: chord <= great circle <= arc weight / scale, with the scale measured on the arcs), and the path is expanded back to original arcs. Matrices and `distancesToAll` use the same overlay with plain Dijkstra.');
log('- Compiled memory counts the typed arrays of the network (forward + reverse CSR, per-arc distance and duration, coordinates). The chain overlay, the snapping index and the search scratch are built on demand and reported separately.');
log('- graphology bidirectional Dijkstra is run on the first queries only (about 1-3 s each on Porto); the ratio uses vrpkit\'s median on the same subset. graphology\'s singleSource returns a path per node, vrpkit\'s one-to-all returns distances.');
log('- The machine is shared with other sessions (see the load averages): absolute times move by 2-5x between runs; ratios measured in the same process move less.');

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lines.join('\n') + '\n');
console.log(`\nwrote ${out}`);
