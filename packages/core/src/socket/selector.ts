/**
 * The selector `serve_forever` and `handle_request` wait on (CPython uses
 * `selectors.PollSelector`). It polls the registered sockets' readability, and emits
 * `select_wait` / `select_ready` / `select_timeout` events.
 */
import { emit, tracing } from '../trace/emit.js';
import type { Socket } from './socket.js';

/** Python's `selectors.EVENT_READ`. */
export const EVENT_READ = 1;

/** What can be registered: a socket, or an object with a `socket` and a `fileno()` (a server). */
export interface Selectable {
  fileno(): number;
  readonly socket?: Socket;
}

/** Python's `SelectorKey`. */
export interface SelectorKey {
  readonly fileobj: Selectable;
  readonly fd: number;
  readonly events: number;
}

/** A poll selector over this port's sockets. */
export class ServerSelector {
  readonly #keys: Array<{ key: SelectorKey; sock: Socket }> = [];

  /** Python's `register(fileobj, events)`; like CPython, it asks the object for its `fileno()`. */
  register(fileobj: Selectable, events: number): SelectorKey {
    const fd = fileobj.fileno();
    const sock = fileobj.socket ?? (fileobj as unknown as Socket);
    const key: SelectorKey = { fileobj, fd, events };
    this.#keys.push({ key, sock });
    return key;
  }

  /**
   * Python's `select(timeout)`: waits until a registered socket is readable or `timeout`
   * seconds pass (null: for ever, ≤ 0: just poll). Returns the ready keys.
   */
  async select(timeout: number | null): Promise<Array<[SelectorKey, number]>> {
    const wait = timeout === null ? null : Math.max(0, timeout);
    const traced = tracing();
    if (traced) await emit({ kind: 'select_wait', timeout: wait });
    let ready = this.#ready();
    if (ready.length === 0 && wait !== 0) {
      await this.#wait(wait);
      ready = this.#ready();
    }
    if (traced) {
      if (ready.length === 0) await emit({ kind: 'select_timeout' });
      for (const [key] of ready) await emit({ kind: 'select_ready', fd: key.fd });
    }
    return ready;
  }

  /** Waits until one registered socket is readable, or `seconds` pass: one promise, one timer. */
  #wait(seconds: number | null): Promise<void> {
    return new Promise((resolve) => {
      const cancels: Array<() => void> = [];
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      const wake = (): void => {
        if (done) return;
        done = true;
        if (timer !== undefined) clearTimeout(timer);
        for (const cancel of cancels) cancel();
        resolve();
      };
      for (const { sock } of this.#keys) {
        cancels.push(sock.whenReadable(wake));
        if (done) break;
      }
      if (!done && seconds !== null) timer = setTimeout(wake, seconds * 1000);
    });
  }

  #ready(): Array<[SelectorKey, number]> {
    const ready: Array<[SelectorKey, number]> = [];
    for (const { key, sock } of this.#keys) if (sock.readable()) ready.push([key, EVENT_READ]);
    return ready;
  }

  /** Python's `close()`: forgets every registration. */
  close(): void {
    this.#keys.length = 0;
  }
}
