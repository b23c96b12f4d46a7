/** The datagram load: each client sends one datagram at a time and waits for its echo. */
import dgram from 'node:dgram';
import { now, Recorder, requestLine } from './recorder.js';
import type { DatagramLoad } from './spec.js';

/** `clients` sockets, each `roundTrips` datagrams; a datagram with no echo in time counts as lost. */
export async function runDatagram(spec: DatagramLoad): Promise<Recorder> {
  if (spec.target.kind !== 'udp') throw new Error('a datagram load needs a udp target');
  const { host, port } = spec.target;
  const socks = await Promise.all(
    Array.from({ length: spec.clients }, async () => {
      const sock = dgram.createSocket('udp4');
      await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', resolve));
      return sock;
    }),
  );
  const rec = new Recorder(spec.maxSeconds);
  await Promise.all(socks.map((sock) => client(sock, host, port, spec, rec)));
  for (const sock of socks) sock.close();
  return rec;
}

function client(sock: dgram.Socket, host: string, port: number, spec: DatagramLoad, rec: Recorder): Promise<void> {
  return new Promise((resolve) => {
    const packet = requestLine(Math.max(8, spec.payload));
    let left = spec.roundTrips;
    let seq = 0;
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const send = (): void => {
      if (left === 0 || !rec.open()) {
        sock.removeAllListeners('message');
        resolve();
        return;
      }
      left--;
      seq++;
      // The sequence number in the first 4 bytes tells a late echo from the awaited one.
      packet.writeUInt32BE(seq >>> 0, 0);
      sent = now();
      timer = setTimeout(() => {
        rec.lost++;
        send();
      }, spec.timeoutMs);
      sock.send(packet, port, host);
    };
    sock.on('message', (data: Buffer) => {
      if (data.length !== packet.length) {
        rec.error(`echo of ${data.length} bytes for ${packet.length}`);
        return;
      }
      if (data.readUInt32BE(0) !== seq >>> 0) return; // late echo of a datagram already counted lost
      clearTimeout(timer);
      rec.answered(now() - sent);
      send();
    });
    sock.on('error', (err) => rec.error(err.message));
    send();
  });
}
