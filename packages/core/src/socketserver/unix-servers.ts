/** The Unix-domain servers: TCPServer and UDPServer on AF_UNIX socket paths. */
import { defineClass, type PyClass } from '../pyclass/pyclass.js';
import { AF_UNIX } from '../socket/constants.js';
import { TCPServer } from './tcp-server.js';
import { UDPServer } from './udp-server.js';

/** Python's `socketserver.UnixStreamServer`. */
export const UnixStreamServer: PyClass<TCPServer> = defineClass<TCPServer>('UnixStreamServer', [TCPServer], {
  attrs: { address_family: AF_UNIX },
});
/** An instance of UnixStreamServer. */
export type UnixStreamServer = TCPServer;

/** Python's `socketserver.UnixDatagramServer`. */
export const UnixDatagramServer: PyClass<UDPServer> = defineClass<UDPServer>('UnixDatagramServer', [UDPServer], {
  attrs: { address_family: AF_UNIX },
});
/** An instance of UnixDatagramServer. */
export type UnixDatagramServer = UDPServer;
