/**
 * `fromVroom`: VROOM's JSON API → a validated `Problem`, field by field, and
 * every invalid or unsupported VROOM field reported with its pointer into
 * the VROOM document.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VrpkitError } from '../../src/core/errors.js';
import { fromVroom, looksLikeVroomProblem, vroomError } from '../../src/io/vroom/index.js';
import { haversineMetres } from '../../src/geo/haversine.js';
import type { MatrixTravel } from '../../src/model/types.js';
import { REPO_ROOT } from './shared.js';
import { vroomFixture } from './vroom-helpers.js';

/** The issues `fromVroom` reports for a document, as [code, pointer]. */
function issuesOf(doc: unknown): [string, string][] {
  try {
    fromVroom(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(VrpkitError);
    return (e as VrpkitError).issues.map((i) => [i.code, i.pointer]);
  }
  throw new Error('expected fromVroom to reject the document');
}

const tiny = (over: Record<string, unknown> = {}) => ({
  vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [4] }],
  jobs: [
    { id: 1, location_index: 1, delivery: [1] },
    { id: 2, location_index: 2, pickup: [2] },
  ],
  matrices: { car: { durations: [[0, 10, 20], [10, 0, 15], [20, 15, 0]] } },
  ...over,
});

describe('fromVroom: VROOM example_1 (coordinates, skills, a break, a shipment)', () => {
  const problem = fromVroom(vroomFixture('example_1.json'));

  it('maps jobs, the shipment and the vehicles', () => {
    expect(problem.jobs.map((j) => j.id)).toEqual([1, 2, 5, 6]);
    expect(problem.jobs[0]).toMatchObject({ serviceDuration: 300, delivery: [1], pickup: [0], skills: [1], timeWindows: [[1600419600, 1600423200]] });
    expect(problem.jobs[1]).toMatchObject({ delivery: [0], pickup: [1] });
    expect(problem.shipments).toHaveLength(1);
    const s = problem.shipments![0];
    expect(s).toMatchObject({ id: 'p4-d3', amount: [1], skills: [2], pickup: { id: 4, serviceDuration: 300 }, delivery: { id: 3, serviceDuration: 300 } });
    const [v1, v2] = problem.vehicles;
    expect(v1).toMatchObject({ id: 1, capacity: [4], skills: [1, 14], shift: [1600416000, 1600430400] });
    expect(v2.breaks).toEqual([{ id: 2, duration: 300, timeWindows: [[1600423200, 1600425000]], data: { vroom: {} } }]);
    // VROOM's default cost: 1 per second of travel; nothing per metre.
    expect(v1.costs).toEqual({ fixed: 0, perTaskTime: 0, perTravelTime: 1, perDistance: 0 });
  });

  it('builds integral great-circle travel at 10 m/s between the distinct points, equal points merged', () => {
    const t = problem.travel as MatrixTravel;
    expect(t.type).toBe('matrix');
    expect(t.size).toBe(7); // the depot (start = end) and 6 task locations
    expect(problem.vehicles[0].start).toBe(problem.vehicles[0].end);
    const c = t.coordinates!;
    const a = problem.jobs[0].location as number;
    const b = problem.jobs[1].location as number;
    const metres = haversineMetres(c[a][0], c[a][1], c[b][0], c[b][1]);
    expect(t.distances![a * t.size + b]).toBe(Math.round(metres));
    expect(t.durations[a * t.size + b]).toBe(Math.round(metres / 10));
    expect(Array.from(t.durations).every((x) => Number.isInteger(x))).toBe(true);
  });

  it('keeps what the output needs in data.vroom', () => {
    expect(problem.jobs[0].data).toEqual({ vroom: { location: [1.98935, 48.701] } });
    expect(problem.vehicles[0].data).toMatchObject({
      vroom: { profile: 'car', costs: { fixed: 0, per_hour: 3600, per_km: 0, per_task_hour: 0 }, costMatrix: false, reportDistances: true, start: { location: [2.35044, 48.71764] } },
    });
  });
});

describe('fromVroom: mapping rules', () => {
  it('example_2: custom durations without distances → zero distances, distances not reported', () => {
    const p = fromVroom(vroomFixture('example_2.json'));
    const t = p.travel as MatrixTravel;
    expect(t.size).toBe(4);
    expect(Array.from(t.distances!)).toEqual(new Array(16).fill(0));
    expect(p.jobs.map((j) => j.location)).toEqual([1, 2]);
    expect(p.vehicles[0]).toMatchObject({ id: 0, start: 0, end: 3 });
    expect(p.vehicles[0].capacity).toBeUndefined();
    expect(p.jobs[0].delivery).toBeUndefined();
    expect((p.vehicles[0].data as any).vroom.reportDistances).toBe(false);
  });

  it('the rich fixture: windows and breaks sorted, per-type durations, speed factor, profiles, costs', () => {
    const p = fromVroom(vroomFixture('shipments-skills-breaks.json'));
    expect(p.jobs[0].timeWindows).toEqual([[0, 7200], [10800, 18000]]);
    expect(p.jobs[0].serviceDurationPerType).toEqual({ bike: 600 });
    expect(p.jobs[1].setupDurationPerType).toEqual({ van: 60 });
    const [van, bike] = p.vehicles;
    expect(van.breaks!.map((b) => b.id)).toEqual([1, 2]); // by first window, as VROOM sorts them
    expect(van.breaks![0].timeWindows).toEqual([[10800, 12600], [14400, 16200]]);
    expect(van.breaks![0].maxLoad).toEqual([10, 1]);
    expect(van).toMatchObject({ type: 'van', maxTasks: 9, speedFactor: 1.25 });
    // per_task_hour 360 is also charged on the 2,400 s of breaks: a constant of a used vehicle, in `fixed`.
    expect(van.costs).toEqual({ fixed: 500 + (360 * 2400) / 3600, perTaskTime: 0.1, perTravelTime: 1, perDistance: 0 });
    expect(bike.costs).toEqual({ fixed: 0, perTaskTime: 0, perTravelTime: 0.5, perDistance: 0 });
    expect(van.profile).toBeUndefined();
    expect(bike).toMatchObject({ profile: 'bike', type: 'bike', maxTravelTime: 20000, maxDistance: 60000 });
    expect(bike.end).toBeUndefined();
    expect(Object.keys(p.profiles!)).toEqual(['bike']);
    expect((p.profiles!.bike as MatrixTravel).durations[1]).toBe(1028);
    expect(p.shipments!.map((s) => s.id)).toEqual(['p201-d202', 'p203-d101']);
    // a delivery may reuse a job's id (VROOM's ids are per type)
    expect(p.shipments![1].delivery.id).toBe(101);
  });

  it('speed_factor becomes the factor VROOM applies (hundredths of a second)', () => {
    const p = fromVroom(tiny({ vehicles: [{ id: 1, start_index: 0, capacity: [4], speed_factor: 1.5 }] }));
    expect(p.vehicles[0].speedFactor).toBeCloseTo(100 / 67, 12);
  });

  it('a costs matrix replaces per_hour and per_km', () => {
    const p = fromVroom(vroomFixture('costs-matrix.json'));
    expect((p.travel as MatrixTravel).costs).toBeDefined();
    expect(p.vehicles[0].costs).toEqual({ fixed: 100 + 600, perTaskTime: 1 });
    expect(p.vehicles[1].costs).toEqual({ fixed: 0, perTaskTime: 1200 / 3600 });
  });

  it('deprecated keys: job amount is the delivery; top-level matrix is the car durations', () => {
    const doc = tiny();
    delete (doc as any).matrices;
    (doc as any).matrix = [[0, 5, 6], [5, 0, 7], [6, 7, 0]];
    (doc.jobs[0] as any) = { id: 1, location_index: 1, amount: [3] };
    const p = fromVroom(doc);
    expect(p.jobs[0].delivery).toEqual([3]);
    expect((p.travel as MatrixTravel).durations).toEqual([0, 5, 6, 5, 0, 7, 6, 7, 0]);
  });

  it('matrices larger than needed are cropped to the smallest; coordinates next to indices are kept', () => {
    const doc = tiny();
    doc.matrices.car.durations = [[0, 1, 2, 3], [1, 0, 4, 5], [2, 4, 0, 6], [3, 5, 6, 0]];
    (doc.matrices.car as any).distances = [[0, 10, 20], [10, 0, 40], [20, 40, 0]];
    (doc.jobs[0] as any).location = [1.5, 42.5];
    const p = fromVroom(doc);
    const t = p.travel as MatrixTravel;
    expect(t.size).toBe(3);
    expect(t.durations).toEqual([0, 1, 2, 1, 0, 4, 2, 4, 0]);
    expect(p.jobs[0].data).toEqual({ vroom: { location: [1.5, 42.5], location_index: 1 } });
  });

  it('coordinates: with a road network the matrices come from it, rounded to whole seconds and metres', () => {
    const doc = vroomFixture('coordinates-technicians.json');
    const calls: number[] = [];
    const network = {
      travelMatrix(points: unknown[]) {
        calls.push(points.length);
        const n = points.length;
        return { durations: new Float64Array(n * n).fill(12.5), distances: new Float64Array(n * n).fill(99.4) };
      },
    };
    const p = fromVroom(doc, { network });
    expect(calls).toEqual([9]); // P0, P15 and P1…P7 (two jobs share P5)
    const t = p.travel as MatrixTravel;
    expect(t.durations[1]).toBe(13);
    expect(t.distances![1]).toBe(99);
  });
});

describe('fromVroom: coordinates beyond the dense limit', () => {
  it('above 2,000 distinct points the great-circle travel stays on demand (no n² matrices)', () => {
    const jobs = Array.from({ length: 2000 }, (_, j) => ({ id: j, location: [1.5 + (j % 50) * 1e-3, 42.5 + Math.floor(j / 50) * 1e-3] }));
    const p = fromVroom({ vehicles: [{ id: 1, start: [1.4, 42.4] }], jobs });
    expect(p.travel).toMatchObject({ type: 'haversine', speed: 10 });
    expect((p.travel as { coordinates: unknown[] }).coordinates).toHaveLength(2001);
    const small = fromVroom({ vehicles: [{ id: 1, start: [1.4, 42.4] }], jobs: jobs.slice(0, 1999) });
    expect(small.travel.type).toBe('matrix');
  });
});

describe('fromVroom: every problem reported with its VROOM pointer', () => {
  it.each<[string, (d: any) => void, string, string]>([
    ['vehicle steps (plan mode) are not supported', (d) => (d.vehicles[0].steps = [{ type: 'start' }]), 'unsupported', '/vehicles/0/steps'],
    ['a field that is not VROOM API (a typo VROOM would ignore)', (d) => (d.jobs[0].time_window = [0, 10]), 'unknown-field', '/jobs/0/time_window'],
    ['an unknown root key', (d) => (d.options = { g: true }), 'unknown-field', '/options'],
    ['an unknown cost key', (d) => (d.vehicles[0].costs = { per_minute: 1 }), 'unknown-field', '/vehicles/0/costs/per_minute'],
    ['a job id that is not an unsigned integer', (d) => (d.jobs[0].id = 'a'), 'type', '/jobs/0/id'],
    ['a duplicate job id', (d) => (d.jobs[1].id = 1), 'duplicate-id', '/jobs/1/id'],
    ['a missing location index with matrices', (d) => delete d.jobs[1].location_index, 'required', '/jobs/1/location_index'],
    ['a location index outside the matrix', (d) => (d.jobs[1].location_index = 5), 'location', '/jobs/1/location_index'],
    ['an amount of another length', (d) => (d.jobs[0].delivery = [1, 2]), 'dimension', '/jobs/0/delivery'],
    ['a second vehicle without capacity', (d) => d.vehicles.push({ id: 2, start_index: 0 }), 'dimension', '/vehicles/1/capacity'],
    ['a vehicle without start and end', (d) => d.vehicles.push({ id: 2, capacity: [1] }), 'required', '/vehicles/1/start'],
    ['a window that starts after it ends', (d) => (d.jobs[0].time_windows = [[10, 5]]), 'time-window', '/jobs/0/time_windows/0'],
    ['overlapping windows', (d) => (d.jobs[0].time_windows = [[50, 80], [0, 50]]), 'time-window', '/jobs/0/time_windows/0'],
    ['empty time windows', (d) => (d.jobs[0].time_windows = []), 'time-window', '/jobs/0/time_windows'],
    ['a priority above 100', (d) => (d.jobs[0].priority = 101), 'range', '/jobs/0/priority'],
    ['a negative service', (d) => (d.jobs[0].service = -1), 'negative', '/jobs/0/service'],
    ['a fractional setup', (d) => (d.jobs[0].setup = 1.5), 'not-integer', '/jobs/0/setup'],
    ['an empty vehicle type in service_per_type', (d) => (d.jobs[0].service_per_type = { '': 3 }), 'type', '/jobs/0/service_per_type/'],
    ['a speed factor above 5', (d) => (d.vehicles[0].speed_factor = 6), 'range', '/vehicles/0/speed_factor'],
    ['duplicate break ids', (d) => (d.vehicles[0].breaks = [{ id: 1 }, { id: 1 }]), 'duplicate-id', '/vehicles/0/breaks/1/id'],
    ['a break max_load of another length', (d) => (d.vehicles[0].breaks = [{ id: 1, max_load: [1, 1] }]), 'dimension', '/vehicles/0/breaks/0/max_load'],
    ['per_hour with a costs matrix', (d) => {
      d.matrices.car.costs = d.matrices.car.durations;
      d.vehicles[0].costs = { per_hour: 100 };
    }, 'conflict', '/vehicles/0/costs/per_hour'],
    ['per_km without distances', (d) => (d.vehicles[0].costs = { per_km: 5 }), 'required', '/vehicles/0/costs/per_km'],
    ['a profile without matrices', (d) => (d.vehicles[0].profile = 'bike'), 'required', '/vehicles/0/profile'],
    ['a matrix that is not square', (d) => (d.matrices.car.durations[1] = [1, 2]), 'matrix-size', '/matrices/car/durations/1'],
    ['a negative matrix entry', (d) => (d.matrices.car.durations[2][1] = -3), 'type', '/matrices/car/durations/2/1'],
    ['distances without durations', (d) => (d.matrices.bike = { distances: [[0]] }), 'required', '/matrices/bike/durations'],
    ['both matrix and matrices', (d) => (d.matrix = [[0]]), 'conflict', '/matrix'],
    ['location_index without matrices', (d) => {
      delete d.matrices;
      d.jobs[0].location = [1, 42];
    }, 'location', '/jobs/0/location_index'],
    ['coordinates out of range', (d) => {
      delete d.matrices;
      d.vehicles[0] = { id: 1, start: [48.7, 2.3], capacity: [4] };
      d.jobs = [{ id: 1, location: [2.3, 148.7], delivery: [1] }];
    }, 'location', '/jobs/0/location'],
    ['a shipment without delivery', (d) => (d.shipments = [{ pickup: { id: 1, location_index: 1 } }]), 'required', '/shipments/0/delivery'],
    ['duplicate pickup ids', (d) => (d.shipments = [1, 2].map(() => ({ pickup: { id: 7, location_index: 1 }, delivery: { id: 8, location_index: 2 } }))), 'duplicate-id', '/shipments/1/pickup/id'],
    ['a job id above 2^53', (d) => (d.jobs[0].id = 2 ** 60), 'range', '/jobs/0/id'],
  ])('%s', (_name, mutate, code, pointer) => {
    const doc = tiny();
    mutate(doc);
    expect(issuesOf(doc)).toContainEqual([code, pointer]);
  });

  it('lists every problem at once', () => {
    const doc: any = tiny();
    doc.jobs[0].time_window = [0, 1];
    doc.jobs[1].priority = 200;
    doc.vehicles[0].steps = [];
    const found = issuesOf(doc);
    expect(found).toEqual(expect.arrayContaining([
      ['unknown-field', '/jobs/0/time_window'],
      ['range', '/jobs/1/priority'],
      ['unsupported', '/vehicles/0/steps'],
    ]));
  });

  it("reports the model's findings under the VROOM names of the fields", () => {
    // A delivery that can never be on time is an input error of the model (docs/semantics.md, "Shipments").
    const doc: any = tiny({
      shipments: [{ pickup: { id: 1, location_index: 1, time_windows: [[100, 200]] }, delivery: { id: 2, location_index: 2, time_windows: [[0, 50]] } }],
    });
    expect(issuesOf(doc)).toContainEqual(['time-window', '/shipments/0/delivery/time_windows']);
  });

  it('vroomError renames the fields of a solver error', () => {
    const p = fromVroom(vroomFixture('shipments-skills-breaks.json'));
    const e = vroomError(p, new VrpkitError('unsupported', 'no', '/vehicles/1/costs/perTravelTime'));
    expect(e.pointer).toBe('/vehicles/1/costs/per_hour');
    expect(vroomError(p, new VrpkitError('x', 'y', '/jobs/2/location')).pointer).toBe('/jobs/2/location_index');
    expect(vroomError(p, new VrpkitError('x', 'y', '/vehicles/0/breaks/1/duration')).pointer).toBe('/vehicles/0/breaks/1/service');
    expect(vroomError(p, new VrpkitError('x', 'y', '/shipments/0/pickup/timeWindows')).pointer).toBe('/shipments/0/pickup/time_windows');
    const c = fromVroom(vroomFixture('example_1.json'));
    expect(vroomError(c, new VrpkitError('x', 'y', '/vehicles/1/start')).pointer).toBe('/vehicles/1/start');
  });
});

describe('looksLikeVroomProblem', () => {
  it('accepts the VROOM fixtures', () => {
    for (const f of ['example_1.json', 'example_2.json', 'shipments-skills-breaks.json', 'coordinates-technicians.json', 'costs-matrix.json', 'depot-distances.json']) {
      expect(looksLikeVroomProblem(vroomFixture(f)), f).toBe(true);
    }
    // ids and locations only: no route file can do without travel
    expect(looksLikeVroomProblem({ vehicles: [{ id: 1, start: [1, 2] }], jobs: [{ id: 1, location: [1, 3] }] })).toBe(true);
  });

  it('rejects route files, also one that lacks its travel', () => {
    for (const f of ['city-deliveries.json', 'andorra-deliveries.json']) {
      const doc = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', f), 'utf8'));
      expect(looksLikeVroomProblem(doc), f).toBe(false);
      delete doc.travel;
      expect(looksLikeVroomProblem(doc), `${f} without travel`).toBe(false);
    }
    expect(looksLikeVroomProblem([])).toBe(false);
    expect(looksLikeVroomProblem({ jobs: [] })).toBe(false);
  });
});
