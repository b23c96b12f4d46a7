/** A scheduler whose clock only moves when a test says so (for the runtime's tests). */
import type { CancelTimer, Scheduler } from './scheduler.js';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly fn: () => void;
}

/** Fires timers in due order when `advance` moves its clock; deterministic by construction. */
export class ManualScheduler implements Scheduler {
  #now = 0;
  #order = 0;
  readonly #timers = new Set<Timer>();

  /** Milliseconds since the scheduler was made. */
  get now(): number {
    return this.#now;
  }

  /** How many timers are waiting to fire. */
  get pending(): number {
    return this.#timers.size;
  }

  /** {@inheritDoc Scheduler.setTimer} */
  setTimer(fn: () => void, ms: number): CancelTimer {
    const timer: Timer = { at: this.#now + Math.max(0, ms), order: this.#order++, fn };
    this.#timers.add(timer);
    return () => {
      this.#timers.delete(timer);
    };
  }

  /** Moves the clock by `ms`, firing every timer that falls due, in order (also ones set by fired timers). */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (let next = this.#due(target); next !== undefined; next = this.#due(target)) {
      this.#timers.delete(next);
      this.#now = next.at;
      next.fn();
    }
    this.#now = target;
  }

  #due(target: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.#timers) {
      if (t.at > target) continue;
      if (best === undefined || t.at < best.at || (t.at === best.at && t.order < best.order)) best = t;
    }
    return best;
  }
}
