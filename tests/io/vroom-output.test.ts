/**
 * `toVroom` and `planFromVroom`: hand-made plans (checked feasible by the
 * independent checker) → VROOM's output → JSON → read back → the checker
 * again finds them feasible with every stated number agreeing; the VROOM
 * meanings (cumulated travel per step, travel as route duration, breaks in
 * service, VROOM's rounded cost, one unassigned entry per task) are re-computed
 * here from the raw VROOM documents, independently of the adapter.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromVroom, planFromVroom, toVroom, looksLikeVroomSolution, type VroomOutput } from '../../src/io/vroom/index.js';
import { checkSolution } from '../../src/model/check.js';
import { haversineMetres } from '../../src/geo/haversine.js';
import { CASES, planOf, solutionOf, vroomFixture, type RouteSpec } from './vroom-helpers.js';

/** Travel, distance and cost of one VROOM route, re-computed from the raw VROOM document. */
function rawRoute(doc: Record<string, any>, route: VroomOutput['routes'][number]) {
  const v = doc.vehicles.find((x: any) => x.id === route.vehicle);
  const m = doc.matrices?.[v.profile ?? 'car'];
  const factor = v.speed_factor === undefined ? 1 : Math.round(100 / v.speed_factor) / 100;
  const leg = (a: any, b: any): [number, number] => {
    if (m) return [m.durations[a.location_index][b.location_index] * factor, m.distances ? m.distances[a.location_index][b.location_index] : 0];
    const metres = haversineMetres(a.location[0], a.location[1], b.location[0], b.location[1]);
    return [Math.round(metres / 10) * factor, Math.round(metres)];
  };
  const located = route.steps.filter((s) => s.type !== 'break');
  const cumulated: number[] = [0];
  let travel = 0;
  let distance = 0;
  let matrixCost = 0;
  for (let i = 1; i < located.length; i++) {
    const [t, d] = leg(located[i - 1], located[i]);
    travel += t;
    distance += d;
    if (m?.costs) matrixCost += m.costs[located[i - 1].location_index!][located[i].location_index!];
    cumulated.push(travel);
  }
  const c = { fixed: 0, per_hour: 3600, per_km: 0, per_task_hour: 0, ...v.costs };
  const breaks = (v.breaks ?? []).reduce((a: number, b: any) => a + (b.service ?? 0), 0);
  const taskTime = route.setup + route.service; // VROOM's service includes the breaks (checked below)
  const travelCost = m?.costs ? matrixCost : Math.floor((travel * c.per_hour) / 3600 + (distance * c.per_km) / 1000 + 0.5);
  const cost = c.fixed + travelCost + Math.floor((c.per_task_hour * taskTime) / 3600 + 1e-9);
  return { cumulated, travel, distance, cost, breaks, located };
}

describe('toVroom → JSON → planFromVroom round trips (hand-made plans)', () => {
  it.each(Object.entries(CASES))('%s', (_name, c) => {
    const doc = vroomFixture(c.file);
    const problem = fromVroom(doc);
    const plan = planOf(c.routes, c.unassigned);
    const solution = solutionOf(problem, plan);
    const out: VroomOutput = JSON.parse(JSON.stringify(toVroom(problem, solution)));
    expect(out.code).toBe(0);
    expect(looksLikeVroomSolution(out)).toBe(true);

    // Read back: the checker agrees with every stated number, and the plan is the same plan.
    const back = planFromVroom(problem, out);
    const report = checkSolution(problem, back);
    expect(report.violations).toEqual([]);
    expect(back.routes.map((r) => [r.vehicle, r.steps.map((s) => [s.type, s.id])])).toEqual(plan.routes.map((r) => [r.vehicle, r.steps.map((s) => [s.type, s.id])]));
    expect(report.summary).toMatchObject({ priority: solution.summary.priority, cost: expect.closeTo(solution.summary.cost, 6) });

    // Steps: times and loads are the checker's.
    const checked = checkSolution(problem, plan).routes;
    out.routes.forEach((r, i) => {
      const steps = checked[i].steps;
      expect(r.steps.map((s) => s.arrival)).toEqual(steps.map((s) => expect.closeTo(s.arrival, 5)));
      expect(r.steps.map((s) => s.waiting_time)).toEqual(steps.map((s) => expect.closeTo(s.waiting, 5)));
      if (problem.vehicles[0].capacity) expect(r.steps.map((s) => s.load)).toEqual(steps.map((s) => s.load));
      else expect(r.steps.every((s) => s.load === undefined)).toBe(true);
    });

    // VROOM's meanings, from the raw document.
    for (const r of out.routes) {
      const raw = rawRoute(doc, r);
      const locatedDurations = r.steps.filter((s) => s.type !== 'break').map((s) => s.duration);
      expect(locatedDurations).toEqual(raw.cumulated.map((x) => expect.closeTo(x, 5)));
      expect(r.duration).toBeCloseTo(raw.travel, 5);
      expect(r.steps.at(-1)!.duration).toBeCloseTo(raw.travel, 5);
      if (r.distance !== undefined) expect(r.distance).toBeCloseTo(raw.distance, 5);
      const breakService = r.steps.filter((s) => s.type === 'break').reduce((a, s) => a + s.service, 0);
      expect(breakService).toBe(raw.breaks);
      expect(r.service).toBe(r.steps.reduce((a, s) => a + s.service, 0));
      expect(r.cost).toBe(raw.cost);
      // every step of a used vehicle: its breaks all there, in route order
      for (let k = 1; k < r.steps.length; k++) expect(r.steps[k].duration).toBeGreaterThanOrEqual(r.steps[k - 1].duration - 1e-9);
    }
    const sum = (f: (r: VroomOutput['routes'][number]) => number) => out.routes.reduce((a, r) => a + f(r), 0);
    expect(out.summary.cost).toBe(sum((r) => r.cost));
    expect(out.summary.duration).toBeCloseTo(sum((r) => r.duration), 5);
    expect(out.summary.service).toBe(sum((r) => r.service));
    expect(out.summary.priority).toBe(sum((r) => r.priority));
    const unassignedTasks = (c.unassigned ?? []).reduce((a, u) => a + (u.type === 'shipment' ? 2 : 1), 0);
    expect(out.summary.unassigned).toBe(unassignedTasks);
    expect(out.unassigned).toHaveLength(unassignedTasks);
  });

  it("example_2 with VROOM's route gives VROOM's own output (docs/example_2_sol.json)", () => {
    const problem = fromVroom(vroomFixture('example_2.json'));
    const out = toVroom(problem, solutionOf(problem, planOf([[0, [['job', 1414], ['job', 1515]]]])));
    const vroom = vroomFixture('example_2_sol.json');
    delete vroom.summary.computing_times;
    expect(JSON.parse(JSON.stringify(out))).toEqual(vroom);
  });

  it("reads VROOM's own output back: example_2_sol.json is feasible with every number agreeing", () => {
    const problem = fromVroom(vroomFixture('example_2.json'));
    const report = checkSolution(problem, planFromVroom(problem, vroomFixture('example_2_sol.json')));
    expect(report.violations).toEqual([]);
    expect(report.summary.cost).toBe(5461);
  });

  it('an unassigned shipment is two VROOM entries (pickup and delivery), read back as one shipment', () => {
    const c = CASES['shipments-skills-breaks, a shipment unassigned'];
    const problem = fromVroom(vroomFixture(c.file));
    const out = toVroom(problem, solutionOf(problem, planOf(c.routes, c.unassigned)));
    expect(out.unassigned).toEqual([
      { id: 203, location_index: 8, type: 'pickup', reason: 'fleet-exhausted' },
      { id: 101, location_index: 9, type: 'delivery', reason: 'fleet-exhausted' },
    ]);
    expect(planFromVroom(problem, out).unassigned).toEqual([{ id: 'p203-d101', type: 'shipment', pickup: 203, delivery: 101, reason: 'fleet-exhausted' }]);
    const bare = { ...out, unassigned: out.unassigned.map(({ reason: _r, ...u }) => u) };
    expect(planFromVroom(problem, bare).unassigned![0].reason).toBe('unspecified');
  });

  it('echoes descriptions, coordinates and indices as VROOM does; breaks have no location', () => {
    const c = CASES['shipments-skills-breaks, plan B (bike: per-type service, open end)'];
    const problem = fromVroom(vroomFixture(c.file));
    const out = toVroom(problem, solutionOf(problem, planOf(c.routes)));
    const [van, bike] = out.routes;
    expect(van.description).toBe('van 1');
    expect(van.steps[0]).toMatchObject({ type: 'start', location_index: 0, setup: 0, service: 0, load: [4, 1] }); // deliveries of 104 and 102
    const lunch = van.steps.find((s) => s.type === 'break' && s.id === 1)!;
    expect(lunch).toMatchObject({ description: 'lunch', service: 1800 });
    expect(lunch.location).toBeUndefined();
    expect(lunch.location_index).toBeUndefined();
    expect(lunch.job).toBeUndefined();
    // the bike has no end: its end step is where its last task is
    expect(bike.steps.at(-1)).toMatchObject({ type: 'end', location_index: 5 });
    // per-type service: job 101 takes 600 s on a bike, delivery 101 60 s
    expect(bike.steps.find((s) => s.type === 'job' && s.id === 101)).toMatchObject({ service: 600, setup: 120, job: 101 });
    expect(bike.steps.find((s) => s.type === 'delivery')).toMatchObject({ id: 101, service: 60 });
    // job deliveries [7, 1] plus the two delivered shipments [2, 1] + [1, 0], as VROOM counts them
    expect(out.summary.delivery).toEqual([10, 2]);
    expect(out.summary.amount).toEqual([10, 2]);
    expect(out.summary.pickup).toEqual([6, 1]); // job pickups [3, 0] plus the shipments picked up
  });
});

describe('round trips on random jobs-only VROOM problems (fast-check)', () => {
  it('toVroom → planFromVroom is feasible with every number agreeing, costs as VROOM computes them', () => {
    const arb = fc.record({
      n: fc.integer({ min: 1, max: 7 }),
      vehicles: fc.array(
        fc.record({
          speed: fc.constantFrom(undefined, 1, 1.25, 2, 0.8, 1.5),
          costs: fc.record({ fixed: fc.nat(1000), per_hour: fc.nat(7200), per_km: fc.nat(2000), per_task_hour: fc.nat(3600) }),
          open: fc.boolean(),
          type: fc.constantFrom(undefined, 'a', 'b'),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      durations: fc.array(fc.nat(900), { minLength: 64, maxLength: 64 }),
      distances: fc.array(fc.nat(9000), { minLength: 64, maxLength: 64 }),
      services: fc.array(fc.nat(600), { minLength: 7, maxLength: 7 }),
      setups: fc.array(fc.nat(120), { minLength: 7, maxLength: 7 }),
      spots: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 7, maxLength: 7 }),
      assign: fc.array(fc.nat(10), { minLength: 7, maxLength: 7 }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const rows = (flat: number[]) => Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (i === j ? 0 : flat[i * 8 + j])));
        const doc = {
          vehicles: a.vehicles.map((v, k) => ({
            id: k + 10,
            start_index: 0,
            ...(v.open ? {} : { end_index: 0 }),
            ...(v.speed !== undefined ? { speed_factor: v.speed } : {}),
            ...(v.type !== undefined ? { type: v.type } : {}),
            costs: v.costs,
          })),
          jobs: Array.from({ length: a.n }, (_, j) => ({ id: j + 1, location_index: a.spots[j], service: a.services[j], setup: a.setups[j], service_per_type: { a: a.services[j] + 7 } })),
          matrices: { car: { durations: rows(a.durations), distances: rows(a.distances) } },
        };
        const problem = fromVroom(doc);
        const routes: RouteSpec[] = a.vehicles.map((_, k) => [k + 10, []]);
        for (let j = 0; j < a.n; j++) routes[a.assign[j] % routes.length][1].push(['job', j + 1]);
        const used = routes.filter(([, s]) => s.length > 0);
        const out: VroomOutput = JSON.parse(JSON.stringify(toVroom(problem, solutionOf(problem, planOf(used)))));
        const report = checkSolution(problem, planFromVroom(problem, out));
        expect(report.violations).toEqual([]);
        for (const r of out.routes) {
          const raw = rawRoute(doc, r);
          expect(r.duration).toBeCloseTo(raw.travel, 5);
          expect(r.distance).toBe(raw.distance);
          expect(r.cost).toBe(raw.cost);
        }
        // the search's exact cost is less than 1.5 per route from VROOM's (travel rounded, task time truncated)
        expect(Math.abs(report.summary.cost - out.summary.cost)).toBeLessThan(1.5 * out.routes.length + 1e-9);
      }),
      { numRuns: 150, seed: 20240917 },
    );
  });
});
