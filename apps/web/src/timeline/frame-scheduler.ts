/**
 * One requestAnimationFrame loop for the whole timeline. Wheel, drag, hover, new events and
 * cursor moves can each ask for a redraw many times between two frames; asking under the
 * same key keeps only the latest callback, and all of them run together in the next frame.
 */

/** Runs `cb` before the next repaint (window.requestAnimationFrame, or a fake in tests). */
export type RequestFrame = (cb: (now: number) => void) => number;
/** Cancels a `RequestFrame` request. */
export type CancelFrame = (handle: number) => void;

/** A per-frame work queue. */
export interface FrameScheduler {
  /** Runs `fn` in the next frame; a later call with the same key replaces it. */
  scheduleFrame(key: string, fn: (now: number) => void): void;
  /** Drops the work queued under `key`. */
  cancelFrame(key: string): void;
  /** True when work is waiting for a frame. */
  readonly pending: boolean;
  /** Drops all queued work and the frame request. */
  dispose(): void;
}

/** A scheduler over `raf` (a fake one in tests). */
export function createFrameScheduler(raf: RequestFrame, caf: CancelFrame = () => undefined): FrameScheduler {
  let queue = new Map<string, (now: number) => void>();
  let handle: number | null = null;

  const run = (now: number): void => {
    handle = null;
    // Swap first: work scheduled while running (an animation's next step) goes to the next frame.
    const work = queue;
    queue = new Map();
    const errors: unknown[] = [];
    for (const fn of work.values()) {
      try {
        fn(now);
      } catch (error) {
        errors.push(error);
      }
    }
    // One failing callback must not starve the others; its error is still reported.
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'frame callbacks failed');
  };

  return {
    scheduleFrame(key, fn) {
      queue.delete(key); // Re-inserting moves the key last: callbacks run in the order last asked.
      queue.set(key, fn);
      handle ??= raf(run);
    },
    cancelFrame(key) {
      queue.delete(key);
      if (queue.size === 0 && handle !== null) {
        caf(handle);
        handle = null;
      }
    },
    get pending() {
      return queue.size > 0;
    },
    dispose() {
      queue.clear();
      if (handle !== null) caf(handle);
      handle = null;
    },
  };
}

let shared: FrameScheduler | null = null;

/** The timeline's one scheduler over the browser's requestAnimationFrame (made on first use). */
export function timelineFrames(): FrameScheduler {
  shared ??= createFrameScheduler(
    (cb) => requestAnimationFrame(cb),
    (h) => {
      cancelAnimationFrame(h);
    },
  );
  return shared;
}

/** Queues `fn` for the next frame on the shared timeline scheduler, replacing earlier work under `key`. */
export function scheduleFrame(key: string, fn: (now: number) => void): void {
  timelineFrames().scheduleFrame(key, fn);
}
