/**
 * The request handlers every core server of the benchmark runs: the same echo as
 * `cpython_echo.py`, written the way a user of the port writes it. They live in their own
 * module with `__module__` set, so that a ForkingMixIn child can import them (SPEC NODE-FORK).
 */
import { DatagramRequestHandler, StreamRequestHandler } from '@sockscope/core';

/** Sends every line back as it arrives, until the client closes (a persistent connection). */
export class LineEcho extends StreamRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    for (;;) {
      const line = await this.rfile.readline();
      if (line.length === 0) return;
      await this.wfile.write(line);
    }
  }
}

/** Sends each datagram back; `finish()` does the sending. */
export class DatagramEcho extends DatagramRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    this.wfile.write(this.rfile.read());
  }
}
