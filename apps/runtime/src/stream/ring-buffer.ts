/** A bounded FIFO that overwrites its oldest item when full. */

/**
 * A ring buffer of at most `capacity` items. Storage grows on demand up to `capacity`, so a
 * large bound costs nothing until it is used. `T` should not include `undefined` (it means
 * "nothing" in the return values).
 */
export class RingBuffer<T> {
  #items: Array<T | undefined> = [];
  #start = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  /** How many items it holds. */
  get length(): number {
    return this.#size;
  }

  /** Appends `item`; when full, drops the oldest item and returns it. */
  push(item: T): T | undefined {
    if (this.#size === this.capacity) {
      // Full means the storage has grown to exactly `capacity` slots.
      const evicted = this.#items[this.#start];
      this.#items[this.#start] = item;
      this.#start = (this.#start + 1) % this.capacity;
      return evicted;
    }
    if (this.#size === this.#items.length) {
      // Grow: lay the items out from 0 so that the new slot is at the end.
      if (this.#start !== 0) this.#items = this.toArray();
      this.#start = 0;
      this.#items.push(item);
    } else {
      this.#items[(this.#start + this.#size) % this.#items.length] = item;
    }
    this.#size++;
    return undefined;
  }

  /** The oldest item, or undefined when empty. */
  peek(): T | undefined {
    return this.#size === 0 ? undefined : this.#items[this.#start];
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.#size === 0) return undefined;
    const item = this.#items[this.#start];
    this.#items[this.#start] = undefined; // let it be collected
    this.#start = (this.#start + 1) % this.#items.length;
    this.#size--;
    return item;
  }

  /** Removes and returns up to `count` oldest items, oldest first. */
  take(count: number): T[] {
    const out: T[] = [];
    while (out.length < count && this.#size > 0) out.push(this.shift() as T);
    return out;
  }

  /** The items, oldest first (a copy). */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.#size; i++) out.push(this.#items[(this.#start + i) % this.#items.length] as T);
    return out;
  }

  /** Empties it and releases its storage. */
  clear(): void {
    this.#items = [];
    this.#start = 0;
    this.#size = 0;
  }
}
