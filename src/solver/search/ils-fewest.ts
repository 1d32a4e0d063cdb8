/**
 * The `fewest-vehicles` parts of the iterated local search (ils.ts): the
 * route-minimisation phase before the search, its resumed attempts between
 * iterations (route-phase.ts), fresh starts of the distance search on long
 * routes, and the return to the best after a given-up fleet-limit attempt
 * (objective-fleet.ts `lapses`). The ILS calls `beforeRestart` and `resume`
 * between its iterations and acts on what they report (its late-acceptance
 * history restarts from the current plan).
 */
import type { Rng } from '../../core/rng.js';
import type { Neighbourhood } from './neighbourhood.js';
import { RouteMinimiser } from './route-min.js';
import { alignSlots, RoutePhase, type RoutePhaseSettings } from './route-phase.js';
import type { SearchRoutes } from './routes.js';
import { Snapshot } from './snapshot.js';

/** The `routeMin` settings of the ILS: the phase, and what it does afterwards. */
export type FewestSettings = RoutePhaseSettings & {
  /** After the phase, told of every candidate: its routes minus the current plan's (route-price.ts). */
  candidate?: (rs: SearchRoutes, more: number) => void;
  /**
   * The penalty weights' target share of feasible candidates when the phase
   * applies (default: the penalty manager's). With the fewest routes most
   * candidates cannot be feasible, and the default target drives the
   * time-warp weight up without bound.
   */
  penaltyTarget?: number;
  /**
   * Fresh starts (long routes): after this many iterations without a new
   * best, the search goes on from a new plan — the phase's attempts from the
   * first plan down to the best's route count (`RoutePhase.reach`, at most
   * `restartFailures` failures in a row, default 2), polished — instead of
   * from where it stalls; when the count is not reached, from the best. Off
   * when absent.
   */
  restartAfter?: number;
  restartFailures?: number;
  /** Whether a fresh start may begin now (e.g. not while the fleet limit has closed slots). */
  restartOk?: () => boolean;
  /**
   * Asked before every iteration after the phase: whether a fleet-limit
   * attempt was given up since (objective-fleet.ts `lapses`). The current
   * plan may then hold fewer routes than the best, with time warp (the
   * totals price a route above the warp at moderate weights): where the
   * next plan with fewer routes comes from (R211's 2 routes), or a dead end
   * (R210: one route of 100 clients, every candidate repaired, 40 iterations
   * per second instead of 600). So it may stay `lapseIterations` iterations;
   * if it still has fewer routes than the best then, the search goes back
   * to the best. Fresh starts wait for the first lapse (until then the
   * search follows the trajectory of the plain one) and the
   * `lapseIterations` after each.
   */
  lapsed?: () => boolean;
  lapseIterations?: number;
};

/** What the ILS lends these hooks. */
export interface FewestHost {
  readonly rs: SearchRoutes;
  readonly nb: Neighbourhood;
  readonly rng: Rng;
  readonly settings: FewestSettings;
  /** Hands the event loop a turn (the ILS's `tick`). */
  tick: (it: number, best: Snapshot, cur: Snapshot) => Promise<void>;
  shouldStop: () => boolean;
  /** Exhaustive local search with violations priced dearly; the result is the current plan (and the best when better). */
  polish: (it: number, best: Snapshot, cur: Snapshot) => Promise<void>;
}

/**
 * What `beforeRestart` did to the current plan: nothing; `Back`: the current
 * plan is the best again (the history restarts); `Fresh`: a fresh start, the
 * current plan is new (the history and its first entry restart, a restart is
 * counted).
 */
export const FewestStep = { None: 0, Back: 1, Fresh: 2 } as const;
export type FewestStep = (typeof FewestStep)[keyof typeof FewestStep];

export class FewestVehicles {
  /** The first plan fresh starts begin from (null: none, or no longer). */
  private first: Snapshot | null;
  /** Iteration of the last given-up fleet-limit attempt (Infinity: none yet; -Infinity: not watched). */
  private lapseAt: number;

  private constructor(private readonly host: FewestHost, readonly phase: RoutePhase, first: Snapshot | null) {
    this.first = first;
    this.lapseAt = host.settings.lapsed ? Infinity : -Infinity;
  }

  /**
   * The route-minimisation phase from the feasible best (in the routes):
   * returns the hooks, or null where the phase does not apply (shipments,
   * optional clients); afterwards the best and `cur` hold the phase's plan.
   */
  static async start(host: FewestHost, best: Snapshot, cur: Snapshot): Promise<FewestVehicles | null> {
    const rs = host.rs, cfg = host.settings;
    if (!RouteMinimiser.applies(rs)) return null;
    const first = cfg.restartAfter ? new Snapshot(rs.R).copyFrom(best) : null;
    const phase = new RoutePhase(rs, host.nb, host.rng.fork(), cfg);
    const fv = new FewestVehicles(host, phase, first);
    const pause = async (): Promise<boolean> => {
      await host.tick(0, best, cur);
      return host.shouldStop() || phase.over();
    };
    await phase.run(0, pause, host.shouldStop, () => {
      cur.save(rs);
      if (cur.feasible && cur.base < best.base - 1e-9) best.copyFrom(cur);
    });
    // polish the plan with one route fewer (violations priced dearly, as for the first plan)
    await host.polish(0, best, cur);
    return fv;
  }

  /** Told of every candidate after the phase: its routes minus the current plan's. */
  candidate(more: number): void {
    this.host.settings.candidate?.(this.host.rs, more);
  }

  /**
   * Before the ILS's own restart check: back to the best once a current plan
   * with fewer routes has had its `lapseIterations` after a given-up fleet
   * attempt, and a fresh start when the search has stalled `restartAfter`
   * iterations.
   */
  async beforeRestart(it: number, noImprove: number, best: Snapshot, cur: Snapshot): Promise<FewestStep> {
    const cfg = this.host.settings, rs = this.host.rs;
    let step: FewestStep = FewestStep.None;
    if (cfg.lapsed?.()) this.lapseAt = it;
    const settle = cfg.lapseIterations ?? 0;
    if (it - this.lapseAt === settle && cur.routeCount < best.routeCount) {
      best.restore(rs);
      cur.copyFrom(best);
      step = FewestStep.Back;
    }
    if (this.first && noImprove >= cfg.restartAfter! && it - this.lapseAt >= settle && (cfg.restartOk?.() ?? true)) {
      // long routes: the search stalls where it started, so it goes on from a new plan;
      // a start that cannot reach the best's count is not tried again
      if (!(await this.freshStart(this.first, it, best, cur))) this.first = null;
      step = FewestStep.Fresh;
    }
    return step;
  }

  /**
   * After a stall of the route phase, when due: one more attempt from the best
   * plan. True when it removed a route (then polished, in `cur` and `best`);
   * else the current plan is back.
   */
  async resume(it: number, best: Snapshot, cur: Snapshot): Promise<boolean> {
    const host = this.host, rs = host.rs, phase = this.phase;
    if (!phase.due(it)) return false;
    const pause = async (): Promise<boolean> => {
      await host.tick(it, best, cur);
      return host.shouldStop() || phase.over();
    };
    let removed = false;
    // from the best plan (the current one may be infeasible); a failure comes back to the current plan
    best.restore(rs);
    await phase.resume(it, pause, host.shouldStop, () => {
      removed = true;
      cur.save(rs);
      if (cur.feasible && cur.base < best.base - 1e-9) best.copyFrom(cur);
    });
    if (removed) await host.polish(it, best, cur);
    else cur.restore(rs);
    return removed;
  }

  /**
   * A fresh start of the distance search: from the first plan, the phase's
   * attempts down to the best's route count, then the polish; the result is
   * the current plan (and the best when cheaper). When the count is not
   * reached (false), the current plan is the best.
   */
  private async freshStart(first: Snapshot, it: number, best: Snapshot, cur: Snapshot): Promise<boolean> {
    const host = this.host, rs = host.rs;
    const pause = async (): Promise<boolean> => {
      await host.tick(it, best, cur);
      return host.shouldStop();
    };
    first.restore(rs);
    if (await this.phase.reach(best.routeCount, host.settings.restartFailures ?? 2, pause, host.shouldStop)) {
      alignSlots(rs, best.routes);
      await host.polish(it, best, cur);
      return true;
    }
    best.restore(rs);
    cur.copyFrom(best);
    return false;
  }
}
