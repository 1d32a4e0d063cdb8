/**
 * Keeping the k smallest keys of a stream by bounded insertion: `keys` and
 * `items` hold the kept entries, smallest key first. A key equal to a kept
 * one goes after it, so when items arrive in increasing order ties keep the
 * lower item. O(k) per offer, nothing allocated — for the small k of
 * neighbour lists and candidate shortlists.
 */

/**
 * Offers (`key`, `item`) to the `count` entries kept in `keys`/`items` (at most
 * `k`); returns the new count. Keys that are not below the k-th kept key are
 * ignored once k entries are kept.
 */
export function offerTopK(keys: Float64Array, items: Int32Array, count: number, k: number, key: number, item: number): number {
  if (count === k && key >= keys[k - 1]) return count;
  let i = count < k ? count++ : k - 1;
  while (i > 0 && keys[i - 1] > key) {
    keys[i] = keys[i - 1];
    items[i] = items[i - 1];
    i--;
  }
  keys[i] = key;
  items[i] = item;
  return count;
}
