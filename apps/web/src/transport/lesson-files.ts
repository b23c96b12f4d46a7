/**
 * The guided lessons bundled with both builds: `lessons/index.json` lists them, each
 * `lessons/NN-name.json` is a lesson (core's format, checked with `validateLesson`) beside
 * its recording `NN-name.jsonl`. Like trace files, a bad one never throws: the result says
 * which file and what is wrong, and the other lessons still play.
 */
import { LESSON_LEVELS, validateLesson, type Lesson, type LessonIndexEntry, type LessonLevel } from '@sockscope/core/trace';

/** Where the lessons are, relative to the page. */
export const LESSONS_DIR = 'lessons/';

/** A lesson file's name: `NN-name.json` (nothing that leaves the folder). */
const LESSON_FILE = /^\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.json$/;

/** Whether `id` is a lesson's id (`01-sync-tcp-server`), as a link may name it. */
export function isLessonId(id: string): boolean {
  return LESSON_FILE.test(`${id}.json`);
}

/** The index, or why it could not be read. */
export interface LessonIndexLoad {
  readonly entries: readonly LessonIndexEntry[];
  readonly error: string | null;
}

/** A lesson that opened, or why it did not. */
export type LessonLoad = { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly file: string; readonly error: string };

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function isText(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['en'] === 'string' && typeof (v as Record<string, unknown>)['zh-CN'] === 'string';
}

function isEntry(v: unknown): v is LessonIndexEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e['file'] === 'string' &&
    LESSON_FILE.test(e['file']) &&
    typeof e['number'] === 'number' &&
    LESSON_LEVELS.includes(e['level'] as LessonLevel) &&
    isText(e['title'])
  );
}

/** Reads the lessons' index, in lesson order; entries that are not lessons are left out. */
export async function fetchLessonIndex(url = `${LESSONS_DIR}index.json`, fetcher: typeof fetch = fetch): Promise<LessonIndexLoad> {
  try {
    const response = await fetcher(url);
    if (!response.ok) return { entries: [], error: `${url}: HTTP ${response.status}` };
    const list = (await response.json()) as unknown;
    if (!Array.isArray(list)) return { entries: [], error: `${url}: not a list` };
    const entries = list.filter(isEntry).sort((a, b) => a.number - b.number);
    return { entries, error: null };
  } catch (err) {
    return { entries: [], error: `${url}: ${describe(err)}` };
  }
}

/** Fetches and checks one lesson file (`file` as the index names it). */
export async function fetchLesson(file: string, fetcher: typeof fetch = fetch, dir = LESSONS_DIR): Promise<LessonLoad> {
  if (!LESSON_FILE.test(file)) return { ok: false, file, error: `${file}: not a lesson file name` };
  const url = `${dir}${file}`;
  let data: unknown;
  try {
    const response = await fetcher(url);
    if (!response.ok) return { ok: false, file, error: `could not fetch ${url}: HTTP ${response.status}` };
    data = await response.json();
  } catch (err) {
    return { ok: false, file, error: `could not read ${url} (${describe(err)})` };
  }
  const check = validateLesson(data);
  return check.ok ? { ok: true, lesson: check.lesson } : { ok: false, file, error: check.errors.join('; ') };
}

/** The path of a lesson's bundled recording, relative to the page. */
export function recordingPath(lesson: Pick<Lesson, 'recording'>, dir = LESSONS_DIR): string {
  return `${dir}${lesson.recording}`;
}
