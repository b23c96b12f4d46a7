import { describe, expect, it } from 'vitest';
import { median, medianOf, percentile, ratio, summarizeLatencies } from './stats.js';

describe('percentile', () => {
  it('interpolates between the closest ranks, like numpy', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 25)).toBe(20);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBeCloseTo(9.91);
  });

  it('does not care about the input order and leaves it alone', () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(5);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it('is NaN for no values and refuses a percentile outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('median and medianOf', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('medianOf skips missing values and is null when none is left', () => {
    expect(medianOf([null, 5, undefined, 1, NaN, 3])).toBe(3);
    expect(medianOf([null, undefined])).toBeNull();
  });
});

describe('summarizeLatencies', () => {
  it('gives p50, p99 and max', () => {
    const ms = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarizeLatencies(ms)).toEqual({ p50: 50.5, p99: 99.01, max: 100 });
  });

  it('sorts numerically, not as text', () => {
    expect(summarizeLatencies([10, 9, 100]).p50).toBe(10);
  });
});

describe('ratio', () => {
  it('divides, or gives null when a side is missing or the divisor is not positive', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(3, NaN)).toBeNull();
  });
});
