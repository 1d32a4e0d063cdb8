/**
 * The accumulator that prices a proposed route: it starts from a stored
 * segment (usually a prefix), appends single visits or stored segments (a
 * suffix, a between-positions segment) across the arcs that join them, and
 * `price()` turns the result into the penalised route cost. Nothing is
 * allocated; an accumulator is reused for every move.
 */
import { DurationSegment } from './duration.js';
import { LoadSegment } from './load.js';
import type { SearchData } from './data.js';
import type { SegmentTable } from './table.js';

export class Concat {
  /** Vehicle type of the route being priced. */
  type = 0;
  first = -1;
  last = -1;
  distance = 0;
  arcCost = 0;
  travel = 0;
  task = 0;
  count = 0;
  penalty = 0;
  notAllowed = 0;
  readonly time = new DurationSegment();
  readonly load: LoadSegment;
  // outputs of price()
  baseCost = 0;
  loadExcess = 0;
  timeWarp = 0;
  private readonly P: number;
  private readonly T: number;
  private readonly n: number;
  /** The matrices of the current route type. */
  private distM: Float64Array | Float32Array;
  private durM: Float64Array | Float32Array;
  private arcM: Float64Array | Float32Array;
  private readonly assignPen: Float64Array;
  private readonly notAllowedOf: Uint8Array;
  private readonly hasAssignPen: boolean;

  constructor(readonly data: SearchData) {
    const cp = data.cp;
    this.P = cp.P;
    this.T = cp.T;
    this.n = cp.n;
    this.distM = cp.dist;
    this.durM = cp.dur;
    this.arcM = cp.dist;
    this.assignPen = cp.assignPen;
    this.notAllowedOf = cp.notAllowed;
    this.hasAssignPen = cp.hasAssignPen;
    this.load = new LoadSegment(cp.dims);
  }

  /** Starts with the segment stored at `t[i]`, on a route of vehicle type `type`. */
  start(t: SegmentTable, i: number, type: number): this {
    this.setType(type);
    this.first = t.first[i];
    this.last = t.last[i];
    this.distance = t.distance[i];
    this.arcCost = t.arcCost[i];
    this.travel = t.travel[i];
    this.task = t.task[i];
    this.count = t.count[i];
    this.penalty = t.penalty[i];
    this.notAllowed = t.notAllowed[i];
    this.time.load(t.time, i);
    this.load.load(t.load, i);
    return this;
  }

  private setType(type: number): void {
    this.type = type;
    this.distM = this.data.typeDist[type];
    this.durM = this.data.typeDur[type];
    this.arcM = this.data.typeArc[type];
  }

  /** Starts with the single visit of node `u`. */
  startNode(u: number, type: number): this {
    this.start(this.data.visits, u, type);
    if (u < this.n && this.hasAssignPen) {
      this.penalty = this.assignPen[u * this.T + type];
      this.notAllowed = this.notAllowedOf[u * this.T + type];
    }
    return this;
  }

  /** Appends the segment stored at `t[i]` (its penalties must be those of this route's type). */
  append(t: SegmentTable, i: number): this {
    const k = this.last * this.P + t.first[i];
    const dk = this.distM[k], tk = this.durM[k];
    this.distance += dk + t.distance[i];
    this.arcCost += (this.arcM === this.distM ? dk : this.arcM[k]) + t.arcCost[i];
    this.travel += tk + t.travel[i];
    this.task += t.task[i];
    this.time.appendStored(tk, t.time, i);
    this.load.appendStored(t.load, i);
    this.count += t.count[i];
    this.penalty += t.penalty[i];
    this.notAllowed += t.notAllowed[i];
    this.last = t.last[i];
    return this;
  }

  /** Appends the single visit of node `u` (client or sentinel). */
  node(u: number): this {
    this.append(this.data.visits, u);
    if (u < this.n && this.hasAssignPen) {
      this.penalty += this.assignPen[u * this.T + this.type];
      this.notAllowed += this.notAllowedOf[u * this.T + this.type];
    }
    return this;
  }

  /** Stores the accumulated segment at `t[i]`. */
  store(t: SegmentTable, i: number): void {
    t.first[i] = this.first;
    t.last[i] = this.last;
    t.distance[i] = this.distance;
    t.arcCost[i] = this.arcCost;
    t.travel[i] = this.travel;
    t.task[i] = this.task;
    t.count[i] = this.count;
    t.penalty[i] = this.penalty;
    t.notAllowed[i] = this.notAllowed;
    this.time.store(t.time, i);
    this.load.store(t.load, i);
  }

  copy(o: Concat): this {
    this.setType(o.type);
    this.first = o.first;
    this.last = o.last;
    this.distance = o.distance;
    this.arcCost = o.arcCost;
    this.travel = o.travel;
    this.task = o.task;
    this.count = o.count;
    this.penalty = o.penalty;
    this.notAllowed = o.notAllowed;
    this.time.copy(o.time);
    this.load.copy(o.load);
    return this;
  }

  /**
   * Prices the complete route (start sentinel … end sentinel): returns the
   * penalised cost and sets `baseCost` (fixed + arc costs + duration and task
   * time costs + assignment penalties), `loadExcess` and `timeWarp` (time
   * warp, release / dispatch-deadline conflict, max duration / distance /
   * travel time excess). A route without clients costs 0.
   */
  price(): number {
    if (this.count === 0) {
      this.baseCost = 0;
      this.loadExcess = 0;
      this.timeWarp = 0;
      return 0;
    }
    const cp = this.data.cp;
    const t = this.type;
    const time = this.time;
    let dur = time.duration;
    let tw = time.timeWarp;
    // The departure is no earlier than the latest release time and the shift
    // start, no later than the latest start and the earliest dispatch deadline;
    // when those conflict the gap is priced as time warp.
    const shiftStart = cp.typeShiftStart[t];
    const lo = time.release > shiftStart ? time.release : shiftStart;
    const hi = time.latest < time.deadline ? time.latest : time.deadline;
    let dep: number;
    if (lo <= hi) dep = time.earliest < lo ? lo : time.earliest > hi ? hi : time.earliest;
    else {
      tw += lo - hi;
      dep = time.earliest < hi ? hi : time.earliest > lo ? lo : time.earliest;
    }
    if (time.earliest > dep) dur += time.earliest - dep;
    if (dur > cp.typeMaxDur[t]) tw += dur - cp.typeMaxDur[t];
    if (this.distance > cp.typeMaxDist[t]) tw += this.distance - cp.typeMaxDist[t];
    if (this.travel > cp.typeMaxTravel[t]) tw += this.travel - cp.typeMaxTravel[t];
    const lx = this.load.excess(cp.typeCap, t * cp.dims);
    let base = cp.typeFixed[t] + this.arcCost + cp.typePerDur[t] * dur + cp.typePerTask[t] * this.task + this.penalty;
    // the objective's per-route term (balance, makespan: search/objective.ts), null otherwise
    const rt = this.data.routeTerm;
    if (rt !== null) {
      const m = rt.measure;
      base += rt.term(m === 0 ? dur : m === 1 ? this.distance : m === 2 ? this.count : (dep === -Infinity ? Math.min(0, hi) : dep) + dur);
    }
    this.baseCost = base;
    this.loadExcess = lx;
    this.timeWarp = this.notAllowed > 0 ? tw + this.notAllowed : tw;
    return base + this.data.wQ * lx + this.data.wTW * this.timeWarp;
  }

}
