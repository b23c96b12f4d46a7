/**
 * A UnixStreamServer that echoes raw bytes back until the client closes its side. The
 * socket lives in a fresh temporary directory, removed again when the program ends.
 *
 *   npx tsx packages/core/examples/unix-stream-echo.ts [--requests N] [--trace]
 *   npm run example:unix-echo -w @sockscope/core
 *
 * Then: nc -U /tmp/sockscope-XXXXXX/echo.sock   (the real path is printed)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseRequestHandler, TraceSession, traced, UnixStreamServer, type Socket } from '@sockscope/core';
import { intOption, isMain, LinePrinter, parseCli, run, serveUntilStopped, stopSignal } from './support.js';

const USAGE = `
usage: unix-stream-echo.ts [--requests N] [--trace]

A UnixStreamServer on a socket file in a new temporary directory; it echoes whatever a
client sends until the client closes. The directory is removed at exit.
Try it with: nc -U PATH   (PATH is printed at start)

options:
  --requests N   serve N connections with handle_request(), then exit (default: serve
                 for ever with serve_forever() until Ctrl-C / SIGTERM)
  --trace        print a trace of every call and socket event
  -h, --help     show this help
`;

/**
 * Echoes bytes as they come, with no notion of lines: what one recv() returns is sent
 * back as is. An empty recv() means the client shut down its side.
 */
export class UnixEchoHandler extends BaseRequestHandler {
  override async handle(): Promise<void> {
    const sock = this.request as Socket;
    for (;;) {
      const data = await sock.recv(4096);
      if (data.length === 0) return;
      await sock.sendall(data);
    }
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseCli(USAGE, {
    requests: { type: 'string' },
    trace: { type: 'boolean' },
  }, argv);
  const requests = intOption('requests', values.requests, 0);
  const stop = stopSignal();
  const session = new TraceSession(values.trace ? new LinePrinter() : { emit: () => {} });

  // A private directory: no clash with another run, and nobody else can connect.
  const dir = mkdtempSync(join(tmpdir(), 'sockscope-'));
  const path = join(dir, 'echo.sock');
  // Also on the way out of an unexpected error: run() exits the process, and 'exit' still fires.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

  await traced(session, async () => {
    const server = await UnixStreamServer.create(path, UnixEchoHandler);
    console.log(`listening on ${String(server.server_address)}`);
    console.log(`try: nc -U ${String(server.server_address)}`);

    try {
      await serveUntilStopped(server, requests, stop);
    } finally {
      // CPython leaves the socket file behind after close; we own the whole directory.
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return 0;
}

if (isMain(import.meta.url)) run(main);
