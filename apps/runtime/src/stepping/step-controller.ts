/**
 * Pausing and stepping a live lab: the controller sits between a lab's trace session and its
 * sinks and decides, for every event, whether the emitting thread may go on.
 */
import type { Breakpoints, RunTarget, StepState, TraceEvent } from '@sockscope/core';
import { realScheduler, type Scheduler } from '../stream/scheduler.js';
import { HoldQueue } from './hold-queue.js';
import { hitsBreakpoint, matchesTarget, NO_BREAKPOINTS } from '@sockscope/core/trace';

/** Default for {@link StepControllerOptions.stepTimeoutMs}. */
export const DEFAULT_STEP_TIMEOUT_MS = 300;

/** How a controller starts and waits. */
export interface StepControllerOptions {
  /**
   * How long a step waits for the released thread (or any other) to reach its next holdable
   * event before it reports anyway (default {@link DEFAULT_STEP_TIMEOUT_MS}).
   */
  readonly stepTimeoutMs?: number;
  /** The clock for that timeout (default: real timers). */
  readonly scheduler?: Scheduler;
  /** The breakpoints to start with (default: none). */
  readonly breakpoints?: Breakpoints;
}

/** Called with the new state whenever the step state changes. Must not throw: it runs inside `gate`. */
export type StepListener = (state: StepState) => void;

/**
 * The step-through of one lab.
 *
 * **Running**: events pass. An event that hits a breakpoint (or the `runTo` target) pauses
 * the lab; if it is holdable its thread is held at it, otherwise (a synchronous event cannot
 * wait) the next holdable event is.
 *
 * **Paused**: every holdable event is held, first come first held: `held` is the oldest, the
 * event the lab is "at"; `waiting` counts the threads held behind it. Non-holdable events
 * still pass (they happened and reach the sinks) but are never `held`. `held` is null when
 * every thread is busy elsewhere, typically blocked on I/O: the lab is "paused, waiting for
 * I/O", and the next holdable event to arrive becomes `held`.
 *
 * **Stepping**: one step releases the held event and is done when a holdable event is held
 * again: at once if other threads were already waiting (the oldest of them becomes `held`),
 * else when the next one arrives (usually the released thread's next event). If nothing
 * arrives within `stepTimeoutMs` (the thread now waits for I/O) the step is done anyway with
 * `held: null`, and the rest of a multi-step is dropped: there is nothing left to release.
 * A step when nothing is held releases nothing and just waits (bounded the same way) for the
 * next event to hold; a step while running pauses first. Steps run one after another;
 * `resume`, `runTo` and `dispose` end the steps in progress or queued.
 */
export class StepController {
  readonly #queue = new HoldQueue();
  readonly #listeners = new Set<StepListener>();
  /** Steps waiting for the next hold: called with true when one happens, false when cancelled or timed out. */
  readonly #arrivals = new Set<(held: boolean) => void>();
  readonly #stepTimeoutMs: number;
  readonly #scheduler: Scheduler;
  #mode: StepState['mode'] = 'running';
  #breakpoints: Breakpoints;
  #runTo: RunTarget | null = null;
  /** Bumped by resume / runTo / dispose: steps started under an older generation stop. */
  #generation = 0;
  #steps: Promise<unknown> = Promise.resolve();
  #disposed = false;

  constructor(options: StepControllerOptions = {}) {
    this.#stepTimeoutMs = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
    this.#scheduler = options.scheduler ?? realScheduler;
    this.#breakpoints = copyBreakpoints(options.breakpoints ?? NO_BREAKPOINTS);
  }

  /**
   * Decides whether the event's thread may go on. Call it for every event, in trace order,
   * after handing the event to the sinks (so a held event is visible). Returns a promise
   * (resolved when the event is released) only for a holdable event that is held.
   */
  gate(event: TraceEvent, holdable: boolean): void | Promise<void> {
    if (this.#disposed) return;
    if (this.#mode === 'running') {
      if (!this.#stopsAt(event)) return;
      this.#mode = 'paused';
      this.#runTo = null;
      if (!holdable) {
        this.#notify();
        return;
      }
    } else if (!holdable) {
      return;
    }
    const released = this.#queue.hold(event);
    this.#notify();
    this.#wakeSteps(true);
    return released;
  }

  /** Pauses: the next holdable event is held. Does nothing when already paused. */
  pause(): StepState {
    if (!this.#disposed && this.#mode === 'running') {
      this.#mode = 'paused';
      this.#runTo = null;
      this.#notify();
    }
    return this.state();
  }

  /**
   * Steps `count` times (see the class comment). Resolves with the state when the steps are
   * done, at the latest about `count × stepTimeoutMs` later; rejects only for a bad count.
   */
  step(count = 1): Promise<StepState> {
    if (!Number.isInteger(count) || count < 1) return Promise.reject(new RangeError(`step count must be a positive integer, got ${count}`));
    const generation = this.#generation;
    const done = this.#steps.then(() => this.#stepMany(count, generation));
    this.#steps = done;
    return done;
  }

  /**
   * Runs until the first event matching `target` (its given fields ANDed, the same matching
   * as breakpoints): releases every held thread, runs, and pauses there. Breakpoints still
   * apply on the way. The target is forgotten once reached, or on pause / resume.
   */
  runTo(target: RunTarget): StepState {
    return this.#run({ ...target });
  }

  /** Releases every held thread and runs (until a breakpoint). */
  resume(): StepState {
    return this.#run(null);
  }

  /** Replaces the breakpoints; they apply from the next event. */
  setBreakpoints(breakpoints: Breakpoints): StepState {
    if (!this.#disposed) {
      this.#breakpoints = copyBreakpoints(breakpoints);
      this.#notify();
    }
    return this.state();
  }

  /** The current state (a fresh object). */
  state(): StepState {
    return {
      mode: this.#mode,
      held: this.#queue.oldest,
      waiting: Math.max(0, this.#queue.size - 1),
      breakpoints: this.#breakpoints,
      run_to: this.#runTo,
    };
  }

  /** Calls `listener` after every change of the state; returns what unsubscribes it. */
  onChange(listener: StepListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * For a closing lab: releases every held thread, ends pending steps, forgets the listeners,
   * and from now on lets every event pass, so no thread can stay stuck.
   */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#generation++;
    this.#wakeSteps(false);
    this.#mode = 'running';
    this.#runTo = null;
    this.#queue.releaseAll();
    this.#listeners.clear();
  }

  #stopsAt(event: TraceEvent): boolean {
    return (this.#runTo !== null && matchesTarget(this.#runTo, event)) || hitsBreakpoint(this.#breakpoints, event);
  }

  #run(target: RunTarget | null): StepState {
    if (this.#disposed) return this.state();
    const unchanged = this.#mode === 'running' && this.#runTo === null && target === null && this.#queue.size === 0;
    this.#generation++;
    this.#wakeSteps(false);
    this.#mode = 'running';
    this.#runTo = target;
    this.#queue.releaseAll();
    if (!unchanged) this.#notify();
    return this.state();
  }

  async #stepMany(count: number, generation: number): Promise<StepState> {
    if (this.#disposed || generation !== this.#generation) return this.state();
    this.pause();
    for (let i = 0; i < count && generation === this.#generation; i++) {
      if (this.#queue.releaseOldest() !== null) this.#notify();
      // Another thread already waits: it is the new `held`, this step is done.
      if (this.#queue.size > 0) continue;
      if (!(await this.#nextHold())) break;
    }
    return this.state();
  }

  /** Resolves true at the next hold, false on timeout or when steps are cancelled. */
  #nextHold(): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const finish = (held: boolean): void => {
        cancel();
        this.#arrivals.delete(finish);
        resolve(held);
      };
      const cancel = this.#scheduler.setTimer(() => {
        finish(false);
      }, this.#stepTimeoutMs);
      this.#arrivals.add(finish);
    });
  }

  #wakeSteps(held: boolean): void {
    for (const finish of [...this.#arrivals]) finish(held);
  }

  #notify(): void {
    if (this.#listeners.size === 0) return;
    const state = this.state();
    for (const listener of this.#listeners) listener(state);
  }
}

/** A frozen copy, so a caller's later edits cannot change the controller's breakpoints. */
function copyBreakpoints(b: Breakpoints): Breakpoints {
  return Object.freeze({ kinds: [...b.kinds], methods: [...b.methods], threads: [...b.threads] });
}
