/**
 * Writes a Gehring–Homberger-style VRPTW instance in Solomon text format with
 * any number of customers (default 10,000), seeded and reproducible:
 *
 *   npx tsx bench/tools/make-large-instance.ts [--customers 10000] [--seed 1] [--out FILE]
 *
 * Layout like the RC class: half of the customers in Gaussian clusters, half
 * uniform on a 500 x 500 square, depot in the middle. Demands 10..40, capacity
 * 200, service 10, time windows 30..120 wide placed so that every customer can
 * be served alone (out and back) within the horizon. The fleet (NUMBER) is a
 * generous upper bound, as in the original files.
 */
import { writeFileSync } from 'node:fs';
import { Rng } from '../../src/core/rng.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export function makeLargeInstance(customers: number, seed: number): string {
  const rng = new Rng(seed);
  const size = 500;
  const depot = [size / 2, size / 2];
  const horizon = 2000;
  const service = 10;
  const capacity = 200;
  const vehicles = Math.ceil(customers / 4);
  const clusters = Math.max(1, Math.round(customers / 120));
  const centres: number[][] = [];
  for (let c = 0; c < clusters; c++) centres.push([20 + rng.next() * (size - 40), 20 + rng.next() * (size - 40)]);
  const gauss = () => {
    // Box–Muller from the seeded generator.
    const u = Math.max(1e-12, rng.next());
    const v = rng.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const lines: string[] = [];
  lines.push(`rc1_${customers}_s${seed}`, '', 'VEHICLE', 'NUMBER     CAPACITY', `${String(vehicles).padStart(5)}        ${capacity}`, '');
  lines.push('CUSTOMER', 'CUST NO.  XCOORD.    YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME', ' ');
  const row = (id: number, x: number, y: number, q: number, a: number, b: number, s: number) =>
    [id, x, y, q, a, b, s].map((v, k) => String(v).padStart(k === 0 ? 5 : 10)).join(' ');
  lines.push(row(0, depot[0], depot[1], 0, 0, horizon, 0));
  for (let i = 1; i <= customers; i++) {
    let x: number, y: number;
    if (rng.next() < 0.5) {
      const c = centres[rng.int(clusters)];
      x = c[0] + gauss() * 12;
      y = c[1] + gauss() * 12;
    } else {
      x = rng.next() * size;
      y = rng.next() * size;
    }
    x = Math.min(size, Math.max(0, Math.round(x)));
    y = Math.min(size, Math.max(0, Math.round(y)));
    const d = Math.ceil(Math.hypot(x - depot[0], y - depot[1]));
    const demand = 10 * (1 + rng.int(4));
    const width = 30 + rng.int(91);
    const latestStart = horizon - d - service;
    const earliest = d;
    const ready = Math.max(earliest, Math.floor(earliest + rng.next() * Math.max(0, latestStart - width - earliest)));
    const due = Math.min(latestStart, ready + width);
    lines.push(row(i, x, y, demand, ready, due, service));
  }
  return lines.join('\r\n') + '\r\n';
}

if (process.argv[1] && process.argv[1].includes('make-large-instance')) {
  const customers = Number(arg('customers', '10000'));
  const seed = Number(arg('seed', '1'));
  const out = arg('out', `/tmp/vrpkit-large-${customers}-s${seed}.txt`);
  writeFileSync(out, makeLargeInstance(customers, seed));
  process.stdout.write(out + '\n');
}
