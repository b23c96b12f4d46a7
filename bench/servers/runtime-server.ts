/**
 * A server of the port traced the way the live lab traces it: the runtime (HTTP +
 * socket.io) with one lab whose every event goes through the step gate, the lab's log and
 * each viewer's feed. A viewer (`viewer.ts`, another process) attaches to the printed URL.
 *
 *   node --import tsx bench/servers/runtime-server.ts --cls ThreadingTCPServer [--queue 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandlerName } from '@sockscope/core';
import { startRuntime } from '../../apps/runtime/src/server/runtime.js';
import { announce, option, serveCommands } from './control.js';

async function main(argv: readonly string[]): Promise<void> {
  const cls = option(argv, 'cls');
  const queue = Number(option(argv, 'queue', '5'));
  const handler: HandlerName = cls.includes('UDP') ? 'dgram_echo' : 'stream_echo';
  const dir = mkdtempSync(join(tmpdir(), 'sockscope-bench-rt-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const runtime = await startRuntime({ port: 0, recordingsDir: join(dir, 'rec'), webRoot: join(dir, 'no-web') });
  const lab = await runtime.hub.createLab({ server: cls, handler, options: { request_queue_size: queue, poll_interval: 0.5 } });
  runtime.hub.run(lab.id);
  announce({ address: lab.address as [string, number] | string, url: runtime.url });
  serveCommands({ reset: () => ({ events: 0 }) });
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`runtime-server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
