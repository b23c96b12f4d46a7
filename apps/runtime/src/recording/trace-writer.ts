/**
 * Writes a trace file as the run goes: the header line at once, then each batch of
 * events with one synchronous write, so a killed process loses at most the batch it was
 * writing (and leaves a cut last line that the reader drops).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { TraceEvent, TraceHeader } from '@sockscope/core/trace';

/** How a TraceWriter treats the file and its size. */
export interface TraceWriterOptions {
  /** Stop appending once the file would grow beyond this many bytes (default: no limit). */
  readonly maxBytes?: number;
  /** Replace an existing file (default false: an existing file is an error, never clobbered). */
  readonly overwrite?: boolean;
}

/** Creates a JSON Lines trace file and appends events to it. */
export class TraceWriter {
  readonly path: string;
  readonly header: TraceHeader;
  readonly maxBytes: number;
  #fd: number | null;
  #events = 0;
  #bytes = 0;
  #full = false;

  /** Creates the file and writes the header line. Throws if the file exists (unless `overwrite`). */
  constructor(path: string, header: TraceHeader, options: TraceWriterOptions = {}) {
    this.path = path;
    this.header = header;
    this.maxBytes = options.maxBytes ?? Infinity;
    // One fd for the whole run: each batch is then a single write(2), nothing to reopen.
    this.#fd = openSync(path, options.overwrite === true ? 'w' : 'wx');
    this.#write(Buffer.from(`${JSON.stringify(header)}\n`));
    if (this.#bytes > this.maxBytes) this.#full = true;
  }

  /** Events written so far. */
  get events(): number {
    return this.#events;
  }

  /** Bytes written so far, header included. */
  get bytes(): number {
    return this.#bytes;
  }

  /** True once an append hit `maxBytes`: later events are dropped. */
  get full(): boolean {
    return this.#full;
  }

  /** True after `close()`. */
  get closed(): boolean {
    return this.#fd === null;
  }

  /**
   * Writes `events`, one JSON line each, in one write. Once the file is full, writes only
   * the whole lines that fit and drops the rest. Returns how many events were written.
   */
  append(events: readonly TraceEvent[]): number {
    if (this.#fd === null) throw new Error(`TraceWriter: ${this.path} is closed`);
    if (this.#full || events.length === 0) return 0;
    const chunks: Buffer[] = [];
    let size = 0;
    for (const event of events) {
      const line = Buffer.from(`${JSON.stringify(event)}\n`);
      if (this.#bytes + size + line.length > this.maxBytes) {
        this.#full = true;
        break;
      }
      chunks.push(line);
      size += line.length;
    }
    if (chunks.length > 0) this.#write(Buffer.concat(chunks, size));
    this.#events += chunks.length;
    return chunks.length;
  }

  /** Closes the file. Closing twice does nothing. */
  close(): void {
    if (this.#fd === null) return;
    closeSync(this.#fd);
    this.#fd = null;
  }

  #write(data: Buffer): void {
    if (this.#fd === null) return;
    // writeSync may write less than asked (rare on files); loop until all of it is out.
    let offset = 0;
    while (offset < data.length) offset += writeSync(this.#fd, data, offset, data.length - offset);
    this.#bytes += data.length;
  }
}
