/**
 * Route minimisation by an ejection pool (after Nagata & Bräysy 2009, written
 * our way) for the `fewest-vehicles` objective: one route of a feasible plan
 * is removed and its clients wait in a pool; each step takes the last client
 * of the pool and inserts it where it fits at the least cost, or, when it fits
 * nowhere, inserts it with up to `kMax` ejections from one route (eject-k.ts;
 * `kMax` 0: one or two, eject.ts) chosen by how often the ejected clients
 * failed before (their counters) — they go to the pool in its place. A few
 * random feasible moves after each ejection (relocations and 2-opt* tail
 * exchanges) keep the search from cycling. The attempt succeeds when the pool
 * is empty: a feasible plan with one route fewer; after `attemptIterations`
 * steps it is given up and the plan it started from is restored.
 *
 * Works on the search's relaxed model (loads and time warp; see
 * docs/semantics.md); the decoder re-checks everything exactly. Plans with
 * shipments or optional clients are not handled here (the fleet limit in
 * objective-fleet.ts still works on them).
 */
import type { Rng } from '../../core/rng.js';
import type { CompiledProblem } from '../compile.js';
import { Ejector, type EjectionChoice } from './eject.js';
import { KEjector, type KEjection } from './eject-k.js';
import type { Neighbourhood } from './neighbourhood.js';
import type { SearchRoutes } from './routes.js';

/** Settings of the ejection pool. */
export interface RouteMinOptions {
  /** Most clients ejected from one route per insertion (0: the older search of one or two, eject.ts). */
  kMax: number;
  /** Random moves tried after each ejection. */
  shakeMoves: number;
  /** Share of those moves that are 2-opt* (tail exchanges), the rest relocations. */
  twoOptShare: number;
  /** Routes with more clients than this are searched with single ejections only. */
  longRoute: number;
}

export const ROUTE_MIN_DEFAULTS: RouteMinOptions = { kMax: 3, shakeMoves: 50, twoOptShare: 0.5, longRoute: 30 };

export class RouteMinimiser {
  private readonly ejector: Ejector;
  private readonly counter: Int32Array;
  private readonly pool: Int32Array;
  private readonly saved: Int32Array[];
  private readonly choice: EjectionChoice = { route: -1, position: 0, eject1: -1, eject2: -1, score: 0, cost: 0 };
  private readonly kEjector: KEjector | null;
  private readonly kChoice: KEjection;
  private readonly opts: RouteMinOptions;
  /** Steps taken in all attempts (for statistics). */
  steps = 0;

  constructor(private readonly rs: SearchRoutes, private readonly nb: Neighbourhood, private readonly rng: Rng, opts: Partial<RouteMinOptions> = {}) {
    this.opts = { ...ROUTE_MIN_DEFAULTS, ...opts };
    const kMax = this.opts.kMax;
    this.ejector = new Ejector(rs);
    this.counter = new Int32Array(rs.n).fill(1);
    this.kEjector = kMax > 0 ? new KEjector(rs, kMax, this.counter, this.opts.longRoute) : null;
    this.kChoice = KEjector.choice(Math.max(1, kMax));
    this.pool = new Int32Array(rs.n);
    this.saved = Array.from({ length: rs.R }, () => new Int32Array(0));
  }

  /** Whether the problem is one this minimiser handles (no shipments, no optional clients). */
  static applies(rs: SearchRoutes): boolean {
    return !rs.data.hasShipments && !rs.data.cp.optional;
  }

  /**
   * Tries to remove one route from the current plan (which must be feasible).
   * `pause` is awaited every few steps (it yields and may ask to stop).
   * Returns true with a feasible plan of one route fewer in `rs`, or false with
   * the starting plan restored.
   */
  async removeOne(attemptIterations: number, pause: () => Promise<boolean>): Promise<boolean> {
    const rs = this.rs;
    const victim = this.pickRoute();
    if (victim < 0) return false;
    for (let r = 0; r < rs.R; r++) this.saved[r] = rs.nodes[r].slice(1, rs.len[r] + 1);
    let size = 0;
    const a = rs.nodes[victim];
    for (let p = rs.len[victim]; p >= 1; p--) this.pool[size++] = a[p];
    rs.clear(victim);
    rs.update(victim);
    const ch = this.choice, ej = this.ejector;
    for (let it = 0; it < attemptIterations && size > 0; it++) {
      if ((it & 31) === 31 && (await pause())) break;
      this.steps++;
      const v = this.pool[--size];
      if (ej.bestInsertion(v, victim, ch)) {
        this.apply(v, ch);
        continue;
      }
      this.counter[v]++;
      if (this.kEjector) {
        if (this.kEjector.best(v, victim, this.kChoice)) size = this.applyK(v, size);
        else size = this.requeue(v, size);
        this.shake(victim);
        continue;
      }
      if (!ej.bestEjection(v, victim, this.counter, ch)) {
        size = this.requeue(v, size);
        this.shake(victim);
        continue;
      }
      const r = ch.route, nodes = rs.nodes[r];
      const e1 = ch.eject1 >= 0 ? nodes[ch.eject1] : -1;
      const e2 = ch.eject2 >= 0 ? nodes[ch.eject2] : -1;
      this.apply(v, ch);
      if (e1 >= 0) this.pool[size++] = e1;
      if (e2 >= 0) this.pool[size++] = e2;
      this.shake(victim);
    }
    if (size === 0) return true;
    // give up: restore the plan the attempt started from
    for (let r = 0; r < rs.R; r++) rs.clear(r);
    for (let r = 0; r < rs.R; r++) {
      rs.setRoute(r, this.saved[r]);
      rs.update(r);
    }
    return false;
  }

  /** A client that fits nowhere even with ejections goes back to the bottom of the pool; returns the pool's new size. */
  private requeue(v: number, size: number): number {
    this.pool.copyWithin(1, 0, size);
    this.pool[0] = v;
    return size + 1;
  }

  /** Applies the k-ejection in `kChoice` (the ejected clients leave first and join the pool); returns the pool's new size. */
  private applyK(v: number, size: number): number {
    const rs = this.rs, kc = this.kChoice, nodes = rs.nodes[kc.route];
    for (let i = 0; i < kc.k; i++) this.pool[size++] = nodes[kc.ejected[i]];
    let p = kc.position;
    for (let i = kc.k - 1; i >= 0; i--) {
      if (kc.ejected[i] < p) p--;
      rs.remove(nodes[kc.ejected[i]]);
    }
    rs.insert(v, kc.route, p);
    rs.update(kc.route);
    return size;
  }

  /** Applies an insertion (with its ejections) chosen by the ejector: the ejected clients leave first. */
  private apply(v: number, ch: EjectionChoice): void {
    const rs = this.rs, r = ch.route, nodes = rs.nodes[r];
    const e1 = ch.eject1 >= 0 ? nodes[ch.eject1] : -1;
    const e2 = ch.eject2 >= 0 ? nodes[ch.eject2] : -1;
    let p = ch.position;
    if (e2 >= 0) {
      if (ch.eject2 < p) p--;
      rs.remove(e2);
    }
    if (e1 >= 0) {
      if (ch.eject1 < p) p--;
      rs.remove(e1);
    }
    rs.insert(v, r, p);
    rs.update(r);
  }

  /** A few random feasible moves between routes other than `skip`: relocations of a client next to a neighbour, or 2-opt* tail exchanges. */
  private shake(skip: number): void {
    const rs = this.rs, nb = this.nb, rng = this.rng, n = rs.n;
    const ch = this.choice, moves = this.opts.shakeMoves, share = this.opts.twoOptShare;
    for (let k = 0; k < moves; k++) {
      const u = rng.int(n);
      const ru = rs.routeOf[u];
      if (ru < 0) continue;
      const deg = nb.start[u + 1] - nb.start[u];
      if (deg === 0) continue;
      const w = nb.list[nb.start[u] + rng.int(deg)];
      const rw = rs.routeOf[w];
      if (rw < 0 || rw === ru || rw === skip || ru === skip) continue;
      if (share > 0 && rng.next() < share) {
        this.twoOptStar(u, w);
        continue;
      }
      if (rs.len[ru] < 2) continue;
      const p = rs.pos[w] + rng.int(2); // before or after w
      if (this.ejector.price(rw, u, p, -1, -1) === Infinity) continue;
      // removing u never breaks its route in the relaxed model's loads and windows; check anyway
      if (this.ejector.price(ru, -1, -1, rs.pos[u], -1) === Infinity) continue;
      rs.remove(u);
      rs.update(ru);
      ch.route = rw;
      ch.position = p;
      ch.eject1 = ch.eject2 = -1;
      this.apply(u, ch);
    }
  }

  /** The 2-opt* move joining u's route up to u with w's route after w, and w's route up to w with u's route after u, when both are feasible and non-empty. */
  private twoOptStar(u: number, w: number): boolean {
    const rs = this.rs, ru = rs.routeOf[u], rw = rs.routeOf[w];
    const pu = rs.pos[u], pw = rs.pos[w], mu = rs.len[ru], mw = rs.len[rw];
    const keptU = pu + (mw - pw), keptW = pw + (mu - pu);
    if (keptU === 0 || keptW === 0) return false;
    const a = rs.a.start(rs.prefix, u, rs.typeOf(ru));
    rs.appendTail(a, rw, pw + 1, ru).price();
    if (a.loadExcess > 1e-7 || a.timeWarp > 1e-7) return false;
    const b = rs.b.start(rs.prefix, w, rs.typeOf(rw));
    rs.appendTail(b, ru, pu + 1, rw).price();
    if (b.loadExcess > 1e-7 || b.timeWarp > 1e-7) return false;
    const nu = rs.nodes[ru], nw = rs.nodes[rw];
    const listU = [...nu.subarray(1, pu + 1), ...nw.subarray(pw + 1, mw + 1)];
    const listW = [...nw.subarray(1, pw + 1), ...nu.subarray(pu + 1, mu + 1)];
    rs.setRoute(ru, listU);
    rs.setRoute(rw, listW);
    rs.update(ru);
    rs.update(rw);
    return true;
  }

  /** The shorter of two random non-empty routes (-1 when fewer than two are used). */
  private pickRoute(): number {
    const rs = this.rs;
    let used = 0;
    for (let r = 0; r < rs.R; r++) if (rs.len[r] > 0) used++;
    if (used < 2) return -1;
    const pick = (): number => {
      let k = this.rng.int(used);
      for (let r = 0; r < rs.R; r++) if (rs.len[r] > 0 && k-- === 0) return r;
      return -1;
    };
    const a = pick(), b = pick();
    return rs.len[a] <= rs.len[b] ? a : b;
  }
}

/**
 * A lower bound on the routes of any feasible plan from loads alone: per
 * dimension, the fewest route slots (largest capacities first) whose
 * capacities hold all deliveries, and all pickups. The phase stops there.
 */
export function fleetLowerBound(rs: SearchRoutes): number {
  return loadRouteBound(rs.data.cp, rs.data.slotType);
}

/** `fleetLowerBound` from the compiled problem and the slots' vehicle types. */
export function loadRouteBound(cp: CompiledProblem, slotType: Int32Array): number {
  const dims = cp.dims, n = cp.n, R = slotType.length;
  let bound = 1;
  const caps = new Float64Array(R);
  for (let d = 0; d < dims; d++) {
    for (let r = 0; r < R; r++) caps[r] = cp.typeCap[slotType[r] * dims + d];
    caps.sort().reverse();
    for (const load of [cp.delivery, cp.pickup]) {
      let total = 0;
      for (let c = 0; c < n; c++) total += load[c * dims + d];
      let count = 0, held = 0;
      while (held < total - 1e-9 && count < R) held += caps[count++];
      if (count > bound) bound = count;
    }
  }
  return bound;
}
