import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solver/index.js';
import { unsupportedField } from '../../src/solver/unsupported.js';
import { checkSolution } from '../../src/model/check.js';
import { isVrpkitError } from '../../src/core/errors.js';
import type { Problem, Solution } from '../../src/model/types.js';

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

/** Every order once: in a route or in unassigned. */
function accounted(p: Problem, solution: Solution): void {
  const seen = new Set<string>();
  for (const r of solution.routes) for (const s of r.steps) if (s.type === 'job') seen.add(String(s.id));
  for (const u of solution.unassigned) seen.add(String(u.id));
  expect([...seen].sort()).toEqual(p.jobs.map((j) => String(j.id)).sort());
}

describe('every field the model accepts, the solver handles (no unsupported guard left)', () => {
  const cases: [string, (p: Problem) => void][] = [
    ['skills', (p) => ((p.jobs[1].skills = ['x']), (p.vehicles[0].skills = ['x']))],
    ['setup', (p) => (p.jobs[1].setupDuration = 5)],
    ['per-type service', (p) => ((p.jobs[0].serviceDurationPerType = { van: 3 }), (p.vehicles[0].type = 'van'))],
    ['per-type setup', (p) => ((p.jobs[0].setupDurationPerType = { van: 3 }), (p.vehicles[0].type = 'van'))],
    ['several windows', (p) => (p.jobs[0].timeWindows = [[0, 0], [20, 30]])],
    ['breaks', (p) => (p.vehicles[0].breaks = [{ id: 'b', duration: 4, timeWindows: [[2, 3]] }])],
    ['maxTasks', (p) => (p.vehicles[0].maxTasks = 1)],
    ['maxTravelTime', (p) => (p.vehicles[0].maxTravelTime = 100)],
    ['serviceRadius', (p) => (p.vehicles[0].serviceRadius = 100)],
    ['speedFactor', (p) => (p.vehicles[0].speedFactor = 2)],
    ['profile', (p) => ((p.profiles = { bike: p.travel }), (p.vehicles[0].profile = 'bike'))],
    ['perTaskTime', (p) => (p.vehicles[0].costs = { perTaskTime: 1 })],
    ['perTravelTime', (p) => (p.vehicles[0].costs = { perTravelTime: 2 })],
    ['costs matrix', (p) => (p.travel = {
      type: 'matrix', size: 3, durations: [0, 1, 2, 1, 0, 1, 2, 1, 0], distances: [0, 1, 2, 1, 0, 1, 2, 1, 0], costs: [0, 5, 9, 5, 0, 5, 9, 5, 0],
    })],
  ];
  for (const [name, change] of cases) {
    it(name, async () => {
      const p = base();
      change(p);
      expect(unsupportedField(p)).toBeUndefined();
      const solution = await solve(p, FAST);
      expect(checkSolution(p, solution).violations).toEqual([]);
      accounted(p, solution);
      expect(solution.routes.length).toBe(1);
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
