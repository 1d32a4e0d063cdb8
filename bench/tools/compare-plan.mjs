// node bench/tools/compare-plan.mjs BUNDLE NAME ITERS [G.x=1]: our plan for Li & Lim 100 instance NAME (seed $SEED or 1,
// ITERS iterations) against the distance-only best solution (solutions/dist/NAME.sol): route sizes, and for each of
// our routes how many of its tasks each best route holds
import { readFileSync } from 'node:fs';
const [bundle, name, iters, ...rest] = process.argv.slice(2);
for (const kv of rest.filter((a) => a.startsWith('G.'))) { const [k, v] = kv.slice(2).split('='); globalThis[k] = Number(v); }
const lib = await import(bundle);
const dir = new URL('../../../shared/instances/lilim/100/', import.meta.url).pathname;
const p = lib.parseLiLim(readFileSync(`${dir}${name}.txt`, 'utf8'));
const s = await lib.solve(p, { seed: Number(process.env.SEED ?? 1), maxIterations: Number(iters) });
const c = lib.checkSolution(p, s);
const ours = s.routes.map((r) => r.steps.filter((x) => x.type === 'pickup' || x.type === 'delivery').map((x) => Number(x.id)));
const sol = readFileSync(`${dir}solutions/dist/${name}.sol`, 'utf8').split('\n').filter((l) => l.startsWith('Route')).map((l) => l.split(':')[1].trim().split(/\s+/).map(Number));
console.log('ours', c.summary.distance.toFixed(2), 'route sizes', ours.map((r) => r.length));
console.log('best route sizes', sol.map((r) => r.length));
const where = new Map();
sol.forEach((r, i) => r.forEach((t) => where.set(t, i)));
for (const r of ours) {
  const cnt = {};
  for (const t of r) cnt[`best${where.get(t) + 1}`] = (cnt[`best${where.get(t) + 1}`] ?? 0) + 1;
  console.log(JSON.stringify(cnt));
}
