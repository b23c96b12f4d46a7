/**
 * The source pane: the method running at the cursor, twice, side by side (stacked when
 * narrow) — the port's TypeScript, and CPython's own source as the runtime's python3 has it.
 * The frames of its lane are listed above: pick an outer one to see its source with the line
 * that called the next frame marked.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useT, type Catalog } from '../../i18n/i18n.js';
import { BackendBadge } from '../BackendBadge.js';
import type { PaneProps } from '../pane-props.js';
import { cx, type PresenterProps } from '../pane-common.js';
import { PaneFrame } from '../PaneFrame.js';
import { fill } from '../rich.js';
import { CodeLines, type LineMark } from './CodeLines.js';
import { CPythonColumn } from './CPythonColumn.js';
import type { LineQuery } from './python-source.js';
import { callLines, highlight, sourceFor } from './sources.js';
import './source.css';

type Key = 'title' | 'idle' | 'missing' | 'frames' | 'calls' | 'line' | 'follow';

const catalog: Catalog<Key> = {
  en: {
    title: 'Source',
    idle: 'No method is running at the cursor.',
    missing: 'No source for {name}: it is not part of the socketserver port.',
    frames: 'Frames of this thread',
    calls: 'calls {method}',
    line: 'line {n}',
    follow: 'Back to the running method',
  },
  'zh-CN': {
    title: '源代码',
    idle: '光标处没有正在运行的方法。',
    missing: '没有 {name} 的源代码：它不属于 socketserver 的移植部分。',
    frames: '这个线程的调用帧',
    calls: '调用 {method}',
    line: '第 {n} 行',
    follow: '回到正在运行的方法',
  },
};

/** Props of SourcePane. */
export type SourcePaneProps = PaneProps & PresenterProps;

/** A frame of the cursor's lane: its call span (null when not known) and where it started. */
export interface Frame {
  readonly key: string;
  readonly cls: string;
  readonly method: string;
  readonly selfCls: string;
  readonly span: number | null;
  readonly startIndex: number | null;
}

/** The source pane. */
export function SourcePane({ model, state, description, presenter = false }: SourcePaneProps) {
  const t = useT(catalog);
  const active = state.active;
  // The frames of the active lane, outermost first, ending with the running method.
  const frames = useMemo<Frame[]>(() => {
    if (!active) return [];
    const stack = state.stacks.find((s) => s.lane.key === active.lane)?.frames ?? [];
    const out: Frame[] = stack.map((f) => ({ key: String(f.id), cls: f.cls, method: f.method, selfCls: f.selfCls, span: f.id, startIndex: f.startIndex }));
    const top = out.at(-1);
    if (top?.cls !== active.cls || top.method !== active.method) {
      // The cursor is on a call's return: that call is no longer open, but it is the one running.
      const span = state.event?.span ?? null;
      out.push({ key: 'active', cls: active.cls, method: active.method, selfCls: active.selfCls, span, startIndex: model.span(span)?.startIndex ?? null });
    }
    return out;
  }, [active, state.stacks, state.event, model]);
  // A frame the user picked stays picked until the cursor moves.
  const [picked, setPicked] = useState<{ readonly index: number; readonly frame: number } | null>(null);
  const chosen = picked?.index === state.index ? Math.min(picked.frame, frames.length - 1) : frames.length - 1;
  const frame = frames[chosen];
  const callee = frames[chosen + 1] ?? null;

  const query: LineQuery = {
    cpython: description?.backend === 'cpython',
    events: model.events,
    cursor: state.index,
    frame: frame?.span != null && frame.startIndex !== null ? { span: frame.span, startIndex: frame.startIndex } : null,
    callee: callee?.startIndex != null ? { method: callee.method, selfCls: callee.selfCls, startIndex: callee.startIndex } : null,
  };
  const callEvent = frame?.startIndex != null ? model.events[frame.startIndex] : undefined;
  const module = callEvent?.kind === 'call' ? callEvent.src_file : undefined;

  return (
    <PaneFrame
      title={t('title')}
      subtitle={
        frame && (
          <>
            <code className="ss-code ss-source-name">{frame.cls}.{frame.method}</code>
            {description && (
              <>
                {' '}
                <BackendBadge info={description} short />
              </>
            )}
          </>
        )
      }
      presenter={presenter}
      className="ss-source"
      scrollBody={false}
    >
      <div className="ss-source-layout">
        {frames.length > 1 && (
          <nav className="ss-source-frames" aria-label={t('frames')}>
            {frames.map((f, i) => (
              <span key={f.key} className="ss-source-crumb">
                {i > 0 && <span className="ss-source-sep" aria-hidden="true">›</span>}
                <button
                  type="button"
                  className={cx('ss-button', 'ss-source-frame', i === frames.length - 1 && 'ss-source-frame--running')}
                  aria-pressed={i === chosen}
                  title={i === frames.length - 1 ? t('follow') : undefined}
                  onClick={() => setPicked({ index: state.index, frame: i })}
                >
                  <code className="ss-code">{f.cls}.{f.method}</code>
                </button>
              </span>
            ))}
          </nav>
        )}
        {!frame ? (
          <p className="ss-pane__empty">{t('idle')}</p>
        ) : (
          <div className="ss-source-cols">
            <PortColumn frame={frame} callee={callee} />
            <CPythonColumn cls={frame.cls} method={frame.method} module={module} query={query} calleeMethod={callee?.method ?? null} />
          </div>
        )}
      </div>
    </PaneFrame>
  );
}

/** The port's TypeScript of a frame, the def lit and the lines that call the next frame marked. */
function PortColumn({ frame, callee }: { readonly frame: Frame; readonly callee: Frame | null }) {
  const t = useT(catalog);
  const entry = sourceFor(frame.cls, frame.method);
  const lines = useMemo(() => (entry ? highlight(entry.code, { word: frame.method, line: entry.defLine - entry.startLine }) : []), [entry, frame.method]);
  const marks = new Map<number, LineMark>();
  const notes = new Map<number, ReactNode>();
  const calls = entry && callee ? callLines(entry, callee.method) : [];
  if (entry) {
    marks.set(entry.defLine, 'def');
    for (const n of calls) {
      marks.set(n, 'call');
      notes.set(n, <span className="ss-source-callnote">{fill(t('calls'), { method: <code className="ss-code">{callee?.method}</code> })}</span>);
    }
  }
  return (
    <section className="ss-source-col ss-source-col--port" aria-label="TypeScript">
      <header className="ss-source-colhead">
        <BackendBadge info={{ backend: 'core' }} short />
        {entry && (
          <span className="ss-source-file" title={entry.file}>
            {entry.file.split('/').pop()}:{entry.defLine}
          </span>
        )}
      </header>
      {entry ? (
        <CodeLines
          lines={lines}
          startLine={entry.startLine}
          marks={marks}
          notes={notes}
          label={`${frame.cls}.${frame.method}`}
          lineLabel={(n) => t('line', { n })}
          follow={calls[0] ?? entry.defLine}
        />
      ) : (
        <p className="ss-pane__empty">{fill(t('missing'), { name: <code className="ss-code">{frame.cls}.{frame.method}</code> })}</p>
      )}
    </section>
  );
}
