/**
 * Clustering benchmark: time and quality of `clusterPoints` on seeded synthetic
 * inputs of 10,000 points (uniform in a square, and 40 Gaussian neighbourhoods
 * in lon/lat around Porto), for each method. Prints a markdown table.
 *
 *   npx tsx bench/cluster.ts [--n 10000] [--repeat 5]
 *
 * Times are the median over the repeats of wall time and of this process's CPU
 * time (user + system), after one warm-up run.
 */
import { availableParallelism, cpus } from 'node:os';
import { clusterPoints, type ClusterOptions } from '../src/cluster/index.js';
import { Rng } from '../src/core/rng.js';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const n = arg('n', 10_000);
const repeat = arg('repeat', 5);

const rng = new Rng(2026);
const uniform = new Float64Array(2 * n);
for (let i = 0; i < 2 * n; i++) uniform[i] = rng.next() * 10_000;
const city = new Float64Array(2 * n);
const areas = Array.from({ length: 40 }, () => [-8.61 + (rng.next() - 0.5) * 0.3, 41.15 + (rng.next() - 0.5) * 0.2]);
const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
for (let i = 0; i < n; i++) {
  const a = areas[rng.int(areas.length)];
  city[2 * i] = a[0] + gauss() * 0.008;
  city[2 * i + 1] = a[1] + gauss() * 0.006;
}
const demand = Float64Array.from({ length: n }, () => 1 + rng.int(10));
const total = demand.reduce((s, q) => s + q, 0);

const cases: { input: string; points: Float64Array; options: ClusterOptions }[] = [];
for (const [input, points, metric] of [
  ['uniform plane', uniform, 'euclidean'],
  ['Porto lon/lat', city, 'haversine'],
] as const) {
  cases.push({ input, points, options: { method: 'kmeans', k: 10, metric } });
  cases.push({ input, points, options: { method: 'kmeans', k: 100, metric } });
  cases.push({ input, points, options: { method: 'sweep', k: 100, metric, demand } });
  cases.push({ input, points, options: { method: 'capacitated', maxDemand: Math.ceil(total / 100) + 20, metric, demand } });
  cases.push({ input, points, options: { method: 'capacitated', k: 20, maxDemand: Math.ceil((total / 20) * 1.05), metric, demand } });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows: string[] = [];
for (const c of cases) {
  clusterPoints(c.points, c.options); // warm-up
  const wall: number[] = [], cpu: number[] = [];
  let last = clusterPoints(c.points, c.options);
  for (let r = 0; r < repeat; r++) {
    const u0 = process.cpuUsage();
    const t0 = performance.now();
    last = clusterPoints(c.points, c.options);
    wall.push(performance.now() - t0);
    const u = process.cpuUsage(u0);
    cpu.push((u.user + u.system) / 1000);
  }
  const o = c.options;
  const what = o.k !== undefined && o.maxDemand !== undefined ? `k=${o.k}, maxDemand=${o.maxDemand}` : o.k !== undefined ? `k=${o.k}` : `maxDemand=${o.maxDemand}`;
  rows.push(
    `| ${c.input} | ${o.method} | ${what} | ${last.k} | ${median(wall).toFixed(1)} | ${median(cpu).toFixed(1)} | ${last.iterations} | ${Math.max(...last.demand)} | ${Math.min(...last.sizes)}–${Math.max(...last.sizes)} | ${last.cost.toFixed(0)} |`,
  );
}

console.log(`# clusterPoints benchmark\n`);
console.log(`Command: \`npx tsx bench/cluster.ts --n ${n} --repeat ${repeat}\``);
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${availableParallelism()} cores, Node ${process.version}\n`);
console.log(`n = ${n} points, demand 1–10 per point (total ${total}); median of ${repeat} runs after a warm-up.\n`);
console.log('| input | method | options | zones | wall ms | cpu ms | iterations | max zone demand | zone sizes | cost |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
