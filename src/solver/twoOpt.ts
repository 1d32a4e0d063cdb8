/**
 * 2-opt (intra-route segment reversal, move 7) and 2-opt* (inter-route tail
 * exchange, move 9) of HGS.md §4.
 */
import type { LocalSearch } from './localSearch.js';
import { MOVE_EPS } from './localSearch.js';

/** Intra-route: replace (u,x),(v,y) by (u,v),(x,y), reversing x..v. */
export function twoOpt(ls: LocalSearch, u: number, v: number): boolean {
  const pos = ls.pos;
  if (pos[u] > pos[v]) {
    const t = u;
    u = v;
    v = t;
  }
  const next = ls.next, prev = ls.prev;
  const x = next[u];
  if (x === v) return false;
  const r = ls.routeOf[u];
  const y = next[v];
  const cp = ls.cp;
  let delta: number;
  if (cp.symmetric) {
    // reversing x..v keeps its inner distance: only two arcs change
    const D = cp.dist, pt = ls.st.point, P = cp.P;
    const dd = D[pt[u] * P + pt[v]] + D[pt[x] * P + pt[y]] - D[pt[u] * P + pt[x]] - D[pt[v] * P + pt[y]];
    if (ls.lb(r, ls.routeDist[r] + dd, 1) - ls.routeCost[r] > -MOVE_EPS) return false;
  }
  if (cp.symmetric && cp.intraDistanceOnly) {
    const D = cp.dist, pt = ls.st.point, P = cp.P;
    delta = cp.typePerDist[ls.slotType[r]] * (D[pt[u] * P + pt[v]] + D[pt[x] * P + pt[y]] - D[pt[u] * P + pt[x]] - D[pt[v] * P + pt[y]]);
  } else {
    const s1 = ls.seg1;
    s1.initPrefix(u, ls.slotType[r]);
    for (let w = v; ; w = prev[w]) {
      s1.node(w);
      if (w === x) break;
    }
    delta = s1.suffix(y).cost() - ls.routeCost[r];
  }
  if (delta > -MOVE_EPS) return false;
  // reverse x..v
  let w = x;
  const stop = y;
  while (w !== stop) {
    const nw = next[w];
    next[w] = prev[w];
    prev[w] = nw;
    w = nw;
  }
  // now: u -> v ... x -> y
  next[u] = v;
  prev[v] = u;
  next[x] = y;
  prev[y] = x;
  ls.moved(r, r);
  return true;
}

/**
 * Inter-route: replace (u,x),(v,y) by (u,y),(v,x), exchanging the tails.
 * v may be a start sentinel (then all of v's route moves behind u).
 */
export function twoOptStar(ls: LocalSearch, u: number, v: number): boolean {
  const D = ls.cp.dist, pt = ls.st.point, P = ls.cp.P;
  const next = ls.next, prev = ls.prev;
  const ru = ls.routeOf[u], rv = ls.routeOf[v];
  if (ru === rv) return false;
  const x = next[u], y = next[v];
  const n = ls.n;
  const eU = ls.endOf(ru), eV = ls.endOf(rv);
  const st = ls.st;
  // cheap distance bound first
  const tailY = y < n ? st.bDist[y] - D[pt[prev[eV]] * P + pt[eV]] + D[pt[prev[eV]] * P + pt[eU]] : 0;
  const tailX = x < n ? st.bDist[x] - D[pt[prev[eU]] * P + pt[eU]] + D[pt[prev[eU]] * P + pt[eV]] : 0;
  const dU = st.fDist[u] + (y < n ? D[pt[u] * P + pt[y]] + tailY : D[pt[u] * P + pt[eU]]);
  const dV = st.fDist[v] + (x < n ? D[pt[v] * P + pt[x]] + tailX : D[pt[v] * P + pt[eV]]);
  const cntV = st.fCnt[v] + (x < n ? st.bCnt[x] : 0);
  if (ls.lb(ru, dU, 1) + ls.lb(rv, dV, cntV) - ls.routeCost[ru] - ls.routeCost[rv] > -MOVE_EPS) return false;
  const s1 = ls.seg1, s2 = ls.seg2;
  const cU = ls.appendTail(s1.initPrefix(u, ls.slotType[ru]), y, ru).cost();
  const cV = ls.appendTail(s2.initPrefix(v, ls.slotType[rv]), x, rv).cost();
  const delta = cU + cV - ls.routeCost[ru] - ls.routeCost[rv];
  if (delta > -MOVE_EPS) return false;
  const lastU = prev[eU], lastV = prev[eV];
  // tail of V (y..lastV) goes behind u, tail of U (x..lastU) behind v
  if (y < n) {
    next[u] = y;
    prev[y] = u;
    next[lastV] = eU;
    prev[eU] = lastV;
  } else {
    next[u] = eU;
    prev[eU] = u;
  }
  if (x < n) {
    next[v] = x;
    prev[x] = v;
    next[lastU] = eV;
    prev[eV] = lastU;
  } else {
    next[v] = eV;
    prev[eV] = v;
  }
  ls.moved(ru, rv);
  return true;
}
