/** The ready-made combinations of a mixin and a server class, as socketserver defines them. */
import { defineClass } from '../pyclass/pyclass.js';
import type { ServerArgs, ServerClass } from './types.js';
import { ForkingMixIn } from './forking-mixin.js';
import { TCPServer } from './tcp-server.js';
import { ThreadingMixIn } from './threading-mixin.js';
import { UDPServer } from './udp-server.js';
import { UnixDatagramServer, UnixStreamServer } from './unix-servers.js';

/** A threading stream server. */
export type ThreadingStreamServer = ThreadingMixIn & TCPServer;
/** A threading datagram server. */
export type ThreadingDatagramServer = ThreadingMixIn & UDPServer;
/** A forking stream server. */
export type ForkingStreamServer = ForkingMixIn & TCPServer;
/** A forking datagram server. */
export type ForkingDatagramServer = ForkingMixIn & UDPServer;

/** `class ForkingUDPServer(ForkingMixIn, UDPServer)`. */
export const ForkingUDPServer: ServerClass<ForkingDatagramServer> = defineClass<ForkingDatagramServer, ServerArgs>('ForkingUDPServer', [ForkingMixIn, UDPServer], { module: import.meta.url });
/** `class ForkingTCPServer(ForkingMixIn, TCPServer)`. */
export const ForkingTCPServer: ServerClass<ForkingStreamServer> = defineClass<ForkingStreamServer, ServerArgs>('ForkingTCPServer', [ForkingMixIn, TCPServer], { module: import.meta.url });
/** `class ThreadingUDPServer(ThreadingMixIn, UDPServer)`. */
export const ThreadingUDPServer: ServerClass<ThreadingDatagramServer> = defineClass<ThreadingDatagramServer, ServerArgs>('ThreadingUDPServer', [
  ThreadingMixIn,
  UDPServer,
], { module: import.meta.url });
/** `class ThreadingTCPServer(ThreadingMixIn, TCPServer)`. */
export const ThreadingTCPServer: ServerClass<ThreadingStreamServer> = defineClass<ThreadingStreamServer, ServerArgs>('ThreadingTCPServer', [
  ThreadingMixIn,
  TCPServer,
], { module: import.meta.url });
/** `class ThreadingUnixStreamServer(ThreadingMixIn, UnixStreamServer)`. */
export const ThreadingUnixStreamServer: ServerClass<ThreadingStreamServer> = defineClass<ThreadingStreamServer, ServerArgs>('ThreadingUnixStreamServer', [
  ThreadingMixIn,
  UnixStreamServer,
], { module: import.meta.url });
/** `class ThreadingUnixDatagramServer(ThreadingMixIn, UnixDatagramServer)`. */
export const ThreadingUnixDatagramServer: ServerClass<ThreadingDatagramServer> = defineClass<ThreadingDatagramServer, ServerArgs>(
  'ThreadingUnixDatagramServer',
  [ThreadingMixIn, UnixDatagramServer],
);
/** `class ForkingUnixStreamServer(ForkingMixIn, UnixStreamServer)` (new in Python 3.12). */
export const ForkingUnixStreamServer: ServerClass<ForkingStreamServer> = defineClass<ForkingStreamServer, ServerArgs>('ForkingUnixStreamServer', [
  ForkingMixIn,
  UnixStreamServer,
], { module: import.meta.url });
/** `class ForkingUnixDatagramServer(ForkingMixIn, UnixDatagramServer)` (new in Python 3.12). */
export const ForkingUnixDatagramServer: ServerClass<ForkingDatagramServer> = defineClass<ForkingDatagramServer, ServerArgs>('ForkingUnixDatagramServer', [
  ForkingMixIn,
  UnixDatagramServer,
], { module: import.meta.url });
