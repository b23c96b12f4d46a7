import { describe, expect, it } from 'vitest';
import { LANGS, translator } from '../i18n/i18n.js';
import { exampleModel } from '../model/examples.fixture.js';
import { qualified } from '../model/spans.js';
import { TraceModel } from '../model/trace-model.js';
import { describeHit, pyAddress, summarize } from './describe.js';
import { layoutFromIndex } from './layout.js';
import { TimelineIndex } from './span-index.js';
import { TIMELINE_CATALOG } from './timeline-catalog.js';

const en = translator(TIMELINE_CATALOG, 'en');
const zh = translator(TIMELINE_CATALOG, 'zh-CN');

function rowFor(model: TraceModel, laneKey: string) {
  const index = new TimelineIndex();
  index.sync(model);
  const row = layoutFromIndex(model.orderedLanes(), index, { headerHeight: 20, rowHeight: 18, laneGap: 4 }).byLane.get(laneKey);
  if (!row) throw new Error('no row');
  return row;
}

describe('TL-TEXT-1 tooltips say what a span or marker is', () => {
  const model = exampleModel('ThreadingTCPServer');

  it('a span: Class.method, the class of self, the duration and the lane', () => {
    const span = model.spans.find((s) => qualified(s) === 'ThreadingMixIn.process_request');
    if (!span) throw new Error('no span');
    const tip = describeHit({ kind: 'span', span, row: rowFor(model, span.lane) }, model, en);
    expect(tip.title).toBe('ThreadingMixIn.process_request');
    expect(tip.rows).toContainEqual(['self', 'ThreadingTCPServer']);
    expect(tip.rows.find(([label]) => label === 'duration')?.[1]).toMatch(/^[\d.]+ (µs|ms)$/);
    expect(tip.rows).toContainEqual(['lane', 'Thread-1 (serve_forever)']);
    expect(tip.warning).toBe(false);
  });

  it('a recv marker: bytes and a preview of the data', () => {
    const marker = model.markers.find((m) => m.kind === 'recv');
    if (!marker) throw new Error('no recv');
    const tip = describeHit({ kind: 'marker', marker, row: rowFor(model, marker.lane) }, model, en);
    expect(tip.title).toMatch(/^recv \d+ bytes$/);
    expect(tip.rows.find(([label]) => label === 'data')?.[1]).toMatch(/^b'/);
    const tipZh = describeHit({ kind: 'marker', marker, row: rowFor(model, marker.lane) }, model, zh);
    expect(tipZh.title).toMatch(/字节/);
  });

  it('an accept marker shows the client address as Python prints it', () => {
    const marker = model.markers.find((m) => m.kind === 'accept');
    if (!marker) throw new Error('no accept');
    const tip = describeHit({ kind: 'marker', marker, row: rowFor(model, marker.lane) }, model, en);
    expect(tip.rows.find(([label]) => label === 'client address')?.[1]).toMatch(/^\('127\.0\.0\.1', \d+\)$/);
  });

  it('a call that raised is a warning with the exception', () => {
    const crash = exampleModel('crash-handler');
    const span = crash.spans.find((s) => s.exception !== null);
    if (!span) throw new Error('no exception span');
    const tip = describeHit({ kind: 'span', span, row: rowFor(crash, span.lane) }, crash, en);
    expect(tip.warning).toBe(true);
    expect(tip.title.startsWith('⚠ ')).toBe(true);
    expect(tip.rows.find(([label]) => label === 'raised')?.[1]).toBe(span.exception);
  });

  it('Python reprs of addresses', () => {
    expect(pyAddress(['127.0.0.1', 80])).toBe("('127.0.0.1', 80)");
    expect(pyAddress('/tmp/s')).toBe("'/tmp/s'");
    expect(pyAddress(null)).toBe('None');
  });
});

describe('TL-TEXT-2 the accessible summary and the catalog', () => {
  it('counts lanes by role, calls and duration', () => {
    const text = summarize(exampleModel('ThreadingTCPServer'), en);
    expect(text).toMatch(/^Timeline of 8 lanes \(main thread: 1, server loop: 1, worker thread: 3, client: 3\) and \d+ calls over [\d.]+ ms\.$/);
    expect(summarize(exampleModel('ForkingTCPServer'), zh)).toContain('子进程：3');
    expect(summarize(new TraceModel(), en)).toBe('Timeline: no events yet.');
  });

  it('every key is translated in every language', () => {
    const keys = Object.keys(TIMELINE_CATALOG.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(TIMELINE_CATALOG[lang]).sort()).toEqual(keys);
      for (const key of keys) expect((TIMELINE_CATALOG[lang] as Record<string, string>)[key]?.length).toBeGreaterThan(0);
    }
  });
});
