import { describe, expect, it } from 'vitest';
import { atLeast, atMost, framesPerSecond, longestFrameMs, screenLatency, unmeasured } from './measure.js';

describe('frame rates', () => {
  it('counts rAF callbacks per second of the window', () => {
    const times = Array.from({ length: 120 }, (_, i) => i * 16.7);
    expect(framesPerSecond(times, 2)).toBe(60);
    expect(framesPerSecond([], 2)).toBeNull();
    expect(framesPerSecond(times, 0)).toBeNull();
  });

  it('finds the longest frame', () => {
    expect(longestFrameMs([0, 16, 32, 100, 116])).toBe(68);
    expect(longestFrameMs([5])).toBeNull();
  });
});

describe('screenLatency', () => {
  it('joins the clocks at the fastest event and measures to the frame after arrival', () => {
    // The epoch is at wall 1000 ms; the fastest event took 0 ms to arrive.
    const lat = screenLatency([
      { arrive: 1000 + 1, shown: 1000 + 5, tns: [1e6] }, // emitted at 1001: 4 ms
      { arrive: 1000 + 30, shown: 1000 + 40, tns: [10e6, 20e6] }, // emitted at 1010, 1020: 30, 20 ms
      { arrive: 1000 + 50, shown: null, tns: [49e6] }, // never drawn: out of the figures (but sets nothing)
    ]);
    expect(lat.offsetMs).toBe(1000);
    expect(lat.events).toBe(3);
    expect(lat.p50).toBe(20);
    expect(lat.max).toBe(30);
    expect(lat.p95).toBeCloseTo(29, 5);
  });

  it('has no figures without events', () => {
    expect(screenLatency([])).toEqual({ events: 0, p50: null, p95: null, max: null, offsetMs: null });
  });
});

describe('targets as headroom ratios', () => {
  it('at least: measured ÷ wanted; at most: wanted ÷ measured', () => {
    expect(atLeast('live', 'x', 20_000, 30_000, '').value).toBe(1.5);
    expect(atLeast('live', 'x', 20_000, 10_000, '').verdict).toBe('MISS');
    expect(atMost('live', 'p95 < 100 ms', 100, 50, '')).toMatchObject({ value: 2, verdict: 'PASS' });
    expect(atMost('live', 'p95 < 100 ms', 100, 200, '')).toMatchObject({ value: 0.5, verdict: 'MISS' });
    expect(atMost('live', 'x', 100, null, 'no figure').verdict).toBe('N/A');
  });

  it('reports what cannot be measured as a MISS with its reason, with no number', () => {
    expect(unmeasured('timeline', 'x', 'no browser')).toMatchObject({ verdict: 'MISS', value: null, detail: 'not measured: no browser' });
  });
});
