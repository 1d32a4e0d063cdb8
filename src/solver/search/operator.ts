/**
 * The one contract of local-search moves (VROOM's gain/valid/apply, PyVRP's
 * operator-per-file): an operator prices a move against the current
 * `SearchRoutes` without changing anything, and applies the move it priced
 * last. Operators import the routes they work on, never the local search
 * that calls them.
 */
/** Improvement threshold: a move is applied when its delta is below -MOVE_EPS. */
export const MOVE_EPS = 1e-7;

/** A move between node `u` and node `v` (v usually one of u's granular neighbours). */
export interface BinaryOperator {
  readonly name: string;
  /**
   * Delta of the penalised cost if the move were applied (negative =
   * improving). May return any value ≥ 0 (often +Infinity) as soon as it
   * knows the move cannot improve or does not apply; an improving delta is exact.
   */
  evaluate(u: number, v: number): number;
  /** Applies the move last evaluated (with a negative delta) for (u, v) and updates the changed routes. */
  apply(u: number, v: number): void;
}

/** A move between two whole routes (e.g. SWAP*). */
export interface RouteOperator {
  readonly name: string;
  /** Delta of the best move found between routes rU and rV (negative = improving). */
  evaluate(rU: number, rV: number): number;
  /** Applies the move found by the last `evaluate`. */
  apply(rU: number, rV: number): void;
  /** Called whenever route r changed (operators may cache per-route data). */
  routeChanged(r: number): void;
}

