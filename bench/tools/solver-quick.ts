/**
 * Quick solver runs for development: `npx tsx bench/tools/solver-quick.ts <set> <name...> [--ms N] [--it N] [--seed N] [--opts JSON]` (JSON: more solve options)
 * set = solomon | x | h200. Prints cost, gap to BKS, feasibility by checkSolution, iterations.
 */
import { readFileSync } from 'node:fs';
import { parseSolomon } from '../../src/io/solomon.js';
import { parseCvrplib } from '../../src/io/cvrplib.js';
import { checkSolution } from '../../src/model/check.js';
import { solve } from '../../src/solver/index.js';

const args = process.argv.slice(2);
const set = args[0];
let ms: number | undefined;
let it: number | undefined;
let seed = 1;
let gamma: number | undefined;
let mu: number | undefined;
let lambda: number | undefined;
let extra: Record<string, unknown> = {};
const names: string[] = [];
for (let i = 1; i < args.length; i++) {
  if (args[i] === '--ms') ms = Number(args[++i]);
  else if (args[i] === '--it') it = Number(args[++i]);
  else if (args[i] === '--seed') seed = Number(args[++i]);
  else if (args[i] === '--gamma') gamma = Number(args[++i]);
  else if (args[i] === '--mu') mu = Number(args[++i]);
  else if (args[i] === '--lambda') lambda = Number(args[++i]);
  else if (args[i] === '--opts') extra = JSON.parse(args[++i]);
  else names.push(args[i]);
}
const root = '/work/shared/instances';
const dir = set === 'solomon' ? `${root}/solomon` : set === 'x' ? `${root}/cvrplib-x` : `${root}/homberger/200`;
const bks = JSON.parse(readFileSync(`${dir}/bks.json`, 'utf8'));
let gapSum = 0;
for (const name of names) {
  const text = readFileSync(`${dir}/${name}${set === 'x' ? '.vrp' : '.txt'}`, 'utf8');
  const problem = set === 'x' ? parseCvrplib(text) : parseSolomon(text);
  const t0 = performance.now();
  const sol = await solve(problem, { timeLimitMs: ms, maxIterations: it, seed, granularSize: gamma, populationSize: mu, generationSize: lambda, ...extra });
  const t1 = performance.now();
  const rep = checkSolution(problem, sol);
  const b = bks[name] ?? bks[name.toUpperCase()];
  const ref = set === 'x' ? b.distance : b.dist.distance;
  const gap = (100 * (sol.summary.cost - ref)) / ref;
  gapSum += gap;
  console.log(
    `${name} cost=${sol.summary.cost.toFixed(1)} bks=${ref} gap=${gap.toFixed(2)}% routes=${sol.summary.routes} unassigned=${sol.unassigned.length} feasible=${rep.feasible}${rep.feasible ? '' : ' ' + JSON.stringify(rep.violations.slice(0, 3))} it=${sol.stats?.iterations} ms=${(t1 - t0).toFixed(0)}`,
  );
}
if (names.length > 1) console.log(`mean gap ${(gapSum / names.length).toFixed(2)}%`);
