/**
 * Python's `socket.socket` over Node: the same method names (`bind`, `listen`, `accept`,
 * `recv`, `send`, `sendall`, `recvfrom`, `sendto`, `settimeout`, `shutdown`, `close`, ...),
 * async where Python blocks, and a trace event at each moment that moves bytes or state.
 */
import net from 'node:net';
import { BlockingIOError, fromNodeError, OSError, OverflowError } from '../python/exceptions.js';
import { reprBytes } from '../python/repr.js';
import { emit, emitPassing, tracing } from '../trace/emit.js';
import type { SockAddr } from '../trace/schema.js';
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  SHUT_RD,
  SHUT_RDWR,
  SHUT_WR,
  SO_REUSEADDR,
  SO_REUSEPORT,
  SOCK_DGRAM,
  SOCK_STREAM,
  familyName,
  kindName,
  type AddressFamily,
  type SocketKind,
} from './constants.js';
import { UdpEndpoint, UnixDgramEndpoint, type DatagramEndpoint } from './dgram.js';
import { SocketReader, SocketWriter } from './socketio.js';
import { handleFd, StreamConnection, StreamListener } from './stream.js';

type State =
  | { readonly kind: 'new' }
  | { readonly kind: 'listener'; readonly listener: StreamListener }
  | { readonly kind: 'stream'; readonly conn: StreamConnection }
  | { readonly kind: 'dgram'; readonly ep: DatagramEndpoint }
  | { readonly kind: 'closed' };

/** What a socket is for, as trace events name it. */
export type SocketRole = 'server' | 'connection' | 'client';

/** Python's `socket.socket`. */
export class Socket {
  #state: State = { kind: 'new' };
  #timeout: number | null = null;
  #fd = -1;
  #role: SocketRole = 'client';
  #local: SockAddr = null;
  /** A connection whose local address is not read yet (see `fromStream`). */
  #localOf: net.Socket | null = null;
  #peer: SockAddr = null;
  readonly #options = new Map<string, number>();
  /** Forked children holding a copy of this datagram socket (see `retainForChild`). */
  #childCopies = 0;
  /** A datagram endpoint closed here but still held by children, as their fd copies would keep it open. */
  #heldOpen: DatagramEndpoint | null = null;

  constructor(
    readonly family: AddressFamily = AF_INET,
    readonly type: SocketKind = SOCK_STREAM,
  ) {}

  /** Wraps a connection Node accepted or connected (internal). */
  static fromStream(family: AddressFamily, sock: net.Socket, role: SocketRole): Socket {
    const s = new Socket(family, SOCK_STREAM);
    s.#state = { kind: 'stream', conn: new StreamConnection(sock) };
    s.#role = role;
    s.#fd = handleFd(sock);
    // The local address is asked of the OS only when wanted (getsockname is a system call
    // that an accepted connection rarely needs; CPython does not make it either).
    s.#localOf = sock;
    s.#peer = family === AF_UNIX ? '' : inetAddr(family, sock.remoteAddress, sock.remotePort);
    return s;
  }

  /** Python's `setsockopt(level, option, value)`: recorded, and applied where Node can. */
  setsockopt(level: number, option: number, value: number | boolean): void {
    const v = Number(value);
    this.#options.set(`${level}:${option}`, v);
    if (this.#state.kind === 'stream' && option === 1 && level === 6) this.#state.conn.sock.setNoDelay(v !== 0);
  }

  /** Python's `getsockopt(level, option)` for the options set with `setsockopt`. */
  getsockopt(level: number, option: number): number {
    return this.#options.get(`${level}:${option}`) ?? 0;
  }

  /** Python's `bind(address)`. For stream sockets Node also starts listening (see SPEC NODE-BIND-LISTEN). */
  async bind(address: SockAddr): Promise<void> {
    this.#role = 'server';
    if (this.type === SOCK_STREAM) await this.#bindStream(address);
    else await this.#bindDgram(address);
    this.#local = this.getsockname();
    await emit({
      kind: 'bind',
      fd: this.#fd,
      family: familyName(this.family),
      socket_type: kindName(this.type),
      requested: address,
      address: this.#local,
    });
    await this.#noteBindDifferences();
  }

  async #bindStream(address: SockAddr): Promise<void> {
    const options: net.ListenOptions =
      this.family === AF_UNIX ? { path: unixPath(address) } : { ...inetTarget(this.family, address), exclusive: true };
    const listener = await StreamListener.open(options);
    this.#state = { kind: 'listener', listener };
    this.#fd = handleFd(listener.server);
  }

  async #bindDgram(address: SockAddr): Promise<void> {
    const ep =
      this.family === AF_UNIX
        ? UnixDgramEndpoint.open(unixPath(address))
        : await UdpEndpoint.open(
            this.family === AF_INET6,
            inetTarget(this.family, address).host,
            inetTarget(this.family, address).port,
            this.getsockopt(1, SO_REUSEADDR) !== 0,
          );
    this.#state = { kind: 'dgram', ep };
    this.#fd = ep.fd;
  }

  async #noteBindDifferences(): Promise<void> {
    if (this.type === SOCK_STREAM && this.family !== AF_UNIX && this.getsockopt(1, SO_REUSEADDR) === 0) {
      await emit({
        kind: 'node_difference',
        rule: 'NODE-REUSEADDR',
        text: 'libuv set SO_REUSEADDR on this TCP socket; CPython would not (allow_reuse_address is False)',
      });
    }
    if (this.getsockopt(1, SO_REUSEPORT) !== 0) {
      await emit({
        kind: 'node_difference',
        rule: 'NODE-REUSEPORT',
        text: 'Node 20 cannot set SO_REUSEPORT; the socket was bound without it',
      });
    }
  }

  /** Python's `listen(backlog)`. */
  async listen(backlog = 128): Promise<void> {
    const state = this.#expect('listener', 'listen');
    state.listener.setBacklog(backlog);
    await emit({ kind: 'listen', fd: this.#fd, backlog });
  }

  /** Python's `accept()`: the new connection and the client's address. */
  async accept(): Promise<[Socket, SockAddr]> {
    const { listener } = this.#expect('listener', 'accept');
    if (this.#timeout === 0 && !listener.readable()) throw wouldBlock();
    const sock = await listener.accept(this.#timeout);
    const conn = Socket.fromStream(this.family, sock, 'connection');
    if (tracing()) {
      // Await only a tracer that holds this thread: awaiting nothing still costs a tick.
      const hold = emit({ kind: 'accept', fd: this.#fd, conn_fd: conn.fileno(), client_address: conn.#peer });
      if (hold) await hold;
    }
    return [conn, conn.#peer];
  }

  /** Python's `connect(address)`: a client connects to a server. */
  async connect(address: SockAddr): Promise<void> {
    if (this.type === SOCK_DGRAM) {
      this.#peer = address;
      return;
    }
    const options = this.family === AF_UNIX ? { path: unixPath(address) } : inetTarget(this.family, address);
    const sock = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect(options, () => resolve(s));
      s.once('error', (err) => reject(fromNodeError(err)));
    });
    const connected = Socket.fromStream(this.family, sock, 'client');
    this.#state = connected.#state;
    this.#fd = connected.#fd;
    this.#local = connected.#localAddress();
    this.#peer = this.family === AF_UNIX ? unixPath(address) : connected.#peer;
    await emit({ kind: 'connect', fd: this.#fd, address: this.#peer, local_address: this.#local });
  }

  // Untraced, the methods below neither build events (a bytes preview costs) nor await
  // anything that does not wait: each `await` is a promise and a turn of the microtask
  // queue on the path of every request.

  /** Python's `recv(bufsize)`: up to `bufsize` bytes; empty at end of stream. */
  async recv(bufsize: number): Promise<Buffer> {
    if (this.type === SOCK_DGRAM) return (await this.recvfrom(bufsize))[0];
    const { conn } = this.#expect('stream', 'recv');
    if (this.#timeout === 0 && !conn.readable()) throw wouldBlock();
    const waiting = conn.wait(this.#timeout);
    if (waiting) await waiting;
    const data = conn.take(bufsize);
    if (tracing()) {
      // Await only a tracer that holds this thread: awaiting nothing still costs a tick.
      const hold = emit({ kind: 'recv', fd: this.#fd, nbytes: data.length, preview: reprBytes(data) });
      if (hold) await hold;
    }
    return data;
  }

  /** Python's `recvfrom(bufsize)`: one datagram, cut to `bufsize` bytes, and its sender. */
  async recvfrom(bufsize: number): Promise<[Buffer, SockAddr]> {
    if (this.type === SOCK_STREAM) return [await this.recv(bufsize), null];
    const ep = this.#boundEndpoint() ?? (await this.#datagramEndpoint());
    if (this.#timeout === 0 && !ep.readable()) throw wouldBlock();
    const waiting = ep.wait(this.#timeout);
    if (waiting) await waiting;
    const { data: whole, from } = ep.take();
    // Linux truncates a datagram longer than the buffer and drops the rest.
    const data = whole.length > bufsize ? whole.subarray(0, bufsize) : whole;
    if (tracing()) {
      const hold = emit({ kind: 'recv', fd: this.#fd, nbytes: data.length, preview: reprBytes(data), peer: from });
      if (hold) await hold;
    }
    return [data, from];
  }

  /** Python's `send(data)`: returns the number of bytes sent (here always all of them). */
  async send(data: Uint8Array): Promise<number> {
    if (this.type === SOCK_DGRAM) return this.sendto(data, this.#peer);
    const sending = this.#sendStream(data);
    if (sending) await sending;
    return data.length;
  }

  /** Python's `sendall(data)` (its own method, as in CPython: it does not call `send`). */
  async sendall(data: Uint8Array): Promise<void> {
    if (this.type === SOCK_DGRAM) {
      await this.sendto(data, this.#peer);
      return;
    }
    const sending = this.#sendStream(data);
    if (sending) await sending;
  }

  /** Writes all of `data` to the connection and emits `send`; a promise only if something must be waited for. */
  #sendStream(data: Uint8Array): Promise<void> | undefined {
    const { conn } = this.#expect('stream', 'send');
    const sending = conn.send(data);
    if (sending) return sending.then(() => this.#traceSend(data));
    return this.#traceSend(data);
  }

  #traceSend(data: Uint8Array): Promise<void> | undefined {
    if (!tracing()) return undefined;
    return emit({ kind: 'send', fd: this.#fd, nbytes: data.length, preview: reprBytes(data) }) ?? undefined;
  }

  /** Python's `sendto(data, address)`: one datagram. */
  async sendto(data: Uint8Array, address: SockAddr): Promise<number> {
    const ep = this.#boundEndpoint() ?? (await this.#datagramEndpoint());
    await ep.send(data, address);
    if (tracing()) {
      // Await only a tracer that holds this thread: awaiting nothing still costs a tick.
      const hold = emit({ kind: 'send', fd: this.#fd, nbytes: data.length, preview: reprBytes(data), peer: address });
      if (hold) await hold;
    }
    return data.length;
  }

  /** The datagram endpoint of a bound socket, without waiting; undefined otherwise. */
  #boundEndpoint(): DatagramEndpoint | undefined {
    return this.#state.kind === 'dgram' ? this.#state.ep : undefined;
  }

  /** An unbound datagram socket binds implicitly on first use, as the OS does. */
  async #datagramEndpoint(): Promise<DatagramEndpoint> {
    if (this.#state.kind === 'new') {
      const ep =
        this.family === AF_UNIX
          ? UnixDgramEndpoint.open(null)
          : await UdpEndpoint.open(this.family === AF_INET6, this.family === AF_INET6 ? '::' : '0.0.0.0', 0, false);
      this.#state = { kind: 'dgram', ep };
      this.#fd = ep.fd;
    }
    return this.#expect('dgram', 'sendto').ep;
  }

  /** The Node socket of a connection, to hand to a forked child (internal). */
  nodeStream(): net.Socket | undefined {
    return this.#state.kind === 'stream' ? this.#state.conn.sock : undefined;
  }

  /** Sends a datagram without a trace event: a forked child's reply, which the child traced (internal). */
  async sendtoUntraced(data: Uint8Array, address: SockAddr): Promise<void> {
    const ep = this.#heldOpen ?? (await this.#datagramEndpoint());
    await ep.send(data, address);
  }

  /**
   * A forked child now holds a copy of this datagram socket: like a real fd copy, it keeps
   * the socket open after the parent closes its own. Returns the release (child exited).
   */
  retainForChild(): () => void {
    this.#childCopies++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#childCopies--;
      if (this.#childCopies === 0 && this.#heldOpen) {
        this.#heldOpen.close();
        this.#heldOpen = null;
      }
    };
  }

  /** Python's `settimeout(seconds)`: null blocks, 0 never blocks. */
  settimeout(timeout: number | null): void {
    if (timeout !== null && timeout < 0) throw new RangeError('Timeout value out of range');
    this.#timeout = timeout;
  }

  /** Python's `gettimeout()`. */
  gettimeout(): number | null {
    return this.#timeout;
  }

  /** Python's `setblocking(flag)`. */
  setblocking(flag: boolean): void {
    this.#timeout = flag ? null : 0;
  }

  /** Python's `getsockname()`. */
  getsockname(): SockAddr {
    const s = this.#state;
    if (s.kind === 'listener') {
      const a = s.listener.server.address();
      return typeof a === 'string' ? a : a === null ? null : inetAddr(this.family, a.address, a.port);
    }
    if (s.kind === 'dgram') return s.ep.address();
    const local = this.#localAddress();
    if (local !== null) return local;
    return this.family === AF_UNIX ? '' : this.family === AF_INET6 ? ['::', 0, 0, 0] : ['0.0.0.0', 0];
  }

  /** Python's `getpeername()`. */
  getpeername(): SockAddr {
    if (this.#state.kind !== 'stream') throw new OSError(107, 'Transport endpoint is not connected');
    return this.#peer;
  }

  /** Python's `fileno()`: the OS descriptor, -1 once closed. */
  fileno(): number {
    return this.#state.kind === 'closed' ? -1 : this.#fd;
  }

  /** Python's `shutdown(how)`. */
  shutdown(how: number): void {
    const { conn } = this.#expect('stream', 'shutdown');
    if (how === SHUT_WR || how === SHUT_RDWR) conn.shutdownWrite();
    const name = how === SHUT_RD ? 'SHUT_RD' : how === SHUT_WR ? 'SHUT_WR' : 'SHUT_RDWR';
    emitPassing({ kind: 'socket_shutdown', fd: this.#fd, how: name });
  }

  /** Python's `close()`; closing twice does nothing. */
  close(): void {
    const s = this.#state;
    if (s.kind === 'closed') return;
    this.#state = { kind: 'closed' };
    if (s.kind === 'listener') s.listener.close();
    if (s.kind === 'stream') s.conn.close();
    if (s.kind === 'dgram') {
      if (this.#childCopies > 0) this.#heldOpen = s.ep;
      else s.ep.close();
    }
    if (s.kind === 'new') return;
    emitPassing({ kind: 'close', fd: this.#fd, role: this.#role });
    if (s.kind === 'listener' && this.family === AF_UNIX) {
      emitPassing({
        kind: 'node_difference',
        rule: 'NODE-UNIX-UNLINK',
        text: `Node removed the socket file ${String(this.#local)} on close; CPython leaves it in place`,
      });
    }
  }

  /** Python's `makefile(mode, buffering)`: `'rb'` for reading, `'wb'` for a buffered writer. */
  makefile(mode: 'rb' | 'wb' = 'rb', buffering = -1): SocketReader | SocketWriter {
    return mode === 'rb' ? new SocketReader(this) : new SocketWriter(this, buffering);
  }

  /** True when a `recv`/`accept` would return at once (what a selector polls). */
  readable(): boolean {
    const s = this.#state;
    if (s.kind === 'listener') return s.listener.readable();
    if (s.kind === 'stream') return s.conn.readable();
    if (s.kind === 'dgram') return s.ep.readable();
    return s.kind === 'closed';
  }

  /** Waits up to `timeout` seconds for readability; what a selector does. */
  waitReadable(timeout: number | null): Promise<boolean> {
    const s = this.#state;
    if (s.kind === 'listener') return s.listener.waitReadable(timeout);
    if (s.kind === 'stream') return s.conn.waitReadable(timeout);
    if (s.kind === 'dgram') return s.ep.waitReadable(timeout);
    return Promise.resolve(s.kind === 'closed');
  }

  /**
   * Calls `wake` once, as soon as the socket is readable (at once if it is now); returns a
   * function that cancels it. A selector waits on several sockets with one timer this way.
   * A new or closed socket wakes at once, as `waitReadable` resolves at once for them.
   */
  whenReadable(wake: () => void): () => void {
    const s = this.#state;
    if (s.kind === 'listener') return s.listener.whenReadable(wake);
    if (s.kind === 'stream') return s.conn.whenReadable(wake);
    if (s.kind === 'dgram') return s.ep.whenReadable(wake);
    wake();
    return () => undefined;
  }

  /** The local address, read from the connection the first time it is wanted. */
  #localAddress(): SockAddr {
    const sock = this.#localOf;
    if (sock !== null) {
      this.#localOf = null;
      this.#local = this.family === AF_UNIX ? (sock.localAddress ?? '') : inetAddr(this.family, sock.localAddress, sock.localPort);
    }
    return this.#local;
  }

  #expect<K extends State['kind']>(kind: K, op: string): Extract<State, { kind: K }> {
    if (this.#state.kind === kind) return this.#state as Extract<State, { kind: K }>;
    if (this.#state.kind === 'closed') throw new OSError(9, 'Bad file descriptor');
    throw new OSError(this.type === SOCK_STREAM ? 107 : 22, `${op}() on a socket that is ${this.#state.kind}`);
  }
}

function wouldBlock(): BlockingIOError {
  return new BlockingIOError(11, 'Resource temporarily unavailable');
}

function unixPath(address: SockAddr): string {
  if (typeof address !== 'string') throw new OSError(22, 'AF_UNIX address must be a path');
  return address;
}

/** Python's `''` means "any address". */
function inetTarget(family: AddressFamily, address: SockAddr): { host: string; port: number } {
  if (!Array.isArray(address)) throw new OSError(22, 'AF_INET address must be a (host, port) pair');
  const [host, port] = address as readonly [string, number];
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new OverflowError('bind(): port must be 0-65535.');
  const any = family === AF_INET6 ? '::' : '0.0.0.0';
  return { host: host === '' ? any : host, port };
}

function inetAddr(family: AddressFamily, address: string | undefined, port: number | undefined): SockAddr {
  const host = (address ?? '').replace(/^::ffff:/, '');
  return family === AF_INET6 ? [host, port ?? 0, 0, 0] : [host, port ?? 0];
}
