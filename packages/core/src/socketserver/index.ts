/**
 * Python's `socketserver` module, ported: every public class under its Python name, plus
 * the private helpers that appear in CPython's call traces.
 */
import { BaseServer } from './base-server.js';
import { ForkingMixIn } from './forking-mixin.js';
import { BaseRequestHandler, DatagramRequestHandler, StreamRequestHandler } from './handlers.js';
import { _SocketWriter } from './socket-writer.js';
import { TCPServer } from './tcp-server.js';
import { ThreadingMixIn } from './threading-mixin.js';
import { _NoThreads, _Threads } from './threads.js';
import { UDPServer } from './udp-server.js';
import { UnixDatagramServer, UnixStreamServer } from './unix-servers.js';

export * from './classes.js';
export {
  _NoThreads,
  _SocketWriter,
  _Threads,
  BaseRequestHandler,
  BaseServer,
  DatagramRequestHandler,
  ForkingMixIn,
  StreamRequestHandler,
  TCPServer,
  ThreadingMixIn,
  UDPServer,
  UnixDatagramServer,
  UnixStreamServer,
};
export type { ClientAddress, HandlerClass, Request } from './types.js';
