/**
 * Stream endpoints over Node's `net`: a connection whose bytes wait in a buffer until
 * Python-style `recv` takes them, and a listener whose connections wait until `accept`.
 */
import net from 'node:net';
import { fromNodeError, OSError } from '../python/exceptions.js';
import { Waiters } from './waiters.js';

/** Above this many buffered bytes, reading from the kernel pauses (backpressure). */
const HIGH_WATER = 1 << 20;

/** One TCP or Unix stream connection. Reading starts only when somebody asks for bytes. */
export class StreamConnection {
  readonly #chunks: Buffer[] = [];
  #buffered = 0;
  #eof = false;
  #error: Error | undefined;
  #reading = false;
  readonly #changed = new Waiters();

  constructor(readonly sock: net.Socket) {
    // A Python socket can still send after the peer's FIN; Node's default would end it.
    sock.allowHalfOpen = true;
    sock.pause();
    sock.on('data', (chunk: Buffer) => {
      this.#chunks.push(chunk);
      this.#buffered += chunk.length;
      if (this.#buffered > HIGH_WATER) sock.pause();
      this.#changed.notify();
    });
    sock.on('end', () => {
      this.#eof = true;
      this.#changed.notify();
    });
    sock.on('error', (err) => {
      this.#error = err;
      this.#changed.notify();
    });
    sock.on('close', () => {
      this.#eof = true;
      this.#changed.notify();
    });
  }

  /** True when `recv` would return at once. */
  readable(): boolean {
    this.#startReading();
    return this.#buffered > 0 || this.#eof || this.#error !== undefined;
  }

  /** Waits up to `timeout` seconds (null: for ever) for readability; true if readable. */
  async waitReadable(timeout: number | null): Promise<boolean> {
    try {
      await this.#changed.until(() => this.readable(), timeout);
      return true;
    } catch {
      return false;
    }
  }

  /** Calls `wake` once when the connection is readable (at once if it is); returns a cancel. */
  whenReadable(wake: () => void): () => void {
    return this.#changed.whenReady(() => this.readable(), wake);
  }

  /**
   * Waits up to `timeout` seconds (null: for ever) until `take` has something to return:
   * nothing when it already has (the hot path of a busy connection), else a promise that
   * rejects with TimeoutError at the deadline.
   */
  wait(timeout: number | null): Promise<void> | undefined {
    // Checked here first: no closure is made on the hot path (one connection, many reads).
    return this.readable() ? undefined : this.#changed.until(() => this.readable(), timeout);
  }

  /** After `wait`: up to `n` bytes; an empty buffer means EOF; a pending error is raised. */
  take(n: number): Buffer {
    if (this.#buffered === 0) {
      if (this.#error && !this.#eof) throw fromNodeError(this.#error);
      return Buffer.alloc(0);
    }
    return this.#take(n);
  }

  #take(n: number): Buffer {
    let data: Buffer;
    const head = this.#chunks[0] as Buffer;
    if (head.length <= n && (head.length === n || this.#chunks.length === 1)) {
      // The usual case: the first chunk is all that is wanted, or all there is.
      data = head;
      this.#chunks.shift();
    } else {
      const out: Buffer[] = [];
      let want = n;
      while (want > 0 && this.#chunks.length > 0) {
        const first = this.#chunks[0] as Buffer;
        if (first.length <= want) {
          out.push(first);
          this.#chunks.shift();
          want -= first.length;
        } else {
          out.push(first.subarray(0, want));
          this.#chunks[0] = first.subarray(want);
          want = 0;
        }
      }
      data = Buffer.concat(out);
    }
    this.#buffered -= data.length;
    if (this.#buffered <= HIGH_WATER && !this.#eof && this.sock.isPaused()) this.sock.resume();
    return data;
  }

  #startReading(): void {
    if (this.#reading) return;
    this.#reading = true;
    this.sock.resume();
  }

  /**
   * Writes all of `data`. Returns nothing when the kernel took it all at once (what a
   * small write on a healthy connection does); else a promise that settles when Node has
   * handed it to the kernel, or failed to.
   */
  send(data: Uint8Array): Promise<void> | undefined {
    if (this.sock.destroyed || this.sock.writableEnded) {
      return Promise.reject(new OSError(32, 'Broken pipe'));
    }
    let settle: ((err: Error | null | undefined) => void) | undefined;
    let failure: Error | null | undefined;
    let done = false;
    this.sock.write(data, (err) => {
      done = true;
      failure = err;
      settle?.(err);
    });
    // Written synchronously (nothing left in Node's buffer, no error): Python's send returns.
    if (!this.sock.destroyed && this.sock.writableLength === 0) return undefined;
    return new Promise((resolve, reject) => {
      settle = (err) => (err ? reject(fromNodeError(err)) : resolve());
      if (done) settle(failure);
    });
  }

  /** `shutdown(SHUT_WR)`: sends FIN once the written bytes are out. */
  shutdownWrite(): void {
    if (!this.sock.destroyed) this.sock.end();
  }

  /** Closes the connection at once. */
  close(): void {
    this.sock.destroy();
  }
}

/** A listening TCP or Unix stream socket whose connections wait until `accept`. */
export class StreamListener {
  readonly #queue: net.Socket[] = [];
  readonly #changed = new Waiters();
  #closed = false;

  constructor(readonly server: net.Server) {
    server.on('connection', (sock) => {
      this.#queue.push(sock);
      this.#changed.notify();
    });
  }

  /** Binds and listens (Node cannot bind a stream server without listening). */
  static async open(options: net.ListenOptions): Promise<StreamListener> {
    const server = net.createServer({ pauseOnConnect: true });
    const listener = new StreamListener(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err) => reject(fromNodeError(err)));
      server.listen(options, () => resolve());
    });
    return listener;
  }

  /** Sets the kernel's listen backlog (libuv allows calling listen again on a bound socket). */
  setBacklog(backlog: number): void {
    const handle = (this.server as unknown as { _handle?: { listen?: (n: number) => number } })._handle;
    handle?.listen?.(backlog);
  }

  readable(): boolean {
    return this.#queue.length > 0 || this.#closed;
  }

  async waitReadable(timeout: number | null): Promise<boolean> {
    try {
      await this.#changed.until(() => this.readable(), timeout);
      return true;
    } catch {
      return false;
    }
  }

  /** Calls `wake` once when a connection waits (at once if one does); returns a cancel. */
  whenReadable(wake: () => void): () => void {
    return this.#changed.whenReady(() => this.readable(), wake);
  }

  /** Takes the next connection, waiting up to `timeout` seconds. */
  async accept(timeout: number | null): Promise<net.Socket> {
    const wait = this.#changed.until(() => this.readable(), timeout);
    if (wait) await wait;
    const sock = this.#queue.shift();
    if (!sock) throw new OSError(9, 'Bad file descriptor');
    return sock;
  }

  close(): void {
    this.#closed = true;
    for (const sock of this.#queue.splice(0)) sock.destroy();
    this.server.close();
    this.#changed.notify();
  }
}

/** The OS file descriptor behind a Node handle, or -1. */
export function handleFd(owner: unknown): number {
  const fd = (owner as { _handle?: { fd?: unknown } } | undefined)?._handle?.fd;
  return typeof fd === 'number' ? fd : -1;
}
