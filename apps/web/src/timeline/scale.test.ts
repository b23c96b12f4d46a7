import { describe, expect, it } from 'vitest';
import { boundsFor, MIN_WINDOW_NS, TimeScale } from './scale.js';

const MS = 1_000_000;

describe('TL-SCALE-1 time ↔ pixel round trips', () => {
  const scale = TimeScale.of({ startNs: 5 * MS, endNs: 15 * MS }, 1000);

  it('maps the window onto [0, width]', () => {
    expect(scale.x(5 * MS)).toBe(0);
    expect(scale.x(15 * MS)).toBe(1000);
    expect(scale.x(10 * MS)).toBe(500);
    expect(scale.nsPerPx).toBe(10_000);
  });

  it('x(ns(x)) = x and ns(x(ns)) = ns, inside and outside the window', () => {
    for (const x of [-300, 0, 0.25, 1, 499.5, 1000, 2500]) expect(scale.x(scale.ns(x))).toBeCloseTo(x, 9);
    for (const ns of [0, 5 * MS, 7_654_321, 15 * MS, 40 * MS]) expect(scale.ns(scale.x(ns))).toBeCloseTo(ns, 3);
  });

  it('is an immutable value', () => {
    expect(Object.isFrozen(scale)).toBe(true);
    const panned = scale.pan(10);
    expect(panned).not.toBe(scale);
    expect(scale.startNs).toBe(5 * MS);
  });

  it('keeps precision for large trace times (hours in ns)', () => {
    const late = TimeScale.of({ startNs: 3.6e12, endNs: 3.6e12 + 2_000 }, 1000);
    expect(late.x(3.6e12 + 1_000)).toBeCloseTo(500, 6);
    expect(late.ns(250)).toBeCloseTo(3.6e12 + 500, 3);
  });
});

describe('TL-SCALE-2 zoom keeps the point under the mouse fixed', () => {
  const scale = TimeScale.of({ startNs: 0, endNs: 100 * MS }, 1280, boundsFor({ startNs: 0, endNs: 100 * MS }));

  it.each([
    [2, 0],
    [2, 640],
    [1.25, 1003],
    [10, 1280],
    [0.8, 333],
  ])('factor %d around x=%d', (factor, x) => {
    const inner = scale.zoom(4, 640);
    const before = inner.ns(x);
    const zoomed = inner.zoom(factor, x);
    expect(zoomed.ns(x)).toBeCloseTo(before, 3);
    expect(zoomed.durationNs).toBeCloseTo(inner.durationNs / factor, 3);
  });

  it('zooming in then out by the same factor returns to the same window', () => {
    const back = scale.zoom(3, 200).zoom(1 / 3, 200);
    expect(back.startNs).toBeCloseTo(scale.startNs, 3);
    expect(back.endNs).toBeCloseTo(scale.endNs, 3);
  });

  it('ignores nonsense factors', () => {
    expect(scale.zoom(0, 10)).toBe(scale);
    expect(scale.zoom(Number.NaN, 10)).toBe(scale);
    expect(scale.zoom(Number.POSITIVE_INFINITY, 10)).toBe(scale);
  });
});

describe('TL-SCALE-3 pan moves the content with the drag', () => {
  it('the time at x is at x + dx afterwards, and the duration is kept', () => {
    const scale = TimeScale.of({ startNs: 10 * MS, endNs: 20 * MS }, 500);
    const panned = scale.pan(50);
    expect(panned.x(scale.ns(100))).toBeCloseTo(150, 9);
    expect(panned.durationNs).toBeCloseTo(scale.durationNs, 6);
    expect(panned.pan(-50).startNs).toBeCloseTo(scale.startNs, 6);
  });

  it('stops at the bounds without changing the duration', () => {
    const bounds = { startNs: 0, endNs: 100 * MS };
    const scale = TimeScale.of({ startNs: 10 * MS, endNs: 20 * MS }, 1000, bounds);
    expect(scale.pan(1e6).startNs).toBe(0);
    expect(scale.pan(1e6).durationNs).toBeCloseTo(10 * MS, 6);
    expect(scale.pan(-1e6).endNs).toBe(100 * MS);
  });
});

describe('TL-SCALE-4 clamps: 1 µs minimum, no zooming out past the trace plus its margin', () => {
  const trace = { startNs: 2 * MS, endNs: 12 * MS };
  const bounds = boundsFor(trace);
  const scale = TimeScale.of(trace, 800, bounds);

  it('the bounds are the trace plus 5% each side', () => {
    expect(bounds.startNs).toBeCloseTo(1.5 * MS, 6);
    expect(bounds.endNs).toBeCloseTo(12.5 * MS, 6);
  });

  it('zooming in stops at 1 µs', () => {
    const tiny = scale.zoom(1e9, 400);
    expect(tiny.durationNs).toBeCloseTo(MIN_WINDOW_NS, 6);
    expect(TimeScale.of({ startNs: 5, endNs: 5 }, 100).durationNs).toBe(MIN_WINDOW_NS);
  });

  it('zooming out stops at the bounds', () => {
    const out = scale.zoom(1e-6, 100);
    expect(out.startNs).toBeCloseTo(bounds.startNs, 6);
    expect(out.endNs).toBeCloseTo(bounds.endNs, 6);
  });

  it('a window reaching outside the bounds is moved inside', () => {
    const s = TimeScale.of({ startNs: 0, endNs: 4 * MS }, 800, bounds);
    expect(s.startNs).toBeCloseTo(bounds.startNs, 6);
    expect(s.durationNs).toBeCloseTo(4 * MS, 6);
  });

  it('a trace shorter than 1 µs is centred in the minimum window', () => {
    const b = boundsFor({ startNs: 100, endNs: 300 });
    const s = TimeScale.of({ startNs: 100, endNs: 300 }, 800, b);
    expect(s.durationNs).toBe(MIN_WINDOW_NS);
    expect(s.startNs).toBeLessThanOrEqual(100);
    expect(s.endNs).toBeGreaterThanOrEqual(300);
  });

  it('width is at least one pixel', () => {
    expect(TimeScale.of(trace, 0).widthPx).toBe(1);
  });
});

describe('TL-SCALE-5 fit, follow and resize', () => {
  const bounds = boundsFor({ startNs: 0, endNs: 1000 * MS });
  const scale = TimeScale.of({ startNs: 0, endNs: 1000 * MS }, 1000, bounds);

  it('fit shows the range with a small margin', () => {
    const fitted = scale.fit({ startNs: 100 * MS, endNs: 200 * MS });
    expect(fitted.startNs).toBeCloseTo(98 * MS, 3);
    expect(fitted.endNs).toBeCloseTo(202 * MS, 3);
  });

  it('alignEnd keeps the duration and puts the time near the right edge', () => {
    const zoomed = scale.fit({ startNs: 100 * MS, endNs: 200 * MS }, 0);
    const followed = zoomed.alignEnd(700 * MS);
    expect(followed.durationNs).toBeCloseTo(100 * MS, 3);
    expect(followed.x(700 * MS)).toBeCloseTo(980, 6);
  });

  it('withWidth keeps the window; withBounds re-clamps it', () => {
    const wider = scale.withWidth(2000);
    expect(wider.startNs).toBe(scale.startNs);
    expect(wider.x(500 * MS)).toBeCloseTo(1000, 6);
    expect(scale.withWidth(1000)).toBe(scale);
    const narrowBounds = scale.withBounds({ startNs: 0, endNs: 10 * MS });
    expect(narrowBounds.endNs).toBe(10 * MS);
    expect(scale.equals(TimeScale.of(scale, 1000))).toBe(true);
  });
});
