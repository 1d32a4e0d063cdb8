/**
 * Population management of HGS (HGS.md §6): feasible and infeasible
 * subpopulations, broken-pairs diversity, biased fitness, survivor selection
 * (clones first), binary tournament, and the best feasible solution found.
 */
import type { Rng } from '../core/rng.js';
import { Individual } from './individual.js';

export interface PopulationParams {
  /** Minimum subpopulation size (HGS mu). */
  mu: number;
  /** Generation size (HGS lambda): a subpopulation is trimmed back to mu when it exceeds mu + lambda. */
  lambda: number;
  /** Number of elite individuals protected by the biased fitness. */
  nbElite: number;
  /** Number of closest individuals used for the diversity contribution. */
  nbClose: number;
}

export class Population {
  feasible: Individual[] = [];
  infeasible: Individual[] = [];
  /** Best feasible individual ever seen (a private copy), or null. */
  best: Individual | null = null;
  /** Best infeasible (by penalised cost at insertion) when nothing feasible was found. */
  bestInfeasible: Individual | null = null;

  constructor(
    readonly params: PopulationParams,
    readonly rng: Rng,
    readonly n: number,
    readonly R: number,
  ) {}

  /** Adds a copy of `ind`; returns true when it improves the best feasible solution. */
  add(ind: Individual): boolean {
    const copy = new Individual(this.n, this.R);
    copy.copyFrom(ind);
    const sub = copy.feasible ? this.feasible : this.infeasible;
    for (const o of sub) {
      const d = copy.brokenPairs(o);
      insertSorted(o.proximity, d, copy);
      insertSorted(copy.proximity, d, o);
    }
    sub.push(copy);
    if (sub.length > this.params.mu + this.params.lambda) this.survivors(sub);
    if (copy.feasible) {
      if (!this.best || copy.penalisedCost < this.best.penalisedCost - 1e-9) {
        this.best = new Individual(this.n, this.R);
        this.best.copyFrom(copy);
        return true;
      }
    } else if (!this.best && (!this.bestInfeasible || copy.penalisedCost < this.bestInfeasible.penalisedCost)) {
      this.bestInfeasible = new Individual(this.n, this.R);
      this.bestInfeasible.copyFrom(copy);
    }
    return false;
  }

  private survivors(sub: Individual[]): void {
    while (sub.length > this.params.mu) {
      this.updateBiasedFitness(sub);
      let worst = -1;
      let worstIsClone = false;
      let worstFit = -Infinity;
      for (let i = 0; i < sub.length; i++) {
        const ind = sub[i];
        const clone = ind.proximity.length > 0 && ind.proximity[0].d < 1e-9;
        if ((clone && !worstIsClone) || (clone === worstIsClone && ind.biasedFitness > worstFit)) {
          worst = i;
          worstIsClone = clone;
          worstFit = ind.biasedFitness;
        }
      }
      const gone = sub[worst];
      sub.splice(worst, 1);
      for (const o of sub) {
        const k = o.proximity.findIndex((p) => p.ind === gone);
        if (k >= 0) o.proximity.splice(k, 1);
      }
    }
  }

  private diversity(ind: Individual): number {
    const k = Math.min(this.params.nbClose, ind.proximity.length);
    if (k === 0) return 0;
    let s = 0;
    for (let i = 0; i < k; i++) s += ind.proximity[i].d;
    return s / k;
  }

  /** Recomputes the biased fitness of every individual of `sub`. */
  updateBiasedFitness(sub: Individual[]): void {
    const m = sub.length;
    if (m === 1) {
      sub[0].biasedFitness = 0;
      return;
    }
    const byCost = sub.slice().sort((a, b) => a.penalisedCost - b.penalisedCost);
    const div = byCost.map((ind, i) => ({ i, d: this.diversity(ind) }));
    div.sort((a, b) => b.d - a.d || a.i - b.i);
    const eliteFactor = 1 - Math.min(this.params.nbElite, m) / m;
    for (let r = 0; r < m; r++) {
      const divRank = r / (m - 1);
      const costRank = div[r].i / (m - 1);
      byCost[div[r].i].biasedFitness = costRank + eliteFactor * divRank;
    }
  }

  /** Binary tournament on biased fitness over both subpopulations. */
  tournament(): Individual {
    const nf = this.feasible.length, ni = this.infeasible.length;
    this.updateBiasedFitness(this.feasible);
    this.updateBiasedFitness(this.infeasible);
    const pick = () => {
      const k = this.rng.int(nf + ni);
      return k < nf ? this.feasible[k] : this.infeasible[k - nf];
    };
    const a = pick(), b = pick();
    return a.biasedFitness < b.biasedFitness ? a : b;
  }

  /** Re-prices the infeasible individuals after a penalty change. */
  repriceInfeasible(wQ: number, wTW: number): void {
    for (const ind of this.infeasible) ind.penalisedCost = ind.costWith(wQ, wTW);
  }

  size(): number {
    return this.feasible.length + this.infeasible.length;
  }

  /** Empties both subpopulations (restart); the best solution is kept. */
  clear(): void {
    this.feasible = [];
    this.infeasible = [];
  }
}

function insertSorted(list: { d: number; ind: Individual }[], d: number, ind: Individual): void {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].d <= d) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, { d, ind });
}
