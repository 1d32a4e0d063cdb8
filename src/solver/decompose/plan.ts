/**
 * The whole problem's current plan during zone-by-zone solving: job lists per
 * vehicle, each route's cost and centre, the jobs not yet routed, and the
 * vehicles not used. Route costs are re-derived on the whole problem with the
 * solver's own route simulation, so accepting a sub-solution can be checked
 * against the whole problem's semantics.
 */
import { offerTopK } from '../../core/top-k.js';
import { taskTable } from '../../model/tasks.js';
import type { ResolvedTravel } from '../../model/travel.js';
import type { Problem, Route } from '../../model/types.js';
import { simulateRoute, type DecodeContext } from '../decode.js';

export class ZonePlan {
  /** Job indices per used vehicle. */
  readonly routes = new Map<number, number[]>();
  /** Cost of every route in `routes`. */
  readonly cost = new Map<number, number>();
  /** Jobs not in any route (to be re-homed, or reported at the end). */
  readonly unrouted = new Set<number>();
  /** The reason a sub-solve gave for leaving a job out, kept for the final report. */
  readonly reasons = new Map<number, { reason: string; message?: string }>();
  /** Route of every routed job (vehicle index), -1 when unrouted. */
  readonly routeOf: Int32Array;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  /** What the route simulation needs (a problem of jobs only: tasks are jobs). */
  readonly decode: DecodeContext;
  /** The last simulation of every vehicle: its jobs and route, reused by `finalRoute` when the jobs did not change. */
  private readonly simulated = new Map<number, { jobs: number[]; route: Route }>();

  constructor(
    readonly problem: Problem,
    readonly travel: ResolvedTravel,
    readonly dims: number,
  ) {
    this.decode = { problem, tasks: taskTable(problem), travel, dims };
    this.routeOf = new Int32Array(problem.jobs.length).fill(-1);
    const n = problem.jobs.length;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    const c = travel.coordinates;
    if (c) {
      // Plane coordinates for "nearby" tests; longitude scaled by cos(latitude) for lon/lat.
      for (let j = 0; j < n; j++) {
        const l = travel.jobLocation[j];
        const scale = travel.geographic ? Math.cos((c[2 * l + 1] * Math.PI) / 180) : 1;
        this.x[j] = c[2 * l] * scale;
        this.y[j] = c[2 * l + 1];
      }
    }
  }

  /** Whether geometry is known (else nearness comes from travel distances). */
  get hasCoordinates(): boolean {
    return this.travel.coordinates !== undefined;
  }

  /** Simulates vehicle `k` on `jobs` in the whole problem. */
  simulate(k: number, jobs: number[]): { cost: number; violations: number } {
    const s = simulateRoute(this.decode, k, jobs);
    this.simulated.set(k, { jobs: jobs.slice(), route: s.route });
    return { cost: s.route.cost, violations: s.violations };
  }

  /** Vehicle `k`'s current route as the public `Route` (the last simulation when its jobs are the same, else simulated now). */
  finalRoute(k: number): Route {
    const jobs = this.routes.get(k)!;
    const last = this.simulated.get(k);
    if (last && last.jobs.length === jobs.length && last.jobs.every((j, i) => j === jobs[i])) return last.route;
    return simulateRoute(this.decode, k, jobs).route;
  }

  /** Replaces vehicle `k`'s route (an empty list frees the vehicle). */
  setRoute(k: number, jobs: number[], cost?: number): void {
    const old = this.routes.get(k);
    if (old) for (const j of old) if (this.routeOf[j] === k) this.routeOf[j] = -1;
    if (jobs.length === 0) {
      this.routes.delete(k);
      this.cost.delete(k);
      return;
    }
    this.routes.set(k, jobs);
    this.cost.set(k, cost ?? this.simulate(k, jobs).cost);
    for (const j of jobs) {
      this.routeOf[j] = k;
      this.unrouted.delete(j);
    }
  }

  /** Marks a job as not routed (keeping the reason a sub-solve gave, if any). */
  leaveOut(j: number, reason?: string, message?: string): void {
    this.unrouted.add(j);
    if (reason !== undefined) this.reasons.set(j, { reason, ...(message !== undefined ? { message } : {}) });
  }

  /** Total cost of the routes. */
  totalCost(): number {
    let s = 0;
    for (const c of this.cost.values()) s += c;
    return s;
  }

  /** A route's centre: mean job position with coordinates, else its medoid job. */
  centre(k: number): { x: number; y: number; job: number } {
    const jobs = this.routes.get(k)!;
    if (this.hasCoordinates) {
      let sx = 0, sy = 0;
      for (const j of jobs) {
        sx += this.x[j];
        sy += this.y[j];
      }
      return { x: sx / jobs.length, y: sy / jobs.length, job: jobs[0] };
    }
    let best = jobs[0], bestSum = Infinity;
    for (const a of jobs) {
      let s = 0;
      for (const b of jobs) s += this.jobGap(a, b);
      if (s < bestSum) {
        bestSum = s;
        best = a;
      }
    }
    return { x: 0, y: 0, job: best };
  }

  /** How far apart two jobs are: plane distance, or symmetrised travel distance. */
  jobGap(a: number, b: number): number {
    if (this.hasCoordinates) return Math.hypot(this.x[a] - this.x[b], this.y[a] - this.y[b]);
    const la = this.travel.jobLocation[a], lb = this.travel.jobLocation[b];
    const d = this.travel.distance(la, lb) + this.travel.distance(lb, la);
    return Number.isFinite(d) ? d : 1e15;
  }

  /** How far a job is from a centre. */
  gapToCentre(j: number, c: { x: number; y: number; job: number }): number {
    return this.hasCoordinates ? Math.hypot(this.x[j] - c.x, this.y[j] - c.y) : this.jobGap(c.job, j);
  }

  /** How far apart two centres are. */
  centreGap(a: { x: number; y: number; job: number }, b: { x: number; y: number; job: number }): number {
    return this.hasCoordinates ? Math.hypot(a.x - b.x, a.y - b.y) : this.jobGap(a.job, b.job);
  }

  /**
   * A necessary condition for inserting job `j` into vehicle `k`'s route: the
   * deliveries (loaded at the start) and the pickups (on board at the end)
   * still fit the capacity. Saves simulating every position of a full route.
   */
  private hasRoom(k: number, route: number[], j: number): boolean {
    const cap = this.problem.vehicles[k].capacity;
    if (!cap) return true;
    const jobs = this.problem.jobs;
    for (let q = 0; q < cap.length; q++) {
      let del = jobs[j].delivery?.[q] ?? 0;
      let pick = jobs[j].pickup?.[q] ?? 0;
      for (const i of route) {
        del += jobs[i].delivery?.[q] ?? 0;
        pick += jobs[i].pickup?.[q] ?? 0;
      }
      const limit = cap[q] + 1e-9 + 1e-9 * Math.abs(cap[q]);
      if (del > limit || pick > limit) return false;
    }
    return true;
  }

  /**
   * Network travel on demand: fetches the arcs between job `j` and the
   * locations of the candidate routes in two blocks, so the insertions tried
   * next read cached arcs instead of fetching them one by one.
   */
  private prefetch(j: number, ids: number[], nearest: Int32Array, count: number): void {
    const t = this.travel;
    const locs = new Set<number>();
    for (let c = 0; c < count; c++) {
      const k = ids[nearest[c]];
      if (t.vehicleStart[k] >= 0) locs.add(t.vehicleStart[k]);
      if (t.vehicleEnd[k] >= 0) locs.add(t.vehicleEnd[k]);
      for (const i of this.routes.get(k)!) locs.add(t.jobLocation[i]);
    }
    const list = [...locs];
    const at = [t.jobLocation[j]];
    t.block!(at, list);
    t.block!(list, at);
  }

  /**
   * Re-homes jobs one by one (in the given order): each goes to its cheapest
   * feasible insertion into one of the `near` routes whose centres are nearest
   * to it, or else onto the first spare vehicle that can serve it alone (a new
   * route). Route centres are computed once and updated as routes grow, so a
   * batch costs O(jobs × routes) distance tests plus the insertions tried.
   * Returns the jobs left unrouted.
   */
  rehomeAll(jobs: number[], spare: number[], near = 12): number[] {
    const ids: number[] = [...this.routes.keys()].sort((a, b) => a - b);
    const centres = ids.map((k) => this.centre(k));
    const left: number[] = [];
    const nearest = new Int32Array(near);
    const gaps = new Float64Array(near);
    for (const j of jobs) {
      // the `near` closest centres, by bounded insertion
      let count = 0;
      for (let r = 0; r < ids.length; r++) {
        count = offerTopK(gaps, nearest, count, near, this.gapToCentre(j, centres[r]), r);
      }
      if (this.travel.block && count > 0) this.prefetch(j, ids, nearest, count);
      let best = Infinity, bestR = -1, bestJobs: number[] | null = null, bestCost = 0;
      for (let c = 0; c < count; c++) {
        const k = ids[nearest[c]];
        const route = this.routes.get(k)!;
        if (!this.hasRoom(k, route, j)) continue;
        const base = this.cost.get(k)!;
        for (let p = 0; p <= route.length; p++) {
          const trial = route.slice(0, p).concat([j], route.slice(p));
          const sim = this.simulate(k, trial);
          if (sim.violations === 0 && sim.cost - base < best) {
            best = sim.cost - base;
            bestR = nearest[c];
            bestJobs = trial;
            bestCost = sim.cost;
          }
        }
      }
      if (bestR >= 0) {
        this.setRoute(ids[bestR], bestJobs!, bestCost);
        centres[bestR] = this.centre(ids[bestR]);
        continue;
      }
      // a fresh route: the first spare vehicle that can serve the job alone
      let placed = false;
      for (let i = 0; i < spare.length && !placed; i++) {
        const sim = this.simulate(spare[i], [j]);
        if (sim.violations > 0) continue;
        const k = spare[i];
        spare.splice(i, 1);
        this.setRoute(k, [j], sim.cost);
        ids.push(k);
        centres.push(this.centre(k));
        placed = true;
      }
      if (!placed) left.push(j);
    }
    return left;
  }
}
