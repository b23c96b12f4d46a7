import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n.js';
import { cursorState } from '../model/cursor-state.js';
import { exampleModel } from '../model/examples.fixture.js';
import { qualified } from '../model/spans.js';
import type { TraceModel } from '../model/trace-model.js';
import { canvasLabels } from './describe.js';
import { drawTimeline, fitLabel, selectedSpanId, type DrawInput } from './draw.js';
import { layoutFromIndex } from './layout.js';
import { RecordingContext } from './recording-context.fixture.js';
import { boundsFor, TimeScale, type TimeWindow } from './scale.js';
import { TimelineIndex } from './span-index.js';
import { syntheticModel } from './synthetic.fixture.js';
import { classColor, NORMAL_THEME, OKABE_ITO, PRESENTER_THEME, textColorOn, type Theme } from './theme.js';
import { TIMELINE_CATALOG } from './timeline-catalog.js';

const labels = canvasLabels(translator(TIMELINE_CATALOG, 'en'));

function frame(model: TraceModel, options: { window?: TimeWindow; theme?: Theme; cursor?: number; height?: number; scrollTop?: number } = {}) {
  const theme = options.theme ?? NORMAL_THEME;
  const index = new TimelineIndex();
  index.sync(model);
  const layout = layoutFromIndex(model.orderedLanes(), index, theme);
  const [startNs, endNs] = model.timeRange();
  const scale = TimeScale.of(options.window ?? { startNs, endNs }, 1280 - theme.gutterWidth, boundsFor({ startNs, endNs }));
  const input: DrawInput = {
    width: 1280,
    height: options.height ?? 800,
    layout,
    index,
    scale,
    scrollTop: options.scrollTop ?? 0,
    model,
    cursor: cursorState(model, options.cursor ?? model.length - 1),
    theme,
    hovered: null,
    labels,
  };
  const rec = new RecordingContext();
  const stats = drawTimeline(rec.ctx, input);
  return { rec, stats, input };
}

describe('TL-DRAW-1 lanes, spans coloured by implementing class, markers and flows', () => {
  const model = exampleModel('ThreadingTCPServer');

  it('every lane of a small trace is drawn with its name and role', () => {
    const { rec, stats } = frame(model);
    expect(stats.rows).toBe(8);
    const texts = rec.texts.map((t) => t.text);
    expect(texts).toContain('Thread-1 (serve_forever)');
    expect(texts).toContain('server loop');
    expect(texts.filter((t) => t === 'worker thread')).toHaveLength(3);
    expect(stats.markers).toBeGreaterThan(10);
    // main → loop and clients, loop → three workers.
    expect(stats.flows).toBe(model.flows.length);
  });

  it('ThreadingMixIn.process_request and BaseServer methods get different colours, with their names when wide', () => {
    const span = model.spans.find((s) => qualified(s) === 'ThreadingMixIn.process_request');
    if (!span?.endNs) throw new Error('no span');
    const { rec } = frame(model, { window: { startNs: span.startNs - 20_000, endNs: span.endNs + 20_000 } });
    const label = rec.texts.find((t) => t.text === 'ThreadingMixIn.process_request');
    expect(label).toBeDefined();
    expect(rec.texts.some((t) => t.text === 'BaseServer._handle_request_noblock' || t.text === '_handle_request_noblock')).toBe(true);
    expect(classColor('ThreadingMixIn')).not.toBe(classColor('BaseServer'));
    expect(rec.rects.some((r) => r.fill === classColor('ThreadingMixIn'))).toBe(true);
    expect(rec.rects.some((r) => r.fill === classColor('BaseServer'))).toBe(true);
    expect(label?.fill).toBe(textColorOn(classColor('ThreadingMixIn')));
  });

  it('a call that raised is drawn in the warning colour with a ⚠', () => {
    const crash = exampleModel('crash-handler');
    const span = crash.spans.find((s) => s.exception !== null);
    if (!span?.endNs) throw new Error('no exception');
    const { rec } = frame(crash, { window: { startNs: span.startNs - 1000, endNs: span.endNs + 1000 } });
    expect(rec.rects.some((r) => r.fill === OKABE_ITO.vermillion)).toBe(true);
    expect(rec.texts.some((t) => t.text.startsWith('⚠ '))).toBe(true);
  });

  it('what happens after the cursor is faded; the cursor span is the selected one', () => {
    const index = model.events.findIndex((e) => e.kind === 'call' && e.method === 'process_request');
    const { rec, input } = frame(model, { cursor: index });
    expect(rec.rects.some((r) => r.alpha === NORMAL_THEME.futureAlpha)).toBe(true);
    const event = model.events[index];
    expect(selectedSpanId(input.cursor)).toBe(event?.span);
  });

  it('a forked child lane is reached by a flow, and the presenter theme draws larger type', () => {
    const forking = exampleModel('ForkingTCPServer');
    const { rec, stats } = frame(forking, { theme: PRESENTER_THEME, height: 2000 });
    expect(stats.flows).toBe(forking.flows.length);
    expect(rec.texts.some((t) => t.text.startsWith('forked child · pid '))).toBe(true);
    expect(rec.texts.every((t) => !t.font.includes(`${NORMAL_THEME.fontSize}px`))).toBe(true);
  });
});

describe('TL-DRAW-2 labels that fit', () => {
  const span = { cls: 'ThreadingMixIn', method: 'process_request', exception: null };
  it('Class.method, then method, then a truncated method, then nothing', () => {
    expect(fitLabel(span, 40)).toBe('ThreadingMixIn.process_request');
    expect(fitLabel(span, 20)).toBe('process_request');
    expect(fitLabel(span, 8)).toBe('process…');
    expect(fitLabel(span, 3)).toBeNull();
    expect(fitLabel({ ...span, exception: 'ValueError: x' }, 40)).toBe('⚠ ThreadingMixIn.process_request');
  });
});

describe('TL-DRAW-4 flows stay bounded by the viewport', () => {
  it('thousands of spawns between the same lanes, zoomed out: one arrow per arrowhead width and pair of lanes', () => {
    const model = syntheticModel(100_000, { workers: 8, requestEveryNs: 2_000_000 });
    expect(model.flows.length).toBeGreaterThan(2500);
    const { stats, input } = frame(model);
    const perPair = Math.ceil(input.scale.widthPx / (input.theme.glyph + 1)) + 1;
    expect(stats.flows).toBeGreaterThan(8);
    expect(stats.flows).toBeLessThanOrEqual(8 * perPair + 20);
    expect(stats.flows).toBeLessThan(model.flows.length);
  });
});

describe('TL-DRAW-3 100 000 events: only what is visible is drawn', () => {
  const model = syntheticModel(100_000);

  it('the whole trace at once: a handful of rows, at most a few marks per pixel column', () => {
    const { rec, stats } = frame(model);
    expect(stats.rows).toBeLessThan(40);
    expect(stats.spans + stats.merged).toBeLessThan(1280 * 6 * 3);
    expect(rec.rects.length).toBeLessThan(30_000);
  });

  it('a typical zoomed viewport in the middle, scrolled down, stays small', () => {
    const [start, end] = model.timeRange();
    const mid = (start + end) / 2;
    // Scroll to the workers running at that time (one lane per request, as ThreadingMixIn does).
    const lane = model.orderedLanes().find((l) => (model.events[l.firstIndex]?.t_ns ?? 0) >= mid);
    const probe = frame(model, { height: 10 });
    const scrollTop = (lane && probe.input.layout.byLane.get(lane.key)?.y) ?? 0;
    expect(scrollTop).toBeGreaterThan(10_000);
    const { stats } = frame(model, { window: { startNs: mid - 2_000_000, endNs: mid + 3_000_000 }, scrollTop });
    expect(stats.rows).toBeGreaterThan(5);
    expect(stats.spans).toBeGreaterThan(10);
    expect(stats.spans + stats.merged + stats.markers).toBeLessThan(2000);
  });
});
