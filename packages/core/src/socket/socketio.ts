/**
 * File objects over a socket, as `socket.makefile()` gives in Python: a buffered reader
 * (`rfile`: `readline`, `read`) and a buffered writer (`wfile` when `wbufsize` is not 0).
 */
import { ValueError } from '../python/exceptions.js';

/** Python's `io.DEFAULT_BUFFER_SIZE`: how much a buffered reader asks the socket for at once. */
export const DEFAULT_BUFFER_SIZE = 8192;

/** The socket calls a file object makes. */
interface ByteSocket {
  recv(n: number): Promise<Buffer>;
  sendall(data: Uint8Array): Promise<void>;
  fileno(): number;
}

/** Python's `BufferedReader` over a socket (`makefile('rb')`). */
export class SocketReader {
  #buffer: Buffer = Buffer.alloc(0);
  #eof = false;
  closed = false;

  constructor(readonly sock: ByteSocket) {}

  /** Reads one line, up to and including `\n` (at most `limit` bytes when limit ≥ 0); empty at EOF. */
  async readline(limit = -1): Promise<Buffer> {
    this.#check();
    for (;;) {
      const nl = this.#buffer.indexOf(0x0a);
      if (nl >= 0 && (limit < 0 || nl < limit)) return this.#take(nl + 1);
      if (limit >= 0 && this.#buffer.length >= limit) return this.#take(limit);
      if (this.#eof || !this.#append(await this.sock.recv(DEFAULT_BUFFER_SIZE))) return this.#take(this.#buffer.length);
    }
  }

  /** Reads `n` bytes (fewer at EOF), or everything until EOF when `n` is negative. */
  async read(n = -1): Promise<Buffer> {
    this.#check();
    while ((n < 0 || this.#buffer.length < n) && !this.#eof && this.#append(await this.sock.recv(DEFAULT_BUFFER_SIZE)));
    return this.#take(n < 0 ? this.#buffer.length : Math.min(n, this.#buffer.length));
  }

  /** Python's `fileno()`. */
  fileno(): number {
    return this.sock.fileno();
  }

  /** Closes the file object (the socket stays open, as in Python). */
  close(): void {
    this.closed = true;
  }

  /** Adds what one `recv` returned to the buffer; false at EOF (an empty chunk). */
  #append(chunk: Buffer): boolean {
    if (chunk.length === 0) {
      this.#eof = true;
      return false;
    }
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    return true;
  }

  #take(n: number): Buffer {
    const out = this.#buffer.subarray(0, n);
    this.#buffer = this.#buffer.subarray(n);
    return out;
  }

  #check(): void {
    if (this.closed) throw new ValueError('I/O operation on closed file.');
  }
}

/** Python's `BufferedWriter` over a socket (`makefile('wb', bufsize)`): sends when full or flushed. */
export class SocketWriter {
  #pending: Buffer[] = [];
  #size = 0;
  closed = false;

  constructor(
    readonly sock: ByteSocket,
    readonly bufsize: number,
  ) {}

  /** Buffers `data`, sending when the buffer is full; returns the bytes taken. */
  async write(data: Uint8Array): Promise<number> {
    if (this.closed) throw new ValueError('write to closed file');
    this.#pending.push(Buffer.from(data));
    this.#size += data.length;
    const limit = this.bufsize < 0 ? DEFAULT_BUFFER_SIZE : this.bufsize;
    if (this.#size >= limit) await this.flush();
    return data.length;
  }

  /** Sends whatever is buffered. */
  async flush(): Promise<void> {
    if (this.#size === 0) return;
    const data = Buffer.concat(this.#pending);
    this.#pending = [];
    this.#size = 0;
    await this.sock.sendall(data);
  }

  /** Python's `fileno()`. */
  fileno(): number {
    return this.sock.fileno();
  }

  /** Flushes, then closes the file object (not the socket). */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush();
    } finally {
      this.closed = true;
    }
  }
}
