import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solver/index.js';
import { unsupportedField } from '../../src/solver/unsupported.js';
import { checkSolution } from '../../src/model/check.js';
import { isVrpkitError } from '../../src/core/errors.js';
import type { Problem } from '../../src/model/types.js';

const FAST = { maxIterations: 20, populationSize: 4, generationSize: 4 };

function base(): Problem {
  return {
    jobs: [{ id: 'a', location: 1 }, { id: 'b', location: 2 }],
    vehicles: [{ id: 1, start: 0, end: 0 }],
    travel: { type: 'euclidean', coordinates: [[0, 0], [1, 0], [2, 0]] },
  };
}

async function rejection(p: Problem): Promise<{ code: string; pointer: string }> {
  try {
    await solve(p, FAST);
  } catch (e) {
    if (isVrpkitError(e)) return { code: e.code, pointer: e.pointer };
    throw e;
  }
  throw new Error('solve accepted the problem');
}

describe('the solver refuses what it does not handle yet, naming the field', () => {
  const cases: [string, (p: Problem) => void, string][] = [
    ['skills', (p) => (p.jobs[1].skills = ['x']), '/jobs/1/skills'],
    ['setup', (p) => (p.jobs[1].setupDuration = 5), '/jobs/1/setupDuration'],
    ['per-type service', (p) => (p.jobs[0].serviceDurationPerType = { van: 3 }), '/jobs/0/serviceDurationPerType'],
    ['breaks', (p) => (p.vehicles[0].breaks = [{ id: 'b' }]), '/vehicles/0/breaks'],
    ['maxTasks', (p) => (p.vehicles[0].maxTasks = 1), '/vehicles/0/maxTasks'],
    ['maxTravelTime', (p) => (p.vehicles[0].maxTravelTime = 100), '/vehicles/0/maxTravelTime'],
    ['serviceRadius', (p) => (p.vehicles[0].serviceRadius = 100), '/vehicles/0/serviceRadius'],
    ['speedFactor', (p) => (p.vehicles[0].speedFactor = 2), '/vehicles/0/speedFactor'],
    ['profile', (p) => ((p.profiles = { bike: p.travel }), (p.vehicles[0].profile = 'bike')), '/vehicles/0/profile'],
    ['perTaskTime', (p) => (p.vehicles[0].costs = { perTaskTime: 1 }), '/vehicles/0/costs/perTaskTime'],
  ];
  for (const [name, change, pointer] of cases) {
    it(name, async () => {
      const p = base();
      change(p);
      expect(unsupportedField(p)?.pointer).toBe(pointer);
      expect(await rejection(p)).toEqual({ code: 'unsupported', pointer });
    });
  }

  it('neutral values pass and are solved', async () => {
    const p = base();
    p.jobs[0].priority = 0;
    p.jobs[0].skills = [];
    p.vehicles[0].speedFactor = 1;
    p.vehicles[0].skills = ['any'];
    p.vehicles[0].breaks = [];
    p.vehicles[0].type = 'van';
    expect(unsupportedField(p)).toBeUndefined();
    const solution = await solve(p, FAST);
    expect(checkSolution(p, solution).feasible).toBe(true);
  });

  it('vehicle ids 1 and "1" are one id: a validation error naming the pointer, not a crash', async () => {
    const p = base();
    p.vehicles.push({ id: '1', start: 0, end: 0 });
    expect(await rejection(p)).toEqual({ code: 'duplicate-id', pointer: '/vehicles/1/id' });
  });
});
