import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution, type CheckReport } from '../../src/model/check.js';
import type { Job, Problem, RoutePlan, Vehicle } from '../../src/model/types.js';
import { validateProblem } from '../../src/model/validate.js';

/** Random small instances: euclidean plane, windows, amounts, shifts, release times, deadlines, costs. */
const arbInstance = fc
  .record({
    nJobs: fc.integer({ min: 1, max: 12 }),
    nVehicles: fc.integer({ min: 1, max: 4 }),
    dims: fc.integer({ min: 0, max: 2 }),
    seedValues: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 400, maxLength: 400 }),
  })
  .map(({ nJobs, nVehicles, dims, seedValues }) => {
    let c = 0;
    const next = (n: number) => seedValues[c++ % seedValues.length] % n;
    const coordinates: [number, number][] = Array.from({ length: nJobs + 2 }, () => [next(50), next(50)]);
    const jobs: Job[] = Array.from({ length: nJobs }, (_, i) => {
      const job: Job = { id: next(3) === 0 ? `j${i}` : i, location: 2 + i };
      if (next(2)) job.serviceDuration = next(10);
      if (next(3)) {
        const a = next(150);
        job.timeWindows = next(3) === 0 ? [[a, a + next(40)], [a + 60, a + 60 + next(80)]] : [[a, a + next(100)]];
      }
      if (dims > 0) {
        job.delivery = Array.from({ length: dims }, () => next(6));
        job.pickup = Array.from({ length: dims }, () => next(4));
      }
      if (next(5) === 0) job.releaseTime = next(30);
      if (next(5) === 0) job.dispatchDeadline = next(60);
      return job;
    });
    const vehicles: Vehicle[] = Array.from({ length: nVehicles }, (_, k) => {
      const v: Vehicle = { id: `v${k}` };
      if (next(4)) v.start = next(2);
      if (next(4)) v.end = next(2);
      if (dims > 0 && next(3)) v.capacity = Array.from({ length: dims }, () => 5 + next(15));
      if (next(2)) v.shift = [next(20), 150 + next(300)];
      if (next(3) === 0) v.costs = { fixed: next(50), perDistance: next(3), perDuration: next(3) / 2 };
      if (next(6) === 0) v.maxDuration = 50 + next(200);
      if (next(6) === 0) v.maxDistance = 50 + next(150);
      return v;
    });
    // A random plan: each job to a random vehicle (or unassigned), random order within routes.
    const routes = vehicles.map((v) => ({ vehicle: v.id, ids: [] as Job['id'][] }));
    const unassigned: { id: Job['id']; reason: string }[] = [];
    for (const job of jobs) {
      const r = next(nVehicles + 1);
      if (r === nVehicles) unassigned.push({ id: job.id, reason: 'capacity' });
      else routes[r].ids.splice(next(routes[r].ids.length + 1), 0, job.id);
    }
    const problem: Problem = { jobs, vehicles, travel: { type: 'euclidean', coordinates } };
    const plan: RoutePlan = {
      routes: routes.map((r) => ({
        vehicle: r.vehicle,
        steps: [{ type: 'start' as const }, ...r.ids.map((id) => ({ type: 'job' as const, id })), { type: 'end' as const }],
      })),
      unassigned,
    };
    return { problem, plan };
  });

/** The checker's own derived numbers, written back into the plan as claims. */
function withClaims(plan: RoutePlan, rep: CheckReport): RoutePlan & { summary: object } {
  return {
    summary: { ...rep.summary },
    unassigned: plan.unassigned,
    routes: rep.routes.map((r) => ({
      vehicle: r.vehicle,
      cost: r.cost,
      distance: r.distance,
      duration: r.duration,
      waiting: r.waiting,
      service: r.service,
      delivery: r.delivery,
      pickup: r.pickup,
      steps: r.steps.map((s) => ({ ...s })),
    })),
  };
}

const TIME_CODES = new Set(['late', 'shift-end', 'max-duration']);

/** `e` of docs/semantics.md: shift start / latest release time, 0 when both are unbounded. */
function earliestDeparture(problem: Problem, vehicleIndex: number, steps: { type: string; id?: Job['id'] }[]): number {
  const v = problem.vehicles[vehicleIndex];
  let e = v.shift ? v.shift[0] : -Infinity;
  for (const s of steps) if (s.type === 'job') e = Math.max(e, problem.jobs.find((j) => j.id === s.id)!.releaseTime ?? -Infinity);
  return e === -Infinity ? 0 : e;
}

describe('checkSolution properties', () => {
  it('summary cost is the sum of fixed + perDistance × distance + perDuration × duration over used routes', () => {
    fc.assert(
      fc.property(arbInstance, ({ problem, plan }) => {
        // The generator makes valid problems, except release times after dispatch deadlines
        // (kept on purpose: the checker must handle them too).
        const conflicts = problem.jobs.flatMap((j, i) =>
          (j.releaseTime ?? -Infinity) > (j.dispatchDeadline ?? Infinity) ? [['time-window', `/jobs/${i}/dispatchDeadline`]] : [],
        );
        expect(validateProblem(problem).map((x) => [x.code, x.pointer])).toEqual(conflicts);
        const rep = checkSolution(problem, plan);
        let cost = 0;
        for (const r of rep.routes) {
          if (r.steps.length <= 2) {
            expect(r.cost).toBe(0);
            continue;
          }
          const c = { fixed: 0, perDistance: 1, perDuration: 0, ...problem.vehicles[r.vehicleIndex].costs };
          expect(r.cost).toBeCloseTo(c.fixed + c.perDistance * r.distance + c.perDuration * r.duration, 9);
          cost += r.cost;
        }
        expect(rep.summary.cost).toBeCloseTo(cost, 9);
        expect(rep.summary.assigned + rep.summary.unassigned).toBe(problem.jobs.length);
      }),
      { numRuns: 200 },
    );
  });

  it('loads: the start carries every delivery, the end every pickup; the route is a valid walk in time', () => {
    fc.assert(
      fc.property(arbInstance, ({ problem, plan }) => {
        for (const r of checkSolution(problem, plan).routes) {
          const first = r.steps[0];
          const last = r.steps[r.steps.length - 1];
          expect(first.load).toEqual(r.delivery);
          expect(last.load).toEqual(r.pickup);
          for (let i = 1; i < r.steps.length; i++) {
            const s = r.steps[i];
            expect(s.arrival).toBeGreaterThanOrEqual(r.steps[i - 1].departure);
            expect(s.serviceStart).toBe(s.arrival + s.waiting);
            expect(s.waiting).toBeGreaterThanOrEqual(0);
            expect(s.distance).toBeGreaterThanOrEqual(r.steps[i - 1].distance);
          }
          if (r.steps.length > 2) expect(r.duration).toBeCloseTo(last.arrival - first.departure, 9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('appending a job id a second time always yields duplicate-job', () => {
    fc.assert(
      fc.property(arbInstance, fc.nat(), fc.nat(), ({ problem, plan }, a, b) => {
        const job = problem.jobs[a % problem.jobs.length];
        const copy = structuredClone(plan);
        const route = copy.routes[b % copy.routes.length];
        route.steps.splice(route.steps.length - 1, 0, { type: 'job', id: job.id });
        const rep = checkSolution(problem, copy);
        expect(rep.feasible).toBe(false);
        expect(rep.violations.some((v) => v.code === 'duplicate-job' && v.job === job.id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('re-checking its own derived numbers as claims gives no claim-mismatch and the same violations', () => {
    fc.assert(
      fc.property(arbInstance, ({ problem, plan }) => {
        const rep = checkSolution(problem, plan);
        const again = checkSolution(problem, withClaims(plan, rep));
        expect(again.violations.filter((v) => v.code === 'claim-mismatch')).toEqual([]);
        expect(again.violations).toEqual(rep.violations);
        expect(again.summary).toEqual(rep.summary);
      }),
      { numRuns: 200 },
    );
  });

  it('d* never adds a time violation to the earliest schedule and never lengthens the route', () => {
    fc.assert(
      fc.property(arbInstance, ({ problem, plan }) => {
        const rep = checkSolution(problem, plan);
        for (const r of rep.routes) {
          if (r.steps.length <= 2) continue;
          const single: RoutePlan = { routes: [structuredClone(plan.routes[r.index])] };
          const steps = single.routes[0].steps;
          const dStar = r.steps[0].departure;
          const e = earliestDeparture(problem, r.vehicleIndex, r.steps);
          expect(dStar).toBeGreaterThanOrEqual(e);
          steps[0] = { type: 'start', departure: e };
          const early = checkSolution(problem, single).routes[0];
          const earlyTime = checkSolution(problem, single).violations.filter((x) => TIME_CODES.has(x.code)).length;
          const starTime = rep.violations.filter((x) => x.route === r.index && TIME_CODES.has(x.code)).length;
          expect(r.duration).toBeLessThanOrEqual(early.duration + 1e-9);
          if (earlyTime === 0) expect(starTime).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with single windows, d* is the earliest shortest violation-free departure (brute force over a grid of departures)', () => {
    fc.assert(
      fc.property(arbInstance, ({ problem, plan }) => {
        for (const job of problem.jobs) if (job.timeWindows && job.timeWindows.length > 1) job.timeWindows = job.timeWindows.slice(0, 1);
        const rep = checkSolution(problem, plan);
        for (const r of rep.routes) {
          if (r.steps.length <= 2) continue;
          const dStar = r.steps[0].departure;
          const starBad = rep.violations.some((x) => x.route === r.index && TIME_CODES.has(x.code));
          // Allowed departures: e ≤ d ≤ D (semantics.md), sampled.
          const e = earliestDeparture(problem, r.vehicleIndex, r.steps);
          for (let d = e; d <= e + 200; d += 2.5) {
            const single: RoutePlan = { routes: [structuredClone(plan.routes[r.index])] };
            single.routes[0].steps[0] = { type: 'start', departure: d };
            const other = checkSolution(problem, single);
            // Earliest: before d* every unit of delay still removes a unit of waiting (so d* departs no later than needed).
            if (d < dStar) expect(Math.abs(other.routes[0].duration - (r.duration + dStar - d))).toBeLessThanOrEqual(1e-7 * Math.max(1, r.duration));
            const bad = other.violations.some((x) => TIME_CODES.has(x.code) || x.code === 'release-time' || x.code === 'dispatch-deadline' || x.code === 'shift-start');
            if (bad) continue;
            // A violation-free departure exists: d* has no time violation and is at least as short.
            expect(starBad).toBe(false);
            expect(r.duration).toBeLessThanOrEqual(other.routes[0].duration + 1e-9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
