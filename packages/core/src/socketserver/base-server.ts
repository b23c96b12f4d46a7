/**
 * BaseServer: the request loop every server shares — `serve_forever`, `handle_request`,
 * and the chain get_request → verify_request → process_request → finish_request →
 * shutdown_request that each request goes through.
 */
import { defineClass, PyObject, type Ctor, type PyClass } from '../pyclass/pyclass.js';
import { isException, OSError } from '../python/exceptions.js';
import { handling, sys } from '../python/sys.js';
import { formatException } from '../python/traceback.js';
import { EVENT_READ, ServerSelector, type Selectable } from '../socket/selector.js';
import type { Socket } from '../socket/socket.js';
import { Event } from '../threading/event.js';
import type { SockAddr } from '../trace/schema.js';
import type { BaseServerArgs, ClientAddress, HandlerClass, Request } from './types.js';

/** Python's `time.monotonic()`, in seconds. */
const monotonic = (): number => performance.now() / 1000;

const body = <B extends Ctor<PyObject>>(Base: B) =>
  class BaseServer extends Base {
    declare server_address: SockAddr;
    declare RequestHandlerClass: HandlerClass;
    /** Seconds `handle_request` waits for a request (null: for ever). A class attribute. */
    declare timeout: number | null;
    /** The server's socket; BaseServer itself never creates one, its subclasses do. */
    declare socket: Socket;
    // Python's name-mangled `self.__is_shut_down` and `self.__shutdown_request`.
    declare _BaseServer__is_shut_down: Event;
    declare _BaseServer__shutdown_request: boolean;

    /** Python's `BaseServer.__init__(server_address, RequestHandlerClass)`. */
    async __init__(server_address: SockAddr, RequestHandlerClass: HandlerClass): Promise<void> {
      this.server_address = server_address;
      this.RequestHandlerClass = RequestHandlerClass;
      this._BaseServer__is_shut_down = new Event();
      this._BaseServer__shutdown_request = false;
    }

    /** Called by the constructor to activate the server; nothing here. */
    async server_activate(): Promise<void> {}

    /**
     * Handles one request at a time until `shutdown()`. Each iteration waits up to
     * `poll_interval` seconds for a request, stops at once if shutdown was requested,
     * else handles at most one request, then runs `service_actions()`.
     */
    async serve_forever(poll_interval = 0.5): Promise<void> {
      this._BaseServer__is_shut_down.clear();
      try {
        const selector = new ServerSelector();
        try {
          selector.register(this as unknown as Selectable, EVENT_READ);
          while (!this._BaseServer__shutdown_request) {
            const ready = await selector.select(poll_interval);
            // shutdown() may have been called while select() waited.
            if (this._BaseServer__shutdown_request) break;
            if (ready.length > 0) await this._handle_request_noblock();
            await this.service_actions();
          }
        } finally {
          selector.close();
        }
      } finally {
        this._BaseServer__shutdown_request = false;
        this._BaseServer__is_shut_down.set();
      }
    }

    /**
     * Asks the `serve_forever` loop to stop and waits until it has. Called from the
     * thread that runs the loop (e.g. inside a handler of a synchronous server) it never
     * returns: the loop cannot go on while it waits. That deadlock is CPython's too.
     */
    async shutdown(): Promise<void> {
      this._BaseServer__shutdown_request = true;
      await this._BaseServer__is_shut_down.wait();
    }

    /** Called on every `serve_forever` iteration; a hook for subclasses and mixins. */
    async service_actions(): Promise<void> {}

    /** Waits for one request (honouring `timeout` and the socket's timeout) and handles it. */
    async handle_request(): Promise<void> {
      let timeout = this.socket.gettimeout();
      if (timeout === null) timeout = this.timeout;
      else if (this.timeout !== null) timeout = Math.min(timeout, this.timeout);
      const deadline = timeout === null ? 0 : monotonic() + timeout;
      const selector = new ServerSelector();
      try {
        selector.register(this as unknown as Selectable, EVENT_READ);
        for (;;) {
          const ready = await selector.select(timeout);
          if (ready.length > 0) {
            await this._handle_request_noblock();
            return;
          }
          if (timeout !== null) {
            timeout = deadline - monotonic();
            if (timeout < 0) {
              await this.handle_timeout();
              return;
            }
          }
        }
      } finally {
        selector.close();
      }
    }

    /** Handles one request that the selector said is ready, without blocking for another. */
    async _handle_request_noblock(): Promise<void> {
      let request: Request;
      let client_address: ClientAddress;
      try {
        // BaseServer does not define get_request (as in CPython): TCPServer and UDPServer do.
        [request, client_address] = await (this as unknown as RequestSource).get_request();
      } catch (err) {
        if (err instanceof OSError) return;
        throw err;
      }
      if (await this.verify_request(request, client_address)) {
        try {
          await this.process_request(request, client_address);
        } catch (err) {
          if (!isException(err)) {
            await this.shutdown_request(request);
            throw err;
          }
          await handling(err, async () => {
            await this.handle_error(request, client_address);
            await this.shutdown_request(request);
          });
        }
      } else {
        await this.shutdown_request(request);
      }
    }


    /** Called when `handle_request` waited `timeout` seconds for nothing. */
    async handle_timeout(): Promise<void> {}

    /** Returns whether to handle the request; always true here. */
    async verify_request(_request: Request, _client_address: ClientAddress): Promise<boolean> {
      return true;
    }

    /** Handles the request in this thread: finish it, then shut it down. */
    async process_request(request: Request, client_address: ClientAddress): Promise<void> {
      await this.finish_request(request, client_address);
      await this.shutdown_request(request);
    }

    /** Cleans up the server; nothing here. */
    async server_close(): Promise<void> {}

    /** Finishes the request by making an instance of `RequestHandlerClass`. */
    async finish_request(request: Request, client_address: ClientAddress): Promise<void> {
      await this.RequestHandlerClass.create(request, client_address, this);
    }

    /** Shuts down and closes one request. */
    async shutdown_request(request: Request): Promise<void> {
      await this.close_request(request);
    }

    /** Cleans up one request; nothing here. */
    async close_request(_request: Request): Promise<void> {}

    /** Prints the exception being handled as a traceback to stderr; the server goes on. */
    async handle_error(_request: Request, client_address: ClientAddress): Promise<void> {
      const rule = '-'.repeat(40);
      sys.stderr.write(`${rule}\n`);
      sys.stderr.write(`Exception occurred during processing of request from ${strAddress(client_address)}\n`);
      const err = sys.exception();
      sys.stderr.write(err === undefined ? 'NoneType: None\n' : formatException(err));
      sys.stderr.write(`${rule}\n`);
    }

    /** Python's `with server:` entry. */
    __enter__(): this {
      return this;
    }

    /** Python's `with server:` exit: closes the server. */
    async __exit__(..._args: unknown[]): Promise<void> {
      await this.server_close();
    }
  };

/** A server that can get a request: what `_handle_request_noblock` assumes of `self`. */
interface RequestSource {
  get_request(): Promise<[Request, ClientAddress]>;
}

/** What Python's `print` shows for an address: a tuple's repr, a path as it is. */
function strAddress(addr: ClientAddress): string {
  if (addr === null) return 'None';
  if (typeof addr === 'string') return addr;
  return `(${addr.map((p) => (typeof p === 'string' ? `'${p}'` : String(p))).join(', ')})`;
}

/** An instance of BaseServer (or of any server class). */
export type BaseServer = InstanceType<ReturnType<typeof body<Ctor<PyObject>>>>;

/** Python's `socketserver.BaseServer`. */
export const BaseServer: PyClass<BaseServer, BaseServerArgs> = defineClass<BaseServer, BaseServerArgs>('BaseServer', [], { module: import.meta.url,
  body,
  attrs: { timeout: null },
});
