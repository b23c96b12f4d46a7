/**
 * The lesson player: a guided lesson's notes beside the replay of its bundled recording. The
 * recording goes into the app's replay (the same machine, timeline, panes and cursor); each
 * note runs the cursor to its event (found with core's `locateSteps`), lights the panes it
 * talks about, and a note with a question waits for the right answer before Next goes on.
 * Where the reader is, and what they answered, is saved per lesson (progress.ts).
 */
import { locateSteps, type Lesson, type LessonPane, type Scenario, type StepLocation, type TraceEvent } from '@sockscope/core/trace';
import { useActorRef, useSelector } from '@xstate/react';
import { useContext, useEffect, useMemo, useState } from 'react';
import { LangContext, useT, type Catalog } from '../../i18n/i18n.js';
import { firstTry, isSolved, lastReachable, lessonMachine, progressOf, type StepShape } from '../../machines/lesson-machine.js';
import { cursorState } from '../../model/cursor-state.js';
import type { PaneProps } from '../../panes/pane-props.js';
import { recordingPath } from '../../transport/lesson-files.js';
import { fetchTrace } from '../../transport/trace-file.js';
import { Notice } from '../Notice.js';
import { ReplayBar } from '../replay/ReplayBar.js';
import type { ReplayController } from '../replay/useReplayController.js';
import { indexOfSeq } from '../seq.js';
import { useShortcuts } from '../useShortcuts.js';
import { Workspace, type LitPane } from '../Workspace.js';
import { LESSON_TEXT, localized, PANE_ORDER } from './lesson-text.js';
import { LessonQuestion } from './LessonQuestion.js';
import { InlineMarkdown, Markdown } from './Markdown.js';
import { plainText } from './markdown.js';
import { saveProgress, loadProgress } from './progress.js';

const TEXT: Catalog<
  | 'panel'
  | 'back'
  | 'lessonN'
  | 'notes'
  | 'goNote'
  | 'locked'
  | 'noteOf'
  | 'lookAt'
  | 'at'
  | 'notFound'
  | 'returnTo'
  | 'prev'
  | 'next'
  | 'finish'
  | 'answerFirst'
  | 'startOver'
  | 'explore'
  | 'exploreHint'
  | 'loading'
  | 'cannotOpen'
  | 'doneTitle'
  | 'doneText'
  | 'doneScore'
  | 'nextLesson'
  | 'review'
  | 'playgroundStatic'
  | 'playgroundLive'
  | 'playgroundViewer'
  | 'playgroundOpen'
  | 'lookHere'
  | 'runLive'
  | 'runLiveHint'
  | 'runningLive'
  | 'runLiveFailed'
> = {
  en: {
    panel: 'Lesson',
    back: 'All lessons',
    lessonN: 'Lesson {n}',
    notes: 'Notes',
    goNote: 'Note {n}: {text}',
    locked: 'Note {n}: answer the question before it first',
    noteOf: 'Note {n} of {total}',
    lookAt: 'Look at',
    at: 'at',
    notFound: "This note's moment is not in the recording ({error}); the cursor stays where it is.",
    returnTo: "Back to this note's moment (#{seq})",
    prev: 'Previous',
    next: 'Next',
    finish: 'Finish',
    answerFirst: 'Answer the question to go on.',
    startOver: 'Start over',
    explore: 'Explore in Replay',
    exploreHint: 'The same recording, at the same cursor, with every replay control (key 2; key 4 comes back here).',
    loading: 'Opening the recording…',
    cannotOpen: "Could not open this lesson's recording",
    doneTitle: 'Lesson complete',
    doneText: 'You went through all {n} notes.',
    doneScore: 'Questions right at the first try: {right} of {total}.',
    nextLesson: 'Next: lesson {n}',
    review: 'Review the notes',
    playgroundStatic:
      'The MRO playground is part of the live lab (start sockscope with npm start): there you build a class from bases, see its MRO before it runs, and run it. This site only replays recordings; the MRO pane shows the class of this one.',
    playgroundLive: 'Try it yourself in the MRO playground: Live lab → Start a lab → Build from bases. It shows the MRO before anything runs.',
    playgroundViewer: 'The lecturer can build classes in the MRO playground of the live lab; you will see their labs live in the Live lab.',
    playgroundOpen: 'Open the MRO playground',
    lookHere: 'Look here',
    runLive: '▶ Run this lesson live',
    runLiveHint: "Starts this lesson's scenario as a lab on the runtime (the same server, handler, options and clients) and shows it in the Live lab. The notes follow the recording.",
    runningLive: 'Starting the lab…',
    runLiveFailed: 'The lab did not start',
  },
  'zh-CN': {
    panel: '课程',
    back: '全部课程',
    lessonN: '第 {n} 课',
    notes: '讲解',
    goNote: '第 {n} 条：{text}',
    locked: '第 {n} 条：请先回答它前面的问题',
    noteOf: '第 {n} / {total} 条',
    lookAt: '请看',
    at: '位于',
    notFound: '录制中找不到这条讲解对应的时刻（{error}）；光标保持不动。',
    returnTo: '回到这条讲解的时刻（#{seq}）',
    prev: '上一条',
    next: '下一条',
    finish: '完成',
    answerFirst: '答对问题后才能继续。',
    startOver: '从头开始',
    explore: '在回放中探索',
    exploreHint: '同一个录制、同一个光标位置，可以使用所有回放功能（按键 2；按键 4 回到这里）。',
    loading: '正在打开录制…',
    cannotOpen: '无法打开本课的录制',
    doneTitle: '本课完成',
    doneText: '你已经看完全部 {n} 条讲解。',
    doneScore: '第一次就答对的问题：{right} / {total}。',
    nextLesson: '下一课：第 {n} 课',
    review: '回顾讲解',
    playgroundStatic:
      'MRO 演练场是实时实验的一部分（用 npm start 启动 sockscope）：在那里可以由基类组合出一个类，在运行之前就看到它的 MRO，然后运行它。这个网站只能回放录制；MRO 面板显示的是本次录制中的类。',
    playgroundLive: '在 MRO 演练场里亲手试一试：实时实验 → 启动实验 → 由基类组合。它会在运行之前显示 MRO。',
    playgroundViewer: '讲师可以在实时实验的 MRO 演练场里组合类；你会在“实时实验”中实时看到他们的实验。',
    playgroundOpen: '打开 MRO 演练场',
    lookHere: '看这里',
    runLive: '▶ 实时运行本课',
    runLiveHint: '在运行时上把本课的场景作为一个实验启动（同样的服务器、处理器、选项和客户端），并在“实时实验”中显示。讲解仍然跟随录制。',
    runningLive: '正在启动实验…',
    runLiveFailed: '实验没有启动',
  },
};

/** What the MRO playground is here: not in this build, not ours to use, or one click away. */
export type PlaygroundLink =
  | { readonly kind: 'static' }
  | { readonly kind: 'viewer' }
  | { readonly kind: 'ready'; readonly open: (bases: readonly string[], className: string | null) => void };

/** The next lesson of the course, to offer at the end. */
export interface NextLesson {
  readonly id: string;
  readonly number: number;
  readonly title: Lesson['title'];
}

/** The player's props. */
export interface LessonPlayerProps {
  readonly lesson: Lesson;
  readonly replay: ReplayController;
  /** The player is on screen and no dialog is open: its keys work. */
  readonly keys: boolean;
  readonly presenter: boolean;
  readonly next: NextLesson | null;
  readonly playground: PlaygroundLink;
  readonly onLeave: () => void;
  readonly onOpenLesson: (id: string) => void;
  /** Shows the recording in the Replay mode. */
  readonly onExplore: () => void;
  /** Runs a scenario as a live lab (the presenter, connected); null elsewhere. Resolves with an error or null. */
  readonly runLive?: ((scenario: Scenario) => Promise<string | null>) | null;
}

const noop = (): void => undefined;

/** Whether the reader asked for less motion (runs to a note become jumps). */
function reducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The event at a note, in words: `call BaseServer.serve_forever()`, `accept`. */
function eventWords(event: TraceEvent): string {
  if (event.kind === 'call' || event.kind === 'return' || event.kind === 'exception') return `${event.kind} ${event.cls}.${event.method}()`;
  return event.kind;
}

/** The player. */
export function LessonPlayer({ lesson, replay, keys, presenter, next, playground, onLeave, onOpenLesson, onExplore, runLive = null }: LessonPlayerProps) {
  const t = useT(TEXT);
  const l = useT(LESSON_TEXT);
  const lang = useContext(LangContext);
  const actor = useActorRef(lessonMachine);
  const context = useSelector(actor, (s) => s.context);
  const finished = useSelector(actor, (s) => s.matches('finished'));

  const shapes: StepShape[] = useMemo(() => lesson.steps.map((s) => ({ answer: s.question?.answer ?? null, choices: s.question?.choices.length ?? 0 })), [lesson]);
  useEffect(() => {
    actor.send({ type: 'OPEN', lesson: lesson.id, steps: shapes, progress: loadProgress(lesson.id) });
  }, [actor, lesson.id, shapes]);

  const open = context.lesson === lesson.id;
  useEffect(() => {
    if (open) saveProgress(lesson.id, progressOf(context));
    // Saved whenever the note, the answers or the end change.
  }, [open, lesson.id, context.step, context.picks, context.finished]);

  // The recording: into the app's replay, unless it is there already.
  const url = recordingPath(lesson);
  const loaded = replay.trace?.source.kind === 'url' && replay.trace.source.url === url ? replay.trace : null;
  const [loadError, setLoadError] = useState<string | null>(null);
  const { openParsed } = replay;
  const hasTrace = loaded !== null;
  useEffect(() => {
    if (hasTrace) return;
    let live = true;
    setLoadError(null);
    void fetchTrace(url).then((load) => {
      if (!live) return;
      if (load.ok) openParsed(load.file, load.name, { kind: 'url', url });
      else setLoadError(load.error);
    });
    return () => {
      live = false;
    };
  }, [url, hasTrace, openParsed]);

  const events = loaded?.file.events;
  const locations: StepLocation[] | null = useMemo(() => (events ? locateSteps(lesson, events) : null), [lesson, events]);
  const stepIndex = (step: number): number | null => {
    const location = locations?.[step];
    return location?.ok && events ? indexOfSeq(events, location.seq) : null;
  };

  // Each change of note moves the replay's cursor: a run forward after Next, a jump otherwise.
  const { actor: replayActor } = replay;
  const moveId = context.move.id;
  useEffect(() => {
    if (!open || !locations || !events) return;
    const location = locations[context.step];
    if (!location?.ok) return;
    const index = indexOfSeq(events, location.seq);
    if (context.move.kind === 'run' && !reducedMotion()) replayActor.send({ type: 'RUN_TO', index });
    else replayActor.send({ type: 'JUMP', index });
    // Only a new move (or the recording arriving) moves the cursor; the reader may scrub freely in between.
  }, [open, moveId, locations, replayActor]);

  const step = lesson.steps[context.step];
  const question = step?.question;
  const solved = isSolved(context, context.step);
  const reachable = lastReachable(context);
  const atIndex = stepIndex(context.step);
  const location = locations?.[context.step];
  const lit: LitPane[] = finished || !step ? [] : PANE_ORDER.filter((p): p is LitPane => p !== 'playground' && step.panes.includes(p));
  const litPlayground = !finished && step?.panes.includes('playground') === true;

  const goNext = (): void => actor.send({ type: 'NEXT' });
  const goPrev = (): void => actor.send({ type: 'PREV' });
  const answer = (choice: number) => (): void => {
    if (question && !finished) actor.send({ type: 'ANSWER', choice });
  };
  useShortcuts('lessons', keys, {
    nextNote: goNext,
    prevNote: goPrev,
    answer0: answer(0),
    answer1: answer(1),
    answer2: answer(2),
    answer3: answer(3),
    answer4: answer(4),
    answer5: answer(5),
    stepForward: () => replayActor.send({ type: 'STEP_FORWARD' }),
    stepBack: () => replayActor.send({ type: 'STEP_BACK' }),
    close: onLeave,
  });

  const model = loaded?.model ?? null;
  const { cursor } = replay;
  const pane: PaneProps | null = useMemo(() => {
    if (!model || !loaded) return null;
    return {
      model,
      version: model.length,
      description: loaded.file.header,
      state: cursorState(model, cursor),
      onCursor: (index: number) => replayActor.send({ type: 'JUMP', index }),
    };
  }, [model, loaded, cursor, replayActor]);

  const total = lesson.steps.length;
  const asked = lesson.steps.map((s, i) => (s.question ? i : -1)).filter((i) => i >= 0);
  const rightFirst = asked.filter((i) => firstTry(context, i) === true).length;
  const scenarioBases = loaded?.file.header.scenario?.bases ?? lesson.scenario?.bases ?? [];
  const scenarioClass = loaded?.file.header.scenario?.class_name ?? lesson.scenario?.class_name ?? null;
  const atEvent = atIndex === null ? null : (events?.[atIndex] ?? null);
  const scenario = loaded?.file.header.scenario ?? lesson.scenario ?? null;
  const [live, setLive] = useState<{ readonly busy: boolean; readonly error: string | null }>({ busy: false, error: null });
  const startLive = (): void => {
    if (!runLive || !scenario) return;
    setLive({ busy: true, error: null });
    void runLive(scenario).then((error) => setLive({ busy: false, error }));
  };

  return (
    <div className={`mode mode--lesson${presenter ? ' mode--lesson-presenter' : ''}`}>
      <aside className="lesson-panel" aria-label={t('panel')}>
        <header className="lesson-panel__head">
          <button type="button" className="btn btn--ghost btn--small lesson-panel__back" onClick={onLeave} title="Esc" aria-keyshortcuts="Escape">
            ← {t('back')}
          </button>
          <div className="lesson-panel__meta">
            <span>{t('lessonN', { n: lesson.number })}</span>
            <span className={`lesson-level lesson-level--${lesson.level}`}>{l(lesson.level)}</span>
          </div>
          <h2 className="lesson-panel__title">
            <InlineMarkdown source={localized(lesson.title, lang)} />
          </h2>
          <nav aria-label={t('notes')}>
            <ol className="lesson-steps">
              {lesson.steps.map((s, i) => {
                const locked = i > reachable;
                const current = !finished && i === context.step;
                const state = current ? 'current' : locked ? 'locked' : i < context.step || finished ? 'seen' : 'ahead';
                return (
                  <li key={i}>
                    <button
                      type="button"
                      className={`lesson-step lesson-step--${state}${s.question ? ' lesson-step--asks' : ''}`}
                      disabled={locked}
                      aria-current={current ? 'step' : undefined}
                      aria-label={locked ? t('locked', { n: i + 1 }) : t('goNote', { n: i + 1, text: plainText(localized(s.note, lang)).slice(0, 80) })}
                      title={locked ? t('locked', { n: i + 1 }) : plainText(localized(s.note, lang)).slice(0, 120)}
                      onClick={() => actor.send({ type: 'GOTO', step: i })}
                    >
                      {i + 1}
                      {s.question && <span className="lesson-step__q" aria-hidden="true">?</span>}
                    </button>
                  </li>
                );
              })}
            </ol>
          </nav>
        </header>

        <div className="lesson-panel__body">
          {finished ? (
            <section className="lesson-done" aria-label={t('doneTitle')}>
              <h3>✓ {t('doneTitle')}</h3>
              <p>{t('doneText', { n: total })}</p>
              {asked.length > 0 && <p>{t('doneScore', { right: rightFirst, total: asked.length })}</p>}
              <div className="lesson-done__actions">
                {next && (
                  <button type="button" className="btn btn--primary lesson-done__next" onClick={() => onOpenLesson(next.id)}>
                    <span className="small">{t('nextLesson', { n: next.number })} →</span>
                    <InlineMarkdown source={localized(next.title, lang)} className="strong" />
                  </button>
                )}
                <button type="button" className="btn" onClick={() => actor.send({ type: 'GOTO', step: 0 })}>
                  {t('review')}
                </button>
                <button type="button" className="btn" onClick={onLeave}>
                  {t('back')}
                </button>
              </div>
            </section>
          ) : (
            step && (
              <section className="lesson-note" aria-label={t('noteOf', { n: context.step + 1, total })} data-step={context.step}>
                <div className="lesson-note__where">
                  <b>{t('noteOf', { n: context.step + 1, total })}</b>
                  {atEvent && (
                    <span className="lesson-note__event mono">
                      {t('at')} #{atEvent.seq} · {eventWords(atEvent)} · {atEvent.thread}
                    </span>
                  )}
                </div>
                {step.panes.length > 0 && (
                  <div className="lesson-note__look">
                    <span className="muted">{t('lookAt')}:</span>
                    {PANE_ORDER.filter((p) => step.panes.includes(p)).map((p: LessonPane) => (
                      <span key={p} className="lesson-chip" data-look={p}>
                        {l(p)}
                      </span>
                    ))}
                  </div>
                )}
                {location && !location.ok && <Notice tone="warn" title={t('notFound', { error: location.error })} />}
                <div aria-live="polite">
                  <Markdown source={localized(step.note, lang)} className="md lesson-note__text" />
                </div>
                {litPlayground && <PlaygroundCallout link={playground} bases={scenarioBases} className={scenarioClass} label={t('lookHere')} />}
                {atIndex !== null && replay.cursor !== atIndex && !replay.playing && (
                  <button type="button" className="btn btn--small lesson-note__return" onClick={() => replayActor.send({ type: 'JUMP', index: atIndex })}>
                    ↺ {t('returnTo', { seq: atEvent?.seq ?? '' })}
                  </button>
                )}
                {question && (
                  <LessonQuestion
                    key={context.step}
                    question={question}
                    picks={context.picks[context.step] ?? []}
                    solved={solved}
                    onAnswer={(choice) => actor.send({ type: 'ANSWER', choice })}
                  />
                )}
              </section>
            )
          )}
        </div>

        <footer className="lesson-panel__foot">
          <div className="lesson-nav">
            <button type="button" className="btn" onClick={goPrev} disabled={!finished && context.step === 0} aria-keyshortcuts="ArrowLeft" title="← / P">
              ← {t('prev')}
            </button>
            {!finished && (
              <button type="button" className="btn btn--primary lesson-nav__next" onClick={goNext} disabled={!solved} aria-keyshortcuts="ArrowRight" title="→ / N">
                {context.step === total - 1 ? `${t('finish')} ✓` : `${t('next')} →`}
              </button>
            )}
          </div>
          {!finished && !solved && <p className="lesson-nav__hint small">{t('answerFirst')}</p>}
          {runLive && scenario && (
            <div className="lesson-panel__live">
              <button type="button" className="btn btn--small" onClick={startLive} disabled={live.busy} title={t('runLiveHint')}>
                {live.busy ? t('runningLive') : t('runLive')}
              </button>
              {live.error !== null && (
                <Notice title={t('runLiveFailed')} onDismiss={() => setLive({ busy: false, error: null })}>
                  <code className="error-where">{live.error}</code>
                </Notice>
              )}
            </div>
          )}
          <div className="lesson-panel__tools">
            <button type="button" className="btn btn--ghost btn--small" onClick={() => actor.send({ type: 'RESTART' })}>
              ↺ {t('startOver')}
            </button>
            <button type="button" className="btn btn--ghost btn--small" onClick={onExplore} disabled={!loaded} title={t('exploreHint')}>
              {t('explore')}
            </button>
          </div>
        </footer>
      </aside>

      <div className="main">
        <ReplayBar replay={replay} onJump={noop} lesson />
        {pane ? (
          <Workspace pane={pane} presenter={presenter} lit={lit} litCue={finished ? 'end' : context.step} />
        ) : loadError !== null ? (
          <div className="empty">
            <Notice title={t('cannotOpen')}>
              <code className="error-where">{loadError}</code>
            </Notice>
          </div>
        ) : (
          <div className="empty">
            <div className="empty__card">
              <p>{t('loading')}</p>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

/** The MRO playground, lit: where it is, or why it is not here. */
function PlaygroundCallout({ link, bases, className, label }: { readonly link: PlaygroundLink; readonly bases: readonly string[]; readonly className: string | null; readonly label: string }) {
  const t = useT(TEXT);
  return (
    <div className="lesson-playground is-lit" data-pane="playground" data-lit="true">
      <span className="ws-lit-label" aria-hidden="true">
        {label}
      </span>
      <p>{link.kind === 'static' ? t('playgroundStatic') : link.kind === 'viewer' ? t('playgroundViewer') : t('playgroundLive')}</p>
      {link.kind === 'ready' && (
        <button type="button" className="btn btn--small" onClick={() => link.open(bases, className)}>
          {t('playgroundOpen')}
        </button>
      )}
    </div>
  );
}
