/**
 * The handler registry: the request handlers a lab or scenario can name. They live in
 * this module, with `__module__` set, so that a ForkingMixIn child can import them.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import {
  BaseRequestHandler,
  DatagramRequestHandler,
  defineClass,
  sleep,
  StreamRequestHandler,
  ValueError,
  type BaseServer,
  type Ctor,
  type HandlerName,
  type PyClass,
  type Socket,
} from '@sockscope/core';

/** Lab settings a handler reads from its server (set as instance attributes before bind). */
interface LabServer extends BaseServer {
  handler_delay_ms?: number;
  sandbox_dir?: string;
}

/** BaseRequestHandler that receives once and sends it back. */
export class EchoHandler extends BaseRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    const sock = this.request as Socket;
    const data = await sock.recv(1024);
    await sock.sendall(data);
  }
}

/** Sends back what it received, upper-cased (ASCII letters, as Python's `bytes.upper()`). */
export class UpperHandler extends BaseRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    const sock = this.request as Socket;
    const data = await sock.recv(1024);
    await sock.sendall(Buffer.from(data.map((b) => (b >= 0x61 && b <= 0x7a ? b - 32 : b))));
  }
}

/** Receives, waits `handler_delay_ms`, sends back: makes concurrency visible. */
export class SlowEchoHandler extends BaseRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    const sock = this.request as Socket;
    const data = await sock.recv(1024);
    await sleep(((this.server as LabServer).handler_delay_ms ?? 200) / 1000);
    await sock.sendall(data);
  }
}

/** Raises ValueError for a payload that starts with `crash`, else echoes. */
export class CrashHandler extends BaseRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    const sock = this.request as Socket;
    const data = await sock.recv(1024);
    if (data.toString().startsWith('crash')) throw new ValueError(`cannot handle ${JSON.stringify(data.toString())}`);
    await sock.sendall(data);
  }
}

/** StreamRequestHandler that echoes lines until the client closes. */
export class StreamEchoHandler extends StreamRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    for (;;) {
      const line = await this.rfile.readline();
      if (line.length === 0) return;
      await this.wfile.write(line);
    }
  }
}

/** DatagramRequestHandler that echoes each datagram. */
export class DgramEchoHandler extends DatagramRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    this.wfile.write(this.rfile.read());
  }
}

/** DatagramRequestHandler that raises for `crash…`; `finish` still sends what was written. */
export class DgramCrashHandler extends DatagramRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    const data = this.rfile.read();
    if (data.toString().startsWith('crash')) throw new ValueError(`cannot handle ${JSON.stringify(data.toString())}`);
    this.wfile.write(data);
  }
}

/** The most bytes one `put` may upload. */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

/**
 * A small file protocol over a per-lab sandbox folder, one command per line:
 * `list` → `ok N` then N lines `NAME SIZE`; `put NAME SIZE` + SIZE bytes → `ok NAME SIZE`;
 * `get NAME` → `ok SIZE` + the bytes. Anything wrong → `error WHAT`. A name that would
 * leave the folder is refused.
 */
export class FileTransferHandler extends StreamRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    const dir = (this.server as LabServer).sandbox_dir ?? '';
    mkdirSync(dir, { recursive: true });
    for (;;) {
      const line = (await this.rfile.readline(4096)).toString();
      if (line === '') return;
      const reply = await this.command(dir, line.trim().split(/\s+/));
      await this.wfile.write(reply);
    }
  }

  async command(dir: string, [verb, name, size]: string[]): Promise<Buffer> {
    if (verb === 'list') {
      const files = readdirSync(dir).map((f) => `${f} ${statSync(join(dir, f)).size}\n`);
      return Buffer.from(`ok ${files.length}\n${files.join('')}`);
    }
    const path = name === undefined ? null : sandboxed(dir, name);
    if (verb === 'put' && name !== undefined) {
      const bytes = Number(size);
      if (!Number.isInteger(bytes) || bytes < 0 || bytes > MAX_UPLOAD_BYTES) return Buffer.from('error bad size\n');
      // Read the upload even when refusing it, so the next command starts where it should.
      const data = await this.rfile.read(bytes);
      if (data.length !== bytes) return Buffer.from('error short upload\n');
      if (!path) return Buffer.from(`error refused name ${name}\n`);
      writeFileSync(path, data);
      return Buffer.from(`ok ${name} ${bytes}\n`);
    }
    if (verb === 'get' && path) {
      try {
        const data = readFileSync(path);
        return Buffer.concat([Buffer.from(`ok ${data.length}\n`), data]);
      } catch {
        return Buffer.from(`error no such file ${name}\n`);
      }
    }
    if (verb === 'get' && name !== undefined) return Buffer.from(`error refused name ${name}\n`);
    return Buffer.from('error usage: list | put NAME SIZE | get NAME\n');
  }
}

/** `dir/name` if `name` is a plain file name that stays inside `dir`, else null. */
export function sandboxed(dir: string, name: string): string | null {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name) || name === '.' || name === '..') return null;
  const path = resolve(dir, name);
  return path.startsWith(resolve(dir) + sep) ? path : null;
}

/** A server mixin whose `verify_request` refuses every request. */
export const RejectAll: PyClass = defineClass('RejectAll', [], {
  module: import.meta.url,
  body: (Base: Ctor<BaseServer>) =>
    class extends Base {
      override async verify_request(): Promise<boolean> {
        return false;
      }
    },
});

/** Which kind of server a handler is written for. */
export type HandlerTransport = 'stream' | 'datagram';

/** The registry: scenario name → handler class and what it serves. */
export const HANDLERS: Readonly<Record<HandlerName, { readonly cls: PyClass; readonly transport: HandlerTransport }>> = {
  echo: { cls: EchoHandler, transport: 'stream' },
  upper: { cls: UpperHandler, transport: 'stream' },
  slow_echo: { cls: SlowEchoHandler, transport: 'stream' },
  crash: { cls: CrashHandler, transport: 'stream' },
  stream_echo: { cls: StreamEchoHandler, transport: 'stream' },
  dgram_echo: { cls: DgramEchoHandler, transport: 'datagram' },
  dgram_crash: { cls: DgramCrashHandler, transport: 'datagram' },
  file_transfer: { cls: FileTransferHandler, transport: 'stream' },
};

/** The server mixins a lab may name. */
export const SERVER_MIXINS: Readonly<Record<string, PyClass>> = { RejectAll };
