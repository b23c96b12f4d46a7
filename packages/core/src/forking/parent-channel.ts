/** The child's side of the IPC channel to its forking parent. */
import { AF_UNIX, SOCK_DGRAM, type AddressFamily } from '../socket/constants.js';
import { Socket } from '../socket/socket.js';
import { reprBytes } from '../python/repr.js';
import { emit } from '../trace/emit.js';
import type { SockAddr } from '../trace/schema.js';
import type { AckMessage, ChildMessage } from './messages.js';

const pending = new Map<number, () => void>();
let nextRelayId = 1_000_000_000;

process.on('message', (msg: AckMessage) => {
  if (msg.type !== 'ack') return;
  pending.get(msg.id)?.();
  pending.delete(msg.id);
});

/** Sends a message to the parent. */
export function sendToParent(msg: ChildMessage): void {
  process.send?.(msg);
}

/** Resolves when the parent acknowledges message `id`. */
export function waitForAck(id: number): Promise<void> {
  return new Promise((resolve) => pending.set(id, resolve));
}

/**
 * The server's datagram socket as a forked child sees it. Node cannot hand a datagram
 * socket to a child, so `sendto` asks the parent to send from the real socket.
 */
export class RelayedDatagramSocket extends Socket {
  constructor(
    family: AddressFamily,
    readonly serverAddress: SockAddr,
  ) {
    super(family === AF_UNIX ? AF_UNIX : family, SOCK_DGRAM);
  }

  override async sendto(data: Uint8Array, address: SockAddr): Promise<number> {
    const id = nextRelayId++;
    sendToParent({ type: 'sendto', id, data, address });
    await waitForAck(id);
    await emit({ kind: 'send', fd: this.fileno(), nbytes: data.length, preview: reprBytes(data), peer: address });
    await emit({
      kind: 'node_difference',
      rule: 'NODE-FORK',
      text: "Node cannot hand a datagram socket to a child: the parent sent this reply from the server's socket",
    });
    return data.length;
  }

  override getsockname(): SockAddr {
    return this.serverAddress;
  }
}

/** Python's `os._exit(status)` in a forked child: records the exit, then ends the process. */
export async function exitChild(status: number): Promise<never> {
  await emit({ kind: 'child_exit', status });
  await new Promise<void>((resolve) => {
    if (process.send) process.send({ type: 'stderr', text: '' }, () => resolve());
    else resolve();
  });
  process.exit(status);
}
