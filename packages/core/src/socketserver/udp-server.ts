/** UDPServer: a TCPServer on a datagram socket; each datagram is one request. */
import { defineClass, type Ctor } from '../pyclass/pyclass.js';
import { SOCK_DGRAM } from '../socket/constants.js';
import { TCPServer } from './tcp-server.js';
import type { ClientAddress, Request, ServerArgs, ServerClass } from './types.js';

const body = <B extends Ctor<TCPServer>>(Base: B) =>
  class UDPServer extends Base {
    /** The most bytes of one datagram `get_request` keeps; the rest is lost. */
    declare max_packet_size: number;

    /** Receives one datagram: the request is `(data, socket)`. */
    override async get_request(): Promise<[Request, ClientAddress]> {
      const [data, client_addr] = await this.socket.recvfrom(this.max_packet_size);
      return [[data, this.socket], client_addr];
    }

    /** A datagram socket does not listen. */
    override async server_activate(): Promise<void> {}

    /** Nothing to shut down: there is no connection. */
    override async shutdown_request(request: Request): Promise<void> {
      await this.close_request(request);
    }

    /** Nothing to close: the socket is the server's. */
    override async close_request(_request: Request): Promise<void> {}
  };

/** An instance of UDPServer. */
export type UDPServer = InstanceType<ReturnType<typeof body<Ctor<TCPServer>>>>;

/** Python's `socketserver.UDPServer`. */
export const UDPServer: ServerClass<UDPServer> = defineClass<UDPServer, ServerArgs>('UDPServer', [TCPServer], { module: import.meta.url,
  body,
  attrs: { allow_reuse_address: false, allow_reuse_port: false, socket_type: SOCK_DGRAM, max_packet_size: 8192 },
});
