import { describe, expect, it } from 'vitest';
import { check, judge, tally, targetsTable } from './targets.js';

describe('judge', () => {
  it('passes at or above the minimum (within rounding), misses below, N/A without a value', () => {
    expect(judge(1.2, 1)).toBe('PASS');
    expect(judge(0.998, 1)).toBe('PASS');
    expect(judge(0.99, 1)).toBe('MISS');
    expect(judge(null, 1)).toBe('N/A');
    expect(judge(NaN, 0.5)).toBe('N/A');
  });
});

describe('check, tally and the targets table', () => {
  const checks = [
    check('throughput', 'A ≥ 1× CPython', 1, 1.5, 'req/s ratio'),
    check('throughput', 'B ≥ 2× CPython', 2, 0.9, 'req/s ratio'),
    check('fork', 'C ≥ 0.5× CPython', 0.5, null, 'no python3'),
  ];

  it('counts each verdict', () => {
    expect(tally(checks)).toEqual({ PASS: 1, MISS: 1, 'N/A': 1 });
  });

  it('shows wanted and measured as ratios with the verdict', () => {
    expect(targetsTable(checks).rows).toEqual([
      ['A ≥ 1× CPython', '≥ 1.00×', '1.50×', 'PASS', 'req/s ratio'],
      ['B ≥ 2× CPython', '≥ 2.00×', '0.90×', 'MISS', 'req/s ratio'],
      ['C ≥ 0.5× CPython', '≥ 0.50×', '–', 'N/A', 'no python3'],
    ]);
  });
});
