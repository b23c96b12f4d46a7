/**
 * Records every fixture scenario through the real `sockscope record` command, then checks
 * each file three ways: `validate` accepts it, `export-chrome` turns it into valid Chrome
 * trace JSON, and its events show the scenario's lesson.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceEvent, TraceFile } from '@sockscope/core';
import { checkChromeTrace } from '../export/chrome-check.js';
import type { ChromeTrace } from '../export/chrome-format.js';
import { readTraceFile } from '../recording/trace-reader.js';
import { captureCliOutput, type Captured } from './capture.fixture.js';
import { exportChromeCommand } from './export-chrome.js';
import { recordCommand } from './record.js';
import { validateCommand } from './validate.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');
const FIXTURES = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')).sort();
const recorded = new Map<string, { status: number; file: TraceFile | null; path: string }>();
let dir: string;
let io: Captured;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sockscope-record-'));
  io = captureCliOutput();
  for (const fixture of FIXTURES) {
    const path = join(dir, fixture.replace(/\.json$/, '.jsonl'));
    const status = await recordCommand([join(SCENARIOS, fixture), '--out', path]);
    const read = await readTraceFile(path);
    recorded.set(fixture, { status, path, file: read.ok ? read.file : null });
  }
}, 120_000);

afterAll(() => {
  io.restore();
  rmSync(dir, { recursive: true, force: true });
});

const eventsOf = (fixture: string): readonly TraceEvent[] => recorded.get(fixture)?.file?.events ?? [];
const replies = (events: readonly TraceEvent[]): number =>
  events.filter((e) => e.kind === 'recv' && e.thread.startsWith('client-') && e.nbytes > 0).length;
const calls = (events: readonly TraceEvent[], method: string): TraceEvent[] =>
  events.filter((e) => e.kind === 'call' && e.method === method);

describe('CLI-RECORD-1 the CLI records every fixture scenario; validate and export-chrome accept each file', () => {
  it('there is a fixture for every public server class and the special cases', () => {
    expect(FIXTURES).toHaveLength(32);
  });

  it.each(FIXTURES)('%s', async (fixture) => {
    const run = recorded.get(fixture);
    expect(run?.status).toBe(0);
    expect(run?.file?.header.scenario).not.toBeNull();
    expect(await validateCommand([run?.path ?? ''])).toBe(0);
    const chromePath = `${run?.path ?? ''}.chrome.json`;
    expect(await exportChromeCommand([run?.path ?? '', '--out', chromePath])).toBe(0);
    const chrome = JSON.parse(readFileSync(chromePath, 'utf8')) as ChromeTrace;
    expect(checkChromeTrace(chrome)).toEqual([]);
    expect(chrome.traceEvents.length).toBeGreaterThan(50);
  });
});

describe('SCN-1 each server class\'s scenario answers its three clients', () => {
  it.each(FIXTURES.filter((f) => f.endsWith('Server.json')))('%s', (fixture) => {
    const events = eventsOf(fixture);
    expect(replies(events)).toBe(3);
    if (fixture.startsWith('Forking')) expect(events.filter((e) => e.kind === 'fork')).toHaveLength(3);
    if (fixture.startsWith('Threading')) {
      const workers = events.filter((e) => e.kind === 'thread_spawn' && e.child_name.endsWith('(process_request_thread)'));
      expect(workers).toHaveLength(3);
    }
  });
});

describe('SCN-2 the special scenarios show their lesson', () => {
  it('bad-base-order: BaseServer.process_request runs and no worker thread starts', () => {
    const events = eventsOf('bad-base-order.json');
    expect(recorded.get('bad-base-order.json')?.file?.header.mro).toEqual(['Bad', 'TCPServer', 'BaseServer', 'ThreadingMixIn', 'object']);
    expect(calls(events, 'process_request').every((e) => e.kind === 'call' && e.cls === 'BaseServer')).toBe(true);
    expect(events.some((e) => e.kind === 'thread_spawn' && e.child_name.includes('process_request'))).toBe(false);
    expect(replies(events)).toBe(3);
  });

  it('crash-handler: one traceback, and the next client is still served', () => {
    const events = eventsOf('crash-handler.json');
    expect(calls(events, 'handle_error')).toHaveLength(1);
    expect(events.some((e) => e.kind === 'stderr' && e.text.includes('ValueError'))).toBe(true);
    expect(replies(events)).toBe(2);
  });

  it('handle-request-timeout: one request handled, then handle_timeout twice', () => {
    const events = eventsOf('handle-request-timeout.json');
    expect(calls(events, 'handle_request')).toHaveLength(3);
    expect(calls(events, 'handle_timeout')).toHaveLength(2);
    expect(replies(events)).toBe(1);
  });

  it('reject-all: RejectAll.verify_request refuses and the handler never runs', () => {
    const events = eventsOf('reject-all.json');
    expect(calls(events, 'verify_request')[0]).toMatchObject({ cls: 'RejectAll' });
    expect(calls(events, 'handle')).toHaveLength(0);
    expect(replies(events)).toBe(0);
  });

  it('crash-sync: the loop itself handles the error (no worker) and serves the next client', () => {
    const events = eventsOf('crash-sync.json');
    const [handleError] = calls(events, 'handle_error');
    expect(handleError?.thread).toBe(calls(events, 'serve_forever')[0]?.thread);
    expect(events.some((e) => e.kind === 'exception' && e.method === 'process_request' && e.cls === 'BaseServer')).toBe(true);
    expect(replies(events)).toBe(1);
  });

  it("crash-udp: the crashing datagram's client gets the empty datagram finish sends; the next is echoed", () => {
    const events = eventsOf('crash-udp.json');
    expect(calls(events, 'handle_error')).toHaveLength(1);
    const received = events.flatMap((e) => (e.kind === 'recv' && e.thread.startsWith('client-') ? [`${e.thread} ${e.preview}`] : []));
    expect(received.sort()).toEqual(["client-1 b''", "client-2 b'datagram ok'"]);
  });

  it('daemon-threads: daemon workers are not kept, so server_close joins none', () => {
    const events = eventsOf('daemon-threads.json');
    const workers = events.filter((e) => e.kind === 'thread_spawn' && e.child_name.endsWith('(process_request_thread)'));
    expect(workers.map((e) => e.kind === 'thread_spawn' && e.daemon)).toEqual([true, true]);
    expect(events.some((e) => e.kind === 'thread_join' && e.joined_name.endsWith('(process_request_thread)'))).toBe(false);
    expect(replies(events)).toBe(2);
  });

  it('no-block-on-close: _NoThreads.append and _NoThreads.join do nothing', () => {
    const events = eventsOf('no-block-on-close.json');
    expect(calls(events, 'append').every((e) => e.kind === 'call' && e.cls === '_NoThreads')).toBe(true);
    expect(calls(events, 'join')).toMatchObject([{ cls: '_NoThreads' }]);
    expect(replies(events)).toBe(2);
  });

  it('max-children: with max_children 1 each child is reaped before the next fork', () => {
    const events = eventsOf('max-children.json');
    const order = events.flatMap((e) => (e.kind === 'fork' ? ['fork'] : e.kind === 'reap' ? ['reap'] : []));
    expect(order).toEqual(['fork', 'reap', 'fork', 'reap', 'fork', 'reap']);
    expect(replies(events)).toBe(3);
  });

  it('stream-echo: each client gets both lines back, then the end of the stream', () => {
    const events = eventsOf('stream-echo.json');
    const received = events.flatMap((e) => (e.kind === 'recv' && e.thread === 'client-2' ? [e.preview] : []));
    expect(received).toEqual(["b'line 1 from client 2\\n'", "b'line 2 from client 2\\n'", "b''"]);
    expect(replies(events)).toBe(4);
  });

  it('verify-reject-udp: the datagram is read, refused and dropped; no reply', () => {
    const events = eventsOf('verify-reject-udp.json');
    expect(calls(events, 'verify_request')[0]).toMatchObject({ cls: 'RejectAll' });
    expect(calls(events, 'get_request')).toHaveLength(1);
    expect(calls(events, 'handle')).toHaveLength(0);
    expect(events.some((e) => e.kind === 'recv' && e.thread.startsWith('client-'))).toBe(false);
  });
});

describe('CLI-RECORD-2 bad input is refused with a clear message', () => {
  it('no scenario, a missing file, and an existing output', async () => {
    expect(await recordCommand([])).toBe(2);
    expect(await recordCommand([join(dir, 'missing.json')])).toBe(1);
    const existing = recorded.get('TCPServer.json')?.path ?? '';
    expect(await recordCommand([join(SCENARIOS, 'TCPServer.json'), '--out', existing])).toBe(1);
    expect(io.stderr()).toContain('exists (use --force to replace it)');
  });
});
