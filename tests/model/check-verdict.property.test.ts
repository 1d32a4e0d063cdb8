import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution, type CheckReport } from '../../src/model/check.js';
import type { Break, Job, PlanStep, Problem, RoutePlan, Shipment, Vehicle } from '../../src/model/types.js';

/**
 * `checkSolution(…, { routes: false })` (the verdict without a report object
 * per step, what `vrpkit solve` uses) must find exactly what the full report
 * finds — the same verdict, violations (messages, pointers, amounts) and
 * summary — on any plan: right, wrong in its numbers, or wrong in its shape.
 */

/** Random problems with jobs, shipments, breaks, capacities, windows and shifts, and a random plan over them. */
const arbCase = fc
  .record({
    nJobs: fc.integer({ min: 0, max: 9 }),
    nShipments: fc.integer({ min: 0, max: 3 }),
    nVehicles: fc.integer({ min: 1, max: 3 }),
    dims: fc.integer({ min: 0, max: 2 }),
    values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 300, maxLength: 300 }),
  })
  .map(({ nJobs, nShipments, nVehicles, dims, values }) => {
    let c = 0;
    const next = (n: number) => values[c++ % values.length] % n;
    const vec = (max: number) => Array.from({ length: dims }, () => next(max));
    const coordinates: [number, number][] = Array.from({ length: 12 }, () => [next(50), next(50)]);
    const jobs: Job[] = Array.from({ length: nJobs }, (_, i) => {
      const job: Job = { id: next(3) === 0 ? `j${i}` : i, location: next(12), serviceDuration: next(8) };
      if (next(3)) {
        const a = next(150);
        job.timeWindows = next(3) === 0 ? [[a, a + next(40)], [a + 60, a + 60 + next(80)]] : [[a, a + next(100)]];
      }
      if (dims > 0) {
        job.delivery = vec(6);
        job.pickup = vec(4);
      }
      if (next(6) === 0) job.releaseTime = next(30);
      return job;
    });
    const shipments: Shipment[] = Array.from({ length: nShipments }, (_, i) => ({
      id: `s${i}`,
      amount: vec(5),
      pickup: { location: next(12), serviceDuration: next(4) },
      delivery: { location: next(12), timeWindows: [[next(60), 150 + next(200)]] },
    }));
    const vehicles: Vehicle[] = Array.from({ length: nVehicles }, (_, k) => {
      const v: Vehicle = { id: `v${k}` };
      if (next(4)) v.start = next(12);
      if (next(4)) v.end = next(12);
      if (dims > 0 && next(3)) v.capacity = Array.from({ length: dims }, () => 5 + next(15));
      if (next(2)) v.shift = [next(20), 150 + next(300)];
      if (next(4) === 0) {
        const b: Break = { id: `b${k}`, duration: next(10), timeWindows: [[next(100), 100 + next(100)]] };
        v.breaks = [b];
      }
      return v;
    });
    const routes: PlanStep[][] = vehicles.map(() => []);
    const unassigned: RoutePlan['unassigned'] = [];
    for (const job of jobs) {
      const r = next(nVehicles + 1);
      if (r === nVehicles) unassigned.push({ id: job.id, reason: 'capacity' });
      else routes[r].splice(next(routes[r].length + 1), 0, { type: 'job', id: job.id });
    }
    for (const sh of shipments) {
      const r = next(nVehicles + 1);
      if (r === nVehicles) {
        unassigned.push({ id: sh.id, type: 'shipment', reason: 'capacity' });
        continue;
      }
      const a = next(routes[r].length + 1);
      routes[r].splice(a, 0, { type: 'pickup', shipment: sh.id });
      routes[r].splice(a + 1 + next(routes[r].length - a), 0, { type: 'delivery', shipment: sh.id });
    }
    vehicles.forEach((v, k) => {
      for (const b of v.breaks ?? []) routes[k].splice(next(routes[k].length + 1), 0, { type: 'break', id: b.id });
    });
    const problem: Problem = { jobs, shipments, vehicles, travel: { type: 'euclidean', coordinates } };
    const plan: RoutePlan = {
      routes: routes.map((steps, k) => ({ vehicle: vehicles[k].id, steps: [{ type: 'start' }, ...steps, { type: 'end' }] })),
      unassigned,
    };
    return { problem, plan, next };
  });

/** The full report's own numbers written into the plan as claims (what a solver states). */
function withClaims(plan: RoutePlan, rep: CheckReport): RoutePlan {
  return {
    summary: { ...rep.summary },
    unassigned: plan.unassigned,
    routes: rep.routes.map((r) => ({
      vehicle: r.vehicle,
      cost: r.cost,
      distance: r.distance,
      duration: r.duration,
      delivery: r.delivery,
      pickup: r.pickup,
      steps: r.steps.map((s) => ({ ...s, load: [...s.load] })),
    })),
  } as RoutePlan;
}

/** One random change of a claimed plan: a number, a load, a location, a step moved, doubled or dropped, a route's vehicle. */
function spoil(plan: RoutePlan, next: (n: number) => number): void {
  const routes = plan.routes.filter((r) => r.steps.length > 0);
  if (routes.length === 0) return;
  const r = routes[next(routes.length)];
  const si = next(r.steps.length);
  const s = r.steps[si] as unknown as Record<string, unknown>;
  switch (next(8)) {
    case 0:
      s.arrival = (typeof s.arrival === 'number' ? s.arrival : 0) + 1 + next(5);
      break;
    case 1:
      s.load = Array.isArray(s.load) && s.load.length > 0 ? [...s.load.slice(1), 7] : 'heavy';
      break;
    case 2:
      s.location = next(12);
      break;
    case 3:
      r.steps.splice(si, 0, { ...(s as unknown as PlanStep) });
      break;
    case 4:
      r.steps.splice(si, 1);
      break;
    case 5:
      s.distance = null;
      break;
    case 6:
      r.steps.reverse();
      break;
    default:
      (r as { vehicle: unknown }).vehicle = next(2) ? 'nobody' : plan.routes[0].vehicle;
  }
}

function verdict(rep: CheckReport) {
  return { feasible: rep.feasible, violations: rep.violations, summary: rep.summary };
}

describe('checkSolution without the routes (the verdict)', () => {
  it('finds the same verdict, violations and summary as the full report, on plans with and without claims, right or spoiled', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 3 }), ({ problem, plan, next }, spoils) => {
        const full = checkSolution(problem, plan);
        const lean = checkSolution(problem, plan, { routes: false });
        expect(lean.routes).toEqual([]);
        expect(verdict(lean)).toEqual(verdict(full));
        const claimed = withClaims(plan, full);
        for (let i = 0; i < spoils; i++) spoil(claimed, next);
        const full2 = checkSolution(problem, claimed);
        expect(verdict(checkSolution(problem, claimed, { routes: false }))).toEqual(verdict(full2));
        // unspoiled claims of the checker's own numbers hold
        if (spoils === 0) expect(full2.violations.filter((v) => v.code === 'claim-mismatch')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('reports every route step again in the full report (the detail vrpkit check prints is unchanged by the reuse of arrays)', () => {
    fc.assert(
      fc.property(arbCase, ({ problem, plan }) => {
        const all = checkSolution(problem, plan);
        // each route checked alone gives the same route as inside the whole plan (no state carried between routes)
        all.routes.forEach((r) => {
          const alone = checkSolution(problem, { routes: [plan.routes[r.index]] });
          expect(alone.routes[0].steps).toEqual(r.steps);
          expect(alone.routes[0].cost).toBe(r.cost);
        });
      }),
      { numRuns: 150 },
    );
  });
});
