/**
 * A route-elimination kick for the distance search when it stagnates: after
 * `after` iterations without a new best, the best plan loses one route to the
 * ejection pool of route-min.ts (at most `steps` steps), and the search goes
 * on from the plan with one route fewer, whether or not it is cheaper.
 *
 * The late-acceptance search rarely sheds a route on its own once the plan
 * has settled: a route of 30 clients cannot empty itself through moves that
 * each must pay, so plans with one or two routes more than the best known
 * stay put (Homberger C2 at 1,000 clients: 32 routes where 30 are best).
 * The kick moves the search to the other side of that wall; the local search
 * and acceptance then decide what to keep. A plan whose route count equals
 * the fleet's load bound is never kicked; a failed attempt costs its steps,
 * leaves the best as it was and doubles the wait before the next one.
 *
 * A kick that removes a route but brings no new best before the next one is
 * due counts as failed too: the search then goes back to the best plan (not
 * the kicked plan's descendants) and the wait doubles. Where routes are short
 * and windows tight (Homberger R1/RC1 at 1,000 clients) a plan with one route
 * fewer is often much dearer, and kicking it again and again kept the search
 * away from the best for good (RC1_10_1: no new best after 15 CPU-s).
 *
 * With a `RouteSplit` (route-split.ts), every other kick opens a route
 * instead (and every kick does when the best is at the load bound); it is
 * judged, sent back and counted as failed in the same way.
 *
 * Counted in iterations and steps, never in time, so seed + iteration budget
 * stays reproducible.
 */
import { Rng } from '../../core/rng.js';
import type { Neighbourhood } from './neighbourhood.js';
import { fleetLowerBound, RouteMinimiser } from './route-min.js';
import type { SearchRoutes } from './routes.js';
import type { RouteSplit } from './route-split.js';

/** What `due` asks of the search: go on; kick the best (`kick`); or, the last kick having borne nothing, go back to the best. */
export const KickCall = { None: 0, Kick: 1, Back: 2 } as const;
export type KickCall = (typeof KickCall)[keyof typeof KickCall];

export class RouteKick {
  private minimiser: RouteMinimiser | null = null;
  private bound = -1;
  /** Failed kicks since the last one that removed a route: each doubles the wait before the next. */
  private failures = 0;
  /** A kick removed a route and no new best has come since. */
  private pending = false;
  /** Kicks tried / those that removed a route (statistics). */
  tried = 0;
  removed = 0;
  /** Kicks that opened a route (statistics). */
  opened = 0;
  /** Kicks so far that could open a route (every other one tries). */
  private turn = 0;

  constructor(
    private readonly rs: SearchRoutes,
    private readonly nb: Neighbourhood,
    /** Seed of the kicks' own random stream (the search's stream is untouched until a kick). */
    private readonly seed: number,
    /** Iterations without a new best before a kick. */
    readonly after: number,
    /** Ejection-pool steps one kick may take. */
    readonly steps: number,
    /** Opens a route on every other kick (null: kicks only remove routes). */
    private readonly opener: RouteSplit | null = null,
  ) {}

  /** Whether the kick applies to this problem at all (the ejection pool's conditions). */
  static applies(rs: SearchRoutes): boolean {
    return RouteMinimiser.applies(rs);
  }

  /**
   * What is due after `noImprove` iterations without a new best: nothing; a
   * kick (the best has routes to spare); or, when the last kick bore no new
   * best, a return to the best (and the wait doubles).
   */
  due(noImprove: number, bestRoutes: number): KickCall {
    if (this.after <= 0 || noImprove < this.after * 2 ** Math.min(this.failures, 20)) return KickCall.None;
    if (this.pending) {
      this.pending = false;
      this.failures++;
      return KickCall.Back;
    }
    if (this.bound < 0) this.bound = fleetLowerBound(this.rs);
    return bestRoutes > this.bound || this.opener ? KickCall.Kick : KickCall.None;
  }

  /** The search found a new best: the kick before it (if any) bore fruit. */
  improved(): void {
    if (!this.pending) return;
    this.pending = false;
    this.failures = 0;
  }

  /**
   * Removes one route from the plan in the working routes (which must be the
   * feasible best) — or, with an opener, every other time opens one. True:
   * the routes hold a feasible plan with one route fewer (or a plan with one
   * route more, for the local search to settle); false: the plan is unchanged.
   */
  async kick(pause: () => Promise<boolean>): Promise<boolean> {
    this.minimiser ??= new RouteMinimiser(this.rs, this.nb, new Rng(this.seed));
    this.tried++;
    if (this.opener && (this.turn++ % 2 === 1 || this.rs.used <= this.bound)) {
      const ok = this.opener.split();
      if (ok) {
        this.opened++;
        this.pending = true;
      } else this.failures++;
      return ok;
    }
    const ok = await this.minimiser.removeOne(this.steps, pause);
    if (ok) {
      this.removed++;
      this.pending = true;
    } else this.failures++;
    return ok;
  }
}
