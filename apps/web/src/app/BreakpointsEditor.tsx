/**
 * The breakpoints list, shared by the live lab and the replay: what is set (kinds, methods,
 * threads), removable one by one, and a row to add one. Read-only for viewers of a live lab.
 */
import type { Breakpoints, TraceEventKind } from '@sockscope/core/trace';
import { useEffect, useId, useRef, useState } from 'react';
import { useT, type Catalog } from '../i18n/i18n.js';
import { IconDot } from './icons.js';
import { addBreakpoint, breakpointCount, EVENT_KINDS, removeBreakpoint, type BreakpointField } from '../machines/breakpoints.js';

const TEXT: Catalog<
  'button' | 'title' | 'none' | 'kinds' | 'methods' | 'threads' | 'add' | 'remove' | 'kind' | 'method' | 'thread' | 'clear' | 'hint' | 'readonly'
> = {
  en: {
    button: 'Breakpoints',
    title: 'Breakpoints',
    none: 'None set. Press b to break on the method at the cursor.',
    kinds: 'Event kinds',
    methods: 'Methods',
    threads: 'Threads',
    add: 'Add',
    remove: 'Remove {name}',
    kind: 'kind',
    method: 'method',
    thread: 'thread',
    clear: 'Clear all',
    hint: 'A method is process_request (any class) or ThreadingMixIn.process_request (that implementation).',
    readonly: 'Only the presenter can change the breakpoints.',
  },
  'zh-CN': {
    button: '断点',
    title: '断点',
    none: '尚未设置。按 b 可在光标所在的方法上设置断点。',
    kinds: '事件类型',
    methods: '方法',
    threads: '线程',
    add: '添加',
    remove: '移除 {name}',
    kind: '事件类型',
    method: '方法',
    thread: '线程',
    clear: '全部清除',
    hint: '方法可写成 process_request（任意类）或 ThreadingMixIn.process_request（仅该实现）。',
    readonly: '只有讲师可以修改断点。',
  },
};

const FIELDS: ReadonlyArray<readonly [BreakpointField, 'kinds' | 'methods' | 'threads']> = [
  ['methods', 'methods'],
  ['kinds', 'kinds'],
  ['threads', 'threads'],
];

/** The button and its popover. */
export function BreakpointsEditor({
  breakpoints,
  onChange,
  methods,
  threads,
}: {
  readonly breakpoints: Breakpoints;
  /** null: read-only (a viewer). */
  readonly onChange: ((next: Breakpoints) => void) | null;
  /** Suggestions: `Class.method` names seen in the trace. */
  readonly methods: readonly string[];
  /** Suggestions: thread names seen in the trace. */
  readonly threads: readonly string[];
}) {
  const t = useT(TEXT);
  const [open, setOpen] = useState(false);
  const [field, setField] = useState<BreakpointField>('methods');
  const [value, setValue] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const listId = useId();
  const count = breakpointCount(breakpoints);

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent): void => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  const suggestions = field === 'methods' ? methods : field === 'threads' ? threads : EVENT_KINDS;
  const add = (): void => {
    const v = value.trim();
    if (!onChange || v === '') return;
    if (field === 'kinds' && !EVENT_KINDS.includes(v as TraceEventKind)) return;
    onChange(addBreakpoint(breakpoints, field, v));
    setValue('');
  };

  return (
    <div className="popover-host" ref={box}>
      <button type="button" className={`btn${count > 0 ? ' btn--marked' : ''}`} aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        <IconDot /> {t('button')}
        {count > 0 && <span className="count">{count}</span>}
      </button>
      {open && (
        <div className="popover breakpoints" role="dialog" aria-label={t('title')}>
          <h3>{t('title')}</h3>
          {count === 0 && <p className="muted">{t('none')}</p>}
          {FIELDS.map(([f, label]) =>
            breakpoints[f].length === 0 ? null : (
              <div key={f} className="breakpoints__group">
                <div className="breakpoints__label">{t(label)}</div>
                <div className="chips">
                  {(breakpoints[f] as readonly string[]).map((name) => (
                    <span key={name} className="chip">
                      <code>{name}</code>
                      {onChange && (
                        <button type="button" className="chip__x" aria-label={t('remove', { name })} onClick={() => onChange(removeBreakpoint(breakpoints, f, name))}>
                          ✕
                        </button>
                      )}
                    </span>
                  ))}
                </div>
              </div>
            ),
          )}
          {onChange ? (
            <>
              <form
                className="breakpoints__add"
                onSubmit={(e) => {
                  e.preventDefault();
                  add();
                }}
              >
                <select value={field} onChange={(e) => setField(e.target.value as BreakpointField)} aria-label={t('kind')}>
                  <option value="methods">{t('method')}</option>
                  <option value="kinds">{t('kind')}</option>
                  <option value="threads">{t('thread')}</option>
                </select>
                <input list={listId} value={value} onChange={(e) => setValue(e.target.value)} placeholder={field === 'methods' ? 'process_request' : field === 'kinds' ? 'accept' : 'MainThread'} />
                <datalist id={listId}>
                  {suggestions.map((s) => (
                    <option key={s} value={s} />
                  ))}
                </datalist>
                <button type="submit" className="btn btn--primary">
                  {t('add')}
                </button>
              </form>
              <p className="muted small">{t('hint')}</p>
              {count > 0 && (
                <button type="button" className="btn btn--ghost" onClick={() => onChange({ kinds: [], methods: [], threads: [] })}>
                  {t('clear')}
                </button>
              )}
            </>
          ) : (
            <p className="muted small">{t('readonly')}</p>
          )}
        </div>
      )}
    </div>
  );
}
