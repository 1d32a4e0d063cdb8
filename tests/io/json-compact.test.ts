import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactJsonOnePass } from '../../src/io/json-compact.js';
import { compactJson, compactJsonByRegex, solutionToJson } from '../../src/io/solution.js';
import { solve } from '../../src/solver/index.js';
import { checkSolution } from '../../src/model/check.js';
import type { Problem } from '../../src/model/types.js';

/** Plain JSON-like values with the keys and shapes of solutions mixed in (summary, stats, load arrays, steps). */
const key = fc.oneof(fc.constantFrom('summary', 'stats', 'kpis', 'load', 'steps', 'routes', 'id', 'type', '0', '10', 'a'), fc.string({ maxLength: 6 }));
const leaf = fc.oneof(
  fc.integer(), fc.double(), fc.constantFrom(Infinity, -Infinity, NaN, -0, 1e21, 5e-324), fc.boolean(), fc.constant(null),
  fc.string({ maxLength: 8 }), fc.constantFrom('a{b', 'x]', 'q"uote', 'back\\slash', 'new\nline', '😀', 'é'), fc.constant(undefined),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, tie('arr'), tie('obj')),
  arr: fc.array(tie('v'), { maxLength: 5 }),
  obj: fc.dictionary(key, tie('v'), { maxKeys: 5 }),
})).v;

describe('compactJson one pass', () => {
  it('writes exactly the text of the regex definition, for any JSON-like value and kept keys (property)', () => {
    fc.assert(
      fc.property(value, fc.subarray(['summary', 'stats', 'kpis', 'load', 'a']), (v, kept) => {
        const reference = JSON.stringify(v) === undefined ? undefined : compactJsonByRegex(v, kept);
        const one = compactJsonOnePass(v, kept);
        if (one !== undefined) expect(one).toBe(reference);
        if (reference !== undefined) expect(compactJson(v, kept)).toBe(reference);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the one pass for a solver plan and gives the same text', async () => {
    const problem: Problem = {
      jobs: Array.from({ length: 30 }, (_, i) => ({ id: i + 1, location: i + 1, delivery: [1 + (i % 3)], timeWindows: [[0, 500 + 10 * i]], serviceDuration: 5 })),
      vehicles: [{ id: 'v1', start: 0, end: 0, capacity: [20] }, { id: 'v2', start: 0, end: 0, capacity: [20] }, { id: 'v3', start: 0, end: 0, capacity: [20] }],
      travel: { type: 'euclidean', coordinates: Array.from({ length: 31 }, (_, i) => [(i * 37) % 100, (i * 53) % 100] as [number, number]) },
    };
    const solution = await solve(problem, { maxIterations: 50, seed: 1 });
    expect(checkSolution(problem, solution).feasible).toBe(true);
    const json = solutionToJson(solution);
    const one = compactJsonOnePass(json, ['summary', 'stats', 'kpis']);
    expect(one).toBeDefined();
    expect(one).toBe(compactJsonByRegex(json, ['summary', 'stats', 'kpis']));
  });

  it('falls back to the regexes for strings with brackets, escapes, class instances and toJSON', () => {
    for (const v of [{ id: 'a{b' }, { 'k]': 1 }, { s: 'q"' }, { d: new Date(0) }, { m: new Map() }, { f: () => 1 }]) {
      const one = compactJsonOnePass(v);
      if (one !== undefined) expect(one).toBe(compactJsonByRegex(v));
      expect(compactJson(v)).toBe(compactJsonByRegex(v));
    }
    expect(compactJsonOnePass({ id: 'a{b' })).toBeUndefined();
    expect(compactJsonOnePass({ d: new Date(0) })).toBeUndefined();
  });
});
