/**
 * Load summary of a sequence of visits, per capacity dimension, that
 * concatenates in O(1) (HGS.md §5, generalised to paired shipments):
 * - `delivery`: what the sequence's jobs bring from the vehicle's start,
 * - `net`: the change of the load over the sequence, with those deliveries
 *   counted as on board from the start (pickups and shipment pickups add,
 *   deliveries and shipment deliveries remove),
 * - `peak`: the highest load along the sequence when it runs alone, starting
 *   with its own deliveries on board.
 * Joining A then B: delivery = dA + dB, net = nA + nB,
 * peak = max(peakA + dB, dA + nA + peakB). A route's excess in a dimension is
 * max(0, peak − capacity).
 */

/** Many load summaries (`dims` values each), index-addressed, in flat typed arrays. */
export class LoadTable {
  delivery: Float64Array;
  net: Float64Array;
  peak: Float64Array;

  constructor(size: number, readonly dims: number) {
    this.delivery = new Float64Array(size * dims);
    this.net = new Float64Array(size * dims);
    this.peak = new Float64Array(size * dims);
  }
}

export class LoadSegment {
  readonly delivery: Float64Array;
  readonly net: Float64Array;
  readonly peak: Float64Array;

  constructor(readonly dims: number) {
    this.delivery = new Float64Array(dims);
    this.net = new Float64Array(dims);
    this.peak = new Float64Array(dims);
  }

  /** Sets this to the summary stored at `t[i]`. */
  load(t: LoadTable, i: number): this {
    const dims = this.dims, o = i * dims;
    for (let d = 0; d < dims; d++) {
      this.delivery[d] = t.delivery[o + d];
      this.net[d] = t.net[o + d];
      this.peak[d] = t.peak[o + d];
    }
    return this;
  }

  store(t: LoadTable, i: number): void {
    const dims = this.dims, o = i * dims;
    for (let d = 0; d < dims; d++) {
      t.delivery[o + d] = this.delivery[d];
      t.net[o + d] = this.net[d];
      t.peak[o + d] = this.peak[d];
    }
  }

  copy(o: LoadSegment): this {
    // a plain loop: TypedArray.set costs more than the copy itself at one or two dimensions
    for (let d = 0; d < this.dims; d++) {
      this.delivery[d] = o.delivery[d];
      this.net[d] = o.net[d];
      this.peak[d] = o.peak[d];
    }
    return this;
  }

  /** Appends the summary stored at `t[i]`: this ← this ⊕ t[i]. */
  appendStored(t: LoadTable, i: number): this {
    const dims = this.dims, o = i * dims;
    for (let d = 0; d < dims; d++) {
      const d2 = t.delivery[o + d];
      const a = this.peak[d] + d2;
      const b = this.delivery[d] + this.net[d] + t.peak[o + d];
      this.peak[d] = a > b ? a : b;
      this.delivery[d] += d2;
      this.net[d] += t.net[o + d];
    }
    return this;
  }

  /** Total excess over `capacity[offset .. offset + dims)`. */
  excess(capacity: Float64Array, offset: number): number {
    let x = 0;
    for (let d = 0; d < this.dims; d++) {
      const e = this.peak[d] - capacity[offset + d];
      if (e > 0) x += e;
    }
    return x;
  }
}
