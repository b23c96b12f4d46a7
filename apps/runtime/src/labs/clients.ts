/**
 * Scripted clients: each runs its steps in a logical thread of its own (`client-N`) in
 * the lab's traced context, so its connect / send / recv / close are trace events too.
 */
import { Socket, sleep, socket, Thread, type ClientSpec, type ClientStep, type SockAddr } from '@sockscope/core';

/** Where and how clients reach a lab's server. */
export interface ClientTarget {
  readonly address: SockAddr;
  readonly family: socket.AddressFamily;
  readonly transport: 'stream' | 'datagram';
  /** For Unix datagram clients: a fresh path to bind, so the server can reply. */
  readonly clientPath: (n: number) => string;
}

/** Seconds a client waits for a reply before giving up. */
const RECV_TIMEOUT = 10;

/** Starts client `n` of a lab (thread `client-N`); it waits `start_ms` first. */
export function startClient(spec: ClientSpec, target: ClientTarget, n: number): Thread {
  const thread = new Thread({ target: () => runClient(spec, target, n), name: `client-${n}`, daemon: true });
  thread.start();
  return thread;
}

async function runClient(spec: ClientSpec, target: ClientTarget, n: number): Promise<void> {
  await sleep((spec.start_ms ?? 0) / 1000);
  const type = target.transport === 'stream' ? socket.SOCK_STREAM : socket.SOCK_DGRAM;
  const sock = new Socket(target.family, type);
  sock.settimeout(RECV_TIMEOUT);
  try {
    if (target.transport === 'stream') await sock.connect(target.address);
    else if (target.family === socket.AF_UNIX) await sock.bind(target.clientPath(n));
    for (const step of spec.steps) await runStep(sock, step, target);
  } finally {
    sock.close();
  }
}

async function runStep(sock: Socket, step: ClientStep, target: ClientTarget): Promise<void> {
  switch (step[0]) {
    case 'send':
      if (target.transport === 'stream') await sock.sendall(Buffer.from(step[1]));
      else await sock.sendto(Buffer.from(step[1]), target.address);
      return;
    case 'recv':
      if (target.transport === 'stream') await sock.recv(65536);
      else await sock.recvfrom(65536);
      return;
    case 'sleep_ms':
      await sleep(step[1] / 1000);
      return;
    case 'shut_wr':
      if (target.transport === 'stream') sock.shutdown(socket.SHUT_WR);
      return;
    case 'close':
      sock.close();
      return;
  }
}
