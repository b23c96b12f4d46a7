/**
 * What is under the mouse: a marker in a lane's header band, or a call span in one of its
 * depth rows. Pure: the same layout, index and scale give the same answer, in O(log n).
 */
import type { Span } from '../model/spans.js';
import type { Marker } from '../model/trace-model.js';
import { depthAt, rowAt, type LaneRow, type TimelineLayout } from './layout.js';
import type { TimeScale } from './scale.js';
import { spanEnd, type TimelineIndex } from './span-index.js';

/** A span or a marker, with the lane row it is in. */
export type Hit =
  | { readonly kind: 'span'; readonly span: Span; readonly row: LaneRow }
  | { readonly kind: 'marker'; readonly marker: Marker; readonly row: LaneRow };

/** What hit-testing needs to know about the current view. */
export interface HitContext {
  readonly layout: TimelineLayout;
  readonly index: TimelineIndex;
  readonly scale: TimeScale;
  /** Where open spans end (the trace's latest time). */
  readonly nowNs: number;
  /** How far (px) from a marker's centre still hits it. */
  readonly markerRadius: number;
  /** How far (px) beside a thin span still hits it. */
  readonly slop: number;
}

/** The span or marker at canvas x and content y (y with scrolling undone, axis excluded), or null. */
export function hitTest(ctx: HitContext, x: number, y: number): Hit | null {
  const row = rowAt(ctx.layout, y);
  const items = row && ctx.index.lane(row.lane.key);
  if (!row || !items) return null;
  const depth = depthAt(row, ctx.layout.metrics, y);
  const { scale } = ctx;

  if (depth < 0) {
    const [first, stop] = items.markerRange(scale.ns(x - ctx.markerRadius), scale.ns(x + ctx.markerRadius));
    let best: Marker | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let i = first; i < stop; i++) {
      const marker = items.markers[i] as Marker;
      const distance = Math.abs(scale.x(marker.ns) - x);
      // Ties go to the earlier marker: that is the glyph drawn for a crowded pixel.
      if (distance < bestDistance) {
        best = marker;
        bestDistance = distance;
      }
    }
    return best ? { kind: 'marker', marker: best, row } : null;
  }

  const list = items.depths[depth];
  if (!list) return null;
  const at = scale.ns(x);
  let best: Span | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const span of list.query(scale.ns(x - ctx.slop), scale.ns(x + ctx.slop), ctx.nowNs)) {
    const end = spanEnd(span, ctx.nowNs);
    // Inside the span: distance 0; beside it: pixels to its nearer edge.
    const distance = at < span.startNs ? scale.x(span.startNs) - x : at > end ? x - scale.x(end) : 0;
    if (distance < bestDistance) {
      best = span;
      bestDistance = distance;
    }
  }
  return best ? { kind: 'span', span: best, row } : null;
}

/** The event index a click on `hit` moves the cursor to: the span's call, or the marker's event. */
export function hitIndex(hit: Hit): number {
  return hit.kind === 'span' ? hit.span.startIndex : hit.marker.index;
}

/** True when two hits are the same thing (for redrawing only when the hover changes). */
export function sameHit(a: Hit | null, b: Hit | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'span') return b.kind === 'span' && a.span.id === b.span.id;
  return b.kind === 'marker' && a.marker.index === b.marker.index;
}
