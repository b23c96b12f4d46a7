/**
 * Behaviours that CPython's own Lib/test/test_socketserver.py checks, ported (in our own
 * code) to the TypeScript core. Each test names the SPEC rule it belongs to.
 */
import { describe, expect, it } from 'vitest';
import { defineClass, type Ctor } from '../pyclass/pyclass.js';
import { OverflowError, SystemExit, ValueError } from '../python/exceptions.js';
import { Socket } from '../socket/socket.js';
import { SystemExitHandler } from '../testing/handlers.js';
import { captureStderr } from '../testing/harness.js';
import { MemoryTracer } from '../trace/memory-tracer.js';
import { traced } from '../trace/traced.js';
import { Thread } from '../threading/thread.js';
import { ForkingTCPServer, ThreadingTCPServer } from './classes.js';
import { BaseRequestHandler, StreamRequestHandler } from './handlers.js';
import { _SocketWriter, BufferedIOBase } from './socket-writer.js';
import { TCPServer } from './tcp-server.js';
import type { _Threads } from './threads.js';
import type { Request, ServerArgs, ServerClass } from './types.js';

const LOOPBACK = ['127.0.0.1', 0] as const;

async function connectAndClose(address: Parameters<Socket['connect']>[0]): Promise<void> {
  const s = new Socket();
  await s.connect(address);
  s.close();
}

describe('SRV-SHUTDOWN-1 shutdown() always makes the loop in another thread leave serve_forever', () => {
  it('twenty servers, each shut down right after its thread starts', async () => {
    const servers = await Promise.all(Array.from({ length: 20 }, () => TCPServer.create(LOOPBACK, StreamRequestHandler)));
    const threads = servers.map((s) => new Thread({ target: () => s.serve_forever(0.01), name: 'MyServer serving' }));
    for (const [i, t] of threads.entries()) {
      t.daemon = true;
      t.start();
      await servers[i]?.shutdown();
    }
    for (const [i, t] of threads.entries()) {
      await t.join();
      await servers[i]?.server_close();
      expect(t.is_alive()).toBe(false);
    }
  });
});

describe('SRV-CLOSE-1 closing at once, and the context manager', () => {
  it('a threading server closed before any request has nothing to join', async () => {
    const server = await ThreadingTCPServer.create(LOOPBACK, BaseRequestHandler);
    await server.server_close();
    expect(server.socket.fileno()).toBe(-1);
  });
});

describe('SRV-BIND-2 a bind that fails never leaks the socket', () => {
  it('port -1 raises OverflowError, a thousand times over, each socket closed', async () => {
    for (let i = 0; i < 1024; i++) {
      const attempt = TCPServer.create(['127.0.0.1', -1], StreamRequestHandler);
      await expect(attempt).rejects.toBeInstanceOf(OverflowError);
    }
    await expect(TCPServer.create(['127.0.0.1', -1], StreamRequestHandler)).rejects.toThrow('bind(): port must be 0-65535.');
  });
});

/** Logs what happened, as CPython's BaseErrorTestServer does, and raises what the test asks for. */
function errorTestServer(base: ServerClass<TCPServer>, raise: () => Error) {
  const log: string[] = [];
  class BadHandler extends BaseRequestHandler {
    override async handle(): Promise<void> {
      log.push('Handler called');
      throw raise();
    }
  }
  const cls: ServerClass<TCPServer> = defineClass<TCPServer, ServerArgs>('ErrorTestServer', [base], {
    body: (Base: Ctor<TCPServer>) =>
      class extends Base {
        override async handle_error(): Promise<void> {
          log.push('Error handled');
        }
      },
  });
  return { log, BadHandler, cls };
}

describe('SRV-ERROR-2 only Exceptions reach handle_error; SystemExit passes through', () => {
  it('synchronous: ValueError is handled', async () => {
    const { log, BadHandler, cls } = errorTestServer(TCPServer, () => new ValueError('Test error'));
    const server = await cls.create(LOOPBACK, BadHandler);
    await connectAndClose(server.server_address);
    await server.handle_request();
    await server.server_close();
    expect(log).toEqual(['Handler called', 'Error handled']);
  });

  it('synchronous: SystemExit leaves handle_request, after shutdown_request', async () => {
    const { log, BadHandler, cls } = errorTestServer(TCPServer, () => new SystemExit());
    const server = await cls.create(LOOPBACK, BadHandler);
    await connectAndClose(server.server_address);
    await expect(server.handle_request()).rejects.toBeInstanceOf(SystemExit);
    await server.server_close();
    expect(log).toEqual(['Handler called']);
  });

  it('threading: SystemExit ends the request thread silently, without handle_error', async () => {
    const { log, BadHandler, cls } = errorTestServer(ThreadingTCPServer, () => new SystemExit());
    const stderr = captureStderr();
    const server = await cls.create(LOOPBACK, BadHandler);
    await connectAndClose(server.server_address);
    await server.handle_request();
    await server.server_close(); // joins the thread
    stderr.restore();
    expect(log).toEqual(['Handler called']);
    expect(stderr.text()).toBe('');
  });

  it('threading: ValueError is handled in the request thread', async () => {
    const { log, BadHandler, cls } = errorTestServer(ThreadingTCPServer, () => new ValueError('Test error'));
    const server = await cls.create(LOOPBACK, BadHandler);
    await connectAndClose(server.server_address);
    await server.handle_request();
    await server.server_close();
    expect(log).toEqual(['Handler called', 'Error handled']);
  });

  it('forking: a handler raising SystemExit makes the child exit with status 1, unhandled', async () => {
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const server = await ForkingTCPServer.create(LOOPBACK, SystemExitHandler);
      await connectAndClose(server.server_address);
      await server.handle_request();
      await server.server_close(); // waits for the child
      expect(server.active_children?.size).toBe(0);
    });
    const child = tracer.events.filter((e) => e.pid !== process.pid);
    expect(child.some((e) => e.kind === 'call' && e.method === 'handle')).toBe(true);
    expect(child.some((e) => e.kind === 'call' && e.method === 'handle_error')).toBe(false);
    expect(tracer.events.find((e) => e.kind === 'child_exit')).toMatchObject({ status: 1 });
    expect(tracer.events.find((e) => e.kind === 'reap')).toMatchObject({ status: 1 });
  });
});

describe('HND-STREAM-1 the socket writer (CPython\'s SocketWriterTest)', () => {
  it('wfile is a BufferedIOBase with the request\'s fileno', async () => {
    const seen: { wfile?: unknown; wfileFd?: number; requestFd?: number } = {};
    class Handler extends StreamRequestHandler {
      override async handle(): Promise<void> {
        seen.wfile = this.wfile;
        seen.wfileFd = this.wfile.fileno();
        seen.requestFd = (this.request as Socket).fileno();
      }
    }
    const server = await TCPServer.create(LOOPBACK, Handler);
    await connectAndClose(server.server_address);
    await server.handle_request();
    await server.server_close();
    expect(seen.wfile).toBeInstanceOf(BufferedIOBase);
    expect(seen.wfile).toBeInstanceOf(_SocketWriter);
    expect(seen.wfileFd).toBe(seen.requestFd);
  });

  it('write() sends at once, and a large write is sent whole', async () => {
    const BIG = 4 * 1024 * 1024;
    const result: { sent1?: number; received?: string; sent2?: number } = {};
    class Handler extends StreamRequestHandler {
      override async handle(): Promise<void> {
        result.sent1 = await this.wfile.write(Buffer.from('write data\n'));
        result.received = (await this.rfile.readline()).toString();
        result.sent2 = await this.wfile.write(Buffer.alloc(BIG));
      }
    }
    const server = await TCPServer.create(LOOPBACK, Handler);
    const client = async (): Promise<{ response1: string; received2: number }> => {
      const s = new Socket();
      s.settimeout(10);
      await s.connect(server.server_address);
      const reader = s.makefile('rb') as Awaited<ReturnType<Socket['makefile']>> & { readline(): Promise<Buffer>; read(n?: number): Promise<Buffer> };
      const response1 = (await reader.readline()).toString();
      await s.sendall(Buffer.from('client response\n'));
      await reader.read(100);
      const received2 = (await reader.read()).length;
      s.close();
      return { response1, received2 };
    };
    const [{ response1, received2 }] = await Promise.all([client(), server.handle_request()]);
    await server.server_close();
    expect(result.sent1).toBe(response1.length);
    expect(response1).toBe('write data\n');
    expect(result.received).toBe('client response\n');
    expect(result.sent2).toBe(BIG);
    expect(received2).toBe(BIG - 100);
  });
});

describe('THR-2 request threads are reaped, not kept for ever (bpo-37193)', () => {
  it('after ten requests fewer than ten threads are kept', async () => {
    const server = await ThreadingTCPServer.create(LOOPBACK, StreamRequestHandler);
    for (let n = 0; n < 10; n++) {
      const s = new Socket();
      await s.connect(server.server_address);
      await server.handle_request();
      s.close();
    }
    expect((server._threads as _Threads).length).toBeLessThan(10);
    await server.server_close();
  });
});

describe('SRV-VERIFY-1 shutdown_request is called even when verify_request refuses (bpo-26309)', () => {
  it('exactly once', async () => {
    let shutdownCalled = 0;
    const MyServer = defineClass<TCPServer, ServerArgs>('MyServer', [TCPServer], {
      body: (Base: Ctor<TCPServer>) =>
        class extends Base {
          override async verify_request(): Promise<boolean> {
            return false;
          }
          override async shutdown_request(request: Request): Promise<void> {
            shutdownCalled++;
            await super.shutdown_request(request);
          }
        },
    });
    const server = await MyServer.create(LOOPBACK, StreamRequestHandler);
    await connectAndClose(server.server_address);
    await server.handle_request();
    expect(shutdownCalled).toBe(1);
    await server.server_close();
  });
});
