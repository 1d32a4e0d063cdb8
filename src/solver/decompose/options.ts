/**
 * Options and the size threshold of zone-by-zone solving.
 */
import type { Problem, Solution } from '../../model/types.js';
import type { SolveOptions } from '../index.js';
import type { ZoningMethod } from './zones.js';

/** Above this many jobs `decompose: 'auto'` plans zone by zone. */
export const DECOMPOSE_THRESHOLD = 1500;

/** The zone-by-zone options (`solve` accepts them too once it hands large problems over). */
export interface ZoneOptions {
  /**
   * `'auto'` (default): zone by zone above `decomposeThreshold` jobs;
   * `'always'` / `'never'` force the choice.
   */
  decompose?: 'auto' | 'always' | 'never';
  /** Job count above which `'auto'` decomposes (default 1,500). */
  decomposeThreshold?: number;
  /** Target jobs per zone and per border neighbourhood (default: about 16 routes' worth, 150–400; zone-size.ts). */
  zoneSize?: number;
  /** How the first zones are cut: balanced k-means (default) or a polar sweep around the depot. */
  zoning?: ZoningMethod;
  /**
   * Share of the time limit spent routing the first zones; the rest improves
   * across borders (default: 2 ms of the limit per job, between 0.1 and 0.4;
   * 0.4 without a time limit — zone-share.ts).
   */
  zoneTimeShare?: number;
  /**
   * Border neighbourhoods re-solved after the zones (default: as many as the
   * time allows with a time limit, else 2 × the zone count). With
   * `maxIterations` (which then applies to every sub-solve) and a seed the
   * whole answer is deterministic.
   */
  improvementRounds?: number;
  /**
   * Runs several border sub-solves side by side (an adapter's thread pool):
   * resolves to the solutions of the given sub-problems, in order. The options
   * are plain data (no signal or callbacks: an abort is the adapter's to pass
   * on). Unused unless `borderParallelism` is above 1.
   */
  solveBatch?: (calls: { problem: Problem; options: SolveOptions }[]) => Promise<Solution[]>;
  /**
   * Border neighbourhoods re-solved at once through `solveBatch` (default 1).
   * Those of one batch share no route, job or vehicle, so every result that
   * improves its own neighbourhood is kept. With `maxIterations` and a seed
   * the answer stays deterministic for a given value.
   */
  borderParallelism?: number;
}

/** Options of `solveByZones`: those of `solve`, applied to every sub-solve, plus the zone options. */
export interface DecomposeOptions extends SolveOptions, ZoneOptions {}

/** Whether `solve` should hand `problem` to `solveByZones` under `options.decompose`. */
export function shouldDecompose(problem: Problem, options: Pick<ZoneOptions, 'decompose' | 'decomposeThreshold'> = {}): boolean {
  const hasProfiles = problem.vehicles.some((v) => v.profile !== undefined);
  if (!zonesApply((problem.shipments?.length ?? 0) > 0, hasProfiles) || (problem.travel.type === 'matrix' && problem.travel.costs)) return false;
  const mode = options.decompose ?? 'auto';
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return problem.jobs.length > (options.decomposeThreshold ?? DECOMPOSE_THRESHOLD);
}

/**
 * Whether a problem can be solved zone by zone at all: zones are cut over
 * jobs, so a problem with shipments is solved whole; sub-problems carry the
 * default travel only, so one with travel profiles is too. (A costs matrix,
 * checked by `shouldDecompose`, keeps it whole as well.) Shared with the input
 * limits (io/problem-size.ts), which price road-network travel per zone then.
 */
export function zonesApply(hasShipments: boolean, hasProfiles: boolean): boolean {
  return !hasShipments && !hasProfiles;
}
