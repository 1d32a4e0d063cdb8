import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Pacer, runPaced, runPausing, runSteps, type Steps } from '../../src/core/pacer.js';
import { sortSteps } from '../../src/core/sort.js';

/** Sums 0..n-1, yielding after every element. */
function* sum(n: number, seen: number[]): Steps<number> {
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += i;
    seen.push(i);
    yield;
  }
  return s;
}

describe('core/pacer', () => {
  it('runSteps and runPaced give the same result; runPaced hands the event loop turns in between', async () => {
    expect(runSteps(sum(100, []))).toBe(4950);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const seen: number[] = [];
    const result = await runPaced(sum(200, seen), new Pacer(0));
    expect(result).toBe(199 * 100);
    expect(seen).toHaveLength(200);
    expect(timerRan).toBe(true);
  });

  it('runPaced stops at the next yield once the signal fires, and at once when it fired before', async () => {
    const pre = new AbortController();
    pre.abort();
    const none: number[] = [];
    expect(await runPaced(sum(10, none), new Pacer(0, pre.signal))).toBeUndefined();
    expect(none).toEqual([]);
    const ctrl = new AbortController();
    const seen: number[] = [];
    const steps = (function* (): Steps<string> {
      for (let i = 0; i < 1000; i++) {
        seen.push(i);
        if (i === 10) ctrl.abort();
        yield;
      }
      return 'done';
    })();
    expect(await runPaced(steps, new Pacer(0, ctrl.signal))).toBeUndefined();
    expect(seen.length).toBe(11);
  });

  it('runPausing stops when pause resolves true, and runs at once without pause', async () => {
    let calls = 0;
    expect(await runPausing(sum(50, []), async () => ++calls > 5)).toBeUndefined();
    expect(calls).toBe(6);
    expect(await runPausing(sum(50, []))).toBe(1225);
  });
});

describe('core/sort', () => {
  it('sortSteps gives exactly the native sort under a total order (value, then index)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 3000 }), (values) => {
        const key = Float64Array.from(values);
        const cmp = (a: number, b: number) => key[b] - key[a] || a - b;
        const idx = Int32Array.from(values, (_, i) => i);
        const expected = Int32Array.from(idx).sort(cmp);
        expect(Array.from(runSteps(sortSteps(idx, cmp)))).toEqual(Array.from(expected));
      }),
      { numRuns: 60 },
    );
  });
});
