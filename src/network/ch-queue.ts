/**
 * A min-heap of `(key, node)` entries without decrease-key, on typed arrays,
 * for the point-to-point hierarchy searches: a node whose label improves is
 * pushed again, and an entry whose key is above its node's current label is
 * skipped when it comes out (lazy deletion). No per-node position array is
 * kept, so a push touches only the heap itself (a few hundred entries, in
 * cache); the searches' own labels decide what is stale. Grows on demand.
 */
export class LazyQueue {
  keys: Float64Array;
  nodes: Int32Array;
  size = 0;

  /** An empty queue with room for `capacity` entries before it grows. */
  constructor(capacity = 256) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  /** Adds an entry. */
  push(node: number, key: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const nodes = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      if (pk <= key) break;
      keys[i] = pk;
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the entry with the smallest key and returns its node (read `keys[0]` first for its key). */
  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0];
    const size = --this.size;
    if (size === 0) return top;
    const key = keys[size];
    const node = nodes[size];
    const half = size >> 1;
    let i = 0;
    while (i < half) {
      let child = 2 * i + 1;
      let ck = keys[child];
      const right = child + 1;
      if (right < size && keys[right] < ck) {
        child = right;
        ck = keys[right];
      }
      if (ck >= key) break;
      keys[i] = ck;
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(2 * this.keys.length);
    const nodes = new Int32Array(2 * this.nodes.length);
    keys.set(this.keys);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
