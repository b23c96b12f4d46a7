/** A small helper for "wait until something changes, or a timeout" inside the socket layer. */
import { TimeoutError } from '../python/exceptions.js';

/** A set of pending waits that are all woken when state changes. */
export class Waiters {
  #wake: Array<() => void> = [];

  /** Wakes every waiter; each re-checks its own condition. */
  notify(): void {
    const wake = this.#wake;
    this.#wake = [];
    for (const w of wake) w();
  }

  /**
   * Waits until `ready()` is true. Rejects with Python's `TimeoutError` after `timeout`
   * seconds (null waits for ever).
   */
  async until(ready: () => boolean, timeout: number | null): Promise<void> {
    const deadline = timeout === null ? null : performance.now() + timeout * 1000;
    while (!ready()) {
      const left = deadline === null ? null : deadline - performance.now();
      if (left !== null && left <= 0) throw new TimeoutError();
      await this.#next(left);
    }
  }

  /** Waits for the next notify, or `ms` milliseconds; returns whether it was notified. */
  next(ms: number | null): Promise<boolean> {
    return this.#next(ms);
  }

  #next(ms: number | null): Promise<boolean> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = (): void => {
        if (timer) clearTimeout(timer);
        resolve(true);
      };
      this.#wake.push(wake);
      if (ms !== null) {
        timer = setTimeout(() => {
          this.#wake = this.#wake.filter((w) => w !== wake);
          resolve(false);
        }, ms);
      }
    });
  }
}
