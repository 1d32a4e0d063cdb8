// node bench/tools/cvrp-large-trace.mjs DIST FILE SECS SEED [JSONOPTS]: a large Solomon file with its windows and shifts removed (capacity only), 2 threads
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [dir, file, secs, sd, o] = process.argv.slice(2);
const lib = await import(pathToFileURL(resolve(dir, 'node.js')).href);
const idx = await import(pathToFileURL(resolve(dir, 'index.js')).href);
const problem = idx.parseSolomon(readFileSync(file, 'utf8'), { rounding: 'truncate1' });
for (const j of problem.jobs) delete j.timeWindows;
for (const v of problem.vehicles) delete v.shift;
const t0 = Date.now();
const s = await lib.solveInThreads(problem, { ...(o ? JSON.parse(o) : {}), seed: Number(sd), timeLimitMs: Number(secs) * 1000, threads: 2 });
const c = idx.checkSolution(problem, s);
console.log(JSON.stringify({ file: file.split('/').pop(), secs: Number(secs), sd: Number(sd), o: o ?? '', dist: s.summary.distance, routes: s.routes.length, feasible: c.feasible, unassigned: s.unassigned.length, stats: s.stats, ms: Date.now() - t0 }));
