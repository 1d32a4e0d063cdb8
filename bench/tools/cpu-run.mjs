// node bench/tools/cpu-run.mjs BUNDLE FILE CPU_SECONDS [k=v...] -> JSON line with best cost at CPU checkpoints
import { readFileSync } from 'node:fs';
const [bundle, file, budget, ...rest] = process.argv.slice(2);
// arguments G.name=value set globalThis.name (experiment switches read inside a bundle)
for (const kv of rest.filter((a) => a.startsWith('G.'))) { const [k, v] = kv.slice(2).split('='); globalThis[k] = Number.isNaN(Number(v)) ? v : Number(v); }
// globalThis.__cpuNow: this process's CPU seconds, for experiment switches that run on a CPU clock inside a bundle
const c00 = process.cpuUsage();
globalThis.__cpuNow = () => { const c = process.cpuUsage(c00); return (c.user + c.system) / 1e6; };
const lib = await import(bundle);
const value = (v) => (v === 'true' ? true : v === 'false' ? false : Number.isNaN(Number(v)) ? v : Number(v));
const extra = Object.fromEntries(rest.filter((a) => !a.startsWith('G.')).map((kv) => { const [k, v] = kv.split('='); return [k, value(v)]; }));
const text = readFileSync(file, 'utf8');
const p = file.endsWith('.json') ? JSON.parse(text) : file.endsWith('.vrp') ? lib.parseCvrplib(text) : file.includes('lilim') ? lib.parseLiLim(text) : lib.parseSolomon(text);
const ac = new AbortController();
const c0 = process.cpuUsage();
const cpuNow = () => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1e6; };
const marks = [1, 2, 5, 10, 20, 30, 60].filter((m) => m <= Number(budget));
const at = {};
const s = await lib.solve(p, { seed: extra.seed ?? 1, timeLimitMs: 3600_000, signal: ac.signal, ...extra, onProgress: (q) => {
  const c = cpuNow();
  for (const m of marks) if (c >= m && at[m] === undefined) at[m] = q.feasible ? Math.round(q.bestCost * 10) / 10 : null;
  if (c >= Number(budget)) ac.abort();
} });
const c = lib.checkSolution(p, s);
console.log(JSON.stringify({ file: file.split('/').pop(), bundle: bundle.split('/').pop(), feasible: c.feasible, dist: Math.round(c.summary.distance * 10) / 10, routes: c.summary.routes, it: s.stats.iterations, restarts: s.stats.restarts, cpu: +cpuNow().toFixed(1), at, ...extra, ...Object.fromEntries(rest.filter((a) => a.startsWith('G.')).map((a) => a.split('='))) }));
