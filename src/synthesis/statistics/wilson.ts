/**
 * Wilson score interval for a binomial proportion (Wilson 1927; method 3 of Newcombe 1998). Chosen
 * over the Wald interval because case-report counts are small and often 0 or n, where Wald collapses
 * to a zero-width interval or leaves [0, 1]; Wilson stays inside [0, 1] and is never zero-width.
 */

/** The 97.5th percentile of the standard normal distribution: a two-sided 95% interval. */
export const Z_95 = 1.959964;

export interface ProportionInterval {
  /** successes / trials. */
  proportion: number;
  lower: number;
  upper: number;
}

/**
 * The proportion with its Wilson interval, or null when there are no trials (n = 0: nothing to
 * estimate). Bounds are clamped to [0, 1]: 0/n has lower bound exactly 0 and n/n upper bound exactly 1.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): ProportionInterval | null {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval needs integers 0 <= successes <= trials (got ${successes}/${trials})`);
  }
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return {
    proportion: p,
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === trials ? 1 : Math.min(1, centre + halfWidth),
  };
}
