/** The replay's side panel: open a file, the bundled examples, what is loaded, downloads. */
import { useRef } from 'react';
import { useContext } from 'react';
import { LangContext, useT, type Catalog } from '../../i18n/i18n.js';
import { BackendBadge } from '../../panes/BackendBadge.js';
import { downloadChromeTrace, downloadTrace, traceHeader } from '../../transport/download.js';
import { Notice } from '../Notice.js';
import { EXAMPLES_DIR, type ReplayController } from './useReplayController.js';

const TEXT: Catalog<
  | 'open'
  | 'openHint'
  | 'examples'
  | 'noExamples'
  | 'loaded'
  | 'loading'
  | 'events'
  | 'handler'
  | 'recorded'
  | 'options'
  | 'noOptions'
  | 'truncated'
  | 'save'
  | 'chrome'
  | 'chromeHint'
  | 'cannotOpen'
  | 'appUsable'
> = {
  en: {
    open: 'Open a trace file…',
    openHint: 'A .jsonl trace recorded by sockscope. You can also drop it anywhere on the page.',
    examples: 'Examples',
    noExamples: 'No bundled examples found ({error}).',
    loaded: 'Loaded',
    loading: 'Opening {name}…',
    events: '{n} events',
    handler: 'handler',
    recorded: 'recorded {when}',
    options: 'options',
    noOptions: 'defaults',
    truncated: 'The last line was cut short (the recorder was stopped mid-write); it was left out.',
    save: 'Save .jsonl',
    chrome: 'Export for Perfetto',
    chromeHint: 'Chrome Trace JSON: open it at ui.perfetto.dev or chrome://tracing.',
    cannotOpen: 'Could not open {name}',
    appUsable: 'Nothing else changed: the trace on screen is still there.',
  },
  'zh-CN': {
    open: '打开追踪文件…',
    openHint: '由 sockscope 录制的 .jsonl 追踪文件。也可以直接把文件拖到页面任意位置。',
    examples: '示例',
    noExamples: '没有找到内置示例（{error}）。',
    loaded: '已加载',
    loading: '正在打开 {name}…',
    events: '{n} 个事件',
    handler: '处理器',
    recorded: '录制于 {when}',
    options: '选项',
    noOptions: '默认值',
    truncated: '最后一行不完整（录制时被中断），已忽略。',
    save: '保存为 .jsonl',
    chrome: '导出到 Perfetto',
    chromeHint: 'Chrome Trace JSON 格式：可在 ui.perfetto.dev 或 chrome://tracing 中打开。',
    cannotOpen: '无法打开 {name}',
    appUsable: '其他内容没有变化：屏幕上的追踪仍然保留。',
  },
};

/** The panel. */
export function ReplaySidebar({ replay }: { readonly replay: ReplayController }) {
  const t = useT(TEXT);
  const lang = useContext(LangContext);
  const input = useRef<HTMLInputElement>(null);
  const { trace, examples, examplesError, examplesLoaded, loading, error } = replay;
  const current = trace?.source.kind === 'url' ? trace.source.url : null;
  const header = trace?.file.header;
  const options = header ? Object.entries(header.options) : [];

  return (
    <div className="sidebar__inner">
      <section className="side-section">
        <button type="button" className="btn btn--primary btn--wide" onClick={() => input.current?.click()}>
          {t('open')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".jsonl,.ndjson,.json,.txt,application/x-ndjson,application/json,text/plain"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void replay.openFile(file);
            e.target.value = '';
          }}
        />
        <p className="muted small">{t('openHint')}</p>
        {loading !== null && <p className="muted small">{t('loading', { name: loading })}</p>}
        {error && (
          <Notice title={t('cannotOpen', { name: error.name })} onDismiss={replay.dismissError}>
            <code className="error-where">{error.error}</code>
            {trace && <div className="small">{t('appUsable')}</div>}
          </Notice>
        )}
      </section>

      <section className="side-section">
        <h2 className="side-title">{t('examples')}</h2>
        {examplesLoaded && examples.length === 0 && <p className="muted small">{t('noExamples', { error: examplesError ?? '–' })}</p>}
        <ul className="examples">
          {examples.map((ex) => {
            const path = `${EXAMPLES_DIR}${ex.file}`;
            return (
              <li key={ex.file}>
                <button type="button" className={`example${current === path ? ' is-current' : ''}`} aria-current={current === path} onClick={() => void replay.openUrl(path)}>
                  {lang === 'zh-CN' && ex.title_zh ? ex.title_zh : ex.title}
                </button>
              </li>
            );
          })}
        </ul>
      </section>

      {trace && header && (
        <section className="side-section">
          <h2 className="side-title">{t('loaded')}</h2>
          <div className="trace-card">
            <div className="trace-card__name mono">{trace.name}</div>
            <div>
              <BackendBadge info={header} />
            </div>
            <div>
              <code>{header.server_class}</code> · {t('handler')} <code>{header.handler_class}</code>
            </div>
            <div className="muted small">
              {t('events', { n: trace.file.events.length })} · {t('recorded', { when: formatWhen(header.created_at, lang) })}
            </div>
            {header.scenario?.description && <p className="small">{header.scenario.description}</p>}
            <div className="small">
              <span className="muted">{t('options')}: </span>
              {options.length === 0 ? (
                <span className="muted">{t('noOptions')}</span>
              ) : (
                options.map(([k, v]) => (
                  <code key={k} className="opt">
                    {k}={JSON.stringify(v)}
                  </code>
                ))
              )}
            </div>
            {trace.file.truncated && <Notice tone="warn" title={t('truncated')} />}
          </div>
          <div className="btn-row">
            <button type="button" className="btn" onClick={() => downloadTrace(trace.name, traceHeader(header, header.scenario, new Date(header.created_at)), trace.file.events)}>
              {t('save')}
            </button>
            <button type="button" className="btn" onClick={() => downloadChromeTrace(trace.name, header, trace.file.events)} title={t('chromeHint')}>
              {t('chrome')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

function formatWhen(iso: string, lang: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}
