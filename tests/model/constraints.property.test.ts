import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSolution } from '../../src/model/check.js';
import { validateProblem } from '../../src/model/validate.js';
import type { Break, Job, PlanStep, Problem, RoutePlan, TimeWindow, Vehicle } from '../../src/model/types.js';

/** Random one-vehicle routes with windows, setup, per-type service, speed factor and breaks placed anywhere. */
const arbRoute = fc
  .record({
    nJobs: fc.integer({ min: 1, max: 7 }),
    nBreaks: fc.integer({ min: 0, max: 3 }),
    values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 200, maxLength: 200 }),
  })
  .map(({ nJobs, nBreaks, values }) => {
    let c = 0;
    const next = (n: number) => values[c++ % values.length] % n;
    const coordinates: [number, number][] = Array.from({ length: 8 }, () => [next(40), next(40)]);
    const windows = (): TimeWindow[] | undefined => {
      if (next(3) === 0) return undefined;
      const a = next(150);
      return next(3) === 0 ? [[a, a + 5 + next(20)], [a + 60, a + 60 + next(60)]] : [[a, a + 10 + next(80)]];
    };
    const jobs: Job[] = Array.from({ length: nJobs }, (_, i) => {
      const j: Job = { id: i, location: next(8), serviceDuration: next(6) };
      const tw = windows();
      if (tw) j.timeWindows = tw;
      if (next(2)) j.setupDuration = next(5);
      if (next(3) === 0) j.serviceDurationPerType = { van: next(9) };
      return j;
    });
    const breaks: Break[] = Array.from({ length: nBreaks }, (_, b) => {
      const br: Break = { id: `b${b}`, duration: next(10) };
      const tw = windows();
      if (tw) br.timeWindows = tw;
      return br;
    });
    const vehicle: Vehicle = { id: 'v', breaks, speedFactor: [0.5, 1, 2][next(3)] };
    if (next(4)) vehicle.start = next(8);
    if (next(4)) vehicle.end = next(8);
    if (next(2)) vehicle.type = 'van';
    if (next(2) === 0) vehicle.shift = [next(20), 40 + next(250)];
    const order: PlanStep[] = jobs.map((j) => ({ type: 'job', id: j.id }));
    for (let i = order.length - 1; i > 0; i--) {
      const k = next(i + 1);
      [order[i], order[k]] = [order[k], order[i]];
    }
    for (const b of breaks) order.splice(next(order.length + 1), 0, { type: 'break', id: b.id });
    const problem: Problem = { jobs, vehicles: [vehicle], travel: { type: 'euclidean', coordinates } };
    return { problem, steps: order };
  });

const planAt = (steps: PlanStep[], departure?: number): RoutePlan => ({
  routes: [{ vehicle: 'v', steps: [{ type: 'start', ...(departure !== undefined ? { departure } : {}) }, ...steps, { type: 'end' }] }],
});
const TIME_CODES = ['late', 'break-window', 'shift-end', 'shift-start'];
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));

describe('route schedule properties (setup, breaks, speed factor)', () => {
  it('identities: duration = travel + setup + service + breaks + waiting; steps in order; starts inside windows', () => {
    fc.assert(
      fc.property(arbRoute, ({ problem, steps }) => {
        expect(validateProblem(problem)).toEqual([]);
        const rep = checkSolution(problem, planAt(steps));
        const r = rep.routes[0];
        expect(close(r.duration, r.travelTime + r.setup + r.service + r.breakDuration + r.waiting)).toBe(true);
        const v = problem.vehicles[0];
        const coords = (problem.travel as { coordinates: [number, number][] }).coordinates;
        // Raw arc durations, recomputed here, divided by the speed factor.
        const locs = [v.start, ...steps.filter((s) => s.type === 'job').map((s) => problem.jobs[s.id as number].location), v.end].filter((x) => x !== undefined) as number[];
        let raw = 0;
        for (let i = 1; i < locs.length; i++) raw += Math.hypot(coords[locs[i]][0] - coords[locs[i - 1]][0], coords[locs[i]][1] - coords[locs[i - 1]][1]);
        expect(close(r.travelTime, raw / v.speedFactor!)).toBe(true);
        expect(close(r.distance, raw)).toBe(true);
        for (let i = 0; i < r.steps.length; i++) {
          const s = r.steps[i];
          expect(close(s.serviceStart, s.arrival + s.waiting)).toBe(true);
          expect(s.waiting).toBeGreaterThanOrEqual(0);
          if (i > 0) {
            expect(s.arrival).toBeGreaterThanOrEqual(r.steps[i - 1].departure - 1e-9);
            expect(s.distance).toBeGreaterThanOrEqual(r.steps[i - 1].distance - 1e-9);
          }
          const windows = s.type === 'job' ? problem.jobs[s.id as number].timeWindows : s.type === 'break' ? v.breaks!.find((b) => b.id === s.id)!.timeWindows : undefined;
          if (windows && s.lateness === 0) expect(windows.some(([a, b]) => s.serviceStart >= a - 1e-9 && s.serviceStart <= b + 1e-9)).toBe(true);
          if (s.type === 'break') expect(close(s.departure - s.serviceStart, v.breaks!.find((b) => b.id === s.id)!.duration!)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('d*: never later-violating than departing at e; each departure in [e, d*] is longer by exactly d* − d', () => {
    fc.assert(
      fc.property(arbRoute, fc.double({ min: 0, max: 1, noNaN: true }), ({ problem, steps }, frac) => {
        const auto = checkSolution(problem, planAt(steps)).routes[0];
        const dStar = auto.steps[0].departure;
        const v = problem.vehicles[0];
        const e = v.shift ? v.shift[0] : 0;
        expect(dStar).toBeGreaterThanOrEqual(e);
        const atE = checkSolution(problem, planAt(steps, e));
        const timeViolations = (rep: typeof atE) => rep.violations.filter((x) => TIME_CODES.includes(x.code)).length;
        if (timeViolations(atE) === 0) expect(timeViolations(checkSolution(problem, planAt(steps)))).toBe(0);
        const d = e + frac * (dStar - e);
        const mid = checkSolution(problem, planAt(steps, d));
        // d* is the earliest departure of that duration: every unit of delay before it removes one unit of waiting.
        expect(Math.abs(mid.routes[0].duration - (auto.duration + (dStar - d)))).toBeLessThanOrEqual(1e-7 * Math.max(1, auto.duration));
        if (timeViolations(atE) === 0) expect(timeViolations(mid)).toBe(0);
        // Not too early either: departing later, without a new time violation, is never shorter. (With
        // several windows d* is only locally optimal: it keeps the windows of the earliest schedule.)
        const later = checkSolution(problem, planAt(steps, dStar + 0.5 + 10 * frac));
        const single = [...problem.jobs, ...v.breaks!].every((x) => (x.timeWindows?.length ?? 0) <= 1);
        if (single && timeViolations(atE) === 0 && timeViolations(later) === 0) {
          expect(later.routes[0].duration).toBeGreaterThanOrEqual(auto.duration - 1e-7 * Math.max(1, auto.duration));
        }
      }),
      { numRuns: 300 },
    );
  });
});
