/**
 * Order crossover (OX, HGS.md §2) on giant tours: a random circular segment
 * of parent 1 is kept in place, the remaining positions are filled circularly
 * after it with parent 2's clients in parent 2's order.
 */
import type { Rng } from '../core/rng.js';

/** Writes the OX child of tours p1, p2 into `child`; `mark` is scratch space of length n. */
export function orderCrossover(p1: Int32Array, p2: Int32Array, child: Int32Array, mark: Uint8Array, rng: Rng): void {
  const n = p1.length;
  if (n === 0) return;
  if (n === 1) {
    child[0] = p1[0];
    return;
  }
  mark.fill(0);
  const start = rng.int(n);
  let end = rng.int(n);
  while (end === start) end = rng.int(n);
  let j = start;
  const stop = (end + 1) % n;
  while (j % n !== stop) {
    const c = p1[j % n];
    child[j % n] = c;
    mark[c] = 1;
    j++;
  }
  for (let i = 1; i <= n; i++) {
    const c = p2[(end + i) % n];
    if (mark[c]) continue;
    child[j % n] = c;
    j++;
  }
}
