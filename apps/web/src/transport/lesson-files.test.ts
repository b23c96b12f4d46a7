import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchLesson, fetchLessonIndex, isLessonId, recordingPath } from './lesson-files.js';

const folder = new URL('../../public/lessons/', import.meta.url);

/** A fetch that serves the bundled lessons folder, and 404 for anything missing. */
const served: typeof fetch = (input) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    const body = readFileSync(new URL(url.replace(/^lessons\//, ''), folder), 'utf8');
    return Promise.resolve(new Response(body, { status: 200 }));
  } catch {
    return Promise.resolve(new Response('not found', { status: 404, statusText: 'Not Found' }));
  }
};

const answering = (status: number, body: string): typeof fetch => () => Promise.resolve(new Response(body, { status }));

describe('WEB-LESSON-FILES-1 the bundled lessons: the index, each lesson checked', () => {
  it('reads the index in lesson order, and every lesson it lists opens', async () => {
    const { entries, error } = await fetchLessonIndex(undefined, served);
    expect(error).toBeNull();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.number)).toEqual([...entries.map((e) => e.number)].sort((a, b) => a - b));
    for (const entry of entries) {
      const load = await fetchLesson(entry.file, served);
      expect(load.ok ? load.lesson.number : load.error, entry.file).toBe(entry.number);
      if (load.ok) expect(recordingPath(load.lesson)).toBe(`lessons/${load.lesson.recording}`);
    }
  });

  it('a missing or broken index is an empty list that says why', async () => {
    expect(await fetchLessonIndex('lessons/index.json', answering(404, ''))).toEqual({ entries: [], error: 'lessons/index.json: HTTP 404' });
    expect((await fetchLessonIndex('x', answering(200, '{"a":1}'))).error).toBe('x: not a list');
    expect((await fetchLessonIndex('x', answering(200, 'nope'))).error).toMatch(/^x: /);
    const mixed = JSON.stringify([
      { file: '02-b.json', number: 2, level: 'beginner', title: { en: 'B', 'zh-CN': '乙' } },
      { file: '../secret.json', number: 1, level: 'beginner', title: { en: 'X', 'zh-CN': 'X' } },
      { file: '01-a.json', number: 1, level: 'expert', title: { en: 'A', 'zh-CN': '甲' } },
      { file: '03-c.json', number: 3, level: 'advanced', title: { en: 'C' } },
    ]);
    expect((await fetchLessonIndex('x', answering(200, mixed))).entries.map((e) => e.file)).toEqual(['02-b.json']);
  });

  it('a lesson that is not valid says what is wrong; a name outside the folder is never fetched', async () => {
    const bad = await fetchLesson('01-a.json', answering(200, '{"format":"sockscope-lesson","version":1}'));
    expect(bad).toMatchObject({ ok: false, file: '01-a.json' });
    expect(!bad.ok && bad.error).toMatch(/id: /);
    const missing = await fetchLesson('01-a.json', answering(404, ''));
    expect(!missing.ok && missing.error).toBe('could not fetch lessons/01-a.json: HTTP 404');
    let asked = false;
    const outside = await fetchLesson('../../etc/passwd', () => {
      asked = true;
      return Promise.resolve(new Response('{}'));
    });
    expect(outside.ok).toBe(false);
    expect(asked).toBe(false);
  });

  it('lesson ids in links', () => {
    expect(isLessonId('01-sync-tcp-server')).toBe(true);
    for (const id of ['', '1-x', '01-', '01-X', '01-a/../b', 'examples/x']) expect(isLessonId(id), id).toBe(false);
  });
});
