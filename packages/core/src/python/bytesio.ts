/** Python's `io.BytesIO`: the in-memory `rfile`/`wfile` of DatagramRequestHandler. */

/** Python's `io.BytesIO`. */
export class BytesIO {
  #data: Buffer;
  #pos = 0;
  closed = false;

  constructor(initial: Uint8Array = new Uint8Array(0)) {
    this.#data = Buffer.from(initial);
  }

  /** Reads `n` bytes (all the rest when negative). */
  read(n = -1): Buffer {
    const end = n < 0 ? this.#data.length : Math.min(this.#data.length, this.#pos + n);
    const out = this.#data.subarray(this.#pos, end);
    this.#pos = end;
    return out;
  }

  /** Reads up to and including the next `\n`. */
  readline(limit = -1): Buffer {
    const nl = this.#data.indexOf(0x0a, this.#pos);
    let end = nl < 0 ? this.#data.length : nl + 1;
    if (limit >= 0) end = Math.min(end, this.#pos + limit);
    const out = this.#data.subarray(this.#pos, end);
    this.#pos = end;
    return out;
  }

  /** Writes at the current position; returns the bytes written. */
  write(data: Uint8Array): number {
    const end = this.#pos + data.length;
    if (end > this.#data.length) {
      const grown = Buffer.alloc(end);
      this.#data.copy(grown);
      this.#data = grown;
    }
    this.#data.set(data, this.#pos);
    this.#pos = end;
    return data.length;
  }

  /** Everything written so far. */
  getvalue(): Buffer {
    return Buffer.from(this.#data);
  }

  close(): void {
    this.closed = true;
  }
}
