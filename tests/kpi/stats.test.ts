import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spread } from '../../src/kpi/stats.js';
import { formatMs, formatNumber, formatRate } from '../../src/kpi/format.js';

describe('spread', () => {
  it('hand-checked values: population std, nearest-rank p90, cv, max/min', () => {
    expect(spread([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ count: 8, mean: 5, std: 2, min: 2, max: 9, p90: 9, cv: 0.4, maxMinRatio: 4.5 });
    expect(spread([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]).p90).toBe(9); // ⌈0.9·10⌉ = 9th smallest
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).p90).toBe(10); // ⌈9.9⌉ = 10th
    expect(spread([0, 3])).toMatchObject({ mean: 1.5, maxMinRatio: null });
    expect(spread([-1, 1])).toMatchObject({ mean: 0, cv: null, maxMinRatio: null });
    expect(spread([])).toEqual({ count: 0, mean: null, std: null, min: null, max: null, p90: null, cv: null, maxMinRatio: null });
  });

  it('is invariant under permutation and keeps min ≤ p90 ≤ max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const a = spread(xs);
        const b = spread([...xs].reverse());
        expect(b.min).toBe(a.min);
        expect(b.p90).toBe(a.p90);
        expect(b.mean!).toBeCloseTo(a.mean!, 6);
        expect(a.min!).toBeLessThanOrEqual(a.p90!);
        expect(a.p90!).toBeLessThanOrEqual(a.max!);
        expect(a.std!).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('formatting', () => {
  it('formats numbers, rates and durations', () => {
    expect(formatNumber(1 / 3)).toBe('0.33');
    expect(formatNumber(20)).toBe('20');
    expect(formatNumber(null)).toBe('–');
    expect(formatRate(0.4)).toBe('40.0%');
    expect(formatRate(null)).toBe('–');
    expect(formatMs(3_900_000)).toBe('1h 05m 00s');
    expect(formatMs(-61_000)).toBe('-0h 01m 01s');
  });
});
