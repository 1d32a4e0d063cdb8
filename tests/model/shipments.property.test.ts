import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution } from '../../src/model/check.js';
import { validateProblem } from '../../src/model/validate.js';
import type { Id, Job, PlanStep, Problem, RoutePlan, Shipment, Vehicle } from '../../src/model/types.js';

type Item = { kind: 'job'; j: number } | { kind: 'pickup' | 'delivery'; s: number };

/** Random problems mixing jobs and shipments, and a random well-formed plan (pickup before delivery, same route). */
const arbCase = fc
  .record({
    nJobs: fc.integer({ min: 0, max: 8 }),
    nShipments: fc.integer({ min: 1, max: 6 }),
    nVehicles: fc.integer({ min: 1, max: 3 }),
    dims: fc.integer({ min: 1, max: 2 }),
    values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 300, maxLength: 300 }),
  })
  .map(({ nJobs, nShipments, nVehicles, dims, values }) => {
    let c = 0;
    const next = (n: number) => values[c++ % values.length] % n;
    const coordinates: [number, number][] = Array.from({ length: 20 }, () => [next(60), next(60)]);
    const vec = (max: number) => Array.from({ length: dims }, () => next(max));
    const jobs: Job[] = Array.from({ length: nJobs }, (_, i) => ({ id: `j${i}`, location: next(20), delivery: vec(5), pickup: vec(4) }));
    const shipments: Shipment[] = Array.from({ length: nShipments }, (_, i) => ({
      id: i, // numbers: a different id space member than the jobs' strings
      amount: vec(6),
      pickup: next(2) ? { id: `p${i}`, location: next(20), serviceDuration: next(5) } : { location: next(20) },
      delivery: next(2) ? { id: `d${i}`, location: next(20), timeWindows: [[next(50), 200 + next(200)]] } : { location: next(20) },
    }));
    const vehicles: Vehicle[] = Array.from({ length: nVehicles }, (_, k) => ({ id: `v${k}`, start: next(20), end: next(20), capacity: vec(20) }));
    const routes: Item[][] = vehicles.map(() => []);
    const unassigned: RoutePlan['unassigned'] = [];
    jobs.forEach((_, j) => {
      const r = next(nVehicles + 1);
      if (r === nVehicles) unassigned.push({ id: jobs[j].id, reason: 'capacity' });
      else routes[r].splice(next(routes[r].length + 1), 0, { kind: 'job', j });
    });
    shipments.forEach((sh, s) => {
      const r = next(nVehicles + 1);
      if (r === nVehicles) {
        unassigned.push({ id: sh.id, type: 'shipment', reason: 'capacity' });
        return;
      }
      const a = next(routes[r].length + 1);
      routes[r].splice(a, 0, { kind: 'pickup', s });
      routes[r].splice(a + 1 + next(routes[r].length - a), 0, { kind: 'delivery', s });
    });
    const problem: Problem = { jobs, shipments, vehicles, travel: { type: 'euclidean', coordinates } };
    return { problem, routes, unassigned };
  });

function stepOf(problem: Problem, it: Item, byShipmentId: boolean): PlanStep {
  if (it.kind === 'job') return { type: 'job', id: problem.jobs[it.j].id };
  const sh = problem.shipments![it.s];
  return byShipmentId ? { type: it.kind, shipment: sh.id } : { type: it.kind, id: sh[it.kind].id ?? sh.id };
}

function planOf(problem: Problem, routes: Item[][], unassigned: RoutePlan['unassigned'], byShipmentId = true): RoutePlan {
  return {
    routes: routes.map((items, k) => ({ vehicle: problem.vehicles[k].id, steps: [{ type: 'start' }, ...items.map((it) => stepOf(problem, it, byShipmentId)), { type: 'end' }] })),
    unassigned,
  };
}

/** Load after each item, computed globally (not incrementally): jobs not yet visited still owe their delivery, etc. */
function loadsByDefinition(problem: Problem, items: Item[], dims: number): number[][] {
  const out: number[][] = [];
  for (let i = -1; i < items.length; i++) {
    const load = new Array<number>(dims).fill(0);
    items.forEach((it, k) => {
      const done = k <= i;
      for (let d = 0; d < dims; d++) {
        if (it.kind === 'job') load[d] += done ? problem.jobs[it.j].pickup![d] : problem.jobs[it.j].delivery![d];
        else if (it.kind === 'pickup') {
          const dk = items.findIndex((x) => x.kind === 'delivery' && x.s === it.s);
          if (done && dk > i) load[d] += problem.shipments![it.s].amount![d];
        }
      }
    });
    out.push(load);
  }
  return out;
}

const SHIPMENT_CODES = ['precedence', 'split-shipment', 'half-served', 'missing-job', 'duplicate-job', 'unknown-job'];

describe('checkSolution properties with shipments', () => {
  it('well-formed plans: valid problem, no bookkeeping violation, loads as defined, totals include shipment amounts', () => {
    fc.assert(
      fc.property(arbCase, fc.boolean(), ({ problem, routes, unassigned }, byShipmentId) => {
        expect(validateProblem(problem)).toEqual([]);
        const rep = checkSolution(problem, planOf(problem, routes, unassigned, byShipmentId));
        expect(rep.violations.filter((v) => SHIPMENT_CODES.includes(v.code))).toEqual([]);
        const dims = problem.vehicles[0].capacity!.length;
        rep.routes.forEach((r, k) => {
          const items = routes[k];
          const want = loadsByDefinition(problem, items, dims);
          expect(r.steps.slice(0, items.length + 1).map((s) => s.load)).toEqual(want);
          const delivered = new Array<number>(dims).fill(0);
          for (const it of items) {
            for (let d = 0; d < dims; d++) {
              if (it.kind === 'job') delivered[d] += problem.jobs[it.j].delivery![d];
              if (it.kind === 'delivery') delivered[d] += problem.shipments![it.s].amount![d];
            }
          }
          expect(r.delivery).toEqual(delivered);
          const overloaded = want.some((l) => l.some((x, d) => x > problem.vehicles[k].capacity![d]));
          expect(rep.violations.some((v) => v.code === 'capacity' && v.route === k)).toBe(overloaded);
        });
        const served = routes.flat().filter((it) => it.kind !== 'delivery').length; // jobs + one per shipment
        expect(rep.summary.assigned).toBe(served);
        expect(rep.summary.unassigned).toBe(unassigned!.length);
      }),
      { numRuns: 200 },
    );
  });

  it('breaking a shipment is always reported: reversed → precedence, moved → split-shipment, dropped → half-served', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), fc.integer({ min: 0, max: 2 }), ({ problem, routes, unassigned }, pick, how) => {
        const served: { r: number; s: number }[] = [];
        routes.forEach((items, r) => items.forEach((it) => it.kind === 'pickup' && served.push({ r, s: it.s })));
        fc.pre(served.length > 0);
        const { r, s } = served[pick % served.length];
        const items = routes[r];
        const pi = items.findIndex((it) => it.kind === 'pickup' && it.s === s);
        const di = items.findIndex((it) => it.kind === 'delivery' && it.s === s);
        const broken = routes.map((x) => x.slice());
        let expected: string;
        if (how === 0) {
          [broken[r][pi], broken[r][di]] = [broken[r][di], broken[r][pi]];
          expected = 'precedence';
        } else if (how === 1 && routes.length > 1) {
          const [d] = broken[r].splice(di, 1);
          broken[(r + 1) % routes.length].push(d);
          expected = 'split-shipment';
        } else {
          broken[r].splice(di, 1);
          expected = 'half-served';
        }
        const rep = checkSolution(problem, planOf(problem, broken, unassigned));
        const id: Id = problem.shipments![s].id;
        expect(rep.violations.filter((v) => SHIPMENT_CODES.includes(v.code)).map((v) => [v.code, v.shipment])).toEqual([[expected, id]]);
      }),
      { numRuns: 200 },
    );
  });
});
