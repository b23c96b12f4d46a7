import { describe, expect, it } from 'vitest';
import { exampleModel } from '../model/examples.fixture.js';
import { qualified } from '../model/spans.js';
import { hitIndex, hitTest, sameHit, type HitContext } from './hit-test.js';
import { depthTop, layoutFromIndex, type LaneRow } from './layout.js';
import { TimeScale } from './scale.js';
import { TimelineIndex } from './span-index.js';

const METRICS = { headerHeight: 20, rowHeight: 18, laneGap: 4 };

function context(model = exampleModel('ThreadingTCPServer'), zoom?: { startNs: number; endNs: number }): HitContext & { model: typeof model } {
  const index = new TimelineIndex();
  index.sync(model);
  const layout = layoutFromIndex(model.orderedLanes(), index, METRICS);
  const [start, end] = model.timeRange();
  const scale = TimeScale.of(zoom ?? { startNs: start, endNs: end }, 1280);
  return { model, layout, index, scale, nowNs: end, markerRadius: 5, slop: 2 };
}

function rowOf(ctx: HitContext, laneKey: string): LaneRow {
  const row = ctx.layout.byLane.get(laneKey);
  if (!row) throw new Error(`no row for ${laneKey}`);
  return row;
}

describe('TL-HIT-1 spans under the mouse', () => {
  it('the middle of a span bar hits that span, and clicking it goes to its call', () => {
    const ctx = context();
    const span = ctx.model.spans.find((s) => qualified(s) === 'ThreadingMixIn.process_request');
    if (!span?.endNs) throw new Error('no span');
    const zoomed = { ...ctx, scale: ctx.scale.fit({ startNs: span.startNs, endNs: span.endNs }) };
    const row = rowOf(zoomed, span.lane);
    const y = depthTop(row, METRICS, span.depth) + METRICS.rowHeight / 2;
    const x = zoomed.scale.x((span.startNs + span.endNs) / 2);
    const hit = hitTest(zoomed, x, y);
    expect(hit?.kind === 'span' && hit.span.id).toBe(span.id);
    expect(hit && hitIndex(hit)).toBe(span.startIndex);
    expect(ctx.model.events[span.startIndex]?.kind).toBe('call');
  });

  it('every span is hit at its own centre when zoomed onto it', () => {
    const ctx = context();
    for (const span of ctx.model.spans) {
      const end = span.endNs ?? ctx.nowNs;
      const view = { ...ctx, scale: ctx.scale.fit({ startNs: span.startNs, endNs: end }, 0.2) };
      const row = rowOf(view, span.lane);
      const hit = hitTest(view, view.scale.x((span.startNs + end) / 2), depthTop(row, METRICS, span.depth) + 1);
      expect(hit?.kind === 'span' ? hit.span.id : null).toBe(span.id);
    }
  });

  it('a thin span is hit from a couple of pixels away, but empty space is not', () => {
    const ctx = context();
    const span = ctx.model.spans.find((s) => s.method === 'verify_request');
    if (!span?.endNs) throw new Error('no span');
    const row = rowOf(ctx, span.lane);
    const y = depthTop(row, METRICS, span.depth) + 5;
    const x = ctx.scale.x(span.endNs);
    const near = hitTest(ctx, x + 1.5, y);
    expect(near?.kind).toBe('span');
    // Past the trace's end there is nothing at any depth.
    expect(hitTest(ctx, 1279, y)).toBeNull();
  });
});

describe('TL-HIT-2 markers in the header band', () => {
  it('the nearest marker within the radius', () => {
    const ctx = context();
    const accept = ctx.model.markers.find((m) => m.kind === 'accept');
    if (!accept) throw new Error('no accept');
    const zoomed = { ...ctx, scale: ctx.scale.fit({ startNs: accept.ns - 50_000, endNs: accept.ns + 50_000 }) };
    const row = rowOf(zoomed, accept.lane);
    const hit = hitTest(zoomed, zoomed.scale.x(accept.ns) + 3, row.y + 10);
    expect(hit?.kind === 'marker' && hit.marker.index).toBe(accept.index);
    expect(hit && hitIndex(hit)).toBe(accept.index);
    expect(hitTest(zoomed, zoomed.scale.x(accept.ns) + 40, row.y + 10)).toBeNull();
  });

  it('nothing in the gap between lanes or below the last one', () => {
    const ctx = context();
    const first = ctx.layout.rows[0];
    if (!first) throw new Error('no rows');
    expect(hitTest(ctx, 600, first.y + first.height + 1)).toBeNull();
    expect(hitTest(ctx, 600, ctx.layout.contentHeight + 50)).toBeNull();
  });
});

describe('TL-HIT-3 comparing hits', () => {
  it('same span or marker, whatever the object', () => {
    const ctx = context();
    const span = ctx.model.spans[3];
    const marker = ctx.model.markers[0];
    const row = ctx.layout.rows[0];
    if (!span || !marker || !row) throw new Error('fixture');
    expect(sameHit({ kind: 'span', span, row }, { kind: 'span', span: { ...span }, row })).toBe(true);
    expect(sameHit({ kind: 'span', span, row }, { kind: 'marker', marker, row })).toBe(false);
    expect(sameHit(null, null)).toBe(true);
    expect(sameHit({ kind: 'marker', marker, row }, null)).toBe(false);
  });
});
