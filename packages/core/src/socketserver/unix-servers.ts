/** The Unix-domain servers: TCPServer and UDPServer on AF_UNIX socket paths. */
import { defineClass } from '../pyclass/pyclass.js';
import type { ServerArgs, ServerClass } from './types.js';
import { AF_UNIX } from '../socket/constants.js';
import { TCPServer } from './tcp-server.js';
import { UDPServer } from './udp-server.js';

/** Python's `socketserver.UnixStreamServer`. */
export const UnixStreamServer: ServerClass<TCPServer> = defineClass<TCPServer, ServerArgs>('UnixStreamServer', [TCPServer], { module: import.meta.url,
  attrs: { address_family: AF_UNIX },
});
/** An instance of UnixStreamServer. */
export type UnixStreamServer = TCPServer;

/** Python's `socketserver.UnixDatagramServer`. */
export const UnixDatagramServer: ServerClass<UDPServer> = defineClass<UDPServer, ServerArgs>('UnixDatagramServer', [UDPServer], { module: import.meta.url,
  attrs: { address_family: AF_UNIX },
});
/** An instance of UnixDatagramServer. */
export type UnixDatagramServer = UDPServer;
