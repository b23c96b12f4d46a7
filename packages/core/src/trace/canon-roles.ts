/**
 * Names every logical thread and process of a trace by its role and order of appearance
 * (`main`, `loop`, `worker 1`, `child 2`, `client 3`), never by thread names, pids or tids,
 * which differ from run to run and from backend to backend.
 */
import type { TraceEvent } from './schema.js';

/** A logical thread: `pid:tid`. */
export type ThreadKey = string;

/** The key of the thread an event belongs to. */
export function threadKey(event: Pick<TraceEvent, 'pid' | 'tid'>): ThreadKey {
  return `${event.pid}:${event.tid}`;
}

/** The roles of a trace's threads and processes. */
export interface Roles {
  readonly serverPid: number;
  /** Thread → role, e.g. `worker 2`; client threads are `client N`. */
  readonly threads: ReadonlyMap<ThreadKey, string>;
  /** Client thread → its number N (from its name `client-N`). */
  readonly clients: ReadonlyMap<ThreadKey, number>;
  /** Process → role: `server` or `child K`. */
  readonly processes: ReadonlyMap<number, string>;
}

const LOOP_METHODS = new Set(['serve_forever', 'handle_request']);
const WORKER_SPAWNERS = new Set(['process_request', 'process_request_thread']);
const CLIENT_NAME = /^client-(\d+)$/;

/** What one pass over the events learns for naming. */
interface Survey {
  /** Threads in order of their first event, with that event's thread name and first call. */
  readonly threads: Map<ThreadKey, { readonly pid: number; readonly name: string; firstCall: string | null }>;
  /** Threads spawned from inside process_request, in spawn order. */
  readonly workers: ThreadKey[];
  /** Forked children's pids, in fork order. */
  readonly forks: number[];
}

function survey(events: readonly TraceEvent[]): Survey {
  const result: Survey = { threads: new Map(), workers: [], forks: [] };
  const stacks = new Map<ThreadKey, string[]>();
  for (const event of events) {
    const key = threadKey(event);
    const info = result.threads.get(key) ?? { pid: event.pid, name: event.thread, firstCall: null };
    result.threads.set(key, info);
    const stack = stacks.get(key) ?? [];
    stacks.set(key, stack);
    if (event.kind === 'call') {
      info.firstCall ??= event.method;
      stack.push(event.method);
    } else if (event.kind === 'return' || event.kind === 'exception') {
      const at = stack.lastIndexOf(event.method);
      if (at >= 0) stack.length = at;
    } else if (event.kind === 'thread_spawn') {
      const spawnedWorker = stack.some((m) => WORKER_SPAWNERS.has(m)) || event.child_name.endsWith('(process_request_thread)');
      if (spawnedWorker) result.workers.push(`${event.pid}:${event.child_tid}`);
    } else if (event.kind === 'fork') {
      result.forks.push(event.child_pid);
    }
  }
  return result;
}

/** Numbers things in order of appearance, from 1, remembering what it has numbered. */
class Numbering<K> {
  readonly #numbers = new Map<K, number>();

  constructor(known: readonly K[] = []) {
    for (const k of known) this.#numbers.set(k, this.#numbers.size + 1);
  }

  of(k: K): number {
    const n = this.#numbers.get(k) ?? this.#numbers.size + 1;
    this.#numbers.set(k, n);
    return n;
  }
}

/** Assigns every thread and process of `events` (in seq order) its role. */
export function assignRoles(events: readonly TraceEvent[]): Roles {
  const first = events[0];
  const serverPid = first?.pid ?? 0;
  const mainKey = first === undefined ? '' : threadKey(first);
  const { threads: seen, workers, forks } = survey(events);
  const threads = new Map<ThreadKey, string>();
  const clients = new Map<ThreadKey, number>();
  const children = new Numbering(forks);
  const workerNumbers = new Numbering(workers);
  const threadsPerChild = new Map<number, number>();
  let loops = 0;
  let others = 0;
  for (const [key, info] of seen) {
    const client = CLIENT_NAME.exec(info.name);
    if (key === mainKey) threads.set(key, 'main');
    else if (info.pid !== serverPid) {
      const count = (threadsPerChild.get(info.pid) ?? 0) + 1;
      threadsPerChild.set(info.pid, count);
      const child = `child ${children.of(info.pid)}`;
      threads.set(key, count === 1 ? child : `${child} thread ${count}`);
    } else if (client?.[1] !== undefined) {
      clients.set(key, Number(client[1]));
      threads.set(key, `client ${client[1]}`);
    } else if (workers.includes(key) || info.firstCall === 'process_request_thread') threads.set(key, `worker ${workerNumbers.of(key)}`);
    else if (info.firstCall !== null && LOOP_METHODS.has(info.firstCall)) threads.set(key, ++loops === 1 ? 'loop' : `loop ${loops}`);
    else threads.set(key, `thread ${++others}`);
  }
  // A worker spawned but never seen running (a trace cut short) still has its number.
  for (const key of workers) if (!threads.has(key)) threads.set(key, `worker ${workerNumbers.of(key)}`);
  const processes = new Map<number, string>([[serverPid, 'server']]);
  for (const info of seen.values()) if (info.pid !== serverPid) processes.set(info.pid, `child ${children.of(info.pid)}`);
  for (const pid of forks) processes.set(pid, `child ${children.of(pid)}`);
  return { serverPid, threads, clients, processes };
}
