import { describe, expect, it } from 'vitest';
import { defineClass, type Ctor, type PyClass } from '../pyclass/pyclass.js';
import { OSError } from '../python/exceptions.js';
import { SO_REUSEADDR, SOL_SOCKET } from '../socket/constants.js';
import { Socket } from '../socket/socket.js';
import { CrashHandler, LineEchoHandler } from '../testing/handlers.js';
import { captureStderr, serveInThread, streamExchange, within } from '../testing/harness.js';
import { sleep, Thread } from '../threading/thread.js';
import { MemoryTracer } from '../trace/memory-tracer.js';
import type { TraceEvent } from '../trace/schema.js';
import { traced } from '../trace/traced.js';
import { BaseRequestHandler } from './handlers.js';
import { TCPServer } from './tcp-server.js';
import type { ServerArgs } from './types.js';

const LOOPBACK = ['127.0.0.1', 0] as const;
const calls = (events: TraceEvent[], method: string): TraceEvent[] =>
  events.filter((e) => e.kind === 'call' && e.method === method);

describe('SRV-SERVE-1 serve_forever: select, stop if asked, one request, service_actions', () => {
  it('each iteration handles at most one request and always runs service_actions', async () => {
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const server = await TCPServer.create(LOOPBACK, LineEchoHandler);
      const serving = serveInThread(server, 0.02);
      await Promise.all(['a\n', 'b\n', 'c\n'].map((t) => streamExchange(server.server_address, t)));
      await sleep(0.1);
      await serving.stop();
    });
    // Split the loop's events into iterations at each select_wait.
    const loop = tracer.events.filter((e) => e.thread === 'serve_forever');
    const iterations: TraceEvent[][] = [];
    for (const e of loop) {
      if (e.kind === 'select_wait') iterations.push([]);
      else iterations.at(-1)?.push(e);
    }
    expect(iterations.length).toBeGreaterThan(3);
    const handled = iterations.map((it) => calls(it, '_handle_request_noblock').length);
    expect(Math.max(...handled)).toBe(1);
    expect(handled.reduce((a, b) => a + b, 0)).toBe(3);
    // Every iteration but the last (left by shutdown) ends with service_actions.
    for (const it of iterations.slice(0, -1)) expect(calls(it, 'service_actions')).toHaveLength(1);
  });

  it('a shutdown requested while select waits stops the loop before it handles the ready request', async () => {
    const tracer = new MemoryTracer();
    let handled = 0;
    await traced(tracer, async () => {
      const Counting = defineClass<TCPServer, ServerArgs>('Counting', [TCPServer], {
        body: (Base: Ctor<TCPServer>) =>
          class extends Base {
            override async verify_request(): Promise<boolean> {
              handled++;
              return true;
            }
          },
      });
      const server = await Counting.create(LOOPBACK, LineEchoHandler);
      const loop = server.serve_forever(0.5);
      await sleep(0.05); // the loop now waits in select
      const stopped = server.shutdown();
      const client = new Socket();
      await client.connect(server.server_address); // makes select ready
      await stopped;
      await loop;
      client.close();
      await server.server_close();
    });
    expect(handled).toBe(0);
    expect(calls(tracer.events, 'service_actions')).toHaveLength(0);
  });
});

describe('SRV-SHUTDOWN-1 shutdown() resolves only after the loop has exited', () => {
  it('after shutdown resolves the loop runs no more iterations', async () => {
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const server = await TCPServer.create(LOOPBACK, LineEchoHandler);
      const thread = new Thread({ target: () => server.serve_forever(0.01), targetName: 'serve_forever' });
      thread.start();
      await sleep(0.05);
      await server.shutdown();
      const waitsAtShutdown = tracer.events.filter((e) => e.kind === 'select_wait').length;
      expect(server._BaseServer__is_shut_down.is_set()).toBe(true);
      await sleep(0.1);
      expect(tracer.events.filter((e) => e.kind === 'select_wait')).toHaveLength(waitsAtShutdown);
      expect(thread.is_alive()).toBe(false);
      await server.server_close();
    });
    const ends = tracer.events.filter((e) => e.kind === 'return');
    expect(ends.map((e) => 'method' in e && e.method)).toContain('serve_forever');
  });
});

describe('SRV-SHUTDOWN-2 shutdown() from a handler of a synchronous server deadlocks, as in CPython', () => {
  it('the shutdown awaited inside the handler never resolves', async () => {
    let inHandler: Promise<void> | undefined;
    class ShutdownFromHandler extends BaseRequestHandler {
      override async handle(): Promise<void> {
        inHandler = (this.server as TCPServer).shutdown();
        await inHandler;
      }
    }
    const server = await TCPServer.create(LOOPBACK, ShutdownFromHandler);
    const loop = server.serve_forever(0.01);
    const client = new Socket();
    await client.connect(server.server_address);
    await sleep(0.2);
    expect(inHandler).toBeDefined();
    // The loop is inside the handler, so it can never reach the end that shutdown waits for.
    expect(await within(inHandler as Promise<void>, 0.5)).toBe('timeout');
    expect(await within(loop, 0.1)).toBe('timeout');
    client.close();
    await server.server_close();
  });
});

describe('SRV-HANDLE-1 handle_request honours timeouts and calls handle_timeout', () => {
  const withTimeoutCounter = (): PyClass<TCPServer & { timeouts: number }, ServerArgs> =>
    defineClass('TimeoutCounting', [TCPServer], {
      body: (Base: Ctor<TCPServer>) =>
        class extends Base {
          timeouts = 0;
          override async handle_timeout(): Promise<void> {
            this.timeouts++;
          }
        },
    });

  it('returns after `timeout` seconds with nothing to do, calling handle_timeout', async () => {
    const server = await withTimeoutCounter().create(LOOPBACK, LineEchoHandler);
    server.timeout = 0.15;
    const start = performance.now();
    await server.handle_request();
    const elapsed = (performance.now() - start) / 1000;
    expect(server.timeouts).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(0.14);
    expect(elapsed).toBeLessThan(2);
    await server.server_close();
  });

  it('uses the smaller of the socket timeout and `timeout`', async () => {
    const server = await withTimeoutCounter().create(LOOPBACK, LineEchoHandler);
    server.timeout = 30;
    server.socket.settimeout(0.1);
    const start = performance.now();
    await server.handle_request();
    expect((performance.now() - start) / 1000).toBeLessThan(5);
    expect(server.timeouts).toBe(1);
    await server.server_close();
  });

  it('handles exactly one request when one arrives', async () => {
    const server = await withTimeoutCounter().create(LOOPBACK, LineEchoHandler);
    server.timeout = 5;
    const reply = streamExchange(server.server_address, 'once\n');
    await server.handle_request();
    expect(await reply).toBe('once\n');
    expect(server.timeouts).toBe(0);
    await server.server_close();
  });
});

describe('SRV-VERIFY-1 a request that verify_request refuses is shut down unhandled', () => {
  it('the handler never runs and the client sees the connection closed', async () => {
    let handled = false;
    class Never extends BaseRequestHandler {
      override async handle(): Promise<void> {
        handled = true;
      }
    }
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const RejectAll = defineClass<TCPServer, ServerArgs>('RejectAll', [TCPServer], {
        body: (Base: Ctor<TCPServer>) =>
          class extends Base {
            override async verify_request(): Promise<boolean> {
              return false;
            }
          },
      });
      const server = await RejectAll.create(LOOPBACK, Never);
      const serving = serveInThread(server);
      expect(await streamExchange(server.server_address, 'hello\n')).toBe('');
      await serving.stop();
    });
    expect(handled).toBe(false);
    expect(calls(tracer.events, 'shutdown_request')).toHaveLength(1);
    expect(calls(tracer.events, 'process_request')).toHaveLength(0);
  });
});

describe('SRV-ERROR-1 an exception in the handler goes to handle_error and the loop goes on', () => {
  it('prints a Python-style traceback, shuts the request down once, serves the next client', async () => {
    const stderr = captureStderr();
    const tracer = new MemoryTracer();
    let port = 0;
    await traced(tracer, async () => {
      const server = await TCPServer.create(LOOPBACK, CrashHandler);
      port = (server.server_address as [string, number])[1];
      const serving = serveInThread(server);
      expect(await streamExchange(server.server_address, 'crash now')).toBe('');
      expect(await streamExchange(server.server_address, 'still there')).toBe('still there');
      await serving.stop();
    });
    stderr.restore();
    const text = stderr.text();
    expect(text).toMatch(/^-{40}\nException occurred during processing of request from \('127\.0\.0\.1', \d+\)\n/);
    expect(text).toContain('Traceback (most recent call last):\n');
    expect(text).toMatch(/File ".*handlers\.ts", line \d+, in handle\n/);
    expect(text).toContain('ValueError: bad payload crash now\n');
    expect(text.trimEnd().endsWith('-'.repeat(40))).toBe(true);
    expect(port).toBeGreaterThan(0);
    expect(calls(tracer.events, 'handle_error')).toHaveLength(1);
    expect(calls(tracer.events, 'shutdown_request')).toHaveLength(2);
    // The stderr text is part of the trace too.
    expect(tracer.events.some((e) => e.kind === 'stderr' && e.text.includes('ValueError'))).toBe(true);
  });
});

describe('SRV-BIND-1 server_bind records the address really bound', () => {
  it('port 0 becomes the real port', async () => {
    const server = await TCPServer.create(LOOPBACK, LineEchoHandler);
    const [host, port] = server.server_address as [string, number];
    expect(host).toBe('127.0.0.1');
    expect(port).toBeGreaterThan(0);
    expect(server.server_address).toEqual(server.socket.getsockname());
    await server.server_close();
  });

  it('bind_and_activate=false leaves the socket unbound until server_bind and server_activate', async () => {
    const server = await TCPServer.create(LOOPBACK, LineEchoHandler, false);
    expect(server.server_address).toEqual(['127.0.0.1', 0]);
    expect(server.socket.fileno()).toBe(-1);
    await server.server_bind();
    await server.server_activate();
    expect(server.socket.fileno()).toBeGreaterThan(2);
    expect((server.server_address as [string, number])[1]).toBeGreaterThan(0);
    const client = new Socket();
    await client.connect(server.server_address);
    expect(client.getpeername()).toEqual(server.server_address);
    client.close();
    await server.server_close();
  });
});

describe('SRV-BIND-2 a failed bind closes the socket and re-raises', () => {
  it('EADDRINUSE surfaces as OSError 98 after server_close', async () => {
    const first = await TCPServer.create(LOOPBACK, LineEchoHandler);
    let closed: Socket | undefined;
    const Recording = defineClass<TCPServer, ServerArgs>('Recording', [TCPServer], {
      body: (Base: Ctor<TCPServer>) =>
        class extends Base {
          override async server_close(): Promise<void> {
            closed = this.socket;
            await super.server_close();
          }
        },
    });
    const failure = Recording.create(first.server_address, LineEchoHandler);
    await expect(failure).rejects.toBeInstanceOf(OSError);
    await expect(failure).rejects.toMatchObject({ errno: 98, strerror: 'Address already in use' });
    expect(closed?.fileno()).toBe(-1);
    await first.server_close();
  });
});

describe('SRV-BIND-3 reuse options and the listen backlog', () => {
  it('request_queue_size is the backlog, and allow_reuse_address sets SO_REUSEADDR before bind', async () => {
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const Tuned = defineClass<TCPServer, ServerArgs>('Tuned', [TCPServer], {
        attrs: { request_queue_size: 17, allow_reuse_address: true },
      });
      const server = await Tuned.create(LOOPBACK, LineEchoHandler);
      expect(server.socket.getsockopt(SOL_SOCKET, SO_REUSEADDR)).toBe(1);
      await server.server_close();
    });
    expect(tracer.events.find((e) => e.kind === 'listen')).toMatchObject({ backlog: 17 });
    expect(tracer.events.some((e) => e.kind === 'node_difference')).toBe(false);
  });

  it('says in the trace that libuv set SO_REUSEADDR when CPython would not have', async () => {
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const server = await TCPServer.create(LOOPBACK, LineEchoHandler);
      await server.server_close();
    });
    expect(tracer.events.find((e) => e.kind === 'listen')).toMatchObject({ backlog: 5 });
    expect(tracer.events.find((e) => e.kind === 'node_difference')).toMatchObject({ rule: 'NODE-REUSEADDR' });
  });

  it('says in the trace that Node 20 cannot set SO_REUSEPORT', async () => {
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const Reuse = defineClass<TCPServer, ServerArgs>('Reuse', [TCPServer], { attrs: { allow_reuse_port: true } });
      const server = await Reuse.create(LOOPBACK, LineEchoHandler);
      await server.server_close();
    });
    const rules = tracer.events.flatMap((e) => (e.kind === 'node_difference' ? [e.rule] : []));
    expect(rules).toContain('NODE-REUSEPORT');
  });
});

describe('SRV-CLOSE-1 server_close closes the listening socket', () => {
  it('new connections are refused afterwards', async () => {
    const server = await TCPServer.create(LOOPBACK, LineEchoHandler);
    const address = server.server_address;
    await server.server_close();
    expect(server.socket.fileno()).toBe(-1);
    await expect(new Socket().connect(address)).rejects.toMatchObject({ name: 'ConnectionRefusedError', errno: 111 });
  });

  it('`with`-style use: __exit__ closes the server', async () => {
    const server = await TCPServer.create(LOOPBACK, LineEchoHandler);
    expect(server.__enter__()).toBe(server);
    await server.__exit__();
    expect(server.socket.fileno()).toBe(-1);
  });
});
