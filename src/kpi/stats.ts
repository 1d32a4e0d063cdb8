/**
 * Summary statistics for KPI samples. Every statistic of an empty sample is
 * `null` (never NaN); ratios with a zero denominator are `null` too.
 */

/** Spread of a sample: location, dispersion and extremes. */
export interface Spread {
  count: number;
  /** Arithmetic mean. */
  mean: number | null;
  /** Population standard deviation: sqrt(Σ(x − mean)² / n). */
  std: number | null;
  min: number | null;
  max: number | null;
  /** 90th percentile, nearest rank: the ⌈0.9·n⌉-th smallest value. */
  p90: number | null;
  /** Coefficient of variation std / mean; null when the mean is 0. */
  cv: number | null;
  /** max / min; null when min is 0 (or of a different sign than max). */
  maxMinRatio: number | null;
}

/** Computes the `Spread` of a sample (the input is not modified). */
export function spread(values: ArrayLike<number>): Spread {
  const n = values.length;
  if (n === 0) return { count: 0, mean: null, std: null, min: null, max: null, p90: null, cv: null, maxMinRatio: null };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (sorted[i] - mean) * (sorted[i] - mean);
  const std = Math.sqrt(sq / n);
  const min = sorted[0];
  const max = sorted[n - 1];
  return {
    count: n,
    mean,
    std,
    min,
    max,
    p90: sorted[Math.ceil(0.9 * n) - 1],
    cv: mean === 0 ? null : std / mean,
    maxMinRatio: min === 0 || Math.sign(min) !== Math.sign(max) ? null : max / min,
  };
}

/** a / b, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** Mean of a sample, or null when it is empty. */
export function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}
