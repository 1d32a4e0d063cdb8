/**
 * The working solution of the search: every route slot as an array of
 * nodes (start sentinel, clients, end sentinel), each node's route and
 * position, the prefix and suffix segment of every node, and each route's
 * priced cost. Moves are evaluated against this state by operators and
 * applied through `insert` / `remove` / `setRoute`; `update(r)` refreshes a
 * changed route in O(its length).
 */
import { BetweenTables } from './between.js';
import { Concat } from './concat.js';
import type { SearchData } from './data.js';
import { SegmentTable } from './table.js';

export class SearchRoutes {
  readonly n: number;
  readonly R: number;
  readonly N: number;
  /** Route slot of each node (-1: not in any route). */
  readonly routeOf: Int32Array;
  /** Position of each node in its route (start sentinel 0). */
  readonly pos: Int32Array;
  /** Per route: nodes[0] = start sentinel, nodes[1..len] = clients, nodes[len+1] = end sentinel. */
  readonly nodes: Int32Array[];
  /** Number of clients per route. */
  readonly len: Int32Array;
  readonly prefix: SegmentTable;
  readonly suffix: SegmentTable;
  readonly between: BetweenTables;
  /** Per route: penalised cost, its parts, and the sum of its arc costs (the cheap bounds' measure). */
  readonly cost: Float64Array;
  readonly base: Float64Array;
  readonly loadExcess: Float64Array;
  readonly timeWarp: Float64Array;
  readonly arcCost: Float64Array;
  /**
   * Per node, refreshed with its route: the arc cost of the arc leaving it
   * (`arcOut`) and of the arc that joins its neighbours when the 1, 2 or 3
   * clients starting at it are cut out (`skip1..3`: prev → the node after
   * them), for its route's vehicle type. Move bounds read these instead of the
   * matrix, which on large instances does not fit in cache.
   */
  readonly arcOut: Float64Array;
  readonly skip1: Float64Array;
  readonly skip2: Float64Array;
  readonly skip3: Float64Array;
  /** Per node: shipments picked up at or before it and delivered after it (a route may be cut after it iff 0). */
  readonly open: Int32Array;
  /** Per route: number of shipment stops on it. */
  readonly stops: Int32Array;
  /** Per route: fixed cost of its vehicle type (for cheap lower bounds). */
  readonly fixedCost: Float64Array;
  /** Per route: the update counter when it last changed (timestamps of the local search). */
  readonly version: Int32Array;
  updates = 0;
  /** Non-empty routes, kept by `update`. */
  used = 0;
  private readonly inUse: Uint8Array;
  /** Whether a suffix of a route of type a may end a route of type b as stored (same travel and arc costs, end depot and shift, no type-specific penalties). */
  readonly tailCompat: Uint8Array;
  /** Scratch client lists for operators that rebuild routes. */
  readonly bufA: Int32Array;
  readonly bufB: Int32Array;
  /** Accumulators for operators (a, b) and internal use (c). */
  readonly a: Concat;
  readonly b: Concat;
  readonly c: Concat;

  constructor(readonly data: SearchData) {
    const n = (this.n = data.n);
    const R = (this.R = data.R);
    const N = (this.N = data.N);
    this.routeOf = new Int32Array(N).fill(-1);
    this.pos = new Int32Array(N);
    this.nodes = [];
    for (let r = 0; r < R; r++) {
      const a = new Int32Array(8);
      a[0] = data.startOf(r);
      a[1] = data.endOf(r);
      this.nodes.push(a);
      this.routeOf[a[0]] = r;
      this.routeOf[a[1]] = r;
      this.pos[a[1]] = 1;
    }
    this.len = new Int32Array(R);
    this.prefix = new SegmentTable(N, data.dims);
    this.suffix = new SegmentTable(N, data.dims);
    this.between = new BetweenTables(R, data.dims, data.sameTravel, data.cp.T);
    this.cost = new Float64Array(R);
    this.base = new Float64Array(R);
    this.loadExcess = new Float64Array(R);
    this.timeWarp = new Float64Array(R);
    this.arcCost = new Float64Array(R);
    this.version = new Int32Array(R);
    this.inUse = new Uint8Array(R);
    this.arcOut = new Float64Array(N);
    this.skip1 = new Float64Array(N);
    this.skip2 = new Float64Array(N);
    this.skip3 = new Float64Array(N);
    this.open = new Int32Array(N);
    this.stops = new Int32Array(R);
    this.fixedCost = new Float64Array(R);
    for (let r = 0; r < R; r++) this.fixedCost[r] = data.cp.typeFixed[data.slotType[r]];
    this.a = new Concat(data);
    this.b = new Concat(data);
    this.c = new Concat(data);
    this.bufA = new Int32Array(n + 2);
    this.bufB = new Int32Array(n + 2);
    const cp = data.cp, T = cp.T;
    this.tailCompat = new Uint8Array(T * T);
    for (let x = 0; x < T; x++) {
      for (let y = 0; y < T; y++) {
        this.tailCompat[x * T + y] =
          x === y ||
          (data.sameTravel[x * T + y] &&
            cp.typeEnd[x] === cp.typeEnd[y] &&
            cp.typeShiftStart[x] === cp.typeShiftStart[y] &&
            cp.typeShiftEnd[x] === cp.typeShiftEnd[y])
            ? 1
            : 0;
      }
    }
    for (let r = 0; r < R; r++) this.update(r);
  }

  typeOf(r: number): number {
    return this.data.slotType[r];
  }

  /** Node before / after `u` in its route. */
  prev(u: number): number {
    return this.nodes[this.routeOf[u]][this.pos[u] - 1];
  }

  next(u: number): number {
    return this.nodes[this.routeOf[u]][this.pos[u] + 1];
  }

  /** Inserts client `u` (not routed) at position `p` (1 ≤ p ≤ len + 1) of route r. Call `update(r)` after. */
  insert(u: number, r: number, p: number): void {
    const m = this.len[r];
    let a = this.nodes[r];
    if (a.length < m + 3) {
      const b = new Int32Array(Math.max(8, 2 * (m + 3)));
      b.set(a.subarray(0, m + 2));
      a = this.nodes[r] = b;
    }
    a.copyWithin(p + 1, p, m + 2);
    a[p] = u;
    this.len[r] = m + 1;
    this.routeOf[u] = r;
  }

  /** Removes client `u` from its route. Call `update(r)` after. */
  remove(u: number): void {
    const r = this.routeOf[u];
    const m = this.len[r];
    const a = this.nodes[r];
    const p = this.pos[u];
    a.copyWithin(p, p + 1, m + 2);
    this.len[r] = m - 1;
    this.routeOf[u] = -1;
    // keep positions of the shifted nodes valid until update(r)
    for (let q = p; q <= m; q++) this.pos[a[q]] = q;
  }

  /** Replaces the clients of route r by `clients[from..to)`. Call `update(r)` after. */
  setRoute(r: number, clients: ArrayLike<number>, from = 0, to = clients.length): void {
    const m = to - from;
    let a = this.nodes[r];
    const s = a[0], e = a[this.len[r] + 1];
    if (a.length < m + 2) a = this.nodes[r] = new Int32Array(Math.max(8, 2 * (m + 2)));
    a[0] = s;
    for (let i = 0; i < m; i++) {
      a[i + 1] = clients[from + i];
      this.routeOf[clients[from + i]] = r;
    }
    a[m + 1] = e;
    this.len[r] = m;
  }

  /** Clears route r (its clients become unrouted). Call `update(r)` after. */
  clear(r: number): void {
    const a = this.nodes[r];
    const m = this.len[r];
    for (let i = 1; i <= m; i++) this.routeOf[a[i]] = -1;
    a[1] = a[m + 1];
    this.len[r] = 0;
  }

  /** Recomputes positions, prefix and suffix segments and the cost of route r. */
  update(r: number): void {
    const acc = this.c;
    const t = this.data.slotType[r];
    const a = this.nodes[r];
    const m = this.len[r];
    const pos = this.pos, routeOf = this.routeOf;
    acc.startNode(a[0], t).store(this.prefix, a[0]);
    pos[a[0]] = 0;
    routeOf[a[0]] = r;
    for (let p = 1; p <= m + 1; p++) {
      const u = a[p];
      acc.node(u).store(this.prefix, u);
      pos[u] = p;
      routeOf[u] = r;
    }
    if (this.data.hasShipments) {
      const partner = this.data.partner, isPickup = this.data.isPickup, n = this.n;
      let open = 0, stops = 0;
      for (let p = 0; p <= m + 1; p++) {
        const u = a[p];
        if (u < n && partner[u] >= 0) {
          stops++;
          open += isPickup[u] ? 1 : -1;
        }
        this.open[u] = open;
      }
      this.stops[r] = stops;
    }
    const pt = this.data.visits.first, D = this.data.typeArc[t], P = this.data.P;
    for (let p = 0; p <= m; p++) {
      const from = pt[a[p]] * P;
      this.arcOut[a[p]] = D[from + pt[a[p + 1]]];
      if (p === 0) continue;
      const before = pt[a[p - 1]] * P;
      this.skip1[a[p]] = D[before + pt[a[p + 1]]];
      if (p + 2 <= m + 1) this.skip2[a[p]] = D[before + pt[a[p + 2]]];
      if (p + 3 <= m + 1) this.skip3[a[p]] = D[before + pt[a[p + 3]]];
    }
    this.arcCost[r] = acc.arcCost;
    this.cost[r] = acc.price();
    this.base[r] = acc.baseCost;
    this.loadExcess[r] = acc.loadExcess;
    this.timeWarp[r] = acc.timeWarp;
    acc.startNode(a[m + 1], t).store(this.suffix, a[m + 1]);
    for (let p = m; p >= 0; p--) {
      const u = a[p];
      acc.startNode(u, t).append(this.suffix, a[p + 1]).store(this.suffix, u);
    }
    this.version[r] = ++this.updates;
    const inUse = m > 0 ? 1 : 0;
    if (inUse !== this.inUse[r]) {
      this.used += inUse ? 1 : -1;
      this.inUse[r] = inUse;
    }
  }

  /** Re-prices every route after the penalty weights changed (no re-walk). */
  reprice(): void {
    const { wQ, wTW } = this.data;
    for (let r = 0; r < this.R; r++) {
      this.cost[r] = this.len[r] === 0 ? 0 : this.base[r] + wQ * this.loadExcess[r] + wTW * this.timeWarp[r];
    }
  }

  /** Appends route r's visits at positions i..j (forward, 1 ≤ i ≤ j ≤ len). */
  appendBetween(acc: Concat, r: number, i: number, j: number): Concat {
    this.between.appendForward(acc, r, this.data.slotType[r], this.nodes[r], this.len[r], this.version[r], i, j, this.c);
    return acc;
  }

  /** Appends route r's visits at positions j, j-1, …, i (reversed, 1 ≤ i ≤ j ≤ len). */
  appendReversed(acc: Concat, r: number, i: number, j: number): Concat {
    this.between.appendBackward(acc, r, this.data.slotType[r], this.nodes[r], this.len[r], this.version[r], i, j, this.c);
    return acc;
  }

  /**
   * Appends the visits of route `from` at positions p..len followed by route
   * `target`'s end sentinel (p = len + 1: just the end sentinel). Uses the
   * stored suffix when it fits the target route as is.
   */
  appendTail(acc: Concat, from: number, p: number, target: number): Concat {
    const a = this.nodes[from];
    const m = this.len[from];
    const T = this.data.cp.T;
    if (from === target || this.tailCompat[this.data.slotType[from] * T + this.data.slotType[target]]) {
      return acc.append(this.suffix, a[p]);
    }
    if (p <= m) this.appendBetween(acc, from, p, m);
    return acc.node(this.data.endOf(target));
  }


  /**
   * Whether changing routes rU and rV to arc-cost sums aU, aV with cU, cV
   * clients certainly does not lower their penalised cost: the fixed and arc
   * costs alone already reach the current cost (every other term only adds).
   */
  notBetter(rU: number, aU: number, cU: number, rV: number, aV: number, cV: number): boolean {
    const lb = (cU > 0 ? this.fixedCost[rU] + aU : 0) + (cV > 0 ? this.fixedCost[rV] + aV : 0);
    return lb - this.cost[rU] - this.cost[rV] > -1e-7;
  }

  /** `notBetter` for one route. */
  notBetter1(r: number, a: number, c: number): boolean {
    return (c > 0 ? this.fixedCost[r] + a : 0) - this.cost[r] > -1e-7;
  }

  /**
   * Whether the clients at positions from..to of route r form whole shipments
   * (every shipment stop among them has its partner among them): only such a
   * piece may leave its route.
   */
  closed(r: number, from: number, to: number): boolean {
    const partner = this.data.partner, a = this.nodes[r];
    for (let p = from; p <= to; p++) {
      const z = partner[a[p]];
      if (z >= 0) {
        const q = this.pos[z];
        if (this.routeOf[z] !== r || q < from || q > to) return false;
      }
    }
    return true;
  }

  /**
   * Whether every shipment of route r keeps its pickup before its delivery when
   * the route's clients are reordered so that position p goes to `newPos(p)`
   * (only positions from..to move; clients outside keep their positions).
   */
  precedenceKept(r: number, from: number, to: number, newPos: (p: number) => number): boolean {
    const partner = this.data.partner, isPickup = this.data.isPickup, a = this.nodes[r];
    for (let p = from; p <= to; p++) {
      const u = a[p], z = partner[u];
      if (z < 0) continue;
      const pu = newPos(p), pz = newPos(this.pos[z]);
      if (isPickup[u] ? pu > pz : pu < pz) return false;
    }
    return true;
  }

  /** Sum of route costs (penalised). */
  totalCost(): number {
    let s = 0;
    for (let r = 0; r < this.R; r++) s += this.cost[r];
    return s;
  }

  /** Number of non-empty routes (kept by `update`). */
  usedRoutes(): number {
    return this.used;
  }
}
