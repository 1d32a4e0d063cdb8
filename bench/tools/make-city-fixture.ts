/**
 * Generates `fixtures/city-deliveries.json`: a day of parcel deliveries in Lyon
 * (synthetic but realistic: addresses clustered in real neighbourhoods, a depot
 * at the Port Édouard Herriot logistics zone, morning / afternoon / tight one-hour
 * slots, two capacity dimensions, six vans on two shifts).
 *
 * Seeded and deterministic: `npx tsx bench/tools/make-city-fixture.ts [--seed N] [--out FILE]`.
 * Before writing, it proves the instance solvable with every job routed: a plain
 * cheapest-insertion plan (no solver code) must pass the independent checker;
 * if it does not, the next seed is tried and the seed used is printed.
 *
 * Times are seconds from midnight, distances metres (haversine), speed 8 m/s
 * (≈ 29 km/h city driving). Costs in euros: 40 per van used, 0.30 per km,
 * 0.007 per second of route time (25.20 per hour).
 */
import { writeFileSync } from 'node:fs';
import { Rng } from '../../src/core/rng.js';
import { checkSolution } from '../../src/model/check.js';
import { resolveTravel } from '../../src/model/travel.js';
import type { Job, Problem, RoutePlan, Vehicle } from '../../src/model/types.js';

const DEPOT: [number, number] = [4.83, 45.7272]; // Port Édouard Herriot
const NEIGHBOURHOODS: { name: string; at: [number, number]; weight: number }[] = [
  { name: 'Presqu’île', at: [4.833, 45.76], weight: 3 },
  { name: 'Part-Dieu', at: [4.857, 45.761], weight: 3 },
  { name: 'Croix-Rousse', at: [4.831, 45.775], weight: 2 },
  { name: 'Vieux Lyon', at: [4.827, 45.762], weight: 1 },
  { name: 'Guillotière', at: [4.843, 45.753], weight: 2 },
  { name: 'Villeurbanne', at: [4.88, 45.768], weight: 3 },
  { name: 'Gerland', at: [4.833, 45.733], weight: 2 },
  { name: 'Monplaisir', at: [4.87, 45.745], weight: 2 },
  { name: 'Vaise', at: [4.805, 45.775], weight: 1 },
  { name: 'Brotteaux', at: [4.85, 45.77], weight: 2 },
];
const H = 3600;
const JOBS = 80;

function pickNeighbourhood(rng: Rng) {
  const total = NEIGHBOURHOODS.reduce((s, n) => s + n.weight, 0);
  let r = rng.int(total);
  for (const n of NEIGHBOURHOODS) {
    if (r < n.weight) return n;
    r -= n.weight;
  }
  return NEIGHBOURHOODS[0];
}

/** One generated instance for a seed. */
export function makeCityProblem(seed: number): Problem {
  const rng = new Rng(seed);
  const jobs: Job[] = [];
  for (let k = 0; k < JOBS; k++) {
    const area = pickNeighbourhood(rng);
    // ±~600 m around the neighbourhood centre (1e-5 degrees ≈ 1 m).
    const lon = Math.round((area.at[0] + (rng.next() - 0.5) * 0.0154) * 1e5) / 1e5;
    const lat = Math.round((area.at[1] + (rng.next() - 0.5) * 0.0108) * 1e5) / 1e5;
    const parcels = 1 + Math.floor(rng.next() ** 2 * 8);
    const kg = parcels * rng.range(2, 12);
    const serviceDuration = 60 * rng.range(3, 10);
    const slot = rng.next();
    let timeWindows: [number, number][] | undefined;
    if (slot < 0.45) timeWindows = [[8 * H, 12 * H]];
    else if (slot < 0.75) timeWindows = [[13 * H, 16.5 * H]];
    else if (slot < 0.87) {
      const h = rng.range(9, 14);
      timeWindows = [[h * H, (h + 1) * H]];
    }
    const job: Job = { id: `order-${1001 + k}`, location: [lon, lat], delivery: [parcels, kg], serviceDuration };
    if (timeWindows) job.timeWindows = timeWindows;
    job.data = { area: area.name };
    jobs.push(job);
  }
  const costs = { fixed: 40, perDistance: 0.0003, perDuration: 0.007 };
  const vehicles: Vehicle[] = [];
  for (let k = 1; k <= 6; k++) {
    const early = k <= 4;
    vehicles.push({
      id: `van-${k}`,
      start: DEPOT,
      end: DEPOT,
      capacity: early ? [70, 900] : [100, 1300],
      shift: early ? [7 * H, 15 * H] : [9 * H, 17 * H],
      costs: { ...costs },
    });
  }
  return {
    name: 'Lyon parcel deliveries (synthetic, seeded)',
    travel: { type: 'haversine', speed: 8 },
    vehicles,
    jobs,
  };
}

/** A cheapest-insertion plan checked by the independent checker; undefined if some job does not fit. */
export function insertionPlan(problem: Problem): RoutePlan | undefined {
  const travel = resolveTravel(problem);
  const routes: { vehicle: string | number; jobs: (string | number)[] }[] = problem.vehicles.map((v) => ({ vehicle: v.id, jobs: [] }));
  const order = [...problem.jobs].sort((a, b) => (a.timeWindows?.[0][1] ?? Infinity) - (b.timeWindows?.[0][1] ?? Infinity));
  const toPlan = (rs: typeof routes, left: Job[]): RoutePlan => ({
    routes: rs
      .filter((r) => r.jobs.length > 0)
      .map((r) => ({ vehicle: r.vehicle, steps: [{ type: 'start' }, ...r.jobs.map((id) => ({ type: 'job' as const, id })), { type: 'end' }] })),
    unassigned: left.map((j) => ({ id: j.id, reason: 'fleet-exhausted' })),
  });
  for (let n = 0; n < order.length; n++) {
    const job = order[n];
    const left = order.slice(n + 1);
    let best: { cost: number; routes: typeof routes } | undefined;
    for (let r = 0; r < routes.length; r++) {
      for (let pos = 0; pos <= routes[r].jobs.length; pos++) {
        const trial = routes.map((x, i) => (i === r ? { ...x, jobs: [...x.jobs.slice(0, pos), job.id, ...x.jobs.slice(pos)] } : x));
        const report = checkSolution(problem, toPlan(trial, left), { travel });
        if (report.feasible && (!best || report.summary.cost < best.cost)) best = { cost: report.summary.cost, routes: trial };
      }
    }
    if (!best) return undefined;
    routes.splice(0, routes.length, ...best.routes);
  }
  return toPlan(routes, []);
}

/** JSON with one job / vehicle per line (readable diffs, small file). */
function format(problem: Problem): string {
  const line = (x: unknown) => JSON.stringify(x);
  return [
    '{',
    `  "name": ${line(problem.name)},`,
    `  "travel": ${line(problem.travel)},`,
    '  "vehicles": [',
    problem.vehicles.map((v) => '    ' + line(v)).join(',\n'),
    '  ],',
    '  "jobs": [',
    problem.jobs.map((j) => '    ' + line(j)).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  let seed = Number(opt('--seed') ?? 20261122);
  const out = opt('--out') ?? 'fixtures/city-deliveries.json';
  for (let attempt = 0; attempt < 20; attempt++, seed++) {
    const problem = makeCityProblem(seed);
    const plan = insertionPlan(problem);
    if (!plan) {
      console.error(`seed ${seed}: cheapest insertion left a job out; trying the next seed`);
      continue;
    }
    const report = checkSolution(problem, plan);
    writeFileSync(out, format(problem));
    console.error(
      `seed ${seed}: wrote ${out} (${problem.jobs.length} jobs, ${problem.vehicles.length} vans); ` +
        `cheapest insertion: ${report.summary.routes} routes, cost ${report.summary.cost.toFixed(2)}, ` +
        `${(report.summary.distance / 1000).toFixed(1)} km, feasible`,
    );
    process.exit(0);
  }
  console.error('no solvable instance in 20 seeds');
  process.exit(1);
}
