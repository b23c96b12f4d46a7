/**
 * The runtime serving the built web app (apps/web/dist), for the browser suites: with
 * `--cls`, one lab of that class (stream_echo handler) already serving, whose events go to
 * every page that watches. Prints one JSON line: the lab's address and the presenter URL.
 *
 *   node --import tsx bench/servers/web-runtime.ts [--cls ThreadingTCPServer]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRuntime } from '../../apps/runtime/src/server/runtime.js';
import { announce, serveCommands } from './control.js';

/** Where `npm run build:web` puts the app the runtime serves. */
export const WEB_DIST = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));

async function main(argv: readonly string[]): Promise<void> {
  const i = argv.indexOf('--cls');
  const cls = i >= 0 ? argv[i + 1] : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'sockscope-bench-web-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const runtime = await startRuntime({ port: 0, recordingsDir: join(dir, 'rec'), webRoot: WEB_DIST });
  let address: [string, number] | string = ['127.0.0.1', runtime.port];
  if (cls !== undefined) {
    const lab = await runtime.hub.createLab({ server: cls, handler: 'stream_echo', options: { request_queue_size: 128, poll_interval: 0.5 } });
    runtime.hub.run(lab.id);
    address = lab.address as [string, number] | string;
  }
  announce({ address, url: runtime.presenterUrl });
  serveCommands({}, () => runtime.close());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`web-runtime: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
