/**
 * The shrinking graph of a contraction: for every node not yet contracted, one
 * slot per neighbour holding both directions (`out`: node → neighbour, `in`:
 * neighbour → node), each with a weight pair, the middle it goes through (a
 * node index, or `-1 - arc` for an original arc) and its hop count (original
 * arcs it stands for). Absent directions weigh Infinity. Parallel arcs collapse
 * to the lexicographically lightest.
 *
 * Slots live in one pool of typed arrays: a node's slots are contiguous; when a
 * node's run is full it moves to the end of the pool with twice the room
 * (the pool doubles when needed), so adding a shortcut is amortised O(1) and
 * every scan of a node's neighbours reads consecutive memory.
 */
export class ContractionGraph {
  readonly start: Int32Array;
  readonly len: Int32Array;
  private readonly cap: Int32Array;
  to!: Int32Array;
  out!: Float64Array;
  out2!: Float64Array;
  in!: Float64Array;
  in2!: Float64Array;
  midOut!: Int32Array;
  midIn!: Int32Array;
  hopOut!: Int32Array;
  hopIn!: Int32Array;
  private top = 0;

  /** An empty graph on `n` nodes with room for about `slots` neighbour slots. */
  constructor(n: number, slots: number) {
    this.start = new Int32Array(n);
    this.len = new Int32Array(n);
    this.cap = new Int32Array(n);
    this.allocate(Math.max(16, slots));
  }

  /** Reserves `capacity` slots for each node (before any arc is added). */
  reserve(degree: Int32Array): void {
    let s = 0;
    for (let v = 0; v < degree.length; v++) {
      this.start[v] = s;
      this.cap[v] = degree[v];
      s += degree[v];
    }
    if (s > this.to.length) this.grow(s);
    this.top = s;
  }

  /** Slot of neighbour `x` in `v`'s run, or -1. */
  find(v: number, x: number): number {
    const to = this.to;
    for (let i = this.start[v], end = i + this.len[v]; i < end; i++) if (to[i] === x) return i;
    return -1;
  }

  /**
   * Offers arc `v → x` with weight `(w, w2)`: kept when lexicographically
   * lighter than the current one (on both ends' slots). Returns whether it was kept.
   */
  offer(v: number, x: number, w: number, w2: number, mid: number, hops: number): boolean {
    let i = this.find(v, x);
    if (i >= 0 && (this.out[i] < w || (this.out[i] === w && this.out2[i] <= w2))) return false;
    if (i < 0) i = this.append(v, x);
    this.out[i] = w;
    this.out2[i] = w2;
    this.midOut[i] = mid;
    this.hopOut[i] = hops;
    let j = this.find(x, v);
    if (j < 0) j = this.append(x, v);
    this.in[j] = w;
    this.in2[j] = w2;
    this.midIn[j] = mid;
    this.hopIn[j] = hops;
    return true;
  }

  /** Drops neighbour `x` from `v`'s run. */
  remove(v: number, x: number): void {
    const i = this.find(v, x);
    if (i < 0) return;
    const last = this.start[v] + --this.len[v];
    if (i !== last) this.copySlot(last, i);
  }

  private append(v: number, x: number): number {
    if (this.len[v] === this.cap[v]) this.relocate(v);
    const i = this.start[v] + this.len[v]++;
    this.to[i] = x;
    this.out[i] = Infinity;
    this.out2[i] = Infinity;
    this.in[i] = Infinity;
    this.in2[i] = Infinity;
    this.midOut[i] = -1;
    this.midIn[i] = -1;
    this.hopOut[i] = 0;
    this.hopIn[i] = 0;
    return i;
  }

  private relocate(v: number): void {
    const cap = Math.max(4, 2 * this.cap[v]);
    if (this.top + cap > this.to.length) this.grow(this.top + cap);
    const from = this.start[v];
    const at = this.top;
    for (let k = 0; k < this.len[v]; k++) this.copySlot(from + k, at + k);
    this.start[v] = at;
    this.cap[v] = cap;
    this.top += cap;
  }

  private copySlot(from: number, to: number): void {
    this.to[to] = this.to[from];
    this.out[to] = this.out[from];
    this.out2[to] = this.out2[from];
    this.in[to] = this.in[from];
    this.in2[to] = this.in2[from];
    this.midOut[to] = this.midOut[from];
    this.midIn[to] = this.midIn[from];
    this.hopOut[to] = this.hopOut[from];
    this.hopIn[to] = this.hopIn[from];
  }

  private allocate(size: number): void {
    this.to = new Int32Array(size);
    this.out = new Float64Array(size);
    this.out2 = new Float64Array(size);
    this.in = new Float64Array(size);
    this.in2 = new Float64Array(size);
    this.midOut = new Int32Array(size);
    this.midIn = new Int32Array(size);
    this.hopOut = new Int32Array(size);
    this.hopIn = new Int32Array(size);
  }

  private grow(needed: number): void {
    const old = this;
    const { to, out, out2, in: inn, in2, midOut, midIn, hopOut, hopIn } = old;
    this.allocate(Math.max(needed, Math.ceil(to.length * 1.5)));
    this.to.set(to);
    this.out.set(out);
    this.out2.set(out2);
    this.in.set(inn);
    this.in2.set(in2);
    this.midOut.set(midOut);
    this.midIn.set(midIn);
    this.hopOut.set(hopOut);
    this.hopIn.set(hopIn);
  }
}
