import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Socket } from '../socket/socket.js';
import { LineEchoHandler } from '../testing/handlers.js';
import { serveInThread, streamExchange, tempDir } from '../testing/harness.js';
import { MemoryTracer } from '../trace/memory-tracer.js';
import { traced } from '../trace/traced.js';
import { BaseRequestHandler } from './handlers.js';
import { UnixStreamServer } from './unix-servers.js';

describe('UNIX-1 a Unix stream server serves on a socket path', () => {
  it('binds the path, sees the client as \'\', and says when Node removes the file', async () => {
    const dir = tempDir();
    const path = dir.path('echo.sock');
    const addresses: unknown[] = [];
    class Recording extends BaseRequestHandler {
      override async handle(): Promise<void> {
        addresses.push(this.client_address);
        await (this.request as Socket).recv(100);
      }
    }
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const server = await UnixStreamServer.create(path, Recording);
      expect(server.server_address).toBe(path);
      expect(existsSync(path)).toBe(true);
      const serving = serveInThread(server);
      expect(await streamExchange(path, 'hi')).toBe('');
      await serving.stop();
    });
    expect(addresses).toEqual(['']);
    expect(tracer.events.find((e) => e.kind === 'bind')).toMatchObject({ family: 'AF_UNIX', address: path });
    // CPython would leave the file; Node removes it, and the trace says so.
    expect(existsSync(path)).toBe(false);
    expect(tracer.events.find((e) => e.kind === 'node_difference')).toMatchObject({ rule: 'NODE-UNIX-UNLINK' });
    dir.remove();
  });

  it('echoes with a StreamRequestHandler', async () => {
    const dir = tempDir();
    const server = await UnixStreamServer.create(dir.path('s'), LineEchoHandler);
    const serving = serveInThread(server);
    expect(await streamExchange(server.server_address, 'line\n')).toBe('line\n');
    await serving.stop();
    dir.remove();
  });
});
