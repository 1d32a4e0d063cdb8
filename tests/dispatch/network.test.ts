import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RoadNetwork } from '../../src/network/index.js';
import { Rng } from '../../src/core/rng.js';
import { updateTravel } from '../../src/dispatch/travel-events.js';
import { replan } from '../../src/dispatch/replan.js';
import type { MatrixTravel, Problem } from '../../src/model/types.js';
import { planOf } from './helpers.js';

/** A w × h grid of two-way streets around Ghent, random travel times, node ids "n<x>_<y>". */
function grid(seed: number, w = 7, h = 6) {
  const rng = new Rng(seed);
  const nodes: string[] = [];
  const coordinates: [number, number][] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    nodes.push(`n${x}_${y}`);
    coordinates.push([3.7 + x * 0.003, 51.04 + y * 0.002]);
  }
  const from: string[] = [];
  const to: string[] = [];
  const distance: number[] = [];
  const duration: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    for (const [dx, dy] of [[1, 0], [0, 1]]) {
      if (x + dx >= w || y + dy >= h) continue;
      from.push(`n${x}_${y}`);
      to.push(`n${x + dx}_${y + dy}`);
      distance.push(150 + rng.int(200) + rng.next());
      duration.push(20 + rng.int(40) + rng.next());
    }
  }
  const network = RoadNetwork.fromEdges({ from, to, distance, duration, nodes, coordinates }, { directed: false });
  return { network, nodes, from, to, coordinates, rng };
}

describe('road closures and slow-downs', () => {
  it('recomputing only the affected rows gives the matrix of the derived network', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const { network, nodes, from, to, coordinates, rng } = grid(seed);
        const points = Array.from({ length: 8 }, () => nodes[rng.int(nodes.length)]);
        const base = network.travelMatrix(points);
        const closures: [string, string][] = [];
        const speedFactors: { from: string; to: string; factor: number }[] = [];
        for (let c = 0; c < 1 + rng.int(3); c++) {
          const e = rng.int(from.length);
          closures.push(rng.int(2) ? [from[e], to[e]] : [to[e], from[e]]);
        }
        for (let c = 0; c < rng.int(3); c++) {
          const e = rng.int(from.length);
          speedFactors.push({ from: from[e], to: to[e], factor: 1 + rng.next() * 3 });
        }
        // A job at a new point (a coordinate snapped to the network).
        const extra = coordinates[rng.int(coordinates.length)];
        const problem: Problem = {
          jobs: [...points.slice(1).map((_, i) => ({ id: i, location: i + 1 })), { id: 'x', location: [extra[0] + 1e-5, extra[1]] }],
          vehicles: [{ id: 'v', start: 0, end: 0 }],
          travel: { type: 'network', network, points },
        };
        const events = { now: 0, closures, speedFactors };
        const { problem: out, report } = updateTravel(problem, events, base);
        const derived = network.withClosures(closures).withSpeedFactors(speedFactors);
        const allPoints = [...points, [extra[0] + 1e-5, extra[1]] as [number, number]];
        const expected = derived.travelMatrix(allPoints);
        const t = out.travel as MatrixTravel;
        expect(report.mode).toBe('network-affected');
        expect(t.size).toBe(9);
        for (let k = 0; k < 81; k++) {
          const a = (t.durations as Float64Array)[k];
          const b = expected.durations[k];
          if (b === Infinity) expect(a).toBe(Infinity);
          else expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * b);
          const da = (t.distances as Float64Array)[k];
          if (expected.distances[k] === Infinity) expect(da).toBe(Infinity);
        }
        expect(out.jobs[out.jobs.length - 1].location).toBe(8);
        // Fewer rows than the whole matrix were searched whenever some row was unaffected.
        expect(report.rowsComputed!).toBeLessThanOrEqual(9);
      }),
      { numRuns: 40 },
    );
  });

  it('recomputes the whole matrix once when no old matrix is given, and says so', () => {
    const { network, nodes, from, to } = grid(5);
    const points = nodes.slice(0, 6);
    const problem: Problem = { jobs: [{ id: 1, location: 1 }], vehicles: [{ id: 'v', start: 0 }], travel: { type: 'network', network, points } };
    const { report } = updateTravel(problem, { now: 0, closures: [[from[0], to[0]]] });
    expect(report.mode).toBe('network-full');
    expect(report.note).toMatch(/no base matrix/);
  });

  it('re-plans around a closed street and passes the checker', async () => {
    const { network, nodes, from, to } = grid(11);
    const points = [nodes[0], ...nodes.filter((_, i) => i % 5 === 2)];
    const problem: Problem = {
      jobs: points.slice(1).map((_, i) => ({ id: `s${i}`, location: i + 1, serviceDuration: 60, delivery: [1] })),
      vehicles: [
        { id: 'a', start: 0, end: 0, capacity: [5] },
        { id: 'b', start: 0, end: 0, capacity: [5] },
      ],
      travel: { type: 'network', network, points },
    };
    const ids = problem.jobs.map((j) => j.id);
    const plan = planOf(problem, [
      { vehicle: 'a', jobs: ids.slice(0, 4), departure: 0 },
      { vehicle: 'b', jobs: ids.slice(4), departure: 0 },
    ]);
    const now = plan.routes[0].steps[2].departure + 1;
    const closures: [string, string][] = [[from[3], to[3]], [to[3], from[3]], [from[10], to[10]]];
    const base = network.travelMatrix(points);
    const r = await replan(problem, plan, { now, closures }, { maxIterations: 30, seed: 2, baseMatrix: base });
    expect(r.check.feasible).toBe(true);
    expect(r.changes.travel.mode).toBe('network-affected');
    const full = await replan(problem, plan, { now, closures }, { maxIterations: 30, seed: 2 });
    expect(full.changes.travel.mode).toBe('network-full');
    // Same travel either way, so the same plan.
    expect(full.plan.routes.map((x) => x.steps.map((s) => s.id))).toEqual(r.plan.routes.map((x) => x.steps.map((s) => s.id)));
    expect(r.plan.routes[0].steps.slice(0, 3).map((s) => s.status)).toEqual(['done', 'done', 'done']);
  });
});
