import { describe, expect, it } from 'vitest';
import { validateProblem } from '../../src/model/validate.js';

/** A valid problem using every constraint field. */
function valid(): any {
  return {
    travel: { type: 'matrix', size: 3, durations: [0, 1, 2, 1, 0, 1, 2, 1, 0] },
    profiles: {
      bike: { type: 'matrix', size: 3, durations: [0, 3, 6, 3, 0, 3, 6, 3, 0], costs: [0, 1, 1, 1, 0, 1, 1, 1, 0] },
      walk: { type: 'euclidean', coordinates: [[0, 0], [1, 0], [2, 0]] },
    },
    vehicles: [
      {
        id: 'v',
        start: 0,
        end: 0,
        capacity: [10],
        skills: ['fridge', 7],
        serviceRadius: 5,
        breaks: [{ id: 'lunch', timeWindows: [[10, 20], [30, 40]], duration: 5, maxLoad: [3], data: {} }, { id: 2 }],
        maxTasks: 10,
        maxTravelTime: 100,
        speedFactor: 1.5,
        type: 'van',
        costs: { fixed: 1, perDistance: 1, perDuration: 0, perTravelTime: 2, perTaskTime: 3 },
      },
      { id: 'b', start: 1, profile: 'bike', costs: { fixed: 5, perDuration: 1, perTaskTime: 1 } },
    ],
    jobs: [
      { id: 'a', location: 1, setupDuration: 2, serviceDurationPerType: { van: 3, truck: 0 }, setupDurationPerType: { van: 1 }, skills: ['fridge'], priority: 100 },
      { id: 'c', location: 2, priority: 0, skills: [] },
    ],
    shipments: [{ id: 's', skills: [7], priority: 50, pickup: { location: 1, setupDuration: 1, serviceDurationPerType: { van: 2 } }, delivery: { location: 2, setupDurationPerType: {} } }],
  };
}

const issuesOf = (input: unknown) => validateProblem(input).map((i) => [i.code, i.pointer]);

describe('validateProblem: constraint fields', () => {
  it('accepts every constraint field', () => {
    expect(issuesOf(valid())).toEqual([]);
  });

  it('skills and priority', () => {
    const p = valid();
    p.jobs[0].skills = 'fridge';
    p.jobs[1].skills = [null];
    p.jobs[0].priority = 101;
    p.jobs[1].priority = 1.5;
    p.shipments[0].priority = -1;
    p.vehicles[0].skills = [NaN];
    expect(issuesOf(p)).toEqual([
      ['not-finite', '/vehicles/0/skills/0'],
      ['type', '/jobs/0/skills'],
      ['range', '/jobs/0/priority'],
      ['type', '/jobs/1/skills/0'],
      ['not-integer', '/jobs/1/priority'],
      ['negative', '/shipments/0/priority'],
    ]);
  });

  it('setup and per-type durations', () => {
    const p = valid();
    p.jobs[0].setupDuration = -2;
    p.jobs[0].serviceDurationPerType = { van: -3 };
    p.shipments[0].pickup.setupDurationPerType = [1];
    expect(issuesOf(p)).toEqual([
      ['negative', '/jobs/0/setupDuration'],
      ['negative', '/jobs/0/serviceDurationPerType/van'],
      ['type', '/shipments/0/pickup/setupDurationPerType'],
    ]);
  });

  it('breaks: ids, windows (start > end is an input error), duration, maxLoad dimension', () => {
    const p = valid();
    p.vehicles[0].breaks = [
      { id: 'x', timeWindows: [[20, 10]] },
      { id: 'x', duration: -1 },
      { timeWindows: [] },
      { id: 'y', maxLoad: [1, 2], service: 3 },
      { id: 'z', timeWindows: [[0, 10], [5, 15]] },
      7,
    ];
    p.vehicles[1].capacity = [4]; // two 1-dimension vectors against one 2-dimension maxLoad
    expect(issuesOf(p)).toEqual([
      ['time-window', '/vehicles/0/breaks/0/timeWindows/0'],
      ['duplicate-id', '/vehicles/0/breaks/1/id'],
      ['negative', '/vehicles/0/breaks/1/duration'],
      ['required', '/vehicles/0/breaks/2/id'],
      ['empty', '/vehicles/0/breaks/2/timeWindows'],
      ['unknown-field', '/vehicles/0/breaks/3/service'],
      ['time-window', '/vehicles/0/breaks/4/timeWindows/1'],
      ['type', '/vehicles/0/breaks/5'],
      ['dimension', '/vehicles/0/breaks/3/maxLoad'],
    ]);
    const q = valid();
    q.vehicles[1].breaks = [{ id: 'lunch' }]; // break ids are per vehicle
    expect(issuesOf(q)).toEqual([]);
  });

  it('vehicle limits, speed, radius, type', () => {
    const p = valid();
    Object.assign(p.vehicles[0], { maxTasks: 1.5, maxTravelTime: -1, speedFactor: 0, type: 3, serviceRadius: -1 });
    delete p.vehicles[0].start;
    p.vehicles[1].speedFactor = Infinity;
    p.vehicles[1].maxTasks = Infinity;
    expect(issuesOf(p)).toEqual([
      ['negative', '/vehicles/0/serviceRadius'],
      ['required', '/vehicles/0/start'],
      ['not-integer', '/vehicles/0/maxTasks'],
      ['negative', '/vehicles/0/maxTravelTime'],
      ['range', '/vehicles/0/speedFactor'],
      ['type', '/vehicles/0/type'],
      ['not-finite', '/vehicles/1/speedFactor'],
    ]);
  });

  it('profiles: names, travel validation under /profiles, locations valid in every profile', () => {
    const p = valid();
    p.vehicles[1].profile = 'car';
    p.profiles.walk.coordinates = [[0, 0]];
    p.profiles.bad = { type: 'matrix', size: 2, durations: [0, 1, 1] };
    expect(issuesOf(p)).toEqual([
      ['matrix-size', '/profiles/bad/durations'],
      ['unknown-profile', '/vehicles/1/profile'],
      ['location', '/jobs/0/location'],
      ['location', '/jobs/1/location'],
      ['location', '/shipments/0/pickup/location'],
      ['location', '/shipments/0/delivery/location'],
    ]);
    expect(validateProblem(p).find((i) => i.pointer === '/jobs/0/location')!.message).toMatch(/in profile "walk"/);
    expect(issuesOf({ ...valid(), profiles: [] })).toEqual([['type', '/profiles'], ['unknown-profile', '/vehicles/1/profile']]);
    // A vehicle's start and end are checked against its own travel only.
    const q = valid();
    q.profiles.bike = { type: 'euclidean', coordinates: [[0, 0], [1, 0], [2, 0], [3, 0]] };
    q.vehicles[1].start = 3;
    expect(issuesOf(q)).toEqual([]);
    q.vehicles[0].end = 3;
    expect(issuesOf(q)).toEqual([['location', '/vehicles/0/end']]);
  });

  it('a costs matrix conflicts with perDistance and perTravelTime on the vehicles using it', () => {
    const p = valid();
    p.vehicles[1].costs.perDistance = 1;
    p.vehicles[1].costs.perTravelTime = 0;
    expect(issuesOf(p)).toEqual([
      ['conflict', '/vehicles/1/costs/perDistance'],
      ['conflict', '/vehicles/1/costs/perTravelTime'],
    ]);
    const q = valid();
    q.travel.costs = [0, 1, 1, 1, 0, 1, 1, 1, 0];
    expect(issuesOf(q)).toEqual([
      ['conflict', '/vehicles/0/costs/perDistance'],
      ['conflict', '/vehicles/0/costs/perTravelTime'],
    ]);
    q.travel.costs = [0, -1];
    expect(issuesOf(q).slice(0, 2)).toEqual([['matrix-size', '/travel/costs'], ['negative', '/travel/costs/1']]);
  });

  it('a skill no vehicle has is not an input error', () => {
    const p = valid();
    p.jobs[0].skills = ['unheard-of'];
    expect(issuesOf(p)).toEqual([]);
  });

  it('the shipment window rule uses the fastest vehicle travel and the shortest per-type service', () => {
    const p = valid();
    // pickup at 1 opens at 0; fastest travel 1 → 2: default matrix 1 / speed 1.5; bike 3; walk 1 (not used by a vehicle).
    p.shipments[0].pickup = { location: 1, serviceDuration: 5, serviceDurationPerType: { van: 2 }, timeWindows: [[0, 10]] };
    p.shipments[0].delivery.timeWindows = [[0, 2 + 1 / 1.5]];
    expect(issuesOf(p)).toEqual([]);
    p.shipments[0].delivery.timeWindows = [[0, 2.6]];
    expect(issuesOf(p)).toEqual([['time-window', '/shipments/0/delivery/timeWindows']]);
  });
});
