import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../load/spec.js';
import { liveTargets, type LiveRun } from './live.js';
import { timelineTargets, type TimelineRun } from './timeline.js';

const load = { requests: 1000, seconds: 1, rps: 1000, p50: 1, p99: 2 } as LoadResult;
const live = (concurrency: number, eventsPerSecond: number, gap: number, p95: number, fps: number): LiveRun => ({
  loadName: `${concurrency} at once`, seconds: 5, load, events: eventsPerSecond * 5, eventsPerSecond, emittedPerSecond: eventsPerSecond + gap / 5, batches: 100, gap, fps, longestFrameMs: 30, p50: p95 / 2, p95, max: p95 * 2,
});

describe('liveTargets', () => {
  it('judges the fastest gap-free run', () => {
    const checks = liveTargets([live(1, 15_000, 0, 40, 60), live(4, 25_000, 0, 80, 55), live(16, 40_000, 900, 500, 20)]);
    expect(checks.map((c) => c.verdict)).toEqual(['PASS', 'PASS', 'PASS']);
    expect(checks[0]?.value).toBe(1.25);
  });

  it('judges latency and frame rate at the lightest gap-free run over the bar, events/s at the fastest', () => {
    const checks = liveTargets([live(1, 22_000, 0, 90, 52), live(2, 37_000, 0, 200, 45), live(16, 40_000, 900, 500, 20)]);
    expect(checks.map((c) => c.verdict)).toEqual(['PASS', 'PASS', 'PASS']);
    expect(checks[0]?.value).toBe(1.85);
    expect(checks[1]?.detail).toContain('p95 90 ms at 1 at once, 22 000 events/s');
    const below = liveTargets([live(1, 15_000, 0, 40, 60), live(2, 19_000, 0, 150, 45)]);
    expect(below.map((c) => c.verdict)).toEqual(['MISS', 'MISS', 'MISS']);
    expect(below[1]?.detail).toContain('at 2 at once, 19 000 events/s');
  });

  it('misses events/s when every run lost events, and judges the heaviest run', () => {
    const checks = liveTargets([live(4, 30_000, 10, 80, 60), live(16, 35_000, 900, 500, 20)]);
    expect(checks.map((c) => c.verdict)).toEqual(['MISS', 'MISS', 'MISS']);
    expect(checks[0]?.detail).toContain('the heaviest (16 at once): 35 180 events/s emitted');
  });

  it('misses every target, with the reason, when nothing ran', () => {
    expect(liveTargets([]).every((c) => c.verdict === 'MISS' && c.value === null)).toBe(true);
  });
});

describe('timelineTargets', () => {
  const run = (events: number, openSeconds: number | null, fps: number | null): TimelineRun => ({
    events, fileMiB: events / 5000, openSeconds, fps, longestFrameMs: 20, heapMiB: 100, error: openSeconds === null ? 'timeout' : null,
  });

  it('judges the 1M-event trace: open time at most 3 s, fps at least 50', () => {
    const checks = timelineTargets([run(10_000, 0.2, 60), run(1_000_022, 1.5, 45)], false);
    expect(checks.map((c) => [c.value, c.verdict])).toEqual([[2, 'PASS'], [0.9, 'MISS']]);
  });

  it('reports a trace that never showed, or a run without it, as MISS with no number', () => {
    expect(timelineTargets([run(1_000_000, null, null)], false).map((c) => c.verdict)).toEqual(['MISS', 'MISS']);
    const quick = timelineTargets([run(10_000, 0.2, 60)], true);
    expect(quick.every((c) => c.verdict === 'MISS' && c.value === null && c.detail.includes('--quick'))).toBe(true);
  });
});
