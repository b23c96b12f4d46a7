/**
 * The live lab's bar: which lab, its step-through state (LIVE / PAUSED at #seq Class.method /
 * STEPPING), and — for the presenter — pause, step, run to the next event of a kind, method
 * or thread, continue, and the breakpoints. Viewers see the same state and no controls.
 */
import type { Breakpoints, LabSummary, RunTarget, StepState, TraceEvent, TraceEventKind } from '@sockscope/core/trace';
import { useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
import { LangContext, useT, type Catalog } from '../../i18n/i18n.js';
import { EVENT_KINDS, NO_BREAKPOINTS } from '../../machines/breakpoints.js';
import type { TraceModel } from '../../model/trace-model.js';
import { backendLabel } from '../../panes/backend.js';
import { BreakpointsEditor } from '../BreakpointsEditor.js';
import { IconContinue, IconFollow, IconPause, IconRunTo, IconStep } from '../icons.js';
import { eventMethod, methodNames, threadNames } from '../trace-info.js';

const TEXT: Catalog<
  | 'labs'
  | 'live'
  | 'liveHint'
  | 'paused'
  | 'pausedAt'
  | 'pausedIo'
  | 'waiting'
  | 'stepping'
  | 'runningTo'
  | 'offline'
  | 'connecting'
  | 'pause'
  | 'step'
  | 'runTo'
  | 'continue'
  | 'run'
  | 'kind'
  | 'method'
  | 'thread'
  | 'runToTitle'
  | 'follow'
> = {
  en: {
    labs: 'Labs',
    live: 'LIVE',
    liveHint: 'following the newest event',
    paused: 'PAUSED',
    pausedAt: 'at #{seq} {where}',
    pausedIo: 'waiting for I/O (no thread held)',
    waiting: '+{n} waiting',
    stepping: 'STEPPING',
    runningTo: 'running to the next {what}',
    offline: 'OFFLINE',
    connecting: 'CONNECTING…',
    pause: 'Pause',
    step: 'Step',
    runTo: 'Run to…',
    continue: 'Continue',
    run: 'Run',
    kind: 'kind',
    method: 'method',
    thread: 'thread',
    runToTitle: 'Run until the next event of…',
    follow: 'Back to the live edge',
  },
  'zh-CN': {
    labs: '实验',
    live: '实时',
    liveHint: '跟随最新事件',
    paused: '已暂停',
    pausedAt: '停在 #{seq} {where}',
    pausedIo: '等待 I/O（没有线程被暂停）',
    waiting: '另有 {n} 个在等待',
    stepping: '单步中',
    runningTo: '运行到下一个 {what}',
    offline: '未连接',
    connecting: '正在连接…',
    pause: '暂停',
    step: '单步',
    runTo: '运行到…',
    continue: '继续',
    run: '运行',
    kind: '事件类型',
    method: '方法',
    thread: '线程',
    runToTitle: '一直运行，直到下一个这样的事件：',
    follow: '回到最新位置',
  },
};

/** The live machine's state, as the bar shows it. */
export type LiveView = 'disconnected' | 'connecting' | 'live' | 'paused' | 'stepping';

/** The bar's props. */
export interface StepBarProps {
  readonly labs: readonly LabSummary[];
  readonly lab: string | null;
  readonly onSelect: (lab: string) => void;
  readonly view: LiveView;
  readonly step: StepState | null;
  readonly model: TraceModel | null;
  /** Bumped when the model grows (for the suggestions). */
  readonly version: number;
  readonly canControl: boolean;
  readonly following: boolean;
  readonly onFollow: () => void;
  readonly onPause: () => void;
  readonly onStep: () => void;
  readonly onRunTo: (target: RunTarget) => void;
  readonly onResume: () => void;
  readonly onBreakpoints: (b: Breakpoints) => void;
}

/** The bar. */
export function StepBar(props: StepBarProps) {
  const t = useT(TEXT);
  const lang = useContext(LangContext);
  const { labs, lab, onSelect, view, step, model, version, canControl } = props;
  // The model is mutated in place: `version` says when it changed.
  const methods = useMemo(() => (model ? methodNames(model) : []), [model, version]);
  const threads = useMemo(() => (model ? threadNames(model) : []), [model, version]);
  const held = step?.held ?? null;
  const whereText = held ? heldText(held, model ? eventMethod(model, held) : null) : '';

  let pill: { tone: string; label: string; detail: string };
  if (view === 'disconnected') pill = { tone: 'offline', label: t('offline'), detail: '' };
  else if (view === 'connecting') pill = { tone: 'offline', label: t('connecting'), detail: '' };
  else if (view === 'paused')
    pill = {
      tone: 'paused',
      label: t('paused'),
      detail: held ? `${t('pausedAt', { seq: held.seq, where: whereText })}${step && step.waiting > 0 ? ` · ${t('waiting', { n: step.waiting })}` : ''}` : t('pausedIo'),
    };
  else if (view === 'stepping')
    pill = { tone: 'stepping', label: t('stepping'), detail: step?.run_to ? t('runningTo', { what: describeTarget(step.run_to) }) : '' };
  else pill = { tone: 'live', label: t('live'), detail: t('liveHint') };

  const connected = view !== 'disconnected' && view !== 'connecting';
  const controls = canControl && connected && lab !== null;

  return (
    <div className="bar step-bar" role="toolbar" aria-label="step-through">
      {labs.length > 1 && (
        <select className="lab-select mono" value={lab ?? ''} onChange={(e) => onSelect(e.target.value)} aria-label={t('labs')}>
          {labs.map((l) => (
            <option key={l.id} value={l.id}>
              {l.id} · {l.server_class} · {backendLabel(l, lang).short}
            </option>
          ))}
        </select>
      )}
      <div className={`state-pill state-pill--${pill.tone}`} aria-live="polite" title={`${pill.label} ${pill.detail}`}>
        <b>
          {pill.tone === 'paused' && <IconPause />}
          {pill.tone === 'stepping' && <IconStep />}
          {pill.label}
        </b>
        {pill.detail && <span className="state-pill__detail">{pill.detail}</span>}
      </div>
      {!props.following && view === 'live' && lab !== null && (
        <button type="button" className="btn btn--ghost" onClick={props.onFollow}>
          <IconFollow /> {t('follow')}
        </button>
      )}
      {controls && (
        <div className="bar__group bar__group--right">
          <button type="button" className="btn" onClick={props.onPause} disabled={view === 'paused'} title={`${t('pause')} (p)`}>
            <IconPause /> {t('pause')}
          </button>
          <button type="button" className="btn btn--primary" onClick={props.onStep} title={`${t('step')} (Space)`}>
            <IconStep /> {t('step')}
          </button>
          <RunToMenu methods={methods} threads={threads} onRun={props.onRunTo} />
          <button type="button" className="btn" onClick={props.onResume} disabled={view === 'live'} title={`${t('continue')} (c)`}>
            <IconContinue /> {t('continue')}
          </button>
        </div>
      )}
      {lab !== null && connected && (
        <div className={controls ? 'bar__group' : 'bar__group bar__group--right'}>
          <BreakpointsEditor breakpoints={step?.breakpoints ?? NO_BREAKPOINTS} onChange={controls ? props.onBreakpoints : null} methods={methods} threads={threads} />
        </div>
      )}
    </div>
  );
}

/** The held event, briefly: `Class.method` for a call, `return Class.method`, `accept · Class.method`. */
function heldText(held: TraceEvent, method: string | null): string {
  if (held.kind === 'call') return method ?? held.kind;
  if (method === null) return held.kind;
  return held.kind === 'return' || held.kind === 'exception' ? `${held.kind} ${method}` : `${held.kind} · ${method}`;
}

function describeTarget(target: RunTarget): string {
  return [target.kind, target.method, target.thread].filter((v): v is string => v !== undefined).join(' · ');
}

/** "Run to the next event of this kind / method / thread". */
function RunToMenu({ methods, threads, onRun }: { readonly methods: readonly string[]; readonly threads: readonly string[]; readonly onRun: (target: RunTarget) => void }) {
  const t = useT(TEXT);
  const [open, setOpen] = useState(false);
  const [field, setField] = useState<'kind' | 'method' | 'thread'>('method');
  const [value, setValue] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const listId = useId();
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent): void => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  const suggestions = field === 'method' ? methods : field === 'thread' ? threads : EVENT_KINDS;
  const run = (): void => {
    const v = value.trim();
    if (v === '') return;
    if (field === 'kind' && !EVENT_KINDS.includes(v as TraceEventKind)) return;
    onRun(field === 'kind' ? { kind: v as TraceEventKind } : field === 'method' ? { method: v } : { thread: v });
    setOpen(false);
  };
  return (
    <div className="popover-host" ref={box}>
      <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <IconRunTo /> {t('runTo')}
      </button>
      {open && (
        <form
          className="popover run-to"
          onSubmit={(e) => {
            e.preventDefault();
            run();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <h3>{t('runToTitle')}</h3>
          <div className="inline">
            <select value={field} onChange={(e) => setField(e.target.value as 'kind' | 'method' | 'thread')}>
              <option value="method">{t('method')}</option>
              <option value="kind">{t('kind')}</option>
              <option value="thread">{t('thread')}</option>
            </select>
            <input autoFocus list={listId} value={value} onChange={(e) => setValue(e.target.value)} placeholder={field === 'method' ? 'finish_request' : field === 'kind' ? 'accept' : 'MainThread'} />
            <datalist id={listId}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
            <button type="submit" className="btn btn--primary">
              {t('run')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
