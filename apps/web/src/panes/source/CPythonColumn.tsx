/**
 * The CPython column of the source pane: `Cls.method` as the runtime's python3 has it
 * installed, the current line lit (a CPython trace's `src_line`, or the line calling the next
 * frame in), else the `def`. Without a runtime it says how to get one; nothing is bundled.
 */
import { useContext, useMemo, type ReactNode } from 'react';
import { useT, type Catalog } from '../../i18n/i18n.js';
import { BackendBadge } from '../BackendBadge.js';
import { fill } from '../rich.js';
import { CodeLines, type LineMark } from './CodeLines.js';
import { CPythonSourceContext } from './cpython-context.js';
import { chooseLine, findInSources, highlightPython, type LineQuery } from './python-source.js';

type Key = 'cpython' | 'unavailable' | 'loading' | 'error' | 'missing' | 'calls' | 'now' | 'line' | 'defOnly';

const catalog: Catalog<Key> = {
  en: {
    cpython: 'CPython',
    unavailable: "CPython's source is read from your python3 by the runtime; start sockscope with {cmd} to see it.",
    loading: "Reading CPython's source from the runtime…",
    error: "The runtime could not read CPython's source: {error}",
    missing: "No {name} in CPython's sources ({modules}): the port adds it.",
    calls: 'calls {method}',
    now: 'running',
    line: 'line {n}',
    defOnly: 'A trace of the port has no CPython line numbers: the def is lit.',
  },
  'zh-CN': {
    cpython: 'CPython',
    unavailable: 'CPython 的源代码由运行时从你的 python3 中读取；请用 {cmd} 启动 sockscope 后查看。',
    loading: '正在从运行时读取 CPython 的源代码…',
    error: '运行时无法读取 CPython 的源代码：{error}',
    missing: 'CPython 的源代码（{modules}）中没有 {name}：它是移植版额外加入的。',
    calls: '调用 {method}',
    now: '正在执行',
    line: '第 {n} 行',
    defOnly: '移植版的追踪没有 CPython 的行号：这里标出的是 def 所在行。',
  },
};

/** What the column shows: the frame, and how to pick its line. */
export interface CPythonColumnProps {
  readonly cls: string;
  readonly method: string;
  /** The module the trace says defines it (a CPython call event's `src_file`). */
  readonly module: string | undefined;
  readonly query: LineQuery;
  /** The method the shown frame is calling (an outer frame), for the note on that line. */
  readonly calleeMethod: string | null;
}

/** The column. */
export function CPythonColumn({ cls, method, module, query, calleeMethod }: CPythonColumnProps) {
  const t = useT(catalog);
  const state = useContext(CPythonSourceContext);
  const sources = state.status === 'ready' ? state.sources : null;
  const fn = useMemo(() => (sources ? findInSources(sources, cls, method, module) : null), [sources, cls, method, module]);
  const lines = useMemo(() => (fn ? highlightPython(fn.code, { word: method, line: fn.defLine - fn.startLine }) : []), [fn, method]);
  const choice = fn ? chooseLine(query, fn) : null;

  let body: ReactNode;
  if (state.status === 'unavailable') body = <p className="ss-source-missing">{fill(t('unavailable'), { cmd: <code className="ss-code">npm start</code> })}</p>;
  else if (state.status === 'loading') body = <p className="ss-source-missing">{t('loading')}</p>;
  else if (state.status === 'error') body = <p className="ss-source-missing" role="note">{t('error', { error: state.error })}</p>;
  else if (!fn || !choice) {
    const modules = state.sources.modules.map((m) => m.module).join(', ');
    body = <p className="ss-pane__empty">{fill(t('missing'), { name: <code className="ss-code">{cls}.{method}</code>, modules })}</p>;
  } else {
    const marks = new Map<number, LineMark>([[fn.defLine, 'def']]);
    const notes = new Map<number, ReactNode>();
    if (choice.kind === 'running') {
      marks.set(choice.line, 'current');
      notes.set(choice.line, <span className="ss-source-callnote ss-source-callnote--now">{t('now')}</span>);
    } else if (choice.kind === 'calling') {
      marks.set(choice.line, 'call');
      if (calleeMethod !== null) {
        notes.set(choice.line, <span className="ss-source-callnote">{fill(t('calls'), { method: <code className="ss-code">{calleeMethod}</code> })}</span>);
      }
    }
    body = (
      <>
        <CodeLines lines={lines} startLine={fn.startLine} marks={marks} notes={notes} label={`CPython ${cls}.${method}`} lineLabel={(n) => t('line', { n })} follow={choice.line} />
        {!query.cpython && <p className="ss-source-hint">{t('defOnly')}</p>}
      </>
    );
  }

  return (
    <section className="ss-source-col ss-source-col--cpython" aria-label={sources?.version ?? t('cpython')}>
      <header className="ss-source-colhead">
        <BackendBadge info={{ backend: 'cpython', ...(sources ? { backend_version: sources.version } : {}) }} short />
        {fn && (
          <span className="ss-source-file" title={fn.path}>
            {baseName(fn.path)}:{fn.defLine}
          </span>
        )}
      </header>
      {body}
    </section>
  );
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
