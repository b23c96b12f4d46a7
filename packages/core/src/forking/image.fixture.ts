/**
 * A handler for the fork-image tests, in its own module (with `__module__`) so that a
 * forked child can load it: it replies with how the child process was started.
 */
import { basename } from 'node:path';
import type { Socket } from '../socket/socket.js';
import { BaseRequestHandler } from '../socketserver/handlers.js';

/** Replies `ENTRY EXECARGV…`: the file the child started from and its Node options. */
export class StartedFromHandler extends BaseRequestHandler {
  static readonly __module__ = import.meta.url;

  override async handle(): Promise<void> {
    const sock = this.request as Socket;
    await sock.recv(1024);
    await sock.sendall(Buffer.from(`${basename(process.argv[1] ?? '')} ${process.execArgv.join(' ')}`));
  }
}
