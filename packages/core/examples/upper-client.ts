/**
 * The client half of upper-tcp.ts: connects, sends its command-line words as one line,
 * prints what came back. Written with the port's Python-style `socket` API, so it reads
 * like the Python client it mirrors.
 *
 *   npx tsx packages/core/examples/upper-client.ts --port PORT hello world
 */
import { socket, Socket } from '@sockscope/core';
import { intOption, isMain, parseCli, run } from './support.js';

const USAGE = `
usage: upper-client.ts --port N [--host H] [TEXT ...]

Connects to upper-tcp.ts, sends TEXT (default "hello") followed by a newline, prints
what was sent and what the server answered.

options:
  --port N       the server's TCP port (required)
  --host H       the server's address (default 127.0.0.1)
  -h, --help     show this help
`;

/** Sends `text` plus a newline to the server and returns its whole answer. */
export async function ask(host: string, port: number, text: string): Promise<Buffer> {
  const sock = new Socket(socket.AF_INET, socket.SOCK_STREAM);
  try {
    await sock.connect([host, port]);
    await sock.sendall(Buffer.from(`${text}\n`, 'utf8'));
    // The server closes the connection after its one reply, so read until EOF rather
    // than trusting a single recv() to bring everything.
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = await sock.recv(1024);
      if (chunk.length === 0) break;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } finally {
    sock.close();
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values, positionals } = parseCli(USAGE, {
    port: { type: 'string' },
    host: { type: 'string' },
  }, argv);
  if (values.port === undefined) {
    process.stderr.write(`error: --port is required\n\n${USAGE.trim()}\n`);
    return 2;
  }
  const port = intOption('port', values.port, 0, 65535);
  const text = positionals.length > 0 ? positionals.join(' ') : 'hello';
  const reply = await ask(values.host ?? '127.0.0.1', port, text);
  console.log(`Sent:     ${text}`);
  console.log(`Received: ${reply.toString('utf8').trimEnd()}`);
  return 0;
}

if (isMain(import.meta.url)) run(main);
