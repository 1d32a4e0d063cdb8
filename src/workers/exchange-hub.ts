/**
 * The meeting point of cooperating searches (one per thread): every
 * `exchange.every` iterations each search hands in its best plan and gets back
 * the elite — the best plan any search has handed in so far — when that is
 * better than its own (`SolveOptions.exchange`).
 *
 * Two modes:
 * - `barrier`: a round is the set of offers made at one iteration count. It is
 *   settled only when every search still running has made its offer for that
 *   count (or has finished), and the elite is updated from the whole round in
 *   search order. What a search receives then depends only on the searches'
 *   own deterministic histories, never on thread timing, so with
 *   `maxIterations` and fixed seeds the final answer is reproducible for a
 *   given number of threads.
 * - `async`: an offer is settled at once against the elite so far. No search
 *   ever waits for a slower one (all cores stay busy); the answer depends on
 *   timing, which is fine under a time limit, where it does anyway.
 *
 * Pure logic (no threads, no Node): the thread adapter calls it.
 */
import type { ExchangeOffer } from '../solver/index.js';
import type { RoutePlan } from '../model/types.js';

export type ExchangeMode = 'barrier' | 'async';

interface Round {
  offers: (ExchangeOffer | null | undefined)[];
  answer: ((plan: RoutePlan | undefined) => void)[];
}

/** True when offer `a` is strictly better than `b` (feasible first, then lower cost). */
export function betterOffer(a: ExchangeOffer | null | undefined, b: ExchangeOffer | null | undefined): boolean {
  if (!a) return false;
  if (!b) return true;
  if (a.feasible !== b.feasible) return a.feasible;
  return a.cost < b.cost - 1e-9 * Math.max(1, Math.abs(b.cost));
}

/** Collects the searches' offers and hands back the elite (see the module comment). */
export class ExchangeHub {
  private elite: ExchangeOffer | null = null;
  private readonly finished: boolean[];
  private readonly rounds = new Map<number, Round>();
  /** Offers settled so far and plans handed back (statistics). */
  offers = 0;
  adoptions = 0;

  /**
   * @param searches number of cooperating searches (numbered 0..searches-1)
   * @param mode `barrier` (reproducible) or `async` (no waiting)
   */
  constructor(
    readonly searches: number,
    readonly mode: ExchangeMode,
  ) {
    this.finished = new Array<boolean>(searches).fill(false);
  }

  /** The best plan handed in so far (null before the first offer). */
  get best(): ExchangeOffer | null {
    return this.elite;
  }

  /** Search `search` offers its best at `iteration`; resolves to the elite when it is better, else undefined. */
  offer(search: number, best: ExchangeOffer | null, iteration: number): Promise<RoutePlan | undefined> {
    if (this.mode === 'async') {
      this.offers++;
      if (betterOffer(best, this.elite)) this.elite = best;
      return Promise.resolve(this.answerFor(best));
    }
    let round = this.rounds.get(iteration);
    if (!round) {
      round = { offers: new Array(this.searches).fill(undefined), answer: new Array(this.searches) };
      this.rounds.set(iteration, round);
    }
    round.offers[search] = best;
    const settled = new Promise<RoutePlan | undefined>((resolve) => (round!.answer[search] = resolve));
    this.settleReady();
    return settled;
  }

  /** Search `search` has stopped: rounds no longer wait for it. */
  finish(search: number): void {
    this.finished[search] = true;
    this.settleReady();
  }

  private answerFor(own: ExchangeOffer | null | undefined): RoutePlan | undefined {
    if (this.elite && betterOffer(this.elite, own)) {
      this.adoptions++;
      return this.elite.plan;
    }
    return undefined;
  }

  /** Settles, in iteration order, every round that every running search has reached. */
  private settleReady(): void {
    const pending = [...this.rounds.keys()].sort((a, b) => a - b);
    for (const iteration of pending) {
      const round = this.rounds.get(iteration)!;
      for (let s = 0; s < this.searches; s++) if (round.offers[s] === undefined && !this.finished[s]) return;
      this.rounds.delete(iteration);
      for (let s = 0; s < this.searches; s++) {
        const o = round.offers[s];
        if (o === undefined) continue;
        this.offers++;
        if (betterOffer(o, this.elite)) this.elite = o;
      }
      for (let s = 0; s < this.searches; s++) if (round.offers[s] !== undefined) round.answer[s](this.answerFor(round.offers[s]));
    }
  }
}
