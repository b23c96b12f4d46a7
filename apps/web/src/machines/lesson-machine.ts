/**
 * The lesson player: which note of a guided lesson is shown, the answers tried, and what
 * may come next.
 *
 *   closed ──OPEN──► reading ──NEXT at the last note──► finished
 *                       ▲  (NEXT / PREV / GOTO / ANSWER)    │
 *                       └──────────PREV / GOTO / RESTART────┘
 *
 * A note with a question holds the lesson until the right choice is picked: NEXT does
 * nothing, and the notes after it cannot be jumped to. Wrong picks are kept (they stay
 * marked) and the reader tries again. The machine knows nothing of the replay: the player
 * moves the replay's cursor whenever `move` changes (`run` after NEXT, `jump` otherwise).
 */
import { and, assign, setup } from 'xstate';

/** The choices tried at each note with a question, by the note's index: in the order picked. */
export type Picks = Readonly<Record<number, readonly number[]>>;

/** What is saved of a lesson between visits (app/lessons/progress.ts keeps it). */
export interface LessonProgress {
  /** The note shown last, from 0. */
  readonly step: number;
  readonly picks: Picks;
  /** The reader reached the end. */
  readonly finished: boolean;
}

/** How the last change of note happened: the replay runs forward to it, or jumps. */
export interface Move {
  readonly kind: 'run' | 'jump';
  /** Bumped at every change, so that going to the same note again moves the cursor again. */
  readonly id: number;
}

/** What the player knows. */
export interface LessonContext {
  /** The open lesson's id; null when closed. */
  readonly lesson: string | null;
  /** For each note, the index of its question's right choice, or null when it asks nothing. */
  readonly answers: ReadonlyArray<number | null>;
  /** How many choices each note's question has (0 without a question). */
  readonly choices: readonly number[];
  readonly step: number;
  readonly picks: Picks;
  readonly finished: boolean;
  readonly move: Move;
}

/** A note of a lesson as the machine sees it: its question's right choice and how many choices. */
export interface StepShape {
  readonly answer: number | null;
  readonly choices: number;
}

/** Everything the player understands. */
export type LessonEvent =
  | { readonly type: 'OPEN'; readonly lesson: string; readonly steps: readonly StepShape[]; readonly progress?: LessonProgress | null }
  | { readonly type: 'NEXT' }
  | { readonly type: 'PREV' }
  /** Goes to a note (from 0), if it can be reached. */
  | { readonly type: 'GOTO'; readonly step: number }
  /** Picks a choice (from 0) of the shown note's question. */
  | { readonly type: 'ANSWER'; readonly choice: number }
  /** Forgets the answers and goes back to the first note. */
  | { readonly type: 'RESTART' }
  | { readonly type: 'CLOSE' };

/** Whether note `step` is passed: it asks nothing, or its right choice has been picked. */
export function isSolved(context: Pick<LessonContext, 'answers' | 'picks'>, step: number): boolean {
  const answer = context.answers[step];
  if (answer === null || answer === undefined) return true;
  return (context.picks[step] ?? []).includes(answer);
}

/** The last note that can be reached: the first whose question is still open, else the last one. */
export function lastReachable(context: Pick<LessonContext, 'answers' | 'picks'>): number {
  for (let i = 0; i < context.answers.length; i++) if (!isSolved(context, i)) return i;
  return Math.max(0, context.answers.length - 1);
}

/** Whether NEXT goes on from the shown note (to the next one, or to the end). */
export function canAdvance(context: LessonContext): boolean {
  return context.lesson !== null && !context.finished && context.answers.length > 0 && isSolved(context, context.step);
}

/** Whether the shown note's question was answered right at the first try (null: no question, or not yet answered right). */
export function firstTry(context: Pick<LessonContext, 'answers' | 'picks'>, step: number): boolean | null {
  const answer = context.answers[step];
  const picks = context.picks[step] ?? [];
  if (answer === null || answer === undefined || !picks.includes(answer)) return null;
  return picks[0] === answer;
}

/** The saved form of the player's state. */
export function progressOf(context: LessonContext): LessonProgress {
  return { step: context.step, picks: context.picks, finished: context.finished };
}

/**
 * Saved progress made safe for the lesson as it is now (a lesson may have changed since):
 * picks only for notes that still ask, of choices that still exist; the note clamped to
 * the ones that can be reached.
 */
export function restore(steps: readonly StepShape[], progress: LessonProgress | null | undefined): LessonProgress {
  if (!progress || steps.length === 0) return { step: 0, picks: {}, finished: false };
  const picks: Record<number, readonly number[]> = {};
  for (const [key, tried] of Object.entries(progress.picks)) {
    const step = Number(key);
    const shape = steps[step];
    if (shape?.answer === null || shape === undefined || !Array.isArray(tried)) continue;
    const valid = [...new Set(tried.filter((c) => Number.isInteger(c) && c >= 0 && c < shape.choices))];
    if (valid.length > 0) picks[step] = valid;
  }
  const answers = steps.map((s) => s.answer);
  const reachable = lastReachable({ answers, picks });
  const step = Number.isInteger(progress.step) ? Math.min(Math.max(0, progress.step), reachable) : 0;
  const finished = progress.finished && reachable === steps.length - 1 && isSolved({ answers, picks }, reachable);
  return { step: finished ? steps.length - 1 : step, picks, finished };
}

const CLOSED: LessonContext = { lesson: null, answers: [], choices: [], step: 0, picks: {}, finished: false, move: { kind: 'jump', id: 0 } };

const next = (move: Move, kind: Move['kind']): Move => ({ kind, id: move.id + 1 });

/** The lesson player's machine. */
export const lessonMachine = setup({
  types: {
    context: {} as LessonContext,
    events: {} as LessonEvent,
  },
  actions: {
    open: assign(({ context, event }) => {
      if (event.type !== 'OPEN') return {};
      const restored = restore(event.steps, event.progress);
      // A fresh start runs from the beginning of the recording to the first note; a resumed one jumps.
      const fresh = restored.step === 0 && !restored.finished && Object.keys(restored.picks).length === 0;
      return {
        lesson: event.lesson,
        answers: event.steps.map((s) => s.answer),
        choices: event.steps.map((s) => s.choices),
        ...restored,
        move: next(context.move, fresh ? 'run' : 'jump'),
      };
    }),
    forward: assign(({ context }) => ({ step: context.step + 1, move: next(context.move, 'run') })),
    back: assign(({ context }) => ({ step: Math.max(0, context.step - 1), finished: false, move: next(context.move, 'jump') })),
    /** From the end, PREV shows the last note again. */
    unfinish: assign(({ context }) => ({ finished: false, move: next(context.move, 'jump') })),
    finish: assign({ finished: true }),
    goto: assign(({ context, event }) => (event.type === 'GOTO' ? { step: event.step, finished: false, move: next(context.move, 'jump') } : {})),
    answer: assign(({ context, event }) => {
      if (event.type !== 'ANSWER') return {};
      const tried = context.picks[context.step] ?? [];
      return { picks: { ...context.picks, [context.step]: [...tried, event.choice] } };
    }),
    restart: assign(({ context }) => ({ step: 0, picks: {}, finished: false, move: next(context.move, 'jump') })),
    close: assign(() => CLOSED),
  },
  guards: {
    canAdvance: ({ context }) => canAdvance(context),
    atLast: ({ context }) => context.step >= context.answers.length - 1,
    notFirst: ({ context }) => context.step > 0,
    reachable: ({ context, event }) =>
      event.type === 'GOTO' && Number.isInteger(event.step) && event.step >= 0 && event.step <= lastReachable(context),
    validAnswer: ({ context, event }) => {
      if (event.type !== 'ANSWER') return false;
      const answer = context.answers[context.step];
      if (answer === null || answer === undefined || isSolved(context, context.step)) return false;
      const count = context.choices[context.step] ?? 0;
      return Number.isInteger(event.choice) && event.choice >= 0 && event.choice < count && !(context.picks[context.step] ?? []).includes(event.choice);
    },
  },
}).createMachine({
  id: 'lesson',
  context: CLOSED,
  initial: 'closed',
  on: {
    OPEN: [
      { guard: ({ event }) => restore(event.steps, event.progress).finished, target: '.finished', actions: 'open' },
      { target: '.reading', actions: 'open' },
    ],
    CLOSE: { target: '.closed', actions: 'close' },
  },
  states: {
    closed: {},
    reading: {
      on: {
        NEXT: [
          { guard: and(['canAdvance', 'atLast']), target: 'finished', actions: 'finish' },
          { guard: 'canAdvance', actions: 'forward' },
        ],
        PREV: { guard: 'notFirst', actions: 'back' },
        GOTO: { guard: 'reachable', actions: 'goto' },
        ANSWER: { guard: 'validAnswer', actions: 'answer' },
        RESTART: { actions: 'restart' },
      },
    },
    finished: {
      on: {
        PREV: { target: 'reading', actions: 'unfinish' },
        GOTO: { guard: 'reachable', target: 'reading', actions: 'goto' },
        RESTART: { target: 'reading', actions: 'restart' },
      },
    },
  },
});

/** The lesson machine's type. */
export type LessonMachine = typeof lessonMachine;
