import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactJson, nonFiniteAsString, solutionToJson } from '../../src/io/solution.js';
import { solve } from '../../src/solver/index.js';
import { checkSolution } from '../../src/model/check.js';
import type { Problem } from '../../src/model/types.js';

/** compactJson as it was first written (split / join, a slice per object, the replacer always): the reference text. */
function reference(value: unknown, keepExpanded: readonly string[] = []): string {
  let text = JSON.stringify(value, nonFiniteAsString, 2);
  text = text.replace(/\[\n\s+([^\[\]{}]*?)\n\s*\]/g, (_, inner: string) => '[' + inner.split(/,\n\s*/).join(', ') + ']');
  text = text.replace(/\{\n\s+([^{}]*?)\n\s*\}/g, (whole: string, inner: string, offset: number) => {
    if (inner.includes('[\n')) return whole;
    const before = text.slice(Math.max(0, offset - 40), offset);
    if (keepExpanded.some((k) => before.endsWith(`"${k}": `))) return whole;
    return '{' + inner.split(/,\n\s*/).join(', ') + '}';
  });
  return text;
}

/** JSON-like values with the keys and shapes of solutions mixed in (summary, stats, load arrays, steps), non-finite numbers and nulls. */
const key = fc.oneof(fc.constantFrom('summary', 'stats', 'kpis', 'load', 'steps', 'routes', 'id', 'type', '0', '10', 'a'), fc.string({ maxLength: 6 }));
const leaf = fc.oneof(
  fc.integer(), fc.double(), fc.constantFrom(Infinity, -Infinity, NaN, -0, 1e21, 5e-324), fc.boolean(), fc.constant(null),
  fc.string({ maxLength: 8 }), fc.constantFrom('a{b', 'x]', 'q"uote', 'back\\slash', 'new\nline', 'null', '😀'), fc.constant(undefined),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, tie('arr'), tie('obj')),
  arr: fc.array(tie('v'), { maxLength: 5 }),
  obj: fc.dictionary(key, tie('v'), { maxKeys: 5 }),
})).v;

describe('compactJson', () => {
  it('writes exactly the text of its first definition, for any JSON-like value and kept keys (property)', () => {
    fc.assert(
      fc.property(value, fc.subarray(['summary', 'stats', 'kpis', 'load', 'a']), (v, kept) => {
        if (JSON.stringify(v) === undefined) return;
        expect(compactJson(v, kept)).toBe(reference(v, kept));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a solver plan as before', async () => {
    const problem: Problem = {
      jobs: Array.from({ length: 30 }, (_, i) => ({ id: i + 1, location: i + 1, delivery: [1 + (i % 3)], timeWindows: [[0, 500 + 10 * i]], serviceDuration: 5 })),
      vehicles: [{ id: 'v1', start: 0, end: 0, capacity: [20] }, { id: 'v2', start: 0, end: 0, capacity: [20] }, { id: 'v3', start: 0, end: 0, capacity: [20] }],
      travel: { type: 'euclidean', coordinates: Array.from({ length: 31 }, (_, i) => [(i * 37) % 100, (i * 53) % 100] as [number, number]) },
    };
    const solution = await solve(problem, { maxIterations: 50, seed: 1 });
    expect(checkSolution(problem, solution).feasible).toBe(true);
    const json = solutionToJson(solution);
    expect(compactJson(json, ['summary', 'stats', 'kpis'])).toBe(reference(json, ['summary', 'stats', 'kpis']));
    // an unreachable route's infinite numbers are written as strings
    json.summary = { ...(json.summary as object), cost: Infinity };
    expect(compactJson(json, ['summary'])).toContain('"cost": "Infinity"');
    expect(compactJson(json, ['summary'])).toBe(reference(json, ['summary']));
  });
});
