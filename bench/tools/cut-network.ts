/**
 * Cuts the small road-network fixture from a shared OSM DIMACS graph:
 * nodes inside a lon/lat box, arcs between them, the largest strongly connected
 * component, renumbered 1..n in the original id order; writes gzipped `.gr`/`.co`
 * (weights and coordinates unchanged: decimetres, microdegrees) and a points file
 * of 20 lon/lat points near random kept nodes (seeded).
 *
 *   npx tsx bench/tools/cut-network.ts [--roads ../shared/roads] [--graph andorra]
 *     [--bbox 1.505,42.495,1.545,42.52] [--out fixtures/network/andorra-la-vella] [--seed 7]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { RoadNetwork } from '../../src/network/road-network.js';
import { Rng } from '../../src/core/rng.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const roads = resolve(option('roads', '../shared/roads'));
const graph = option('graph', 'andorra');
const [minLon, minLat, maxLon, maxLat] = option('bbox', '1.505,42.495,1.545,42.52').split(',').map(Number);
const out = option('out', 'fixtures/network/andorra-la-vella');
const seed = Number(option('seed', '7'));

const base = `${roads}/OSM-road-d.${graph}`;
const grBytes = readFileSync(`${base}.gr.gz`);
const net = RoadNetwork.fromDimacs(grBytes, readFileSync(`${base}.co.gz`));
const t = net.topology;
const c = t.coords!;
const n = t.nodeCount;
const inside = new Uint8Array(n);
for (let v = 0; v < n; v++) {
  const lon = c[2 * v];
  const lat = c[2 * v + 1];
  if (lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat) inside[v] = 1;
}

// Largest strongly connected component of the induced subgraph (iterative Kosaraju).
const order: number[] = [];
const seen = new Uint8Array(n);
for (let r = 0; r < n; r++) {
  if (!inside[r] || seen[r]) continue;
  const stack: [number, number][] = [[r, t.fwdOffsets[r]]];
  seen[r] = 1;
  while (stack.length) {
    const top = stack[stack.length - 1];
    const [u, a] = top;
    if (a < t.fwdOffsets[u + 1]) {
      top[1]++;
      const v = t.fwdHeads[a];
      if (inside[v] && !seen[v]) {
        seen[v] = 1;
        stack.push([v, t.fwdOffsets[v]]);
      }
    } else {
      order.push(u);
      stack.pop();
    }
  }
}
const comp = new Int32Array(n).fill(-1);
const sizes: number[] = [];
for (let i = order.length - 1; i >= 0; i--) {
  const r = order[i];
  if (comp[r] >= 0) continue;
  const id = sizes.length;
  let size = 0;
  const stack = [r];
  comp[r] = id;
  while (stack.length) {
    const u = stack.pop()!;
    size++;
    for (let k = t.revOffsets[u]; k < t.revOffsets[u + 1]; k++) {
      const v = t.revTails[k];
      if (inside[v] && comp[v] < 0) {
        comp[v] = id;
        stack.push(v);
      }
    }
  }
  sizes.push(size);
}
const largest = sizes.indexOf(Math.max(...sizes));
const newId = new Int32Array(n);
let kept = 0;
for (let v = 0; v < n; v++) if (comp[v] === largest) newId[v] = ++kept;

const arcs: string[] = [];
for (let u = 0; u < n; u++) {
  if (comp[u] !== largest) continue;
  for (let a = t.fwdOffsets[u]; a < t.fwdOffsets[u + 1]; a++) {
    const v = t.fwdHeads[a];
    if (comp[v] === largest) arcs.push(`a ${newId[u]} ${newId[v]} ${net.arcDistance[a]}`);
  }
}
const note = [
  `c Cut from OSM-road-d.${graph} (shared road graphs) by bench/tools/cut-network.ts: bbox lon ${minLon}..${maxLon}, lat ${minLat}..${maxLat}, largest SCC, renumbered 1..n in original id order`,
  'c data (c) OpenStreetMap contributors, ODbL 1.0',
];
const header = new TextDecoder().decode(gunzipSync(grBytes).subarray(0, 2000));
const weightLine = header.split('\n').find((l) => l.startsWith('c arc weight')) ?? 'c arc weight in decimetres';
const gr = [...note, weightLine, `p sp ${kept} ${arcs.length}`, ...arcs].join('\n') + '\n';
const co: string[] = [...note, 'c coordinates: longitude and latitude in microdegrees (integer), longitude first', `p aux sp co ${kept}`];
for (let v = 0; v < n; v++) {
  if (comp[v] === largest) co.push(`v ${newId[v]} ${Math.round(c[2 * v] * 1e6)} ${Math.round(c[2 * v + 1] * 1e6)}`);
}
writeFileSync(`${out}.gr.gz`, gzipSync(gr, { level: 9 }));
writeFileSync(`${out}.co.gz`, gzipSync(co.join('\n') + '\n', { level: 9 }));

// 20 delivery-like points: random kept nodes, moved up to ~30 m, rounded to 1e-6°.
const rng = new Rng(seed);
const keptNodes: number[] = [];
for (let v = 0; v < n; v++) if (comp[v] === largest) keptNodes.push(v);
const points: [number, number][] = [];
for (let i = 0; i < 20; i++) {
  const v = keptNodes[rng.int(keptNodes.length)];
  const lon = c[2 * v] + rng.range(-0.0003, 0.0003);
  const lat = c[2 * v + 1] + rng.range(-0.0002, 0.0002);
  points.push([Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]);
}
writeFileSync(`${out}.points.json`, JSON.stringify({ points }, null, 1).replace(/\[\n\s+(-?[\d.]+),\n\s+(-?[\d.]+)\n\s+\]/g, '[$1, $2]') + '\n');
console.log(`kept ${kept} nodes, ${arcs.length} arcs (of ${sizes.length} components inside the box); wrote ${out}.{gr.gz,co.gz,points.json}`);
