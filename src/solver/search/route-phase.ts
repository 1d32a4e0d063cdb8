/**
 * The route-minimisation phase of `fewest-vehicles` as a sequence of
 * attempts that can be paused and resumed (route-min.ts does one attempt).
 *
 * The phase first runs attempts back to back. Most instances remove their
 * last removable route within a few seconds and then only fail, each failed
 * attempt twice as long as the one before, while the distance search waits
 * (bench/results/tuning.md, "Distance after route minimisation"). So, with
 * `stall` set, the phase hands over after `stall` failed attempts in a row;
 * from then on the ILS runs a block of `shareRatio × budget` iterations (the
 * next attempt's steps times the ratio) before each further attempt, which
 * starts from the ILS's current plan. A success resets the streak, and the
 * attempts run back to back again until the next stall. The phase is over
 * after `maxFailures` failures in a row, at the route bound or when
 * `phaseOver()` says so. Counted in steps and iterations only, so seed and
 * iteration budget still give the same plan.
 */
import type { Rng } from '../../core/rng.js';
import type { Neighbourhood } from './neighbourhood.js';
import { fleetLowerBound, RouteMinimiser, type RouteMinOptions } from './route-min.js';
import type { SearchRoutes } from './routes.js';

/** How the phase runs (the `routeMin` settings of the ILS). */
export interface RoutePhaseSettings {
  /** Steps of a first attempt. */
  attemptIterations: number;
  /** Failed attempts in a row that end the phase. */
  maxFailures: number;
  /** Each failed attempt gets this many times the steps of the one before (default 1). */
  growth?: number;
  options?: Partial<RouteMinOptions>;
  /** Whether the phase has used its share of the time (checked between steps). */
  phaseOver: () => boolean;
  /** Failed attempts in a row after which the ILS gets turns between attempts (default: never). */
  stall?: number;
  /** ILS iterations before a resumed attempt, per step of that attempt (default 0.1). */
  shareRatio?: number;
}

export class RoutePhase {
  private readonly rm: RouteMinimiser;
  private readonly bound: number;
  private failures = 0;
  private budget: number;
  /** ILS iteration at which the next resumed attempt is due (-1: none). */
  private dueAt = -1;
  /** Whether a fresh start (`reach`) is under way. */
  private restarting = false;
  /** Attempts made and routes removed (statistics). */
  attempts = 0;
  removed = 0;

  constructor(private readonly rs: SearchRoutes, nb: Neighbourhood, rng: Rng, private readonly cfg: RoutePhaseSettings) {
    this.rm = new RouteMinimiser(rs, nb, rng, cfg.options);
    this.bound = fleetLowerBound(rs);
    this.budget = cfg.attemptIterations;
  }

  /** Whether further attempts may run: not at the route bound, not too many failures, time share left. */
  open(): boolean {
    return this.failures < this.cfg.maxFailures && this.rs.usedRoutes() > this.bound && !this.cfg.phaseOver();
  }

  /** Failed attempts since the last success. */
  get streak(): number {
    return this.failures;
  }

  /** The ILS iteration at which the next resumed attempt is due (-1: none). */
  get nextAt(): number {
    return this.dueAt;
  }

  /** Whether the phase's share of the time is used. */
  over(): boolean {
    return this.cfg.phaseOver();
  }

  /** Whether the back-to-back run should go on (no stall yet). */
  private running(): boolean {
    return this.open() && (this.cfg.stall === undefined || this.failures < this.cfg.stall);
  }

  /**
   * Attempts back to back from the plan in the routes (feasible) until a stall,
   * the end of the phase or `stop()`; `removed(…)` is called after each
   * success with the routes holding the plan of one route fewer. Afterwards,
   * when the phase is not over, a resumed attempt is due `shareRatio × budget`
   * iterations after `iteration`.
   */
  async run(iteration: number, pause: () => Promise<boolean>, stop: () => boolean, removed: () => void): Promise<void> {
    while (this.running() && !stop()) {
      if (await this.attempt(pause)) removed();
    }
    this.schedule(iteration);
  }

  /**
   * A resumed attempt from the ILS's current plan (in the routes, feasible):
   * on success `removed()` is called and the attempts go on back to back as in
   * `run`; on failure the plan is restored and the next attempt scheduled.
   */
  async resume(iteration: number, pause: () => Promise<boolean>, stop: () => boolean, removed: () => void): Promise<void> {
    if (this.open() && !stop() && (await this.attempt(pause))) {
      removed();
      await this.run(iteration, pause, stop, removed);
      return;
    }
    this.schedule(iteration);
  }

  /** Whether a resumed attempt is due at this ILS iteration. */
  due(iteration: number): boolean {
    return this.dueAt >= 0 && iteration >= this.dueAt;
  }

  /** Whether the phase will still resume (it handed over at a stall and is not over), or a fresh start is under way. */
  get sharing(): boolean {
    return this.restarting || (this.dueAt >= 0 && this.open());
  }

  /**
   * A fresh start (`routeMin.restartAfter`): attempts back to back, each of the
   * first attempt's steps, from the plan in the routes (feasible) until it has
   * at most `target` routes or `failures` attempts in a row failed. Ignores the
   * phase's share of the time and leaves its own state (streak, budget, next
   * resumed attempt) as it was. Returns whether the target was reached.
   */
  async reach(target: number, failures: number, pause: () => Promise<boolean>, stop: () => boolean): Promise<boolean> {
    this.restarting = true;
    let failed = 0;
    try {
      while (this.rs.usedRoutes() > target && failed < failures && !stop()) {
        this.attempts++;
        if (await this.rm.removeOne(this.cfg.attemptIterations, pause)) this.removed++;
        else failed++;
      }
    } finally {
      this.restarting = false;
    }
    return this.rs.usedRoutes() <= target;
  }

  private schedule(iteration: number): void {
    this.dueAt = this.cfg.stall !== undefined && this.open()
      ? iteration + Math.max(1, Math.round((this.cfg.shareRatio ?? 0.1) * this.budget))
      : -1;
  }

  private async attempt(pause: () => Promise<boolean>): Promise<boolean> {
    this.attempts++;
    if (await this.rm.removeOne(this.budget, pause)) {
      this.removed++;
      this.failures = 0;
      this.budget = this.cfg.attemptIterations;
      return true;
    }
    this.failures++;
    this.budget = Math.round(this.budget * (this.cfg.growth ?? 1));
    return false;
  }
}

/**
 * Moves the routes in `rs` onto the slots `routes` (a saved plan) uses, within
 * each vehicle type (slots of one type are alike, so nothing else changes):
 * after a fresh start the plan sits in other slots than the best, and the
 * fleet limit (objective-fleet.ts) closes slots by the best's routes.
 */
export function alignSlots(rs: SearchRoutes, routes: ArrayLike<ArrayLike<number>>): void {
  const type = rs.data.slotType;
  const free: number[] = [];
  for (let r = 0; r < rs.R; r++) if (routes[r].length > 0 && rs.len[r] === 0) free.push(r);
  for (let r = 0; r < rs.R && free.length > 0; r++) {
    if (rs.len[r] === 0 || routes[r].length > 0) continue;
    const k = free.findIndex((s) => type[s] === type[r]);
    if (k < 0) continue;
    const s = free[k];
    free.splice(k, 1);
    const list = rs.nodes[r].slice(1, rs.len[r] + 1);
    rs.clear(r);
    rs.update(r);
    rs.setRoute(s, list);
    rs.update(s);
  }
}
