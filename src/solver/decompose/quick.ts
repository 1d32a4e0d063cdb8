/**
 * The quick first plan of a zone, for when its share of the time limit is too
 * short for a sub-solve (which compiles the zone, builds neighbourhoods, runs
 * a construction and a local search, then decodes: about 0.1–0.25 ms per job
 * and zone of fixed cost before any search).
 *
 * Routes are built one vehicle at a time by a time-oriented nearest neighbour
 * (Solomon 1987): from the last stop, the zone's unrouted jobs are scored by
 * distance, time until their service can start (travel plus waiting) and
 * urgency (time left before their window closes); the best few are tried in
 * order, and the first whose addition keeps the whole route feasible — judged
 * by the exact route evaluator on the whole problem, so every rule of
 * docs/semantics.md holds — is appended. A route ends when none of them fits.
 * Costs O(zone²) cheap scores plus a few exact evaluations per stop, no
 * matrices. Deterministic: no randomness, ties to the lower job index.
 */
import type { Steps } from '../../core/pacer.js';
import { RouteEvaluation, type RouteEvaluator } from '../evaluate.js';
import { evaluatorOf } from '../simulate.js';
import type { ZonePlan } from './plan.js';

/** Score weights: distance, time until service can start, urgency (Solomon's δ1, δ2, δ3). */
const W_DIST = 0.4;
const W_TIME = 0.4;
const W_URGENCY = 0.2;
/** Candidates tried exactly per stop (best scores first) before the route is closed. */
const TRIES = 8;
/** The last kept candidate's place. */
const LAST = TRIES - 1;
/**
 * Stops placed between two yields: a stop costs tens of µs, and each yield
 * costs the driver (`runPaced`) a clock reading, so yielding at every stop
 * spent more on the clock than on some stops.
 */
const STOPS_PER_YIELD = 32;

/**
 * Routes `jobs` (whole-problem job indices) on `vehicles` of `plan` (see the
 * module comment) and sets the routes in `plan`. Yields between stops (for
 * `runPaced`); returns the jobs it could not route and the vehicles it left unused.
 * `scan: 'every-job'` scores every pending job at every stop instead of
 * stopping early (the same plan, slower: for tests).
 */
export function* quickZoneSteps(
  plan: ZonePlan, jobs: readonly number[], vehicles: readonly number[], scan: 'early-stop' | 'every-job' = 'early-stop',
): Steps<{ left: number[]; unused: number[] }> {
  // The work is in plain functions (`zoneOf`, `startRoute`, `placeNext`): this generator only
  // walks the vehicles and yields, so V8 compiles small units early instead of one large one late.
  const z = zoneOf(plan, jobs, scan === 'every-job');
  const ev = evaluatorOf(plan.decode);
  const s = routeState(z.dims);
  let left = z.ids.length;
  const unused: number[] = [];
  let placed = 0; // stops and closed routes, for the yields
  for (const k of vehicles) {
    if (left === 0) {
      unused.push(k);
      continue;
    }
    startRoute(z, s, k);
    while (placeNext(z, ev, s, k)) {
      left--;
      if (++placed % STOPS_PER_YIELD === 0) yield;
    }
    if (s.route.length > 0) plan.setRoute(k, s.route.slice());
    else unused.push(k);
    if (++placed % STOPS_PER_YIELD === 0) yield;
  }
  const rest: number[] = [];
  for (let c = 0; c < z.pendingCount; c++) rest.push(z.ids[z.pending[c]]);
  rest.sort((a, b) => a - b);
  return { left: rest, unused };
}

/** The zone's jobs (whole-problem indices `jobs`) as flat arrays, all still to route. */
function zoneOf(plan: ZonePlan, jobs: readonly number[], everyJob: boolean): Zone {
  const problem = plan.problem;
  const travel = plan.travel;
  const ids = Int32Array.from(jobs).sort();
  const m = ids.length;
  const loc = new Int32Array(m);
  const service = new Float64Array(m);
  const dims = plan.dims;
  const del = new Float64Array(m * dims), pick = new Float64Array(m * dims);
  // one window (or none) as flat bounds; several: `windowAt` on the job's list
  const open = new Float64Array(m).fill(-Infinity), close = new Float64Array(m).fill(Infinity);
  const several = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const job = problem.jobs[ids[i]];
    const tw = job.timeWindows;
    if (tw && tw.length === 1) {
      open[i] = tw[0][0];
      close[i] = tw[0][1];
    } else if (tw && tw.length > 1) several[i] = 1;
    loc[i] = travel.jobLocation[ids[i]];
    service[i] = (job.setupDuration ?? 0) + (job.serviceDuration ?? 0);
    for (let q = 0; q < dims; q++) {
      del[i * dims + q] = job.delivery?.[q] ?? 0;
      pick[i * dims + q] = job.pickup?.[q] ?? 0;
    }
  }
  // the positions still to route, in no particular order (a chosen one is swapped out); `rank` breaks ties by position
  const pending = new Int32Array(m);
  for (let i = 0; i < m; i++) pending[i] = i;
  const slot = pending.slice();
  const isPending = new Uint8Array(m).fill(1);
  const { byClose, oneWindow } = closeOrder(close, several);
  return {
    problem, travel, sameArcs: travel.duration === travel.distance, ids, loc, service, open, close, several, del, pick, dims,
    pending, slot, pendingCount: m, isPending, byClose, oneWindow, everyJob,
  };
}

/** The route being built: its vehicle's last stop, time, loads and capacity, and the candidates of the last `rank`. */
interface RouteState {
  /** Location of the last stop (−1: none yet, an open start). */
  at: number;
  /** When the vehicle leaves the last stop. */
  time: number;
  delivered: Float64Array;
  picked: Float64Array;
  cap: Float64Array;
  best: Float64Array;
  order: Int32Array;
  /** The route's jobs (whole-problem indices). */
  route: number[];
  out: RouteEvaluation;
}

function routeState(dims: number): RouteState {
  return {
    at: -1, time: 0, delivered: new Float64Array(dims), picked: new Float64Array(dims), cap: new Float64Array(dims),
    best: new Float64Array(TRIES), order: new Int32Array(TRIES), route: [], out: new RouteEvaluation(),
  };
}

/** Starts an empty route of vehicle `k` in `s`. */
function startRoute(z: Zone, s: RouteState, k: number): void {
  const vehicle = z.problem.vehicles[k];
  const cap = s.cap;
  cap.fill(Infinity);
  for (let q = 0; q < z.dims; q++) if (vehicle.capacity) cap[q] = (vehicle.capacity[q] ?? 0) + 1e-9 * (1 + Math.abs(vehicle.capacity[q] ?? 0));
  s.delivered.fill(0);
  s.picked.fill(0);
  s.route.length = 0;
  s.at = z.travel.vehicleStart[k];
  s.time = vehicle.shift ? vehicle.shift[0] : 0;
}

/**
 * Appends the next stop to vehicle `k`'s route in `s`: the best-scored pending
 * job whose addition keeps the route feasible (exact evaluation), tried in
 * score order among the best `TRIES`. Returns false when none fits (the route is done).
 */
function placeNext(z: Zone, ev: RouteEvaluator, s: RouteState, k: number): boolean {
  const { travel, ids, loc, pending, slot, dims, del, pick } = z;
  const route = s.route, order = s.order, out = s.out;
  // score every pending job from the last stop, keeping the best `TRIES` (ties: lower job index)
  if (travel.block && s.at >= 0) travel.block([s.at], Array.from(loc));
  const count = rank(z, s.at, s.time, s.delivered, s.picked, s.cap, s.best, order);
  let chosen = -1;
  for (let c = 0; c < count; c++) {
    route.push(ids[order[c]]);
    ev.evaluate(k, route, route.length, out);
    route.pop();
    if (out.violations === 0) {
      chosen = order[c];
      break;
    }
  }
  if (chosen < 0) return false;
  route.push(ids[chosen]);
  const last = pending[--z.pendingCount];
  pending[slot[chosen]] = last;
  slot[last] = slot[chosen];
  z.isPending[chosen] = 0;
  for (let q = 0; q < dims; q++) {
    s.delivered[q] += del[chosen * dims + q];
    s.picked[q] += pick[chosen * dims + q];
  }
  const at = s.at;
  const arrival = s.time + (at >= 0 ? travel.duration(at, loc[chosen]) : 0);
  let opens = z.open[chosen];
  if (z.several[chosen]) opens = (windowAt(z.problem.jobs[ids[chosen]].timeWindows, arrival) ?? FREE)[0];
  s.time = Math.max(arrival, opens) + z.service[chosen];
  s.at = loc[chosen];
  return true;
}

/** A zone's jobs as flat arrays (by position in `ids`, ascending job index). */
interface Zone {
  problem: ZonePlan['problem'];
  travel: ZonePlan['travel'];
  /** Travel durations are the distances (one arc function): `rank` reads each arc once. */
  sameArcs: boolean;
  ids: Int32Array;
  loc: Int32Array;
  /** Setup plus service duration. */
  service: Float64Array;
  open: Float64Array;
  close: Float64Array;
  several: Uint8Array;
  del: Float64Array;
  pick: Float64Array;
  dims: number;
  /** Positions of the jobs still to route: the first `pendingCount` entries. */
  pending: Int32Array;
  /** Where each position is in `pending` (while pending). */
  slot: Int32Array;
  pendingCount: number;
  /** 1 for a position still to route. */
  isPending: Uint8Array;
  /**
   * Positions with one window, by ascending window end (ties by position), then
   * `-1`, then the positions without a window or with several: `rank` reads the
   * first part from the first window still open and stops early.
   */
  byClose: Int32Array;
  /** Where the `-1` in `byClose` is (the number of positions with one window). */
  oneWindow: number;
  /** Score every pending job (no early stop). */
  everyJob: boolean;
}

/** `Zone.byClose` (see there). */
function closeOrder(close: Float64Array, several: Uint8Array): { byClose: Int32Array; oneWindow: number } {
  const m = close.length;
  let ones = 0;
  for (let i = 0; i < m; i++) if (close[i] < Infinity && !several[i]) ones++;
  // the window ends sorted natively (no comparator calls); each position then takes the next free
  // place in its value's run, in ascending position order: ties stay by position
  const ends = new Float64Array(ones);
  for (let i = 0, o = 0; i < m; i++) if (close[i] < Infinity && !several[i]) ends[o++] = close[i];
  ends.sort();
  const taken = new Int32Array(ones);
  const byClose = new Int32Array(m + 1);
  byClose[ones] = -1;
  for (let i = 0, next = ones + 1; i < m; i++) {
    if (!(close[i] < Infinity && !several[i])) {
      byClose[next++] = i;
      continue;
    }
    let lo = 0, hi = ones;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] < close[i]) lo = mid + 1;
      else hi = mid;
    }
    byClose[lo + taken[lo]++] = i;
  }
  return { byClose, oneWindow: ones };
}

/**
 * Scores every pending job of `z` as the next stop after location `at` (−1:
 * none yet) left at `time`, skipping those that overflow a capacity or whose
 * windows are all closed; writes the best `TRIES` (positions, best first; ties
 * to the lower position, that is the lower job index) into `order` and returns
 * how many there are. Jobs with one window are read by its end, from the
 * first still open, until no later one can beat the kept candidates: the same
 * candidates as scoring every job.
 */
function rank(
  z: Zone, at: number, time: number, delivered: Float64Array, picked: Float64Array, cap: Float64Array,
  best: Float64Array, order: Int32Array,
): number {
  const { byClose, close, isPending } = z;
  let count = 0;
  // one window, by its end: those closed before `time` cannot be reached (skip them), and a score is at least
  // W_URGENCY × (end − time) (every other term is ≥ 0), so past the kept candidates' worst score none can enter
  const oneEnd = z.oneWindow;
  let lo = 0, hi = z.everyJob ? 0 : oneEnd;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (close[byClose[mid]] < time) lo = mid + 1;
    else hi = mid;
  }
  const { open } = z;
  for (let k = lo; k < oneEnd; k++) {
    const i = byClose[k];
    if (count === TRIES && W_URGENCY * (close[i] - time) > best[LAST] && !z.everyJob) break;
    if (!isPending[i]) continue;
    // a score is also at least W_URGENCY × (end − time + max(0, start − time)) (see `lowerBound`): a job whose
    // bound is clearly above the kept candidates' worst score cannot enter, so its travel is not even read
    if (count === TRIES && !z.everyJob && lowerBound(open[i], close[i], time) > best[LAST] + SKIP_MARGIN * (1 + Math.abs(best[LAST]))) continue;
    const sc = scoreOf(z, i, at, time, delivered, picked, cap);
    if (sc < Infinity) count = keep(best, order, count, sc, i);
  }
  // no window or several: every one of them
  for (let k = oneEnd + 1; k < byClose.length; k++) {
    const i = byClose[k];
    if (!isPending[i]) continue;
    const sc = scoreOf(z, i, at, time, delivered, picked, cap);
    if (sc < Infinity) count = keep(best, order, count, sc, i);
  }
  return count;
}

/** Relative margin for `lowerBound`'s skip test: far above the rounding of the score's few terms. */
const SKIP_MARGIN = 1e-9;

/**
 * A lower bound of the score of a job with the one window [`open`, `close`]
 * from any location left at `time` (travel time t ≥ 0, distance ≥ 0):
 * W_URGENCY × (close − time + max(0, open − time)). With the service start
 * max(time + t, open): when t ≥ open − time the score is at least
 * W_TIME·t + W_URGENCY·(close − time − t) ≥ W_URGENCY·(close − time + t) and
 * t ≥ max(0, open − time); otherwise it is W_TIME·(open − time) +
 * W_URGENCY·(close − time − t) > W_URGENCY·(close − time + open − time)
 * (W_TIME = 2 W_URGENCY).
 */
function lowerBound(open: number, close: number, time: number): number {
  return W_URGENCY * (close - time + (open > time ? open - time : 0));
}

/** Job `i`'s score as the next stop (see `rank`), or Infinity when it cannot follow (capacity, windows all closed). */
function scoreOf(z: Zone, i: number, at: number, time: number, delivered: Float64Array, picked: Float64Array, cap: Float64Array): number {
  const { travel, loc, open, close, several, del, pick, dims } = z;
  if (!fits(del, delivered, cap, i, dims) || !fits(pick, picked, cap, i, dims)) return Infinity;
  const d = at >= 0 ? travel.distance(at, loc[i]) : 0;
  const t = at < 0 ? 0 : z.sameArcs ? d : travel.duration(at, loc[i]);
  const arrival = time + t;
  let a = open[i], b = close[i];
  if (several[i]) {
    const w = windowAt(z.problem.jobs[z.ids[i]].timeWindows, arrival);
    if (w === null) return Infinity;
    a = w[0];
    b = w[1];
  } else if (b < arrival) return Infinity;
  const start = arrival > a ? arrival : a;
  const urgency = b === Infinity ? 0 : b - arrival;
  const sc = W_DIST * d + W_TIME * (start - time) + W_URGENCY * urgency;
  return sc < Infinity ? sc : Infinity; // NaN counts as unusable
}

/** Keeps the `TRIES` smallest (score, position) pairs in order in `best` / `order` (holding `count`); returns the new count. */
function keep(best: Float64Array, order: Int32Array, count: number, sc: number, i: number): number {
  // the tie tests (equal scores: lower position first) are computed whether or not they decide: a test first met
  // late (ties are rare) would find its optimised code without type feedback and throw that code away
  const beforeLast = i < order[LAST];
  if (count === TRIES && !(sc < best[LAST] || (sc === best[LAST] && beforeLast))) return count;
  let p = count < TRIES ? count++ : LAST;
  while (p > 0) {
    const q = p - 1;
    const b = best[q];
    const after = order[q] > i;
    if (!(b > sc || (b === sc && after))) break;
    best[p] = b;
    order[p] = order[q];
    p = q;
  }
  best[p] = sc;
  order[p] = i;
  return count;
}

/** The first window still open at `t` (closing at or after it), `[−∞, ∞]` without windows; null when all closed. */
function windowAt(windows: readonly (readonly [number, number])[] | undefined, t: number): readonly [number, number] | null {
  if (!windows || windows.length === 0) return FREE;
  let best: readonly [number, number] | null = null;
  for (const w of windows) if (w[1] >= t && (best === null || w[0] < best[0])) best = w;
  return best;
}

const FREE: readonly [number, number] = [-Infinity, Infinity];

/** Whether job `i`'s amounts (row `i` of `amount`) added to `sum` stay within `cap` in every dimension. */
function fits(amount: Float64Array, sum: Float64Array, cap: Float64Array, i: number, dims: number): boolean {
  for (let q = 0; q < dims; q++) if (sum[q] + amount[i * dims + q] > cap[q]) return false;
  return true;
}
