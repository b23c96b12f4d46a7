/**
 * Replaying a loaded trace: a cursor over its events that plays, pauses, steps, jumps and
 * stops at breakpoints.
 *
 *   idle (no trace) ──LOAD──► paused ⇄ playing
 *
 * RUN_TO plays forward to one event and stops there (a guided lesson's next note), taking
 * about the time asked for whatever the distance, and passing breakpoints by.
 *
 * The machine only ever moves the cursor index (and, while playing, a playhead in trace
 * time between two events). Everything the panes show is derived from that index, so
 * stepping back shows exactly what stepping forward showed.
 */
import type { Breakpoints, TraceEvent } from '@sockscope/core/trace';
import { assign, setup } from 'xstate';
import { hitsBreakpoint, NO_BREAKPOINTS } from './breakpoints.js';

/** The speeds offered, slowest first. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8, 16];
/** The slowest and fastest playback. */
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 16;
/**
 * The longest stretch of trace time with no event that playing waits through (1 s): a
 * recording where nothing happened for a minute plays that minute as one second.
 */
export const DEFAULT_MAX_IDLE_NS = 1e9;

/** Why playing stopped by itself: a breakpoint, the end, or the event RUN_TO asked for. */
export type StopReason = 'breakpoint' | 'end' | 'target';

/** How long RUN_TO takes by default, ms of wall time. */
export const DEFAULT_RUN_MS = 800;

/** What the replay knows. */
export interface ReplayContext {
  readonly events: readonly TraceEvent[];
  /** Number of events (the trace's length). */
  readonly length: number;
  /** Index of the event at the cursor; -1 when there is no event. */
  readonly cursor: number;
  /** Playback speed: trace time per wall-clock time (0.25×–16×). */
  readonly speed: number;
  readonly breakpoints: Breakpoints;
  /** The playhead in trace time (ns); equals the cursor event's time except while playing. */
  readonly clockNs: number;
  readonly maxIdleNs: number;
  /** Why playing last stopped by itself (a breakpoint, the end, the target); null otherwise. */
  readonly stopped: StopReason | null;
  /** While RUN_TO plays: the index it stops at; null otherwise. */
  readonly stopAt: number | null;
  /** While RUN_TO plays: its speed (so the run takes the time asked for). */
  readonly runSpeed: number;
}

/** Everything the replay understands. */
export type ReplayEvent =
  | { readonly type: 'LOAD'; readonly events: readonly TraceEvent[]; readonly at?: number }
  | { readonly type: 'PLAY' }
  | { readonly type: 'PAUSE' }
  /** Play when paused, pause when playing. */
  | { readonly type: 'TOGGLE' }
  | { readonly type: 'STEP_FORWARD' }
  | { readonly type: 'STEP_BACK' }
  /** Moves the cursor to an index and pauses (jump to event N, a click in a pane). */
  | { readonly type: 'JUMP'; readonly index: number }
  /** Moves the cursor from the scrubber; playing goes on from there. */
  | { readonly type: 'SEEK'; readonly index: number }
  | { readonly type: 'SET_SPEED'; readonly speed: number }
  | { readonly type: 'SET_BREAKPOINTS'; readonly breakpoints: Breakpoints }
  /** Wall-clock time passed while playing, ms. */
  | { readonly type: 'TICK'; readonly elapsedMs: number }
  /** Goes to the last event and pauses. */
  | { readonly type: 'END' }
  /**
   * Plays forward to the event at `index` and stops there, in about `withinMs` of wall time
   * (default DEFAULT_RUN_MS); at or before the cursor it jumps there instead.
   */
  | { readonly type: 'RUN_TO'; readonly index: number; readonly withinMs?: number };

/** `index` within the trace (-1 for an empty one). */
export function clampIndex(index: number, length: number): number {
  if (length === 0) return -1;
  if (!Number.isFinite(index)) return 0;
  return Math.min(length - 1, Math.max(0, Math.trunc(index)));
}

/** A speed within 0.25×–16× (1× for nonsense). */
export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

/** The time of the event at `index` (0 when there is none). */
function timeAt(events: readonly TraceEvent[], index: number): number {
  return events[index]?.t_ns ?? 0;
}

/** The cursor moved to `index`: the playhead follows it. */
function moveTo(context: ReplayContext, index: number): Pick<ReplayContext, 'cursor' | 'clockNs' | 'stopped' | 'stopAt'> {
  const cursor = clampIndex(index, context.length);
  return { cursor, clockNs: timeAt(context.events, cursor), stopped: null, stopAt: null };
}

/**
 * The trace time playing spends between two events (idle stretches cut to `maxIdleNs`, as
 * `advance` does), ns.
 */
export function playedNs(events: readonly TraceEvent[], from: number, to: number, maxIdleNs: number): number {
  let total = 0;
  for (let i = Math.max(0, from); i < to && i + 1 < events.length; i++) total += Math.min(maxIdleNs, Math.max(0, timeAt(events, i + 1) - timeAt(events, i)));
  return total;
}

/** The speed that plays from `from` to `to` in `withinMs` (at least 1e-3×; 1× when there is no time to play). */
export function runSpeedFor(events: readonly TraceEvent[], from: number, to: number, maxIdleNs: number, withinMs: number): number {
  const ns = playedNs(events, from, to, maxIdleNs);
  if (ns <= 0 || !(withinMs > 0)) return 1;
  return Math.max(1e-3, ns / (withinMs * 1e6));
}

/**
 * One tick of playing: the playhead advances by elapsed × speed in trace time (idle
 * stretches longer than `maxIdleNs` are cut short), and the cursor passes every event the
 * playhead has reached, stopping at the first one that hits a breakpoint, or at the end.
 */
export function advance(context: ReplayContext, elapsedMs: number): Pick<ReplayContext, 'cursor' | 'clockNs' | 'stopped'> {
  const { events, length, breakpoints, maxIdleNs, stopAt } = context;
  const running = stopAt !== null;
  const speed = running ? context.runSpeed : context.speed;
  // RUN_TO ends at its target, and passes breakpoints by.
  const last = running ? Math.min(stopAt, length - 1) : length - 1;
  const reached: StopReason = running ? 'target' : 'end';
  let cursor = context.cursor;
  if (length === 0 || cursor >= last) return { cursor, clockNs: running ? timeAt(events, cursor) : context.clockNs, stopped: reached };
  let clock = context.clockNs + Math.max(0, elapsedMs) * 1e6 * speed;
  while (cursor + 1 <= last) {
    const here = timeAt(events, cursor);
    const next = timeAt(events, cursor + 1);
    if (next - here > maxIdleNs && clock < next) {
      // A long idle stretch lasts `maxIdleNs`: once the playhead is that far into it, it
      // continues from the next event.
      const into = clock - here;
      if (into < maxIdleNs) break;
      clock = next + (into - maxIdleNs);
    }
    if (next > clock) break;
    cursor++;
    const event = events[cursor];
    if (!running && event && hitsBreakpoint(breakpoints, event)) return { cursor, clockNs: event.t_ns, stopped: 'breakpoint' };
  }
  if (cursor >= last) return { cursor, clockNs: running ? timeAt(events, cursor) : clock, stopped: reached };
  return { cursor, clockNs: clock, stopped: null };
}

/** The replay machine: idle until LOAD, 1×, no breakpoints. */
export const replayMachine = setup({
  types: {
    context: {} as ReplayContext,
    events: {} as ReplayEvent,
  },
  actions: {
    load: assign(({ event }) => {
      if (event.type !== 'LOAD') return {};
      const length = event.events.length;
      const cursor = clampIndex(event.at ?? 0, length);
      return { events: event.events, length, cursor, clockNs: timeAt(event.events, cursor), stopped: null, stopAt: null };
    }),
    stepForward: assign(({ context }) => moveTo(context, context.cursor + 1)),
    stepBack: assign(({ context }) => moveTo(context, context.cursor - 1)),
    jump: assign(({ context, event }) => (event.type === 'JUMP' || event.type === 'SEEK' ? moveTo(context, event.index) : {})),
    toEnd: assign(({ context }) => moveTo(context, context.length - 1)),
    /** Playing from the last event starts again from the first. */
    rewindIfAtEnd: assign(({ context }) => (context.cursor >= context.length - 1 ? moveTo(context, 0) : { stopped: null, stopAt: null })),
    /** RUN_TO: a target after the cursor plays to it; anything else jumps. */
    runTo: assign(({ context, event }) => {
      if (event.type !== 'RUN_TO') return {};
      const target = clampIndex(event.index, context.length);
      if (target <= context.cursor) return moveTo(context, target);
      const runSpeed = runSpeedFor(context.events, context.cursor, target, context.maxIdleNs, event.withinMs ?? DEFAULT_RUN_MS);
      return { stopAt: target, runSpeed, stopped: null, clockNs: timeAt(context.events, context.cursor) };
    }),
    setSpeed: assign(({ event }) => (event.type === 'SET_SPEED' ? { speed: clampSpeed(event.speed) } : {})),
    setBreakpoints: assign(({ event }) => (event.type === 'SET_BREAKPOINTS' ? { breakpoints: event.breakpoints } : {})),
    tick: assign(({ context, event }) => (event.type === 'TICK' ? advance(context, event.elapsedMs) : {})),
    /** Pausing puts the playhead back on the cursor event, so a later step starts from there. */
    settle: assign(({ context }) => ({ clockNs: timeAt(context.events, context.cursor), stopAt: null })),
  },
  guards: {
    hasEvents: ({ context }) => context.length > 0,
    stopped: ({ context }) => context.stopped !== null,
    runsForward: ({ context, event }) => event.type === 'RUN_TO' && clampIndex(event.index, context.length) > context.cursor,
  },
}).createMachine({
  id: 'replay',
  context: {
    events: [],
    length: 0,
    cursor: -1,
    speed: 1,
    breakpoints: NO_BREAKPOINTS,
    clockNs: 0,
    maxIdleNs: DEFAULT_MAX_IDLE_NS,
    stopped: null,
    stopAt: null,
    runSpeed: 1,
  },
  initial: 'idle',
  on: {
    LOAD: { target: '.paused', actions: 'load', reenter: true },
    SET_SPEED: { actions: 'setSpeed' },
    SET_BREAKPOINTS: { actions: 'setBreakpoints' },
  },
  states: {
    /** No trace loaded yet. */
    idle: {},
    paused: {
      on: {
        PLAY: { guard: 'hasEvents', target: 'playing', actions: 'rewindIfAtEnd' },
        TOGGLE: { guard: 'hasEvents', target: 'playing', actions: 'rewindIfAtEnd' },
        STEP_FORWARD: { actions: 'stepForward' },
        STEP_BACK: { actions: 'stepBack' },
        JUMP: { actions: 'jump' },
        SEEK: { actions: 'jump' },
        END: { actions: 'toEnd' },
        RUN_TO: [{ guard: 'runsForward', target: 'playing', actions: 'runTo' }, { actions: 'runTo' }],
      },
    },
    playing: {
      always: { guard: 'stopped', target: 'paused' },
      exit: 'settle',
      on: {
        PAUSE: { target: 'paused' },
        TOGGLE: { target: 'paused' },
        TICK: { actions: 'tick' },
        STEP_FORWARD: { target: 'paused', actions: 'stepForward' },
        STEP_BACK: { target: 'paused', actions: 'stepBack' },
        JUMP: { target: 'paused', actions: 'jump' },
        SEEK: { actions: 'jump' },
        END: { target: 'paused', actions: 'toEnd' },
        RUN_TO: [{ guard: 'runsForward', actions: 'runTo' }, { target: 'paused', actions: 'runTo' }],
      },
    },
  },
});

/** The replay machine's type. */
export type ReplayMachine = typeof replayMachine;
