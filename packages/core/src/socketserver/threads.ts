/**
 * `_Threads` and `_NoThreads`: ThreadingMixIn's bookkeeping of the threads that
 * `server_close` must join.
 */
import { defineClass, PyObject, type Ctor, type PyClass } from '../pyclass/pyclass.js';
import { list } from '../python/list.js';
import type { Thread } from '../threading/thread.js';

const threadsBody = <B extends Ctor<list>>(Base: B) =>
  class _Threads extends Base {
    /** Drops finished threads, then keeps `thread` unless it is a daemon. */
    override async append(thread: Thread): Promise<void> {
      await this.reap();
      if (thread.daemon) return;
      super.append(thread);
    }

    /** Empties the list, returning what it held. */
    async pop_all(): Promise<Thread[]> {
      const result = this.items as Thread[];
      this.items = [];
      return result;
    }

    /** Joins every thread in the list. */
    async join(): Promise<void> {
      for (const thread of await this.pop_all()) await thread.join();
    }

    /** Keeps only the threads still alive. */
    async reap(): Promise<void> {
      this.items = (this.items as Thread[]).filter((t) => t.is_alive());
    }
  };

/** An instance of `_Threads`. */
export type _Threads = InstanceType<ReturnType<typeof threadsBody<Ctor<list>>>>;

/** Python's `socketserver._Threads`: a joinable list of the non-daemon threads. */
export const _Threads: PyClass<_Threads> = defineClass<_Threads>('_Threads', [list], { module: import.meta.url, body: threadsBody });

const noThreadsBody = <B extends Ctor<PyObject>>(Base: B) =>
  class _NoThreads extends Base {
    /** Keeps nothing. */
    async append(_thread: Thread): Promise<void> {}

    /** Has nothing to join. */
    async join(): Promise<void> {}
  };

/** An instance of `_NoThreads`. */
export type _NoThreads = InstanceType<ReturnType<typeof noThreadsBody<Ctor<PyObject>>>>;

/** Python's `socketserver._NoThreads`: what `_threads` is when nothing needs joining. */
export const _NoThreads: PyClass<_NoThreads> = defineClass<_NoThreads>('_NoThreads', [], { module: import.meta.url, body: noThreadsBody });
