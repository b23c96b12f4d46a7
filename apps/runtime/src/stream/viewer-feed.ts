/**
 * Delivery of trace events to one viewer, in frame-sized batches with flow control: a slow
 * viewer loses old events (and is told how many) instead of slowing the server or growing
 * the runtime's memory.
 */
import type { EventBatch, TraceEvent } from '@sockscope/core';
import { RingBuffer } from './ring-buffer.js';
import { realScheduler, type CancelTimer, type Scheduler } from './scheduler.js';

/** Sends one batch; the feed sends nothing more to this viewer until `done` is called (socket.io's ack). */
export type SendBatch = (batch: EventBatch, done: () => void) => void;

/** How a feed paces and bounds itself. */
export interface ViewerFeedOptions {
  /** Milliseconds between batches, about one animation frame (default 16). */
  readonly frameMs?: number;
  /** Most events queued for this viewer across all labs; beyond it the oldest are dropped (default 10 000). */
  readonly maxQueued?: number;
  /** Most events in one batch (default 2 000). */
  readonly maxBatch?: number;
  /**
   * Most batches sent and not yet acked (default 1). Two let the next batch travel while
   * the viewer takes the previous one, so events wait less at high rates.
   */
  readonly maxInFlight?: number;
  /** The clock (default: real timers). */
  readonly scheduler?: Scheduler;
}

/** An event with its place in this feed's arrival order (to find the oldest across labs). */
interface Queued {
  readonly order: number;
  readonly event: TraceEvent;
}

interface LabQueue {
  readonly events: RingBuffer<Queued>;
  /** Events of this lab dropped since its last batch. */
  gap: number;
}

/**
 * One connected viewer's feed, for every lab. Events are queued per lab and sent about once
 * per frame, one batch (one lab, oldest first) at a time:
 * - at most one batch is in flight: the next waits for the previous one's `done`;
 * - at most `maxQueued` events wait; each event beyond that drops the oldest queued one
 *   (whichever lab it belongs to), and that lab's next batch carries `gap` = how many of its
 *   events were dropped since its previous batch. A lab whose queued events were all dropped
 *   gets a batch with no events and only the gap;
 * - the viewer therefore catches up with the newest events once it keeps up again.
 */
export class ViewerFeed {
  readonly #send: SendBatch;
  readonly #frameMs: number;
  readonly #maxQueued: number;
  readonly #maxBatch: number;
  readonly #scheduler: Scheduler;
  readonly #labs = new Map<string, LabQueue>();
  #queued = 0;
  #order = 0;
  #dropped = 0;
  readonly #maxInFlight: number;
  #inFlight = 0;
  #timer: CancelTimer | null = null;
  #closed = false;

  constructor(send: SendBatch, options: ViewerFeedOptions = {}) {
    this.#send = send;
    this.#frameMs = options.frameMs ?? 16;
    this.#maxQueued = positive(options.maxQueued ?? 10_000, 'maxQueued');
    this.#maxBatch = positive(options.maxBatch ?? 2_000, 'maxBatch');
    this.#maxInFlight = positive(options.maxInFlight ?? 1, 'maxInFlight');
    this.#scheduler = options.scheduler ?? realScheduler;
  }

  /** Queues one event of `lab` for this viewer. Never blocks; after `close` it does nothing. */
  push(lab: string, event: TraceEvent): void {
    if (this.#closed) return;
    // Make room first: then no lab's ring (sized to the feed-wide limit) ever overwrites uncounted.
    if (this.#queued >= this.#maxQueued) this.#dropOldest();
    let queue = this.#labs.get(lab);
    if (queue === undefined) {
      queue = { events: new RingBuffer(this.#maxQueued), gap: 0 };
      this.#labs.set(lab, queue);
    }
    queue.events.push({ order: this.#order++, event });
    this.#queued++;
    this.#schedule();
  }

  /** Events waiting to be sent (never more than `maxQueued`). */
  get queued(): number {
    return this.#queued;
  }

  /** Events dropped for this viewer since the feed began. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Whether as many batches as may be wait for their `done`. */
  get inFlight(): boolean {
    return this.#inFlight >= this.#maxInFlight;
  }

  /** Stops the timer and forgets the queue; a late `done` is ignored. */
  close(): void {
    this.#closed = true;
    this.#timer?.();
    this.#timer = null;
    this.#labs.clear();
    this.#queued = 0;
  }

  #dropOldest(): void {
    let oldest: LabQueue | undefined;
    for (const queue of this.#labs.values()) {
      const head = queue.events.peek();
      if (head !== undefined && (oldest === undefined || head.order < (oldest.events.peek()?.order ?? Infinity))) oldest = queue;
    }
    if (oldest === undefined) return;
    oldest.events.shift();
    oldest.gap++;
    this.#queued--;
    this.#dropped++;
  }

  #schedule(): void {
    if (this.#closed || this.inFlight || this.#timer !== null || this.#labs.size === 0) return;
    // A full batch already waiting goes at once: waiting a frame would only let the queue
    // overflow at high rates. Anything less waits the frame, to gather into one batch.
    const delay = this.#queued >= this.#maxBatch ? 0 : this.#frameMs;
    this.#timer = this.#scheduler.setTimer(() => {
      this.#timer = null;
      this.#flush();
    }, delay);
  }

  #flush(): void {
    const next = this.#nextLab();
    if (this.#closed || this.inFlight || next === undefined) return;
    const [lab, queue] = next;
    const events = queue.events.take(this.#maxBatch).map((q) => q.event);
    const batch: EventBatch = { lab, events, gap: queue.gap };
    queue.gap = 0;
    this.#queued -= events.length;
    if (queue.events.length === 0) this.#labs.delete(lab);
    this.#inFlight++;
    let acked = false;
    this.#send(batch, () => {
      if (acked || this.#closed) return;
      acked = true;
      this.#inFlight--;
      this.#schedule();
    });
  }

  /** The lab to serve next: one owed only a gap first, else the one with the oldest queued event. */
  #nextLab(): [string, LabQueue] | undefined {
    let best: [string, LabQueue] | undefined;
    let bestOrder = Infinity;
    for (const entry of this.#labs) {
      const order = entry[1].events.peek()?.order ?? -Infinity;
      if (best === undefined || order < bestOrder) {
        best = entry;
        bestOrder = order;
      }
    }
    return best;
  }
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
