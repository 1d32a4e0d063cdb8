/**
 * Granular local search (HGS.md §3-§5): routes as doubly linked lists of
 * nodes with prefix/suffix segments, moves (u, v) with v among u's
 * correlated clients, randomised order, first improvement, timestamps to
 * skip unchanged route pairs, moves into empty routes, and a SWAP* phase.
 * Every move is priced in O(1) by concatenating segments (intra-route moves
 * pay the length of the reordered part); only applied moves pay O(route length).
 */
import type { Rng } from '../core/rng.js';
import type { CompiledProblem } from './compile.js';
import { EPS, Individual } from './individual.js';
import { Seg, SegmentStore } from './segments.js';
import { relocate, swap } from './exchange.js';
import { twoOpt, twoOptStar } from './twoOpt.js';
import { SwapStar } from './swapStar.js';

/** Improvement threshold for accepting a move. */
export const MOVE_EPS = 1e-7;

export class LocalSearch {
  readonly n: number;
  readonly R: number;
  readonly N: number;
  readonly cp: CompiledProblem;
  readonly st: SegmentStore;
  readonly seg1: Seg;
  readonly seg2: Seg;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  readonly routeOf: Int32Array;
  readonly pos: Int32Array;
  readonly routeCost: Float64Array;
  readonly routeLen: Int32Array;
  /** Distance of each route (for the cheap lower bound of move pruning). */
  readonly routeDist: Float64Array;
  readonly modified: Int32Array;
  readonly lastTestRI: Int32Array;
  /** Whether a suffix of a route of type a may be appended to a route of type b as is. */
  readonly tailCompat: Uint8Array;
  nbMoves = 0;
  wQ = 1;
  wTW = 1;
  private readonly order: Int32Array;
  private readonly nbList: Int32Array;
  private readonly swapStar: SwapStar;

  constructor(cp: CompiledProblem, readonly slotType: Int32Array, readonly rng: Rng, readonly useSwapStar = true) {
    this.cp = cp;
    const n = (this.n = cp.n);
    const R = (this.R = slotType.length);
    const N = (this.N = n + 2 * R);
    this.st = new SegmentStore(cp, R, slotType);
    this.seg1 = new Seg(this.st);
    this.seg2 = new Seg(this.st);
    this.next = new Int32Array(N);
    this.prev = new Int32Array(N);
    this.routeOf = new Int32Array(N);
    this.pos = new Int32Array(N);
    this.routeCost = new Float64Array(R);
    this.routeLen = new Int32Array(R);
    this.routeDist = new Float64Array(R);
    this.modified = new Int32Array(R);
    this.lastTestRI = new Int32Array(n);
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    this.nbList = cp.nbList.slice();
    const T = cp.T;
    this.tailCompat = new Uint8Array(T * T);
    for (let a = 0; a < T; a++) {
      for (let b = 0; b < T; b++) {
        this.tailCompat[a * T + b] =
          a === b ||
          (!cp.hasAssignPen &&
            cp.typeEnd[a] === cp.typeEnd[b] &&
            cp.typeShiftStart[a] === cp.typeShiftStart[b] &&
            cp.typeShiftEnd[a] === cp.typeShiftEnd[b])
            ? 1
            : 0;
      }
    }
    this.swapStar = new SwapStar(this);
  }

  startOf(r: number): number {
    return this.n + 2 * r;
  }

  endOf(r: number): number {
    return this.n + 2 * r + 1;
  }

  /** Improves `ind` in place with penalty weights wQ, wTW. */
  run(ind: Individual, wQ: number, wTW: number): void {
    this.wQ = this.seg1.wQ = this.seg2.wQ = wQ;
    this.wTW = this.seg1.wTW = this.seg2.wTW = wTW;
    this.load(ind);
    const rng = this.rng;
    rng.shuffle(this.order);
    const cp = this.cp;
    const nbStart = cp.nbStart;
    const nbList = this.nbList;
    // occasionally reshuffle a neighbour list
    for (let u = 0; u < this.n; u++) {
      const len = nbStart[u + 1] - nbStart[u];
      if (len > 1 && rng.int(len) === 0) shuffleRange(rng, nbList, nbStart[u], nbStart[u + 1]);
    }
    this.lastTestRI.fill(-1);
    this.modified.fill(0);
    this.swapStar.reset();
    const n = this.n;
    for (let loop = 0; loop < 1000; loop++) {
      let improved = false;
      for (let k = 0; k < n; k++) {
        const u = this.order[k];
        const last = this.lastTestRI[u];
        this.lastTestRI[u] = this.nbMoves;
        const end = nbStart[u + 1];
        for (let q = nbStart[u]; q < end; q++) {
          const v = nbList[q];
          if (loop > 0) {
            const mu = this.modified[this.routeOf[u]], mv = this.modified[this.routeOf[v]];
            if ((mu > mv ? mu : mv) <= last) continue;
          }
          if (this.tryPair(u, v, loop)) improved = true;
        }
        if (loop > 0 && this.tryEmptyRoutes(u)) improved = true;
      }
      if (this.useSwapStar && this.swapStar.phase(loop)) improved = true;
      if (this.cp.T > 1 && this.swapRoutes()) improved = true;
      if (!improved && loop > 0) break;
    }
    this.exportTo(ind);
  }

  private tryPair(u: number, v: number, loop: number): boolean {
    if (relocate(this, u, v, 1)) return true;
    if (relocate(this, u, v, 2)) return true;
    if (relocate(this, u, v, 3)) return true;
    if (swap(this, u, v, 1)) return true;
    if (swap(this, u, v, 2)) return true;
    if (swap(this, u, v, 3)) return true;
    if (this.routeOf[u] === this.routeOf[v]) {
      if (twoOpt(this, u, v)) return true;
    } else if (twoOptStar(this, u, v)) return true;
    const pv = this.prev[v];
    if (loop > 0 && pv >= this.n) {
      if (relocate(this, u, pv, 1)) return true;
      if (relocate(this, u, pv, 2)) return true;
      if (relocate(this, u, pv, 3)) return true;
      if (this.routeOf[u] !== this.routeOf[pv] && twoOptStar(this, u, pv)) return true;
    }
    return false;
  }

  /** Cost of route r's clients driven by slot r2 (its type, start and end). */
  private costOn(r: number, r2: number): number {
    const seg = this.seg1;
    seg.initNode(this.startOf(r2), this.slotType[r2]);
    for (let u = this.next[this.startOf(r)]; u < this.n; u = this.next[u]) seg.node(u);
    return seg.node(this.endOf(r2)).cost();
  }

  /** Heterogeneous fleets: exchange the whole contents of two routes of different vehicle types when cheaper. */
  private swapRoutes(): boolean {
    let improved = false;
    const R = this.R;
    for (let a = 0; a < R; a++) {
      if (this.routeLen[a] === 0) continue;
      let seenEmpty = 0;
      for (let b = 0; b < R; b++) {
        if (b === a || this.slotType[a] === this.slotType[b]) continue;
        if (this.routeLen[b] === 0) {
          const bit = 1 << this.slotType[b] % 30;
          if (seenEmpty & bit) continue;
          seenEmpty |= bit;
        } else if (b < a) continue;
        const c = this.costOn(a, b) + (this.routeLen[b] > 0 ? this.costOn(b, a) : 0);
        if (c - this.routeCost[a] - this.routeCost[b] > -MOVE_EPS) continue;
        const listA: number[] = [], listB: number[] = [];
        for (let u = this.next[this.startOf(a)]; u < this.n; u = this.next[u]) listA.push(u);
        for (let u = this.next[this.startOf(b)]; u < this.n; u = this.next[u]) listB.push(u);
        this.relink(a, listB);
        this.relink(b, listA);
        this.moved(a, b);
        improved = true;
        if (this.routeLen[a] === 0) break;
      }
    }
    return improved;
  }

  private relink(r: number, list: number[]): void {
    let prev = this.startOf(r);
    for (const u of list) {
      this.next[prev] = u;
      this.prev[u] = prev;
      prev = u;
    }
    this.next[prev] = this.endOf(r);
    this.prev[this.endOf(r)] = prev;
  }

  /** Relocate u (or u's tail) into one empty route of each vehicle type. */
  private tryEmptyRoutes(u: number): boolean {
    const T = this.cp.T;
    let seen = 0;
    for (let r = 0; r < this.R && seen < T; r++) {
      if (this.routeLen[r] !== 0) continue;
      const bit = 1 << this.slotType[r] % 30;
      if (seen & bit) continue;
      seen |= bit;
      const s = this.startOf(r);
      if (relocate(this, u, s, 1)) return true;
      if (twoOptStar(this, u, s)) return true;
    }
    return false;
  }

  /** Distance between two nodes. */
  d(a: number, b: number): number {
    const pt = this.st.point;
    return this.cp.dist[pt[a] * this.cp.P + pt[b]];
  }

  /**
   * Lower bound of the cost of route r if its distance became `dist` with
   * `count` clients: fixed + perDistance × distance (all other cost terms are ≥ 0).
   */
  lb(r: number, dist: number, count: number): number {
    if (count === 0) return 0;
    const t = this.slotType[r];
    return this.cp.typeFixed[t] + this.cp.typePerDist[t] * dist;
  }

  /** Appends to `seg` the tail starting at `node` (a node of another route) ending at route `target`'s end. */
  appendTail(seg: Seg, node: number, target: number): Seg {
    const n = this.n;
    if (node >= n) return seg.node(this.endOf(target));
    const from = this.routeOf[node];
    if (this.tailCompat[this.slotType[from] * this.cp.T + this.slotType[target]]) return seg.suffix(node);
    for (let w = node; w < n; w = this.next[w]) seg.node(w);
    return seg.node(this.endOf(target));
  }

  /** Moves node a to just after node b (b may be a start sentinel). */
  insertAfter(a: number, b: number): void {
    const pa = this.prev[a], na = this.next[a];
    this.next[pa] = na;
    this.prev[na] = pa;
    const nb = this.next[b];
    this.next[b] = a;
    this.prev[a] = b;
    this.next[a] = nb;
    this.prev[nb] = a;
    this.routeOf[a] = this.routeOf[b];
  }

  /** Swaps two client nodes (any routes). */
  swapNodes(u: number, v: number): void {
    if (this.next[u] === v) this.insertAfter(u, v);
    else if (this.next[v] === u) this.insertAfter(v, u);
    else {
      const pu = this.prev[u], pv = this.prev[v];
      this.insertAfter(u, pv);
      this.insertAfter(v, pu);
    }
  }

  /** Recomputes positions, segments and the cost of route r after a change. */
  updateRoute(r: number): void {
    const seg = this.seg1;
    const t = this.slotType[r];
    const s = this.startOf(r), e = this.endOf(r);
    seg.initNode(s, t);
    seg.storePrefix(s);
    this.pos[s] = 0;
    this.routeOf[s] = r;
    let p = 0;
    for (let u = this.next[s]; u !== e; u = this.next[u]) {
      seg.node(u);
      seg.storePrefix(u);
      this.pos[u] = ++p;
      this.routeOf[u] = r;
    }
    seg.node(e);
    seg.storePrefix(e);
    this.pos[e] = p + 1;
    this.routeLen[r] = p;
    this.routeDist[r] = seg.dist;
    this.routeCost[r] = seg.cost();
    seg.initNode(e, t);
    seg.storeSuffix(e);
    for (let u = this.prev[e]; u !== s; u = this.prev[u]) {
      seg.initNode(u, t).suffix(this.next[u]);
      seg.storeSuffix(u);
    }
    seg.initNode(s, t).suffix(this.next[s]);
    seg.storeSuffix(s);
    this.modified[r] = this.nbMoves;
    this.swapStar.routeChanged(r);
  }

  /** Marks a successful move on routes ra and rb (may be equal). */
  moved(ra: number, rb: number): void {
    this.nbMoves++;
    this.updateRoute(ra);
    if (rb !== ra) this.updateRoute(rb);
  }

  private load(ind: Individual): void {
    for (let r = 0; r < this.R; r++) {
      const route = ind.routes[r];
      let prev = this.startOf(r);
      for (let i = 0; i < route.length; i++) {
        const u = route[i];
        this.next[prev] = u;
        this.prev[u] = prev;
        prev = u;
      }
      this.next[prev] = this.endOf(r);
      this.prev[this.endOf(r)] = prev;
      this.prev[this.startOf(r)] = -1;
      this.next[this.endOf(r)] = -1;
      this.updateRoute(r);
    }
  }

  private exportTo(ind: Individual): void {
    const cp = this.cp;
    for (let r = 0; r < this.R; r++) {
      const a = new Int32Array(this.routeLen[r]);
      let k = 0;
      for (let u = this.next[this.startOf(r)]; u < this.n; u = this.next[u]) a[k++] = u;
      ind.routes[r] = a;
    }
    // giant tour: routes ordered by polar angle of their barycentre (when coordinates exist)
    let order: number[] | undefined;
    if (cp.px && cp.py) {
      const ang = new Float64Array(this.R);
      for (let r = 0; r < this.R; r++) {
        const a = ind.routes[r];
        if (a.length === 0) continue;
        let x = 0, y = 0;
        for (const c of a) { x += cp.px[c]; y += cp.py[c]; }
        const d = cp.typeStart[this.slotType[r]];
        ang[r] = Math.atan2(y / a.length - cp.py[d], x / a.length - cp.px[d]);
      }
      order = [...Array(this.R).keys()].sort((a, b) => ang[a] - ang[b] || a - b);
    }
    ind.evaluate(this.seg1, this.n, this.slotType, true, order);
  }

  /** Sum of current route costs (for tests). */
  totalCost(): number {
    let s = 0;
    for (let r = 0; r < this.R; r++) s += this.routeCost[r];
    return s;
  }
}

function shuffleRange(rng: Rng, a: Int32Array, from: number, to: number): void {
  for (let i = to - 1; i > from; i--) {
    const j = from + rng.int(i - from + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

export { EPS };
