/**
 * Timers behind an interface, so that the step controller's timeout and the viewer feed's
 * frame pacing can be driven by a manual clock in tests.
 */

/** Cancels a timer; calling it after the timer fired, or twice, does nothing. */
export type CancelTimer = () => void;

/** Starts one-shot timers. */
export interface Scheduler {
  /** Runs `fn` once after `ms` milliseconds; returns what cancels it. */
  setTimer(fn: () => void, ms: number): CancelTimer;
}

/** The real clock: Node's `setTimeout`, unref'd so that a pending frame or step timeout never keeps the process alive. */
export const realScheduler: Scheduler = {
  setTimer(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => {
      clearTimeout(timer);
    };
  },
};
