/**
 * An indexed binary min-heap of node indices keyed by doubles, on typed arrays.
 *
 * `pos[node]` is the node's slot in the heap, or -1 once it was popped. The heap
 * never clears `pos` for nodes it has not seen in the current query: callers keep
 * their own generation stamps and only ask about nodes they pushed, so a new
 * query costs O(1) instead of O(n) to start.
 */
export class IndexedHeap {
  /** Node index per heap slot. */
  readonly nodes: Int32Array;
  /** Key per heap slot (kept next to the node for cache locality). */
  readonly keys: Float64Array;
  /** Heap slot per node; -1 after the node was popped. */
  readonly pos: Int32Array;
  /** Number of nodes in the heap. */
  size = 0;

  /** A heap for node indices `0..capacity-1`. */
  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
    this.pos = new Int32Array(Math.max(1, capacity));
  }

  /** Empties the heap (O(1)). */
  clear(): void {
    this.size = 0;
  }

  /** Smallest key; Infinity when empty. */
  topKey(): number {
    return this.size > 0 ? this.keys[0] : Infinity;
  }

  /** Inserts a node not currently in the heap. */
  push(node: number, key: number): void {
    this.up(this.size++, node, key);
  }

  /** Lowers the key of a node currently in the heap. */
  decrease(node: number, key: number): void {
    this.up(this.pos[node], node, key);
  }

  /** Removes and returns the node with the smallest key (heap must not be empty). */
  pop(): number {
    const nodes = this.nodes;
    const top = nodes[0];
    this.pos[top] = -1;
    const last = --this.size;
    if (last > 0) this.down(0, nodes[last], this.keys[last]);
    return top;
  }

  private up(i: number, node: number, key: number): void {
    const nodes = this.nodes;
    const keys = this.keys;
    const pos = this.pos;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      if (pk <= key) break;
      const pn = nodes[parent];
      nodes[i] = pn;
      keys[i] = pk;
      pos[pn] = i;
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
    pos[node] = i;
  }

  private down(i: number, node: number, key: number): void {
    const nodes = this.nodes;
    const keys = this.keys;
    const pos = this.pos;
    const size = this.size;
    const half = size >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let ck = keys[child];
      const right = child + 1;
      if (right < size && keys[right] < ck) {
        child = right;
        ck = keys[right];
      }
      if (ck >= key) break;
      const cn = nodes[child];
      nodes[i] = cn;
      keys[i] = ck;
      pos[cn] = i;
      i = child;
    }
    nodes[i] = node;
    keys[i] = key;
    pos[node] = i;
  }
}
