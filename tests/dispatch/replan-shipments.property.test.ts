/**
 * Property: re-planning random plans mixing jobs and shipments under random
 * progress never loses an order, keeps on-board goods on their vehicle, keeps
 * frozen steps, and every new plan passes the independent checker.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { replan } from '../../src/dispatch/replan.js';
import { checkSolution } from '../../src/model/check.js';
import type { Id, RoutePlan } from '../../src/model/types.js';
import { arbSeed } from './gen.js';
import { makeShipCase } from './gen-shipments.js';

const FAST = { maxIterations: 40, seed: 3 };

describe('replan with shipments (random plans and progress)', () => {
  it('nothing lost, on board stays on its vehicle, frozen steps kept, checker passes', async () => {
    let onBoardSeen = 0;
    let onBoardUnserved = 0;
    await fc.assert(
      fc.asyncProperty(arbSeed, fc.boolean(), async (seed, windows) => {
        const { problem, plan, events } = makeShipCase(seed, { windows });
        const r = await replan(problem, plan, events, FAST);
        // The new plan is a plan of the reduced problem; re-checked here, not trusted.
        expect(checkSolution(r.problem, r.solution as unknown as RoutePlan).violations).toEqual([]);
        expect(r.check.feasible).toBe(true);

        const steps = r.plan.routes.flatMap((route) => route.steps.map((s) => ({ ...s, vehicle: route.vehicle })));
        // Jobs (old and new): once, in a route or unassigned.
        const seen = new Map<Id, number>();
        for (const s of steps) if (s.type === 'job') seen.set(s.id as Id, (seen.get(s.id as Id) ?? 0) + 1);
        for (const u of r.plan.unassigned) if (u.type !== 'shipment') seen.set(u.id, (seen.get(u.id) ?? 0) + 1);
        const jobIds = [...problem.jobs, ...(events.newJobs ?? [])].map((j) => j.id);
        expect([...seen.keys()].sort()).toEqual([...jobIds].sort());
        expect([...seen.values()].every((c) => c === 1)).toBe(true);

        const cancelled = new Set(events.cancelled);
        for (const sh of problem.shipments!) {
          const mine = steps.filter((s) => s.shipment === sh.id);
          const pickups = mine.filter((s) => s.type === 'pickup');
          const deliveries = mine.filter((s) => s.type === 'delivery');
          const listed = r.plan.unassigned.filter((u) => u.id === sh.id);
          expect(listed.length).toBeLessThanOrEqual(1);
          expect(pickups.length).toBeLessThanOrEqual(1);
          expect(deliveries.length).toBeLessThanOrEqual(1);
          // The stops are named as a solve output names them.
          for (const s of pickups) expect(s.id).toBe(sh.pickup.id ?? sh.id);
          for (const s of deliveries) expect(s.id).toBe(sh.delivery.id ?? sh.id);
          const pickedUp = pickups.length === 1 && pickups[0].status !== 'planned';
          if (listed.length === 1) {
            // Listed whole, with a true reason; only goods already on board leave a (frozen) pickup in a route.
            expect(listed[0]).toMatchObject({ type: 'shipment', pickup: sh.pickup.id ?? sh.id, delivery: sh.delivery.id ?? sh.id });
            expect(deliveries).toHaveLength(0);
            expect(listed[0].reason === 'cancelled').toBe(cancelled.has(sh.id));
            if (pickups.length === 1) {
              expect(pickedUp).toBe(true);
              expect(listed[0].message).toMatch(/on board vehicle/);
              onBoardUnserved++;
            }
          } else {
            expect(cancelled.has(sh.id)).toBe(false);
            // Served or planned whole: both stops, one vehicle, pickup first.
            expect(pickups).toHaveLength(1);
            expect(deliveries).toHaveLength(1);
            expect(pickups[0].vehicle).toBe(deliveries[0].vehicle);
            const route = r.plan.routes.find((x) => x.vehicle === pickups[0].vehicle)!;
            expect(route.steps.indexOf(route.steps.find((s) => s.type === 'pickup' && s.shipment === sh.id)!)).toBeLessThan(
              route.steps.indexOf(route.steps.find((s) => s.type === 'delivery' && s.shipment === sh.id)!),
            );
            if (pickedUp && deliveries[0].status === 'planned') {
              // On board: the delivery stays on the vehicle that picked it up, pinned in the reduced problem.
              onBoardSeen++;
              const key = r.progress.keys.stop(problem.shipments!.indexOf(sh), 'pickup');
              expect(deliveries[0].vehicle).toBe(r.progress.jobVehicle.get(key));
              expect(r.problem.jobs.find((j) => j.id === sh.id)?.allowedVehicles).toEqual([deliveries[0].vehicle]);
            }
          }
        }

        // Loads follow the goods along each whole merged route: from its start load, a job drops its
        // delivery and takes its pickup, a shipment's amount rides from its pickup to its delivery.
        const jobById = new Map([...problem.jobs, ...(events.newJobs ?? [])].map((j) => [j.id, j]));
        const shipmentById = new Map(problem.shipments!.map((sh) => [sh.id, sh]));
        for (const route of r.plan.routes) {
          let load = route.steps[0].load[0];
          for (const s of route.steps.slice(1)) {
            if (s.type === 'job') load += (jobById.get(s.id as Id)!.pickup?.[0] ?? 0) - (jobById.get(s.id as Id)!.delivery?.[0] ?? 0);
            else if (s.type === 'pickup') load += shipmentById.get(s.shipment as Id)!.amount![0];
            else if (s.type === 'delivery') load -= shipmentById.get(s.shipment as Id)!.amount![0];
            expect(s.load[0]).toBeCloseTo(load, 9);
          }
        }

        // Frozen prefixes are the old plan's steps, number for number; planned steps never start before now.
        for (const v of r.progress.vehicles) {
          if (v.frozen.length === 0) continue;
          const old = plan.routes[v.routeIndex].steps;
          const now = r.plan.routes.find((x) => x.vehicle === v.vehicle)!.steps;
          const k = 1 + v.frozen.length;
          expect(now.slice(0, k).map(({ status: _s, ...s }) => s)).toEqual(old.slice(0, k));
          expect(now.slice(0, k).every((s) => s.status !== 'planned')).toBe(true);
        }
        for (const s of steps) if (s.status === 'planned' && s.type !== 'start' && s.type !== 'end') expect(s.arrival).toBeGreaterThanOrEqual(events.now);
      }),
      { numRuns: 30 },
    );
    // The runs do exercise goods on board (delivered later, or left unserved).
    expect(onBoardSeen).toBeGreaterThan(0);
    expect(onBoardSeen + onBoardUnserved).toBeGreaterThan(2);
  });

  it('is deterministic: the same case, seed and iterations give the same plan and changes', async () => {
    for (const seed of [11, 12, 13]) {
      const c = makeShipCase(seed, { windows: true });
      const a = await replan(c.problem, c.plan, c.events, FAST);
      const b = await replan(c.problem, c.plan, c.events, FAST);
      expect(JSON.stringify([b.plan, b.changes])).toBe(JSON.stringify([a.plan, a.changes]));
    }
  });
});
