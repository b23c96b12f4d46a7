/**
 * The request handlers: BaseRequestHandler (setup → handle → finish, all from the
 * constructor), StreamRequestHandler (`rfile`/`wfile` over a connection) and
 * DatagramRequestHandler (`rfile`/`wfile` in memory, the reply sent by `finish`).
 */
import { defineClass, PyObject, type Ctor, type PyClass } from '../pyclass/pyclass.js';
import { BytesIO } from '../python/bytesio.js';
import { OSError } from '../python/exceptions.js';
import { IPPROTO_TCP, TCP_NODELAY } from '../socket/constants.js';
import type { Socket } from '../socket/socket.js';
import type { SocketReader, SocketWriter } from '../socket/socketio.js';
import { _SocketWriter } from './socket-writer.js';
import type { ClientAddress, HandlerArgs, Request } from './types.js';

const baseBody = <B extends Ctor<PyObject>>(Base: B) =>
  class BaseRequestHandler extends Base {
    declare request: Request;
    declare client_address: ClientAddress;
    declare server: object;

    /** Stores the request, then runs `setup()`, `handle()` and — whatever happens — `finish()`. */
    async __init__(request: Request, client_address: ClientAddress, server: object): Promise<void> {
      this.request = request;
      this.client_address = client_address;
      this.server = server;
      await this.setup();
      try {
        await this.handle();
      } finally {
        await this.finish();
      }
    }

    /** Prepares for `handle()`; nothing here. */
    async setup(): Promise<void> {}

    /** Serves the request; subclasses define it. */
    async handle(): Promise<void> {}

    /** Cleans up after `handle()`; nothing here. */
    async finish(): Promise<void> {}
  };

/** An instance of BaseRequestHandler. */
export type BaseRequestHandler = InstanceType<ReturnType<typeof baseBody<Ctor<PyObject>>>>;

/** Python's `socketserver.BaseRequestHandler`. */
export const BaseRequestHandler: PyClass<BaseRequestHandler, HandlerArgs> = defineClass<BaseRequestHandler, HandlerArgs>(
  'BaseRequestHandler',
  [],
  { module: import.meta.url, body: baseBody },
);

const streamBody = <B extends Ctor<BaseRequestHandler>>(Base: B) =>
  class StreamRequestHandler extends Base {
    /** The request socket (for stream servers the request is the connection). */
    declare connection: Socket;
    declare rfile: SocketReader;
    declare wfile: _SocketWriter | SocketWriter;
    declare rbufsize: number;
    /** 0 (the default) makes `wfile` unbuffered: every write is sent at once. */
    declare wbufsize: number;
    /** A timeout (seconds) for the connection's operations, or null. */
    declare timeout: number | null;
    /** Sets TCP_NODELAY on the connection. */
    declare disable_nagle_algorithm: boolean;

    /** Makes `rfile` and `wfile` over the connection. */
    override async setup(): Promise<void> {
      this.connection = this.request as Socket;
      if (this.timeout !== null) this.connection.settimeout(this.timeout);
      if (this.disable_nagle_algorithm) this.connection.setsockopt(IPPROTO_TCP, TCP_NODELAY, true);
      this.rfile = this.connection.makefile('rb', this.rbufsize) as SocketReader;
      this.wfile =
        this.wbufsize === 0
          ? await _SocketWriter.create(this.connection)
          : (this.connection.makefile('wb', this.wbufsize) as SocketWriter);
    }

    /** Flushes `wfile` (ignoring a final socket error), then closes both files. */
    override async finish(): Promise<void> {
      if (!this.wfile.closed) {
        try {
          await this.wfile.flush();
        } catch (err) {
          if (!(err instanceof OSError)) throw err;
        }
      }
      await this.wfile.close();
      this.rfile.close();
    }
  };

/** An instance of StreamRequestHandler. */
export type StreamRequestHandler = InstanceType<ReturnType<typeof streamBody<Ctor<BaseRequestHandler>>>>;

/** Python's `socketserver.StreamRequestHandler`. */
export const StreamRequestHandler: PyClass<StreamRequestHandler, HandlerArgs> = defineClass<StreamRequestHandler, HandlerArgs>(
  'StreamRequestHandler',
  [BaseRequestHandler],
  { module: import.meta.url, body: streamBody, attrs: { rbufsize: -1, wbufsize: 0, timeout: null, disable_nagle_algorithm: false } },
);

const datagramBody = <B extends Ctor<BaseRequestHandler>>(Base: B) =>
  class DatagramRequestHandler extends Base {
    declare packet: Buffer;
    declare socket: Socket;
    declare rfile: BytesIO;
    declare wfile: BytesIO;

    /** Splits the request into the packet and the server's socket; `rfile` reads the packet. */
    override async setup(): Promise<void> {
      [this.packet, this.socket] = this.request as readonly [Buffer, Socket];
      this.rfile = new BytesIO(this.packet);
      this.wfile = new BytesIO();
    }

    /** Sends what was written to `wfile` back to the client, even if it is nothing. */
    override async finish(): Promise<void> {
      await this.socket.sendto(this.wfile.getvalue(), this.client_address);
    }
  };

/** An instance of DatagramRequestHandler. */
export type DatagramRequestHandler = InstanceType<ReturnType<typeof datagramBody<Ctor<BaseRequestHandler>>>>;

/** Python's `socketserver.DatagramRequestHandler`. */
export const DatagramRequestHandler: PyClass<DatagramRequestHandler, HandlerArgs> = defineClass<DatagramRequestHandler, HandlerArgs>(
  'DatagramRequestHandler',
  [BaseRequestHandler],
  { module: import.meta.url, body: datagramBody },
);
