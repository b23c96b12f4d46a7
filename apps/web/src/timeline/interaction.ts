/**
 * Keys and wheel turns as view changes, kept out of the component so they are unit-tested:
 * what each input means is a pure function, and applying it is a pure function of the view.
 */
import { clampScrollTop, type TimelineLayout } from './layout.js';
import type { TimeScale, TimeWindow } from './scale.js';

/** A change of view asked for by the user. */
export type ViewAction =
  | { readonly kind: 'pan'; readonly dx: number }
  | { readonly kind: 'zoom'; readonly factor: number; readonly aroundX: number }
  | { readonly kind: 'scroll'; readonly dy: number }
  | { readonly kind: 'fit' }
  | { readonly kind: 'toggleFollow' };

/** What the timeline shows: the time window and the vertical scroll of the lanes. */
export interface View {
  readonly scale: TimeScale;
  readonly scrollTop: number;
}

/** The zoom step of the + and − keys and the toolbar buttons. */
export const KEY_ZOOM = 1.5;

/** The part of the width that ← and → move. */
const KEY_PAN = 0.15;

/**
 * The action of a key press, or null for keys the timeline leaves alone. `anchorX` is where
 * keyboard zoom is centred (the cursor line when visible, else the middle).
 */
export function keyAction(key: string, width: number, pageHeight: number, anchorX: number): ViewAction | null {
  switch (key) {
    case 'ArrowLeft':
    case 'a':
      return { kind: 'pan', dx: width * KEY_PAN };
    case 'ArrowRight':
    case 'd':
      return { kind: 'pan', dx: -width * KEY_PAN };
    case 'ArrowUp':
      return { kind: 'scroll', dy: -pageHeight / 8 };
    case 'ArrowDown':
      return { kind: 'scroll', dy: pageHeight / 8 };
    case 'PageUp':
      return { kind: 'scroll', dy: -pageHeight * 0.9 };
    case 'PageDown':
      return { kind: 'scroll', dy: pageHeight * 0.9 };
    case '+':
    case '=':
    case 'w':
      return { kind: 'zoom', factor: KEY_ZOOM, aroundX: anchorX };
    case '-':
    case '_':
    case 's':
      return { kind: 'zoom', factor: 1 / KEY_ZOOM, aroundX: anchorX };
    case '0':
      return { kind: 'fit' };
    case 'f':
    case 'F':
      return { kind: 'toggleFollow' };
    default:
      return null;
  }
}

/** The parts of a WheelEvent that matter. */
export interface WheelInput {
  readonly deltaX: number;
  readonly deltaY: number;
  /** 0 pixels, 1 lines, 2 pages (WheelEvent.deltaMode). */
  readonly deltaMode: number;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
}

/**
 * A wheel turn: zoom around the mouse; Shift scrolls the lanes; a sideways swipe pans;
 * Ctrl (and a trackpad pinch, which browsers report as Ctrl+wheel) zooms faster.
 */
export function wheelAction(e: WheelInput, x: number, pageHeight: number): ViewAction | null {
  const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? pageHeight : 1;
  const dx = e.deltaX * unit;
  const dy = e.deltaY * unit;
  if (e.shiftKey) {
    // Some browsers turn Shift+wheel into a horizontal delta.
    const d = dy === 0 ? dx : dy;
    return d === 0 ? null : { kind: 'scroll', dy: d };
  }
  if (Math.abs(dx) > Math.abs(dy)) return { kind: 'pan', dx: -dx };
  if (dy === 0) return null;
  // exp keeps zoom steps symmetric: one notch in then one out returns to the same window.
  return { kind: 'zoom', factor: Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.002)), aroundX: x };
}

/** The view after `action` (`toggleFollow` leaves it as it is). */
export function applyAction(view: View, action: ViewAction, layout: TimelineLayout, viewportHeight: number, trace: TimeWindow): View {
  switch (action.kind) {
    case 'pan':
      return { ...view, scale: view.scale.pan(action.dx) };
    case 'zoom':
      return { ...view, scale: view.scale.zoom(action.factor, action.aroundX) };
    case 'scroll':
      return { ...view, scrollTop: clampScrollTop(layout, view.scrollTop + action.dy, viewportHeight) };
    case 'fit':
      return { ...view, scale: view.scale.fit(trace) };
    case 'toggleFollow':
      return view;
  }
}

/**
 * The view moved just enough to show the cursor: its lane scrolled to the top if it was out
 * of sight, and its time centred if it was outside the window. Used when the cursor is moved
 * from elsewhere (stepping, another pane), never for the user's own pans.
 */
export function revealCursor(view: View, layout: TimelineLayout, viewportHeight: number, laneKey: string, ns: number): View {
  let { scale, scrollTop } = view;
  const row = layout.byLane.get(laneKey);
  if (row) {
    // Only a lane wholly out of sight: a partly visible one (just clicked, perhaps) stays put.
    if (row.y + row.height <= scrollTop || row.y >= scrollTop + viewportHeight) {
      scrollTop = clampScrollTop(layout, row.y - layout.metrics.laneGap, viewportHeight);
    }
  }
  const x = scale.x(ns);
  if (x < 0 || x > scale.widthPx) scale = scale.pan(scale.widthPx / 2 - x);
  return scale === view.scale && scrollTop === view.scrollTop ? view : { scale, scrollTop };
}
