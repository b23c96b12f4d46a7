/** Types shared by the socketserver classes. */
import type { PyClass } from '../pyclass/pyclass.js';
import type { Socket } from '../socket/socket.js';
import type { SockAddr } from '../trace/schema.js';

/** A request: a connected socket (stream servers) or `(data, socket)` (datagram servers). */
export type Request = Socket | readonly [Buffer, Socket];

/** A client address as the server's socket reports it. */
export type ClientAddress = SockAddr;

/** What a request handler's `__init__` is given, as in Python. */
export interface RequestHandlerLike {
  __init__(request: Request, client_address: ClientAddress, server: object): Promise<void>;
}

/** A request handler class (`RequestHandlerClass`). */
export type HandlerClass = PyClass<RequestHandlerLike>;
