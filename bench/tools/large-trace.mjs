// node bench/tools/large-trace.mjs DISTDIR FILE SECONDS [SEED]: a large Solomon-format file (truncate1 rounding, as
// bench/large.ts) through solveInThreads with 2 threads (THREADS=N: N) — the CLI's path above 1,500 jobs — with the plan's cost every
// 5 s; checks the plan with checkSolution and prints one JSON line. VRP_OPTS (JSON) adds solve options.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [dir, file, secs, sd] = process.argv.slice(2);
const lib = await import(pathToFileURL(resolve(dir, 'node.js')).href);
const idx = await import(pathToFileURL(resolve(dir, 'index.js')).href);
const problem = idx.parseSolomon(readFileSync(file, 'utf8'), { rounding: 'truncate1' });
const t0 = Date.now();
const trace = [];
let lastT = -1e9;
const extra = JSON.parse(process.env.VRP_OPTS ?? '{}');
const s = await lib.solveInThreads(problem, {
  ...extra, seed: Number(sd ?? 1), timeLimitMs: Number(secs) * 1000, threads: Number(process.env.THREADS ?? 2),
  onProgress: (p) => {
    if (p.elapsedMs - lastT < 5000 || !Number.isFinite(p.bestCost)) return;
    lastT = p.elapsedMs;
    trace.push([Math.round(p.elapsedMs / 1000), p.iteration, Math.round(p.bestCost)]);
  },
});
const c = idx.checkSolution(problem, s);
console.log(JSON.stringify({
  file: file.split('/').pop(), secs, sd, opts: extra, dist: s.summary.distance, routes: s.routes.length,
  feasible: c.feasible, unassigned: s.unassigned.length, stats: s.stats, ms: Date.now() - t0, trace,
}));
