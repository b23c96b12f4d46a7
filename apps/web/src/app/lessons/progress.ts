/**
 * Where each reader left each lesson: the last note and the choices tried, in localStorage
 * under `sockscope.lesson.<id>`, so closing the tab and coming back tomorrow resumes there.
 * Anything unreadable is no progress (a fresh start), never an error.
 */
import type { LessonProgress } from '../../machines/lesson-machine.js';

/** The storage key of a lesson's progress. */
export function progressKey(lessonId: string): string {
  return `sockscope.lesson.${lessonId}`;
}

/** The saved text of a lesson's progress. */
export function serializeProgress(progress: LessonProgress): string {
  return JSON.stringify({ v: 1, step: progress.step, picks: progress.picks, finished: progress.finished });
}

/** Reads saved progress; null when there is none or it is not ours. */
export function parseProgress(text: string | null): LessonProgress | null {
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  if (record['v'] !== 1 || typeof record['step'] !== 'number' || !Number.isInteger(record['step'])) return null;
  const picks: Record<number, readonly number[]> = {};
  const rawPicks = record['picks'];
  if (typeof rawPicks === 'object' && rawPicks !== null) {
    for (const [key, value] of Object.entries(rawPicks as Record<string, unknown>)) {
      if (!/^\d{1,4}$/.test(key) || !Array.isArray(value)) continue;
      const choices = value.filter((c): c is number => typeof c === 'number' && Number.isInteger(c) && c >= 0);
      if (choices.length > 0) picks[Number(key)] = choices;
    }
  }
  return { step: record['step'], picks, finished: record['finished'] === true };
}

/** The part of `Storage` progress needs (a Map-backed one in tests). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's localStorage, or null where it cannot be used (private mode, no window). */
export function browserStorage(): ProgressStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** A lesson's saved progress, or null. */
export function loadProgress(lessonId: string, storage: ProgressStorage | null = browserStorage()): LessonProgress | null {
  try {
    return parseProgress(storage?.getItem(progressKey(lessonId)) ?? null);
  } catch {
    return null;
  }
}

/** Saves a lesson's progress (a fresh start with nothing answered is saved as no progress). */
export function saveProgress(lessonId: string, progress: LessonProgress, storage: ProgressStorage | null = browserStorage()): void {
  try {
    const blank = progress.step === 0 && !progress.finished && Object.keys(progress.picks).length === 0;
    if (blank) storage?.removeItem(progressKey(lessonId));
    else storage?.setItem(progressKey(lessonId), serializeProgress(progress));
  } catch {
    // Full or forbidden storage: the progress lasts for this page.
  }
}
