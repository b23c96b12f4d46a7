/**
 * What to draw of one row at one zoom level. Spans at least half a pixel wide are drawn one
 * by one; thinner ones are merged into a single mark, and once a span is thinner than a
 * pixel the scan jumps (by binary search) past the others that start in the same pixel.
 * So a zoomed-out view of 100 000 calls costs about two steps per pixel column, not one per
 * call, and a zoomed-in view costs one step per visible call.
 */
import type { Span } from '../model/spans.js';
import type { Marker } from '../model/trace-model.js';
import type { TimeScale } from './scale.js';
import { lowerBound, spanEnd, upperBound, type DepthList, type LaneItems } from './span-index.js';

/** Spans narrower than this (CSS px) are merged into a thin mark instead of drawn. */
export const MIN_SPAN_PX = 0.5;

/** Receives the scan's results, left to right. */
export interface SpanVisitor {
  /** A span to draw from x0 to x1 (CSS px, may reach past the canvas edges). */
  span(span: Span, x0: number, x1: number): void;
  /** `count` thin spans merged into one mark from x0 to x1. */
  merged(x0: number, x1: number, count: number): void;
}

/** Visits what to draw of `list` in the scale's window. Spans still open end at `nowNs`. */
export function scanSpans(list: DepthList, scale: TimeScale, nowNs: number, visit: SpanVisitor, minPx: number = MIN_SPAN_PX): void {
  const { spans, starts, maxEnds } = list;
  const stop = upperBound(starts, scale.endNs);
  let runX0 = 0;
  let runX1 = 0;
  let runCount = 0;
  const flush = (): void => {
    if (runCount > 0) visit.merged(runX0, runX1, runCount);
    runCount = 0;
  };
  let i = list.firstEndingAfter(scale.startNs);
  while (i < stop) {
    const span = spans[i] as Span;
    const end = spanEnd(span, nowNs);
    if (end < scale.startNs) {
      // Only in a damaged trace (an earlier span left open): not in the window.
      i++;
      continue;
    }
    const x0 = scale.x(span.startNs);
    const x1 = scale.x(end);
    if (x1 - x0 >= minPx) {
      flush();
      visit.span(span, x0, x1);
      i++;
      continue;
    }
    if (runCount > 0 && x0 <= runX1 + 1) {
      runX1 = Math.max(runX1, x1);
      runCount++;
    } else {
      flush();
      runX0 = x0;
      runX1 = x1;
      runCount = 1;
    }
    // Jump past the spans that start in this pixel column, if all of them also end in it
    // (the running maximum of ends proves it); the last one is scanned, as it may be wide.
    const nextPxNs = scale.ns(Math.floor(x0) + 1);
    const last = lowerBound(starts, nextPxNs, i + 1, stop) - 1;
    if (last > i + 1 && (maxEnds[last - 1] as number) <= nextPxNs) {
      runCount += last - 1 - i;
      runX1 = Math.max(runX1, scale.x(maxEnds[last - 1] as number));
      i = last;
    } else {
      i++;
    }
  }
  flush();
}

/**
 * Visits the lane's markers in the window, left to right, skipping those closer than
 * `spacingPx` to the last one visited (their glyphs would overlap it anyway).
 */
export function scanMarkers(items: LaneItems, scale: TimeScale, marginPx: number, visit: (marker: Marker, x: number) => void, spacingPx: number = 1): void {
  const [first, stop] = items.markerRange(scale.ns(-marginPx), scale.ns(scale.widthPx + marginPx));
  let i = first;
  while (i < stop) {
    const marker = items.markers[i] as Marker;
    const x = scale.x(marker.ns);
    visit(marker, x);
    i = Math.max(i + 1, lowerBound(items.markerNs, scale.ns(Math.floor(x) + Math.max(1, spacingPx)), i + 1, stop));
  }
}
