/**
 * The classic first socketserver program: a TCPServer whose handler reads what the client
 * sent and answers with the same bytes upper-cased. One client at a time (no mixin).
 *
 *   npx tsx packages/core/examples/upper-tcp.ts [--port N] [--requests N] [--trace]
 *   npm run example:upper -w @sockscope/core -- --port 9999
 *
 * Then: npx tsx packages/core/examples/upper-client.ts --port PORT hello world
 *   or: printf 'hi\n' | nc -q1 127.0.0.1 PORT
 */
import { BaseRequestHandler, reprBytes, TCPServer, TraceSession, traced, type Socket } from '@sockscope/core';
import { intOption, isMain, LinePrinter, parseCli, run, serveUntilStopped, stopSignal } from './support.js';

const USAGE = `
usage: upper-tcp.ts [--port N] [--requests N] [--trace]

A TCPServer on 127.0.0.1 whose handler (MyTCPHandler) does one recv(1024) and sends the
bytes back upper-cased, then the server closes the connection.
Try it with: upper-client.ts --port PORT some text   or   printf 'hi\\n' | nc -q1 127.0.0.1 PORT

options:
  --port N       TCP port to listen on (default 0: any free port; the real one is printed)
  --requests N   serve N connections with handle_request(), then exit (default: serve
                 for ever with serve_forever() until Ctrl-C / SIGTERM)
  --trace        print a trace of every call and socket event
  -h, --help     show this help
`;

/** Python's `bytes.upper()`: only ASCII letters change, every other byte is kept as is. */
export function bytesUpper(data: Uint8Array): Buffer {
  const out = Buffer.from(data);
  for (let i = 0; i < out.length; i++) {
    const b = out[i] as number;
    if (b >= 0x61 && b <= 0x7a) out[i] = b - 0x20;
  }
  return out;
}

/**
 * One instance per connection. A stream server's request is the connected socket. A
 * single recv() is enough for a short line on loopback; a real protocol would frame its
 * messages (see threaded-echo.ts, which reads whole lines).
 */
export class MyTCPHandler extends BaseRequestHandler {
  override async handle(): Promise<void> {
    const sock = this.request as Socket;
    const data = await sock.recv(1024);
    const [host] = this.client_address as readonly [string, number];
    console.log(`${host} wrote: ${reprBytes(data)}`);
    // Unlike the Python original we do not strip(): keeping the newline makes nc's output end cleanly.
    await sock.sendall(bytesUpper(data));
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseCli(USAGE, {
    port: { type: 'string' },
    requests: { type: 'string' },
    trace: { type: 'boolean' },
  }, argv);
  const port = intOption('port', values.port, 0, 65535);
  const requests = intOption('requests', values.requests, 0);
  const stop = stopSignal();
  const session = new TraceSession(values.trace ? new LinePrinter() : { emit: () => {} });

  await traced(session, async () => {
    const server = await TCPServer.create(['127.0.0.1', port], MyTCPHandler);
    const [host, realPort] = server.server_address as readonly [string, number];
    console.log(`listening on ${host}:${realPort}`);
    console.log(`try: npx tsx packages/core/examples/upper-client.ts --port ${realPort} hello world`);
    console.log(`  or: printf 'hi\\n' | nc -q1 ${host} ${realPort}`);

    await serveUntilStopped(server, requests, stop);
  });
  return 0;
}

if (isMain(import.meta.url)) run(main);
