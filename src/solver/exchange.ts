/**
 * Relocate and swap moves (HGS.md §4, moves 1-6). Each function prices the
 * move by segment concatenation and applies it when it improves the
 * penalised cost; it returns whether it did.
 */
import type { LocalSearch } from './localSearch.js';
import { MOVE_EPS } from './localSearch.js';

/**
 * mode 1: move u after v; mode 2: move (u, x) after v; mode 3: move (x, u)
 * after v, with x = succ(u). v is a client or a start sentinel.
 */
export function relocate(ls: LocalSearch, u: number, v: number, mode: 1 | 2 | 3): boolean {
  const D = ls.cp.dist, pt = ls.st.point, P = ls.cp.P;
  const n = ls.n;
  const next = ls.next, prev = ls.prev;
  const x = next[u];
  if (mode !== 1 && x >= n) return false;
  if (v === u || (mode !== 1 && v === x)) return false;
  const pu = prev[u];
  if (v === pu && mode !== 3) return false;
  const ru = ls.routeOf[u], rv = ls.routeOf[v];
  const tU = ls.slotType[ru], tV = ls.slotType[rv];
  const after = mode === 1 ? x : next[x];
  const s1 = ls.seg1, s2 = ls.seg2;
  let delta: number;
  const nMoved = mode === 1 ? 1 : 2;
  if (ru !== rv) {
    // cheap distance bound first
    const dU = ls.routeDist[ru] + D[pt[pu] * P + pt[after]] - D[pt[pu] * P + pt[u]] - D[pt[prev[after]] * P + pt[after]] - (mode === 1 ? 0 : D[pt[u] * P + pt[x]]);
    const y = next[v];
    const inner = mode === 1 ? 0 : mode === 2 ? D[pt[u] * P + pt[x]] : D[pt[x] * P + pt[u]];
    const first = mode === 3 ? x : u, lastB = mode === 3 ? u : mode === 2 ? x : u;
    const dV = ls.routeDist[rv] - D[pt[v] * P + pt[y]] + D[pt[v] * P + pt[first]] + inner + D[pt[lastB] * P + pt[y]];
    if (ls.lb(ru, dU, ls.routeLen[ru] - nMoved) + ls.lb(rv, dV, ls.routeLen[rv] + nMoved) - ls.routeCost[ru] - ls.routeCost[rv] > -MOVE_EPS) return false;
    const cU = s1.initPrefix(pu, tU).suffix(after).cost();
    s2.initPrefix(v, tV);
    if (mode === 1) s2.node(u);
    else if (mode === 2) s2.node(u).node(x);
    else s2.node(x).node(u);
    const cV = s2.suffix(next[v]).cost();
    delta = cU + cV - ls.routeCost[ru] - ls.routeCost[rv];
  } else {
    if (!(mode === 3 && v === pu)) {
      // cheap distance bound (the edges removed and added are distinct here)
      const y = next[v];
      const first = mode === 3 ? x : u, lastB = mode === 3 ? u : mode === 2 ? x : u;
      const inner = mode === 1 ? 0 : mode === 2 ? D[pt[u] * P + pt[x]] : D[pt[x] * P + pt[u]];
      const inner0 = mode === 1 ? 0 : D[pt[u] * P + pt[x]];
      const dd =
        D[pt[pu] * P + pt[after]] - D[pt[pu] * P + pt[u]] - D[pt[prev[after]] * P + pt[after]] - inner0 -
        D[pt[v] * P + pt[y]] + D[pt[v] * P + pt[first]] + inner + D[pt[lastB] * P + pt[y]];
      if (ls.lb(ru, ls.routeDist[ru] + dd, 1) - ls.routeCost[ru] > -MOVE_EPS) return false;
      if (ls.cp.intraDistanceOnly) {
        // the exact delta: only the distance changes
        if (ls.cp.typePerDist[tU] * dd > -MOVE_EPS) return false;
        return applyRelocate(ls, u, x, v, mode, ru, rv);
      }
    }
    if (ls.pos[v] < ls.pos[u]) {
      s1.initPrefix(v, tU);
      addBlock(ls, u, x, mode);
      if (v !== pu) s1.range(next, next[v], pu);
      s1.suffix(after);
    } else {
      s1.initPrefix(pu, tU).range(next, after, v);
      addBlock(ls, u, x, mode);
      s1.suffix(next[v]);
    }
    delta = s1.cost() - ls.routeCost[ru];
  }
  if (delta > -MOVE_EPS) return false;
  return applyRelocate(ls, u, x, v, mode, ru, rv);
}

function applyRelocate(ls: LocalSearch, u: number, x: number, v: number, mode: number, ru: number, rv: number): boolean {
  if (mode === 1) ls.insertAfter(u, v);
  else if (mode === 2) {
    ls.insertAfter(u, v);
    ls.insertAfter(x, u);
  } else {
    ls.insertAfter(x, v);
    ls.insertAfter(u, x);
  }
  ls.moved(ru, rv);
  return true;
}

function addBlock(ls: LocalSearch, u: number, x: number, mode: number): void {
  const s1 = ls.seg1;
  if (mode === 1) s1.node(u);
  else if (mode === 2) s1.node(u).node(x);
  else s1.node(x).node(u);
}

/**
 * mode 1: swap u and v; mode 2: swap (u, x) with v; mode 3: swap (u, x) with
 * (v, y). Modes 2 and 3 are inter-route only. v must be a client.
 */
export function swap(ls: LocalSearch, u: number, v: number, mode: 1 | 2 | 3): boolean {
  const D = ls.cp.dist, pt = ls.st.point, P = ls.cp.P;
  const n = ls.n;
  if (v >= n || u === v) return false;
  const next = ls.next, prev = ls.prev;
  const ru = ls.routeOf[u], rv = ls.routeOf[v];
  const x = next[u], y = next[v];
  const pu = prev[u], pv = prev[v];
  const tU = ls.slotType[ru], tV = ls.slotType[rv];
  const s1 = ls.seg1, s2 = ls.seg2;
  let delta: number;
  if (ru !== rv) {
    // cheap distance bound first
    let dU: number, dV: number;
    if (mode === 1) {
      dU = ls.routeDist[ru] - D[pt[pu] * P + pt[u]] - D[pt[u] * P + pt[x]] + D[pt[pu] * P + pt[v]] + D[pt[v] * P + pt[x]];
      dV = ls.routeDist[rv] - D[pt[pv] * P + pt[v]] - D[pt[v] * P + pt[y]] + D[pt[pv] * P + pt[u]] + D[pt[u] * P + pt[y]];
    } else if (mode === 2) {
      if (x >= n) return false;
      const nx = next[x];
      dU = ls.routeDist[ru] - D[pt[pu] * P + pt[u]] - D[pt[u] * P + pt[x]] - D[pt[x] * P + pt[nx]] + D[pt[pu] * P + pt[v]] + D[pt[v] * P + pt[nx]];
      dV = ls.routeDist[rv] - D[pt[pv] * P + pt[v]] - D[pt[v] * P + pt[y]] + D[pt[pv] * P + pt[u]] + D[pt[u] * P + pt[x]] + D[pt[x] * P + pt[y]];
    } else {
      if (x >= n || y >= n) return false;
      const nx = next[x], ny = next[y];
      dU = ls.routeDist[ru] - D[pt[pu] * P + pt[u]] - D[pt[u] * P + pt[x]] - D[pt[x] * P + pt[nx]] + D[pt[pu] * P + pt[v]] + D[pt[v] * P + pt[y]] + D[pt[y] * P + pt[nx]];
      dV = ls.routeDist[rv] - D[pt[pv] * P + pt[v]] - D[pt[v] * P + pt[y]] - D[pt[y] * P + pt[ny]] + D[pt[pv] * P + pt[u]] + D[pt[u] * P + pt[x]] + D[pt[x] * P + pt[ny]];
    }
    if (ls.lb(ru, dU, 1) + ls.lb(rv, dV, 1) - ls.routeCost[ru] - ls.routeCost[rv] > -MOVE_EPS) return false;
    if (mode === 1) {
      const cU = s1.initPrefix(pu, tU).node(v).suffix(x).cost();
      const cV = s2.initPrefix(pv, tV).node(u).suffix(y).cost();
      delta = cU + cV - ls.routeCost[ru] - ls.routeCost[rv];
    } else if (mode === 2) {
      if (x >= n) return false;
      const cU = s1.initPrefix(pu, tU).node(v).suffix(next[x]).cost();
      const cV = s2.initPrefix(pv, tV).node(u).node(x).suffix(y).cost();
      delta = cU + cV - ls.routeCost[ru] - ls.routeCost[rv];
    } else {
      if (x >= n || y >= n) return false;
      const cU = s1.initPrefix(pu, tU).node(v).node(y).suffix(next[x]).cost();
      const cV = s2.initPrefix(pv, tV).node(u).node(x).suffix(next[y]).cost();
      delta = cU + cV - ls.routeCost[ru] - ls.routeCost[rv];
    }
  } else {
    if (mode !== 1) return false;
    let dd: number;
    if (v === x) {
      dd = D[pt[pu] * P + pt[x]] + D[pt[x] * P + pt[u]] + D[pt[u] * P + pt[next[x]]] -
        D[pt[pu] * P + pt[u]] - D[pt[u] * P + pt[x]] - D[pt[x] * P + pt[next[x]]];
    } else if (v === pu) {
      dd = D[pt[pv] * P + pt[u]] + D[pt[u] * P + pt[v]] + D[pt[v] * P + pt[x]] -
        D[pt[pv] * P + pt[v]] - D[pt[v] * P + pt[u]] - D[pt[u] * P + pt[x]];
    } else {
      dd = D[pt[pu] * P + pt[v]] + D[pt[v] * P + pt[x]] + D[pt[pv] * P + pt[u]] + D[pt[u] * P + pt[y]] -
        D[pt[pu] * P + pt[u]] - D[pt[u] * P + pt[x]] - D[pt[pv] * P + pt[v]] - D[pt[v] * P + pt[y]];
    }
    if (ls.lb(ru, ls.routeDist[ru] + dd, 1) - ls.routeCost[ru] > -MOVE_EPS) return false;
    if (ls.cp.intraDistanceOnly) {
      if (ls.cp.typePerDist[tU] * dd > -MOVE_EPS) return false;
      ls.swapNodes(u, v);
      ls.moved(ru, rv);
      return true;
    }
    if (v === x) {
      s1.initPrefix(pu, tU).node(x).node(u).suffix(next[x]);
    } else if (v === pu) {
      s1.initPrefix(pv, tU).node(u).node(v).suffix(x);
    } else {
      const a = ls.pos[u] < ls.pos[v] ? u : v;
      const b = a === u ? v : u;
      s1.initPrefix(prev[a], tU).node(b).range(next, next[a], prev[b]).node(a).suffix(next[b]);
    }
    delta = s1.cost() - ls.routeCost[ru];
  }
  if (delta > -MOVE_EPS) return false;
  ls.swapNodes(u, v);
  if (mode === 2) ls.insertAfter(x, u);
  else if (mode === 3) ls.swapNodes(x, y);
  ls.moved(ru, rv);
  return true;
}
