/**
 * Descriptive statistics of a numeric variable (age, onset time, blood-patch volume, follow-up).
 * Quantiles follow Hyndman & Fan (1996) definition 7, the default of R's quantile() and of
 * NumPy/Excel's PERCENTILE.INC: linear interpolation between order statistics, h = (n - 1) p.
 */

/** Most buckets a histogram may have; a wider interval is the caller's remedy. */
export const MAX_HISTOGRAM_BUCKETS = 500;

export interface HistogramBin {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound (from + interval). */
  to: number;
  count: number;
}

export interface NumericSummary {
  /** Values present. */
  n: number;
  /** Observations without a value. */
  missing: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  /** Buckets of width `interval` aligned on multiples of it, from the lowest to the highest value, empty ones included. */
  histogram: HistogramBin[];
  interval: number;
}

/** Hyndman-Fan type 7 quantile of values sorted ascending; null for no values. */
export function quantileType7(sorted: readonly number[], p: number): number | null {
  if (p < 0 || p > 1 || Number.isNaN(p)) throw new RangeError(`quantile probability must be within [0, 1] (got ${p})`);
  if (!sorted.length) return null;
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
}

/**
 * Buckets [k*interval, (k+1)*interval) from the lowest value's bucket to the highest's. Throws when
 * that would need more than MAX_HISTOGRAM_BUCKETS buckets.
 */
export function histogram(sorted: readonly number[], interval: number): HistogramBin[] {
  if (!(interval > 0) || !Number.isFinite(interval)) throw new RangeError(`histogram interval must be a positive number (got ${interval})`);
  if (!sorted.length) return [];
  const indexOf = (value: number) => Math.floor(value / interval + 1e-9);
  const first = indexOf(sorted[0]);
  const last = indexOf(sorted[sorted.length - 1]);
  // Past 2^53 (or at Infinity) a bucket number no longer counts: k++ leaves k where it is and the loop below never ends.
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) throw new RangeError(`an interval of ${interval} is too small for values of ${sorted[0]} to ${sorted[sorted.length - 1]}: choose a wider interval`);
  if (last - first + 1 > MAX_HISTOGRAM_BUCKETS) throw new RangeError(`an interval of ${interval} needs ${last - first + 1} buckets; at most ${MAX_HISTOGRAM_BUCKETS}: choose a wider interval`);
  const bins: HistogramBin[] = [];
  for (let k = first; k <= last; k++) bins.push({ from: round(k * interval, interval), to: round((k + 1) * interval, interval), count: 0 });
  for (const value of sorted) bins[indexOf(value) - first].count++;
  return bins;
}

/**
 * The summary of `values` (null and non-finite entries count as missing, as does each of
 * `extraMissing` observations that had no value slot at all).
 */
export function summariseNumbers(values: readonly (number | null | undefined)[], interval: number, extraMissing = 0): NumericSummary {
  const present = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  const n = present.length;
  return {
    n,
    missing: values.length - n + extraMissing,
    min: n ? present[0] : null,
    q1: quantileType7(present, 0.25),
    median: quantileType7(present, 0.5),
    q3: quantileType7(present, 0.75),
    max: n ? present[n - 1] : null,
    mean: n ? present.reduce((sum, value) => sum + value, 0) / n : null,
    histogram: histogram(present, interval),
    interval,
  };
}

/** Bucket bounds without floating-point noise (0.30000000000000004 -> 0.3). */
function round(value: number, interval: number): number {
  const decimals = Math.min(10, Math.max(0, -Math.floor(Math.log10(interval)) + 2));
  return Number(value.toFixed(decimals));
}
