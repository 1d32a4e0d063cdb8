/**
 * Large pickup-and-delivery problems (issue 8: "1,000-task instances solve
 * within the time limit, feasible"): a seeded Li & Lim-like generator — a
 * central depot, pickups and deliveries scattered over a 1,000 × 1,000 plane,
 * each delivery window opening after its pickup's plus the direct drive, a
 * generous fleet — solved by `solve` at each time limit, every plan checked by
 * `checkSolution`. One solve at a time.
 *
 *   npm run build && npx tsx bench/shipments-large.ts [--shipments 500,1000] [--limits 10,60] [--seed 1]
 *
 * Writes bench/results/shipments-large.md.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { checkSolution, solve } from '../dist/index.js';
import type { Problem, Shipment } from '../src/model/types.js';
import { Rng } from '../src/core/rng.js';

const argv = process.argv.slice(2);
const opt = (k: string, d: string) => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : d;
};
const sizes = opt('shipments', '500,1000').split(',').map(Number);
const limits = opt('limits', '10,60').split(',').map(Number);
const seed = Number(opt('seed', '1'));

/** A feasible-by-construction PDPTW with `m` shipments (2m stops). */
export function makePdptw(m: number, seed: number): Problem {
  const rng = new Rng(seed);
  const horizon = 12_000;
  const depot: [number, number] = [500, 500];
  const at = (): [number, number] => [Math.round(rng.next() * 1000), Math.round(rng.next() * 1000)];
  const dist = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const shipments: Shipment[] = [];
  for (let s = 0; s < m; s++) {
    const p = at();
    const d = at();
    const service = 30;
    const earliestPickup = Math.ceil(dist(depot, p));
    const latestPickup = horizon - Math.ceil(dist(p, d) + dist(d, depot)) - 2 * service - 1;
    const open = earliestPickup + Math.floor(rng.next() * Math.max(1, latestPickup - earliestPickup - 600));
    const width = 300 + Math.floor(rng.next() * 900);
    const pickupEnd = Math.min(latestPickup, open + width);
    const deliveryOpen = open + service + Math.ceil(dist(p, d));
    const deliveryEnd = Math.min(horizon - Math.ceil(dist(d, depot)) - service, pickupEnd + service + Math.ceil(dist(p, d)) + width);
    shipments.push({
      id: `s${s}`,
      amount: [10 + Math.floor(rng.next() * 21)],
      pickup: { location: p, serviceDuration: service, timeWindows: [[open, pickupEnd]] },
      delivery: { location: d, serviceDuration: service, timeWindows: [[deliveryOpen, deliveryEnd]] },
    });
  }
  const vehicles = Array.from({ length: Math.ceil(m / 4) }, (_, k) => ({
    id: `v${k}`, start: depot, end: depot, capacity: [200], shift: [0, horizon] as [number, number],
  }));
  return { name: `pdptw-${m}-seed${seed}`, travel: { type: 'euclidean' }, vehicles, jobs: [], shipments };
}

if (process.argv[1]?.endsWith("shipments-large.ts")) await main();
async function main() {
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const load0 = loadavg()[0].toFixed(2);
const rows: string[] = [];
for (const m of sizes) {
  const problem = makePdptw(m, seed);
  for (const limit of limits) {
    const t0 = performance.now();
    const solution = await solve(problem, { seed: 1, timeLimitMs: limit * 1000 });
    const seconds = (performance.now() - t0) / 1000;
    const report = checkSolution(problem, solution);
    const served = solution.routes.reduce((n, r) => n + r.steps.filter((s) => s.type === 'pickup').length, 0);
    rows.push(`| ${m} (${2 * m} stops) | ${limit} s | ${seconds.toFixed(1)} s | ${report.feasible ? 'yes' : `no (${report.violations.length})`} | ${served} / ${m} | ${solution.unassigned.length} | ${solution.routes.length} | ${report.summary.distance.toFixed(0)} | ${solution.stats?.iterations ?? '–'} |`);
    process.stderr.write(`${rows[rows.length - 1]}\n`);
  }
}
const load1 = loadavg()[0].toFixed(2);
const out = [
  '# Large pickup-and-delivery problems',
  '',
  `- command: \`npx tsx bench/shipments-large.ts ${argv.join(' ')}\` (after \`npm run build\`)`,
  `- code: commit ${commit}; date ${new Date().toISOString()}; 1-min load ${load0} → ${load1} on 2 cores; one solve at a time, seed 1; generator seed ${seed} (bench/shipments-large.ts \`makePdptw\`)`,
  '',
  '| shipments | limit | wall | feasible (checker) | served | unassigned | routes | distance | iterations |',
  '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
];
writeFileSync('bench/results/shipments-large.md', out.join('\n'));
console.log(out.join('\n'));
}
