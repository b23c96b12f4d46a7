/** The events a paused lab's threads wait at. */
import type { TraceEvent } from '@sockscope/core';

interface Held {
  readonly event: TraceEvent;
  readonly release: () => void;
}

/**
 * A FIFO of held events, each with the promise its thread awaits. The oldest is the one the
 * lab is "at"; the others are threads that arrived later and wait behind it.
 */
export class HoldQueue {
  readonly #items: Held[] = [];

  /** Holds `event`: the returned promise resolves when it is released. */
  hold(event: TraceEvent): Promise<void> {
    return new Promise<void>((release) => {
      this.#items.push({ event, release });
    });
  }

  /** The oldest held event, or null. */
  get oldest(): TraceEvent | null {
    return this.#items[0]?.event ?? null;
  }

  /** How many events are held. */
  get size(): number {
    return this.#items.length;
  }

  /** Lets the oldest held event's thread go on; returns that event, or null if none was held. */
  releaseOldest(): TraceEvent | null {
    const first = this.#items.shift();
    first?.release();
    return first?.event ?? null;
  }

  /** Lets every held thread go on, oldest first; returns how many. */
  releaseAll(): number {
    const all = this.#items.splice(0);
    for (const held of all) held.release();
    return all.length;
  }
}
