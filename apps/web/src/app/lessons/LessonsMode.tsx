/**
 * The Lessons mode (key 4): the list of guided lessons, or the one being played. The open
 * lesson is the app's (it is in the address, `#lesson=…`); the player keeps nothing it
 * cannot get back, so leaving the mode and coming back resumes from the saved progress.
 */
import type { Scenario } from '@sockscope/core/trace';
import { useT, type Catalog } from '../../i18n/i18n.js';
import { Notice } from '../Notice.js';
import type { ReplayController } from '../replay/useReplayController.js';
import './lessons.css';
import { LessonList } from './LessonList.js';
import { LessonPlayer, type NextLesson, type PlaygroundLink } from './LessonPlayer.js';
import { findLesson, lessonIdOf, type LessonCatalog } from './useLessonCatalog.js';

const TEXT: Catalog<'loading' | 'missing' | 'back'> = {
  en: { loading: 'Opening the lesson…', missing: 'There is no lesson {id}', back: 'All lessons' },
  'zh-CN': { loading: '正在打开课程…', missing: '没有名为 {id} 的课程', back: '全部课程' },
};

/** The mode's props. */
export interface LessonsModeProps {
  readonly active: boolean;
  readonly catalog: LessonCatalog;
  /** The lesson open, or null for the list. */
  readonly lessonId: string | null;
  readonly onLessonId: (id: string | null) => void;
  readonly replay: ReplayController;
  readonly presenter: boolean;
  readonly overlayOpen: boolean;
  readonly playground: PlaygroundLink;
  /** Shows the lesson's recording in the Replay mode. */
  readonly onExplore: () => void;
  /** Runs a lesson's scenario as a live lab (the presenter, connected), else null. */
  readonly runLive: ((scenario: Scenario) => Promise<string | null>) | null;
}

/** The screen. */
export function LessonsMode({ active, catalog, lessonId, onLessonId, replay, presenter, overlayOpen, playground, onExplore, runLive }: LessonsModeProps) {
  const t = useT(TEXT);
  if (!active) return null;
  if (lessonId === null) {
    return (
      <div className="mode mode--lessons">
        <div className="lessons-scroll">
          <LessonList catalog={catalog} onOpen={onLessonId} />
        </div>
      </div>
    );
  }
  const item = findLesson(catalog, lessonId);
  const lesson = item?.lesson ?? null;
  if (!lesson) {
    const pending = !catalog.loaded || item?.error === null;
    return (
      <div className="mode mode--lessons">
        <div className="empty">
          {pending ? (
            <div className="empty__card">
              <p>{t('loading')}</p>
            </div>
          ) : (
            <div className="empty__card">
              <Notice title={t('missing', { id: lessonId })}>{item?.error && <code className="error-where">{item.error}</code>}</Notice>
              <button type="button" className="btn" onClick={() => onLessonId(null)}>
                ← {t('back')}
              </button>
            </div>
          )}
        </div>
      </div>
    );
  }
  const later = catalog.entries.filter((e) => e.entry.number > lesson.number && e.lesson !== null).sort((a, b) => a.entry.number - b.entry.number)[0];
  const next: NextLesson | null = later ? { id: lessonIdOf(later.entry), number: later.entry.number, title: later.entry.title } : null;
  return (
    <LessonPlayer
      key={lesson.id}
      lesson={lesson}
      replay={replay}
      keys={!overlayOpen}
      presenter={presenter}
      next={next}
      playground={playground}
      onLeave={() => onLessonId(null)}
      onOpenLesson={onLessonId}
      onExplore={onExplore}
      runLive={runLive}
    />
  );
}
