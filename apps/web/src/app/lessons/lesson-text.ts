/**
 * The lessons' texts that both the list and the player show: levels, pane names, the
 * reader's progress in words.
 */
import type { LessonLevel, LessonPane, LocalizedText } from '@sockscope/core/trace';
import type { Catalog, Lang } from '../../i18n/i18n.js';
import type { LessonProgress } from '../../machines/lesson-machine.js';

/** A lesson text in the UI's language (the lesson languages are the UI's). */
export function localized(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

/** Levels, pane names and progress words. */
export const LESSON_TEXT: Catalog<
  | LessonLevel
  | 'notes'
  | 'notesOne'
  | 'questions'
  | 'questionsOne'
  | 'resumeAt'
  | 'done'
  | 'notStarted'
  | 'timeline'
  | 'mro'
  | 'callpath'
  | 'connections'
  | 'events'
  | 'source'
  | 'playground'
> = {
  en: {
    beginner: 'Beginner',
    intermediate: 'Intermediate',
    advanced: 'Advanced',
    notes: '{n} notes',
    notesOne: '1 note',
    questions: '{n} questions',
    questionsOne: '1 question',
    resumeAt: 'Resume at note {n}',
    done: 'Done',
    notStarted: 'Not started',
    timeline: 'Timeline',
    mro: 'MRO',
    callpath: 'Call path',
    connections: 'Connections',
    events: 'Events',
    source: 'Source',
    playground: 'MRO playground',
  },
  'zh-CN': {
    beginner: '入门',
    intermediate: '进阶',
    advanced: '高级',
    notes: '{n} 条讲解',
    notesOne: '1 条讲解',
    questions: '{n} 道问题',
    questionsOne: '1 道问题',
    resumeAt: '从第 {n} 条继续',
    done: '已完成',
    notStarted: '未开始',
    timeline: '时间线',
    mro: 'MRO（方法解析顺序）',
    callpath: '调用路径',
    connections: '连接',
    events: '事件',
    source: '源码',
    playground: 'MRO 演练场',
  },
};

/** Where a reader stands in a lesson, as the list says it. */
export type ProgressState = { readonly kind: 'new' } | { readonly kind: 'done' } | { readonly kind: 'at'; readonly note: number };

/** The state of saved progress (`note` counted from 1). */
export function progressState(progress: LessonProgress | null): ProgressState {
  if (!progress) return { kind: 'new' };
  if (progress.finished) return { kind: 'done' };
  return { kind: 'at', note: progress.step + 1 };
}

/** Every pane a lesson can light, in the order the player names them. */
export const PANE_ORDER: readonly LessonPane[] = ['timeline', 'mro', 'callpath', 'connections', 'events', 'source', 'playground'];
