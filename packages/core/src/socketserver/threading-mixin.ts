/**
 * ThreadingMixIn: handle each request in a new (logical) thread. Put it first in the
 * bases — `class ThreadingTCPServer(ThreadingMixIn, TCPServer)` — so that its
 * `process_request` comes before BaseServer's in the MRO.
 */
import { defineClass, type Ctor, type PyClass } from '../pyclass/pyclass.js';
import { isException } from '../python/exceptions.js';
import { handling } from '../python/sys.js';
import { Thread } from '../threading/thread.js';
import type { BaseServer } from './base-server.js';
import { _NoThreads, _Threads } from './threads.js';
import type { ClientAddress, Request } from './types.js';

const body = <B extends Ctor<BaseServer>>(Base: B) =>
  class ThreadingMixIn extends Base {
    /** Whether request threads are daemons (then `server_close` does not wait for them). */
    declare daemon_threads: boolean;
    /** Whether `server_close` waits for the non-daemon request threads. */
    declare block_on_close: boolean;
    declare _threads: _Threads | _NoThreads;

    /** What the new thread runs: BaseServer's `process_request`, with its own error handling. */
    async process_request_thread(request: Request, client_address: ClientAddress): Promise<void> {
      try {
        await this.finish_request(request, client_address);
      } catch (err) {
        if (!isException(err)) throw err;
        await handling(err, () => this.handle_error(request, client_address));
      } finally {
        await this.shutdown_request(request);
      }
    }

    /** Starts a new thread for the request and returns at once. */
    override async process_request(request: Request, client_address: ClientAddress): Promise<void> {
      if (this.block_on_close && !Object.hasOwn(this, '_threads')) {
        // Python's vars(self).setdefault('_threads', _Threads()).
        this._threads = new _Threads();
      }
      const t = new Thread({
        target: (req: Request, addr: ClientAddress) => this.process_request_thread(req, addr),
        args: [request, client_address],
        targetName: 'process_request_thread',
      });
      t.daemon = this.daemon_threads;
      await this._threads.append(t);
      t.start();
    }

    /** Closes the server, then joins the request threads it kept. */
    override async server_close(): Promise<void> {
      await super.server_close();
      await this._threads.join();
    }
  };

/** An instance of ThreadingMixIn (as mixed into a server). */
export type ThreadingMixIn = InstanceType<ReturnType<typeof body<Ctor<BaseServer>>>>;

/** Python's `socketserver.ThreadingMixIn`. */
export const ThreadingMixIn: PyClass<ThreadingMixIn> = defineClass<ThreadingMixIn>('ThreadingMixIn', [], { module: import.meta.url,
  body,
  attrs: { daemon_threads: false, block_on_close: true, _threads: new _NoThreads() },
});
