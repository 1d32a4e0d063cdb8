/**
 * The time half of docs/semantics.md's "One route": the schedule of a route
 * (legs, breaks taken while driving, setup, windows) from a departure `d`, and
 * the departure rule `d*`. Part of the independent checker.
 *
 * A route is a list of items: task indices (≥ 0, `tasks.ts`) and breaks of the
 * vehicle (`−1 − b` for `vehicle.breaks[b]`).
 */
import { eps, type RouteContext } from './check-context.js';
import { sameLocation } from './fleet-travel.js';
import { serviceDurationFor, setupDurationFor } from './tasks.js';
import type { TimeWindow } from './types.js';

/** The schedule of a route at a given departure, per item (tasks and breaks). */
export interface Timeline {
  arrival: Float64Array;
  waiting: Float64Array;
  serviceStart: Float64Array;
  setup: Float64Array;
  /** Service duration (tasks) or break duration. */
  service: Float64Array;
  departure: Float64Array;
  lateness: Float64Array;
  /** End of the window used (+Infinity without windows). */
  usedWindowEnd: Float64Array;
  /** For breaks: the time the vehicle was ready for it (before driving on); for tasks: the arrival. */
  ready: Float64Array;
  /** Distance from the route start to each item. */
  distanceTo: Float64Array;
  endArrival: number;
  distance: number;
  travelTime: number;
  /** Sum of arc costs when the vehicle's travel has a `costs` matrix, else 0. */
  arcCost: number;
  /** Arcs with infinite or NaN travel: the position of the task after the arc, or −1 for the arc to the end. */
  unreachable: number[];
}

/** The first window whose end (with tolerance) is ≥ `t`: its index, or −1 (late). */
function windowAt(ctx: RouteContext, windows: TimeWindow[], t: number): number {
  for (let w = 0; w < windows.length; w++) if (windows[w][1] + eps(ctx, windows[w][1]) >= t) return w;
  return -1;
}

/**
 * A timeline for `n` items starting at `d`: `reuse` when its arrays hold at
 * least `n` items (entries past `n` are left as they are), else new arrays.
 * Reuse saves allocating ten small typed arrays per route (each above 64 bytes
 * costs V8 a buffer outside the heap).
 */
function timelineFor(n: number, d: number, reuse?: Timeline): Timeline {
  if (reuse && reuse.arrival.length >= n) {
    // every other array is written for every item; these two only for some
    reuse.setup.fill(0, 0, n);
    reuse.lateness.fill(0, 0, n);
    reuse.endArrival = d;
    reuse.distance = 0;
    reuse.travelTime = 0;
    reuse.arcCost = 0;
    reuse.unreachable = [];
    return reuse;
  }
  const size = reuse ? Math.max(n, 2 * reuse.arrival.length) : n;
  return {
    arrival: new Float64Array(size),
    waiting: new Float64Array(size),
    serviceStart: new Float64Array(size),
    setup: new Float64Array(size),
    service: new Float64Array(size),
    departure: new Float64Array(size),
    lateness: new Float64Array(size),
    usedWindowEnd: new Float64Array(size),
    ready: new Float64Array(size),
    distanceTo: new Float64Array(size),
    endArrival: d,
    distance: 0,
    travelTime: 0,
    arcCost: 0,
    unreachable: [],
  };
}

/** `reuse` when its arrays hold at least `n` items, else a new timeline that does (to pass to `timeline` as `reuse`). */
export function reserveTimeline(n: number, reuse?: Timeline): Timeline {
  return reuse && reuse.arrival.length >= n ? reuse : timelineFor(n, 0, reuse);
}

/**
 * Runs the schedule of docs/semantics.md from departure `d` over the route's
 * items. With `reuse`, the result may be that timeline overwritten (see
 * `timelineFor`): read only the first `items.length` entries of its arrays.
 */
export function timeline(ctx: RouteContext, vehicleIndex: number, items: number[], d: number, reuse?: Timeline): Timeline {
  const n = items.length;
  const tl = timelineFor(n, d, reuse);
  const v = ctx.vehicles[vehicleIndex];
  const vt = ctx.fleet[vehicleIndex];
  const travel = vt.travel;
  const tasks = ctx.tasks.tasks;
  const breaks = v.breaks ?? [];
  const size = travel.size;
  let t = d;
  let prev = travel.vehicleStart[vehicleIndex]; // −1: open start
  let dist = 0;
  let i = 0;
  for (;;) {
    let next = i;
    while (next < n && items[next] < 0) next++;
    const toEnd = next === n;
    const target = toEnd ? travel.vehicleEnd[vehicleIndex] : travel.jobLocation[items[next]];
    // The leg prev → target (none for an open start's first leg or an open end's last leg).
    let T = 0;
    let L = 0;
    if (prev >= 0 && target >= 0 && !(toEnd && next === 0)) {
      T = travel.duration(prev, target) / vt.speedFactor;
      L = travel.distance(prev, target);
      if (!Number.isFinite(T) || !Number.isFinite(L)) tl.unreachable.push(toEnd ? -1 : next);
      if (vt.costs) tl.arcCost += vt.costs[prev * size + target];
    }
    let R = T;
    for (let k = i; k < next; k++) {
      const b = breaks[-1 - items[k]];
      tl.ready[k] = t;
      let start = t;
      let arrival = t;
      let usedEnd = Infinity;
      const windows = b.timeWindows;
      if (windows && windows.length > 0) {
        const w = windowAt(ctx, windows, t);
        if (w < 0) {
          usedEnd = windows[windows.length - 1][1];
          tl.lateness[k] = t - usedEnd;
        } else {
          usedEnd = windows[w][1];
          if (t < windows[w][0]) {
            const drive = Math.min(R, windows[w][0] - t);
            R -= drive;
            arrival = t + drive;
            start = windows[w][0];
          }
        }
      }
      tl.arrival[k] = arrival;
      tl.waiting[k] = start - arrival;
      tl.serviceStart[k] = start;
      tl.service[k] = b.duration ?? 0;
      tl.departure[k] = start + tl.service[k];
      tl.usedWindowEnd[k] = usedEnd;
      tl.distanceTo[k] = dist + (T > 0 && Number.isFinite(T) ? (L * (T - R)) / T : 0);
      t = tl.departure[k];
    }
    tl.travelTime += T;
    dist += L;
    if (toEnd) {
      tl.endArrival = t + R;
      break;
    }
    const task = tasks[items[next]];
    const arrival = t + R;
    let start = arrival;
    let usedEnd = Infinity;
    const windows = task.timeWindows;
    if (windows && windows.length > 0) {
      const w = windowAt(ctx, windows, arrival);
      if (w < 0) {
        usedEnd = windows[windows.length - 1][1];
        tl.lateness[next] = arrival - usedEnd;
      } else {
        usedEnd = windows[w][1];
        start = Math.max(arrival, windows[w][0]);
      }
    }
    // Setup unless the previous task (or the vehicle's start, for the first task) is at the same location.
    const setup = prev >= 0 && sameLocation(vt, prev, target) ? 0 : setupDurationFor(task, v);
    tl.arrival[next] = arrival;
    tl.ready[next] = arrival;
    tl.waiting[next] = start - arrival;
    tl.serviceStart[next] = start;
    tl.setup[next] = setup;
    tl.service[next] = serviceDurationFor(task, v);
    tl.departure[next] = start + setup + tl.service[next];
    tl.usedWindowEnd[next] = usedEnd;
    tl.distanceTo[next] = dist;
    t = tl.departure[next];
    prev = target;
    i = next + 1;
  }
  tl.distance = dist;
  return tl;
}

/** Earliest and latest allowed departure of a route: `e` and `D` of the semantics. */
export function departureBounds(ctx: RouteContext, vehicleIndex: number, items: number[]): { e: number; D: number } {
  const v = ctx.vehicles[vehicleIndex];
  let e = v.shift ? v.shift[0] : -Infinity;
  let D = Infinity;
  for (const t of items) {
    if (t < 0 || t >= ctx.tasks.jobCount) continue; // release times and dispatch deadlines are jobs' only
    const job = ctx.problem.jobs[t];
    if (job.releaseTime !== undefined && job.releaseTime > e) e = job.releaseTime;
    if (job.dispatchDeadline !== undefined && job.dispatchDeadline < D) D = job.dispatchDeadline;
  }
  if (e === -Infinity) e = 0;
  return { e, D };
}

/**
 * The departure `d*` of docs/semantics.md: the earliest departure that attains
 * the route's minimum duration, `e + min(W(end), slack, D − e)` (never below
 * `e`). With the earliest schedule (departing at `e`), `W(x)` is the waiting
 * before item `x` and `slack = min over tasks and breaks x of W(x) +
 * max(0, usedWindowEnd(x) − ready(x))`: delaying the start by δ moves item `x`
 * by `max(0, δ − W(x))`, so up to `slack` no item changes window or gets
 * later, and every unit of delay up to `W(end)` (the total waiting) removes one
 * unit of waiting; beyond `W(end)` the route only ends later. `reuse`: as for `timeline`.
 */
export function defaultDeparture(ctx: RouteContext, vehicleIndex: number, items: number[], reuse?: Timeline): number {
  const { e, D } = departureBounds(ctx, vehicleIndex, items);
  if (!items.some((x) => x >= 0)) return e;
  const tl = timeline(ctx, vehicleIndex, items, e, reuse);
  let waitedBefore = 0;
  let slack = Infinity;
  for (let k = 0; k < items.length; k++) {
    slack = Math.min(slack, waitedBefore + Math.max(0, tl.usedWindowEnd[k] - tl.ready[k]));
    waitedBefore += tl.waiting[k];
  }
  const delay = Math.min(waitedBefore, slack, D - e);
  return delay > 0 && Number.isFinite(delay) ? e + delay : e;
}
