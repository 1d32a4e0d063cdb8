/**
 * Priorities through the solver: when the fleet cannot take every order, the
 * plan serves the highest summed priority first, then the most tasks, then
 * the least cost (docs/semantics.md, "Objective"). Every plan is checked.
 */
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/model/check.js';
import type { Problem } from '../../src/model/types.js';
import { solve } from '../../src/solver/index.js';

describe('solve with priorities', () => {
  it('a short shift serves the high-priority job, not the cheaper one', async () => {
    // one van, 10 time units: either the job at 3 (cheap) or the one at 4 (priority 50), not both (3+... > 10)
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: [[0, 0], [3, 0], [-4, 0]] },
      vehicles: [{ id: 'v', start: 0, end: 0, shift: [0, 10] }],
      jobs: [
        { id: 'near', location: 1 },
        { id: 'important', location: 2, priority: 50 },
      ],
    };
    const sol = await solve(problem, { seed: 1, maxIterations: 200 });
    const report = checkSolution(problem, sol);
    expect(report.violations).toEqual([]);
    expect(sol.routes.flatMap((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.id))).toEqual(['important']);
    expect(sol.unassigned).toEqual([expect.objectContaining({ id: 'near', reason: 'fleet-exhausted' })]);
    expect(report.summary.priority).toBe(50);
  });

  it('with equal priorities the plan serves the most tasks', async () => {
    // two cheap jobs east (3 and 4) or one far job west (5): the two are served
    const problem: Problem = {
      travel: { type: 'euclidean', coordinates: [[0, 0], [3, 0], [4, 0], [-5, 0]] },
      vehicles: [{ id: 'v', start: 0, end: 0, shift: [0, 10] }],
      jobs: [
        { id: 'a', location: 1, priority: 1 },
        { id: 'b', location: 2, priority: 1 },
        { id: 'west', location: 3, priority: 1 },
      ],
    };
    const sol = await solve(problem, { seed: 2, maxIterations: 200 });
    expect(checkSolution(problem, sol).violations).toEqual([]);
    expect(sol.unassigned.map((u) => u.id)).toEqual(['west']);
  });
});
