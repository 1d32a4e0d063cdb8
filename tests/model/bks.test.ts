/**
 * The checker must reproduce the published best-known values from their route
 * files: Solomon and Gehring–Homberger "dist" (DIMACS, arcs truncated to one
 * decimal) and "hier" (double precision), CVRPLIB X (TSPLIB nint arcs). The
 * instances are parsed here with tiny local readers, independent of src/io.
 * Skips with a message when the shared folder is missing
 * (`VRPKIT_SHARED`, default `<repo>/../shared`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import type { ArcRounding, Job, Problem, RoutePlan } from '../../src/model/types.js';
import { sharedAvailable } from '../io/shared.js';

const shared = process.env.VRPKIT_SHARED ?? resolve(__dirname, '../../../shared');
const instances = join(shared, 'instances');
const available = sharedAvailable(join(instances, 'solomon', 'bks.json'), 'the shared best-known solutions');
if (!available) console.warn(`[bks.test] ${instances} not found: skipping the best-known-solution reproduction tests`);

const numbers = (line: string) => line.trim().split(/\s+/).map(Number);

/** Solomon / Gehring–Homberger text: depot = customer 0, one vehicle per route of the plan. */
function solomon(text: string, rounding: ArcRounding, routes: number): Problem {
  const lines = text.split(/\r?\n/);
  const vi = lines.findIndex((l) => /NUMBER\s+CAPACITY/.test(l));
  const capacity = numbers(lines[vi + 1])[1];
  const rows = lines.slice(vi + 2).map(numbers).filter((r) => r.length === 7 && r.every(Number.isFinite));
  const coordinates = rows.map((r) => [r[1], r[2]] as [number, number]);
  const depot = rows[0];
  const jobs: Job[] = rows.slice(1).map((r, i) => ({
    id: r[0],
    location: i + 1,
    delivery: [r[3]],
    timeWindows: [[r[4], r[5]]],
    serviceDuration: r[6],
  }));
  const vehicles = Array.from({ length: routes }, (_, k) => ({ id: k + 1, start: 0, end: 0, capacity: [capacity], shift: [depot[4], depot[5]] as [number, number] }));
  return { jobs, vehicles, travel: { type: 'euclidean', coordinates, rounding } };
}

/** CVRPLIB .vrp (EUC_2D): job id = node number, depot = the DEPOT_SECTION node. */
function cvrplib(text: string, routes: number): { problem: Problem; depot: number } {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const capacity = Number(lines.find((l) => l.startsWith('CAPACITY'))!.split(':')[1]);
  const section = (name: string) => {
    const out: number[][] = [];
    for (let i = lines.indexOf(lines.find((l) => l.startsWith(name))!) + 1; i < lines.length && /^-?\d/.test(lines[i]); i++) out.push(numbers(lines[i]));
    return out;
  };
  const coords = section('NODE_COORD_SECTION');
  const demand = new Map(section('DEMAND_SECTION').map((r) => [r[0], r[1]]));
  const depot = section('DEPOT_SECTION')[0][0];
  const index = new Map(coords.map((r, i) => [r[0], i]));
  const jobs: Job[] = coords.filter((r) => r[0] !== depot).map((r) => ({ id: r[0], location: index.get(r[0])!, delivery: [demand.get(r[0])!] }));
  const d = index.get(depot)!;
  const vehicles = Array.from({ length: routes }, (_, k) => ({ id: k + 1, start: d, end: d, capacity: [capacity] }));
  return { problem: { jobs, vehicles, travel: { type: 'euclidean', coordinates: coords.map((r) => [r[1], r[2]]), rounding: 'nint' } }, depot };
}

/** `Route #k: a b c` / `Route  k : a b c` lines → customer lists. */
function routesOf(text: string): number[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => /^Route\s*#?\s*\d+\s*:/.test(l))
    .map((l) => numbers(l.slice(l.indexOf(':') + 1)).filter(Number.isFinite))
    .filter((r) => r.length > 0);
}

const planOf = (routes: number[][], toId: (c: number) => number): RoutePlan => ({
  routes: routes.map((r, k) => ({
    vehicle: k + 1,
    steps: [{ type: 'start' as const }, ...r.map((c) => ({ type: 'job' as const, id: toId(c) })), { type: 'end' as const }],
  })),
  unassigned: [],
});

interface Case {
  name: string;
  problem: Problem;
  plan: RoutePlan;
  expected: number;
  tolerance: number;
}

function vrptwCases(folder: string, kind: 'dist' | 'hier'): Case[] {
  const dir = join(instances, folder);
  const solDir = join(dir, 'solutions', kind);
  if (!existsSync(solDir)) return [];
  const bks = JSON.parse(readFileSync(join(dir, 'bks.json'), 'utf8'));
  return readdirSync(solDir)
    .sort()
    .flatMap((file) => {
      const name = file.replace(/\.(sol|txt)$/, '');
      const entry = bks[name]?.[kind];
      if (!entry || !existsSync(join(dir, `${name}.txt`))) return [];
      const routes = routesOf(readFileSync(join(solDir, file), 'utf8'));
      const problem = solomon(readFileSync(join(dir, `${name}.txt`), 'utf8'), kind === 'dist' ? 'truncate1' : 'none', routes.length);
      // dist values are sums of tenths (exact to 1e-6); hier values are published with 4 decimals.
      return [{ name: `${folder} ${kind} ${name}`, problem, plan: planOf(routes, (c) => c), expected: entry.distance, tolerance: kind === 'dist' ? 1e-6 : 5.01e-5 }];
    });
}

function xCases(): Case[] {
  const dir = join(instances, 'cvrplib-x');
  if (!existsSync(join(dir, 'solutions'))) return [];
  const bks = JSON.parse(readFileSync(join(dir, 'bks.json'), 'utf8'));
  return readdirSync(join(dir, 'solutions'))
    .filter((f) => f.endsWith('.sol'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.sol$/, '');
      const routes = routesOf(readFileSync(join(dir, 'solutions', file), 'utf8'));
      const { problem, depot } = cvrplib(readFileSync(join(dir, `${name}.vrp`), 'utf8'), routes.length);
      // Solution customers are numbered 1..n−1 = node number − 1 (the depot, node 1, omitted).
      expect(depot).toBe(1);
      return { name: `X ${name}`, problem, plan: planOf(routes, (c) => c + 1), expected: bks[name].distance, tolerance: 1e-6 };
    });
}

describe.skipIf(!available)('checker reproduces best-known solutions', () => {
  const sets: [string, () => Case[], number][] = [
    ['Solomon dist (truncate1)', () => vrptwCases('solomon', 'dist'), 56],
    ['Homberger 200 dist (truncate1)', () => vrptwCases('homberger/200', 'dist'), 60],
    ['Homberger 200 hier (double precision)', () => vrptwCases('homberger/200', 'hier'), 60],
    ['Homberger 1000 dist (truncate1)', () => vrptwCases('homberger/1000', 'dist'), 6],
    ['CVRPLIB X (nint)', xCases, 50],
  ];
  for (const [title, load, count] of sets) {
    it(`${title}: every route file is feasible and its distance equals the BKS`, () => {
      const cases = load();
      expect(cases.length).toBe(count);
      const failures: string[] = [];
      for (const c of cases) {
        const rep = checkSolution(c.problem, c.plan);
        if (!rep.feasible) failures.push(`${c.name}: ${rep.violations.slice(0, 3).map((v) => v.message).join('; ')}`);
        if (!(Math.abs(rep.summary.distance - c.expected) <= c.tolerance)) failures.push(`${c.name}: distance ${rep.summary.distance} ≠ ${c.expected}`);
        if (rep.summary.assigned !== c.problem.jobs.length) failures.push(`${c.name}: ${rep.summary.assigned} of ${c.problem.jobs.length} jobs routed`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('a BKS route file with one customer moved to a wrong place is caught', () => {
    const c = vrptwCases('solomon', 'dist').find((x) => x.name.endsWith('C101'))!;
    // Swapping the first two customers of the first route of C101 breaks a time window.
    const plan = structuredClone(c.plan);
    const steps = plan.routes[0].steps;
    [steps[1], steps[2]] = [steps[2], steps[1]];
    const rep = checkSolution(c.problem, plan);
    expect(rep.feasible).toBe(false);
    expect(rep.violations.some((v) => v.code === 'late')).toBe(true);
  });
});
