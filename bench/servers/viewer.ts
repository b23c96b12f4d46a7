/**
 * One socket.io viewer of the runtime, in its own process: it takes every batch of events
 * and acknowledges it at once (the fastest viewer there can be), counting events and gaps.
 *
 *   node --import tsx bench/servers/viewer.ts --url http://127.0.0.1:PORT/
 *
 * `stats` replies with the events, batches and gap (events the runtime dropped for this
 * viewer) counted since the previous `stats`.
 */
import type { ClientToServerEvents, ServerToClientEvents } from '@sockscope/core';
import { io, type Socket } from 'socket.io-client';
import { option, serveCommands } from './control.js';

async function main(argv: readonly string[]): Promise<void> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(option(argv, 'url'), {
    transports: ['websocket'],
    reconnection: false,
  });
  let counts = { events: 0, batches: 0, gap: 0 };
  socket.on('events', (batch, done) => {
    counts.events += batch.events.length;
    counts.batches++;
    counts.gap += batch.gap;
    done();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid })}\n`);
  serveCommands(
    {
      stats: () => {
        const now = counts;
        counts = { events: 0, batches: 0, gap: 0 };
        return now;
      },
    },
    () => void socket.close(),
  );
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`viewer: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
