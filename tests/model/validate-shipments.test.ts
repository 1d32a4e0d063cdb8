import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateProblem } from '../../src/model/validate.js';

/** A valid problem with one job and two shipments on a 4-location matrix (durations = |i − j| × 10). */
function valid(): any {
  const size = 4;
  const durations = Array.from({ length: size * size }, (_, k) => 10 * Math.abs(Math.floor(k / size) - (k % size)));
  return {
    travel: { type: 'matrix', size, durations },
    vehicles: [{ id: 'v', start: 0, end: 0, capacity: [10, 3] }],
    jobs: [{ id: 'j1', location: 1, delivery: [1, 0] }],
    shipments: [
      {
        id: 's1',
        amount: [2, 1],
        pickup: { id: 'p1', location: 1, serviceDuration: 5, timeWindows: [[0, 50]] },
        delivery: { id: 'd1', location: 3, timeWindows: [[10, 100]] },
        allowedVehicles: ['v'],
        data: { note: 'anything' },
      },
      { id: 's2', pickup: { location: 2 }, delivery: { location: 2 } },
    ],
  };
}

const issuesOf = (input: unknown) => validateProblem(input).map((i) => [i.code, i.pointer]);

describe('validateProblem: shipments', () => {
  it('accepts a valid problem with shipments', () => {
    expect(issuesOf(valid())).toEqual([]);
  });

  it('missing and malformed stops', () => {
    const p = valid();
    delete p.shipments[0].delivery;
    delete p.shipments[1].pickup.location;
    p.shipments.push({ id: 's3', pickup: 5, delivery: { location: 9 } });
    expect(issuesOf(p)).toEqual([
      ['required', '/shipments/0/delivery'],
      ['required', '/shipments/1/pickup/location'],
      ['type', '/shipments/2/pickup'],
      ['location', '/shipments/2/delivery/location'],
    ]);
    expect(issuesOf({ ...valid(), shipments: {} })).toEqual([['type', '/shipments']]);
    expect(issuesOf({ ...valid(), shipments: [null] })).toEqual([['type', '/shipments/0']]);
  });

  it('amounts: dimension mismatch, negative, non-integer', () => {
    const p = valid();
    p.shipments[0].amount = [2];
    p.shipments[1].amount = [-1, 1.5];
    expect(issuesOf(p)).toEqual([
      ['negative', '/shipments/1/amount/0'],
      ['not-integer', '/shipments/1/amount/1'],
      ['dimension', '/shipments/0/amount'],
    ]);
  });

  it('ids: one space for jobs and shipments (as strings); stop ids unique per kind, defaulting to the shipment id', () => {
    const p = valid();
    p.shipments[1].id = 'j1';
    expect(issuesOf(p)).toEqual([['duplicate-id', '/shipments/1/id']]);
    const q = valid();
    q.jobs[0].id = 7;
    q.shipments[1].id = '7';
    expect(issuesOf(q)).toEqual([['duplicate-id', '/shipments/1/id']]);
    const r = valid();
    r.shipments[1].pickup.id = 'p1'; // clashes with s1's pickup
    r.shipments[1].delivery.id = 'p1'; // a delivery may share an id with a pickup
    expect(issuesOf(r)).toEqual([['duplicate-id', '/shipments/1/pickup/id']]);
    const s = valid();
    s.shipments[0].delivery.id = 's2'; // s2's delivery has no id: its stop id is 's2'
    expect(issuesOf(s)).toEqual([['duplicate-id', '/shipments/1/id']]);
    const t = valid();
    t.shipments[0].pickup.id = { x: 1 };
    expect(issuesOf(t)).toEqual([['type', '/shipments/0/pickup/id']]);
  });

  it('fields: unknown fields, service, windows, allowedVehicles', () => {
    const p = valid();
    p.shipments[0].pickup.timewindows = [];
    p.shipments[0].delivery.serviceDuration = -1;
    p.shipments[1].delivery.timeWindows = [[5, 1]];
    p.shipments[1].allowedVehicles = ['w'];
    p.shipments[1].priority2 = 1;
    expect(issuesOf(p)).toEqual([
      ['unknown-field', '/shipments/0/pickup/timewindows'],
      ['negative', '/shipments/0/delivery/serviceDuration'],
      ['unknown-field', '/shipments/1/priority2'],
      ['time-window', '/shipments/1/delivery/timeWindows/0'],
      ['unknown-vehicle', '/shipments/1/allowedVehicles/0'],
    ]);
  });

  it('a delivery window closing before the earliest pickup + service + travel is an input error', () => {
    // pickup at 1 opens at 0, service 5; travel 1 → 3 is 20: the delivery cannot start before 25.
    const p = valid();
    p.shipments[0].delivery.timeWindows = [[0, 24]];
    expect(issuesOf(p)).toEqual([['time-window', '/shipments/0/delivery/timeWindows']]);
    p.shipments[0].delivery.timeWindows = [[0, 10], [20, 25]];
    expect(issuesOf(p)).toEqual([]);
    // Without pickup windows the pickup can happen at any time: never an input error.
    delete p.shipments[0].pickup.timeWindows;
    p.shipments[0].delivery.timeWindows = [[-100, -50]];
    expect(issuesOf(p)).toEqual([]);
    // Euclidean travel too.
    const e = { ...valid(), travel: { type: 'euclidean', coordinates: [[0, 0], [10, 0], [20, 0], [30, 0]] } };
    e.shipments[0].delivery.timeWindows = [[0, 24]];
    expect(issuesOf(e)).toEqual([['time-window', '/shipments/0/delivery/timeWindows']]);
  });

  it('property: the window rule is exactly lastEnd < pickup start + service + travel', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 }), (a, s, from, to, end) => {
        const p = valid();
        p.shipments = [{ id: 'x', pickup: { location: from, serviceDuration: s, timeWindows: [[a, a + 10]] }, delivery: { location: to, timeWindows: [[0, end]] } }];
        const bad = end < a + s + 10 * Math.abs(from - to);
        expect(issuesOf(p)).toEqual(bad ? [['time-window', '/shipments/0/delivery/timeWindows']] : []);
      }),
      { numRuns: 300 },
    );
  });
});
