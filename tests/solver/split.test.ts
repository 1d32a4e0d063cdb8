import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileProblem } from '../../src/solver/compile.js';
import { SegmentStore, Seg } from '../../src/solver/segments.js';
import { Splitter } from '../../src/solver/split.js';
import { Individual } from '../../src/solver/individual.js';
import type { Problem } from '../../src/model/types.js';

/** Penalised cost of one route of slot r (type t) visiting `clients`. */
function routeCost(seg: Seg, n: number, r: number, clients: number[]): number {
  seg.initNode(n + 2 * r, 0);
  for (const c of clients) seg.node(c);
  return seg.node(n + 2 * r + 1).cost();
}

/** Minimum over all segmentations of the tour into at most R routes. */
function bruteSplit(seg: Seg, n: number, tour: number[], R: number): number {
  let best = Infinity;
  const rec = (i: number, routes: number, acc: number) => {
    if (i === tour.length) {
      best = Math.min(best, acc);
      return;
    }
    if (routes === R) return;
    for (let j = i + 1; j <= tour.length; j++) rec(j, routes + 1, acc + routeCost(seg, n, routes, tour.slice(i, j)));
  };
  rec(0, 0, 0);
  return best;
}

describe('split', () => {
  it('finds the optimal segmentation of a giant tour (unlimited and bounded fleets)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -20, max: 20 }), y: fc.integer({ min: -20, max: 20 }), q: fc.integer({ min: 1, max: 6 }), e: fc.integer({ min: 0, max: 60 }) }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 6, max: 15 }),
        (pts, R, cap) => {
          const problem: Problem = {
            travel: { type: 'euclidean', coordinates: [[0, 0], ...pts.map((p) => [p.x, p.y] as [number, number])] },
            vehicles: Array.from({ length: R }, (_, k) => ({ id: k, start: 0, end: 0, capacity: [cap], shift: [0, 200] as [number, number] })),
            jobs: pts.map((p, i) => ({ id: i, location: i + 1, delivery: [p.q], timeWindows: [[p.e, p.e + 30]] as [number, number][] })),
          };
          const cp = compileProblem(problem, { granularSize: 5 });
          const slotType = new Int32Array(R);
          const st = new SegmentStore(cp, R, slotType);
          const seg = new Seg(st);
          seg.wQ = 3;
          seg.wTW = 2;
          const ind = new Individual(cp.n, R);
          for (let i = 0; i < cp.n; i++) ind.tour[i] = cp.n - 1 - i;
          new Splitter(st, slotType, Infinity).split(ind, 3, 2);
          const routes = ind.routes.filter((r) => r.length > 0);
          expect(routes.length).toBeLessThanOrEqual(R);
          // the routes keep the tour order and cover it exactly
          expect(ind.routes.flatMap((r) => [...r])).toEqual([...ind.tour]);
          let cost = 0;
          ind.routes.forEach((r, k) => (cost += r.length ? routeCost(seg, cp.n, k, [...r]) : 0));
          const best = bruteSplit(seg, cp.n, [...ind.tour], R);
          expect(cost).toBeCloseTo(best, 6);
        },
      ),
      { numRuns: 150 },
    );
  });
});
