/**
 * `solveByZones` on a Homberger-style instance, called directly (no CLI), for
 * development and for measuring before `solve()` routes large problems to it:
 *
 *   npx tsx bench/tools/large-direct.ts [--customers 10000] [--seed 1] [--file FILE]
 *       [--time-limit 240] [--zone-size 400] [--zoning kmeans|sweep] [--zone-share 0.4]
 *       [--population MU] [--output SOLUTION.json] [--no-baseline]
 *
 * Without `--file` the instance is generated (bench/tools/make-large-instance.ts).
 * Prints the baseline (sweep + nearest neighbour) and the zone-by-zone plan,
 * both checked by `checkSolution`, with wall time and peak RSS (sampled every 100 ms).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { makeLargeInstance } from './make-large-instance.js';
import { sweepNearestNeighbour } from './sweep-nn.js';
import { parseSolomon } from '../../src/io/solomon.js';
import { solutionToJson } from '../../src/io/solution.js';
import { checkSolution } from '../../src/model/check.js';
import { solveByZones } from '../../src/solver/decompose/index.js';
import type { ZoningMethod } from '../../src/solver/decompose/index.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main() {
  const customers = Number(arg('customers', '10000'));
  const seed = Number(arg('seed', '1'));
  const file = arg('file', '');
  const timeLimit = Number(arg('time-limit', '240'));
  const zoneSize = Number(arg('zone-size', '400'));
  const zoning = arg('zoning', 'kmeans') as ZoningMethod;
  const zoneTimeShare = Number(arg('zone-share', '0.4'));
  const pop = arg('population', '');
  const output = arg('output', '');
  const baseline = !process.argv.includes('--no-baseline');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const problem = parseSolomon(file ? readFileSync(file, 'utf8') : makeLargeInstance(customers, seed));
  const row = (name: string, c: ReturnType<typeof checkSolution>, t: number) =>
    `${name}: feasible ${c.feasible}, routed ${c.summary.assigned}/${problem.jobs.length}, routes ${c.summary.routes}, distance ${c.summary.distance.toFixed(1)}, ${(t / 1000).toFixed(1)} s`;

  let baseDistance = NaN;
  if (baseline) {
    const t0 = performance.now();
    const base = sweepNearestNeighbour(problem);
    const baseMs = performance.now() - t0;
    const baseCheck = checkSolution(problem, base);
    baseDistance = baseCheck.summary.distance;
    console.log(row('sweep + nearest neighbour', baseCheck, baseMs));
  }

  const t1 = performance.now();
  let lastLog = 0;
  const solution = await solveByZones(problem, {
    timeLimitMs: timeLimit * 1000, seed, zoneSize, zoning, zoneTimeShare,
    ...(pop ? { populationSize: Number(pop) } : {}),
    onProgress: (p) => {
      if (p.elapsedMs - lastLog < 10_000) return;
      lastLog = p.elapsedMs;
      process.stderr.write(`  ${(p.elapsedMs / 1000).toFixed(0)} s: ${p.iteration} sub-solves, cost ${p.bestCost.toFixed(1)}\n`);
    },
  });
  const ms = performance.now() - t1;
  if (output) writeFileSync(output, JSON.stringify(solutionToJson(solution)) + '\n');
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  const check = checkSolution(problem, solution);
  console.log(row(`solveByZones (zones ${zoneSize}, ${zoning}, share ${zoneTimeShare}${pop ? `, mu ${pop}` : ''})`, check, ms) + `, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`);
  console.log(`stats: ${JSON.stringify(solution.stats)}, status ${solution.status}`);
  if (baseline) console.log(`distance vs baseline: ${(100 * (1 - check.summary.distance / baseDistance)).toFixed(1)}% shorter`);
  if (!check.feasible) console.log(check.violations.slice(0, 10).map((v) => `${v.code}: ${v.message}`).join('\n'));
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exitCode = 1;
});
