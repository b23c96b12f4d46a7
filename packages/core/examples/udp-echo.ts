/**
 * A UDPServer that sends every datagram back to whoever sent it. Each datagram is one
 * request; DatagramRequestHandler gives the handler in-memory files and sends whatever
 * was written to `wfile` once `handle()` is done.
 *
 *   npx tsx packages/core/examples/udp-echo.ts [--port N] [--requests N] [--trace]
 *   npm run example:udp-echo -w @sockscope/core -- --port 9999
 *
 * Then: nc -u 127.0.0.1 PORT   (each line you type is one datagram)
 */
import { DatagramRequestHandler, reprAddress, reprBytes, TraceSession, traced, UDPServer } from '@sockscope/core';
import { intOption, isMain, LinePrinter, parseCli, run, serveUntilStopped, stopSignal } from './support.js';

const USAGE = `
usage: udp-echo.ts [--port N] [--requests N] [--trace]

A UDPServer on 127.0.0.1 that echoes each datagram back to its sender.
Try it with: nc -u 127.0.0.1 PORT

options:
  --port N       UDP port to bind (default 0: any free port; the real one is printed)
  --requests N   serve N datagrams with handle_request(), then exit (default: serve
                 for ever with serve_forever() until Ctrl-C / SIGTERM)
  --trace        print a trace of every call and socket event
  -h, --help     show this help
`;

/** Copies the datagram into the reply; finish() (inherited) sends it back. */
export class EchoDatagramHandler extends DatagramRequestHandler {
  override async handle(): Promise<void> {
    const data = this.rfile.read();
    console.log(`${reprAddress(this.client_address)} sent ${reprBytes(data)}`);
    this.wfile.write(data);
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
    const server = await UDPServer.create(['127.0.0.1', port], EchoDatagramHandler);
    const [host, realPort] = server.server_address as readonly [string, number];
    console.log(`listening on ${host}:${realPort} (udp)`);
    console.log(`try: nc -u ${host} ${realPort}`);

    await serveUntilStopped(server, requests, stop);
  });
  return 0;
}

if (isMain(import.meta.url)) run(main);
