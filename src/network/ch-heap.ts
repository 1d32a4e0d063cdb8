/**
 * An indexed binary min-heap of node indices keyed lexicographically by a pair
 * of doubles `(key, key2)`, on typed arrays. The contraction hierarchy searches
 * order labels by (optimised metric, second metric) so that among equally good
 * paths the one with the smaller second sum wins, wherever it is found.
 *
 * `pos[node]` is the node's slot, or -1 once popped (or never pushed in this
 * query: callers keep their own generation stamps, as with `IndexedHeap`).
 * `update` moves a node either way, which the node-ordering queue needs.
 */
export class LexHeap {
  readonly nodes: Int32Array;
  readonly keys: Float64Array;
  readonly keys2: Float64Array;
  readonly pos: Int32Array;
  size = 0;

  /** A heap for node indices `0..capacity-1`. */
  constructor(capacity: number) {
    const c = Math.max(1, capacity);
    this.nodes = new Int32Array(c);
    this.keys = new Float64Array(c);
    this.keys2 = new Float64Array(c);
    this.pos = new Int32Array(c).fill(-1);
  }

  /** Empties the heap (O(1); `pos` of nodes still inside keep stale slots, see the class comment). */
  clear(): void {
    this.size = 0;
  }

  /** Inserts a node not currently in the heap. */
  push(node: number, key: number, key2: number): void {
    this.up(this.size++, node, key, key2);
  }

  /** Lowers the key of a node currently in the heap. */
  decrease(node: number, key: number, key2: number): void {
    this.up(this.pos[node], node, key, key2);
  }

  /** Sets the key of a node currently in the heap, up or down. */
  update(node: number, key: number, key2: number): void {
    const i = this.pos[node];
    const k = this.keys[i];
    if (key < k || (key === k && key2 < this.keys2[i])) this.up(i, node, key, key2);
    else this.down(i, node, key, key2);
  }

  /** Removes and returns the node with the smallest key pair (heap must not be empty). */
  pop(): number {
    const top = this.nodes[0];
    this.pos[top] = -1;
    const last = --this.size;
    if (last > 0) this.down(0, this.nodes[last], this.keys[last], this.keys2[last]);
    return top;
  }

  private up(i: number, node: number, key: number, key2: number): void {
    const { nodes, keys, keys2, pos } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      if (pk < key || (pk === key && keys2[parent] <= key2)) break;
      const pn = nodes[parent];
      nodes[i] = pn;
      keys[i] = pk;
      keys2[i] = keys2[parent];
      pos[pn] = i;
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
    keys2[i] = key2;
    pos[node] = i;
  }

  private down(i: number, node: number, key: number, key2: number): void {
    const { nodes, keys, keys2, pos } = this;
    const size = this.size;
    const half = size >> 1;
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
      const cn = nodes[child];
      nodes[i] = cn;
      keys[i] = ck;
      keys2[i] = ck2;
      pos[cn] = i;
      i = child;
    }
    nodes[i] = node;
    keys[i] = key;
    keys2[i] = key2;
    pos[node] = i;
  }
}
