import { describe, expect, it } from 'vitest';
import { TRACE_EVENT_KINDS, type TraceEvent } from '@sockscope/core/trace';
import { exampleModel } from '../../model/examples.fixture.js';
import type { Lane } from '../../model/lanes.js';
import {
  ALL_EVENTS,
  eventSummary,
  formatMs,
  filterEvents,
  GROUP_OF,
  keyTarget,
  KIND_GROUPS,
  laneChoices,
  rowOf,
  scrollToShow,
  visibleRange,
  type EventFilter,
} from './events.js';

const model = exampleModel('ThreadingTCPServer');
const only = (f: Partial<EventFilter>): EventFilter => ({ ...ALL_EVENTS, ...f });

/** `n` events made by repeating an example's, renumbered. */
function manyEvents(n: number): TraceEvent[] {
  const base = model.events;
  return Array.from({ length: n }, (_, i) => ({ ...(base[i % base.length] as TraceEvent), seq: i + 1 }));
}

describe('PANE-EVENTS-1 kinds, summaries and filters', () => {
  it('every kind of the schema is in exactly one group', () => {
    expect(Object.keys(GROUP_OF).sort()).toEqual([...TRACE_EVENT_KINDS].sort());
    expect(new Set(Object.values(GROUP_OF))).toEqual(new Set(KIND_GROUPS));
  });

  it('times keep to the column', () => {
    expect(formatMs(64.0531)).toBe('64.053');
    expect(formatMs(4_064.06)).toBe('4064.1');
    expect(formatMs(402_165.4)).toBe('402165');
  });

  it('summaries name what matters', () => {
    const accept = model.events.find((e) => e.kind === 'accept');
    expect(accept && eventSummary(accept)).toMatch(/^fd 17 → conn fd 28 · \('127\.0\.0\.1', \d+\)$/);
    const call = model.events.find((e) => e.kind === 'call' && e.method === 'process_request');
    expect(call && eventSummary(call)).toBe('ThreadingMixIn.process_request()  · self: ThreadingTCPServer');
    const recv = model.events.find((e) => e.kind === 'recv');
    expect(recv && eventSummary(recv)).toContain("⇐ 8 B b'hello");
    for (const e of model.events) expect(typeof eventSummary(e)).toBe('string');
  });

  it('by kind group, by text in Class.method or thread, by lane', () => {
    const all = filterEvents(model.events, ALL_EVENTS);
    expect(all).toHaveLength(model.length);
    const calls = filterEvents(model.events, only({ groups: new Set(['calls']) }));
    expect(calls.every((i) => ['call', 'return', 'exception'].includes(model.events[i]?.kind ?? ''))).toBe(true);
    const mixin = filterEvents(model.events, only({ text: ' threadingmixin.PROCESS ' }));
    expect(mixin.map((i) => model.events[i]?.kind)).toContain('call');
    expect(mixin.every((i) => { const e = model.events[i]; return e?.kind !== undefined && 'cls' in e && e.cls === 'ThreadingMixIn'; })).toBe(true);
    const thread = filterEvents(model.events, only({ text: 'client-2' }));
    expect(thread.length).toBeGreaterThan(2);
    expect(thread.every((i) => model.events[i]?.thread === 'client-2')).toBe(true);
    const loop = model.orderedLanes().find((l) => l.role === 'loop')?.key ?? '';
    const inLoop = filterEvents(model.events, only({ lane: loop, groups: new Set(['select']) }));
    expect(inLoop.length).toBeGreaterThan(5);
    expect(inLoop.every((i) => model.events[i]?.kind.startsWith('select'))).toBe(true);
  });

  it('filters 100 000 events quickly and incrementally', () => {
    const events = manyEvents(100_000);
    const t0 = performance.now();
    const rows = filterEvents(events, only({ text: 'process_request' }));
    expect(performance.now() - t0).toBeLessThan(500);
    const half = filterEvents(events, only({ text: 'process_request' }), 0, 50_000);
    expect(filterEvents(events, only({ text: 'process_request' }), 50_000, events.length, [...half])).toEqual(rows);
  });
});

describe('PANE-EVENTS-2 the virtual list: only the visible rows, the cursor kept in view', () => {
  it('renders a window of rows whatever the length', () => {
    expect(visibleRange(0, 400, 20, 100_000)).toEqual({ start: 0, end: 26 });
    const mid = visibleRange(1_000_000, 400, 20, 100_000);
    expect(mid.end - mid.start).toBeLessThanOrEqual(40);
    expect(mid.start).toBe(50_000 - 6);
    expect(visibleRange(1e9, 400, 20, 100)).toEqual({ start: 100, end: 100 });
  });

  it('scrolls as little as needed to show a row', () => {
    expect(scrollToShow(5, 0, 400, 20)).toBeNull();
    expect(scrollToShow(30, 0, 400, 20)).toBe(620 - 400);
    expect(scrollToShow(2, 200, 400, 20)).toBe(40);
    expect(scrollToShow(-1, 0, 400, 20)).toBeNull();
    // With two rows of context around it when there is room.
    expect(scrollToShow(30, 0, 400, 20, 2)).toBe(660 - 400);
    expect(scrollToShow(1, 200, 400, 20, 2)).toBe(0);
    expect(scrollToShow(30, 0, 40, 20, 2)).toBe(620 - 40);
  });

  it('finds the cursor\'s row, or the row before it when it is filtered out', () => {
    expect(rowOf([2, 5, 9], 5)).toEqual({ row: 1, exact: true });
    expect(rowOf([2, 5, 9], 7)).toEqual({ row: 1, exact: false });
    expect(rowOf([2, 5, 9], 1)).toEqual({ row: -1, exact: false });
  });

  it('moves with the keys', () => {
    expect(keyTarget('ArrowDown', 3, 10, 5)).toBe(4);
    expect(keyTarget('ArrowUp', 0, 10, 5)).toBe(0);
    expect(keyTarget('ArrowUp', -1, 10, 5)).toBe(0);
    expect(keyTarget('PageDown', 3, 10, 5)).toBe(7);
    expect(keyTarget('End', 3, 10, 5)).toBe(9);
    expect(keyTarget('x', 3, 10, 5)).toBeNull();
    expect(keyTarget('ArrowDown', 3, 0, 5)).toBeNull();
  });
});

describe('PANE-EVENTS-3 the lane filter lists a bounded number of lanes', () => {
  const lane = (i: number, role: Lane['role']): Lane => ({
    key: `1:${i}`, pid: 1, tid: i, name: `Thread-${i}`, role, firstIndex: i * 10, lastIndex: i * 10, endIndex: null,
  });
  const lanes = [lane(0, 'main'), lane(1, 'loop'), ...Array.from({ length: 300 }, (_, i) => lane(i + 2, 'worker'))];

  it('a few lanes: all of them', () => {
    expect(laneChoices(lanes.slice(0, 5), null)).toEqual({ shown: lanes.slice(0, 5), hidden: 0 });
  });

  it('a flood: the server lanes, the chosen one and the newest, in drawing order; the rest counted', () => {
    const { shown, hidden } = laneChoices(lanes, '1:5', 10);
    expect(shown.map((l) => l.tid)).toEqual([0, 1, 5, 295, 296, 297, 298, 299, 300, 301]);
    expect(hidden).toBe(lanes.length - 10);
  });
});
