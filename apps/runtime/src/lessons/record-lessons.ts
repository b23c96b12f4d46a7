/**
 * Re-records the guided lessons' bundled recordings with `sockscope record` (backend core),
 * then shows where each step lands in its new recording:
 *
 *     npx tsx apps/runtime/src/lessons/record-lessons.ts [NN ...]
 *
 * With no arguments every lesson is recorded; `03 7` records lessons 3 and 7. Exits with
 * status 1 if a recording fails or a step does not locate, in order, in it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describeMatcher, locateSteps, type Lesson } from '@sockscope/core/trace';
import { readTraceFile } from '../recording/trace-reader.js';
import { LESSONS_DIR, lessonFileNames, loadLesson, shippedScenarioPath } from './lesson-files.js';

/** The `sockscope` command. */
const SOCKSCOPE = fileURLToPath(new URL('../../bin/sockscope.js', import.meta.url));

/**
 * Records one lesson's scenario into its bundled recording, each in a `sockscope record`
 * process of its own (so thread names start again at `Thread-1`, as in a fresh Python
 * process); returns the problems found (none: empty).
 */
export async function recordLesson(lesson: Lesson, dir = LESSONS_DIR): Promise<string[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'sockscope-lesson-'));
  try {
    let scenarioPath: string;
    if (lesson.shipped_scenario !== undefined) scenarioPath = shippedScenarioPath(lesson.shipped_scenario);
    else {
      scenarioPath = join(tmp, `${lesson.id}.json`);
      writeFileSync(scenarioPath, JSON.stringify(lesson.scenario, null, 2));
    }
    const out = join(dir, lesson.recording);
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [SOCKSCOPE, 'record', scenarioPath, '--backend', 'core', '--out', out, '--force']);
      process.stdout.write(stdout);
    } catch (err) {
      return [`${lesson.id}: sockscope record failed: ${err instanceof Error ? err.message : String(err)}`];
    }
    const read = await readTraceFile(out);
    if (!read.ok) return [`${lesson.id}: ${read.error}`];
    const located = locateSteps(lesson, read.file.events);
    located.forEach((where, i) => {
      const at = lesson.steps[i]?.at;
      const what = at === undefined ? '' : describeMatcher(at);
      process.stdout.write(`  ${String(i + 1).padStart(2)}  ${where.ok ? `seq ${String(where.seq).padStart(4)}` : 'MISSING '}  ${what}\n`);
    });
    return located.flatMap((where) => (where.ok ? [] : [`${lesson.id}: ${where.error}`]));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(args: readonly string[]): Promise<number> {
  const wanted = new Set(args.map((a) => Number(a)));
  const files = lessonFileNames().filter((f) => wanted.size === 0 || wanted.has(Number(f.slice(0, 2))));
  const problems: string[] = [];
  for (const file of files) {
    const lesson = loadLesson(join(LESSONS_DIR, file));
    process.stdout.write(`${lesson.id}\n`);
    problems.push(...(await recordLesson(lesson)));
  }
  for (const problem of problems) process.stderr.write(`error: ${problem}\n`);
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const status = await main(process.argv.slice(2));
  // Daemon request threads or a warm forking child may hold the loop open.
  process.stdout.write('', () => process.exit(status));
}
