import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileProblem } from '../../src/solver/compile.js';
import { SegmentStore, Seg } from '../../src/solver/segments.js';
import type { Problem } from '../../src/model/types.js';

/**
 * Brute force: for each integer departure time in a wide range, simulate the
 * route with "time warp" (arriving after a window's end travels back to it) and
 * return the lexicographically smallest (timeWarp, duration) and the max load.
 */
function brute(problem: Problem, order: number[]): { tw: number; dur: number; dist: number; load: number } {
  const pts = (problem.travel as { coordinates: [number, number][] }).coordinates;
  const d = (a: number, b: number) => Math.abs(pts[a][0] - pts[b][0]) + 0 * pts[a][1];
  let best = { tw: Infinity, dur: Infinity };
  const v = problem.vehicles[0];
  for (let t0 = -5; t0 <= 120; t0++) {
    let tw = 0;
    if (t0 < v.shift![0]) continue;
    let t = t0;
    let prev = 0;
    for (const j of order) {
      const job = problem.jobs[j];
      t += d(prev, job.location as number);
      const [e, l] = job.timeWindows![0];
      if (t < e) t = e;
      if (t > l) {
        tw += t - l;
        t = l;
      }
      t += job.serviceDuration ?? 0;
      prev = job.location as number;
    }
    t += d(prev, 0);
    if (t > v.shift![1]) {
      tw += t - v.shift![1];
      t = v.shift![1];
    }
    const dur = t - t0;
    if (tw < best.tw - 1e-9 || (Math.abs(tw - best.tw) <= 1e-9 && dur < best.dur)) best = { tw, dur };
  }
  let dist = 0, prev = 0, load = 0, maxLoad = 0;
  for (const j of order) load += problem.jobs[j].delivery![0];
  maxLoad = load;
  for (const j of order) {
    dist += d(prev, problem.jobs[j].location as number);
    prev = problem.jobs[j].location as number;
    load += problem.jobs[j].pickup![0] - problem.jobs[j].delivery![0];
    maxLoad = Math.max(maxLoad, load);
  }
  dist += d(prev, 0);
  return { ...best, dist, load: maxLoad };
}

const jobArb = fc.record({
  x: fc.integer({ min: 1, max: 10 }),
  e: fc.integer({ min: 0, max: 40 }),
  w: fc.integer({ min: 0, max: 20 }),
  s: fc.integer({ min: 0, max: 5 }),
  del: fc.integer({ min: 0, max: 5 }),
  pick: fc.integer({ min: 0, max: 5 }),
});

describe('segments', () => {
  it('concatenation matches brute-force route simulation (time warp, duration, distance, max load)', () => {
    fc.assert(
      fc.property(fc.array(jobArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 10 }), (jobs, shiftStart) => {
        // points on a line: index 0 = depot at x = 0, job i at x = jobs[i].x (Euclidean on a line = |dx|)
        const coordinates: [number, number][] = [[0, 0], ...jobs.map((j) => [j.x, 0] as [number, number])];
        const problem: Problem = {
          travel: { type: 'euclidean', coordinates },
          vehicles: [{ id: 'v', start: 0, end: 0, capacity: [100], shift: [shiftStart, 90] }],
          jobs: jobs.map((j, i) => ({
            id: i, location: i + 1, serviceDuration: j.s, timeWindows: [[j.e, j.e + j.w]],
            delivery: [j.del], pickup: [j.pick],
          })),
        };
        const cp = compileProblem(problem, { granularSize: 5 });
        if (cp.n !== jobs.length) return; // a job infeasible alone was removed: nothing to compare
        const st = new SegmentStore(cp, 1, Int32Array.of(0));
        const seg = new Seg(st);
        seg.wQ = 1;
        seg.wTW = 1;
        const order = jobs.map((_, i) => i);
        seg.initNode(cp.n, 0);
        for (const c of order) seg.node(c);
        seg.node(cp.n + 1);
        seg.cost();
        const b = brute(problem, order.map((c) => cp.taskIndex[c]));
        expect(seg.dist).toBeCloseTo(b.dist, 9);
        expect(seg.timeWarp).toBeCloseTo(b.tw, 9);
        if (b.tw === 0) {
          expect(seg.dur).toBeCloseTo(b.dur, 9);
        }
        expect(seg.load[0]).toBe(b.load);
        // splitting the same route into prefix + suffix pieces gives the same numbers
        const k = order.length >> 1;
        const seg2 = new Seg(st);
        seg2.initNode(cp.n, 0);
        for (let i = 0; i < k; i++) seg2.node(order[i]);
        const seg3 = new Seg(st);
        seg3.initNode(order[k], 0);
        for (let i = k + 1; i < order.length; i++) seg3.node(order[i]);
        seg3.node(cp.n + 1);
        seg3.storeSuffix(order[k]);
        seg2.suffix(order[k]);
        seg2.cost();
        expect(seg2.timeWarp).toBeCloseTo(seg.timeWarp, 9);
        expect(seg2.dist).toBeCloseTo(seg.dist, 9);
        expect(seg2.dur).toBeCloseTo(seg.dur, 9);
        expect(seg2.load[0]).toBe(seg.load[0]);
      }),
      { numRuns: 300 },
    );
  });

  it('prices release times and dispatch deadlines like time warp', () => {
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: [[0, 0], [5, 0], [7, 0]] },
      vehicles: [{ id: 'v', start: 0, end: 0 }],
      jobs: [
        { id: 'a', location: 1, releaseTime: 20 },
        { id: 'b', location: 2, dispatchDeadline: 12 },
      ],
    };
    const cp = compileProblem(problem, { granularSize: 5 });
    const st = new SegmentStore(cp, 1, Int32Array.of(0));
    const seg = new Seg(st);
    seg.initNode(cp.n, 0).node(0).node(1).node(cp.n + 1);
    const c = seg.cost();
    expect(seg.timeWarp).toBe(8); // depart ≥ 20 and ≤ 12: 8 units of violation
    expect(seg.dist).toBe(14);
    expect(c).toBe(14 + 8);
  });
});
