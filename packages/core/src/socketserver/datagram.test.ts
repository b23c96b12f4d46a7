import { describe, expect, it } from 'vitest';
import { AF_UNIX, SOCK_DGRAM } from '../socket/constants.js';
import { Socket } from '../socket/socket.js';
import { DatagramEchoHandler } from '../testing/handlers.js';
import { captureStderr, datagramExchange, eventually, serveInThread, tempDir } from '../testing/harness.js';
import { MemoryTracer } from '../trace/memory-tracer.js';
import { traced } from '../trace/traced.js';
import { BaseRequestHandler } from './handlers.js';
import type { ClientAddress, Request } from './types.js';
import { UDPServer } from './udp-server.js';
import { UnixDatagramServer } from './unix-servers.js';

const LOOPBACK = ['127.0.0.1', 0] as const;

/** Records what each request looked like, and replies with the length it saw. */
function recordingHandler(seen: Array<{ request: Request; client_address: ClientAddress }>) {
  return class Recording extends BaseRequestHandler {
    override async handle(): Promise<void> {
      seen.push({ request: this.request, client_address: this.client_address });
      const [data, sock] = this.request as readonly [Buffer, Socket];
      await sock.sendto(Buffer.from(String(data.length)), this.client_address);
    }
  };
}

describe('UDP-1 a datagram request is (data, socket)', () => {
  it('the handler gets the bytes and the server\'s own socket', async () => {
    const seen: Array<{ request: Request; client_address: ClientAddress }> = [];
    const server = await UDPServer.create(LOOPBACK, recordingHandler(seen));
    const serving = serveInThread(server);
    expect(await datagramExchange(server.server_address, 'hello')).toBe('5');
    await serving.stop();
    const [data, sock] = seen[0]?.request as readonly [Buffer, Socket];
    expect(data.toString()).toBe('hello');
    expect(sock).toBe(server.socket);
    expect(seen[0]?.client_address).toEqual(['127.0.0.1', expect.any(Number)]);
  });
});

describe('UDP-2 a datagram longer than max_packet_size is cut to it', () => {
  it.each([
    [8192, 10000, '8192'],
    [100, 10000, '100'],
  ])('max_packet_size %i: %i bytes arrive as %s', async (max, size, expected) => {
    const seen: Array<{ request: Request; client_address: ClientAddress }> = [];
    const server = await UDPServer.create(LOOPBACK, recordingHandler(seen));
    server.max_packet_size = max;
    const serving = serveInThread(server);
    expect(await datagramExchange(server.server_address, 'x'.repeat(size))).toBe(expected);
    await serving.stop();
  });
});

describe('UDP-3 shutdown_request and close_request leave the socket open', () => {
  it('the server socket survives each request', async () => {
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const server = await UDPServer.create(LOOPBACK, DatagramEchoHandler);
      const serving = serveInThread(server);
      expect(await datagramExchange(server.server_address, 'a')).toBe('a');
      expect(server.socket.fileno()).toBeGreaterThanOrEqual(0);
      expect(await datagramExchange(server.server_address, 'b')).toBe('b');
      await serving.stop();
    });
    const serverFd = tracer.events.find((e) => e.kind === 'bind')?.fd;
    const closes = tracer.events.filter((e) => e.kind === 'close' && e.fd === serverFd);
    // Only server_close closes it, once.
    expect(closes).toHaveLength(1);
    expect(tracer.events.filter((e) => e.kind === 'socket_shutdown')).toHaveLength(0);
  });
});

describe('UNIX-2 a Unix datagram server replies to the client\'s bound path', () => {
  it('a bound client gets the reply; an unbound client\'s address is null', async () => {
    const dir = tempDir();
    const seen: Array<{ request: Request; client_address: ClientAddress }> = [];
    const stderr = captureStderr();
    const server = await UnixDatagramServer.create(dir.path('srv.sock'), recordingHandler(seen));
    const serving = serveInThread(server);
    expect(await datagramExchange(server.server_address, 'bound', dir.path('client.sock'))).toBe('5');
    expect(seen[0]?.client_address).toBe(dir.path('client.sock'));

    const unbound = new Socket(AF_UNIX, SOCK_DGRAM);
    await unbound.sendto(Buffer.from('anonymous'), server.server_address);
    expect(await eventually(() => seen.length === 2)).toBe(true);
    expect(seen[1]?.client_address).toBeNull();
    // Replying to None fails as in CPython, and handle_error reports it.
    expect(await eventually(() => stderr.text().includes('TypeError'))).toBe(true);
    unbound.close();
    await serving.stop();
    stderr.restore();
    expect(stderr.text()).toContain("TypeError: a bytes-like object is required, not 'NoneType'");
    dir.remove();
  });
});
