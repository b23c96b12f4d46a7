import { describe, expect, it } from 'vitest';
import { applyAction, KEY_ZOOM, keyAction, revealCursor, wheelAction, type View } from './interaction.js';
import { layoutRows } from './layout.js';
import { boundsFor, TimeScale } from './scale.js';

const trace = { startNs: 0, endNs: 1e9 };
const layout = layoutRows(
  Array.from({ length: 50 }, (_, i) => ({ key: `1:${i}`, pid: 1, tid: i, name: `t${i}`, role: 'worker' as const, firstIndex: i, lastIndex: i, endIndex: null })),
  () => 2,
  { headerHeight: 20, rowHeight: 18, laneGap: 4 },
);
const view: View = { scale: TimeScale.of({ startNs: 2e8, endNs: 4e8 }, 1000, boundsFor(trace)), scrollTop: 100 };

describe('TL-INPUT-1 keys', () => {
  it('← → pan, + − zoom around the anchor, 0 fits, F follows, others are ignored', () => {
    expect(keyAction('ArrowLeft', 1000, 600, 500)).toEqual({ kind: 'pan', dx: 150 });
    expect(keyAction('ArrowRight', 1000, 600, 500)).toEqual({ kind: 'pan', dx: -150 });
    expect(keyAction('+', 1000, 600, 321)).toEqual({ kind: 'zoom', factor: KEY_ZOOM, aroundX: 321 });
    expect(keyAction('-', 1000, 600, 321)).toEqual({ kind: 'zoom', factor: 1 / KEY_ZOOM, aroundX: 321 });
    expect(keyAction('0', 1000, 600, 0)).toEqual({ kind: 'fit' });
    expect(keyAction('F', 1000, 600, 0)).toEqual({ kind: 'toggleFollow' });
    expect(keyAction('ArrowDown', 1000, 800, 0)).toEqual({ kind: 'scroll', dy: 100 });
    expect(keyAction('Tab', 1000, 600, 0)).toBeNull();
  });

  it('← shows earlier times (the content moves right)', () => {
    const action = keyAction('ArrowLeft', 1000, 600, 500);
    if (!action) throw new Error('no action');
    const after = applyAction(view, action, layout, 600, trace);
    expect(after.scale.startNs).toBeLessThan(view.scale.startNs);
  });
});

describe('TL-INPUT-2 wheel', () => {
  const base = { deltaX: 0, deltaY: 0, deltaMode: 0, shiftKey: false, ctrlKey: false };

  it('wheel zooms around the mouse: down out, up in, and symmetric', () => {
    const zin = wheelAction({ ...base, deltaY: -100 }, 250, 600);
    const zout = wheelAction({ ...base, deltaY: 100 }, 250, 600);
    if (zin?.kind !== 'zoom' || zout?.kind !== 'zoom') throw new Error('not zoom');
    expect(zin.factor).toBeGreaterThan(1);
    expect(zin.aroundX).toBe(250);
    expect(zin.factor * zout.factor).toBeCloseTo(1, 12);
    const zoomed = applyAction(view, zin, layout, 600, trace);
    expect(zoomed.scale.ns(250)).toBeCloseTo(view.scale.ns(250), 3);
  });

  it('Shift+wheel scrolls the lanes (clamped); a sideways swipe pans; line mode counts lines', () => {
    expect(wheelAction({ ...base, deltaY: 3, deltaMode: 1, shiftKey: true }, 0, 600)).toEqual({ kind: 'scroll', dy: 48 });
    expect(wheelAction({ ...base, deltaX: 40, shiftKey: true }, 0, 600)).toEqual({ kind: 'scroll', dy: 40 });
    expect(wheelAction({ ...base, deltaX: 30, deltaY: 2 }, 0, 600)).toEqual({ kind: 'pan', dx: -30 });
    expect(wheelAction(base, 0, 600)).toBeNull();
    const scrolled = applyAction(view, { kind: 'scroll', dy: -1000 }, layout, 600, trace);
    expect(scrolled.scrollTop).toBe(0);
  });

  it('Ctrl (pinch) zooms faster than the plain wheel', () => {
    const plain = wheelAction({ ...base, deltaY: -10 }, 0, 600);
    const pinch = wheelAction({ ...base, deltaY: -10, ctrlKey: true }, 0, 600);
    if (plain?.kind !== 'zoom' || pinch?.kind !== 'zoom') throw new Error('not zoom');
    expect(pinch.factor).toBeGreaterThan(plain.factor);
  });

  it('fit shows the whole trace', () => {
    const fitted = applyAction(view, { kind: 'fit' }, layout, 600, trace);
    expect(fitted.scale.startNs).toBeLessThanOrEqual(0);
    expect(fitted.scale.endNs).toBeGreaterThanOrEqual(1e9);
    expect(applyAction(view, { kind: 'toggleFollow' }, layout, 600, trace)).toBe(view);
  });
});

describe('TL-INPUT-3 moving the cursor from elsewhere reveals it', () => {
  it('scrolls to a lane out of sight and centres a time outside the window', () => {
    const far = layout.rows[40];
    if (!far) throw new Error('no row');
    const moved = revealCursor(view, layout, 300, far.lane.key, 7e8);
    expect(moved.scrollTop).toBe(far.y - 4);
    expect(moved.scale.x(7e8)).toBeCloseTo(500, 6);
    expect(moved.scale.durationNs).toBeCloseTo(view.scale.durationNs, 3);
  });

  it('leaves the view alone when the cursor is already visible', () => {
    const near = layout.rows.find((r) => r.y >= view.scrollTop);
    if (!near) throw new Error('no row');
    expect(revealCursor(view, layout, 600, near.lane.key, 3e8)).toBe(view);
  });
});
