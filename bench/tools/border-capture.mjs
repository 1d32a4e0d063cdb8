// node bench/tools/border-capture.mjs DISTDIR FILE SECONDS OUT.json: solveByZones on one thread (truncate1 rounding, as
// bench/large.ts), its border sub-solves run one by one through solveBatch; every 5th sub-problem after the 80th (up to
// 30), with the options the decomposition gave it (warm plan included), is written to OUT.json for border-gain.mjs.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [dir, file, secs, out] = process.argv.slice(2);
const idx = await import(pathToFileURL(resolve(dir, 'index.js')).href);
const problem = idx.parseSolomon(readFileSync(file, 'utf8'), { rounding: 'truncate1' });
const saved = [];
let calls = 0;
const solveBatch = async (cs) => {
  const res = [];
  for (const c of cs) {
    calls++;
    if (calls > 80 && calls % 5 === 0 && saved.length < 30) saved.push(c);
    res.push(await idx.solve(c.problem, c.options));
  }
  return res;
};
await idx.solveByZones(problem, { seed: 1, timeLimitMs: Number(secs) * 1000, borderParallelism: 2, solveBatch });
writeFileSync(out, JSON.stringify(saved));
console.log('saved', saved.length, 'of', calls, 'border sub-problems to', out);
