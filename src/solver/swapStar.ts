/**
 * SWAP* (Vidal 2022; HGS.md §4): exchange u ∈ R1 and v ∈ R2, each inserted
 * at its best position in the other route (not necessarily the other's
 * place). For every route pair whose polar sectors overlap, the three best
 * insertion positions of each node into the other route are precomputed
 * (O(|R1|·|R2|) segment concatenations), every pair (u, v) is estimated in
 * O(1), and the best estimate is priced exactly before being applied.
 */
import type { LocalSearch } from './localSearch.js';
import { MOVE_EPS } from './localSearch.js';

const CIRCLE = 65536;

export class SwapStar {
  private readonly secStart: Int32Array;
  private readonly secEnd: Int32Array;
  private readonly lastTest: Int32Array;
  private readonly order: Int32Array;
  /** Per node: removal delta, and the 3 best insertion (delta, after-node) into the other route. */
  private readonly removal: Float64Array;
  private readonly insCost: Float64Array;
  private readonly insPos: Int32Array;
  /** Cache of insertion positions per (node, route): valid while the route's version is unchanged. */
  private readonly stamp: Int32Array;
  private readonly version: Int32Array;
  private readonly cacheR: number;
  private versionClock = 0;
  private readonly angle: Int32Array;
  private readonly hasGeo: boolean;

  constructor(private readonly ls: LocalSearch) {
    const R = ls.R, N = ls.N, cp = ls.cp;
    this.secStart = new Int32Array(R);
    this.secEnd = new Int32Array(R);
    this.lastTest = new Int32Array(R);
    this.order = new Int32Array(R);
    for (let r = 0; r < R; r++) this.order[r] = r;
    this.removal = new Float64Array(N);
    // cache insertion positions per (node, route) when that fits in memory, else per node only
    this.cacheR = cp.n * R <= 2_000_000 ? R : 1;
    this.insCost = new Float64Array(3 * N * this.cacheR);
    this.insPos = new Int32Array(3 * N * this.cacheR);
    this.stamp = new Int32Array(N * this.cacheR).fill(-1);
    this.version = new Int32Array(R);
    this.angle = new Int32Array(cp.n);
    this.hasGeo = !!(cp.px && cp.py);
    if (this.hasGeo) {
      // angle of each client around the depot of the first vehicle type (an approximation for multi-depot fleets)
      const d = cp.typeStart[0] === cp.virtualPoint ? cp.typeEnd[0] : cp.typeStart[0];
      for (let c = 0; c < cp.n; c++) {
        const a = Math.atan2(cp.py![c] - cp.py![d], cp.px![c] - cp.px![d]);
        this.angle[c] = ((Math.round((a / (2 * Math.PI)) * CIRCLE) % CIRCLE) + CIRCLE) % CIRCLE;
      }
    }
  }

  reset(): void {
    this.lastTest.fill(-1);
  }

  /** Recomputes the polar sector of route r. */
  routeChanged(r: number): void {
    this.version[r] = ++this.versionClock;
    if (!this.hasGeo) return;
    const ls = this.ls;
    let first = true;
    let s = 0, e = 0;
    for (let u = ls.next[ls.startOf(r)]; u < ls.n; u = ls.next[u]) {
      const a = this.angle[u];
      if (first) {
        s = e = a;
        first = false;
      } else if (!inSector(s, e, a)) {
        // extend towards the closer side
        const toStart = (s - a + CIRCLE) % CIRCLE;
        const toEnd = (a - e + CIRCLE) % CIRCLE;
        if (toStart <= toEnd) s = a;
        else e = a;
      }
    }
    this.secStart[r] = s;
    this.secEnd[r] = e;
  }

  private overlap(a: number, b: number): boolean {
    if (!this.hasGeo) return true;
    const sa = this.secStart[a], ea = this.secEnd[a], sb = this.secStart[b], eb = this.secEnd[b];
    return (
      (sb - sa + CIRCLE) % CIRCLE <= (ea - sa + CIRCLE) % CIRCLE ||
      (sa - sb + CIRCLE) % CIRCLE <= (eb - sb + CIRCLE) % CIRCLE
    );
  }

  /** One SWAP* pass over route pairs; returns whether some move was applied. */
  phase(loop: number): boolean {
    const ls = this.ls;
    const R = ls.R;
    ls.rng.shuffle(this.order);
    let improved = false;
    for (let a = 0; a < R; a++) {
      const rU = this.order[a];
      const last = this.lastTest[rU];
      this.lastTest[rU] = ls.nbMoves;
      if (ls.routeLen[rU] === 0) continue;
      for (let rV = 0; rV < R; rV++) {
        if (rV === rU || ls.routeLen[rV] === 0) continue;
        if (rV < rU) continue; // each unordered pair once
        if (loop > 0) {
          const m = Math.max(ls.modified[rU], ls.modified[rV]);
          if (m <= last) continue;
        }
        if (!this.overlap(rU, rV)) continue;
        if (this.pair(rU, rV)) improved = true;
      }
    }
    return improved;
  }

  /** Distance-based removal gains and the 3 cheapest insertion positions of each node of `from` into `into`. */
  private preprocess(from: number, into: number): void {
    const ls = this.ls;
    const n = ls.n;
    const cp = ls.cp;
    const D = cp.dist, pt = ls.st.point, P = cp.P;
    const next = ls.next, prev = ls.prev;
    const wf = cp.typePerDist[ls.slotType[from]];
    const wi = cp.typePerDist[ls.slotType[into]];
    const ins = this.insCost, pos = this.insPos;
    const sI = ls.startOf(into), eI = ls.endOf(into);
    const cacheR = this.cacheR;
    const ver = this.version[into];
    for (let u = next[ls.startOf(from)]; u < n; u = next[u]) {
      const a = pt[prev[u]], b = pt[next[u]], pu = pt[u];
      this.removal[u] = wf * (D[a * P + b] - D[a * P + pu] - D[pu * P + b]);
      const slot = cacheR === 1 ? u : u * cacheR + into;
      if (cacheR !== 1 && this.stamp[slot] === ver) continue;
      this.stamp[slot] = ver;
      let c0 = Infinity, c1 = Infinity, c2 = Infinity, p0 = -1, p1 = -1, p2 = -1;
      for (let p = sI; p !== eI; p = next[p]) {
        const x = pt[p], y = pt[next[p]];
        const c = wi * (D[x * P + pu] + D[pu * P + y] - D[x * P + y]);
        if (c < c2) {
          if (c < c1) {
            c2 = c1; p2 = p1;
            if (c < c0) { c1 = c0; p1 = p0; c0 = c; p0 = p; }
            else { c1 = c; p1 = p; }
          } else { c2 = c; p2 = p; }
        }
      }
      ins[3 * slot] = c0; ins[3 * slot + 1] = c1; ins[3 * slot + 2] = c2;
      pos[3 * slot] = p0; pos[3 * slot + 1] = p1; pos[3 * slot + 2] = p2;
    }
  }

  /** Best approximate insertion of u into v's route with v removed: [delta, after-node or -1 for v's place]. */
  private bestInsert(u: number, v: number, out: { c: number; p: number }): void {
    const ls = this.ls;
    const cp = ls.cp;
    const D = cp.dist, pt = ls.st.point, P = cp.P;
    const pv = ls.prev[v];
    const a = pt[pv], b = pt[ls.next[v]], pu = pt[u];
    out.c = cp.typePerDist[ls.slotType[ls.routeOf[v]]] * (D[a * P + pu] + D[pu * P + b] - D[a * P + b]);
    out.p = -1;
    const slot = this.cacheR === 1 ? u : u * this.cacheR + ls.routeOf[v];
    for (let k = 0; k < 3; k++) {
      const p = this.insPos[3 * slot + k];
      if (p < 0) break;
      if (p === v || p === pv) continue;
      const c = this.insCost[3 * slot + k];
      if (c < out.c) {
        out.c = c;
        out.p = p;
      }
      break;
    }
  }

  private readonly bu = { c: 0, p: 0 };
  private readonly bv = { c: 0, p: 0 };

  /** Load-excess penalty of a route with the given (approximate) load per dimension. */
  private loadPenalty(r: number, load: Float64Array): number {
    const cp = this.ls.cp;
    const dims = cp.dims;
    const t = this.ls.slotType[r];
    let x = 0;
    for (let d = 0; d < dims; d++) {
      const e = load[d] - cp.typeCap[t * dims + d];
      if (e > 0) x += e;
    }
    return this.ls.wQ * x;
  }

  private readonly loadU = new Float64Array(16);
  private readonly loadV = new Float64Array(16);

  private pair(rU: number, rV: number): boolean {
    const ls = this.ls;
    const n = ls.n;
    const st = ls.st;
    const dims = ls.cp.dims;
    this.preprocess(rU, rV);
    this.preprocess(rV, rU);
    const eU = ls.endOf(rU), eV = ls.endOf(rV);
    const lU = this.loadU, lV = this.loadV;
    const useLoad = dims <= 16;
    let penU0 = 0, penV0 = 0;
    if (useLoad) {
      for (let d = 0; d < dims; d++) {
        lU[d] = st.fLoad[eU * dims + d];
        lV[d] = st.fLoad[eV * dims + d];
      }
      penU0 = this.loadPenalty(rU, lU);
      penV0 = this.loadPenalty(rV, lV);
    }
    let best = -MOVE_EPS, bu = -1, bv = -1, bpu = -1, bpv = -1;
    const one = dims === 1;
    const wQ = ls.wQ;
    const capU = ls.cp.typeCap[ls.slotType[rU] * dims], capV = ls.cp.typeCap[ls.slotType[rV] * dims];
    const LU = st.fLoad[eU * dims], LV = st.fLoad[eV * dims];
    const exU0 = LU > capU ? LU - capU : 0, exV0 = LV > capV ? LV - capV : 0;
    for (let u = ls.next[ls.startOf(rU)]; u < n; u = ls.next[u]) {
      const qu = one ? Math.max(st.sDel[u], st.sPick[u]) : 0;
      for (let v = ls.next[ls.startOf(rV)]; v < n; v = ls.next[v]) {
        let pen = 0;
        if (one) {
          const qv = st.sDel[v] > st.sPick[v] ? st.sDel[v] : st.sPick[v];
          const a = LU - qu + qv - capU, b = LV - qv + qu - capV;
          pen = wQ * ((a > 0 ? a : 0) - exU0 + (b > 0 ? b : 0) - exV0);
        } else if (useLoad) {
          for (let d = 0; d < dims; d++) {
            const q1 = Math.max(st.sDel[u * dims + d], st.sPick[u * dims + d]);
            const q2 = Math.max(st.sDel[v * dims + d], st.sPick[v * dims + d]);
            lU[d] = st.fLoad[eU * dims + d] - q1 + q2;
            lV[d] = st.fLoad[eV * dims + d] - q2 + q1;
          }
          pen = this.loadPenalty(rU, lU) - penU0 + this.loadPenalty(rV, lV) - penV0;
        }
        const rem = this.removal[u] + this.removal[v] + pen;
        if (rem >= best) continue; // insertion costs are ≥ 0 under the triangle inequality (HGS's filter)
        this.bestInsert(u, v, this.bu);
        this.bestInsert(v, u, this.bv);
        const d = rem + this.bu.c + this.bv.c;
        if (d < best) {
          best = d; bu = u; bv = v; bpu = this.bu.p; bpv = this.bv.p;
        }
      }
    }
    if (bu < 0) return false;
    // exact pricing
    const cV = this.priceInsert(bu, bv, bpu, ls.seg1);
    const cU = this.priceInsert(bv, bu, bpv, ls.seg2);
    if (cU + cV - ls.routeCost[rU] - ls.routeCost[rV] > -MOVE_EPS) return false;
    // apply: u goes to rV after bpu (or v's place), v goes to rU after bpv (or u's place)
    const pu = ls.prev[bu], pv = ls.prev[bv];
    const au = bpu < 0 ? pv : bpu;
    const av = bpv < 0 ? pu : bpv;
    ls.insertAfter(bu, au);
    ls.insertAfter(bv, av);
    ls.moved(rU, rV);
    return true;
  }

  /** Exact cost of v's route after removing v and inserting u after p (p = -1: in v's place). */
  private priceInsert(u: number, v: number, p: number, seg: LocalSearch['seg1']): number {
    const ls = this.ls;
    const rv = ls.routeOf[v];
    const t = ls.slotType[rv];
    const pv = ls.prev[v], y = ls.next[v];
    if (p < 0) return seg.initPrefix(pv, t).node(u).suffix(y).cost();
    if (ls.pos[p] < ls.pos[v]) {
      seg.initPrefix(p, t).node(u);
      if (ls.next[p] !== v) seg.range(ls.next, ls.next[p], pv);
      return seg.suffix(y).cost();
    }
    seg.initPrefix(pv, t).range(ls.next, y, p).node(u);
    return seg.suffix(ls.next[p]).cost();
  }
}

function inSector(s: number, e: number, a: number): boolean {
  return (a - s + CIRCLE) % CIRCLE <= (e - s + CIRCLE) % CIRCLE;
}
