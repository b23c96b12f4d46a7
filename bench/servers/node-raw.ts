/**
 * Raw Node echo servers, the practical limit of the port on this machine: what Node itself
 * does with no socketserver on top.
 *
 *   node --import tsx bench/servers/node-raw.ts --kind tcp|unix|udp [--queue 5] [--unix PATH]
 *
 * The stream echo writes each chunk back as it arrives (the load sends one line and waits
 * for it, so a chunk is a line); the datagram echo sends each datagram back to its sender.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import { announce, option, serveCommands } from './control.js';

async function main(argv: readonly string[]): Promise<void> {
  const kind = option(argv, 'kind');
  if (kind === 'udp') {
    const sock = dgram.createSocket('udp4');
    sock.on('message', (data, rinfo) => sock.send(data, rinfo.port, rinfo.address));
    await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', resolve));
    announce({ address: ['127.0.0.1', sock.address().port] });
    serveCommands({ reset: () => ({ events: 0 }) }, () => {
      sock.close();
    });
    return;
  }
  const server = net.createServer((conn) => {
    conn.on('data', (chunk) => conn.write(chunk));
    conn.on('error', () => conn.destroy());
  });
  const backlog = Number(option(argv, 'queue', '5'));
  const where = kind === 'unix' ? { path: option(argv, 'unix'), backlog } : { host: '127.0.0.1', port: 0, backlog };
  await new Promise<void>((resolve) => server.listen(where, resolve));
  const a = server.address();
  announce({ address: typeof a === 'string' ? a : ['127.0.0.1', a?.port ?? 0] });
  serveCommands({ reset: () => ({ events: 0 }) }, () => void server.close());
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`node-raw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
