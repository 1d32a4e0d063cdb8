// node bench/tools/border-convergence.mjs DISTDIR FILE SECONDS: solveByZones on one thread, its border sub-solves run
// one by one (through solveBatch) with a progress trace; prints the plan and, over the sub-solves, when each found its
// last improvement as a share of its budget (quantiles), in all and in the second half of the phase.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [dir, file, secs] = process.argv.slice(2);
const idx = await import(pathToFileURL(resolve(dir, 'index.js')).href);
const problem = idx.parseSolomon(readFileSync(file, 'utf8'), { rounding: 'truncate1' });
const rows = [];
const solveBatch = async (calls) => {
  const out = [];
  for (const c of calls) {
    const t0 = Date.now();
    let best = Infinity;
    let tBest = 0;
    const sol = await idx.solve(c.problem, {
      ...c.options, yieldIntervalMs: 5,
      onProgress: (p) => {
        if (p.bestCost < best - 1e-9) {
          best = p.bestCost;
          tBest = Date.now() - t0;
        }
      },
    });
    out.push(sol);
    rows.push({ budget: c.options.timeLimitMs, tBest, seen: Number.isFinite(best), its: sol.stats?.iterations ?? 0 });
  }
  return out;
};
const s = await idx.solveByZones(problem, { seed: 1, timeLimitMs: Number(secs) * 1000, borderParallelism: 2, solveBatch });
const c = idx.checkSolution(problem, s);
console.log(JSON.stringify({ dist: s.summary.distance, feasible: c.feasible, stats: s.stats }));
const q = (a, f) => a.slice().sort((x, y) => x - y)[Math.floor(f * (a.length - 1))];
const share = (rs) => rs.filter((r) => r.seen && r.budget).map((r) => r.tBest / r.budget);
const quantiles = (a) => [0.25, 0.5, 0.75, 0.9].map((f) => q(a, f).toFixed(2)).join(' / ');
console.log('sub-solves', rows.length, '; last improvement / budget at 0.25 / 0.5 / 0.75 / 0.9:', quantiles(share(rows)));
console.log('second half:', quantiles(share(rows.slice(Math.floor(rows.length / 2)))));
console.log('iterations (median)', q(rows.map((r) => r.its), 0.5), '; budget (median, ms)', q(rows.map((r) => r.budget), 0.5));
