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

/** What a request handler class's `__init__` (and so `create`) takes. */
export type HandlerArgs = [request: Request, client_address: ClientAddress, server: object];

/** A request handler class (`RequestHandlerClass`). */
export type HandlerClass = PyClass<RequestHandlerLike, HandlerArgs>;

/** What BaseServer's `__init__` takes. */
export type BaseServerArgs = [server_address: SockAddr, RequestHandlerClass: HandlerClass];

/** What the `__init__` of TCPServer and every class under it takes. */
export type ServerArgs = [server_address: SockAddr, RequestHandlerClass: HandlerClass, bind_and_activate?: boolean];

/** A server class whose `create` takes Python's `(server_address, RequestHandlerClass, bind_and_activate=True)`. */
export type ServerClass<I extends object> = PyClass<I, ServerArgs>;
