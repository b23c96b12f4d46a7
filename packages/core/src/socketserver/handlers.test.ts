import { describe, expect, it } from 'vitest';
import { ValueError } from '../python/exceptions.js';
import { IPPROTO_TCP, TCP_NODELAY } from '../socket/constants.js';
import { Socket } from '../socket/socket.js';
import { captureStderr, datagramExchange, serveInThread, streamExchange } from '../testing/harness.js';
import { MemoryTracer } from '../trace/memory-tracer.js';
import { traced } from '../trace/traced.js';
import { DatagramRequestHandler, StreamRequestHandler } from './handlers.js';
import { _SocketWriter } from './socket-writer.js';
import { TCPServer } from './tcp-server.js';
import { UDPServer } from './udp-server.js';

const LOOPBACK = ['127.0.0.1', 0] as const;

describe('HND-STREAM-1 rfile reads lines and bytes; the unbuffered wfile sends every write', () => {
  it('readline, read(n) and read() to EOF', async () => {
    class Reader extends StreamRequestHandler {
      override async handle(): Promise<void> {
        const first = await this.rfile.readline();
        const four = await this.rfile.read(4);
        const rest = await this.rfile.read();
        await this.wfile.write(Buffer.from(`[${first.toString()}][${four.toString()}][${rest.toString()}]`));
      }
    }
    const server = await TCPServer.create(LOOPBACK, Reader);
    const serving = serveInThread(server);
    expect(await streamExchange(server.server_address, 'line one\nabcdefgh')).toBe('[line one\n][abcd][efgh]');
    await serving.stop();
  });

  it('wfile is a _SocketWriter whose writes go out at once, before the handler returns', async () => {
    let wfileIsSocketWriter = false;
    class Chatty extends StreamRequestHandler {
      override async handle(): Promise<void> {
        wfileIsSocketWriter = this.wfile instanceof _SocketWriter;
        await this.wfile.write(Buffer.from('ping\n'));
        // The client answers only after it has seen ping: no flush was needed.
        const answer = await this.rfile.readline();
        await this.wfile.write(Buffer.from(`got ${answer.toString()}`));
      }
    }
    const server = await TCPServer.create(LOOPBACK, Chatty);
    const serving = serveInThread(server);
    const client = new Socket();
    client.settimeout(5);
    await client.connect(server.server_address);
    expect((await client.recv(100)).toString()).toBe('ping\n');
    await client.sendall(Buffer.from('pong\n'));
    expect((await client.recv(100)).toString()).toBe('got pong\n');
    client.close();
    await serving.stop();
    expect(wfileIsSocketWriter).toBe(true);
  });

  it('a buffered wfile (wbufsize > 0) sends on flush, which finish() does', async () => {
    class Buffered extends StreamRequestHandler {
      override async handle(): Promise<void> {
        await this.wfile.write(Buffer.from('buffered '));
        await this.wfile.write(Buffer.from('reply'));
      }
    }
    Object.defineProperty(Buffered.prototype, 'wbufsize', { value: 1024, writable: true });
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const server = await TCPServer.create(LOOPBACK, Buffered);
      const serving = serveInThread(server);
      expect(await streamExchange(server.server_address, '')).toBe('buffered reply');
      await serving.stop();
    });
    // Both writes left as one send, from inside finish().
    const sends = tracer.events.filter((e) => e.kind === 'send' && e.thread === 'serve_forever');
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ nbytes: 14 });
  });
});

describe('HND-STREAM-2 timeout and disable_nagle_algorithm apply to the connection', () => {
  it('a silent client makes readline raise TimeoutError after `timeout` seconds', async () => {
    let nodelay = -1;
    class Impatient extends StreamRequestHandler {
      override async handle(): Promise<void> {
        nodelay = this.connection.getsockopt(IPPROTO_TCP, TCP_NODELAY);
        await this.rfile.readline();
      }
    }
    Object.defineProperty(Impatient.prototype, 'timeout', { value: 0.1, writable: true });
    Object.defineProperty(Impatient.prototype, 'disable_nagle_algorithm', { value: true, writable: true });
    const stderr = captureStderr();
    const server = await TCPServer.create(LOOPBACK, Impatient);
    const serving = serveInThread(server);
    const client = new Socket();
    client.settimeout(5);
    await client.connect(server.server_address);
    expect((await client.recv(10)).length).toBe(0); // the server gave up and closed
    client.close();
    await serving.stop();
    stderr.restore();
    expect(nodelay).toBe(1);
    expect(stderr.text()).toContain('TimeoutError: timed out');
  });
});

describe('HND-DGRAM-1 DatagramRequestHandler: in-memory files, reply sent by finish', () => {
  it('an empty wfile still sends an empty datagram', async () => {
    class Silent extends DatagramRequestHandler {}
    const server = await UDPServer.create(LOOPBACK, Silent);
    const serving = serveInThread(server);
    expect(await datagramExchange(server.server_address, 'anything')).toBe('');
    await serving.stop();
  });

  it('what was written is sent even when handle raised', async () => {
    class HalfDone extends DatagramRequestHandler {
      override async handle(): Promise<void> {
        this.wfile.write(Buffer.from(`partial:${this.rfile.readline().toString()}`));
        throw new ValueError('gave up');
      }
    }
    const stderr = captureStderr();
    const server = await UDPServer.create(LOOPBACK, HalfDone);
    const serving = serveInThread(server);
    expect(await datagramExchange(server.server_address, 'x\ny')).toBe('partial:x\n');
    await serving.stop();
    stderr.restore();
    expect(stderr.text()).toContain('ValueError: gave up');
  });
});
