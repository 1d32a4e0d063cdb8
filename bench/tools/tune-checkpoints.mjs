// node bench/tools/tune-checkpoints.mjs RESULTS.jsonl BKS.json: per configuration, the mean gap to bks `dist` (or the
// mean cost when an instance has no bks) at every CPU checkpoint of bench/tools/cpu-run.mjs, and the iterations summed
import { readFileSync } from 'node:fs';
const bks = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').map(JSON.parse);
const RESULT_FIELDS = new Set(['file', 'bundle', 'feasible', 'dist', 'routes', 'it', 'cpu', 'at', 'seed']);
const key = (r) => Object.keys(r).filter((k) => !RESULT_FIELDS.has(k)).map((k) => k + '=' + r[k]).join(' ') || 'default';
const ref = (r) => { const b = bks[r.file.replace(/\.(txt|json|vrp)$/, '')]; return b ? b.dist?.distance_double ?? b.dist?.distance ?? b.distance : null; };
const by = {};
for (const r of rows) (by[key(r)] ??= []).push(r);
for (const [k, rs] of Object.entries(by)) {
  const out = Object.keys(rs[0].at).map((m) => {
    const g = rs.map((r) => (r.at[m] == null ? NaN : ref(r) ? (100 * (r.at[m] - ref(r))) / ref(r) : r.at[m]));
    return `${m}s ${(g.reduce((a, b) => a + b, 0) / g.length).toFixed(3)}`;
  });
  console.log(k, 'n', rs.length, out.join('  '), 'iterations', rs.reduce((a, r) => a + r.it, 0));
}
