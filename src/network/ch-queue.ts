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

/** `LazyQueue` with keys that are pairs `(key, key2)`, compared lexicographically. */
export class LazyPairQueue {
  keys: Float64Array;
  keys2: Float64Array;
  nodes: Int32Array;
  size = 0;

  /** An empty queue with room for `capacity` entries before it grows. */
  constructor(capacity = 256) {
    this.keys = new Float64Array(capacity);
    this.keys2 = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  /** Adds an entry. */
  push(node: number, key: number, key2: number): void {
    if (this.size === this.keys.length) this.grow();
    const { keys, keys2, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      if (pk < key || (pk === key && keys2[parent] <= key2)) break;
      keys[i] = pk;
      keys2[i] = keys2[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    keys2[i] = key2;
    nodes[i] = node;
  }

  /** Removes the entry with the smallest key pair and returns its node (read `keys[0]`, `keys2[0]` first). */
  pop(): number {
    const { keys, keys2, nodes } = this;
    const top = nodes[0];
    const size = --this.size;
    if (size === 0) return top;
    const key = keys[size];
    const key2 = keys2[size];
    const node = nodes[size];
    const half = size >> 1;
    let i = 0;
    while (i < half) {
      let child = 2 * i + 1;
      let ck = keys[child];
      let ck2 = keys2[child];
      const right = child + 1;
      if (right < size) {
        const rk = keys[right];
        if (rk < ck || (rk === ck && keys2[right] < ck2)) {
          child = right;
          ck = rk;
          ck2 = keys2[right];
        }
      }
      if (ck > key || (ck === key && ck2 >= key2)) break;
      keys[i] = ck;
      keys2[i] = ck2;
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = key;
    keys2[i] = key2;
    nodes[i] = node;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(2 * this.keys.length);
    const keys2 = new Float64Array(2 * this.keys2.length);
    const nodes = new Int32Array(2 * this.nodes.length);
    keys.set(this.keys);
    keys2.set(this.keys2);
    nodes.set(this.nodes);
    this.keys = keys;
    this.keys2 = keys2;
    this.nodes = nodes;
  }
}
