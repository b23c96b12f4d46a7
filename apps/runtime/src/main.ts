/**
 * `npm start`: starts the live lab on 127.0.0.1 (one port for the web app and socket.io)
 * and prints the presenter URL (with the token) and the viewers' URL.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startRuntime } from './server/runtime.js';

const USAGE = `usage: npm start -- [--host HOST] [--port PORT] [--recordings DIR]

Starts the sockscope live lab.
  --host HOST        address to listen on (default 127.0.0.1; 0.0.0.0 lets a classroom watch)
  --port PORT        port for the web app and socket.io (default 8400; 0 picks a free one)
  --recordings DIR   where recorded traces are kept (default ~/.local/share/sockscope/recordings)

SOCKSCOPE_PRESENTER_TOKEN, if set, is used as the presenter token instead of a random one.`;

/** The default folder for recordings. */
export function defaultRecordingsDir(): string {
  return join(process.env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'sockscope', 'recordings');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8400' },
      recordings: { type: 'string', default: defaultRecordingsDir() },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`sockscope: --port must be a number from 0 to 65535, not ${JSON.stringify(values.port)}`);
    return 2;
  }
  const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
  // A fixed token for scripted sessions (the browser tests); a fresh random one otherwise.
  const fixed = process.env['SOCKSCOPE_PRESENTER_TOKEN'];
  const token = fixed === undefined || fixed === '' ? undefined : fixed;
  const runtime = await startRuntime({ host: values.host, port, recordingsDir: values.recordings, webRoot, ...(token ? { token } : {}) });
  console.log('sockscope live lab is running');
  console.log(`  presenter (controls the labs): ${runtime.presenterUrl}`);
  console.log(`  viewers (watch only):          ${runtime.url}`);
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    console.log(`  listening on ${values.host}: anyone who can reach this machine can watch; only the token controls.`);
  }
  console.log(`  recordings: ${values.recordings}`);
  console.log('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('\nstopping: closing every lab…');
  await runtime.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') console.error(`sockscope: that port is taken; choose another with --port`);
    else console.error(`sockscope: ${e.stack ?? String(err)}`);
    process.exit(1);
  },
);
