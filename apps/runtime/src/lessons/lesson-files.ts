/**
 * The guided lessons as files: `apps/web/public/lessons/NN-name.json` (core's lesson format),
 * each beside its bundled recording, listed in `index.json`. Read as data: the runtime never
 * imports the web app's sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateLesson, type Lesson, type LessonIndexEntry, type Scenario } from '@sockscope/core/trace';
import { SCENARIO_DIR } from '../cpython/compare.js';
import { loadScenario, parseScenario } from '../scenario/load-scenario.js';

/** The folder of the lesson files and their recordings (copied into the web builds). */
export const LESSONS_DIR = fileURLToPath(new URL('../../../web/public/lessons', import.meta.url));

/** The lesson files' names (`NN-name.json`), sorted; not `index.json`. */
export function lessonFileNames(dir = LESSONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort();
}

/** Reads and checks a lesson file; throws an Error listing every problem. */
export function loadLesson(path: string): Lesson {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: not JSON (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  const check = validateLesson(data);
  if (!check.ok) throw new Error(`${path}:\n  ${check.errors.join('\n  ')}`);
  return check.lesson;
}

/** The lessons' index (`index.json`). */
export function loadLessonIndex(dir = LESSONS_DIR): LessonIndexEntry[] {
  return JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as LessonIndexEntry[];
}

/** Where a shipped scenario's file is. */
export function shippedScenarioPath(name: string): string {
  return join(SCENARIO_DIR, `${name}.json`);
}

/** The lesson's scenario: inline (checked as a scenario file would be), or the shipped one it names. */
export function lessonScenario(lesson: Lesson): Scenario {
  if (lesson.shipped_scenario !== undefined) return loadScenario(shippedScenarioPath(lesson.shipped_scenario));
  return parseScenario(JSON.stringify(lesson.scenario), `lesson ${lesson.id}: scenario`);
}
