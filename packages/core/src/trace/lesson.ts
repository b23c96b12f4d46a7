/**
 * The guided-lesson format: a scenario (inline, or a shipped scenario by name), its bundled
 * recording, and steps pinned to events of the run, each with a note in English and
 * Simplified Chinese, the panes it talks about and an optional question. The web app's
 * player and the runtime's checks share these types, `validateLesson`
 * (lesson-validate.ts) and `locateSteps` (lesson-locate.ts).
 */
import type { TraceEventKind } from './schema.js';
import type { Scenario } from './scenario.js';

/** The `format` field of a lesson file. */
export const LESSON_FORMAT = 'sockscope-lesson';
/** The version of the lesson format. */
export const LESSON_VERSION = 1;

/** The languages every lesson text is written in. */
export const LESSON_LANGUAGES = ['en', 'zh-CN'] as const;

/** A lesson language. */
export type LessonLanguage = (typeof LESSON_LANGUAGES)[number];

/** A text in every lesson language (markdown where it is a note). */
export type LocalizedText = Readonly<Record<LessonLanguage, string>>;

/** How much a lesson expects of its reader. */
export const LESSON_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

/** A lesson's level. */
export type LessonLevel = (typeof LESSON_LEVELS)[number];

/** What a step can light: the web app's panes (`PaneId`), the timeline, and the MRO playground. */
export const LESSON_PANES = ['mro', 'callpath', 'connections', 'events', 'source', 'timeline', 'playground'] as const;

/** A pane a step lights. */
export type LessonPane = (typeof LESSON_PANES)[number];

/** The lesson whose steps may light the MRO playground (building your own server class). */
export const PLAYGROUND_LESSON = 11;

/** The number of the last lesson. */
export const LAST_LESSON = 11;

/**
 * Which event a step stops at: the `nth` event (1-based, counted from the start of the
 * trace) of `kind` that also matches `method` and `thread` where they are given.
 */
export interface EventMatcher {
  readonly kind: TraceEventKind;
  /**
   * For `call` / `return` / `exception`: the bare Python name (`handle`) or `Class.method`
   * with the class whose implementation runs (`SlowEchoHandler.handle`), as breakpoints match.
   */
  readonly method?: string;
  /**
   * The thread's role, as the canonical form names it: `main`, `loop`, `worker N`,
   * `child N`, `client N`; `worker`, `child` or `client` alone match any of them.
   */
  readonly thread?: string;
  /** Which occurrence, from 1 (default 1). */
  readonly nth?: number;
}

/** A multiple-choice question that checks understanding before the lesson goes on. */
export interface LessonQuestion {
  readonly prompt: LocalizedText;
  readonly choices: readonly LocalizedText[];
  /** The index of the right choice in `choices`, from 0. */
  readonly answer: number;
  /** Why that answer is right (shown once the reader has answered). */
  readonly explanation: LocalizedText;
}

/** One stop of a lesson. */
export interface LessonStep {
  readonly at: EventMatcher;
  /** Markdown, a few sentences: what to look at, in which pane, and why it happens. */
  readonly note: LocalizedText;
  /** The panes the note talks about, lit while the step is shown. */
  readonly panes: readonly LessonPane[];
  readonly question?: LessonQuestion;
}

/** A guided lesson (a file `NN-name.json` in apps/web/public/lessons). */
export interface Lesson {
  readonly format: typeof LESSON_FORMAT;
  readonly version: typeof LESSON_VERSION;
  /** The file name without `.json`, e.g. `01-sync-tcp-server`; its number leads. */
  readonly id: string;
  /** The lesson's place in the course, 1–11. */
  readonly number: number;
  readonly level: LessonLevel;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  /** The scenario, inline; or give `shipped_scenario`. */
  readonly scenario?: Scenario;
  /**
   * A scenario the runtime ships (apps/runtime/scenarios, the name without `.json`, as
   * `list_scenarios` names it). The bundled recording's header holds its content.
   */
  readonly shipped_scenario?: string;
  /** The bundled recording's file name, beside the lesson file, e.g. `01-sync-tcp-server.jsonl`. */
  readonly recording: string;
  readonly steps: readonly LessonStep[];
}

/** An entry of the lessons' `index.json`. */
export interface LessonIndexEntry {
  /** The lesson file's name, e.g. `01-sync-tcp-server.json`. */
  readonly file: string;
  readonly number: number;
  readonly level: LessonLevel;
  readonly title: LocalizedText;
}
