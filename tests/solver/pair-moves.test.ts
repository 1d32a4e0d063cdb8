/**
 * The pair move's and the pair insertion's shortcuts (relocate-shipment.ts,
 * insert.ts, detour-floor.ts) against a
 * brute force: on random shipment problems and random plans, the move it
 * prices for (u, v) is the cheapest of every placement a full scan prices
 * exactly — with plane distances (detours never negative, the whole-scan
 * shortcut on) and with an arbitrary matrix (shortcut off). The plans the
 * solver returns go through the independent checker.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../src/core/rng.js';
import { checkSolution, solve } from '../../src/index.js';
import { compileProblem } from '../../src/solver/compile.js';
import { fleetSlots } from '../../src/solver/hgs.js';
import { SearchData } from '../../src/solver/search/data.js';
import { detourFloor } from '../../src/solver/search/detour-floor.js';
import { Inserter } from '../../src/solver/search/insert.js';
import { computeNeighbourhood } from '../../src/solver/search/neighbourhood.js';
import { RelocateShipment } from '../../src/solver/search/relocate-shipment.js';
import type { SearchRoutes } from '../../src/solver/search/routes.js';
import { clientsOf, makeProblem, pairOf, priceList, randomPlan, searchState } from './pair-fixture.js';

/** The best delta of moving u's shipment to v's route with u's stop right after v (every placement priced). */
function bruteForce(rs: SearchRoutes, u: number, v: number): number {
  const [pickup, delivery] = pairOf(rs, u);
  const rU = rs.routeOf[u], rV = rs.routeOf[v];
  const clients = (r: number) => clientsOf(rs, r);
  const restU = clients(rU).filter((c) => c !== pickup && c !== delivery);
  const cU = priceList(rs, rU, restU);
  const listV = clients(rV), pv = rs.pos[v];
  let best = Infinity;
  if (u === pickup) {
    for (let j = pv; j <= listV.length; j++) {
      const l = [...listV.slice(0, pv), pickup, ...listV.slice(pv, j), delivery, ...listV.slice(j)];
      best = Math.min(best, priceList(rs, rV, l));
    }
  } else {
    for (let i = 0; i < pv; i++) {
      const l = [...listV.slice(0, i), pickup, ...listV.slice(i, pv), delivery, ...listV.slice(pv)];
      best = Math.min(best, priceList(rs, rV, l));
    }
  }
  return cU + best - rs.cost[rU] - rs.cost[rV];
}

describe('pair moves against a brute force', () => {
  it('relocate-shipment finds every improving placement a full scan finds, at its exact delta (plane and arbitrary matrices)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 3, max: 12 }), fc.boolean(), fc.boolean(), (seed, ships, windows, matrix) => {
        const { data, rs } = searchState(makeProblem(seed, ships, windows, matrix));
        randomPlan(rs, seed);
        const op = new RelocateShipment(rs);
        let checked = 0;
        for (let u = 0; u < rs.n; u++) {
          if (data.partner[u] < 0) continue;
          for (let r = 0; r < rs.R; r++) {
            if (r === rs.routeOf[u]) continue;
            for (let p = 0; p <= rs.len[r]; p++) {
              const v = rs.nodes[r][p];
              if (!data.isPickup[u] && p === 0) continue;
              const got = op.evaluate(u, v);
              const want = bruteForce(rs, u, v);
              checked++;
              // an improving placement is found at its exact delta; otherwise none is claimed
              if (want < -1e-6) expect(got).toBeCloseTo(want, 6);
              else expect(got > -1e-6).toBe(true);
            }
          }
        }
        expect(checked).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('pair insertion costs exactly the cheapest of its anchored placements (the pickup next to one of its neighbours, the delivery anywhere after it)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 3, max: 12 }), fc.boolean(), fc.boolean(), (seed, ships, windows, matrix) => {
        const { data, rs } = searchState(makeProblem(seed, ships, windows, matrix));
        const nb = computeNeighbourhood(data.cp, 4);
        const ins = new Inserter(rs, nb);
        const rng = new Rng(seed);
        const order = Array.from({ length: rs.n }, (_, i) => i);
        rng.shuffle(order);
        const clients = (r: number) => clientsOf(rs, r);
        for (const c of order) {
          const z = data.partner[c];
          if (z < 0 || !data.isPickup[c]) {
            if (z < 0) ins.insert(c, true);
            continue;
          }
          // the brute force over the same anchors: every placement priced from scratch
          let want = Infinity, any = false;
          const tryList = (r: number, l: number[]) => {
            want = Math.min(want, priceList(rs, r, l) - rs.cost[r]);
          };
          const anchor = (x: number) => {
            const r = rs.routeOf[x], l = clients(r), p = rs.pos[x];
            for (let j = p; j <= l.length; j++) tryList(r, [...l.slice(0, p), c, ...l.slice(p, j), z, ...l.slice(j)]);
          };
          for (let q = nb.start[c]; q < nb.start[c + 1]; q++) {
            const v = nb.list[q];
            if (rs.routeOf[v] < 0) continue;
            any = true;
            anchor(v);
            if (rs.prev(v) >= rs.n) anchor(rs.prev(v));
          }
          if (!any) for (let r = 0; r < rs.R; r++) for (let p = 0; p <= rs.len[r] && rs.len[r] > 0; p++) anchor(rs.nodes[r][p]);
          for (let r = 0; r < rs.R; r++) if (rs.len[r] === 0) tryList(r, [c, z]);
          const before = rs.totalCost();
          ins.insert(c, true);
          expect(rs.routeOf[c]).toBe(rs.routeOf[z]);
          expect(rs.pos[c]).toBeLessThan(rs.pos[z]);
          if (Number.isFinite(want)) expect(rs.totalCost() - before).toBeCloseTo(want, 6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the detour floor: on for plane distances, off for a matrix that breaks the triangle inequality', () => {
    const plane = compileProblem(makeProblem(7, 20, false, false), { granularSize: 0 });
    const dp = new SearchData(plane, fleetSlots(plane).slotType);
    expect(detourFloor(dp).metric[0]).toBe(1);
    const skewed = compileProblem(makeProblem(7, 20, false, true), { granularSize: 0 });
    const ds = new SearchData(skewed, fleetSlots(skewed).slotType);
    expect(detourFloor(ds).metric[0]).toBe(0);
  });

  it('solving shipments on an arbitrary matrix: checker-feasible, every shipment whole, deterministic', async () => {
    const problem = makeProblem(11, 15, true, true);
    const a = await solve(problem, { seed: 3, maxIterations: 100 });
    const b = await solve(problem, { seed: 3, maxIterations: 100 });
    expect(checkSolution(problem, a).feasible).toBe(true);
    expect(JSON.stringify(a.routes)).toBe(JSON.stringify(b.routes));
    const served = new Set(a.routes.flatMap((r) => r.steps.filter((s) => s.type === 'pickup' || s.type === 'delivery').map((s) => `${s.type}:${(s as { shipment?: string }).shipment}`)));
    for (let i = 0; i < 15; i++) {
      const inPlan = served.has(`pickup:s${i}`);
      expect(served.has(`delivery:s${i}`)).toBe(inPlan);
      if (!inPlan) expect(a.unassigned.some((x) => x.id === `s${i}`)).toBe(true);
    }
  });
});
