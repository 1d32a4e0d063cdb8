import { describe, expect, it } from 'vitest';
import { readPlan, solutionToJson } from '../../src/io/solution.js';
import { checkSolution } from '../../src/model/check.js';
import type { Problem, Solution } from '../../src/model/types.js';

describe('solution JSON with shipments', () => {
  it('writes shipment ids on stops and whole unassigned shipments, and reads them back for the checker', () => {
    const problem: Problem = {
      jobs: [],
      shipments: [
        { id: 's1', amount: [2], pickup: { id: 'p', location: 1 }, delivery: { id: 'd', location: 2 } },
        { id: 's2', amount: [9], pickup: { location: 1 }, delivery: { location: 2 } },
      ],
      vehicles: [{ id: 'v', start: 0, end: 0, capacity: [5] }],
      travel: { type: 'euclidean', coordinates: [[0, 0], [3, 4], [6, 8]] },
    };
    const step = (type: 'start' | 'pickup' | 'delivery' | 'end', arrival: number, load: number, extra = {}) => ({
      type, ...extra, arrival, waiting: 0, serviceStart: arrival, departure: arrival, load: [load], distance: arrival,
    });
    const solution: Solution = {
      summary: { cost: 20, routes: 1, unassigned: 1, distance: 20, duration: 20, waiting: 0, service: 0, delivery: [2], pickup: [2] },
      routes: [{
        vehicle: 'v', cost: 20, distance: 20, duration: 20, waiting: 0, service: 0, delivery: [2], pickup: [2],
        steps: [step('start', 0, 0), step('pickup', 5, 2, { id: 'p', shipment: 's1' }), step('delivery', 10, 0, { id: 'd', shipment: 's1' }), step('end', 20, 0)],
      }],
      unassigned: [{ id: 's2', type: 'shipment', pickup: 's2', delivery: 's2', reason: 'capacity' }],
    };
    const json = solutionToJson(solution);
    expect((json.routes as any)[0].steps[1]).toMatchObject({ type: 'pickup', id: 'p', shipment: 's1' });
    expect(json.unassigned).toEqual([{ id: 's2', type: 'shipment', pickup: 's2', delivery: 's2', reason: 'capacity' }]);
    const rep = checkSolution(problem, readPlan(JSON.stringify(json)));
    expect(rep.violations).toEqual([]);
  });
});
