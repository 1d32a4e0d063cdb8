import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inferProgress } from '../../src/dispatch/events.js';
import { reduceProblem, hasDelivery } from '../../src/dispatch/reduce.js';
import { mergePlan } from '../../src/dispatch/merge.js';
import type { Id } from '../../src/model/types.js';
import { arbSeed, makeCase } from './gen.js';
import { planOf } from './helpers.js';

describe('reduction properties (random plans and events)', () => {
  it('every job is frozen, offered, pre-unassigned or cancelled — exactly once', () => {
    fc.assert(
      fc.property(arbSeed, (seed) => {
        const { problem, plan, events } = makeCase(seed);
        const progress = inferProgress(problem, plan, events);
        const red = reduceProblem(problem, plan, progress, events, {});
        const count = new Map<Id, number>();
        const bump = (id: Id) => count.set(id, (count.get(id) ?? 0) + 1);
        for (const v of progress.vehicles) {
          const state = red.states[v.vehicleIndex];
          if (state.finished) v.jobs.forEach(bump);
          else v.frozen.forEach(bump);
        }
        red.problem.jobs.forEach((j) => bump(j.id));
        red.preUnassigned.forEach((u) => bump(u.id));
        red.cancelled.forEach(bump);
        const all = [...problem.jobs, ...(events.newJobs ?? [])].map((j) => j.id);
        expect([...count.keys()].sort()).toEqual([...all].sort());
        expect([...count.values()].every((c) => c === 1)).toBe(true);
        for (const id of events.cancelled ?? []) expect(red.problem.jobs.some((j) => j.id === id)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('goods on board stay on their vehicle; vehicles on the road load nothing new', () => {
    fc.assert(
      fc.property(arbSeed, (seed) => {
        const { problem, plan, events } = makeCase(seed);
        const progress = inferProgress(problem, plan, events);
        const red = reduceProblem(problem, plan, progress, events, {});
        const departed = new Set(red.states.filter((s) => s.departed).map((s) => s.vehicle));
        const ids = new Set(red.problem.vehicles.map((v) => v.id));
        for (const job of red.problem.jobs) {
          for (const v of job.allowedVehicles ?? []) expect(ids.has(v)).toBe(true);
          if (!hasDelivery(job)) continue;
          const holder = progress.jobVehicle.get(job.id);
          if (holder !== undefined && departed.has(holder)) expect(job.allowedVehicles).toEqual([holder]);
          else for (const v of job.allowedVehicles ?? [...ids]) expect(departed.has(v)).toBe(false);
        }
        // Capacity never grows, and a vehicle on the road starts no earlier than now.
        for (const v of red.problem.vehicles) {
          const orig = problem.vehicles.find((o) => o.id === v.id)!;
          expect(v.capacity![0]).toBeLessThanOrEqual(orig.capacity![0]);
          expect(v.shift![0]).toBeGreaterThanOrEqual(events.now);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('merging the warm start keeps every frozen step and never brings an ETA forward', () => {
    fc.assert(
      fc.property(arbSeed, (seed) => {
        const c = makeCase(seed, { cancel: 0, newJobs: 0 });
        const { problem, plan, events } = c;
        const progress = inferProgress(problem, plan, events);
        const red = reduceProblem(problem, plan, progress, events, {});
        const warm = planOf(
          red.problem,
          red.initialSolution.routes.map((r) => ({ vehicle: r.vehicle, jobs: r.steps.filter((s) => s.type === 'job').map((s) => s.id as Id) })),
          red.problem.jobs.filter((j) => !red.initialSolution.routes.some((r) => r.steps.some((s) => s.id === j.id))).map((j) => ({ id: j.id, reason: 'fleet-exhausted' })),
        );
        const merged = mergePlan(problem, red, warm, () => ({ duration: 0, distance: 0 }));
        for (const state of red.states) {
          if (!state.departed && !state.finished) continue;
          const old = plan.routes.find((r) => r.vehicle === state.vehicle)!;
          const now = merged.routes.find((r) => r.vehicle === state.vehicle)!;
          const k = state.finished ? old.steps.length : 1 + progress.vehicles[state.vehicleIndex].frozen.length;
          // The frozen prefix is the old plan's prefix, number for number.
          expect(now.steps.slice(0, k).map(({ status: _s, ...s }) => s)).toEqual(old.steps.slice(0, k));
          if (state.finished || state.retired) continue;
          const oldArrival = new Map(old.steps.filter((s) => s.type === 'job').map((s) => [s.id, s.arrival]));
          for (const s of now.steps.slice(k)) {
            if (s.type === 'job') expect(s.arrival).toBeGreaterThanOrEqual(oldArrival.get(s.id)! - 1e-9);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
