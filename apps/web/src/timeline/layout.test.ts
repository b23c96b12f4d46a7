import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '@sockscope/core/trace';
import type { Lane } from '../model/lanes.js';
import type { Span } from '../model/spans.js';
import { exampleFile, exampleModel } from '../model/examples.fixture.js';
import { TraceModel } from '../model/trace-model.js';
import { clampScrollTop, depthAt, depthTop, layoutFromIndex, layoutRows, rowAt, visibleRows } from './layout.js';
import { TimeScale } from './scale.js';
import { scanMarkers, scanSpans } from './scan.js';
import { DepthList, lowerBound, TimelineIndex, upperBound } from './span-index.js';
import { syntheticEvents, syntheticModel } from './synthetic.fixture.js';

const METRICS = { headerHeight: 20, rowHeight: 16, laneGap: 4 };

function lane(key: string, role: Lane['role'] = 'worker'): Lane {
  return { key, pid: 1, tid: Number(key), name: `lane ${key}`, role, firstIndex: 0, lastIndex: 0, endIndex: null };
}

let nextId = 1;
function span(startNs: number, endNs: number | null, depth = 0, laneKey = '1:1'): Span {
  const id = nextId++;
  return { id, lane: laneKey, cls: 'BaseServer', method: `m${id}`, selfCls: 'X', depth, parent: null, startIndex: id, startNs, endIndex: endNs === null ? null : id + 1, endNs, exception: null };
}

describe('TL-LAYOUT-1 lanes become rows: header + (max depth + 1) × row height', () => {
  const depths: Record<string, number> = { a: 2, b: -1, c: 0 };
  const layout = layoutRows([lane('a'), lane('b'), lane('c')], (k) => depths[k] ?? -1, METRICS);

  it('stacks lanes with their heights and gaps', () => {
    expect(layout.rows.map((r) => [r.lane.key, r.y, r.height, r.depths])).toEqual([
      ['a', 0, 20 + 3 * 16, 3],
      ['b', 72, 20, 0],
      ['c', 96, 36, 1],
    ]);
    expect(layout.contentHeight).toBe(132);
    expect(layout.byLane.get('c')?.position).toBe(2);
  });

  it('finds the lane and the depth at a y, and the top of a depth row', () => {
    expect(rowAt(layout, 0)?.lane.key).toBe('a');
    expect(rowAt(layout, 67)?.lane.key).toBe('a');
    expect(rowAt(layout, 70)).toBeUndefined(); // the gap between a and b
    expect(rowAt(layout, 100)?.lane.key).toBe('c');
    expect(rowAt(layout, 500)).toBeUndefined();
    const a = layout.rows[0];
    if (!a) throw new Error('no row');
    expect(depthAt(a, METRICS, 5)).toBe(-1);
    expect(depthAt(a, METRICS, 20)).toBe(0);
    expect(depthAt(a, METRICS, 67)).toBe(2);
    expect(depthTop(a, METRICS, 2)).toBe(52);
  });

  it('a real trace: every lane, in the model\'s drawing order, deep enough for its calls', () => {
    const model = exampleModel('ThreadingTCPServer');
    const index = new TimelineIndex();
    index.sync(model);
    const real = layoutFromIndex(model.orderedLanes(), index, METRICS);
    expect(real.rows.map((r) => r.lane.role)).toEqual(model.orderedLanes().map((l) => l.role));
    for (const row of real.rows) {
      const deepest = Math.max(-1, ...model.spans.filter((s) => s.lane === row.lane.key).map((s) => s.depth));
      expect(row.depths).toBe(deepest + 1);
    }
  });
});

describe('TL-LAYOUT-2 only the rows in the viewport are visible', () => {
  const lanes = Array.from({ length: 5000 }, (_, i) => lane(String(i)));
  const layout = layoutRows(lanes, (k) => Number(k) % 4, METRICS);

  it('returns exactly the rows intersecting [scrollTop, scrollTop + height)', () => {
    for (const scrollTop of [0, 13, 999, 54_321, layout.contentHeight - 300]) {
      const rows = visibleRows(layout, scrollTop, 300);
      const expected = layout.rows.filter((r) => r.y < scrollTop + 300 && r.y + r.height > scrollTop);
      expect(rows.map((r) => r.position)).toEqual(expected.map((r) => r.position));
      expect(rows.length).toBeLessThan(20);
    }
  });

  it('scrolling is clamped to the content', () => {
    expect(clampScrollTop(layout, -50, 300)).toBe(0);
    expect(clampScrollTop(layout, 1e12, 300)).toBe(layout.contentHeight - 300);
    expect(clampScrollTop(layoutRows([lane('x')], () => 0, METRICS), 40, 300)).toBe(0);
  });
});

describe('TL-LAYOUT-3 binary search over spans sorted by start', () => {
  it('lowerBound and upperBound', () => {
    const v = [1, 3, 3, 3, 7];
    expect([0, 1, 3, 4, 7, 8].map((x) => lowerBound(v, x))).toEqual([0, 0, 1, 4, 4, 5]);
    expect([0, 1, 3, 4, 7, 8].map((x) => upperBound(v, x))).toEqual([0, 1, 4, 4, 5, 5]);
  });

  it('with 100 000 spans, a window query returns exactly the overlapping ones', () => {
    const list = new DepthList();
    const spans: Span[] = [];
    // Sequential calls of varied lengths, as one depth of one thread has them.
    let t = 0;
    for (let i = 0; i < 100_000; i++) {
      const length = 100 + ((i * 7919) % 5000);
      const s = span(t, t + length);
      spans.push(s);
      list.add(s);
      t += length + ((i * 104_729) % 300);
    }
    list.refresh();
    for (const [from, to] of [[0, 50], [123_456, 130_000], [t / 2, t / 2 + 1], [t - 10_000, t + 10], [-500, -1], [t + 5, t + 50]] as const) {
      const got = list.query(from, to, t);
      const expected = spans.filter((s) => s.startNs <= to && (s.endNs ?? t) >= from);
      expect(got.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    }
  });

  it('stays exact when a lost return leaves an early span open for ever', () => {
    const list = new DepthList();
    const open = span(0, null);
    const later = [span(10, 20), span(30, 40), span(50, 60)];
    for (const s of [open, ...later]) list.add(s);
    list.refresh();
    expect(list.query(35, 36, 100).map((s) => s.id)).toEqual([open.id, later[1]?.id]);
    expect(list.query(61, 70, 100).map((s) => s.id)).toEqual([open.id]);
  });

  it('keeps start order when a span arrives late', () => {
    const list = new DepthList();
    const [a, b, c] = [span(0, 5), span(20, 25), span(10, 15)];
    for (const s of [a, b, c]) list.add(s);
    list.refresh();
    expect(list.starts).toEqual([0, 10, 20]);
    expect(list.query(12, 22, 30).length).toBe(2);
  });
});

describe('TL-LAYOUT-4 the index follows a growing model', () => {
  it('incremental sync equals one sync of the whole trace, and open spans close', () => {
    const events: readonly TraceEvent[] = exampleFile('ThreadingTCPServer').events;
    const whole = new TimelineIndex();
    const wholeModel = new TraceModel();
    wholeModel.append(events);
    whole.sync(wholeModel);

    const live = new TimelineIndex();
    const model = new TraceModel();
    for (let i = 0; i < events.length; i += 17) {
      model.append(events.slice(i, i + 17));
      live.sync(model);
      const now = model.timeRange()[1];
      // Mid-trace, serve_forever is open: it must overlap a window at the latest time.
      const loop = model.orderedLanes().find((l) => l.role === 'loop');
      const serve = loop && live.lane(loop.key)?.depths[0]?.query(now, now, now);
      if (loop && model.spans.some((s) => s.lane === loop.key && s.endNs === null && s.depth === 0)) expect(serve?.length).toBe(1);
    }
    expect(live.sync(model)).toBe(false);
    for (const [key, items] of whole.lanes) {
      const other = live.lane(key);
      expect(other?.depths.map((d) => d.spans.map((s) => s.id))).toEqual(items.depths.map((d) => d.spans.map((s) => s.id)));
      expect(other?.depths.map((d) => d.maxEnds)).toEqual(items.depths.map((d) => d.maxEnds));
      expect(other?.markers.map((m) => m.index)).toEqual(items.markers.map((m) => m.index));
    }
    expect(live.classes).toContain('ThreadingMixIn');
  });

  it('a new model resets the index', () => {
    const index = new TimelineIndex();
    index.sync(exampleModel('ForkingTCPServer'));
    const tcp = exampleModel('TCPServer');
    index.sync(tcp);
    expect([...index.lanes.keys()].every((k) => tcp.lanes.has(k))).toBe(true);
  });
});

describe('TL-LAYOUT-5 drawing visits only what is visible, merging sub-pixel spans', () => {
  const model = syntheticModel(100_000);
  const index = new TimelineIndex();
  index.sync(model);
  const [start, end] = model.timeRange();
  const now = end;

  it('the synthetic trace has about 100 000 events and thousands of lanes', () => {
    expect(model.length).toBeGreaterThan(99_000);
    expect(model.lanes.size).toBeGreaterThan(2000);
    expect(syntheticEvents(350).length).toBe(10 * 35 + 2);
  });

  it('zoomed out, the loop lane costs about a few visits per pixel, and every span is accounted for', () => {
    const scale = TimeScale.of({ startNs: start, endNs: end }, 1280);
    const loop = model.orderedLanes().find((l) => l.role === 'loop');
    const items = loop && index.lane(loop.key);
    if (!items) throw new Error('no loop lane');
    for (const list of items.depths) {
      let drawn = 0;
      let merged = 0;
      let visits = 0;
      scanSpans(list, scale, now, {
        span: (_s, x0, x1) => {
          drawn++;
          visits++;
          expect(x1 - x0).toBeGreaterThanOrEqual(0.5);
        },
        merged: (x0, x1, count) => {
          merged += count;
          visits++;
          expect(x1).toBeGreaterThanOrEqual(x0);
        },
      });
      expect(drawn + merged).toBe(list.spans.length);
      expect(visits).toBeLessThanOrEqual(1280 * 2);
    }
  });

  it('zoomed in, exactly the overlapping spans are drawn, in order', () => {
    const scale = TimeScale.of({ startNs: start + (end - start) / 2, endNs: start + (end - start) / 2 + 2_000_000 }, 1280);
    for (const items of index.lanes.values()) {
      for (const list of items.depths) {
        const seen: number[] = [];
        scanSpans(list, scale, now, { span: (s) => seen.push(s.id), merged: () => undefined });
        const expected = list.spans.filter((s) => s.startNs <= scale.endNs && (s.endNs ?? now) >= scale.startNs && (s.endNs ?? now) - s.startNs >= scale.nsPerPx * 0.5);
        expect(seen).toEqual(expected.map((s) => s.id));
      }
    }
  });

  it('markers: only those in the window, at most one per pixel column', () => {
    const scale = TimeScale.of({ startNs: start, endNs: end }, 1000);
    const loop = model.orderedLanes().find((l) => l.role === 'loop');
    const items = loop && index.lane(loop.key);
    if (!items) throw new Error('no loop lane');
    const xs: number[] = [];
    scanMarkers(items, scale, 0, (_m, x) => xs.push(Math.floor(x)));
    expect(items.markers.length).toBeGreaterThan(5000);
    expect(new Set(xs).size).toBe(xs.length);
    expect(xs.length).toBeLessThanOrEqual(1001);
    // With a spacing, visited markers are at least that far apart.
    const spaced: number[] = [];
    scanMarkers(items, scale, 0, (_m, x) => spaced.push(x), 5);
    expect(spaced.length).toBeLessThanOrEqual(201);
    for (let i = 1; i < spaced.length; i++) expect((spaced[i] ?? 0) - Math.floor(spaced[i - 1] ?? 0)).toBeGreaterThanOrEqual(5);
    // Zoomed in, every marker in the window is visited.
    const zoom = TimeScale.of({ startNs: start + 1e8, endNs: start + 1e8 + 5e6 }, 1000);
    let count = 0;
    scanMarkers(items, zoom, 0, () => count++, 1);
    expect(count).toBe(items.markers.filter((m) => m.ns >= zoom.startNs && m.ns <= zoom.endNs).length);
  });
});
