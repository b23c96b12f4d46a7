/** The ready-made combinations of a mixin and a server class, as socketserver defines them. */
import { defineClass, type PyClass } from '../pyclass/pyclass.js';
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
export const ForkingUDPServer: PyClass<ForkingDatagramServer> = defineClass('ForkingUDPServer', [ForkingMixIn, UDPServer]);
/** `class ForkingTCPServer(ForkingMixIn, TCPServer)`. */
export const ForkingTCPServer: PyClass<ForkingStreamServer> = defineClass('ForkingTCPServer', [ForkingMixIn, TCPServer]);
/** `class ThreadingUDPServer(ThreadingMixIn, UDPServer)`. */
export const ThreadingUDPServer: PyClass<ThreadingDatagramServer> = defineClass('ThreadingUDPServer', [
  ThreadingMixIn,
  UDPServer,
]);
/** `class ThreadingTCPServer(ThreadingMixIn, TCPServer)`. */
export const ThreadingTCPServer: PyClass<ThreadingStreamServer> = defineClass('ThreadingTCPServer', [
  ThreadingMixIn,
  TCPServer,
]);
/** `class ThreadingUnixStreamServer(ThreadingMixIn, UnixStreamServer)`. */
export const ThreadingUnixStreamServer: PyClass<ThreadingStreamServer> = defineClass('ThreadingUnixStreamServer', [
  ThreadingMixIn,
  UnixStreamServer,
]);
/** `class ThreadingUnixDatagramServer(ThreadingMixIn, UnixDatagramServer)`. */
export const ThreadingUnixDatagramServer: PyClass<ThreadingDatagramServer> = defineClass(
  'ThreadingUnixDatagramServer',
  [ThreadingMixIn, UnixDatagramServer],
);
/** `class ForkingUnixStreamServer(ForkingMixIn, UnixStreamServer)` (new in Python 3.12). */
export const ForkingUnixStreamServer: PyClass<ForkingStreamServer> = defineClass('ForkingUnixStreamServer', [
  ForkingMixIn,
  UnixStreamServer,
]);
/** `class ForkingUnixDatagramServer(ForkingMixIn, UnixDatagramServer)` (new in Python 3.12). */
export const ForkingUnixDatagramServer: PyClass<ForkingDatagramServer> = defineClass('ForkingUnixDatagramServer', [
  ForkingMixIn,
  UnixDatagramServer,
]);
