import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactJson, solutionToJson } from '../../src/io/solution.js';
import { solutionJsonText } from '../../src/io/solution-text.js';
import { solve } from '../../src/solver/index.js';
import type { Problem, Route, Solution, Step, Unassigned } from '../../src/model/types.js';

/** What `vrpkit solve` printed before the direct writer: the definition. */
const definition = (s: Solution) => compactJson(solutionToJson(s), ['summary', 'stats', 'kpis']);

const number = fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ noNaN: false }), fc.constantFrom(Infinity, -Infinity, NaN, -0, 1e21, 5e-324, 0.1 + 0.2));
const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a{b', 'x]', '[', 'q"uote', 'back\\slash', 'new\nline', 'null', '😀', 'time-window'));
const id = fc.oneof(fc.integer({ min: 0, max: 99 }), text);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const location = fc.oneof(fc.nat(50), fc.tuple(number, number));
const amounts = fc.array(number, { maxLength: 3 });

const step: fc.Arbitrary<Step> = fc.record(
  {
    type: fc.constantFrom('start', 'job', 'pickup', 'delivery', 'break', 'end'),
    id: maybe(id),
    shipment: maybe(id),
    location: maybe(location),
    arrival: number,
    waiting: number,
    serviceStart: number,
    setup: maybe(number),
    departure: number,
    load: amounts,
    distance: number,
  },
  { requiredKeys: ['type', 'arrival', 'waiting', 'serviceStart', 'departure', 'load', 'distance'] },
) as fc.Arbitrary<Step>;

const route: fc.Arbitrary<Route> = fc.record(
  {
    vehicle: id,
    cost: number,
    distance: number,
    duration: number,
    waiting: number,
    service: number,
    setup: maybe(number),
    travelTime: maybe(number),
    breakDuration: maybe(number),
    priority: maybe(number),
    delivery: amounts,
    pickup: amounts,
    steps: fc.array(step, { minLength: 0, maxLength: 4 }),
  },
  { requiredKeys: ['vehicle', 'cost', 'distance', 'duration', 'waiting', 'service', 'delivery', 'pickup', 'steps'] },
) as fc.Arbitrary<Route>;

const unassigned: fc.Arbitrary<Unassigned> = fc.record(
  { id, type: maybe(fc.constantFrom('job', 'shipment')), pickup: maybe(id), delivery: maybe(id), reason: text, message: maybe(text) },
  { requiredKeys: ['id', 'reason'] },
) as fc.Arbitrary<Unassigned>;

const solution: fc.Arbitrary<Solution> = fc.record(
  {
    summary: fc.dictionary(fc.oneof(fc.constantFrom('cost', 'routes', 'delivery', 'unassigned'), text), fc.oneof(number, amounts, fc.constant(undefined)), { maxKeys: 5 }),
    routes: fc.array(route, { maxLength: 3 }),
    unassigned: fc.array(unassigned, { maxLength: 3 }),
    status: maybe(fc.constantFrom('completed', 'time-limit', 'aborted')),
    stats: maybe(fc.dictionary(fc.constantFrom('iterations', 'elapsedMs', 'zones'), number, { maxKeys: 3 })),
  },
  { requiredKeys: ['summary', 'routes', 'unassigned'] },
) as unknown as fc.Arbitrary<Solution>;

describe('solutionJsonText (the direct writer of vrpkit solve)', () => {
  it('writes exactly the text of compactJson(solutionToJson(…)), or declines (property)', () => {
    let written = 0;
    fc.assert(
      fc.property(solution, (s) => {
        const direct = solutionJsonText(s);
        if (direct === undefined) return;
        written++;
        expect(direct).toBe(definition(s));
      }),
      { numRuns: 3000 },
    );
    // the property is not vacuous: most random solutions are in the covered shapes
    expect(written).toBeGreaterThan(500);
  });

  it('declines the shapes it does not cover: braces or brackets in a string, a nested summary object, a route without steps', () => {
    const base: Solution = {
      summary: { cost: 1, routes: 1, unassigned: 0, distance: 1, duration: 1, waiting: 0, service: 0, delivery: [1], pickup: [0], priority: 0 },
      routes: [{ vehicle: 'v', cost: 1, distance: 1, duration: 1, waiting: 0, service: 0, delivery: [1], pickup: [0], steps: [{ type: 'start', arrival: 0, waiting: 0, serviceStart: 0, departure: 0, load: [1], distance: 0 }] }],
      unassigned: [{ id: 1, reason: 'capacity', message: 'too big' }],
    };
    expect(solutionJsonText(base)).toBe(definition(base));
    expect(solutionJsonText({ ...base, unassigned: [{ id: 1, reason: 'capacity', message: 'no room [x]' }] })).toBeUndefined();
    expect(solutionJsonText({ ...base, summary: { ...base.summary, objective: { type: 'cost', score: [1] } } as Solution['summary'] })).toBeUndefined();
    expect(solutionJsonText({ ...base, routes: [{ ...base.routes[0], steps: [] }] })).toBeUndefined();
  });

  it('writes a solver plan as compactJson does', async () => {
    const problem: Problem = {
      jobs: Array.from({ length: 30 }, (_, i) => ({ id: i + 1, location: i + 1, delivery: [1 + (i % 3)], timeWindows: [[0, 400 + 10 * i]], serviceDuration: 5 })),
      vehicles: [{ id: 'v1', start: 0, end: 0, capacity: [20] }, { id: 'v2', start: 0, end: 0, capacity: [20] }],
      travel: { type: 'euclidean', coordinates: Array.from({ length: 31 }, (_, i) => [(i * 37) % 100, (i * 53) % 100] as [number, number]) },
    };
    const s = await solve(problem, { maxIterations: 30, seed: 1 });
    expect(solutionJsonText(s)).toBe(definition(s));
  });
});
