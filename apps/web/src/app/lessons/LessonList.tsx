/**
 * The list of guided lessons: number, title, level and summary in the reader's language, how
 * many notes and questions, and where the reader left each one. The full list is the
 * Lessons screen; the compact one sits on the live lab's start screen.
 */
import { useContext } from 'react';
import { LangContext, useT, type Catalog } from '../../i18n/i18n.js';
import { Notice } from '../Notice.js';
import { lessonIdOf, type CatalogEntry, type LessonCatalog } from './useLessonCatalog.js';
import { LESSON_TEXT, localized, progressState } from './lesson-text.js';
import { InlineMarkdown } from './Markdown.js';
import { loadProgress } from './progress.js';

const TEXT: Catalog<'title' | 'intro' | 'compactIntro' | 'loading' | 'none' | 'broken' | 'all' | 'lessonN' | 'listLabel'> = {
  en: {
    title: 'Guided lessons',
    intro:
      'Each lesson replays a recorded run of a real server and stops at the moments that matter, with a note on what to look at and why — and now and then a question. Your place in each lesson is kept in this browser.',
    compactIntro: 'Or follow a guided lesson: a recorded run, stopped at the moments that matter, with notes and questions.',
    loading: 'Reading the lessons…',
    none: 'No lessons found ({error}).',
    broken: 'This lesson could not be read: {error}',
    all: 'All lessons (key 4)',
    lessonN: 'Lesson {n}',
    listLabel: 'Lessons',
  },
  'zh-CN': {
    title: '引导课程',
    intro: '每一课都会回放一个真实服务器的录制运行，并在关键时刻停下来，讲解该看哪里、为什么会这样，不时还会提一个问题。你在每一课中的进度都保存在这个浏览器里。',
    compactIntro: '也可以跟着引导课程学习：回放一次录制的运行，在关键时刻停下，配有讲解和问题。',
    loading: '正在读取课程…',
    none: '没有找到课程（{error}）。',
    broken: '这一课无法读取：{error}',
    all: '全部课程（按键 4）',
    lessonN: '第 {n} 课',
    listLabel: '课程',
  },
};

/** The list's props. */
export interface LessonListProps {
  readonly catalog: LessonCatalog;
  readonly onOpen: (id: string) => void;
  /** The short form, for another screen (title and level only, and a link to the full list). */
  readonly compact?: boolean;
  /** With `compact`: opens the full list. */
  readonly onShowAll?: () => void;
}

/** The list. */
export function LessonList({ catalog, onOpen, compact = false, onShowAll }: LessonListProps) {
  const t = useT(TEXT);
  if (compact) {
    return (
      <section className="lesson-list lesson-list--compact" aria-label={t('title')}>
        <h2>{t('title')}</h2>
        <p className="muted small">{t('compactIntro')}</p>
        <Status catalog={catalog} />
        <ol className="lesson-rows" aria-label={t('listLabel')}>
          {catalog.entries.map((e) => (
            <CompactRow key={e.entry.file} item={e} onOpen={onOpen} />
          ))}
        </ol>
        {onShowAll && (
          <button type="button" className="btn btn--small" onClick={onShowAll}>
            {t('all')}
          </button>
        )}
      </section>
    );
  }
  return (
    <div className="lesson-list">
      <header className="lesson-list__head">
        <h2>{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
      </header>
      <Status catalog={catalog} />
      <ol className="lesson-cards" aria-label={t('listLabel')}>
        {catalog.entries.map((e) => (
          <Card key={e.entry.file} item={e} onOpen={onOpen} />
        ))}
      </ol>
    </div>
  );
}

function Status({ catalog }: { readonly catalog: LessonCatalog }) {
  const t = useT(TEXT);
  if (!catalog.loaded) return <p className="muted small">{t('loading')}</p>;
  if (catalog.entries.length === 0) return <p className="muted small">{t('none', { error: catalog.error ?? '–' })}</p>;
  return null;
}

function Card({ item, onOpen }: { readonly item: CatalogEntry; readonly onOpen: (id: string) => void }) {
  const t = useT(TEXT);
  const l = useT(LESSON_TEXT);
  const lang = useContext(LangContext);
  const { entry, lesson, error } = item;
  const id = lessonIdOf(entry);
  const steps = lesson?.steps.length ?? 0;
  const questions = lesson?.steps.filter((s) => s.question !== undefined).length ?? 0;
  const state = progressState(lesson ? loadProgress(id) : null);
  return (
    <li className={`lesson-card lesson-card--${entry.level}`}>
      <button type="button" className="lesson-card__open" onClick={() => onOpen(id)} disabled={error !== null} data-lesson={id}>
        <span className="lesson-card__top">
          <span className="lesson-card__num" aria-hidden="true">
            {entry.number}
          </span>
          <span className="visually-hidden">{t('lessonN', { n: entry.number })}: </span>
          <span className={`lesson-level lesson-level--${entry.level}`}>{l(entry.level)}</span>
          <Progress state={state.kind} note={state.kind === 'at' ? state.note : 0} />
        </span>
        <span className="lesson-card__title">
          <InlineMarkdown source={localized(entry.title, lang)} />
        </span>
        {lesson && (
          <span className="lesson-card__summary">
            <InlineMarkdown source={localized(lesson.summary, lang)} />
          </span>
        )}
        {lesson && (
          <span className="lesson-card__counts muted small">
            {steps === 1 ? l('notesOne') : l('notes', { n: steps })}
            {questions > 0 && ` · ${questions === 1 ? l('questionsOne') : l('questions', { n: questions })}`}
          </span>
        )}
      </button>
      {error !== null && <Notice tone="warn" title={t('broken', { error })} />}
    </li>
  );
}

function Progress({ state, note }: { readonly state: 'new' | 'done' | 'at'; readonly note: number }) {
  const l = useT(LESSON_TEXT);
  if (state === 'new') return null;
  return <span className={`lesson-progress lesson-progress--${state}`}>{state === 'done' ? `✓ ${l('done')}` : l('resumeAt', { n: note })}</span>;
}

function CompactRow({ item, onOpen }: { readonly item: CatalogEntry; readonly onOpen: (id: string) => void }) {
  const l = useT(LESSON_TEXT);
  const lang = useContext(LangContext);
  const { entry, lesson } = item;
  const id = lessonIdOf(entry);
  const state = progressState(lesson ? loadProgress(id) : null);
  return (
    <li>
      <button type="button" className="lesson-row" onClick={() => onOpen(id)} disabled={item.error !== null} data-lesson={id}>
        <span className="lesson-row__num">{entry.number}</span>
        <span className="lesson-row__title">
          <InlineMarkdown source={localized(entry.title, lang)} />
        </span>
        {state.kind === 'done' ? <span className="lesson-progress lesson-progress--done">✓</span> : null}
        <span className={`lesson-level lesson-level--${entry.level}`}>{l(entry.level)}</span>
      </button>
    </li>
  );
}
