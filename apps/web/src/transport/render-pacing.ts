/**
 * How often the panes render while events stream in. A render (React, then the browser's
 * style, layout and paint) of a busy lab costs tens of milliseconds; rendered 20 times a
 * second that leaves the page no time for frames or for taking the next batches, and every
 * event then waits longer to be seen. So the gap between renders grows with their cost: the
 * panes take at most `share` of the page's time, never render more often than every
 * `minGapMs`, and never wait longer than `maxGapMs`.
 */

/** The pacing's settings. */
export interface RenderPacing {
  /** Least milliseconds from one render's start to the next (default 50: 20 a second). */
  readonly minGapMs: number;
  /** Most milliseconds between renders however costly they are (default 250: 4 a second). */
  readonly maxGapMs: number;
  /** The part of the page's time renders may take (default 0.2). */
  readonly share: number;
}

/** The defaults. */
export const DEFAULT_PACING: RenderPacing = { minGapMs: 50, maxGapMs: 250, share: 0.2 };

/** Milliseconds from `lastStart` (the previous render's start) to the next render's start. */
export function renderGap(costMs: number, pacing: RenderPacing = DEFAULT_PACING): number {
  const byCost = costMs / pacing.share;
  return Math.min(pacing.maxGapMs, Math.max(pacing.minGapMs, byCost));
}

/**
 * A render's cost as the pacing sees it: an average that leans on the newest render (half
 * its weight), so one slow frame (a GC, a resize) does not halve the update rate for long.
 */
export function smoothCost(previousMs: number | null, newestMs: number): number {
  return previousMs === null ? newestMs : (previousMs + newestMs) / 2;
}
