/**
 * Datagram endpoints: UDP over Node's `dgram`, and Unix datagram sockets over the
 * `node-unix-socket` package (Node's dgram has no AF_UNIX).
 */
import dgram from 'node:dgram';
import { createRequire } from 'node:module';
import type { DgramSocket as UnixDgramSocket } from 'node-unix-socket';
import { fromNodeError, PyTypeError } from '../python/exceptions.js';
import type { SockAddr } from '../trace/schema.js';
import { Waiters } from './waiters.js';

/** A received datagram and its sender. */
export interface Datagram {
  readonly data: Buffer;
  readonly from: SockAddr;
}

/** What both datagram endpoints offer. */
export interface DatagramEndpoint {
  readonly fd: number;
  address(): SockAddr;
  readable(): boolean;
  waitReadable(timeout: number | null): Promise<boolean>;
  /** Calls `wake` once when a datagram waits (at once if one does); returns a cancel. */
  whenReadable(wake: () => void): () => void;
  /** Waits up to `timeout` seconds until `take` has a datagram: nothing when one is already here. */
  wait(timeout: number | null): Promise<void> | undefined;
  /** After `wait`: the next datagram (an empty one from nobody once closed). */
  take(): Datagram;
  send(data: Uint8Array, to: SockAddr): Promise<void>;
  close(): void;
}

/** Datagrams wait in a queue until `recvfrom` takes them. */
class Inbox {
  readonly queue: Datagram[] = [];
  readonly changed = new Waiters();
  closed = false;

  push(d: Datagram): void {
    this.queue.push(d);
    this.changed.notify();
  }

  readable(): boolean {
    return this.queue.length > 0 || this.closed;
  }

  readonly isReadable = (): boolean => this.readable();

  async waitReadable(timeout: number | null): Promise<boolean> {
    try {
      await this.changed.until(this.isReadable, timeout);
      return true;
    } catch {
      return false;
    }
  }

  whenReadable(wake: () => void): () => void {
    return this.changed.whenReady(this.isReadable, wake);
  }

  wait(timeout: number | null): Promise<void> | undefined {
    return this.changed.until(this.isReadable, timeout);
  }

  take(): Datagram {
    return this.queue.shift() ?? { data: Buffer.alloc(0), from: null };
  }
}

let syntheticFd = 1000;

const load = createRequire(import.meta.url);
let unixSockets: typeof import('node-unix-socket') | undefined;

/**
 * node-unix-socket, loaded the first time a Unix datagram socket is made: loading the
 * native addon costs milliseconds that every process (a forked child too) would otherwise
 * pay at start, whatever it serves.
 */
function unixSocketModule(): typeof import('node-unix-socket') {
  unixSockets ??= load('node-unix-socket') as typeof import('node-unix-socket');
  return unixSockets;
}

/** A UDP socket (IPv4 or IPv6). */
export class UdpEndpoint implements DatagramEndpoint {
  readonly #inbox = new Inbox();
  #fd = -1;

  private constructor(readonly sock: dgram.Socket) {
    sock.on('message', (data, rinfo) => {
      const from: SockAddr = rinfo.family === 'IPv6' ? [rinfo.address, rinfo.port, 0, 0] : [rinfo.address, rinfo.port];
      this.#inbox.push({ data, from });
    });
  }

  /** Binds a UDP socket to `host:port` (port 0 picks a free one). */
  static async open(ipv6: boolean, host: string, port: number, reuseAddr: boolean): Promise<UdpEndpoint> {
    const sock = dgram.createSocket({ type: ipv6 ? 'udp6' : 'udp4', reuseAddr });
    const ep = new UdpEndpoint(sock);
    await new Promise<void>((resolve, reject) => {
      sock.once('error', (err) => reject(fromNodeError(err)));
      sock.bind(port, host, () => resolve());
    });
    ep.#fd = dgramFd(sock);
    return ep;
  }

  get fd(): number {
    return this.#fd;
  }

  address(): SockAddr {
    const a = this.sock.address();
    return a.family === 'IPv6' ? [a.address, a.port, 0, 0] : [a.address, a.port];
  }

  readable(): boolean {
    return this.#inbox.readable();
  }

  waitReadable(timeout: number | null): Promise<boolean> {
    return this.#inbox.waitReadable(timeout);
  }

  whenReadable(wake: () => void): () => void {
    return this.#inbox.whenReadable(wake);
  }

  wait(timeout: number | null): Promise<void> | undefined {
    return this.#inbox.wait(timeout);
  }

  take(): Datagram {
    return this.#inbox.take();
  }

  send(data: Uint8Array, to: SockAddr): Promise<void> {
    if (!Array.isArray(to)) throw new PyTypeError(`a (host, port) address is required, not ${JSON.stringify(to)}`);
    const [host, port] = to as [string, number];
    return new Promise((resolve, reject) => {
      this.sock.send(data, port, host, (err) => (err ? reject(fromNodeError(err)) : resolve()));
    });
  }

  close(): void {
    this.#inbox.closed = true;
    this.#inbox.changed.notify();
    this.sock.close();
  }
}

/** A Unix datagram socket on a path. */
export class UnixDgramEndpoint implements DatagramEndpoint {
  readonly #inbox = new Inbox();
  readonly fd = syntheticFd++;
  #path: string | null = null;

  private constructor(readonly sock: UnixDgramSocket) {
    sock.on('data', (data: Buffer, from: string) => {
      // An unbound sender has no address: Python gives None.
      this.#inbox.push({ data, from: from === '' ? null : from });
    });
  }

  /** A Unix datagram socket bound to `path`, or unbound when `path` is null. */
  static open(path: string | null): UnixDgramEndpoint {
    const ep = new UnixDgramEndpoint(new (unixSocketModule().DgramSocket)());
    if (path !== null) {
      try {
        ep.sock.bind(path);
      } catch (err) {
        ep.sock.close();
        throw fromUnixError(err);
      }
      ep.#path = path;
    }
    return ep;
  }

  address(): SockAddr {
    return this.#path ?? '';
  }

  readable(): boolean {
    return this.#inbox.readable();
  }

  waitReadable(timeout: number | null): Promise<boolean> {
    return this.#inbox.waitReadable(timeout);
  }

  whenReadable(wake: () => void): () => void {
    return this.#inbox.whenReadable(wake);
  }

  wait(timeout: number | null): Promise<void> | undefined {
    return this.#inbox.wait(timeout);
  }

  take(): Datagram {
    return this.#inbox.take();
  }

  send(data: Uint8Array, to: SockAddr): Promise<void> {
    if (typeof to !== 'string') {
      // What CPython says for sendto(data, None) on an AF_UNIX socket.
      throw new PyTypeError(`a bytes-like object is required, not '${to === null ? 'NoneType' : 'tuple'}'`);
    }
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return new Promise((resolve, reject) => {
      this.sock.sendTo(buf, 0, buf.length, to, (err) => (err ? reject(fromUnixError(err)) : resolve()));
    });
  }

  close(): void {
    this.#inbox.closed = true;
    this.#inbox.changed.notify();
    this.sock.close();
  }
}

/** node-unix-socket reports errors as text; give them Python's OSError shape. */
function fromUnixError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const code = /EADDRINUSE|Address already in use/i.test(message)
    ? 'EADDRINUSE'
    : /ENOENT|No such file/i.test(message)
      ? 'ENOENT'
      : /ECONNREFUSED|Connection refused/i.test(message)
        ? 'ECONNREFUSED'
        : '';
  return fromNodeError(Object.assign(new Error(message), { code }));
}

/** The fd of a dgram socket, found through Node's internal state where possible. */
function dgramFd(sock: dgram.Socket): number {
  for (const sym of Object.getOwnPropertySymbols(sock)) {
    const state = (sock as unknown as Record<symbol, { handle?: { fd?: unknown } } | undefined>)[sym];
    const fd = state?.handle?.fd;
    if (typeof fd === 'number' && fd >= 0) return fd;
  }
  return syntheticFd++;
}
