import { describe, expect, it } from 'vitest';
import { composeClass } from '../forking/class-ref.js';
import { CrashHandler, DatagramEchoHandler, PidHandler, SlowDatagramEchoHandler, SlowEchoHandler } from '../testing/handlers.js';
import { captureStderr, datagramExchange, eventually, serveInThread, streamExchange, tracedLab } from '../testing/harness.js';
import { MemoryTracer } from '../trace/memory-tracer.js';
import type { TraceEvent, TraceEventOf } from '../trace/schema.js';
import { traced } from '../trace/traced.js';
import { ForkingTCPServer, ForkingUDPServer, type ForkingStreamServer } from './classes.js';
import type { ServerClass } from './types.js';

const LOOPBACK = ['127.0.0.1', 0] as const;
const ofKind = <K extends TraceEvent['kind']>(events: TraceEvent[], kind: K): Array<TraceEventOf<K>> =>
  events.filter((e): e is TraceEventOf<K> => e.kind === kind);

describe('FORK-1 each request runs in a real child process that exits 0, or 1 after an exception', () => {
  it('two requests, two new pids, both reaped with status 0', async () => {
    const pids: number[] = [];
    const events = await tracedLab(ForkingTCPServer, LOOPBACK, PidHandler, async (server) => {
      for (let i = 0; i < 2; i++) pids.push(Number(await streamExchange(server.server_address, 'pid?')));
    });
    const tracer = { events };
    expect(pids.every((pid) => pid > 0 && pid !== process.pid)).toBe(true);
    expect(new Set(pids).size).toBe(2);
    expect(ofKind(tracer.events, 'fork').map((e) => e.child_pid)).toEqual(pids);
    expect(ofKind(tracer.events, 'child_exit').map((e) => [e.pid, e.status])).toEqual(pids.map((p) => [p, 0]));
    expect(ofKind(tracer.events, 'reap').map((e) => e.status)).toEqual([0, 0]);
  });

  it('a handler that raises: handle_error in the child (stderr reaches the parent) and status 1', async () => {
    const tracer = new MemoryTracer();
    const stderr = captureStderr();
    await traced(tracer, async () => {
      const server = await ForkingTCPServer.create(LOOPBACK, CrashHandler);
      const serving = serveInThread(server);
      expect(await streamExchange(server.server_address, 'crash please')).toBe('');
      await serving.stop();
    });
    stderr.restore();
    expect(stderr.text()).toContain('ValueError: bad payload crash please');
    const [exit] = ofKind(tracer.events, 'child_exit');
    expect(exit?.status).toBe(1);
    const errors = tracer.events.filter((e) => e.kind === 'call' && e.method === 'handle_error');
    expect(errors.map((e) => e.pid)).toEqual([exit?.pid]);
  });
});

describe('FORK-2 the parent closes its copy, tracks active_children, collect_children honours max_children', () => {
  it('the parent calls close_request, never shutdown_request', async () => {
    const events = await tracedLab(ForkingTCPServer, LOOPBACK, PidHandler, async (server) => {
      await streamExchange(server.server_address, 'x');
    });
    const tracer = { events };
    const parent = tracer.events.filter((e) => e.pid === process.pid && e.kind === 'call');
    const child = tracer.events.filter((e) => e.pid !== process.pid && e.kind === 'call');
    expect(parent.filter((e) => e.kind === 'call' && e.method === 'close_request')).toHaveLength(1);
    expect(parent.some((e) => e.kind === 'call' && e.method === 'shutdown_request')).toBe(false);
    expect(child.map((e) => e.kind === 'call' && e.method)).toEqual(
      expect.arrayContaining(['finish_request', 'shutdown_request', 'close_request']),
    );
  });

  it('with max_children = 1 the next fork waits until the running child is reaped', async () => {
    // Composed from bases and plain attributes, so the child can rebuild it.
    const Limited: ServerClass<ForkingStreamServer> = composeClass('Limited', [ForkingTCPServer], { max_children: 1 });
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const server = await Limited.create(LOOPBACK, SlowEchoHandler);
      const serving = serveInThread(server);
      const replies = await Promise.all([
        streamExchange(server.server_address, '0.3\n'),
        streamExchange(server.server_address, '0.01\n'),
      ]);
      expect(replies.sort()).toEqual(['0.01\n', '0.3\n']);
      expect(server.active_children?.size ?? 0).toBeLessThanOrEqual(1);
      await serving.stop();
      expect(server.active_children?.size).toBe(0);
    });
    const order = tracer.events.filter((e) => e.kind === 'fork' || e.kind === 'reap').map((e) => e.kind);
    expect(order).toEqual(['fork', 'reap', 'fork', 'reap']);
  });
});

describe('FORK-3 server_close waits for every child when block_on_close', () => {
  it('the slow child has answered and been reaped when server_close returns', async () => {
    const server = await ForkingTCPServer.create(LOOPBACK, SlowEchoHandler);
    const serving = serveInThread(server);
    let replied = false;
    const reply = streamExchange(server.server_address, '0.5\n').then((r) => ((replied = true), r));
    await new Promise((r) => setTimeout(r, 200)); // the child is running now
    await serving.stop();
    expect(server.active_children?.size).toBe(0);
    expect(await reply).toBe('0.5\n');
    expect(replied).toBe(true);
  });
});

describe('FORK-4 a child\'s events reach the parent\'s tracer, tagged with its pid', () => {
  it('the child continues inside the parent\'s process_request span', async () => {
    const events = await tracedLab(ForkingTCPServer, LOOPBACK, PidHandler, async (server) => {
      await streamExchange(server.server_address, 'x');
    });
    const tracer = { events };
    const processRequest = tracer.events.find((e) => e.kind === 'call' && e.method === 'process_request');
    const fork = ofKind(tracer.events, 'fork')[0];
    const start = ofKind(tracer.events, 'child_start')[0];
    expect(processRequest).toMatchObject({ cls: 'ForkingMixIn', pid: process.pid });
    expect(start).toMatchObject({ pid: fork?.child_pid, parent_pid: process.pid, span: processRequest?.span });
    const finish = tracer.events.find((e) => e.kind === 'call' && e.method === 'finish_request');
    expect(finish).toMatchObject({ pid: fork?.child_pid, parent_span: processRequest?.span });
    const seqs = tracer.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });
});

describe('FORK-5 a forked UDP child replies through the parent\'s socket', () => {
  it('the reply still goes out when the parent closed its socket first, as the child\'s fd copy would allow', async () => {
    const server = await ForkingUDPServer.create(LOOPBACK, SlowDatagramEchoHandler);
    const serving = serveInThread(server);
    const reply = datagramExchange(server.server_address, 'late reply');
    await eventually(() => (server.active_children?.size ?? 0) > 0);
    await serving.stop(); // server_close waits for the child, whose reply needs the socket
    expect(server.socket.fileno()).toBe(-1);
    expect(await reply).toBe('late reply');
  });

  it('the client gets the reply, and the trace says how it travelled', async () => {
    const events = await tracedLab(ForkingUDPServer, LOOPBACK, DatagramEchoHandler, async (server) => {
      expect(await datagramExchange(server.server_address, 'via parent')).toBe('via parent');
    });
    const tracer = { events };
    const note = ofKind(tracer.events, 'node_difference').find((e) => e.rule === 'NODE-FORK');
    expect(note?.pid).not.toBe(process.pid);
  });
});
