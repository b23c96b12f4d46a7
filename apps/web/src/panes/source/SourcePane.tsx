/**
 * The source pane: the port's TypeScript source of the method running at the cursor, with
 * line numbers and the method's name lit. The frames of its lane are listed above it: pick
 * an outer one to see its source with the line that called the next frame marked.
 */
import { useMemo, useState } from 'react';
import { useT, type Catalog } from '../../i18n/i18n.js';
import type { PaneProps } from '../pane-props.js';
import { cx, type PresenterProps } from '../pane-common.js';
import { PaneFrame } from '../PaneFrame.js';
import { fill } from '../rich.js';
import { callLines, highlight, sourceFor } from './sources.js';
import './source.css';

type Key = 'title' | 'note' | 'idle' | 'missing' | 'frames' | 'calls' | 'line' | 'follow';

const catalog: Catalog<Key> = {
  en: {
    title: 'Source',
    note: 'TypeScript port — CPython’s own source arrives with the CPython backend.',
    idle: 'No method is running at the cursor.',
    missing: 'No source for {name}: it is not part of the socketserver port.',
    frames: 'Frames of this thread',
    calls: 'calls {method}',
    line: 'line {n}',
    follow: 'Back to the running method',
  },
  'zh-CN': {
    title: '源代码',
    note: '这是 TypeScript 移植版的代码；CPython 自己的源代码将随 CPython 后端提供。',
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

interface Frame {
  readonly key: string;
  readonly cls: string;
  readonly method: string;
}

/** The source pane. */
export function SourcePane({ state, presenter = false }: SourcePaneProps) {
  const t = useT(catalog);
  const active = state.active;
  // The frames of the active lane, outermost first, ending with the running method.
  const frames = useMemo<Frame[]>(() => {
    if (!active) return [];
    const stack = state.stacks.find((s) => s.lane.key === active.lane)?.frames ?? [];
    const out: Frame[] = stack.map((f) => ({ key: String(f.id), cls: f.cls, method: f.method }));
    const top = out.at(-1);
    if (top?.cls !== active.cls || top.method !== active.method) out.push({ key: 'active', cls: active.cls, method: active.method });
    return out;
  }, [active, state.stacks]);
  // A frame the user picked stays picked until the cursor moves.
  const [picked, setPicked] = useState<{ readonly index: number; readonly frame: number } | null>(null);
  const chosen = picked?.index === state.index ? Math.min(picked.frame, frames.length - 1) : frames.length - 1;
  const frame = frames[chosen];
  const callee = frames[chosen + 1];
  const entry = frame ? sourceFor(frame.cls, frame.method) : null;
  const lines = useMemo(
    () => (entry && frame ? highlight(entry.code, { word: frame.method, line: entry.defLine - entry.startLine }) : []),
    [entry, frame],
  );
  const calling = useMemo(() => new Set(entry && callee ? callLines(entry, callee.method) : []), [entry, callee]);

  return (
    <PaneFrame
      title={t('title')}
      subtitle={
        frame && (
          <>
            <code className="ss-code ss-source-name">{frame.cls}.{frame.method}</code>
            {entry && <span className="ss-source-file"> · {entry.file}:{entry.defLine}</span>}
          </>
        )
      }
      presenter={presenter}
      className="ss-source"
    >
      <p className="ss-source-note" role="note">{t('note')}</p>
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
      {!frame && <p className="ss-pane__empty">{t('idle')}</p>}
      {frame && !entry && (
        <p className="ss-pane__empty">{fill(t('missing'), { name: <code className="ss-code">{frame.cls}.{frame.method}</code> })}</p>
      )}
      {entry && (
        <pre className="ss-source-code" aria-label={`${frame?.cls ?? ''}.${frame?.method ?? ''}`}>
          <code>
            {lines.map((tokens, i) => {
              const n = entry.startLine + i;
              const def = n === entry.defLine;
              const call = calling.has(n);
              return (
                <span key={n} className={cx('ss-source-line', def && 'ss-source-line--def', call && 'ss-source-line--call')}>
                  <span className="ss-source-ln" aria-label={t('line', { n })}>{n}</span>
                  <span className="ss-source-text">
                    {tokens.map((tok, j) => (
                      <span key={j} className={`ss-tok-${tok.kind}`}>{tok.text}</span>
                    ))}
                    {call && callee && <span className="ss-source-callnote">{fill(t('calls'), { method: <code className="ss-code">{callee.method}</code> })}</span>}
                  </span>
                  {'\n'}
                </span>
              );
            })}
          </code>
        </pre>
      )}
    </PaneFrame>
  );
}
