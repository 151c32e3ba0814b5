import { histogram, MAX_HISTOGRAM_BUCKETS, quantileType7, summariseNumbers } from './numeric-summary';

describe('quantileType7 (Hyndman-Fan 7, R quantile() default)', () => {
  it('matches R: quantile(c(27, 32, 37, 40)) = 27, 30.75, 34.5, 37.75, 40', () => {
    const sorted = [27, 32, 37, 40];
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantileType7(sorted, p))).toEqual([27, 30.75, 34.5, 37.75, 40]);
  });

  it('matches R: quantile(1:10, c(.1, .25, .9)) = 1.9, 3.25, 9.1', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileType7(sorted, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantileType7(sorted, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantileType7(sorted, 0.9)).toBeCloseTo(9.1, 12);
  });

  it('one value is every quantile; no value has none', () => {
    expect(quantileType7([5], 0.25)).toBe(5);
    expect(quantileType7([], 0.5)).toBeNull();
  });

  it('refuses probabilities outside [0, 1]', () => {
    expect(() => quantileType7([1], 1.5)).toThrow(RangeError);
  });
});

describe('histogram', () => {
  it('aligns buckets on multiples of the interval and keeps empty ones between', () => {
    expect(histogram([3, 12, 14, 31], 10)).toEqual([
      { from: 0, to: 10, count: 1 },
      { from: 10, to: 20, count: 2 },
      { from: 20, to: 30, count: 0 },
      { from: 30, to: 40, count: 1 },
    ]);
  });

  it('puts a value on a bound in the bucket it starts (lower bound inclusive)', () => {
    expect(histogram([10, 20], 10)).toEqual([
      { from: 10, to: 20, count: 1 },
      { from: 20, to: 30, count: 1 },
    ]);
  });

  it('handles fractional intervals and negative values without float noise', () => {
    expect(histogram([0.1, 0.25], 0.1)).toEqual([
      { from: 0.1, to: 0.2, count: 1 },
      { from: 0.2, to: 0.3, count: 1 },
    ]);
    expect(histogram([-3, 2], 5)).toEqual([
      { from: -5, to: 0, count: 1 },
      { from: 0, to: 5, count: 1 },
    ]);
  });

  it('is empty without values and refuses too many buckets or a bad interval', () => {
    expect(histogram([], 5)).toEqual([]);
    expect(() => histogram([0, MAX_HISTOGRAM_BUCKETS * 2], 1)).toThrow(/wider interval/);
    expect(() => histogram([1], 0)).toThrow(RangeError);
  });

  it('refuses an interval so small that bucket numbers are past exact integers (one value: a bucket loop that never ended)', () => {
    // 40 / 1e-15 = 4e16 > 2^53: k++ no longer changes k. 10 / 1e-310 = Infinity: Infinity - Infinity is NaN.
    expect(() => histogram([40], 1e-15)).toThrow(/wider interval/);
    expect(() => histogram([10, 10], 1e-310)).toThrow(/wider interval/);
    expect(() => histogram([-40], 1e-15)).toThrow(/wider interval/);
  });
});

describe('summariseNumbers', () => {
  it('summarises ages 27, 32, 37, 40 with one missing (the demo question)', () => {
    expect(summariseNumbers([27, null, 37, 32, 40], 10)).toEqual({
      n: 4,
      missing: 1,
      min: 27,
      q1: 30.75,
      median: 34.5,
      q3: 37.75,
      max: 40,
      mean: 34,
      interval: 10,
      histogram: [
        { from: 20, to: 30, count: 1 },
        { from: 30, to: 40, count: 2 },
        { from: 40, to: 50, count: 1 },
      ],
    });
  });

  it('has nulls but n and missing when nothing is reported', () => {
    expect(summariseNumbers([null, null], 5, 1)).toEqual({ n: 0, missing: 3, min: null, q1: null, median: null, q3: null, max: null, mean: null, histogram: [], interval: 5 });
  });

  it('counts non-finite numbers as missing', () => {
    expect(summariseNumbers([Number.NaN, 1, Number.POSITIVE_INFINITY], 1)).toMatchObject({ n: 1, missing: 2, median: 1 });
  });
});
