import { describe, expect, it } from 'vitest';
import { checkChromeTrace } from './chrome-check.js';
import type { ChromeTrace, ChromeTraceEvent } from './chrome-format.js';

const meta: ChromeTraceEvent[] = [
  { ph: 'M', name: 'process_name', pid: 1, tid: 0, args: { name: 'server' } },
  { ph: 'M', name: 'thread_name', pid: 1, tid: 1, args: { name: 'MainThread' } },
];
const trace = (events: ChromeTraceEvent[]): ChromeTrace => ({ traceEvents: [...meta, ...events], displayTimeUnit: 'ms', otherData: {} });
const slice = (ph: 'B' | 'E', name: string, ts: number): ChromeTraceEvent => ({ ph, name, cat: 'call', pid: 1, tid: 1, ts });

describe('CHROME-CHECK-1 the checker finds what would break the viewers', () => {
  it('accepts a well-formed trace', () => {
    expect(checkChromeTrace(trace([slice('B', 'a', 1), slice('B', 'b', 2), slice('E', 'b', 3), slice('E', 'a', 4)]))).toEqual([]);
  });

  it('crossed slices, unclosed slices, stray ends, equal times', () => {
    expect(checkChromeTrace(trace([slice('B', 'a', 1), slice('B', 'b', 2), slice('E', 'a', 3), slice('E', 'b', 4)]))).toEqual([
      'event 4 (E a on 1:1): E closes "a" but "b" is open',
      'event 5 (E b on 1:1): E closes "b" but "a" is open',
    ]);
    expect(checkChromeTrace(trace([slice('B', 'a', 1)]))).toEqual(['1:1: 1 slice(s) never end: a']);
    expect(checkChromeTrace(trace([slice('E', 'a', 1)]))).toEqual(['event 2 (E a on 1:1): E without a B']);
    expect(checkChromeTrace(trace([slice('B', 'a', 1), slice('E', 'a', 1)]))).toEqual(['event 3 (E a on 1:1): ts 1 is not after 1']);
  });

  it('unpaired flows, flows outside slices, missing names', () => {
    const s: ChromeTraceEvent = { ph: 's', id: 7, name: 'fork', cat: 'flow', pid: 1, tid: 1, ts: 2 };
    expect(checkChromeTrace(trace([slice('B', 'a', 1), s, slice('E', 'a', 3)]))).toEqual(['flow 7: expected one s then one f, got s']);
    expect(checkChromeTrace(trace([s]))).toEqual(['event 2 (s fork on 1:1): flow end outside any slice', 'flow 7: expected one s then one f, got s']);
    expect(checkChromeTrace({ traceEvents: [{ ph: 'i', s: 't', name: 'x', cat: 'c', pid: 9, tid: 9, ts: 1, args: {} }], displayTimeUnit: 'ms', otherData: {} })).toEqual([
      'pid 9 has no process_name',
      '9:9 has no thread_name',
    ]);
  });
});
