/**
 * Test support: a real run of core's ThreadingTCPServer on loopback, with a header built
 * from the real classes, for tests that want a trace the tracer really produced.
 */
import {
  MemoryTracer,
  mro,
  resolutionTable,
  Socket,
  socket,
  StreamRequestHandler,
  Thread,
  ThreadingTCPServer,
  TRACE_FILE_FORMAT,
  TRACE_FILE_VERSION,
  TRACE_SCHEMA_VERSION,
  traced,
  type TraceEvent,
  type TraceHeader,
} from '@sockscope/core';

/** Echoes one line. */
class EchoHandler extends StreamRequestHandler {
  override async handle(): Promise<void> {
    await this.wfile.write(await this.rfile.readline());
  }
}

/** A recorded run: what a trace file holds. */
export interface RecordedRun {
  readonly header: TraceHeader;
  readonly events: TraceEvent[];
}

/** Serves `clients` echo exchanges with a ThreadingTCPServer, traced, then shuts it down. */
export async function recordThreadedEcho(clients = 2): Promise<RecordedRun> {
  const tracer = new MemoryTracer();
  await traced(tracer, async () => {
    const server = await ThreadingTCPServer.create(['127.0.0.1', 0], EchoHandler);
    const loop = new Thread({ target: () => server.serve_forever(0.01), targetName: 'serve_forever' });
    loop.start();
    for (let i = 0; i < clients; i++) {
      const client = new Socket(socket.AF_INET, socket.SOCK_STREAM);
      client.settimeout(5);
      await client.connect(server.server_address);
      await client.sendall(Buffer.from(`hello ${i}\n`));
      await client.recv(100);
      client.close();
    }
    await server.shutdown();
    await server.server_close();
    await loop.join();
  });
  const header: TraceHeader = {
    format: TRACE_FILE_FORMAT,
    version: TRACE_FILE_VERSION,
    schema_version: TRACE_SCHEMA_VERSION,
    backend: 'core',
    created_at: new Date().toISOString(),
    scenario: null,
    server_class: 'ThreadingTCPServer',
    mro: mro(ThreadingTCPServer),
    resolution: resolutionTable(ThreadingTCPServer),
    handler: 'EchoHandler',
    handler_class: 'EchoHandler',
    handler_mro: mro(EchoHandler),
    handler_resolution: resolutionTable(EchoHandler),
    options: {},
  };
  return { header, events: tracer.events };
}
