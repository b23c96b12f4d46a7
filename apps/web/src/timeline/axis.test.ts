import { describe, expect, it } from 'vitest';
import { formatDuration, timeAxis } from './axis.js';
import { TimeScale } from './scale.js';

describe('TL-AXIS-1 nice ticks with labels in the unit of the step', () => {
  it('a one-second trace is labelled in ms', () => {
    const axis = timeAxis(TimeScale.of({ startNs: 0, endNs: 1e9 }, 1000), 8);
    expect(axis.origin).toBeNull();
    expect(axis.ticks.map((t) => t.label)).toContain('500 ms');
    expect(axis.ticks.find((t) => t.label === '500 ms')?.x).toBeCloseTo(500, 6);
  });

  it('short windows are labelled in the unit of their step', () => {
    const axis = timeAxis(TimeScale.of({ startNs: 1_000, endNs: 51_000 }, 1000), 10);
    expect(axis.ticks.map((t) => t.label)).toEqual(['5 µs', '10 µs', '15 µs', '20 µs', '25 µs', '30 µs', '35 µs', '40 µs', '45 µs', '50 µs']);
    const fine = timeAxis(TimeScale.of({ startNs: 1_000, endNs: 2_000 }, 1000), 4);
    expect(fine.ticks.map((t) => t.label)).toEqual(['1000 ns', '1200 ns', '1400 ns', '1600 ns', '1800 ns', '2000 ns']);
    const ms = timeAxis(TimeScale.of({ startNs: 0, endNs: 3_000_000 }, 1000), 6);
    expect(ms.ticks.map((t) => t.label).slice(0, 3)).toEqual(['0 µs', '500 µs', '1000 µs']);
  });

  it('deep zooms far into the trace switch to an origin and short offsets', () => {
    const axis = timeAxis(TimeScale.of({ startNs: 523_456_000, endNs: 523_458_000 }, 1000), 6);
    expect(axis.origin).toBe('523.45 ms');
    expect(axis.ticks.map((t) => t.label)).toEqual(['+6000 ns', '+6500 ns', '+7000 ns', '+7500 ns', '+8000 ns']);
  });
});

describe('TL-AXIS-2 durations for people', () => {
  it.each([
    [0, '0 ns'],
    [12, '12 ns'],
    [1_234, '1.23 µs'],
    [850_000, '850 µs'],
    [1_234_567, '1.23 ms'],
    [100_000_000, '100 ms'],
    [2_500_000_000, '2.5 s'],
  ])('%d ns → %s', (ns, text) => {
    expect(formatDuration(ns)).toBe(text);
  });
});
