import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IndexedHeap } from '../../src/network/heap.js';

describe('IndexedHeap', () => {
  it('pops nodes in key order after pushes and decrease-keys (ties in any order)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 50 })), { maxLength: 60 }),
        (keys, decreases) => {
          const heap = new IndexedHeap(keys.length);
          const key = [...keys];
          keys.forEach((k, node) => heap.push(node, k));
          for (const [pick, by] of decreases) {
            const node = pick % keys.length;
            const next = key[node] - by;
            if (next < key[node]) {
              key[node] = next;
              heap.decrease(node, next);
            }
          }
          const popped: number[] = [];
          while (heap.size > 0) {
            const top = heap.topKey();
            const node = heap.pop();
            expect(key[node]).toBe(top);
            expect(heap.pos[node]).toBe(-1);
            popped.push(node);
          }
          expect(popped.map((n) => key[n])).toEqual([...key].sort((a, b) => a - b));
          expect(new Set(popped).size).toBe(keys.length);
          expect(heap.topKey()).toBe(Infinity);
        },
      ),
      { numRuns: 300 },
    );
  });
});
