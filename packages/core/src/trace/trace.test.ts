import { describe, expect, it } from 'vitest';
import { Socket } from '../socket/socket.js';
import { ThreadingTCPServer } from '../socketserver/classes.js';
import { TCPServer } from '../socketserver/tcp-server.js';
import { LineEchoHandler } from '../testing/handlers.js';
import { serveInThread, streamExchange, tracedLab, within } from '../testing/harness.js';
import { sleep } from '../threading/thread.js';
import { MemoryTracer } from './memory-tracer.js';
import type { TraceEvent } from './schema.js';
import type { Tracer } from './session.js';
import { traced } from './traced.js';
import { TRACE_EVENT_KINDS, validateEvent } from './validate.js';

const LOOPBACK = ['127.0.0.1', 0] as const;

function threadedRun(): Promise<TraceEvent[]> {
  return tracedLab(ThreadingTCPServer, LOOPBACK, LineEchoHandler, async (server) => {
    await streamExchange(server.server_address, 'hi\n');
  });
}

describe('TRACE-2 every call has a call event and a return or exception event', () => {
  it('calls and ends pair up by span, name the implementing class, and nest by parent span', async () => {
    const events = await threadedRun();
    const calls = events.filter((e) => e.kind === 'call');
    for (const call of calls) {
      const ends = events.filter((e) => (e.kind === 'return' || e.kind === 'exception') && e.span === call.span);
      expect(ends, `${call.cls}.${call.method}`).toHaveLength(1);
      expect(ends[0]).toMatchObject({ cls: call.cls, method: call.method, tid: call.tid });
      expect((ends[0] as TraceEvent).seq).toBeGreaterThan(call.seq);
    }
    const named = calls.map((c) => c.kind === 'call' && `${c.cls}.${c.method} on ${c.self_cls}`);
    expect(named).toContain('BaseServer.serve_forever on ThreadingTCPServer');
    expect(named).toContain('ThreadingMixIn.process_request on ThreadingTCPServer');
    expect(named).toContain('TCPServer.get_request on ThreadingTCPServer');
    expect(named).toContain('StreamRequestHandler.setup on LineEchoHandler');
    expect(named).toContain('LineEchoHandler.handle on LineEchoHandler');
    // ThreadingMixIn.server_close calls TCPServer.server_close through super: nested spans.
    const outer = calls.find((c) => c.kind === 'call' && c.cls === 'ThreadingMixIn' && c.method === 'server_close');
    const inner = calls.find((c) => c.kind === 'call' && c.cls === 'TCPServer' && c.method === 'server_close');
    expect(inner?.parent_span).toBe(outer?.span);
  });

  it('an exception ends the call with an exception event naming the Python type', async () => {
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const first = await TCPServer.create(LOOPBACK, LineEchoHandler);
      await expect(TCPServer.create(first.server_address, LineEchoHandler)).rejects.toThrow();
      await first.server_close();
    });
    const failed = tracer.events.filter((e) => e.kind === 'exception');
    expect(failed.map((e) => e.kind === 'exception' && `${e.cls}.${e.method}: ${e.exc_type}`)).toEqual([
      'TCPServer.server_bind: OSError',
      'TCPServer.__init__: OSError',
    ]);
  });
});

describe('TRACE-3 the semantic moments of a request are events', () => {
  it('bind, listen, selector, accept, bytes, threads and close all appear, in a sensible order', async () => {
    const events = await threadedRun();
    const kinds = new Set(events.map((e) => e.kind));
    for (const kind of [
      'bind', 'listen', 'select_wait', 'select_ready', 'accept', 'connect', 'recv', 'send', 'socket_shutdown',
      'close', 'thread_spawn', 'thread_start', 'thread_exit', 'thread_join',
    ] as const) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    const first = (kind: string): number => events.find((e) => e.kind === kind)?.seq ?? -1;
    expect(first('bind')).toBeLessThan(first('listen'));
    expect(first('listen')).toBeLessThan(first('accept'));
    expect(first('accept')).toBeLessThan(first('recv'));
    const recv = events.find((e) => e.kind === 'recv' && e.thread.includes('process_request'));
    expect(recv).toMatchObject({ nbytes: 3, preview: "b'hi\\n'" });
  });

  it('every kind of event the schema has is checked by the validator', () => {
    expect(TRACE_EVENT_KINDS).toHaveLength(24);
    expect(validateEvent({ kind: 'accept', seq: 1 })).toEqual({ ok: false, error: 'accept event: field "t_ns" is missing' });
    expect(validateEvent({ kind: 'teleport' })).toMatchObject({ ok: false, error: 'unknown event kind "teleport"' });
  });
});

describe('TRACE-4 with no tracer attached nothing is recorded', () => {
  it('an untraced server running beside a traced one adds nothing to its trace', async () => {
    const tracer = new MemoryTracer();
    const untraced = await TCPServer.create(LOOPBACK, LineEchoHandler);
    const quiet = serveInThread(untraced);
    // Started outside the traced context, so this client is not part of the traced lab.
    const quietReply = streamExchange(untraced.server_address, 'quiet\n');
    await traced(tracer, async () => {
      const server = await TCPServer.create(LOOPBACK, LineEchoHandler);
      const serving = serveInThread(server);
      expect(await streamExchange(server.server_address, 'traced\n')).toBe('traced\n');
      expect(await quietReply).toBe('quiet\n');
      await serving.stop();
    });
    await quiet.stop();
    expect(tracer.events.filter((e) => e.kind === 'bind')).toHaveLength(1);
    expect(tracer.events.filter((e) => e.kind === 'accept')).toHaveLength(1);
    const previews = tracer.events.flatMap((e) => (e.kind === 'recv' || e.kind === 'send' ? [e.preview] : []));
    expect(previews.some((p) => p.includes('quiet'))).toBe(false);
  });
});

/** Holds the thread at the first event that matches, until `release()`. */
class HoldingTracer implements Tracer {
  readonly events: TraceEvent[] = [];
  #release: (() => void) | undefined;
  held: TraceEvent | undefined;

  constructor(private readonly matches: (e: TraceEvent) => boolean) {}

  emit(event: TraceEvent): void | Promise<void> {
    this.events.push(event);
    if (this.held || !this.matches(event)) return;
    this.held = event;
    return new Promise((resolve) => (this.#release = resolve));
  }

  release(): void {
    this.#release?.();
  }
}

describe('TRACE-5 a tracer can hold the server at an event', () => {
  it('held before process_request, the client gets no reply; released, it does', async () => {
    const tracer = new HoldingTracer((e) => e.kind === 'call' && e.method === 'process_request');
    await traced(tracer, async () => {
      const server = await TCPServer.create(LOOPBACK, LineEchoHandler);
      const serving = serveInThread(server);
      const client = new Socket();
      client.settimeout(5);
      await client.connect(server.server_address);
      await client.sendall(Buffer.from('wait for it\n'));
      const reply = client.recv(100);
      expect(await within(reply, 0.4)).toBe('timeout');
      expect(tracer.held).toMatchObject({ kind: 'call', cls: 'BaseServer', method: 'process_request' });
      const countWhileHeld = tracer.events.length;
      await sleep(0.1);
      expect(tracer.events.filter((e) => e.thread === 'serve_forever').length).toBe(
        tracer.events.slice(0, countWhileHeld).filter((e) => e.thread === 'serve_forever').length,
      );
      tracer.release();
      expect((await reply).toString()).toBe('wait for it\n');
      client.close();
      await serving.stop();
    });
  });
});
