import { describe, expect, it } from 'vitest';
import { defineClass } from '../pyclass/pyclass.js';
import { SlowEchoHandler } from '../testing/handlers.js';
import { eventually, serveInThread, streamExchange } from '../testing/harness.js';
import { MemoryTracer } from '../trace/memory-tracer.js';
import type { TraceEvent } from '../trace/schema.js';
import { traced } from '../trace/traced.js';
import { ThreadingTCPServer, type ThreadingStreamServer } from './classes.js';
import { _NoThreads, _Threads } from './threads.js';
import type { ServerArgs, ServerClass } from './types.js';

const LOOPBACK = ['127.0.0.1', 0] as const;

function variant(attrs: Record<string, unknown>): ServerClass<ThreadingStreamServer> {
  return defineClass<ThreadingStreamServer, ServerArgs>('Variant', [ThreadingTCPServer], { attrs });
}

describe('THR-1 each request runs in a new logical thread', () => {
  it('three slow clients are served at once, each by its own Thread-N (process_request_thread)', async () => {
    const tracer = new MemoryTracer();
    let elapsed = 0;
    await traced(tracer, async () => {
      const server = await ThreadingTCPServer.create(LOOPBACK, SlowEchoHandler);
      const serving = serveInThread(server);
      const start = performance.now();
      const replies = await Promise.all(['0.3\n', '0.3\n', '0.3\n'].map((t) => streamExchange(server.server_address, t)));
      elapsed = (performance.now() - start) / 1000;
      expect(replies).toEqual(['0.3\n', '0.3\n', '0.3\n']);
      await serving.stop();
    });
    // Concurrent: well under the 0.9 s that one after the other would take.
    expect(elapsed).toBeLessThan(0.85);
    const spawns = tracer.events.filter((e): e is Extract<TraceEvent, { kind: 'thread_spawn' }> => e.kind === 'thread_spawn');
    const workers = spawns.filter((e) => e.child_name.endsWith('(process_request_thread)'));
    expect(workers).toHaveLength(3);
    expect(new Set(workers.map((w) => w.child_tid)).size).toBe(3);
    for (const w of workers) expect(w.child_name).toMatch(/^Thread-\d+ \(process_request_thread\)$/);
    for (const w of workers) expect(w.daemon).toBe(false);
    // Each worker's lane starts with its start and runs process_request_thread.
    for (const w of workers) {
      const lane = tracer.events.filter((e) => e.tid === w.child_tid);
      expect(lane[0]?.kind).toBe('thread_start');
      expect(lane[1]).toMatchObject({ kind: 'call', cls: 'ThreadingMixIn', method: 'process_request_thread' });
      expect(lane.at(-1)?.kind).toBe('thread_exit');
    }
  });
});

describe('THR-2 _threads: non-daemon threads kept, reaped on append, joined by server_close', () => {
  it('block_on_close makes an own _Threads; server_close waits for the running handler', async () => {
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const server = await ThreadingTCPServer.create(LOOPBACK, SlowEchoHandler);
      const serving = serveInThread(server);
      expect(Object.hasOwn(server, '_threads')).toBe(false);
      const reply = streamExchange(server.server_address, '0.4\n');
      expect(await eventually(() => server._threads instanceof _Threads && server._threads.length === 1)).toBe(true);
      await server.shutdown();
      await server.server_close(); // joins the worker
      await serving.thread.join();
      expect((server._threads as _Threads).length).toBe(0);
      expect(await reply).toBe('0.4\n');
    });
    const worker = tracer.events.find((e) => e.kind === 'thread_spawn' && e.child_name.includes('process_request'));
    const workerExit = tracer.events.find((e) => e.kind === 'thread_exit' && e.tid === (worker as { child_tid: number }).child_tid);
    const closeDone = tracer.events.find((e) => e.kind === 'return' && e.cls === 'ThreadingMixIn' && e.method === 'server_close');
    const join = tracer.events.find((e) => e.kind === 'thread_join');
    expect(workerExit && closeDone && workerExit.seq < closeDone.seq).toBe(true);
    expect(join).toMatchObject({ joined_name: (worker as { child_name: string }).child_name });
  });

  it('finished threads are reaped when the next one is appended', async () => {
    const server = await ThreadingTCPServer.create(LOOPBACK, SlowEchoHandler);
    const serving = serveInThread(server);
    await streamExchange(server.server_address, '0.01\n');
    await streamExchange(server.server_address, '0.01\n');
    // The first thread was dead when the second was appended, so only the second is kept.
    expect((server._threads as _Threads).length).toBe(1);
    await serving.stop();
  });

  it('daemon_threads: request threads are daemons and are not kept', async () => {
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const server = await variant({ daemon_threads: true }).create(LOOPBACK, SlowEchoHandler);
      const serving = serveInThread(server);
      await streamExchange(server.server_address, '0.01\n');
      expect((server._threads as _Threads).length).toBe(0);
      await serving.stop();
    });
    const worker = tracer.events.find((e) => e.kind === 'thread_spawn' && e.child_name.includes('process_request'));
    expect(worker).toMatchObject({ daemon: true });
  });
});

describe('THR-3 block_on_close=False: server_close does not wait', () => {
  it('_threads stays the shared _NoThreads and server_close returns while the handler runs', async () => {
    const server = await variant({ block_on_close: false }).create(LOOPBACK, SlowEchoHandler);
    const serving = serveInThread(server);
    const reply = streamExchange(server.server_address, '0.5\n');
    await eventually(() => false, 0.1);
    expect(server._threads).toBeInstanceOf(_NoThreads);
    const start = performance.now();
    await serving.stop();
    expect((performance.now() - start) / 1000).toBeLessThan(0.4);
    expect(await reply).toBe('0.5\n'); // the handler still finishes on its own
  });
});
