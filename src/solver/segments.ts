/**
 * Route segments with O(1) concatenation (HGS.md §5).
 *
 * A segment summarises a sequence of visits: distance, minimal duration
 * (travel + service + unavoidable waiting), time warp, the earliest and latest
 * start without extra waiting / time warp, the latest release time (max) and
 * the earliest dispatch deadline (min) of its jobs, the reassignment
 * penalty, and per capacity dimension the delivery sum, pickup sum and the
 * maximum load along it. `SegmentStore` keeps, for every node of the local
 * search (clients, then a start and an end sentinel per route), the
 * single-node segment, the prefix segment (route start .. node) and the
 * suffix segment (node .. route end). `Seg` is a reusable accumulator that
 * concatenates pieces and prices the resulting route.
 */
import type { CompiledProblem } from './compile.js';

export class SegmentStore {
  readonly N: number;
  readonly dims: number;
  // node data
  readonly point: Int32Array;
  readonly sDur: Float64Array;
  readonly sE: Float64Array;
  readonly sL: Float64Array;
  readonly sRel: Float64Array;
  readonly sDl: Float64Array;
  readonly sDel: Float64Array;
  readonly sPick: Float64Array;
  // prefix (forward) data
  readonly fDist: Float64Array; readonly fDur: Float64Array; readonly fTw: Float64Array;
  readonly fE: Float64Array; readonly fL: Float64Array; readonly fRel: Float64Array;
  readonly fDl: Float64Array; readonly fPen: Float64Array; readonly fCnt: Int32Array; readonly fBad: Int32Array;
  readonly fDel: Float64Array; readonly fPick: Float64Array; readonly fLoad: Float64Array;
  // suffix (backward) data
  readonly bDist: Float64Array; readonly bDur: Float64Array; readonly bTw: Float64Array;
  readonly bE: Float64Array; readonly bL: Float64Array; readonly bRel: Float64Array;
  readonly bDl: Float64Array; readonly bPen: Float64Array; readonly bCnt: Int32Array; readonly bBad: Int32Array;
  readonly bDel: Float64Array; readonly bPick: Float64Array; readonly bLoad: Float64Array;

  /** Nodes 0..n-1 are clients; route r has start sentinel n+2r and end sentinel n+2r+1. */
  constructor(readonly cp: CompiledProblem, readonly R: number, routeType: Int32Array) {
    const n = cp.n;
    const N = (this.N = n + 2 * R);
    const dims = (this.dims = cp.dims);
    const f = () => new Float64Array(N);
    const fd = () => new Float64Array(N * dims);
    this.point = new Int32Array(N);
    this.sDur = f(); this.sE = f(); this.sL = f(); this.sRel = f(); this.sDl = f();
    this.sDel = fd(); this.sPick = fd();
    this.fDist = f(); this.fDur = f(); this.fTw = f(); this.fE = f(); this.fL = f(); this.fRel = f();
    this.fDl = f(); this.fPen = f(); this.fCnt = new Int32Array(N); this.fBad = new Int32Array(N); this.fDel = fd(); this.fPick = fd(); this.fLoad = fd();
    this.bDist = f(); this.bDur = f(); this.bTw = f(); this.bE = f(); this.bL = f(); this.bRel = f();
    this.bDl = f(); this.bPen = f(); this.bCnt = new Int32Array(N); this.bBad = new Int32Array(N); this.bDel = fd(); this.bPick = fd(); this.bLoad = fd();
    for (let c = 0; c < n; c++) {
      this.point[c] = c;
      this.sDur[c] = cp.service[c];
      this.sE[c] = cp.early[c];
      this.sL[c] = cp.late[c];
      this.sRel[c] = cp.release[c];
      this.sDl[c] = cp.deadline[c];
      for (let d = 0; d < dims; d++) {
        this.sDel[c * dims + d] = cp.delivery[c * dims + d];
        this.sPick[c * dims + d] = cp.pickup[c * dims + d];
      }
    }
    for (let r = 0; r < R; r++) this.setRouteType(r, routeType[r]);
  }

  /** (Re)initialises the sentinels of route r for vehicle type t. */
  setRouteType(r: number, t: number): void {
    const cp = this.cp;
    const s = cp.n + 2 * r;
    for (const node of [s, s + 1]) {
      this.point[node] = node === s ? cp.typeStart[t] : cp.typeEnd[t];
      this.sDur[node] = 0;
      this.sE[node] = cp.typeShiftStart[t];
      this.sL[node] = cp.typeShiftEnd[t];
      this.sRel[node] = -Infinity;
      this.sDl[node] = Infinity;
    }
  }
}

/** Reusable segment accumulator; `cost()` prices the route it describes. */
export class Seg {
  dist = 0; dur = 0; tw = 0; e = 0; l = 0; rel = 0; dl = 0; pen = 0; cnt = 0;
  /** Number of clients on a vehicle type they are not allowed on. */
  bad = 0;
  last = 0;
  type = 0;
  readonly del: Float64Array;
  readonly pick: Float64Array;
  readonly load: Float64Array;
  /** Penalty weights: load excess, time warp (also max duration / distance excess). */
  wQ = 1;
  wTW = 1;
  // outputs of cost()
  loadExcess = 0;
  timeWarp = 0;
  baseCost = 0;
  private readonly P: number;
  private readonly dims: number;
  private readonly T: number;
  private readonly distM: Float64Array | Float32Array;
  private readonly durM: Float64Array | Float32Array;
  private readonly assignPen: Float64Array;
  private readonly notAllowed: Uint8Array;
  private readonly n: number;

  constructor(readonly st: SegmentStore) {
    const cp = st.cp;
    this.P = cp.P;
    this.dims = cp.dims;
    this.T = cp.T;
    this.n = cp.n;
    this.distM = cp.dist;
    this.durM = cp.dur;
    this.assignPen = cp.assignPen;
    this.notAllowed = cp.notAllowed;
    this.del = new Float64Array(cp.dims);
    this.pick = new Float64Array(cp.dims);
    this.load = new Float64Array(cp.dims);
  }

  /** Copies another accumulator's state (same store). */
  copyFrom(o: Seg): this {
    this.dist = o.dist; this.dur = o.dur; this.tw = o.tw; this.e = o.e; this.l = o.l; this.rel = o.rel;
    this.dl = o.dl; this.pen = o.pen; this.cnt = o.cnt; this.bad = o.bad; this.last = o.last; this.type = o.type;
    this.wQ = o.wQ; this.wTW = o.wTW;
    this.del.set(o.del); this.pick.set(o.pick); this.load.set(o.load);
    return this;
  }

  /** Starts with the single node `u` (client or sentinel) on a route of type `type`. */
  initNode(u: number, type: number): this {
    const st = this.st;
    this.type = type;
    this.dist = 0; this.dur = st.sDur[u]; this.tw = 0; this.e = st.sE[u]; this.l = st.sL[u];
    this.rel = st.sRel[u]; this.dl = st.sDl[u];
    const client = u < this.n;
    this.pen = client ? this.assignPen[u * this.T + type] : 0;
    this.cnt = client ? 1 : 0;
    this.bad = client ? this.notAllowed[u * this.T + type] : 0;
    const dims = this.dims;
    for (let d = 0; d < dims; d++) {
      const a = st.sDel[u * dims + d], b = st.sPick[u * dims + d];
      this.del[d] = a; this.pick[d] = b; this.load[d] = a > b ? a : b;
    }
    this.last = st.point[u];
    return this;
  }

  /** Starts with the prefix segment (route start .. node) of `node`, on a route of type `type`. */
  initPrefix(node: number, type: number): this {
    const st = this.st;
    this.type = type;
    this.dist = st.fDist[node]; this.dur = st.fDur[node]; this.tw = st.fTw[node];
    this.e = st.fE[node]; this.l = st.fL[node]; this.rel = st.fRel[node]; this.dl = st.fDl[node];
    this.pen = st.fPen[node]; this.cnt = st.fCnt[node]; this.bad = st.fBad[node];
    const dims = this.dims;
    for (let d = 0; d < dims; d++) {
      this.del[d] = st.fDel[node * dims + d]; this.pick[d] = st.fPick[node * dims + d]; this.load[d] = st.fLoad[node * dims + d];
    }
    this.last = st.point[node];
    return this;
  }

  /** Appends one node. */
  node(u: number): this {
    const st = this.st;
    const p = st.point[u];
    const k = this.last * this.P + p;
    const delta = this.dur - this.tw + this.durM[k];
    const uE = st.sE[u], uL = st.sL[u];
    let wt = uE - delta - this.l; if (wt < 0) wt = 0;
    let tw = this.e + delta - uL; if (tw < 0) tw = 0;
    this.dist += this.distM[k];
    this.dur += st.sDur[u] + this.durM[k] + wt;
    this.tw += tw;
    const e2 = uE - delta;
    this.e = (e2 > this.e ? e2 : this.e) - wt;
    const l2 = uL - delta;
    this.l = (l2 < this.l ? l2 : this.l) + tw;
    if (st.sRel[u] > this.rel) this.rel = st.sRel[u];
    if (st.sDl[u] < this.dl) this.dl = st.sDl[u];
    if (u < this.n) {
      this.pen += this.assignPen[u * this.T + this.type];
      this.bad += this.notAllowed[u * this.T + this.type];
      this.cnt++;
    }
    const dims = this.dims;
    for (let d = 0; d < dims; d++) {
      const a = st.sDel[u * dims + d], b = st.sPick[u * dims + d];
      const l1 = this.load[d] + a, l2b = (a > b ? a : b) + this.pick[d];
      this.load[d] = l1 > l2b ? l1 : l2b;
      this.del[d] += a; this.pick[d] += b;
    }
    this.last = p;
    return this;
  }

  /** Appends the suffix segment (node .. its route's end sentinel). */
  suffix(node: number): this {
    const st = this.st;
    const p = st.point[node];
    const k = this.last * this.P + p;
    const delta = this.dur - this.tw + this.durM[k];
    const uE = st.bE[node], uL = st.bL[node];
    let wt = uE - delta - this.l; if (wt < 0) wt = 0;
    let tw = this.e + delta - uL; if (tw < 0) tw = 0;
    this.dist += this.distM[k] + st.bDist[node];
    this.dur += st.bDur[node] + this.durM[k] + wt;
    this.tw += tw + st.bTw[node];
    const e2 = uE - delta;
    this.e = (e2 > this.e ? e2 : this.e) - wt;
    const l2 = uL - delta;
    this.l = (l2 < this.l ? l2 : this.l) + tw;
    if (st.bRel[node] > this.rel) this.rel = st.bRel[node];
    if (st.bDl[node] < this.dl) this.dl = st.bDl[node];
    this.pen += st.bPen[node];
    this.cnt += st.bCnt[node];
    const dims = this.dims;
    for (let d = 0; d < dims; d++) {
      const j = node * dims + d;
      const l1 = this.load[d] + st.bDel[j], l2b = st.bLoad[j] + this.pick[d];
      this.load[d] = l1 > l2b ? l1 : l2b;
      this.del[d] += st.bDel[j]; this.pick[d] += st.bPick[j];
    }
    this.bad += st.bBad[node];
    this.last = -1; // the route is complete
    return this;
  }

  /** Appends nodes from..to following `next` (inclusive). */
  range(next: Int32Array, from: number, to: number): this {
    for (let u = from; ; u = next[u]) {
      this.node(u);
      if (u === to) break;
    }
    return this;
  }

  /**
   * Cost of the route "this segment, then the end sentinel `e`" without
   * changing the accumulator (Split's inner loop).
   */
  costWithEnd(e: number): number {
    const st = this.st;
    const k = this.last * this.P + st.point[e];
    const delta = this.dur - this.tw + this.durM[k];
    const uE = st.sE[e], uL = st.sL[e];
    let wt = uE - delta - this.l; if (wt < 0) wt = 0;
    let tw = this.e + delta - uL; if (tw < 0) tw = 0;
    const sd = this.dist, sdur = this.dur, stw = this.tw, se = this.e, sl = this.l, last = this.last;
    this.dist += this.distM[k];
    this.dur += this.durM[k] + wt;
    this.tw += tw;
    const e2 = uE - delta;
    this.e = (e2 > this.e ? e2 : this.e) - wt;
    const l2 = uL - delta;
    this.l = (l2 < this.l ? l2 : this.l) + tw;
    const c = this.cost();
    this.dist = sd; this.dur = sdur; this.tw = stw; this.e = se; this.l = sl; this.last = last;
    return c;
  }

  /** Stores the accumulated segment as the prefix segment of `node`. */
  storePrefix(node: number): void {
    const st = this.st;
    st.fDist[node] = this.dist; st.fDur[node] = this.dur; st.fTw[node] = this.tw; st.fE[node] = this.e;
    st.fL[node] = this.l; st.fRel[node] = this.rel; st.fDl[node] = this.dl; st.fPen[node] = this.pen;
    st.fCnt[node] = this.cnt; st.fBad[node] = this.bad;
    const dims = this.dims;
    for (let d = 0; d < dims; d++) {
      st.fDel[node * dims + d] = this.del[d]; st.fPick[node * dims + d] = this.pick[d]; st.fLoad[node * dims + d] = this.load[d];
    }
  }

  /** Stores the accumulated segment as the suffix segment of `node`. */
  storeSuffix(node: number): void {
    const st = this.st;
    st.bDist[node] = this.dist; st.bDur[node] = this.dur; st.bTw[node] = this.tw; st.bE[node] = this.e;
    st.bL[node] = this.l; st.bRel[node] = this.rel; st.bDl[node] = this.dl; st.bPen[node] = this.pen;
    st.bCnt[node] = this.cnt; st.bBad[node] = this.bad;
    const dims = this.dims;
    for (let d = 0; d < dims; d++) {
      st.bDel[node * dims + d] = this.del[d]; st.bPick[node * dims + d] = this.pick[d]; st.bLoad[node * dims + d] = this.load[d];
    }
  }

  /**
   * Prices the complete route (it must end with the end sentinel): returns the
   * penalised cost and sets `baseCost` (fixed + distance + duration costs,
   * reassignment penalties), `loadExcess` and `timeWarp` (time warp + release /
   * deadline violation + max duration / distance excess). An empty route costs 0.
   */
  cost(): number {
    if (this.cnt === 0) {
      this.baseCost = 0; this.loadExcess = 0; this.timeWarp = 0;
      return 0;
    }
    const cp = this.st.cp;
    const t = this.type;
    let dur = this.dur;
    let tw = this.tw;
    // The departure can be no earlier than the latest release time of the route's
    // jobs nor than the vehicle's shift start (a dispatch deadline before the shift
    // start is a violation, priced as time warp below).
    const shiftStart = cp.typeShiftStart[t];
    const lo = this.rel > shiftStart ? this.rel : shiftStart;
    const hi = this.l < this.dl ? this.l : this.dl;
    let dep: number;
    if (lo <= hi) dep = this.e < lo ? lo : this.e > hi ? hi : this.e;
    else {
      tw += lo - hi;
      dep = this.e < hi ? hi : this.e > lo ? lo : this.e;
    }
    if (this.e > dep) dur += this.e - dep;
    if (dur > cp.typeMaxDur[t]) tw += dur - cp.typeMaxDur[t];
    if (this.dist > cp.typeMaxDist[t]) tw += this.dist - cp.typeMaxDist[t];
    let lx = 0;
    const dims = this.dims;
    for (let d = 0; d < dims; d++) {
      const x = this.load[d] - cp.typeCap[t * dims + d];
      if (x > 0) lx += x;
    }
    const base = cp.typeFixed[t] + cp.typePerDist[t] * this.dist + cp.typePerDur[t] * dur + this.pen;
    this.baseCost = base;
    this.loadExcess = lx;
    this.timeWarp = tw;
    return base + this.wQ * lx + this.wTW * tw;
  }
}
