/**
 * A ThreadingTCPServer that echoes every line a client sends, each client served by its
 * own thread, while printing the server's trace: one line per method call or socket
 * event, tagged with the (logical) thread it ran in.
 *
 *   npx tsx packages/core/examples/threaded-echo.ts [--port N] [--requests N] [--quiet]
 *   npm run example:threaded-echo -w @sockscope/core -- --port 8000
 *
 * Then, in another terminal: nc 127.0.0.1 PORT
 */
import {
  StreamRequestHandler,
  Thread,
  ThreadingTCPServer,
  TraceSession,
  traced,
} from '@sockscope/core';
import { intOption, isMain, LinePrinter, parseCli, run, stopSignal } from './support.js';

const USAGE = `
usage: threaded-echo.ts [--port N] [--requests N] [--quiet]

A ThreadingTCPServer on 127.0.0.1 that echoes each line back to its sender, one thread
per connection, printing a trace of every call and socket event as it goes.
Try it with: nc 127.0.0.1 PORT

options:
  --port N       TCP port to listen on (default 0: any free port; the real one is printed)
  --requests N   serve N connections with handle_request(), then exit (default: serve
                 for ever with serve_forever() until Ctrl-C / SIGTERM)
  --quiet        do not print the trace
  -h, --help     show this help
`;

/** Sends every line back as it arrives, until the client closes its side. */
export class EchoHandler extends StreamRequestHandler {
  override async handle(): Promise<void> {
    for (;;) {
      const line = await this.rfile.readline();
      if (line.length === 0) return; // EOF: the client is done
      await this.wfile.write(line);
    }
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseCli(USAGE, {
    port: { type: 'string' },
    requests: { type: 'string' },
    quiet: { type: 'boolean' },
  }, argv);
  const port = intOption('port', values.port, 0, 65535);
  const requests = intOption('requests', values.requests, 0);
  const stop = stopSignal();

  // One session for the whole run, so the events of every thread share one sequence.
  const session = new TraceSession(values.quiet ? { emit: () => {} } : new LinePrinter());

  await traced(session, async () => {
    const server = await ThreadingTCPServer.create(['127.0.0.1', port], EchoHandler);
    // When serving for ever, request threads are daemons: Ctrl-C must not wait for a
    // client that keeps its connection open. With --requests we do want server_close()
    // to wait for them, so that every request is answered before the process exits.
    server.daemon_threads = requests === 0;

    const [host, realPort] = server.server_address as readonly [string, number];
    console.log(`listening on ${host}:${realPort}`);
    console.log(`try: nc ${host} ${realPort}`);

    if (requests > 0) {
      // handle_request() would wait for ever; closing the socket under it makes it return.
      void stop.received.then(() => server.server_close());
      for (let i = 0; i < requests && stop.signal === undefined; i++) await server.handle_request();
    } else {
      // As in Python's classic example, the loop runs in its own thread, so that this
      // one is free to call shutdown(): calling it from the loop's thread would deadlock.
      const loop = new Thread({ target: () => server.serve_forever(0.5), targetName: 'serve_forever' });
      loop.start();
      await stop.received;
      await server.shutdown();
      await loop.join();
    }
    await server.server_close();
  });
  return 0;
}

if (isMain(import.meta.url)) run(main);
