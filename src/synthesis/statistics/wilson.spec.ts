import { wilsonInterval, Z_95 } from './wilson';

describe('wilsonInterval', () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
  // methods. Stat Med 1998;17:857-872, Table II, method 3 (Wilson score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i gives %f to %f (Newcombe 1998)', (x, n, lower, upper) => {
    const interval = wilsonInterval(x, n)!;
    expect(interval.proportion).toBeCloseTo(x / n, 12);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it('0/n starts at exactly 0 and n/n ends at exactly 1, neither zero-width', () => {
    const none = wilsonInterval(0, 5)!;
    expect(none).toEqual({ proportion: 0, lower: 0, upper: expect.closeTo(0.4345, 4) });
    const all = wilsonInterval(5, 5)!;
    expect(all.proportion).toBe(1);
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(1 - 0.4345, 4);
  });

  it('is symmetric: x/n mirrors (n-x)/n', () => {
    const a = wilsonInterval(2, 5)!;
    const b = wilsonInterval(3, 5)!;
    expect(a.lower).toBeCloseTo(1 - b.upper, 12);
    expect(a.upper).toBeCloseTo(1 - b.lower, 12);
  });

  it('has no interval without trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('1/1 and 2/5 (small counts typical of case series)', () => {
    expect(wilsonInterval(1, 1)).toEqual({ proportion: 1, lower: expect.closeTo(0.2065, 4), upper: 1 });
    const twoOfFive = wilsonInterval(2, 5)!;
    expect(twoOfFive.lower).toBeCloseTo(0.1176, 4);
    expect(twoOfFive.upper).toBeCloseTo(0.7693, 4);
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 2)).toThrow(RangeError);
  });

  it('uses z = 1.959964 for 95%', () => {
    expect(Z_95).toBe(1.959964);
  });
});
