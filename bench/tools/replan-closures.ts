/**
 * How much of a travel matrix a road closure forces us to recompute.
 *
 * Loads a road graph, picks N random points (seeded), computes their matrix,
 * closes K random roads (both directions) and slows K more by 2x, then brings
 * the matrix up to date twice: over the whole matrix (`network-full`) and with
 * the affected-rows test (`network-affected`, given the old matrix). Prints rows
 * recomputed, time of each, and checks that both give the same durations.
 *
 * Run: npx tsx bench/tools/replan-closures.ts [--graph andorra|porto|liechtenstein] [--points 200] [--closures 5] [--seed 1]
 */
import { loadNetworkFile } from '../../src/io/network-files.js';
import { Rng } from '../../src/core/rng.js';
import { updateTravel } from '../../src/dispatch/travel-events.js';
import type { MatrixTravel, Problem } from '../../src/model/types.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const graph = arg('graph', 'andorra');
const nPoints = Number(arg('points', '200'));
const nClosures = Number(arg('closures', '5'));
const seed = Number(arg('seed', '1'));
const roads = process.env.VRPKIT_SHARED ? `${process.env.VRPKIT_SHARED}/roads` : new URL('../../../shared/roads', import.meta.url).pathname;

const network = loadNetworkFile(`${roads}/OSM-road-d.${graph}.gr.gz`);
const rng = new Rng(seed);
const arcs: [number | string, number | string][] = [];
network.forEachArc((from, to) => arcs.push([from, to]));
const ids: (number | string)[] = [];
for (let i = 0; i < nPoints; i++) ids.push(network.idOf(rng.int(network.nodeCount)));
const closures: [number | string, number | string][] = [];
const speedFactors: { from: number | string; to: number | string; factor: number }[] = [];
for (let c = 0; c < nClosures; c++) {
  const [a, b] = arcs[rng.int(arcs.length)];
  closures.push([a, b]);
  if (arcs.some(([x, y]) => x === b && y === a)) closures.push([b, a]);
  const [u, v] = arcs[rng.int(arcs.length)];
  speedFactors.push({ from: u, to: v, factor: 2 });
}
const problem: Problem = {
  jobs: ids.slice(1).map((_, i) => ({ id: i, location: i + 1 })),
  vehicles: [{ id: 'v', start: 0, end: 0 }],
  travel: { type: 'network', network, points: ids },
};
let t = performance.now();
const base = network.travelMatrix(ids);
const baseMs = performance.now() - t;
const events = { now: 0, closures, speedFactors };
t = performance.now();
const full = updateTravel(problem, events);
const fullMs = performance.now() - t;
t = performance.now();
const part = updateTravel(problem, events, base);
const partMs = performance.now() - t;
const a = (full.problem.travel as MatrixTravel).durations as Float64Array;
const b = (part.problem.travel as MatrixTravel).durations as Float64Array;
let mismatches = 0;
for (let k = 0; k < a.length; k++) if (!(a[k] === b[k] || Math.abs(a[k] - b[k]) <= 1e-9 * a[k])) mismatches++;
console.log(
  JSON.stringify({
    graph,
    nodes: network.nodeCount,
    points: nPoints,
    closedArcs: closures.length,
    slowedArcs: speedFactors.length,
    baseMatrixMs: Math.round(baseMs),
    fullMs: Math.round(fullMs),
    affectedMs: Math.round(partMs),
    rowsComputed: part.report.rowsComputed,
    changedPairs: part.report.changedPairs,
    fullChangedPairsCheck: full.report.changedPairs,
    durationMismatches: mismatches,
  }),
);
