/**
 * A cheap lower bound of a route's load penalty after an inter-route move,
 * priced before the move's full concatenation. A route's peak load is at
 * least its load at the start (the deliveries of its jobs) and at the end
 * (those plus every pickup, minus every drop: load.ts), and both are sums
 * over its visits: the route's stored totals, minus the piece that leaves,
 * plus the piece that arrives. On capacity-bound plans most moves that pass
 * the distance bound overload the receiving route; this rejects them without
 * walking the time windows. The bound never exceeds the priced excess, so it
 * rejects only moves the full price rejects.
 */
import type { SearchRoutes } from './routes.js';

export class LoadBound {
  /** Whether some vehicle type has a finite capacity (else every bound is 0). */
  readonly active: boolean;
  private readonly dims: number;
  private readonly cap: Float64Array;
  private readonly visitDel: Float64Array;
  private readonly visitNet: Float64Array;

  constructor(private readonly rs: SearchRoutes) {
    const data = rs.data;
    this.dims = data.dims;
    this.cap = data.cp.typeCap;
    this.visitDel = data.visits.load.delivery;
    this.visitNet = data.visits.load.net;
    let finite = false;
    for (let i = 0; i < this.cap.length && !finite; i++) finite = Number.isFinite(this.cap[i]);
    this.active = finite;
  }

  /**
   * The load penalty (weight × excess) route r has at least when its `k`
   * clients from position `from` leave and route s's `m` clients from
   * position `sFrom` arrive (k or m may be 0).
   */
  exchange(r: number, from: number, k: number, s: number, sFrom: number, m: number): number {
    const rs = this.rs, dims = this.dims;
    const a = rs.nodes[r], b = rs.nodes[s];
    const total = rs.prefix.load, o = a[rs.len[r] + 1] * dims;
    const del = this.visitDel, net = this.visitNet, cap = this.cap, c = rs.data.slotType[r] * dims;
    let x = 0;
    for (let d = 0; d < dims; d++) {
      let start = total.delivery[o + d];
      let change = total.net[o + d];
      for (let p = from; p < from + k; p++) {
        start -= del[a[p] * dims + d];
        change -= net[a[p] * dims + d];
      }
      for (let p = sFrom; p < sFrom + m; p++) {
        start += del[b[p] * dims + d];
        change += net[b[p] * dims + d];
      }
      const end = start + change;
      const e = (start > end ? start : end) - cap[c + d];
      if (e > 0) x += e;
    }
    return rs.data.wQ * x;
  }

  /**
   * The load penalty route r has at least when it keeps its visits up to node
   * `u` and then takes the visits of another route from node `y` on (y may be
   * that route's end sentinel: nothing more).
   */
  tails(r: number, u: number, y: number): number {
    const rs = this.rs, dims = this.dims;
    const head = rs.prefix.load, tail = rs.suffix.load;
    const cap = this.cap, c = rs.data.slotType[r] * dims;
    let x = 0;
    for (let d = 0; d < dims; d++) {
      const start = head.delivery[u * dims + d] + tail.delivery[y * dims + d];
      const end = start + head.net[u * dims + d] + tail.net[y * dims + d];
      const e = (start > end ? start : end) - cap[c + d];
      if (e > 0) x += e;
    }
    return rs.data.wQ * x;
  }
}
