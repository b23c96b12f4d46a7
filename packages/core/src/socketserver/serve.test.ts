import { describe, expect, it } from 'vitest';
import { DatagramEchoHandler, LineEchoHandler } from '../testing/handlers.js';
import { datagramExchange, serveInThread, streamExchange, tempDir } from '../testing/harness.js';
import { MemoryTracer } from '../trace/memory-tracer.js';
import { traced } from '../trace/traced.js';
import { validateEvent } from '../trace/validate.js';
import type { BaseServer } from './base-server.js';
import * as ss from './index.js';
import type { ServerClass } from './types.js';

type AnyServerClass = ServerClass<BaseServer>;
const stream: Array<[string, AnyServerClass, boolean]> = [
  ['TCPServer', ss.TCPServer, false],
  ['ThreadingTCPServer', ss.ThreadingTCPServer, false],
  ['ForkingTCPServer', ss.ForkingTCPServer, false],
  ['UnixStreamServer', ss.UnixStreamServer, true],
  ['ThreadingUnixStreamServer', ss.ThreadingUnixStreamServer, true],
  ['ForkingUnixStreamServer', ss.ForkingUnixStreamServer, true],
];
const datagram: Array<[string, AnyServerClass, boolean]> = [
  ['UDPServer', ss.UDPServer, false],
  ['ThreadingUDPServer', ss.ThreadingUDPServer, false],
  ['ForkingUDPServer', ss.ForkingUDPServer, false],
  ['UnixDatagramServer', ss.UnixDatagramServer, true],
  ['ThreadingUnixDatagramServer', ss.ThreadingUnixDatagramServer, true],
  ['ForkingUnixDatagramServer', ss.ForkingUnixDatagramServer, true],
];

describe('SRV-ECHO-1 every server class serves requests on real sockets', () => {
  it.each(stream)('%s echoes three clients in turn', async (_name, cls, unix) => {
    const dir = tempDir();
    const tracer = new MemoryTracer();
    await traced(tracer, async () => {
      const server = await cls.create(unix ? dir.path('server.sock') : ['127.0.0.1', 0], LineEchoHandler);
      const serving = serveInThread(server);
      for (const word of ['alpha', 'beta', 'gamma']) {
        expect(await streamExchange(server.server_address, `${word}\n`)).toBe(`${word}\n`);
      }
      await serving.stop();
    });
    dir.remove();
    // TRACE-1: every event the run produced is valid, and seq counts up without gaps.
    tracer.events.forEach((e, i) => {
      expect(validateEvent(e)).toEqual({ ok: true, event: e });
      expect(e.seq).toBe(i + 1);
    });
  });

  it.each(datagram)('%s echoes three datagrams', async (_name, cls, unix) => {
    const dir = tempDir();
    const server = await cls.create(unix ? dir.path('server.sock') : ['127.0.0.1', 0], DatagramEchoHandler);
    const serving = serveInThread(server);
    for (const [i, word] of ['one', 'two', 'three'].entries()) {
      const clientPath = unix ? dir.path(`client-${i}.sock`) : undefined;
      expect(await datagramExchange(server.server_address, word, clientPath)).toBe(word);
    }
    await serving.stop();
    dir.remove();
  });
});
