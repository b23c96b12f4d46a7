/**
 * Request handlers used by the core's tests. They live in their own module with
 * `__module__` set, so that a ForkingMixIn child can import them.
 */
import { SystemExit, ValueError } from '../python/exceptions.js';
import type { Socket } from '../socket/socket.js';
import { BaseRequestHandler, DatagramRequestHandler, StreamRequestHandler } from '../socketserver/handlers.js';
import { sleep } from '../threading/thread.js';

/** Reads one line and writes it back (CPython's test suite does the same). */
export class LineEchoHandler extends StreamRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    const line = await this.rfile.readline();
    await this.wfile.write(line);
  }
}

/** Echoes one datagram through `wfile`. */
export class DatagramEchoHandler extends DatagramRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    this.wfile.write(this.rfile.read());
  }
}

/** Replies with the pid of the process that handled the request. */
export class PidHandler extends BaseRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    const sock = this.request as Socket;
    await sock.recv(1024);
    await sock.sendall(Buffer.from(String(process.pid)));
  }
}

/** Raises ValueError for a payload starting with `crash`, else echoes it. */
export class CrashHandler extends BaseRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    const sock = this.request as Socket;
    const data = await sock.recv(1024);
    if (data.toString().startsWith('crash')) throw new ValueError(`bad payload ${data.toString().trim()}`);
    await sock.sendall(data);
  }
}

/** Echoes a datagram after 0.4 s. */
export class SlowDatagramEchoHandler extends DatagramRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    await sleep(0.4);
    this.wfile.write(this.rfile.read());
  }
}

/** Raises SystemExit, which no `except Exception` catches. */
export class SystemExitHandler extends BaseRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    throw new SystemExit(3);
  }
}

/** Waits `delay` seconds (read from the first line) before echoing it. */
export class SlowEchoHandler extends StreamRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    const line = await this.rfile.readline();
    await sleep(Number(line.toString().trim()) || 0.2);
    await this.wfile.write(line);
  }
}
