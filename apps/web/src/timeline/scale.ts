/**
 * The timeline's time ↔ pixel mapping: an immutable value holding the visible time window
 * and the canvas width. Every interaction (wheel, drag, keys, follow-live) produces a new
 * `TimeScale`, so the view state is one plain value that tests can reason about.
 */

/** A stretch of trace time, in nanoseconds (`startNs` ≤ `endNs`). */
export interface TimeWindow {
  readonly startNs: number;
  readonly endNs: number;
}

/** The narrowest window the timeline zooms into: 1 µs. */
export const MIN_WINDOW_NS = 1_000;

/** The margin added on both sides of the trace for the zoom-out and pan limits, as a fraction of its duration. */
export const BOUNDS_MARGIN = 0.05;

/**
 * The limits of the view for a trace spanning `range`: the range plus `margin` of its
 * duration on each side (and at least the minimum window), so zooming out never loses the
 * trace in empty space.
 */
export function boundsFor(range: TimeWindow, margin: number = BOUNDS_MARGIN): TimeWindow {
  const duration = Math.max(range.endNs - range.startNs, MIN_WINDOW_NS);
  const pad = duration * margin;
  return { startNs: range.startNs - pad, endNs: range.startNs + duration + pad };
}

/** The visible time window over a canvas `widthPx` wide, clamped to optional bounds. */
export class TimeScale implements TimeWindow {
  readonly startNs: number;
  readonly endNs: number;
  /** The drawable width in CSS pixels (at least 1). */
  readonly widthPx: number;
  /** The window may not leave these (null: unbounded). */
  readonly bounds: TimeWindow | null;
  /** Pixels per nanosecond, precomputed because `x()` runs for every drawn item. */
  readonly #pxPerNs: number;

  private constructor(window: TimeWindow, widthPx: number, bounds: TimeWindow | null) {
    const clamped = clampWindow(window, bounds);
    this.startNs = clamped.startNs;
    this.endNs = clamped.endNs;
    this.widthPx = Math.max(1, widthPx);
    this.bounds = bounds;
    this.#pxPerNs = this.widthPx / (this.endNs - this.startNs);
    Object.freeze(this);
  }

  /** A scale showing `window` (clamped: at least 1 µs, inside `bounds`) over `widthPx` pixels. */
  static of(window: TimeWindow, widthPx: number, bounds: TimeWindow | null = null): TimeScale {
    return new TimeScale(window, widthPx, bounds);
  }

  /** The visible duration, ns. */
  get durationNs(): number {
    return this.endNs - this.startNs;
  }

  /** Nanoseconds per pixel. */
  get nsPerPx(): number {
    return 1 / this.#pxPerNs;
  }

  /** The x (CSS pixels from the left edge) of time `ns`. */
  x(ns: number): number {
    return (ns - this.startNs) * this.#pxPerNs;
  }

  /** The time at `x` pixels from the left edge. */
  ns(x: number): number {
    return this.startNs + x / this.#pxPerNs;
  }

  /**
   * Zooms by `factor` (> 1 in, < 1 out) keeping the time under `aroundX` where it is, unless
   * a clamp (minimum window, bounds) has to move it.
   */
  zoom(factor: number, aroundX: number): TimeScale {
    if (!(factor > 0) || !Number.isFinite(factor)) return this;
    const anchor = this.ns(aroundX);
    const duration = this.durationNs / factor;
    const startNs = anchor - (aroundX / this.widthPx) * duration;
    return new TimeScale({ startNs, endNs: startNs + duration }, this.widthPx, this.bounds);
  }

  /** Moves the content `dx` pixels to the right (as a drag does): the time at x is then at x + dx. */
  pan(dx: number): TimeScale {
    const shift = dx * this.nsPerPx;
    return new TimeScale({ startNs: this.startNs - shift, endNs: this.endNs - shift }, this.widthPx, this.bounds);
  }

  /** Shows `range` with `margin` of its duration on each side (a point gets the minimum window around it). */
  fit(range: TimeWindow, margin: number = 0.02): TimeScale {
    const duration = range.endNs - range.startNs;
    const pad = duration * margin;
    return new TimeScale({ startNs: range.startNs - pad, endNs: range.endNs + pad }, this.widthPx, this.bounds);
  }

  /**
   * Keeps the duration and moves the window so that `ns` sits `margin` of the width from the
   * right edge: what follow-live does each time new events arrive.
   */
  alignEnd(ns: number, margin: number = 0.02): TimeScale {
    const endNs = ns + this.durationNs * margin;
    return new TimeScale({ startNs: endNs - this.durationNs, endNs }, this.widthPx, this.bounds);
  }

  /** The same window over a new width (the canvas was resized). */
  withWidth(widthPx: number): TimeScale {
    return widthPx === this.widthPx ? this : new TimeScale(this, widthPx, this.bounds);
  }

  /** The same window under new limits (the trace grew). */
  withBounds(bounds: TimeWindow | null): TimeScale {
    return new TimeScale(this, this.widthPx, bounds);
  }

  /** True when both scales show the same window over the same width. */
  equals(other: TimeScale): boolean {
    return this.startNs === other.startNs && this.endNs === other.endNs && this.widthPx === other.widthPx;
  }
}

/** At least the minimum window, no wider than the bounds, and inside them. */
function clampWindow(window: TimeWindow, bounds: TimeWindow | null): TimeWindow {
  let { startNs, endNs } = window;
  if (!Number.isFinite(startNs) || !Number.isFinite(endNs)) {
    startNs = bounds?.startNs ?? 0;
    endNs = bounds?.endNs ?? MIN_WINDOW_NS;
  }
  if (endNs - startNs < MIN_WINDOW_NS) {
    // Grow around the middle, so a zoom-in stopped by the clamp stays centred where it was heading.
    const mid = (startNs + endNs) / 2;
    startNs = mid - MIN_WINDOW_NS / 2;
    endNs = mid + MIN_WINDOW_NS / 2;
  }
  if (!bounds) return { startNs, endNs };
  const maxDuration = Math.max(bounds.endNs - bounds.startNs, MIN_WINDOW_NS);
  const duration = Math.min(endNs - startNs, maxDuration);
  if (duration >= bounds.endNs - bounds.startNs) {
    // Bounds narrower than the minimum window: centre on them.
    const mid = (bounds.startNs + bounds.endNs) / 2;
    return { startNs: mid - duration / 2, endNs: mid + duration / 2 };
  }
  const start = Math.min(Math.max(startNs, bounds.startNs), bounds.endNs - duration);
  return { startNs: start, endNs: start + duration };
}
