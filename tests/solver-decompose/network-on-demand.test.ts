/**
 * Large problems on a road network: above `ON_DEMAND_ABOVE` points
 * `resolveTravel` serves arcs on demand (no n × n matrix), the zone
 * decomposition fetches only per-zone and per-neighbourhood blocks plus single
 * arcs, and the plan it returns is feasible for the independent checker. The
 * arcs agree with the dense `travelMatrix` whichever way they were fetched.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadNetworkFile } from '../../src/io/network-files.js';
import { resolveTravel } from '../../src/model/travel.js';
import { ON_DEMAND_ABOVE } from '../../src/model/travel-on-demand.js';
import { checkSolution } from '../../src/model/check.js';
import type { OnDemandTravel, Problem, TravelProvider } from '../../src/model/types.js';
import { solveByZones } from '../../src/solver/decompose/index.js';
import { solveInThreads } from '../../src/workers/solve-threads.js';
import { Rng } from '../../src/core/rng.js';

const FIXTURE = join(__dirname, '../../fixtures/network/andorra-la-vella.gr.gz');

/** A network wrapped to count the arcs it is asked for. */
function counted(net: ReturnType<typeof loadNetworkFile>): TravelProvider & { pairs: number; dense: number } {
  const provider = {
    pairs: 0,
    dense: 0,
    travelMatrix(points: (number | string | [number, number])[]) {
      provider.dense += points.length * points.length;
      return net.travelMatrix(points);
    },
    travelOnDemand(points: (number | string | [number, number])[]): OnDemandTravel {
      const inner = net.travelOnDemand(points);
      return {
        coordinates: inner.coordinates,
        block(rows, cols) {
          provider.pairs += rows.length * cols.length;
          return inner.block(rows, cols);
        },
      };
    },
  };
  return provider;
}

function problemOn(provider: TravelProvider, jobs: number, seed: number): Problem {
  const rng = new Rng(seed);
  const ids = Array.from({ length: 3446 }, (_, i) => i + 1);
  for (let i = ids.length - 1; i > 0; i--) {
    const r = rng.int(i + 1);
    [ids[i], ids[r]] = [ids[r], ids[i]];
  }
  return {
    travel: { type: 'network', network: provider, points: ids.slice(0, jobs + 1) },
    vehicles: Array.from({ length: Math.ceil(jobs / 4) }, (_, k) => ({ id: `v${k}`, start: 0, end: 0, capacity: [10] })),
    jobs: Array.from({ length: jobs }, (_, j) => ({ id: `j${j}`, location: j + 1, delivery: [1 + (j % 2)] })),
  };
}

describe('network travel on demand', () => {
  const net = loadNetworkFile(FIXTURE);

  it('above the threshold: no dense matrix, arcs equal the dense travelMatrix however they are fetched', () => {
    const provider = counted(net);
    const problem = problemOn(provider, ON_DEMAND_ABOVE + 50, 1);
    const travel = resolveTravel(problem);
    expect(travel.dense).toBeUndefined();
    expect(travel.block).toBeDefined();
    expect(provider.dense).toBe(0);
    expect(travel.coordinates!.length).toBe(2 * travel.size);
    const rng = new Rng(5);
    const some = Array.from({ length: 30 }, () => rng.int(travel.size));
    // Locations are numbered jobs first (job j at location j), then the depot.
    const base = (problem.travel as { points: number[] }).points;
    const points = some.map((l) => (l < problem.jobs.length ? base[l + 1] : base[0]));
    const dense = net.travelMatrix(points);
    const block = travel.block!(some, some);
    some.forEach((a, i) =>
      some.forEach((b, j) => {
        const k = i * some.length + j;
        expect(block.durations[k]).toBe(dense.durations[k]);
        expect(block.distances[k]).toBe(dense.distances[k]);
        expect(travel.duration(a, b)).toBe(dense.durations[k]);
        expect(travel.distance(a, b)).toBe(dense.distances[k]);
      }),
    );
    // A fresh resolution answers single arcs (cache misses) with the same numbers.
    const fresh = resolveTravel(problem);
    for (let i = 0; i < some.length; i++) {
      const k = i * some.length + ((i * 7) % some.length);
      expect(fresh.duration(some[i], some[(i * 7) % some.length])).toBe(dense.durations[k]);
    }
    // Reading every arc of a row fetches the row once rather than arc by arc.
    const before = provider.pairs;
    for (let b = 0; b < travel.size; b++) fresh.distance(some[0], b);
    expect(provider.pairs - before).toBeLessThan(3 * travel.size);
  });

  it('below the threshold: the dense matrix, as before', () => {
    const provider = counted(net);
    const travel = resolveTravel(problemOn(provider, 300, 2));
    expect(travel.dense).toBeDefined();
    expect(provider.dense).toBe(301 * 301);
  });

  it('solveByZones asks for a small part of the n × n arcs and returns a plan the checker accepts', async () => {
    const provider = counted(net);
    const jobs = ON_DEMAND_ABOVE + 100;
    const problem = problemOn(provider, jobs, 3);
    const s = await solveByZones(problem, { maxIterations: 3, populationSize: 2, generationSize: 4, zoneSize: 150, seed: 1, improvementRounds: 2 });
    const n = jobs + 1;
    expect(provider.dense).toBe(0);
    expect(provider.pairs).toBeGreaterThan(0);
    expect(provider.pairs).toBeLessThan(0.25 * n * n);
    const report = checkSolution(problem, s);
    expect(report.violations.slice(0, 5)).toEqual([]);
    expect(report.feasible).toBe(true);
    expect(report.summary.assigned + report.summary.unassigned).toBe(jobs);
    expect(s.unassigned).toEqual([]);
    expect(s.summary.distance).toBeCloseTo(report.summary.distance, 6);
  }, 180_000);

  it('solveInThreads plans such a problem zone by zone on demand too: no matrix of every location for the threads', async () => {
    // a road network cannot be posted to a worker; its matrix twin of all 10,001 locations of the road
    // benchmark took 290 s and 3.7 GB (bench/results/large-roads.md), so the zones are solved in the calling thread
    const provider = counted(net);
    const jobs = ON_DEMAND_ABOVE + 100;
    const problem = problemOn(provider, jobs, 4);
    const s = await solveInThreads(problem, { threads: 2, maxIterations: 3, populationSize: 2, generationSize: 4, zoneSize: 150, seed: 1, improvementRounds: 1 });
    const n = jobs + 1;
    expect(provider.dense).toBe(0);
    expect(provider.pairs).toBeLessThan(0.25 * n * n);
    const report = checkSolution(problem, s);
    expect(report.violations.slice(0, 5)).toEqual([]);
    expect(report.feasible).toBe(true);
    expect(s.unassigned).toEqual([]);
    expect(report.summary.assigned).toBe(jobs);
  }, 180_000);
});
