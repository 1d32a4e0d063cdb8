/**
 * Adaptive penalty weights (HGS.md §5; PyVRP's PenaltyManager): every
 * `between` registered search outcomes, the share that was feasible for
 * each constraint family is compared with the target; the weight of a
 * family found too rarely feasible grows, of one found too often feasible
 * shrinks, so the search keeps crossing the border of the feasible region.
 */
import type { CompiledProblem } from '../compile.js';

export interface PenaltyParams {
  /** Registrations between two updates. */
  between: number;
  increase: number;
  decrease: number;
  /** Target share of feasible registrations. */
  target: number;
  tolerance: number;
  min: number;
  max: number;
}

export const DEFAULT_PENALTY_PARAMS: PenaltyParams = {
  between: 100,
  increase: 1.5,
  decrease: 0.9,
  target: 0.65,
  tolerance: 0.05,
  min: 0.1,
  max: 100_000,
};

export class PenaltyManager {
  private loadCount = 0;
  private timeCount = 0;
  private registered = 0;

  constructor(public wQ: number, public wTW: number, readonly params: PenaltyParams = DEFAULT_PENALTY_PARAMS) {
    this.wQ = this.clamp(wQ);
    this.wTW = this.clamp(wTW);
  }

  private clamp(w: number): number {
    return Math.max(this.params.min, Math.min(this.params.max, w));
  }

  private adapt(w: number, feasibleShare: number): number {
    const p = this.params;
    const diff = p.target - feasibleShare;
    if (Math.abs(diff) < p.tolerance) return w;
    return this.clamp(diff > 0 ? w * p.increase : w * p.decrease);
  }

  /** Registers one outcome; returns true when the weights changed. */
  register(loadFeasible: boolean, timeFeasible: boolean): boolean {
    if (loadFeasible) this.loadCount++;
    if (timeFeasible) this.timeCount++;
    if (++this.registered < this.params.between) return false;
    const q = this.adapt(this.wQ, this.loadCount / this.registered);
    const t = this.adapt(this.wTW, this.timeCount / this.registered);
    this.registered = this.loadCount = this.timeCount = 0;
    const changed = q !== this.wQ || t !== this.wTW;
    this.wQ = q;
    this.wTW = t;
    return changed;
  }
}

/** Starting penalty weights: load excess priced like the longest arc per unit of the largest demand; time warp a few distance units per time unit. */
export function initialPenalties(cp: CompiledProblem): [number, number] {
  let maxDist = 0;
  for (let i = 0; i < cp.dist.length; i++) if (cp.dist[i] < 1e8 && cp.dist[i] > maxDist) maxDist = cp.dist[i];
  let maxDemand = 0;
  for (let i = 0; i < cp.delivery.length; i++) maxDemand = Math.max(maxDemand, cp.delivery[i], cp.pickup[i]);
  let perDist = 0;
  for (let t = 0; t < cp.T; t++) perDist = Math.max(perDist, cp.typePerDist[t] + cp.typePerDur[t]);
  const wQ = Math.max(0.1, Math.min(1000, maxDemand > 0 ? maxDist / maxDemand : 1));
  const wTW = Math.max(0.1, 6 * (perDist || 1));
  return [wQ, wTW];
}
