import { wilsonInterval } from '../statistics/wilson';

/** A proportion with its Wilson 95% interval and the counts it comes from. */
export interface ProportionEstimate {
  numerator: number;
  denominator: number;
  proportion: number;
  lower: number;
  upper: number;
}

/** numerator / denominator with its interval; null when the denominator is 0 (nothing to estimate). */
export function proportionOf(numerator: number, denominator: number): ProportionEstimate | null {
  // Counts read a moment apart (a case deleted between two engine calls) may disagree: no estimate then.
  if (numerator > denominator) return null;
  const interval = wilsonInterval(numerator, denominator);
  return interval && { numerator, denominator, ...interval };
}
