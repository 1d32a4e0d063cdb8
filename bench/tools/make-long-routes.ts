/**
 * Generates long-route benchmark instances (issue 7): VRPTW with 400
 * customers and wide windows (routes of 30–60 stops, like Homberger's R2/RC2)
 * in Solomon format, and CVRP with 400 customers in about 8 routes (X-like,
 * TSPLIB nint) in CVRPLIB format. Seeded, so every run writes the same files.
 *
 *   npx tsx bench/tools/make-long-routes.ts --out DIR
 *
 * Writes DIR/long-routes-tw/*.txt and DIR/long-routes-cvrp/*.vrp, each with an
 * empty bks.json (no best known: time-to-quality compares with our own best);
 * `npm run bench:solver -- --set longtw|longcvrp --instances DIR` runs them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../src/core/rng.js';

function solomon(name: string, seed: number, n: number, clustered: boolean): string {
  const rng = new Rng(seed);
  const horizon = 1000;
  const lines = [name, '', 'VEHICLE', 'NUMBER     CAPACITY', `  ${n}        1000`, '', 'CUSTOMER',
    'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME', ''];
  lines.push(`    0      50         50          0          0       ${horizon}          0`);
  const centres = Array.from({ length: 8 }, () => [10 + rng.int(81), 10 + rng.int(81)]);
  for (let i = 1; i <= n; i++) {
    let x: number, y: number;
    if (clustered && rng.next() < 0.5) {
      const c = centres[rng.int(centres.length)];
      x = Math.max(0, Math.min(100, c[0] + rng.int(11) - 5));
      y = Math.max(0, Math.min(100, c[1] + rng.int(11) - 5));
    } else {
      x = rng.int(101);
      y = rng.int(101);
    }
    const demand = 1 + rng.int(30);
    const width = 250 + rng.int(300);
    const ready = rng.int(horizon - width - 60);
    lines.push(`${String(i).padStart(5)}      ${x}         ${y}          ${demand}          ${ready}       ${ready + width}          10`);
  }
  return lines.join('\r\n') + '\r\n';
}

function cvrp(name: string, seed: number, n: number, routes: number): string {
  const rng = new Rng(seed);
  const demands = Array.from({ length: n }, () => 1 + rng.int(20));
  const total = demands.reduce((a, b) => a + b, 0);
  const capacity = Math.ceil(total / routes / 0.95);
  const lines = [`NAME : ${name}`, 'COMMENT : generated long-route CVRP (vrpkit bench/tools/make-long-routes.ts)', 'TYPE : CVRP',
    `DIMENSION : ${n + 1}`, 'EDGE_WEIGHT_TYPE : EUC_2D', `CAPACITY : ${capacity}`, 'NODE_COORD_SECTION'];
  lines.push(`1\t500\t500`);
  for (let i = 0; i < n; i++) lines.push(`${i + 2}\t${rng.int(1001)}\t${rng.int(1001)}`);
  lines.push('DEMAND_SECTION', '1\t0');
  for (let i = 0; i < n; i++) lines.push(`${i + 2}\t${demands[i]}`);
  lines.push('DEPOT_SECTION', '1', '-1', 'EOF');
  return lines.join('\n') + '\n';
}

const args = process.argv.slice(2);
const out = args[args.indexOf('--out') + 1];
if (!out || args.indexOf('--out') < 0) throw new Error('usage: make-long-routes.ts --out DIR');
const tw = join(out, 'long-routes-tw'), cv = join(out, 'long-routes-cvrp');
mkdirSync(tw, { recursive: true });
mkdirSync(cv, { recursive: true });
writeFileSync(join(tw, 'L400_R_1.txt'), solomon('l400_r_1', 11, 400, false));
writeFileSync(join(tw, 'L400_R_2.txt'), solomon('l400_r_2', 12, 400, false));
writeFileSync(join(tw, 'L400_RC_1.txt'), solomon('l400_rc_1', 13, 400, true));
writeFileSync(join(cv, 'L400-k8.vrp'), cvrp('L400-k8', 21, 400, 8));
writeFileSync(join(cv, 'L400-k6.vrp'), cvrp('L400-k6', 22, 400, 6));
writeFileSync(join(tw, 'bks.json'), '{}\n');
writeFileSync(join(cv, 'bks.json'), '{}\n');
console.log(`wrote 5 instances to ${tw} and ${cv}`);
