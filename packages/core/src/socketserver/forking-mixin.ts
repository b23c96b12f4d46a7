/**
 * ForkingMixIn: handle each request in a new child process. The parent keeps the pids in
 * `active_children` and reaps them in `collect_children`, which `service_actions` runs
 * on every loop iteration; at most `max_children` run at once.
 */
import { exitChild } from '../forking/parent-channel.js';
import { fork } from '../forking/fork.js';
import { defineClass, type Ctor, type PyClass } from '../pyclass/pyclass.js';
import { ChildProcessError, isException, OSError } from '../python/exceptions.js';
import { waitpid, WNOHANG } from '../python/os.js';
import { handling } from '../python/sys.js';
import type { BaseServer } from './base-server.js';
import type { ClientAddress, Request } from './types.js';

const body = <B extends Ctor<BaseServer>>(Base: B) =>
  class ForkingMixIn extends Base {
    /** The pids of the children not yet reaped, or null before the first fork. */
    declare active_children: Set<number> | null;
    /** While this many children run, `collect_children` waits for one to exit. */
    declare max_children: number;
    /** Whether `server_close` waits for every child to exit. */
    declare block_on_close: boolean;

    /** Reaps children that have exited; first waits while `max_children` or more are running. */
    async collect_children({ blocking = false }: { blocking?: boolean } = {}): Promise<void> {
      if (this.active_children === null) return;
      // Above the limit, wait for any child (waitpid(-1)) until below it again.
      while (this.active_children.size >= this.max_children) {
        try {
          const [pid] = await waitpid(-1, 0);
          this.active_children.delete(pid);
        } catch (err) {
          if (err instanceof ChildProcessError) this.active_children.clear();
          else if (err instanceof OSError) break;
          else throw err;
        }
      }
      for (const pid of [...this.active_children]) {
        try {
          const [reaped] = await waitpid(pid, blocking ? 0 : WNOHANG);
          // 0 means "still running": deleting it changes nothing.
          this.active_children.delete(reaped);
        } catch (err) {
          if (err instanceof ChildProcessError) this.active_children.delete(pid);
          else if (!(err instanceof OSError)) throw err;
        }
      }
    }

    /** After `timeout` seconds without a request, reaps children. */
    override async handle_timeout(): Promise<void> {
      await this.collect_children();
    }

    /** Reaps children on every `serve_forever` iteration. */
    override async service_actions(): Promise<void> {
      await this.collect_children();
    }

    /** Forks: the parent records the child and closes its copy of the request; the child handles it and exits. */
    override async process_request(request: Request, client_address: ClientAddress): Promise<void> {
      const pid = await fork(this, request, client_address);
      if (pid) {
        this.active_children ??= new Set();
        this.active_children.add(pid);
        await this.close_request(request);
        return;
      }
      // The child: it must never return from here, only exit.
      let status = 1;
      try {
        await this.finish_request(request, client_address);
        status = 0;
      } catch (err) {
        if (!isException(err)) throw err;
        await handling(err, () => this.handle_error(request, client_address));
      } finally {
        try {
          await this.shutdown_request(request);
        } finally {
          await exitChild(status);
        }
      }
    }

    /** Closes the server, then reaps children — waiting for all of them if `block_on_close`. */
    override async server_close(): Promise<void> {
      await super.server_close();
      await this.collect_children({ blocking: this.block_on_close });
    }
  };

/** An instance of ForkingMixIn (as mixed into a server). */
export type ForkingMixIn = InstanceType<ReturnType<typeof body<Ctor<BaseServer>>>>;

/** Python's `socketserver.ForkingMixIn`. */
export const ForkingMixIn: PyClass<ForkingMixIn> = defineClass<ForkingMixIn>('ForkingMixIn', [], { module: import.meta.url,
  body,
  attrs: { timeout: 300, active_children: null, max_children: 40, block_on_close: true },
});
