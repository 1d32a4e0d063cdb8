// node bench/tools/border-gain.mjs DISTDIR SUBS.json MS SEEDS [OPTIONS_JSON]: each captured border sub-problem
// (border-capture.mjs) solved from its warm plan with a limit of MS ms, over solver seeds 1..SEEDS, OPTIONS_JSON over
// its options; prints the mean gain of one round over the warm plans' distance and the median iterations. One round's
// gain does not predict the whole run (bench/results/tuning.md, "The 10,000-client gap, session 15").
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [dir, subsFile, ms, seeds, o] = process.argv.slice(2);
const over = JSON.parse(o ?? '{}');
const idx = await import(pathToFileURL(resolve(dir, 'index.js')).href);
const subs = JSON.parse(readFileSync(subsFile, 'utf8'));
let sum = 0, warm = 0;
const its = [];
for (let sd = 1; sd <= Number(seeds); sd++) for (const c of subs) {
  const s = await idx.solve(c.problem, { ...c.options, ...over, seed: sd, timeLimitMs: Number(ms) });
  sum += s.summary.distance;
  its.push(s.stats?.iterations ?? 0);
}
for (const c of subs) warm += (await idx.solve(c.problem, { ...c.options, maxIterations: 0 })).summary.distance;
const mean = sum / Number(seeds);
its.sort((a, b) => a - b);
console.log(JSON.stringify({
  options: over, subs: subs.length, seeds: Number(seeds), ms: Number(ms), warm: +warm.toFixed(1), mean: +mean.toFixed(1),
  gainPct: +((100 * (warm - mean)) / warm).toFixed(3), iterations: its[Math.floor(its.length / 2)],
}));
