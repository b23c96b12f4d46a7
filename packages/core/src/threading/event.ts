/** Python's `threading.Event`: a flag that threads can wait for. */
import { sleep } from './thread.js';

/** Python's `threading.Event`. */
export class Event {
  #flag = false;
  #waiters: Array<() => void> = [];

  /** Python's `is_set()`. */
  is_set(): boolean {
    return this.#flag;
  }

  /** Sets the flag and wakes every waiter. */
  set(): void {
    this.#flag = true;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  /** Clears the flag. */
  clear(): void {
    this.#flag = false;
  }

  /** Waits until the flag is set (or `timeout` seconds pass); returns the flag. */
  async wait(timeout: number | null = null): Promise<boolean> {
    if (this.#flag) return true;
    const set = new Promise<void>((resolve) => this.#waiters.push(resolve));
    await (timeout === null ? set : Promise.race([set, sleep(timeout)]));
    return this.#flag;
  }
}
