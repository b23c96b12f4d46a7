/**
 * The app: the top bar, then the live lab, the replay, the comparison or the guided lessons.
 * All stay mounted (the live connection goes on while you look at a replay); only the active
 * one draws. The live lab's connection is shared: the comparison runs scenarios through it,
 * and the source pane shows the CPython sources it read. A lesson plays its recording in the
 * replay's machinery (the same cursor, timeline and panes).
 *
 * First screen: a link to a trace (`#trace=…`) opens the replay at its cursor, a link to a
 * lesson (`#lesson=…`) the lesson; otherwise the live build opens the live lab (an empty state
 * says what to do, and lists the lessons) and the static build the list of lessons.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { LangContext, useT, type Catalog, type Lang } from '../i18n/i18n.js';
import type { Scenario, TraceFile } from '@sockscope/core/trace';
import { APP_MODES, type AppMode } from '../machines/keyboard.js';
import { CPythonSourceContext, NO_CPYTHON } from '../panes/source/cpython-context.js';
import { CompareMode } from './compare/CompareMode.js';
import { STATIC_BUILD } from './env.js';
import { HelpOverlay } from './HelpOverlay.js';
import { LessonList } from './lessons/LessonList.js';
import type { PlaygroundLink } from './lessons/LessonPlayer.js';
import { LessonsMode } from './lessons/LessonsMode.js';
import { runLive } from './lessons/run-live.js';
import { useLessonCatalog } from './lessons/useLessonCatalog.js';
import type { LiveStatus, PlaygroundSeed, RuntimeLink } from './live/live-types.js';
import { ReplayMode } from './replay/ReplayMode.js';
import { useReplayController } from './replay/useReplayController.js';
import { TopBar } from './TopBar.js';
import { formatLessonHash, initialLang, parseHash, parseLessonHash, queryFlag, withQuery } from './url.js';
import { useShortcuts } from './useShortcuts.js';

/**
 * The live lab, in its own chunk. The mode test is written out here (not STATIC_BUILD) so the
 * bundler folds it and leaves the live lab and socket.io out of the static build entirely.
 */
const LiveMode = import.meta.env.MODE === 'static' ? null : lazy(() => import('./live/LiveMode.js'));

const LANG_KEY = 'sockscope.lang';

/** The modes of this build: the static one has no live lab. */
const MODES: readonly AppMode[] = LiveMode ? APP_MODES : APP_MODES.filter((m) => m !== 'live');

const TITLES: Readonly<Record<AppMode, string>> = {
  live: 'sockscope — live lab',
  replay: 'sockscope — replay',
  compare: 'sockscope — compare',
  lessons: 'sockscope — lessons',
};

/** The first screen, from the address and the build. */
function firstMode(hash: string): AppMode {
  if (parseHash(hash).trace !== null) return 'replay';
  if (parseLessonHash(hash) !== null || STATIC_BUILD) return 'lessons';
  return 'live';
}

/** The runtime before the live lab connects (and always in the static build). */
const NO_RUNTIME: RuntimeLink = { request: null, cpython: NO_CPYTHON };

/** The root component. */
export function App() {
  const [lang, setLang] = useState<Lang>(() => initialLang(window.location.search, readStorage(LANG_KEY), navigator.languages));
  const [presenter, setPresenter] = useState(() => queryFlag(window.location.search, 'presenter'));
  const [mode, setMode] = useState<AppMode>(() => firstMode(window.location.hash));
  const [lessonId, setLessonId] = useState<string | null>(() => parseLessonHash(window.location.hash));
  const [playgroundSeed, setPlaygroundSeed] = useState<PlaygroundSeed | null>(null);
  const [help, setHelp] = useState(false);
  const [live, setLive] = useState<LiveStatus>({ connection: 'connecting', role: null });
  const [runtime, setRuntime] = useState<RuntimeLink>(NO_RUNTIME);
  const replay = useReplayController(mode === 'replay');
  const lessons = useLessonCatalog(true);

  useEffect(() => {
    writeStorage(LANG_KEY, lang);
    document.documentElement.lang = lang;
  }, [lang]);

  // Presenter mode is in the address (?presenter=1), so a reload or a shared link keeps it.
  useEffect(() => {
    const search = withQuery(window.location.search, 'presenter', presenter ? '1' : null);
    if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  }, [presenter]);

  // The replay names its trace in the address, the lessons the open lesson; a reload elsewhere stays in the live lab.
  useEffect(() => {
    document.title = TITLES[mode];
    if (mode === 'replay') return;
    const hash = mode === 'lessons' ? formatLessonHash(lessonId) : '';
    if (hash !== window.location.hash && !(hash === '' && window.location.hash === '')) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
    }
  }, [mode, lessonId]);

  // A lesson link followed while the app is open (`#lesson=…`) opens it.
  useEffect(() => {
    const onHash = (): void => {
      const id = parseLessonHash(window.location.hash);
      if (id === null) return;
      setLessonId(id);
      setMode('lessons');
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const switchTo = useCallback((next: AppMode) => {
    if (MODES.includes(next)) setMode(next);
  }, []);
  useShortcuts(mode, true, {
    help: () => setHelp((h) => !h),
    // Esc closes the help; otherwise it is the mode's (a lesson leaves on Esc).
    ...(help ? { close: () => setHelp(false) } : {}),
    modeLive: () => switchTo('live'),
    modeReplay: () => switchTo('replay'),
    modeCompare: () => switchTo('compare'),
    modeLessons: () => switchTo('lessons'),
  });

  const openLesson = useCallback((id: string | null) => {
    setLessonId(id);
    setMode('lessons');
  }, []);

  // The MRO playground a lesson points at: the live lab's form, for the presenter.
  const playground: PlaygroundLink = !LiveMode
    ? { kind: 'static' }
    : live.connection === 'connected' && live.role === 'presenter'
      ? {
          kind: 'ready',
          open: (bases, className) => {
            setPlaygroundSeed((s) => ({ bases, className, n: (s?.n ?? 0) + 1 }));
            setMode('live');
          },
        }
      : { kind: 'viewer' };

  // "Run this lesson live": its scenario as a lab, for the presenter; then the live lab shows it.
  const request = runtime.request;
  const runLessonLive =
    LiveMode && request && live.role === 'presenter'
      ? async (scenario: Scenario): Promise<string | null> => {
          const error = await runLive(request, scenario);
          if (error === null) setMode('live');
          return error;
        }
      : null;

  const openInReplay = useCallback(
    (path: string) => {
      setMode('replay');
      void replay.openUrl(path);
    },
    [replay],
  );

  const openTraceInReplay = useCallback(
    (file: TraceFile, name: string) => {
      setMode('replay');
      replay.openParsed(file, name, { kind: 'file', name });
    },
    [replay],
  );

  // The comparison takes dropped files in its columns; anywhere else a drop opens the replay.
  const dragging = useFileDrop(mode !== 'compare', (file) => {
    setMode('replay');
    void replay.openFile(file);
  });

  return (
    <LangContext.Provider value={lang}>
      <CPythonSourceContext.Provider value={runtime.cpython}>
        <div className={`app${presenter ? ' app--presenter' : ''}`}>
          <TopBar
            mode={mode}
            modes={MODES}
            onMode={switchTo}
            live={LiveMode ? live : null}
            lang={lang}
            onLang={setLang}
            presenter={presenter}
            onPresenter={setPresenter}
            onHelp={() => setHelp((h) => !h)}
          />
          <div className="app__body">
            {LiveMode && (
              <Suspense fallback={mode === 'live' ? <div className="empty" /> : null}>
                <LiveMode
                  active={mode === 'live'}
                  presenter={presenter}
                  overlayOpen={help}
                  onStatus={setLive}
                  onRuntime={setRuntime}
                  onOpenInReplay={openInReplay}
                  onSwitchToReplay={() => setMode('replay')}
                  playgroundSeed={playgroundSeed}
                  lessons={<LessonList catalog={lessons} onOpen={openLesson} compact onShowAll={() => openLesson(null)} />}
                />
              </Suspense>
            )}
            <ReplayMode replay={replay} active={mode === 'replay'} presenter={presenter} overlayOpen={help} />
            <CompareMode active={mode === 'compare'} request={runtime.request} presenter={presenter} onOpenInReplay={openTraceInReplay} />
            <LessonsMode
              active={mode === 'lessons'}
              catalog={lessons}
              lessonId={lessonId}
              onLessonId={openLesson}
              replay={replay}
              presenter={presenter}
              overlayOpen={help}
              playground={playground}
              onExplore={() => setMode('replay')}
              runLive={runLessonLive}
            />
          </div>
          {help && <HelpOverlay mode={mode} modes={MODES} onClose={() => setHelp(false)} />}
          {dragging && <DropOverlay />}
        </div>
      </CPythonSourceContext.Provider>
    </LangContext.Provider>
  );
}

const DROP_TEXT: Catalog<'drop' | 'dropHint'> = {
  en: { drop: 'Drop the trace file to replay it', dropHint: 'A .jsonl trace recorded by sockscope' },
  'zh-CN': { drop: '松开鼠标即可回放该追踪文件', dropHint: '由 sockscope 录制的 .jsonl 追踪文件' },
};

function DropOverlay() {
  const t = useT(DROP_TEXT);
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay__box">
        <div className="drop-overlay__icon">⇩</div>
        <div className="drop-overlay__title">{t('drop')}</div>
        <div className="muted">{t('dropHint')}</div>
      </div>
    </div>
  );
}

/**
 * Files dragged onto the window: true while dragging; `onFile` gets a dropped file. While not
 * `enabled` a drop does nothing (the browser still does not navigate to the file).
 */
function useFileDrop(enabled: boolean, onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onFile);
  latest.current = onFile;
  useEffect(() => {
    if (!enabled) {
      setDragging(false);
      const block = (e: DragEvent): void => {
        if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
      };
      window.addEventListener('dragover', block);
      window.addEventListener('drop', block);
      return () => {
        window.removeEventListener('dragover', block);
        window.removeEventListener('drop', block);
      };
    }
    let depth = 0;
    const hasFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;
    const enter = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) latest.current(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [enabled]);
  return dragging;
}

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice lasts for this page.
  }
}
