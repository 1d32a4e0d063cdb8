import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offerTopK } from '../../src/core/top-k.js';

describe('offerTopK', () => {
  it('keeps the k smallest keys in order, ties to the earlier item (against a stable sort)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (values, k) => {
      const keys = new Float64Array(k), items = new Int32Array(k);
      let count = 0;
      values.forEach((v, i) => { count = offerTopK(keys, items, count, k, v, i); });
      const expected = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i).slice(0, k);
      expect(count).toBe(expected.length);
      expect([...items.subarray(0, count)]).toEqual(expected.map((e) => e.i));
      expect([...keys.subarray(0, count)]).toEqual(expected.map((e) => e.v));
    }));
  });
});
