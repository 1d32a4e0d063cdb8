/**
 * The hybrid genetic search main loop (HGS.md §0): binary tournament, OX,
 * Split, local search, feasible/infeasible subpopulations, repair with
 * ×10 penalties, adaptive penalties and restarts. Decisions depend only on the
 * seeded `Rng`, never on the clock; the clock only decides when to stop and
 * when to yield to the event loop.
 */
import { Rng } from '../core/rng.js';
import type { CompiledProblem } from './compile.js';
import { orderCrossover } from './crossover.js';
import { Individual } from './individual.js';
import { LocalSearch } from './localSearch.js';
import { Population, type PopulationParams } from './population.js';
import { Seg } from './segments.js';
import { Splitter } from './split.js';

export interface HgsParams extends PopulationParams {
  seed: number;
  /** Iterations without improvement before a restart (or a stop, see `stopOnNoImprovement`). */
  nbIterNoImprovement: number;
  stopOnNoImprovement: boolean;
  maxIterations: number;
  targetFeasible: number;
  repairProbability: number;
  useSwapStar: boolean;
  /** Share of initial individuals built from a jittered sweep instead of a random tour. */
  sweepShare: number;
  /** Number of individuals of the initial population (HGS: 4 mu). */
  initialSize: number;
  /** Returns true when the search must stop (time / abort); called between iterations. */
  shouldStop: () => boolean;
  /** Called between iterations; may yield to the event loop. */
  tick: (iteration: number, best: Individual | null, bestInfeasible: Individual | null) => Promise<void>;
  /** Optional cooperation with other searches (see `SolveOptions.exchange`). */
  exchange?: {
    every: number;
    call: (best: Individual | null, iteration: number) => Promise<number[][] | undefined>;
  };
}

export interface HgsResult {
  best: Individual | null;
  bestInfeasible: Individual | null;
  iterations: number;
  restarts: number;
  slotType: Int32Array;
  slotVehicle: Int32Array;
}

/** Fleet slots: per vehicle type, as many routes as it may usefully need (never more than it has vehicles). */
export function fleetSlots(cp: CompiledProblem): { slotType: Int32Array; slotVehicle: Int32Array } {
  const types: number[] = [];
  const vehicles: number[] = [];
  const n = cp.n;
  for (let t = 0; t < cp.T; t++) {
    const count = cp.typeVehicles[t].length;
    let lb = 0;
    let finiteCap = false;
    for (let d = 0; d < cp.dims; d++) {
      const cap = cp.typeCap[t * cp.dims + d];
      if (!Number.isFinite(cap)) continue;
      finiteCap = true;
      let del = 0, pick = 0;
      for (let c = 0; c < n; c++) {
        del += cp.delivery[c * cp.dims + d];
        pick += cp.pickup[c * cp.dims + d];
      }
      lb = Math.max(lb, Math.ceil(Math.max(del, pick) / Math.max(cap, 1e-9)));
    }
    const want = finiteCap && !cp.hasTime ? Math.ceil(1.3 * lb) + 3 : n;
    const m = Math.max(1, Math.min(count, want, Math.max(n, 1)));
    for (let i = 0; i < m; i++) {
      types.push(t);
      vehicles.push(cp.typeVehicles[t][i]);
    }
  }
  return { slotType: Int32Array.from(types), slotVehicle: Int32Array.from(vehicles) };
}

export class Hgs {
  readonly rng: Rng;
  readonly slotType: Int32Array;
  readonly slotVehicle: Int32Array;
  readonly ls: LocalSearch;
  readonly split: Splitter;
  readonly pop: Population;
  readonly seg: Seg;
  wQ: number;
  wTW: number;
  private feasLoad: number[] = [];
  private feasTime: number[] = [];

  constructor(readonly cp: CompiledProblem, readonly params: HgsParams) {
    this.rng = new Rng(params.seed);
    const slots = fleetSlots(cp);
    this.slotType = slots.slotType;
    this.slotVehicle = slots.slotVehicle;
    this.ls = new LocalSearch(cp, this.slotType, this.rng.fork(), params.useSwapStar);
    this.split = new Splitter(this.ls.st, this.slotType);
    this.pop = new Population(params, this.rng.fork(), cp.n, this.slotType.length);
    this.seg = new Seg(this.ls.st);
    // initial penalties (HGS-CVRP): load penalty ~ max distance / max demand
    let maxDist = 0;
    for (let i = 0; i < cp.dist.length; i++) if (cp.dist[i] < 1e8 && cp.dist[i] > maxDist) maxDist = cp.dist[i];
    let maxDemand = 0;
    for (let i = 0; i < cp.delivery.length; i++) maxDemand = Math.max(maxDemand, cp.delivery[i], cp.pickup[i]);
    this.wQ = Math.max(0.1, Math.min(1000, maxDemand > 0 ? maxDist / maxDemand : 1));
    // time warp: a few distance units per time unit (PyVRP's default order of magnitude)
    let perDist = 0;
    for (let t = 0; t < cp.T; t++) perDist = Math.max(perDist, cp.typePerDist[t] + cp.typePerDur[t]);
    this.wTW = Math.max(0.1, 6 * (perDist || 1));
  }

  /** Educates (LS + optional repair) an individual whose routes or tour are set, and adds it. */
  private educateAndAdd(ind: Individual): boolean {
    this.ls.run(ind, this.wQ, this.wTW);
    let improved = this.pop.add(ind);
    this.feasLoad.push(ind.loadExcess <= 1e-7 ? 1 : 0);
    this.feasTime.push(ind.timeWarp <= 1e-7 ? 1 : 0);
    if (!ind.feasible && this.rng.next() < this.params.repairProbability) {
      this.ls.run(ind, this.wQ * 10, this.wTW * 10);
      ind.penalisedCost = ind.costWith(this.wQ, this.wTW);
      if (ind.feasible) improved = this.pop.add(ind) || improved;
    }
    return improved;
  }

  /**
   * A new individual: a random giant tour, or (with probability
   * `params.sweepShare`) a jittered sweep around the depot, which local search
   * turns into a good solution much faster on large instances.
   */
  private randomIndividual(ind: Individual): void {
    const cp = this.cp;
    const n = cp.n;
    for (let i = 0; i < n; i++) ind.tour[i] = i;
    if (cp.px && cp.py && this.rng.next() < this.params.sweepShare) {
      const d = cp.typeStart[this.slotType[0]] === cp.virtualPoint ? cp.typeEnd[this.slotType[0]] : cp.typeStart[this.slotType[0]];
      const ox = cp.px[d], oy = cp.py[d];
      const rot = this.rng.next() * 2 * Math.PI;
      const jitter = 0.3 * this.rng.next();
      const key = new Float64Array(n);
      for (let c = 0; c < n; c++) {
        let a = Math.atan2(cp.py[c] - oy, cp.px[c] - ox) + rot;
        a = ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
        key[c] = a + jitter * (this.rng.next() - 0.5);
      }
      ind.tour.sort((a, b) => key[a] - key[b] || a - b);
    } else {
      this.rng.shuffle(ind.tour);
    }
    this.split.split(ind, this.wQ, this.wTW);
  }

  /** Sets `ind` from per-slot client lists (warm start); missing clients go to an empty slot or the last route. */
  fromRoutes(ind: Individual, routes: number[][]): void {
    const n = this.cp.n;
    const seen = new Uint8Array(n);
    const R = this.slotType.length;
    for (let r = 0; r < R; r++) {
      const list = (routes[r] ?? []).filter((c) => c >= 0 && c < n && !seen[c] && (seen[c] = 1));
      ind.routes[r] = Int32Array.from(list);
    }
    const missing: number[] = [];
    for (let c = 0; c < n; c++) if (!seen[c]) missing.push(c);
    if (missing.length > 0) {
      let r = ind.routes.findIndex((a) => a.length === 0);
      if (r < 0) r = R - 1;
      ind.routes[r] = Int32Array.from([...ind.routes[r], ...missing]);
    }
    ind.evaluate(this.seg, n, this.slotType, true);
  }

  private managePenalties(): void {
    const frac = (a: number[]) => a.reduce((s, x) => s + x, 0) / Math.max(1, a.length);
    const target = this.params.targetFeasible;
    const adapt = (w: number, f: number) => {
      if (f < target - 0.05) w *= 1.3;
      else if (f > target + 0.05) w *= 0.85;
      return Math.max(0.1, Math.min(100000, w));
    };
    this.wQ = adapt(this.wQ, frac(this.feasLoad));
    this.wTW = adapt(this.wTW, frac(this.feasTime));
    this.feasLoad = [];
    this.feasTime = [];
    this.pop.repriceInfeasible(this.wQ, this.wTW);
  }

  /** Runs the search. `warm` optionally seeds the population. */
  async run(warm?: number[][]): Promise<HgsResult> {
    const cp = this.cp;
    const n = cp.n;
    const R = this.slotType.length;
    const p = this.params;
    const ind = new Individual(n, R);
    const mark = new Uint8Array(n);
    let it = 0;
    let restarts = 0;
    let noImprove = 0;
    const seg = this.seg;
    seg.wQ = this.wQ;
    seg.wTW = this.wTW;
    if (n === 0 || R === 0) return { best: null, bestInfeasible: null, iterations: 0, restarts: 0, slotType: this.slotType, slotVehicle: this.slotVehicle };

    const initial = async (): Promise<void> => {
      if (warm && restarts === 0) {
        this.fromRoutes(ind, warm);
        this.educateAndAdd(ind);
      }
      const target = p.initialSize;
      for (let k = 0; k < target; k++) {
        if (this.pop.size() > 0 && (p.shouldStop() || it >= p.maxIterations)) return;
        this.randomIndividual(ind);
        this.educateAndAdd(ind);
        await p.tick(it, this.pop.best, this.pop.bestInfeasible);
      }
    };
    await initial();

    while (!p.shouldStop() && it < p.maxIterations) {
      if (this.pop.size() < 2) {
        this.randomIndividual(ind);
      } else {
        const p1 = this.pop.tournament();
        const p2 = this.pop.tournament();
        orderCrossover(p1.tour, p2.tour, ind.tour, mark, this.rng);
        this.split.split(ind, this.wQ, this.wTW);
      }
      const improved = this.educateAndAdd(ind);
      it++;
      noImprove = improved ? 0 : noImprove + 1;
      if (it % 50 === 0) this.managePenalties();
      await p.tick(it, this.pop.best, this.pop.bestInfeasible);
      if (p.exchange && it % p.exchange.every === 0) {
        const got = await p.exchange.call(this.pop.best ?? this.pop.bestInfeasible, it);
        if (got) {
          this.fromRoutes(ind, got);
          if (this.educateAndAdd(ind)) noImprove = 0;
        }
      }
      if (noImprove >= p.nbIterNoImprovement) {
        if (p.stopOnNoImprovement) break;
        this.pop.clear();
        restarts++;
        noImprove = 0;
        await initial();
      }
    }
    let bestInf = this.pop.bestInfeasible;
    if (!this.pop.best) {
      for (const x of this.pop.infeasible) if (!bestInf || x.penalisedCost < bestInf.penalisedCost) bestInf = x;
    }
    return { best: this.pop.best, bestInfeasible: bestInf, iterations: it, restarts, slotType: this.slotType, slotVehicle: this.slotVehicle };
  }
}
