/**
 * The solver's exact route evaluator: for vehicle k serving tasks (indices of
 * model/tasks.ts: jobs, then shipment pickups and deliveries) in a given
 * order, it derives what docs/semantics.md defines — the departure `d*`, the
 * legs, setup when arriving from a different location, the first window whose
 * end is ≥ the arrival, the breaks, loads with shipments, limits and cost —
 * and splits the violations by kind (`RouteEvaluation`). Written apart from
 * the checker (model/check*.ts) on purpose; tests hold the two together.
 *
 * `evaluate` allocates nothing: the search may call it millions of times.
 * `trace` does the same and also records every step (`ScheduleRecord`), which
 * `simulateRoute` turns into a public `Route`, so plans and evaluations agree
 * by construction.
 *
 * **Where breaks go.** The plan lists break steps between tasks; the solver
 * places them by one deterministic rule, decided on the earliest schedule
 * (departure `e`) and kept when the route then departs at `d*`. The vehicle's
 * breaks are taken in the order of their first window's start; walking the
 * legs (start → j1, …, jm → end), the next break is taken in the current leg,
 * at the vehicle's ready time `t` there (after the previous task and any break
 * already taken in this leg), when:
 *  1. the leg is the last one (into the end): every remaining break is taken there;
 *  2. otherwise never while the load on board exceeds the break's `maxLoad`;
 *  3. it is taken when none of its windows ends at or after `t` (it is late
 *     wherever it goes; now is least late), or when no window ends at or after
 *     the moment the next leg would begin (`dep`, the task's departure without
 *     the break: later it would be late);
 *  4. else it waits for a later leg when its window opens after the leg's task
 *     would start (`s`): the vehicle reaches the window only after that task;
 *  5. else it is taken here, unless taking it here makes the leg's task late
 *     or pushes it into a later window (then it waits for a later leg, where
 *     a window is still open).
 * So a break starts as early as its window allows, preferably while the
 * vehicle would wait anyway, without costing a task its window. The checker
 * does not depend on this rule: it verifies whatever the plan states.
 */
import { sameLocation } from '../model/fleet-travel.js';
import type { Problem } from '../model/types.js';
import { EvaluatorData, type EvaluatorOptions } from './evaluate-data.js';
import { type RouteEvaluation, ScheduleRecord } from './evaluate-result.js';

export { RouteEvaluation, ScheduleRecord } from './evaluate-result.js';
export { EvaluatorData, type EvaluatorOptions } from './evaluate-data.js';

/** Exact, allocation-free evaluation of routes (see the module comment). */
export class RouteEvaluator {
  readonly data: EvaluatorData;
  /** The schedule of the last `trace` call. */
  readonly record: ScheduleRecord;
  private readonly loadNow: Float64Array;
  private readonly peak: Float64Array;
  private readonly stamp: Int32Array;
  private readonly position: Int32Array;
  private stampNow = 0;
  /** Leg of each break of the current vehicle (in its sorted order). */
  private readonly breakLeg: Int32Array;
  // Results of the last pass.
  private slack = 0;
  private lateCount = 0;
  private breakLoadCount = 0;
  private arcCost = 0;

  /** Builds the tables once for `problem` (validated); see `EvaluatorOptions`. */
  constructor(problem: Problem, options: EvaluatorOptions = {}) {
    const data = (this.data = new EvaluatorData(problem, options));
    this.record = new ScheduleRecord(data.dims);
    this.loadNow = new Float64Array(data.dims);
    this.peak = new Float64Array(data.dims);
    this.stamp = new Int32Array(data.n);
    this.position = new Int32Array(data.n);
    this.breakLeg = new Int32Array(Math.max(1, data.maxBreaks));
  }

  /**
   * Evaluates vehicle `k` serving `tasks[0 .. count − 1]` in order and fills
   * `out` (returned). An empty route (count 0) has no cost and no violation.
   */
  evaluate(k: number, tasks: ArrayLike<number>, count: number, out: RouteEvaluation): RouteEvaluation {
    return this.run(k, tasks, count, out, false);
  }

  /** As `evaluate`, and records every step of the route in `record`. */
  trace(k: number, tasks: ArrayLike<number>, count: number, out: RouteEvaluation): RouteEvaluation {
    const m = count > 0 ? count + this.data.breakStart[k + 1] - this.data.breakStart[k] : 0;
    this.record.reserve(m);
    this.record.count = 0;
    return this.run(k, tasks, count, out, true);
  }

  /** Whether vehicle `k` may serve task `t` (allowed vehicles, skills, service radius). */
  allowed(t: number, k: number): boolean {
    return this.data.allowed(t, k);
  }

  private eps(x: number): number {
    return this.data.epsAbs + this.data.epsRel * (Number.isFinite(x) ? Math.abs(x) : 0);
  }

  private run(k: number, tasks: ArrayLike<number>, count: number, out: RouteEvaluation, record: boolean): RouteEvaluation {
    out.reset();
    if (count === 0) return out;
    const D = this.data;
    // Allowed departures [e, Dl] (docs/semantics.md "Departure").
    let e = D.shiftStart[k];
    let Dl = Infinity;
    for (let i = 0; i < count; i++) {
      const t = tasks[i];
      if (D.release[t] > e) e = D.release[t];
      if (D.deadline[t] < Dl) Dl = D.deadline[t];
    }
    if (e === -Infinity) e = 0;
    this.pass(k, tasks, count, e, true, record, out);
    // The earliest departure that attains the minimum duration (docs/semantics.md "Departure").
    const delay = Math.min(this.slack, Dl - e);
    const d = delay > 0 && Number.isFinite(delay) ? e + delay : e;
    if (d !== e) {
      if (record) this.record.count = 0;
      this.pass(k, tasks, count, d, false, record, out);
    }
    out.departure = d;
    out.tasks = count;
    const duration = (out.duration = out.endArrival - d);
    // Cost; a zero coefficient contributes nothing, even over an infinite amount.
    const term = (c: number, x: number) => (c === 0 ? 0 : c * x);
    const costs = D.arcCosts[k];
    const travelCost = costs ? this.arcCost : term(D.perDistance[k], out.distance) + term(D.perTravelTime[k], out.travelTime);
    out.cost = D.fixed[k] + travelCost + term(D.perDuration[k], duration) + term(D.perTaskTime[k], out.setup + out.service) + out.latenessCost;
    // Violations that depend on the departure and the totals.
    let v = this.lateCount + out.hard;
    const shiftStart = D.shiftStart[k], shiftEnd = D.shiftEnd[k];
    if (d < shiftStart - this.eps(shiftStart)) {
      out.shiftExcess += shiftStart - d;
      v++;
    }
    if (out.endArrival > shiftEnd + this.eps(shiftEnd)) {
      out.shiftExcess += out.endArrival - shiftEnd;
      v++;
    }
    for (let i = 0; i < count; i++) {
      const t = tasks[i];
      const rel = D.release[t], dl = D.deadline[t];
      if (d < rel - this.eps(rel)) {
        out.dispatchExcess += rel - d;
        v++;
      }
      if (d > dl + this.eps(dl)) {
        out.dispatchExcess += d - dl;
        v++;
      }
    }
    const over = (x: number, max: number) => (x > max + this.eps(max) ? x - max : 0);
    if ((out.durationExcess = over(duration, D.maxDuration[k])) > 0) v++;
    if ((out.distanceExcess = over(out.distance, D.maxDistance[k])) > 0) v++;
    if ((out.travelTimeExcess = over(out.travelTime, D.maxTravelTime[k])) > 0) v++;
    if (count > D.maxTasks[k]) {
      out.tasksExcess = count - D.maxTasks[k];
      v++;
    }
    if (out.loadExcess > 0) v++;
    out.violations = v + this.breakLoadCount;
    return out;
  }

  /**
   * One schedule from departure `d`. With `decide`, it places the breaks
   * (rule in the module comment), computes the forward slack for `d*`, loads,
   * capacity, break loads and the hard violations; without, it replays the
   * placement of the previous deciding pass and recomputes the times only.
   */
  private pass(k: number, tasks: ArrayLike<number>, count: number, d: number, decide: boolean, record: boolean, out: RouteEvaluation): void {
    const D = this.data;
    const dims = D.dims;
    const rec = this.record;
    const vt = D.fleet[k];
    const arcs = D.arcs[k];
    const travel = arcs.travel;
    const size = arcs.size;
    const durM = arcs.durations;
    const distM = arcs.distances;
    const costM = D.arcCosts[k];
    const loc = D.taskLoc[k];
    const sf = D.speedFactor[k];
    const C = D.classes;
    const cls = D.vehicleClass[k];
    const wStart = D.windows.start, wOpen = D.windows.open, wClose = D.windows.close, wTol = D.windows.closeTol;
    const bw = D.breakWindows;
    const bFirst = D.breakStart[k], bEnd = D.breakStart[k + 1];
    const load = this.loadNow;

    // Load on board at the start: the deliveries of the route's jobs.
    load.fill(0);
    for (let i = 0; i < count; i++) for (let q = 0; q < dims; q++) load[q] += D.fromStart[tasks[i] * dims + q];
    if (record) rec.startLoad.set(load);
    if (decide) {
      let stampNow = ++this.stampNow;
      if (stampNow === 0x7fffffff) {
        this.stamp.fill(0);
        stampNow = this.stampNow = 1;
      }
      // Positions of the shipment stops, for precedence.
      for (let i = 0; i < count; i++) {
        this.stamp[tasks[i]] = stampNow;
        this.position[tasks[i]] = i;
      }
      for (let q = 0; q < dims; q++) this.peak[q] = this.excessOverCapacity(k, q);
      this.breakLoadCount = 0;
      out.hard = 0;
      out.breakLoadExcess = 0;
      out.priority = 0;
    }

    let t = d;
    let prev = D.startLoc[k];
    let dist = 0, travelTime = 0, arcCost = 0;
    let waiting = 0, service = 0, setupSum = 0, breakSum = 0, lateness = 0, lateCount = 0, lateTasks = 0, latenessCost = 0;
    let W = 0, slack = Infinity;
    let g = bFirst;
    for (let i = 0; i <= count; i++) {
      const toEnd = i === count;
      const task = toEnd ? -1 : tasks[i];
      const target = toEnd ? D.endLoc[k] : loc[task];
      let T = 0, L = 0;
      if (prev >= 0 && target >= 0) {
        T = (durM ? durM[prev * size + target] : travel.duration(prev, target)) / sf;
        L = distM ? distM[prev * size + target] : travel.distance(prev, target);
        if (decide && (!Number.isFinite(T) || !Number.isFinite(L))) out.hard++;
        if (costM) arcCost += costM[prev * size + target];
      }
      let R = T;
      // The task's setup does not depend on breaks (docs/semantics.md): known before them.
      const setup = toEnd ? 0 : prev >= 0 && sameLocation(vt, prev, target) ? 0 : D.setup[task * C + cls];
      while (g < bEnd) {
        if (decide) {
          if (!this.takeBreakHere(k, g, toEnd, t, R, task, setup)) break;
          this.breakLeg[g - bFirst] = i;
        } else if (this.breakLeg[g - bFirst] !== i) break;
        const ready = t;
        let start = t, arrival = t, usedEnd = Infinity, lateB = 0;
        const w0 = bw.start[g], w1 = bw.start[g + 1];
        if (w1 > w0) {
          let w = w0;
          while (w < w1 && bw.closeTol[w] < t) w++;
          if (w === w1) {
            usedEnd = bw.close[w1 - 1];
            lateB = t - usedEnd;
          } else {
            usedEnd = bw.close[w];
            if (t < bw.open[w]) {
              const drive = Math.min(R, bw.open[w] - t);
              R -= drive;
              arrival = t + drive;
              start = bw.open[w];
            }
          }
        }
        const dur = D.breakDuration[g];
        const departure = start + dur;
        if (decide) {
          slack = Math.min(slack, W + Math.max(0, usedEnd - ready));
          let worst = 0;
          for (let q = 0; q < dims; q++) {
            const max = D.breakMaxLoad[g * dims + q];
            const excess = load[q] - max;
            if (excess > this.eps(max)) {
              out.breakLoadExcess += excess;
              worst = excess;
            }
          }
          if (worst > 0) this.breakLoadCount++;
        }
        if (lateB > 0) {
          lateCount++;
          lateness += lateB;
        }
        W += start - arrival;
        waiting += start - arrival;
        breakSum += dur;
        if (record) {
          const r = rec.count++;
          rec.item[r] = -1 - D.breakOrigin[g];
          rec.arrival[r] = arrival;
          rec.waiting[r] = start - arrival;
          rec.serviceStart[r] = start;
          rec.setup[r] = 0;
          rec.departure[r] = departure;
          rec.distance[r] = dist + (T > 0 && Number.isFinite(T) ? (L * (T - R)) / T : 0);
          rec.lateness[r] = lateB;
          for (let q = 0; q < dims; q++) rec.load[r * dims + q] = load[q];
        }
        t = departure;
        g++;
      }
      travelTime += T;
      dist += L;
      if (toEnd) {
        out.endArrival = t + R;
        break;
      }
      const arrival = t + R;
      let start = arrival, usedEnd = Infinity, lateT = 0;
      const w0 = wStart[task], w1 = wStart[task + 1];
      if (w1 > w0) {
        let w = w0;
        while (w < w1 && wTol[w] < arrival) w++;
        if (w === w1) {
          usedEnd = wClose[w1 - 1];
          lateT = arrival - usedEnd;
        } else {
          usedEnd = wClose[w];
          if (wOpen[w] > arrival) start = wOpen[w];
        }
      }
      const svc = D.service[task * C + cls];
      const departure = start + setup + svc;
      if (decide) slack = Math.min(slack, W + Math.max(0, usedEnd - arrival));
      if (lateT > 0) {
        // soft windows: lateness up to maxLateness is priced, beyond it a violation
        lateTasks++;
        const price = D.latenessCost[task];
        if (price !== 0) latenessCost += price * lateT;
        const maxLate = D.maxLateness[task];
        const over = lateT - maxLate;
        if (over > this.eps(usedEnd + maxLate)) {
          lateCount++;
          lateness += over;
        }
      }
      W += start - arrival;
      waiting += start - arrival;
      service += svc;
      setupSum += setup;
      for (let q = 0; q < dims; q++) load[q] += D.load[task * dims + q] - D.unload[task * dims + q];
      if (decide) {
        for (let q = 0; q < dims; q++) {
          const x = this.excessOverCapacity(k, q);
          if (x > this.peak[q]) this.peak[q] = x;
        }
        out.priority += D.priority[task];
        this.hardOf(k, task, i, out);
      }
      if (record) {
        const r = rec.count++;
        rec.item[r] = task;
        rec.arrival[r] = arrival;
        rec.waiting[r] = start - arrival;
        rec.serviceStart[r] = start;
        rec.setup[r] = setup;
        rec.departure[r] = departure;
        rec.distance[r] = dist;
        rec.lateness[r] = lateT;
        for (let q = 0; q < dims; q++) rec.load[r * dims + q] = load[q];
      }
      t = departure;
      prev = target;
    }
    if (decide) {
      // How far the departure may move from e (docs/semantics.md "Departure"): min(W(end), slack).
      this.slack = Math.min(slack, W);
      let excess = 0;
      for (let q = 0; q < dims; q++) excess += this.peak[q];
      out.loadExcess = excess;
    }
    out.distance = dist;
    out.travelTime = travelTime;
    this.arcCost = arcCost;
    out.waiting = waiting;
    out.service = service;
    out.setup = setupSum;
    out.breakDuration = breakSum;
    out.lateness = lateness;
    out.lateTasks = lateTasks;
    out.latenessCost = latenessCost;
    this.lateCount = lateCount;
  }

  /** The current load's excess over vehicle `k`'s capacity in dimension `q` (0 within tolerance). */
  private excessOverCapacity(k: number, q: number): number {
    const cap = this.data.capacity[k * this.data.dims + q];
    const x = this.loadNow[q] - cap;
    return x > this.eps(cap) ? x : 0;
  }

  /** Hard violations of task `task` at position `i`: not allowed on `k`, shipment split or out of order. */
  private hardOf(k: number, task: number, i: number, out: RouteEvaluation): void {
    const D = this.data;
    if (!D.allowed(task, k)) out.hard++;
    const kind = D.kind[task];
    if (kind === 0) return;
    const p = D.partner[task];
    // A delivery needs its pickup earlier in the route (counted once, here); a pickup needs its delivery in the route.
    if (this.stamp[p] !== this.stampNow || (kind === 2 && this.position[p] > i)) out.hard++;
  }

  /** Whether break slot `g` is taken now, in the leg towards `task` (−1: the end) at ready time `t` with `R` left to drive. */
  private takeBreakHere(k: number, g: number, toEnd: boolean, t: number, R: number, task: number, setup: number): boolean {
    if (toEnd) return true;
    const D = this.data;
    const dims = D.dims;
    for (let q = 0; q < dims; q++) {
      const max = D.breakMaxLoad[g * dims + q];
      if (this.loadNow[q] - max > this.eps(max)) return false;
    }
    const bw = D.breakWindows;
    const w0 = bw.start[g], w1 = bw.start[g + 1];
    if (w1 === w0) return true;
    let w = w0;
    while (w < w1 && bw.closeTol[w] < t) w++;
    if (w === w1) return true;
    // Without the break: the task starts at s, and the next leg begins at dep.
    const { start: tw, open, closeTol } = D.windows;
    const arrival = t + R;
    let u = tw[task];
    while (u < tw[task + 1] && closeTol[u] < arrival) u++;
    // Only a task that starts within one of its windows can be disturbed by the break.
    const inWindow = u < tw[task + 1];
    const s = inWindow && open[u] > arrival ? open[u] : arrival;
    const dep = s + setup + D.service[task * D.classes + D.vehicleClass[k]];
    if (bw.closeTol[w1 - 1] < dep) return true;
    const opens = bw.open[w];
    if (opens > s) return false;
    if (!inWindow) return true;
    // Taken now: does the task keep its window?
    const startB = t < opens ? opens : t;
    const left = t < opens ? R - Math.min(R, opens - t) : R;
    const arrival2 = startB + D.breakDuration[g] + left;
    let u2 = tw[task];
    while (u2 < tw[task + 1] && closeTol[u2] < arrival2) u2++;
    return u2 === u;
  }
}
