/**
 * A small helper for "wait until something changes, or a timeout" inside the socket layer.
 *
 * It sits on every recv/accept of every socket, so it is kept cheap: a wait whose
 * condition already holds returns nothing (no promise, no tick), and a real wait is one
 * promise, one small object and, only when it has a timeout, one timer (no closure is
 * made per wait).
 */
import { TimeoutError } from '../python/exceptions.js';

/** Something waiting for a change: `poke` tells it one happened; true when it is done waiting. */
interface Waiter {
  poke(): boolean;
}

/** `until`: resolves once `ready()` holds, rejects at its deadline. */
class Until implements Waiter {
  timer: NodeJS.Timeout | undefined;

  constructor(
    readonly ready: () => boolean,
    readonly resolve: () => void,
  ) {}

  poke(): boolean {
    if (!this.ready()) return false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.resolve();
    return true;
  }
}

/** `whenReady`: calls `wake` once `ready()` holds, unless cancelled first. */
class WhenReady implements Waiter {
  cancelled = false;

  constructor(
    readonly ready: () => boolean,
    readonly wake: () => void,
  ) {}

  poke(): boolean {
    if (this.cancelled) return true;
    if (!this.ready()) return false;
    this.wake();
    return true;
  }
}

/** `next`: resolves at the next change. */
class Next implements Waiter {
  timer: NodeJS.Timeout | undefined;

  constructor(readonly resolve: (notified: boolean) => void) {}

  poke(): boolean {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.resolve(true);
    return true;
  }
}

/** A set of pending waits that are all woken when state changes. */
export class Waiters {
  #waiting: Waiter[] = [];

  /** Wakes every waiter; each re-checks its own condition (those still waiting stay). */
  notify(): void {
    if (this.#waiting.length === 0) return;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const w of waiting) if (!w.poke()) this.#waiting.push(w);
  }

  /**
   * Waits until `ready()` is true: undefined when it already is, else a promise that
   * resolves once it is, or rejects with Python's `TimeoutError` after `timeout` seconds
   * (null waits for ever).
   */
  until(ready: () => boolean, timeout: number | null): Promise<void> | undefined {
    if (ready()) return undefined;
    if (timeout !== null && timeout <= 0) return Promise.reject(new TimeoutError());
    return new Promise((resolve, reject) => {
      const w = new Until(ready, resolve);
      this.#waiting.push(w);
      if (timeout !== null) {
        w.timer = setTimeout(() => {
          this.#forget(w);
          // The state may have changed without a notify (e.g. closed): a last look.
          if (ready()) resolve();
          else reject(new TimeoutError());
        }, timeout * 1000);
      }
    });
  }

  /**
   * Calls `wake` once, at the first notify after which `ready()` holds (at once if it holds
   * now). Returns a function that cancels the call. What a selector waits on.
   */
  whenReady(ready: () => boolean, wake: () => void): () => void {
    if (ready()) {
      wake();
      return () => undefined;
    }
    const w = new WhenReady(ready, wake);
    this.#waiting.push(w);
    return () => {
      w.cancelled = true;
      this.#forget(w);
    };
  }

  /** Waits for the next notify, or `ms` milliseconds; returns whether it was notified. */
  next(ms: number | null): Promise<boolean> {
    return new Promise((resolve) => {
      const w = new Next(resolve);
      this.#waiting.push(w);
      if (ms !== null) {
        w.timer = setTimeout(() => {
          this.#forget(w);
          resolve(false);
        }, ms);
      }
    });
  }

  #forget(w: Waiter): void {
    const i = this.#waiting.indexOf(w);
    if (i >= 0) this.#waiting.splice(i, 1);
  }
}
