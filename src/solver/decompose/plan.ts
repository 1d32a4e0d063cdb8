/**
 * The whole problem's current plan during zone-by-zone solving: job lists per
 * vehicle, each route's cost and centre, the jobs not yet routed, and the
 * vehicles not used. Route costs are re-derived on the whole problem with the
 * solver's own route simulation, so accepting a sub-solution can be checked
 * against the whole problem's semantics.
 */
import type { ResolvedTravel } from '../../model/travel.js';
import type { Problem } from '../../model/types.js';
import { simulateRoute } from '../decode.js';

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

  constructor(
    readonly problem: Problem,
    readonly travel: ResolvedTravel,
    readonly dims: number,
  ) {
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
    const s = simulateRoute(this.problem, this.travel, k, jobs, this.dims);
    return { cost: s.route.cost, violations: s.violations };
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
   * Cheapest feasible insertion of job `j` into one of the `near` routes nearest
   * to it (or into a fresh route on a spare vehicle); true when placed.
   */
  rehome(j: number, spare: number[], near = 12): boolean {
    const candidates: { k: number; gap: number }[] = [];
    for (const k of this.routes.keys()) {
      const jobs = this.routes.get(k)!;
      let gap = Infinity;
      for (const i of jobs) gap = Math.min(gap, this.jobGap(i, j));
      candidates.push({ k, gap });
    }
    candidates.sort((a, b) => a.gap - b.gap || a.k - b.k);
    let best = Infinity, bestK = -1, bestJobs: number[] | null = null, bestCost = 0;
    for (const { k } of candidates.slice(0, near)) {
      const jobs = this.routes.get(k)!;
      const base = this.cost.get(k)!;
      for (let p = 0; p <= jobs.length; p++) {
        const trial = jobs.slice(0, p).concat([j], jobs.slice(p));
        const s = this.simulate(k, trial);
        if (s.violations === 0 && s.cost - base < best) {
          best = s.cost - base;
          bestK = k;
          bestJobs = trial;
          bestCost = s.cost;
        }
      }
    }
    for (let i = 0; i < spare.length; i++) {
      const s = this.simulate(spare[i], [j]);
      if (s.violations === 0 && s.cost < best) {
        best = s.cost;
        bestK = spare[i];
        bestJobs = [j];
        bestCost = s.cost;
      }
      if (s.violations === 0) break; // spare vehicles are tried in order; the first that fits is enough
    }
    if (bestK < 0) return false;
    const idx = spare.indexOf(bestK);
    if (idx >= 0) spare.splice(idx, 1);
    this.setRoute(bestK, bestJobs!, bestCost);
    return true;
  }
}
