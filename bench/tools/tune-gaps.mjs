// node bench/tools/tune-gaps.mjs RESULTS.jsonl BKS.json [v]: mean/max gap per configuration (algorithm or maxPerturbation) over the instances every configuration ran; with v, one line per instance (gap % / routes)
import { readFileSync } from 'node:fs';
const bks = JSON.parse(readFileSync(process.argv[3],'utf8'));
const rows = readFileSync(process.argv[2],'utf8').trim().split('\n').map(JSON.parse);
const RESULT_FIELDS = new Set(['file', 'bundle', 'feasible', 'dist', 'routes', 'it', 'restarts', 'cpu', 'at', 'seed']);
const key = (r) => r.cfg ?? (Object.keys(r).filter((k) => !RESULT_FIELDS.has(k)).map((k) => k + '=' + r[k]).join(' ') || 'default');
const by = {};
const get=(name)=>{const b=bks[name]??bks[name.toLowerCase()]; if(b==null) return null; if(typeof b==='number') return b; return b.dist?.distance ?? b.distance ?? b.value;};
for (const r of rows) { const name = r.file.replace(/\.(txt|vrp)$/,''); const b = get(name); (by[key(r)] ??= {})[name] = { gap: b? 100*(r.dist-b)/b : NaN, routes: r.routes, feasible: r.feasible }; }
const names = [...new Set(rows.map(r=>r.file.replace(/\.(txt|vrp)$/,'')))];
const common = names.filter(n=>Object.values(by).every(m=>m[n]));
for (const [k,m] of Object.entries(by)) { const g=common.map(n=>m[n].gap); console.log(k, 'n', common.length, 'mean', (g.reduce((a,b)=>a+b,0)/g.length).toFixed(3), 'max', Math.max(...g).toFixed(2)); }
if (process.argv[4]) for (const n of common) console.log(n, Object.entries(by).map(([k,m])=>k+':'+m[n].gap.toFixed(2)+'/'+m[n].routes).join(' '));
