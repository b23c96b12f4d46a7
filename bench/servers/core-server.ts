/**
 * A server of the port under test, in its own process:
 *
 *   node --import tsx bench/servers/core-server.ts --cls ThreadingTCPServer [--queue 5]
 *        [--trace none|memory] [--unix PATH]
 *
 * `--trace memory` runs it under a TraceSession whose MemoryTracer keeps every event in an
 * array; the `reset` command empties it and replies with how many events it held.
 */
import {
  ForkingTCPServer,
  ForkingUDPServer,
  isForkedChild,
  MemoryTracer,
  TCPServer,
  Thread,
  ThreadingTCPServer,
  ThreadingUDPServer,
  ThreadingUnixStreamServer,
  traced,
  UDPServer,
  UnixStreamServer,
  type BaseServer,
  type HandlerClass,
  type PyClass,
} from '@sockscope/core';
import { announce, option, serveCommands } from './control.js';
import { DatagramEcho, LineEcho } from './handlers.js';

const STREAM: Readonly<Record<string, PyClass<BaseServer>>> = {
  TCPServer,
  ThreadingTCPServer,
  ForkingTCPServer,
  UnixStreamServer,
  ThreadingUnixStreamServer,
};
const DATAGRAM: Readonly<Record<string, PyClass<BaseServer>>> = { UDPServer, ThreadingUDPServer, ForkingUDPServer };

async function main(argv: readonly string[]): Promise<void> {
  const name = option(argv, 'cls');
  const cls = STREAM[name] ?? DATAGRAM[name];
  if (!cls) throw new Error(`unknown server class ${name}`);
  const queue = Number(option(argv, 'queue', '5'));
  const tracer = option(argv, 'trace', 'none') === 'memory' ? new MemoryTracer() : null;
  const handler = (STREAM[name] ? LineEcho : DatagramEcho) as unknown as HandlerClass;
  const address = name.includes('Unix') ? option(argv, 'unix') : (['127.0.0.1', 0] as [string, number]);

  const start = async (): Promise<{ server: BaseServer; loop: Thread }> => {
    const server = new cls() as BaseServer & { request_queue_size: number };
    server.request_queue_size = queue; // set on the instance before bind, as a lab does
    await server.__init__(address, handler);
    const loop = new Thread({ target: () => server.serve_forever(0.5), targetName: 'serve_forever' });
    loop.daemon = true;
    loop.start();
    return { server, loop };
  };
  const { server } = tracer ? await traced(tracer, start) : await start();
  announce({ address: server.server_address as [string, number] | string });
  serveCommands(
    {
      reset: () => {
        const events = tracer?.events.length ?? 0;
        if (tracer) tracer.events.length = 0;
        return { events };
      },
    },
    () => server.socket.close(),
  );
}

if (!isForkedChild()) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`core-server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
