/**
 * The comparison: one of the runtime's scenarios run on both backends (or two trace files
 * opened by hand, no runtime needed), side by side — each side's backend, MRO and event
 * count, then both canonical forms with the lines that differ lit, and the verdict.
 */
import type { TraceFile } from '@sockscope/core/trace';
import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { LangContext, useT, type Catalog } from '../../i18n/i18n.js';
import { fill } from '../../panes/rich.js';
import type { LiveRequest } from '../live/live-types.js';
import { Notice } from '../Notice.js';
import { CanonDiff, FIRST_DIFF } from './CanonDiff.js';
import { canonText, compareTexts, differingRows, oneSide, type CanonText, type DiffRow } from './compare-model.js';
import type { CompareSide } from './compare-state.js';
import { CompareColumn } from './CompareColumn.js';
import { scenarioDescription } from './scenario-text.js';
import { useCompareController } from './useCompareController.js';

const TEXT: Catalog<
  | 'toolbar'
  | 'title'
  | 'scenario'
  | 'run'
  | 'running'
  | 'runFailed'
  | 'offline'
  | 'listing'
  | 'listFailed'
  | 'noScenarios'
  | 'same'
  | 'differ'
  | 'differOne'
  | 'needTwo'
  | 'needAny'
  | 'about'
  | 'left'
  | 'right'
  | 'forms'
  | 'differs'
  | 'next'
> = {
  en: {
    toolbar: 'compare',
    title: 'The port and CPython, side by side',
    scenario: 'Scenario',
    run: 'Run on both',
    running: 'Running {name} on the port, then on CPython… {s} s',
    runFailed: 'Running {name} on both backends failed',
    offline: 'Running a scenario needs the runtime: start sockscope with {cmd}. Without it you can still compare two recorded traces — open one in each column.',
    listing: 'Asking the runtime for its scenarios…',
    listFailed: 'The runtime did not list its scenarios: {error}',
    noScenarios: 'The runtime has no scenarios.',
    same: 'Identical canonical forms',
    differ: '{n} lines differ',
    differOne: '1 line differs',
    needTwo: 'Open a trace in the other column to compare them.',
    needAny: 'Run a scenario on both backends, or open a trace file in each column.',
    about:
      "The canonical form keeps what a run did — the classes and their MROs, each thread's calls (threads named by role), the children reaped, what each client sent and got — and leaves out timing, pids, fds and thread names.",
    left: 'Left column',
    right: 'Right column',
    forms: 'The canonical forms side by side',
    differs: 'differs',
    next: 'Next difference ↓',
  },
  'zh-CN': {
    toolbar: '对比',
    title: '移植版与 CPython 并排对比',
    scenario: '场景',
    run: '在两个后端上运行',
    running: '正在运行 {name}：先在移植版上，再在 CPython 上… {s} 秒',
    runFailed: '在两个后端上运行 {name} 失败',
    offline: '运行场景需要运行时：请用 {cmd} 启动 sockscope。没有运行时也可以对比两个已录制的追踪——在每一栏各打开一个。',
    listing: '正在向运行时获取场景列表…',
    listFailed: '运行时没有返回场景列表：{error}',
    noScenarios: '运行时没有任何场景。',
    same: '规范形式完全相同',
    differ: '有 {n} 行不同',
    differOne: '有 1 行不同',
    needTwo: '在另一栏打开一个追踪，即可对比两者。',
    needAny: '在两个后端上运行一个场景，或在每一栏各打开一个追踪文件。',
    about: '规范形式只保留一次运行做了什么：各个类及其 MRO、每个线程的调用（线程按角色命名）、回收的子进程、每个客户端发送和收到的数据；不包含时间、pid、文件描述符和线程名。',
    left: '左栏',
    right: '右栏',
    forms: '并排显示的两个规范形式',
    differs: '不同',
    next: '下一处不同 ↓',
  },
};

/** What the comparison needs from the app. */
export interface CompareModeProps {
  readonly active: boolean;
  /** The runtime, or null (not connected, or the static build). */
  readonly request: LiveRequest | null;
  readonly presenter: boolean;
  /** Opens a trace in the replay. */
  readonly onOpenInReplay: (file: TraceFile, name: string) => void;
}

/** The screen. Stays mounted (its state kept) while another mode is shown. */
export function CompareMode({ active, request, presenter, onOpenInReplay }: CompareModeProps) {
  const t = useT(TEXT);
  const compare = useCompareController(request, active);
  const { state } = compare;
  const scroller = useRef<HTMLDivElement>(null);
  const [left, right] = state.sides;
  const leftCanon = useCanon(left);
  const rightCanon = useCanon(right);
  const rows = useMemo<DiffRow[] | null>(() => {
    const a = leftCanon?.ok ? leftCanon.text : null;
    const b = rightCanon?.ok ? rightCanon.text : null;
    if (a !== null && b !== null) return compareTexts(a, b);
    if (a !== null) return oneSide(a, 'left');
    if (b !== null) return oneSide(b, 'right');
    return null;
  }, [leftCanon, rightCanon]);

  if (!active) return null;
  const both = leftCanon?.ok === true && rightCanon?.ok === true;
  const differing = both && rows ? differingRows(rows) : 0;

  return (
    <div className={`mode mode--compare${presenter ? ' compare--presenter' : ''}`}>
      <div className="main compare">
        <CompareBar compare={compare} />
        {state.run.status === 'failed' && (
          <Notice title={t('runFailed', { name: state.run.scenario })} onDismiss={() => compare.dismiss('run')}>
            <code className="error-where">{state.run.error}</code>
          </Notice>
        )}
        {rows !== null && (
          <p className={`compare__verdict${both ? (differing === 0 ? ' compare__verdict--same' : ' compare__verdict--diff') : ''}`} role="status">
            {both ? (
              <>
                <span aria-hidden="true">{differing === 0 ? '✓' : '≠'}</span> {differing === 0 ? t('same') : differing === 1 ? t('differOne') : t('differ', { n: differing })}
                {differing > 0 && (
                  <button type="button" className="btn btn--small compare__next" onClick={() => nextDifference(scroller.current)}>
                    {t('next')}
                  </button>
                )}
              </>
            ) : (
              t('needTwo')
            )}
          </p>
        )}
        <div className="compare__heads">
          {([0, 1] as const).map((i) => (
            <CompareColumn
              key={i}
              side={state.sides[i]}
              error={state.errors[i]}
              loading={state.loading[i]}
              canonError={canonError(i === 0 ? leftCanon : rightCanon)}
              label={i === 0 ? t('left') : t('right')}
              onFile={(file) => void compare.openFile(i, file)}
              onDismiss={() => compare.dismiss(i)}
              onReplay={onOpenInReplay}
            />
          ))}
        </div>
        {rows !== null ? (
          <>
            <CanonDiff rows={rows} label={t('forms')} differs={t('differs')} scroller={scroller} />
            <p className="compare__about muted small">{t('about')}</p>
          </>
        ) : (
          <div className="empty">
            <div className="empty__card">
              <h2>{t('title')}</h2>
              <p>{t('needAny')}</p>
              <p>{t('about')}</p>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

/** Scrolls the forms to the next run of differing lines below the top (back to the first after the last). */
function nextDifference(scroller: HTMLDivElement | null): void {
  if (!scroller) return;
  const starts = [...scroller.querySelectorAll<HTMLElement>(`.${FIRST_DIFF}`)];
  const top = scroller.scrollTop + 2;
  // The scroller is positioned: each row's offsetTop is from its top.
  const next = starts.find((el) => el.offsetTop > top) ?? starts[0];
  if (next) scroller.scrollTo({ top: next.offsetTop, behavior: 'smooth' });
}

function canonError(canon: CanonText | null): string | null {
  return canon !== null && !canon.ok ? canon.error : null;
}

/** A side's canonical text, computed once per trace. */
function useCanon(side: CompareSide | null): CanonText | null {
  const file = side?.file ?? null;
  return useMemo(() => (file ? canonText(file) : null), [file]);
}

/** The bar: the scenario, Run on both, the run's progress; or why there is no runtime. */
function CompareBar({ compare }: { readonly compare: ReturnType<typeof useCompareController> }) {
  const t = useT(TEXT);
  const lang = useContext(LangContext);
  const { state, online } = compare;
  const running = state.run.status === 'running' ? state.run : null;
  const seconds = useElapsed(running?.startedAt ?? null);
  const list = state.scenarios.status === 'ready' ? state.scenarios.list : [];
  const picked = list.find((s) => s.name === state.scenario);

  return (
    <div className="bar compare-bar" role="toolbar" aria-label={t('toolbar')}>
      {!online ? (
        <p className="compare-bar__note small">{fill(t('offline'), { cmd: <code>npm start</code> })}</p>
      ) : state.scenarios.status === 'loading' || state.scenarios.status === 'offline' ? (
        <p className="compare-bar__note small muted">{t('listing')}</p>
      ) : state.scenarios.status === 'error' ? (
        <p className="compare-bar__note small error-text">{t('listFailed', { error: state.scenarios.error })}</p>
      ) : list.length === 0 ? (
        <p className="compare-bar__note small muted">{t('noScenarios')}</p>
      ) : (
        <>
          <label className="bar__speed">
            <span className="muted">{t('scenario')}</span>
            <select className="mono" value={state.scenario ?? ''} disabled={running !== null} onChange={(e) => compare.pick(e.target.value)}>
              {list.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn--primary" disabled={running !== null || state.scenario === null} aria-busy={running !== null} onClick={() => void compare.run()}>
            {running !== null && <span className="spinner" aria-hidden="true" />}
            {t('run')}
          </button>
          {running !== null ? (
            <span className="small compare-bar__status" role="status">
              {t('running', { name: running.scenario, s: seconds })}
            </span>
          ) : (
            picked?.description && (
              <span className="small muted compare-bar__status" title={scenarioDescription(picked, lang)}>
                {scenarioDescription(picked, lang)}
              </span>
            )
          )}
        </>
      )}
    </div>
  );
}

/** Whole seconds since `startedAt` (ms), ticking; 0 when null. */
function useElapsed(startedAt: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [startedAt]);
  return startedAt === null ? 0 : Math.max(0, Math.floor((now - startedAt) / 1000));
}
