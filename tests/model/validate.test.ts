import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertProblem, validateProblem } from '../../src/model/validate.js';
import { isVrpkitError } from '../../src/core/errors.js';
import { checkSolution } from '../../src/model/check.js';

/** A small valid problem touching every field. */
function valid(): any {
  return {
    name: 'tiny',
    travel: { type: 'matrix', size: 3, durations: [0, 1, 2, 1, 0, 1, 2, 1, 0], distances: [0, 2, 4, 2, 0, 2, 4, 2, 0] },
    vehicles: [
      { id: 'v1', start: 0, end: 0, capacity: [10, 5], shift: [0, 100], costs: { fixed: 5, perDistance: 1, perDuration: 0 }, maxDuration: 50, maxDistance: 80, data: { anything: [1] } },
      { id: 2, start: 0, capacity: [10, 5] },
    ],
    jobs: [
      { id: 'a', location: 1, delivery: [1, 0], pickup: [0, 2], serviceDuration: 3, timeWindows: [[0, 10], [20, 30]], releaseTime: 0, dispatchDeadline: 5, allowedVehicles: ['v1', 2], preferredVehicle: 'v1', reassignmentPenalty: 10, data: { timewindows: 'free text' } },
      { id: 1, location: 2 },
      { id: '01', location: 2, delivery: [0, 0] },
    ],
  };
}

const issuesOf = (input: unknown) => validateProblem(input).map((i) => [i.code, i.pointer]);

/** Resolves a JSON pointer in `doc`; true when it or its parent exists. */
function resolvesOrParent(doc: unknown, ptr: string): boolean {
  if (ptr === '') return true;
  const tokens = ptr.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: any = doc;
  for (let k = 0; k < tokens.length; k++) {
    const last = k === tokens.length - 1;
    if (node === null || typeof node !== 'object') return false;
    if (!Object.prototype.hasOwnProperty.call(node, tokens[k]) && !(ArrayBuffer.isView(node) && Number(tokens[k]) < (node as any).length)) {
      return last; // the parent exists: fine for a missing required field
    }
    node = node[tokens[k]];
  }
  return true;
}

describe('validateProblem: exact cases', () => {
  it('accepts a valid problem with every field', () => {
    expect(validateProblem(valid())).toEqual([]);
    expect(assertProblem(valid()).jobs).toHaveLength(3);
  });

  it('rejects non-objects and missing parts', () => {
    expect(issuesOf(null)).toEqual([['type', '']]);
    expect(issuesOf([])).toEqual([['type', '']]);
    expect(issuesOf({})).toEqual([
      ['required', '/travel'],
      ['required', '/vehicles'],
      ['required', '/jobs'],
    ]);
  });

  it('accepts edge values the quick acceptance tests pass, and reports the rest with field pointers and messages', () => {
    // the validator builds a pointer only for a field with an issue: the quick tests must accept exactly what the full checks
    // accept (these issues are the ones the validator gave before the quick tests existed)
    const ok = valid();
    ok.jobs[0].timeWindows = [[-Infinity, -0], [0, Infinity]];
    ok.jobs[1].serviceDuration = -0;
    ok.jobs[2].location = -0;
    ok.vehicles[0].shift = [-Infinity, Infinity];
    ok.vehicles[0].start = 2;
    expect(issuesOf(ok)).toEqual([]);
    const p = valid();
    p.jobs[0].timeWindows = [[Infinity, Infinity], [1, -Infinity], [NaN, 3], [5, 4], [1, 2, 3], '[1,2]'];
    p.jobs[1].serviceDuration = -1e-9;
    p.jobs[1].id = Infinity;
    p.jobs[2].id = { id: 1 };
    p.jobs[2].location = 3;
    p.jobs[2].delivery = [Infinity, '1'];
    p.vehicles[0].shift = [NaN, 1];
    p.vehicles[0].start = 2.5;
    p.vehicles[0].end = [0, 0];
    p.vehicles[1].id = NaN;
    expect(validateProblem(p).map((i) => [i.code, i.pointer, i.message])).toEqual([
      ['not-integer', '/vehicles/0/start', 'a location index must be an integer, got 2.5'],
      ['location', '/vehicles/0/end', 'matrix travel needs location indices, got a coordinate pair [0, 0]'],
      ['not-finite', '/vehicles/0/shift/0', 'the shift start must be a number, got NaN'],
      ['not-finite', '/vehicles/1/id', 'a vehicle id must be a string or a finite number, got NaN'],
      ['not-finite', '/jobs/0/timeWindows/0/0', 'time window 0 start must be a number, got Infinity'],
      ['not-finite', '/jobs/0/timeWindows/1/1', 'time window 1 end must be a number, got -Infinity'],
      ['not-finite', '/jobs/0/timeWindows/2/0', 'time window 2 start must be a number, got NaN'],
      ['time-window', '/jobs/0/timeWindows/3', 'time window 3 starts after it ends: [5, 4]'],
      ['type', '/jobs/0/timeWindows/4', 'time window 4 must be a pair [start, end], got [1, 2, 3]'],
      ['type', '/jobs/0/timeWindows/5', 'time window 5 must be a pair [start, end], got "[1,2]"'],
      ['unknown-vehicle', '/jobs/0/allowedVehicles/1', 'allowedVehicles names vehicle 2, which does not exist'],
      ['not-finite', '/jobs/1/id', 'a job id must be a string or a finite number, got Infinity'],
      ['negative', '/jobs/1/serviceDuration', 'serviceDuration must not be negative, got -1e-9'],
      ['type', '/jobs/2/id', 'a job id must be a string or a number, got an object'],
      ['location', '/jobs/2/location', 'location 3 is out of range: the matrix has indices 0..2'],
      ['not-finite', '/jobs/2/delivery/0', 'delivery[0] must be a finite number, got Infinity'],
      ['type', '/jobs/2/delivery/1', 'delivery[1] must be a number, got "1"'],
    ]);
  });

  it('reports every problem at once, with pointers', () => {
    const p = valid();
    p.jobs[0].timewindows = [[0, 1]]; // typo
    p.jobs[0].delivery = [1.5, -1];
    p.jobs[1].serviceDuration = NaN;
    p.jobs[2].location = 7;
    p.jobs[2].id = 'a';
    p.vehicles[1].capacity = [3];
    p.vehicles[0].shift = [10, 5];
    p.vehicles[0].costs.perDistance = -1;
    expect(issuesOf(p)).toEqual([
      ['time-window', '/vehicles/0/shift'],
      ['negative', '/vehicles/0/costs/perDistance'],
      ['unknown-field', '/jobs/0/timewindows'],
      ['not-integer', '/jobs/0/delivery/0'],
      ['negative', '/jobs/0/delivery/1'],
      ['not-finite', '/jobs/1/serviceDuration'],
      ['duplicate-id', '/jobs/2/id'],
      ['location', '/jobs/2/location'],
      ['dimension', '/vehicles/1/capacity'],
    ]);
    const typo = validateProblem(p).find((i) => i.code === 'unknown-field')!;
    expect(typo.message).toMatch(/did you mean "timeWindows"/);
    try {
      assertProblem(p);
      expect.unreachable();
    } catch (e) {
      expect(isVrpkitError(e)).toBe(true);
      expect((e as any).issues).toHaveLength(9);
      expect((e as any).code).toBe('time-window');
    }
  });

  it('time windows: start > end, unsorted, overlapping, empty; touching is fine', () => {
    const p = valid();
    p.jobs[0].timeWindows = [[5, 1]];
    p.jobs[1].timeWindows = [[20, 30], [0, 10]];
    p.jobs[2].timeWindows = [[0, 10], [5, 15], [15, 20]];
    expect(issuesOf(p)).toEqual([
      ['time-window', '/jobs/0/timeWindows/0'],
      ['time-window', '/jobs/1/timeWindows/1'],
      ['time-window', '/jobs/2/timeWindows/1'],
    ]);
    p.jobs[0].timeWindows = [];
    p.jobs[1].timeWindows = [[0, 10], [10, 20]];
    p.jobs[2].timeWindows = [[-Infinity, Infinity]];
    expect(issuesOf(p)).toEqual([['empty', '/jobs/0/timeWindows']]);
  });

  it('pointers kept for later messages (amount dimensions, first use of an order id) name the field', () => {
    const p = valid();
    p.jobs[1].pickup = [1, 2, 3];
    p.jobs[2].delivery = [1, 2, 3];
    p.shipments = [{ id: 'a', pickup: { location: 1 }, delivery: { location: 2 } }];
    const issues = validateProblem(p);
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([
      ['duplicate-id', '/shipments/0/id'],
      ['dimension', '/jobs/1/pickup'],
      ['dimension', '/jobs/2/delivery'],
    ]);
    expect(issues[0].message).toBe('shipment id "a" is already used at /jobs/0/id (jobs and shipments share one id space; ids compare as strings)');
    expect(issues.every((i) => typeof i.pointer === 'string')).toBe(true);
  });

  it('release time after dispatch deadline', () => {
    const p = valid();
    p.jobs[0].releaseTime = 9;
    expect(issuesOf(p)).toEqual([['time-window', '/jobs/0/dispatchDeadline']]);
  });

  it('ids: duplicates among jobs and among vehicles; bad types', () => {
    const p = valid();
    p.vehicles[1].id = 'v1';
    p.jobs[1].id = { x: 1 };
    expect(issuesOf(p)).toEqual([
      ['duplicate-id', '/vehicles/1/id'],
      ['unknown-vehicle', '/jobs/0/allowedVehicles/1'],
      ['type', '/jobs/1/id'],
    ]);
  });

  it('ids compare as strings: 1 and "1" clash (jobs, vehicles); "01" and 1 do not; references resolve by string', () => {
    const p = valid();
    p.jobs[2].id = '1';
    p.vehicles[1].id = '2';
    p.jobs[0].allowedVehicles = ['v1', 2];
    p.jobs[0].preferredVehicle = '2';
    expect(issuesOf(p)).toEqual([['duplicate-id', '/jobs/2/id']]);
    const q = valid();
    q.vehicles.push({ id: '2' });
    expect(issuesOf(q)).toEqual([['duplicate-id', '/vehicles/2/id']]);
    expect(issuesOf(valid())).toEqual([]);
  });

  it('allowedVehicles and preferredVehicle must name existing vehicles', () => {
    const p = valid();
    p.jobs[0].allowedVehicles = ['v1', '3'];
    p.jobs[0].preferredVehicle = 'v9';
    expect(issuesOf(p)).toEqual([
      ['unknown-vehicle', '/jobs/0/allowedVehicles/1'],
      ['unknown-vehicle', '/jobs/0/preferredVehicle'],
    ]);
  });

  it('no vehicle at all', () => {
    const p = valid();
    p.vehicles = [];
    p.jobs[0].allowedVehicles = undefined;
    delete p.jobs[0].allowedVehicles;
    delete p.jobs[0].preferredVehicle;
    expect(issuesOf(p)).toEqual([['empty', '/vehicles']]);
  });

  it('matrix size mismatch and bad entries (only the first few listed)', () => {
    const p = valid();
    p.travel.durations = [0, 1, 2, 1, 0, 1, 2, 1];
    p.travel.distances = new Float64Array(9).fill(-1);
    p.travel.distances[0] = NaN;
    const got = issuesOf(p);
    expect(got).toEqual([
      ['matrix-size', '/travel/durations'],
      ['not-finite', '/travel/distances/0'],
      ['negative', '/travel/distances/1'],
      ['negative', '/travel/distances/2'],
      ['negative', '/travel/distances/3'],
      ['negative', '/travel/distances/4'],
      ['not-finite', '/travel/distances'],
    ]);
    const big = valid();
    big.travel = { type: 'matrix', size: 1000, durations: new Float64Array(1_000_000).fill(NaN) };
    big.jobs = [{ id: 1, location: 999 }];
    big.vehicles = [{ id: 1, start: 1000 }];
    expect(issuesOf(big)).toEqual([
      ['not-finite', '/travel/durations/0'],
      ['not-finite', '/travel/durations/1'],
      ['not-finite', '/travel/durations/2'],
      ['not-finite', '/travel/durations/3'],
      ['not-finite', '/travel/durations/4'],
      ['not-finite', '/travel/durations'],
      ['location', '/vehicles/0/start'],
    ]);
  });

  it('locations under each travel type', () => {
    const eu = { travel: { type: 'euclidean', coordinates: [[0, 0], [1, 1]] }, vehicles: [{ id: 1, start: [5, 5] }], jobs: [] as any[] };
    eu.jobs = [
      { id: 1, location: 2 },
      { id: 2, location: [1, 'x'] },
      { id: 3, location: -1 },
      { id: 4, location: 0.5 },
      { id: 5, location: 'depot' },
      { id: 6, location: [500, 500] },
    ];
    expect(issuesOf(eu)).toEqual([
      ['location', '/jobs/0/location'],
      ['location', '/jobs/1/location'],
      ['location', '/jobs/2/location'],
      ['not-integer', '/jobs/3/location'],
      ['type', '/jobs/4/location'],
    ]);
    const hv = { travel: { type: 'haversine', speed: 0, rounding: 'round' }, vehicles: [{ id: 1, start: [8.6, 41.1] }], jobs: [{ id: 1, location: [500, 500] }, { id: 2, location: [-8.6, 41.1] }] };
    expect(issuesOf(hv)).toEqual([
      ['range', '/travel/speed'],
      ['enum', '/travel/rounding'],
      ['location', '/jobs/0/location'],
    ]);
    const mx = { travel: { type: 'matrix', size: 2, durations: [0, 1, 1, 0] }, vehicles: [{ id: 1, start: [0, 0] }], jobs: [{ id: 1, location: 1 }] };
    expect(issuesOf(mx)).toEqual([['location', '/vehicles/0/start']]);
  });

  it('travel: unknown type, network without travelMatrix, unknown travel fields', () => {
    expect(issuesOf({ travel: { type: 'osrm' }, vehicles: [{ id: 1 }], jobs: [] })).toEqual([['enum', '/travel/type']]);
    const net = { travel: { type: 'network', network: {}, points: [17, 'n3', [8.6, 41.1], [999, 0], null] }, vehicles: [{ id: 1, start: 2 }], jobs: [{ id: 1, location: 5 }] };
    expect(issuesOf(net)).toEqual([
      ['type', '/travel/network'],
      ['location', '/travel/points/3'],
      ['location', '/travel/points/4'],
      ['location', '/jobs/0/location'],
    ]);
    const ok = { travel: { type: 'network', network: { travelMatrix: () => ({}) }, points: [1] }, vehicles: [{ id: 1, start: 0 }], jobs: [{ id: 1, location: [8.6, 41.1] }] };
    expect(issuesOf(ok)).toEqual([]);
    expect(issuesOf({ travel: { type: 'euclidean', size: 3 }, vehicles: [{ id: 1 }], jobs: [] })).toEqual([['unknown-field', '/travel/size']]);
  });

  it('fields set to undefined count as absent (objects built in code)', () => {
    const p = valid();
    p.jobs[1].timeWindows = undefined;
    p.jobs[1].serviceDuration = undefined;
    p.vehicles[1].shift = undefined;
    p.vehicles[1].typo = undefined;
    expect(validateProblem(p)).toEqual([]);
    p.jobs[1].location = undefined;
    expect(issuesOf(p)).toEqual([['required', '/jobs/1/location']]);
  });

  it('data is free-form: unknown fields inside it are not reported', () => {
    const p = valid();
    p.vehicles[0].data = { timewindows: 1, nested: { capacity: 'x' } };
    expect(validateProblem(p)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/** All paths (token lists) of a JSON-like value, depth-first. */
function paths(x: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(x)) x.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (x && typeof x === 'object' && [null, Object.prototype].includes(Object.getPrototypeOf(x))) for (const [k, v] of Object.entries(x)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const arbMutation = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'add'),
  value: fc.anything({ withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }),
  key: fc.string({ maxLength: 12 }),
});

function mutate(doc: any, m: { pick: number; kind: string; value: unknown; key: string }): any {
  const all = paths(doc);
  const path = all[m.pick % all.length];
  if (path.length === 0) return m.kind === 'replace' ? m.value : doc;
  let parent = doc;
  for (const t of path.slice(0, -1)) parent = parent[t];
  const last = path[path.length - 1];
  if (m.kind === 'replace') parent[last] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (parent[last] && typeof parent[last] === 'object' && !Array.isArray(parent[last])) {
    parent[last][m.key] = m.value;
  }
  return doc;
}

describe('validateProblem properties', () => {
  it('never throws on anything, and every pointer resolves to the input or its parent', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }), (x) => {
        const issues = validateProblem(x);
        expect(Array.isArray(issues)).toBe(true);
        for (const i of issues) expect(resolvesOrParent(x, i.pointer)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('mutated valid problems: never throws, pointers resolve, codes are from the documented table', () => {
    const table = new Set([
      'type', 'required', 'not-finite', 'negative', 'range', 'not-integer', 'enum', 'time-window', 'empty',
      'matrix-size', 'location', 'duplicate-id', 'dimension', 'unknown-vehicle', 'unknown-field', 'unknown-profile', 'conflict',
    ]);
    fc.assert(
      fc.property(fc.array(arbMutation, { minLength: 1, maxLength: 3 }), (ms) => {
        let doc = valid();
        for (const m of ms) doc = mutate(doc, m);
        const issues = validateProblem(doc);
        for (const i of issues) {
          expect(table.has(i.code)).toBe(true);
          expect(resolvesOrParent(doc, i.pointer)).toBe(true);
          expect(typeof i.message).toBe('string');
        }
        if (issues.length === 0) {
          // Valid means checkable: the checker resolves every location and evaluates any route.
          const all = { routes: [{ vehicle: doc.vehicles[0].id, steps: doc.jobs.map((j: any) => ({ type: 'job', id: j.id })) }] };
          const rep = checkSolution(doc, all);
          expect(rep.summary.assigned).toBe(doc.jobs.length);
          expect(Number.isNaN(rep.summary.cost)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('deleting a required field is always reported as required at that pointer', () => {
    const required = [['travel'], ['vehicles'], ['jobs'], ['travel', 'type'], ['jobs', 0, 'id'], ['jobs', 1, 'location'], ['vehicles', 0, 'id'], ['travel', 'durations'], ['travel', 'size']];
    for (const path of required) {
      const doc = valid();
      let parent = doc;
      for (const t of path.slice(0, -1)) parent = parent[t];
      delete parent[path[path.length - 1]];
      const ptr = '/' + path.join('/');
      expect(validateProblem(doc).some((i) => i.code === 'required' && i.pointer === ptr)).toBe(true);
    }
  });
});
