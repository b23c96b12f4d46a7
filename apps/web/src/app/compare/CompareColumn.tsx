/**
 * The head of one side of the comparison: which backend produced its trace (the badge), where
 * the trace came from, the server's MRO, the event count; open a trace file into it (the
 * button or a drop), or open its trace in the replay.
 */
import type { TraceFile } from '@sockscope/core/trace';
import { useRef, useState, type DragEvent } from 'react';
import { useT, type Catalog } from '../../i18n/i18n.js';
import { BackendBadge } from '../../panes/BackendBadge.js';
import { Notice } from '../Notice.js';
import type { CompareSide, SideError } from './compare-state.js';

const TEXT: Catalog<
  'empty' | 'open' | 'drop' | 'dropHere' | 'events' | 'scenario' | 'handler' | 'mro' | 'replay' | 'cannotOpen' | 'loading' | 'truncated' | 'canonFailed'
> = {
  en: {
    empty: 'No trace in this column yet',
    open: 'Open a trace file…',
    drop: 'or drop a .jsonl trace here',
    dropHere: 'Drop the trace file into this column',
    events: '{n} events',
    scenario: 'scenario {name}',
    handler: 'handler',
    mro: 'MRO',
    replay: 'Open in Replay',
    cannotOpen: 'Could not open {name}',
    loading: 'Opening {name}…',
    truncated: 'The last line was cut short; it was left out.',
    canonFailed: 'No canonical form: {error}',
  },
  'zh-CN': {
    empty: '这一栏还没有追踪',
    open: '打开追踪文件…',
    drop: '或把 .jsonl 追踪文件拖到这里',
    dropHere: '把追踪文件放到这一栏',
    events: '{n} 个事件',
    scenario: '场景 {name}',
    handler: '处理器',
    mro: 'MRO',
    replay: '在回放中打开',
    cannotOpen: '无法打开 {name}',
    loading: '正在打开 {name}…',
    truncated: '最后一行不完整，已忽略。',
    canonFailed: '无法得到规范形式：{error}',
  },
};

/** Props of CompareColumn. */
export interface CompareColumnProps {
  readonly side: CompareSide | null;
  readonly error: SideError | null;
  readonly loading: string | null;
  /** Why the trace has no canonical form, if it has none. */
  readonly canonError: string | null;
  /** The accessible name of the column ("left" / "right" in words). */
  readonly label: string;
  readonly onFile: (file: File) => void;
  readonly onDismiss: () => void;
  readonly onReplay: ((file: TraceFile, name: string) => void) | null;
}

/** The column's head. */
export function CompareColumn({ side, error, loading, canonError, label, onFile, onDismiss, onReplay }: CompareColumnProps) {
  const t = useT(TEXT);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const header = side?.file.header;

  const drag = (e: DragEvent, on: boolean): void => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    setOver(on);
  };

  return (
    <section
      className={`compare-col${over ? ' compare-col--over' : ''}`}
      aria-label={label}
      onDragEnter={(e) => drag(e, true)}
      onDragOver={(e) => drag(e, true)}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) drag(e, false);
      }}
      onDrop={(e) => {
        drag(e, false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      {side && header ? (
        <>
          <div className="compare-col__title">
            <BackendBadge info={header} />
            <span className="compare-col__name mono" title={side.name}>
              {side.origin === 'scenario' ? t('scenario', { name: side.name }) : side.name}
            </span>
          </div>
          <div className="small">
            <code className="strong">{header.server_class}</code> · <span className="muted">{t('handler')}</span> <code>{header.handler_class}</code>
            <span className="muted"> · {t('events', { n: side.file.events.length })}</span>
          </div>
          <div className="compare-col__mro small">
            <span className="muted">{t('mro')}</span>
            <ol className="mro-chain" aria-label={t('mro')}>
              {header.mro.map((cls) => (
                <li key={cls}>
                  <code>{cls}</code>
                </li>
              ))}
            </ol>
          </div>
          {side.file.truncated && <Notice tone="warn" title={t('truncated')} />}
          {canonError !== null && <Notice title={t('canonFailed', { error: canonError })} />}
        </>
      ) : (
        <p className="compare-col__empty muted">{over ? t('dropHere') : t('empty')}</p>
      )}
      <div className="btn-row">
        <button type="button" className="btn btn--small" onClick={() => input.current?.click()}>
          {t('open')}
        </button>
        {side && onReplay && (
          <button type="button" className="btn btn--small" onClick={() => onReplay(side.file, replayName(side))}>
            {t('replay')}
          </button>
        )}
        <span className="muted small">{loading !== null ? t('loading', { name: loading }) : t('drop')}</span>
      </div>
      <input
        ref={input}
        type="file"
        accept=".jsonl,.ndjson,.json,.txt,application/x-ndjson,application/json,text/plain"
        hidden
        aria-label={`${label}: ${t('open')}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
      {error && (
        <Notice title={t('cannotOpen', { name: error.name })} onDismiss={onDismiss}>
          <code className="error-where">{error.error}</code>
        </Notice>
      )}
    </section>
  );
}

/** The name a side's trace gets in the replay: the file's, or `Scenario-cpython.jsonl`. */
function replayName(side: CompareSide): string {
  return side.origin === 'file' ? side.name : `${side.name}-${side.file.header.backend}.jsonl`;
}
