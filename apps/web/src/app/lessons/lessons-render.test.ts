import { readFileSync } from 'node:fs';
import { validateLesson, type Lesson, type LessonIndexEntry } from '@sockscope/core/trace';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LangContext, type Lang } from '../../i18n/i18n.js';
import { LessonList } from './LessonList.js';
import { LessonQuestion } from './LessonQuestion.js';
import { LESSON_TEXT } from './lesson-text.js';
import type { LessonCatalog } from './useLessonCatalog.js';

const inLang = (lang: Lang, node: ReactElement): string => renderToStaticMarkup(createElement(LangContext.Provider, { value: lang }, node));
const folder = new URL('../../../public/lessons/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', folder), 'utf8')) as LessonIndexEntry[];
const lessons: Lesson[] = index.map((entry) => {
  const check = validateLesson(JSON.parse(readFileSync(new URL(entry.file, folder), 'utf8')));
  if (!check.ok) throw new Error(`${entry.file}: ${check.errors.join('; ')}`);
  return check.lesson;
});
const catalog: LessonCatalog = { entries: index.map((entry, i) => ({ entry, lesson: lessons[i] ?? null, error: null })), loaded: true, error: null };
const noop = (): void => undefined;
/** What a reader sees of a markdown text: the text without its marks, as HTML escapes it. */
const shown = (text: string): string => text.replace(/\*\*|`/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

describe('WEB-LESSON-5 the lesson list in both languages', () => {
  it('lists every lesson with its number, title, level and summary, in English and in Chinese', () => {
    const en = inLang('en', createElement(LessonList, { catalog, onOpen: noop }));
    const zh = inLang('zh-CN', createElement(LessonList, { catalog, onOpen: noop }));
    expect(en).toContain('Guided lessons');
    expect(zh).toContain('引导课程');
    for (const lesson of lessons) {
      expect(en).toContain(`data-lesson="${lesson.id}"`);
      expect(en).toContain(`Lesson ${String(lesson.number)}: `);
      expect(zh).toContain(`第 ${String(lesson.number)} 课`);
      expect(en).toContain(shown(lesson.title.en).slice(0, 30));
      expect(zh).toContain(shown(lesson.title['zh-CN']).slice(0, 12));
      expect(en).toContain(LESSON_TEXT.en[lesson.level]);
      expect(zh).toContain(LESSON_TEXT['zh-CN'][lesson.level]);
    }
  });

  it('the compact list (the live lab’s start screen) has the titles and a way to the full list', () => {
    const html = inLang('en', createElement(LessonList, { catalog, onOpen: noop, compact: true, onShowAll: noop }));
    expect(html).toContain('All lessons (key 4)');
    expect(html.match(/data-lesson=/g)).toHaveLength(lessons.length);
  });

  it('says when the lessons are still being read, or could not be', () => {
    expect(inLang('en', createElement(LessonList, { catalog: { entries: [], loaded: false, error: null }, onOpen: noop }))).toContain('Reading the lessons…');
    expect(inLang('zh-CN', createElement(LessonList, { catalog: { entries: [], loaded: true, error: 'HTTP 404' }, onOpen: noop }))).toContain('没有找到课程（HTTP 404）');
  });
});

describe('WEB-LESSON-6 a question: choices, marks, and the explanation once answered', () => {
  const asking = lessons.flatMap((l) => l.steps.flatMap((s) => (s.question ? [s.question] : [])));
  const question = asking[0];
  if (!question) throw new Error('no lesson asks a question');
  const wrong = question.answer === 0 ? 1 : 0;

  it('before an answer: every choice open, no explanation', () => {
    const html = inLang('en', createElement(LessonQuestion, { question, picks: [], solved: false, onAnswer: noop }));
    expect(html.match(/data-state="open"/g)).toHaveLength(question.choices.length);
    expect(html).not.toContain(shown(question.explanation.en).slice(0, 30));
  });

  it('a wrong pick is marked and says try again; the right one shows why, in the reader’s language', () => {
    const tried = inLang('en', createElement(LessonQuestion, { question, picks: [wrong], solved: false, onAnswer: noop }));
    expect(tried).toContain(`data-choice="${String(wrong)}" data-state="wrong"`);
    expect(tried).toContain('Not quite. Try another answer.');
    const solved = inLang('zh-CN', createElement(LessonQuestion, { question, picks: [wrong, question.answer], solved: true, onAnswer: noop }));
    expect(solved).toContain(`data-choice="${String(question.answer)}" data-state="right"`);
    expect(solved).toContain('这次答对了。');
    expect(solved).toContain(shown(question.explanation['zh-CN']).slice(0, 12));
    const first = inLang('en', createElement(LessonQuestion, { question, picks: [question.answer], solved: true, onAnswer: noop }));
    expect(first).toContain('Right!');
  });
});

describe('WEB-LESSON-7 the lessons’ own words exist in both languages', () => {
  it('every level, pane and progress word has an English and a Chinese text', () => {
    for (const key of Object.keys(LESSON_TEXT.en) as Array<keyof typeof LESSON_TEXT.en>) {
      expect(LESSON_TEXT.en[key].length, key).toBeGreaterThan(0);
      expect(LESSON_TEXT['zh-CN'][key].length, key).toBeGreaterThan(0);
    }
  });
});
