/**
 * The share of the time limit spent routing the first zones
 * (`zoneTimeShare`) when the caller does not set it: `ZONE_MS_PER_JOB`
 * milliseconds of the limit per job, between `ZONE_SHARE_MIN` and
 * `ZONE_SHARE_MAX`.
 *
 * The border phase that follows improves the plan faster than the zones'
 * own searches do (bench/results/large.md, "Zone share"): on a generated
 * 5,000-client problem at 120 s the zones' plan reached 268,600 after 48 s
 * (share 0.4) and 270,700 after 12 s (share 0.1), and the border phase from
 * the latter ended 0.17 % shorter (0.05 was level with 0.1); on 10,000 clients
 * at 240 s (`npm run bench:large`) share 0.1 gave 504,557 against 507,056.
 * That is 2.4 ms of the limit per job. With less time per job the zones
 * need their time to build a plan at all, so limits of at most 5 ms per job
 * (10,000 jobs up to 50 s) keep the former share of 0.4. The zones thus get
 * 0.4 of the limit or at least 2 ms per job — more than the 0.375 ms per job
 * below which they take the quick plan — so the quick-plan decision
 * (`quickZonesExpected`) is the same as with 0.4 for every limit.
 */

/** Milliseconds of the time limit per job the first zones get by default. */
export const ZONE_MS_PER_JOB = 2;
/** The default share with ample time per job (measured: 0.05 and 0.1 level, both ahead of 0.25 and 0.4). */
export const ZONE_SHARE_MIN = 0.1;
/** The default share with little time per job (the share before this rule). */
export const ZONE_SHARE_MAX = 0.4;

/**
 * The share of `timeLimitMs` for the first zones of a `jobs`-job problem:
 * `given` (clamped to 0.05–0.95) when the caller sets it, else the default
 * above; `ZONE_SHARE_MAX` without a time limit (iterations bound the zones).
 */
export function zoneTimeShare(given: number | undefined, jobs: number, timeLimitMs: number): number {
  if (given !== undefined) return Math.min(0.95, Math.max(0.05, given));
  if (!Number.isFinite(timeLimitMs) || timeLimitMs <= 0) return ZONE_SHARE_MAX;
  return Math.min(ZONE_SHARE_MAX, Math.max(ZONE_SHARE_MIN, (ZONE_MS_PER_JOB * jobs) / timeLimitMs));
}
