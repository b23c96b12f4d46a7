/** TCPServer: a BaseServer on a stream socket (TCP by default, AF_UNIX in UnixStreamServer). */
import { defineClass, protoOf, type Ctor } from '../pyclass/pyclass.js';
import { OSError } from '../python/exceptions.js';
import {
  AF_INET,
  SHUT_WR,
  SO_REUSEADDR,
  SO_REUSEPORT,
  SOCK_STREAM,
  SOL_SOCKET,
  type AddressFamily,
  type SocketKind,
} from '../socket/constants.js';
import { Socket } from '../socket/socket.js';
import type { SockAddr } from '../trace/schema.js';
import { BaseServer } from './base-server.js';
import type { ClientAddress, HandlerClass, Request, ServerArgs, ServerClass } from './types.js';

const body = <B extends Ctor<BaseServer>>(Base: B) =>
  class TCPServer extends Base {
    declare address_family: AddressFamily;
    declare socket_type: SocketKind;
    /** The listen backlog `server_activate` asks for. */
    declare request_queue_size: number;
    declare allow_reuse_address: boolean;
    declare allow_reuse_port: boolean;

    /** Python's `TCPServer.__init__(server_address, RequestHandlerClass, bind_and_activate=True)`. */
    override async __init__(
      server_address: SockAddr,
      RequestHandlerClass: HandlerClass,
      bind_and_activate = true,
    ): Promise<void> {
      // Python calls BaseServer.__init__ by name here, not through super().
      await protoOf(this, BaseServer).__init__.call(this, server_address, RequestHandlerClass);
      this.socket = new Socket(this.address_family, this.socket_type);
      if (bind_and_activate) {
        try {
          await this.server_bind();
          await this.server_activate();
        } catch (err) {
          await this.server_close();
          throw err;
        }
      }
    }

    /** Binds the socket to `server_address`, then records the address really bound. */
    async server_bind(): Promise<void> {
      if (this.allow_reuse_address) this.socket.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
      if (this.allow_reuse_port) this.socket.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1);
      await this.socket.bind(this.server_address);
      this.server_address = this.socket.getsockname();
    }

    /** Listens, with `request_queue_size` as the backlog. */
    override async server_activate(): Promise<void> {
      await this.socket.listen(this.request_queue_size);
    }

    /** Closes the server's socket. */
    override async server_close(): Promise<void> {
      this.socket.close();
    }

    /** The socket's file descriptor: what the selector registers. */
    fileno(): number {
      return this.socket.fileno();
    }

    /** Accepts a connection: the request is the new socket. */
    async get_request(): Promise<[Request, ClientAddress]> {
      return this.socket.accept();
    }

    /** Shuts the connection down for writing (so the client sees EOF), then closes it. */
    override async shutdown_request(request: Request): Promise<void> {
      try {
        (request as Socket).shutdown(SHUT_WR);
      } catch (err) {
        // Some platforms raise ENOTCONN here; CPython ignores any OSError.
        if (!(err instanceof OSError)) throw err;
      }
      await this.close_request(request);
    }

    /** Closes the connection. */
    override async close_request(request: Request): Promise<void> {
      (request as Socket).close();
    }
  };

/** An instance of TCPServer. */
export type TCPServer = InstanceType<ReturnType<typeof body<Ctor<BaseServer>>>>;

/** Python's `socketserver.TCPServer`. */
export const TCPServer: ServerClass<TCPServer> = defineClass<TCPServer, ServerArgs>('TCPServer', [BaseServer], { module: import.meta.url,
  body,
  attrs: {
    address_family: AF_INET,
    socket_type: SOCK_STREAM,
    request_queue_size: 5,
    allow_reuse_address: false,
    allow_reuse_port: false,
  },
});
