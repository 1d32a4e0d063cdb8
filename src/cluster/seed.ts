/**
 * k-means++ seeding (Arthur & Vassilvitskii): the first centre is a uniform
 * random point, each next one a point drawn with probability proportional to
 * its squared distance to the nearest centre chosen so far.
 */
import type { Rng } from '../core/rng.js';
import type { CentreSpace } from './space.js';

/**
 * Places the `space.k` centres on distinct points. When fewer distinct
 * positions than centres exist, the remaining centres go to the lowest-index
 * points not chosen yet (deterministic). Returns the chosen point indices.
 */
export function seedPlusPlus(space: CentreSpace, rng: Rng): Int32Array {
  const n = space.n, k = space.k;
  const chosen = new Int32Array(k);
  const taken = new Uint8Array(n);
  const d2 = new Float64Array(n);
  const first = rng.int(n);
  chosen[0] = first;
  taken[first] = 1;
  space.placeAt(0, first);
  d2.fill(Infinity);
  let total = space.lowerSquared(first, d2);
  let nextFree = 0;
  for (let c = 1; c < k; c++) {
    let pick = -1;
    if (total > 0) {
      let r = rng.next() * total;
      for (let i = 0; i < n; i++) {
        if (d2[i] === 0) continue;
        r -= d2[i];
        pick = i;
        if (r < 0) break;
      }
    }
    if (pick < 0) {
      while (taken[nextFree]) nextFree++;
      pick = nextFree;
    }
    chosen[c] = pick;
    taken[pick] = 1;
    space.placeAt(c, pick);
    total = space.lowerSquared(pick, d2);
  }
  return chosen;
}
