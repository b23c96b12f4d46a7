import type { TraceEvent } from '@sockscope/core/trace';
import { describe, expect, it } from 'vitest';
import { exampleFile } from '../model/examples.fixture.js';
import { toChromeTrace, type ChromeEvent } from './chrome-export.js';

/** Checks that B/E pair up per thread (E closes the innermost open B) and time never goes back. */
function checkSlices(events: readonly ChromeEvent[]): { slices: number } {
  const stacks = new Map<string, string[]>();
  const last = new Map<string, number>();
  let slices = 0;
  for (const e of events) {
    if (e.ph === 'M') continue;
    const key = `${e.pid}:${e.tid}`;
    const ts = e.ts ?? Number.NaN;
    expect(Number.isFinite(ts)).toBe(true);
    expect(ts).toBeGreaterThanOrEqual(last.get(key) ?? 0);
    last.set(key, ts);
    const stack = stacks.get(key) ?? [];
    stacks.set(key, stack);
    if (e.ph === 'B') stack.push(e.name);
    if (e.ph === 'E') {
      expect(stack.length, `an E without a B on ${key}`).toBeGreaterThan(0);
      expect(stack.pop()).toBe(e.name);
      slices++;
    }
  }
  for (const [key, stack] of stacks) expect(stack, `slices left open on ${key}`).toEqual([]);
  return { slices };
}

/** Checks that every flow start has exactly one finish with the same id. */
function checkFlows(events: readonly ChromeEvent[]): number {
  const starts = events.filter((e) => e.ph === 's').map((e) => e.id);
  const ends = events.filter((e) => e.ph === 'f').map((e) => e.id);
  expect([...starts].sort()).toEqual([...ends].sort());
  expect(new Set(starts).size).toBe(starts.length);
  return starts.length;
}

describe('WEB-CHROME-1 the browser export is valid Chrome Trace JSON whose slices pair up per thread', () => {
  it('a ThreadingTCPServer trace: a slice per call, spawn flows to the three workers', () => {
    const file = exampleFile('ThreadingTCPServer');
    const json = JSON.stringify(toChromeTrace(file.events, file.header));
    const trace = JSON.parse(json) as { traceEvents: ChromeEvent[]; displayTimeUnit: string };
    expect(trace.displayTimeUnit).toBe('ms');
    const calls = file.events.filter((e) => e.kind === 'call').length;
    expect(checkSlices(trace.traceEvents).slices).toBe(calls);
    expect(checkFlows(trace.traceEvents)).toBeGreaterThanOrEqual(6);
    const names = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args?.['name']);
    expect(names).toContain('MainThread');
    expect(trace.traceEvents.some((e) => e.ph === 'B' && e.name === 'ThreadingMixIn.process_request')).toBe(true);
    const accept = trace.traceEvents.find((e) => e.ph === 'i' && e.name === 'accept');
    expect(accept?.args).toHaveProperty('client_address');
  });

  it('a ForkingTCPServer trace: children are processes, joined by fork flows', () => {
    const file = exampleFile('ForkingTCPServer');
    const trace = JSON.parse(JSON.stringify(toChromeTrace(file.events, file.header))) as { traceEvents: ChromeEvent[] };
    checkSlices(trace.traceEvents);
    expect(checkFlows(trace.traceEvents)).toBeGreaterThanOrEqual(3);
    const processes = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'process_name');
    expect(processes.length).toBeGreaterThanOrEqual(4);
  });

  it('a live window cut anywhere still pairs: returns without calls become instants, open calls close', () => {
    const events = exampleFile('ThreadingTCPServer').events;
    for (const [from, to] of [[37, 200], [101, 102], [5, events.length - 30]] as const) {
      const window: TraceEvent[] = events.slice(from, to);
      const trace = JSON.parse(JSON.stringify(toChromeTrace(window))) as { traceEvents: ChromeEvent[] };
      checkSlices(trace.traceEvents);
      checkFlows(trace.traceEvents);
    }
  });

  it('an empty trace is an empty but valid export', () => {
    const trace = JSON.parse(JSON.stringify(toChromeTrace([]))) as { traceEvents: ChromeEvent[] };
    expect(trace.traceEvents).toEqual([]);
  });
});
