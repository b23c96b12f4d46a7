/**
 * A new lab (presenter only): a public server class, or a class built from bases — the MRO
 * playground shows the resulting MRO (or Python's TypeError) before anything runs — a
 * handler from the registry, the class attributes set before bind, the backend that runs it
 * (the TypeScript port or the real CPython module) and Start (create_lab + run_lab).
 */
import { HANDLER_NAMES, type Backend, type CreateLabRequest, type HandlerName, type LabOptions, type LabMode } from '@sockscope/core/trace';
import { memo, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { LangContext, useT, type Catalog } from '../../i18n/i18n.js';
import { backendLabel } from '../../panes/backend.js';
import { CPythonSourceContext } from '../../panes/source/cpython-context.js';
import { BASE_NAMES, CLASS_BASES, linearize, parseBases, PUBLIC_SERVER_CLASSES, type Linearization } from '../c3.js';
import { IconPlay } from '../icons.js';
import { Notice } from '../Notice.js';
import type { LiveRequest, PlaygroundSeed } from './live-types.js';

const TEXT: Catalog<
  | 'title'
  | 'public'
  | 'bases'
  | 'serverClass'
  | 'basesLabel'
  | 'basesHint'
  | 'className'
  | 'pick'
  | 'clear'
  | 'mro'
  | 'runs'
  | 'cannotServe'
  | 'handler'
  | 'stream'
  | 'datagram'
  | 'rejectAll'
  | 'options'
  | 'optionsHint'
  | 'defaultIs'
  | 'mode'
  | 'count'
  | 'port'
  | 'anyPort'
  | 'start'
  | 'starting'
  | 'failed'
  | 'backend'
  | 'cpythonChoice'
  | 'cpythonProblem'
> = {
  en: {
    title: 'Start a lab',
    public: 'A server class',
    bases: 'Build from bases',
    serverClass: 'Server class',
    basesLabel: 'Bases, in order',
    basesHint: 'Type or click the bases, as in class CustomServer(ThreadingMixIn, TCPServer).',
    className: 'Class name',
    pick: 'add a base',
    clear: 'clear',
    mro: 'MRO',
    runs: 'which implementation runs',
    cannotServe: 'This class cannot serve: its MRO has no TCPServer or UDPServer.',
    handler: 'Request handler',
    stream: 'stream handlers (TCP, Unix stream)',
    datagram: 'datagram handlers (UDP, Unix datagram)',
    rejectAll: 'Add the RejectAll mixin first (verify_request returns False)',
    options: 'Options',
    optionsHint: 'Class attributes, set before the server binds. Empty means the default.',
    defaultIs: 'default {value}',
    mode: 'Serve with',
    count: 'times',
    port: 'Port',
    anyPort: 'any free port',
    start: 'Start the lab',
    starting: 'Starting…',
    failed: 'The lab did not start',
    backend: 'Runs on',
    cpythonChoice: 'CPython',
    cpythonProblem: 'The runtime could not find CPython ({error}); a CPython lab will probably not start.',
  },
  'zh-CN': {
    title: '启动一个实验',
    public: '选择服务器类',
    bases: '由基类组合',
    serverClass: '服务器类',
    basesLabel: '基类（按顺序）',
    basesHint: '输入或点击基类，写法同 class CustomServer(ThreadingMixIn, TCPServer)。',
    className: '类名',
    pick: '添加基类',
    clear: '清空',
    mro: 'MRO',
    runs: '实际运行的是哪个实现',
    cannotServe: '这个类无法提供服务：它的 MRO 中没有 TCPServer 或 UDPServer。',
    handler: '请求处理器',
    stream: '流式处理器（TCP、Unix 流）',
    datagram: '数据报处理器（UDP、Unix 数据报）',
    rejectAll: '在最前面加入 RejectAll 混入类（verify_request 返回 False）',
    options: '选项',
    optionsHint: '类属性，在服务器绑定之前设置。留空表示使用默认值。',
    defaultIs: '默认 {value}',
    mode: '运行方式',
    count: '次',
    port: '端口',
    anyPort: '任意空闲端口',
    start: '启动实验',
    starting: '正在启动…',
    failed: '实验没有启动',
    backend: '运行于',
    cpythonChoice: 'CPython',
    cpythonProblem: '运行时找不到 CPython（{error}）；CPython 实验很可能无法启动。',
  },
};

/** The handlers' classes, to show next to their registry names. */
const HANDLER_CLASS: Readonly<Record<HandlerName, string>> = {
  echo: 'EchoHandler',
  upper: 'UpperHandler',
  slow_echo: 'SlowEchoHandler',
  crash: 'CrashHandler',
  stream_echo: 'StreamEchoHandler',
  dgram_echo: 'DgramEchoHandler',
  dgram_crash: 'DgramCrashHandler',
  file_transfer: 'FileTransferHandler',
};
const DATAGRAM_HANDLERS: ReadonlySet<HandlerName> = new Set(['dgram_echo', 'dgram_crash']);

type NumberOption = 'timeout' | 'poll_interval' | 'max_children' | 'request_queue_size' | 'max_packet_size' | 'handler_delay_ms';
type FlagOption = 'daemon_threads' | 'block_on_close' | 'allow_reuse_address';

/** Python's defaults (and the lab's, for the handler delay). */
const NUMBER_OPTIONS: ReadonlyArray<readonly [NumberOption, string, number]> = [
  ['poll_interval', '0.5', 0.001],
  ['timeout', 'None', 0],
  ['request_queue_size', '5', 1],
  ['max_children', '40', 1],
  ['max_packet_size', '8192', 1],
  ['handler_delay_ms', '200', 1],
];
const FLAG_OPTIONS: ReadonlyArray<readonly [FlagOption, boolean]> = [
  ['daemon_threads', false],
  ['block_on_close', true],
  ['allow_reuse_address', false],
];

/**
 * The form. `seed`: bases a lesson sent to the MRO playground (the form switches to them).
 * Memoized: the live page renders for every batch of events, and the form never depends on them.
 */
export const LabForm = memo(function LabForm({ request, seed = null }: { readonly request: LiveRequest; readonly seed?: PlaygroundSeed | null }) {
  const t = useT(TEXT);
  const lang = useContext(LangContext);
  const cpython = useContext(CPythonSourceContext);
  const [backend, setBackend] = useState<Backend>('core');
  const [kind, setKind] = useState<'public' | 'bases'>('public');
  const [server, setServer] = useState('ThreadingTCPServer');
  const [rejectAll, setRejectAll] = useState(false);
  const [basesText, setBasesText] = useState('TCPServer, ThreadingMixIn');
  const [className, setClassName] = useState('CustomServer');
  const [handler, setHandler] = useState<HandlerName>('slow_echo');
  const [numbers, setNumbers] = useState<Partial<Record<NumberOption, string>>>({});
  const [flags, setFlags] = useState<Partial<Record<FlagOption, boolean>>>({});
  const [mode, setMode] = useState<LabMode>('serve_forever');
  const [count, setCount] = useState('3');
  const [port, setPort] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A lesson's bases arrive: build from them.
  const seedN = seed?.n ?? null;
  const seedRef = useRef(seed);
  seedRef.current = seed;
  useEffect(() => {
    const current = seedRef.current;
    if (seedN === null || !current) return;
    setKind('bases');
    if (current.bases.length > 0) setBasesText(current.bases.join(', '));
    if (current.className) setClassName(current.className);
  }, [seedN]);

  const bases = useMemo(() => parseBases(basesText), [basesText]);
  const result: Linearization = useMemo(() => {
    if (kind === 'bases') return linearize(className.trim() || 'CustomServer', bases);
    if (rejectAll) return linearize(`RejectAll${server}`, ['RejectAll', server]);
    return linearize(server, CLASS_BASES[server] ?? []);
  }, [kind, className, bases, rejectAll, server]);
  const transport = result.ok ? result.transport : null;

  // A datagram server needs a datagram handler, and a stream server a stream one.
  useEffect(() => {
    if (transport === 'datagram' && !DATAGRAM_HANDLERS.has(handler)) setHandler('dgram_echo');
    if (transport === 'stream' && DATAGRAM_HANDLERS.has(handler)) setHandler('slow_echo');
  }, [transport, handler]);

  const start = async (): Promise<void> => {
    const options: LabOptions = buildOptions(numbers, flags);
    const which: Pick<CreateLabRequest, 'server' | 'bases' | 'class_name' | 'server_mixins'> =
      kind === 'bases'
        ? { bases, class_name: className.trim() || 'CustomServer' }
        : rejectAll
          ? { server, server_mixins: ['RejectAll'] }
          : { server };
    const portNumber = port.trim() === '' ? undefined : Number(port);
    setBusy(true);
    setError(null);
    const created = await request('create_lab', {
      ...which,
      handler,
      ...(backend === 'cpython' ? { backend } : {}),
      ...(Object.keys(options).length > 0 ? { options } : {}),
      ...(portNumber === undefined ? {} : { port: portNumber }),
    });
    if (!created.ok) {
      setBusy(false);
      setError(created.error);
      return;
    }
    const times = Math.max(1, Math.trunc(Number(count)) || 1);
    const ran = await request('run_lab', mode === 'handle_request' ? { lab: created.value.id, mode, handle_request_count: times } : { lab: created.value.id, mode });
    setBusy(false);
    if (!ran.ok) setError(ran.error);
  };

  return (
    <form
      className="lab-form"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <div className="segmented" role="radiogroup">
        <button type="button" role="radio" aria-checked={kind === 'public'} className={kind === 'public' ? 'is-on' : ''} onClick={() => setKind('public')}>
          {t('public')}
        </button>
        <button type="button" role="radio" aria-checked={kind === 'bases'} className={kind === 'bases' ? 'is-on' : ''} onClick={() => setKind('bases')}>
          {t('bases')}
        </button>
      </div>

      {kind === 'public' ? (
        <>
          <label className="field">
            <span>{t('serverClass')}</span>
            <select value={server} onChange={(e) => setServer(e.target.value)}>
              {PUBLIC_SERVER_CLASSES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label className="check small">
            <input type="checkbox" checked={rejectAll} onChange={(e) => setRejectAll(e.target.checked)} /> {t('rejectAll')}
          </label>
        </>
      ) : (
        <>
          <label className="field">
            <span>{t('className')}</span>
            <input className="mono" value={className} onChange={(e) => setClassName(e.target.value)} spellCheck={false} />
          </label>
          <label className="field">
            <span>{t('basesLabel')}</span>
            <input className="mono" value={basesText} onChange={(e) => setBasesText(e.target.value)} spellCheck={false} placeholder="ThreadingMixIn, TCPServer" />
          </label>
          <div className="base-picker">
            <select
              className="mono"
              value=""
              aria-label={t('pick')}
              onChange={(e) => {
                const b = e.target.value;
                if (b) setBasesText(bases.length ? `${bases.join(', ')}, ${b}` : b);
              }}
            >
              <option value="">＋ {t('pick')}</option>
              {BASE_NAMES.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
            <button type="button" className="btn btn--small" onClick={() => setBasesText('')} disabled={bases.length === 0}>
              {t('clear')}
            </button>
          </div>
          <p className="muted small">{t('basesHint')}</p>
        </>
      )}

      <MroPreview result={result} mroLabel={t('mro')} runsLabel={t('runs')} cannotServe={t('cannotServe')} />

      <label className="field">
        <span>{t('handler')}</span>
        <select value={handler} onChange={(e) => setHandler(e.target.value as HandlerName)}>
          <optgroup label={t('stream')}>
            {HANDLER_NAMES.filter((h) => !DATAGRAM_HANDLERS.has(h)).map((h) => (
              <option key={h} value={h} disabled={transport === 'datagram'}>
                {h} — {HANDLER_CLASS[h]}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('datagram')}>
            {HANDLER_NAMES.filter((h) => DATAGRAM_HANDLERS.has(h)).map((h) => (
              <option key={h} value={h} disabled={transport === 'stream'}>
                {h} — {HANDLER_CLASS[h]}
              </option>
            ))}
          </optgroup>
        </select>
      </label>

      <BackendChoice
        backend={backend}
        onBackend={setBackend}
        label={t('backend')}
        cpythonName={cpython.status === 'ready' ? backendLabel({ backend: 'cpython', backend_version: cpython.sources.version }, lang).short : t('cpythonChoice')}
        problem={backend === 'cpython' && cpython.status === 'error' ? t('cpythonProblem', { error: cpython.error }) : null}
      />

      <details className="options">
        <summary>{t('options')}</summary>
        <p className="muted small">{t('optionsHint')}</p>
        <div className="options__grid">
          {FLAG_OPTIONS.map(([name, dflt]) => (
            <label key={name} className="check mono small">
              <input type="checkbox" checked={flags[name] ?? dflt} onChange={(e) => setFlags({ ...flags, [name]: e.target.checked })} />
              {name}
            </label>
          ))}
          {NUMBER_OPTIONS.map(([name, dflt, min]) => (
            <label key={name} className="field field--inline">
              <span className="mono small">{name}</span>
              <input
                type="number"
                min={min}
                step="any"
                value={numbers[name] ?? ''}
                placeholder={t('defaultIs', { value: dflt })}
                onChange={(e) => setNumbers({ ...numbers, [name]: e.target.value })}
              />
            </label>
          ))}
          <label className="field field--inline">
            <span className="small">{t('port')}</span>
            <input type="number" min={1024} max={65535} value={port} placeholder={t('anyPort')} onChange={(e) => setPort(e.target.value)} />
          </label>
          <label className="field field--inline">
            <span className="small">{t('mode')}</span>
            <span className="inline">
              <select value={mode} onChange={(e) => setMode(e.target.value as LabMode)}>
                <option value="serve_forever">serve_forever()</option>
                <option value="handle_request">handle_request()</option>
              </select>
              {mode === 'handle_request' && (
                <>
                  <input type="number" min={1} max={1000} value={count} onChange={(e) => setCount(e.target.value)} aria-label={t('count')} className="narrow" />
                  <span className="small">{t('count')}</span>
                </>
              )}
            </span>
          </label>
        </div>
      </details>

      {error !== null && (
        <Notice title={t('failed')} onDismiss={() => setError(null)}>
          <code className="error-where">{error}</code>
        </Notice>
      )}

      <button type="submit" className="btn btn--primary btn--wide btn--big" disabled={busy || !result.ok || result.transport === null}>
        {busy ? (
          t('starting')
        ) : (
          <>
            <IconPlay /> {t('start')}
          </>
        )}
      </button>
    </form>
  );
});

/** Which implementation runs the lab, and how they differ (the threads). */
function BackendChoice({
  backend,
  onBackend,
  label,
  cpythonName,
  problem,
}: {
  readonly backend: Backend;
  readonly onBackend: (backend: Backend) => void;
  readonly label: string;
  readonly cpythonName: string;
  readonly problem: string | null;
}) {
  const lang = useContext(LangContext);
  const port = backendLabel({ backend: 'core' }, lang);
  const py = backendLabel({ backend: 'cpython' }, lang);
  const hintId = 'lab-form-backend-hint';
  return (
    <div className="field backend-choice">
      <span id="lab-form-backend">{label}</span>
      <div className="segmented" role="radiogroup" aria-labelledby="lab-form-backend" aria-describedby={hintId}>
        <button type="button" role="radio" aria-checked={backend === 'core'} className={backend === 'core' ? 'is-on' : ''} onClick={() => onBackend('core')} title={port.hint}>
          {port.label}
        </button>
        <button type="button" role="radio" aria-checked={backend === 'cpython'} className={backend === 'cpython' ? 'is-on' : ''} onClick={() => onBackend('cpython')} title={py.hint}>
          {cpythonName}
        </button>
      </div>
      <p id={hintId} className="muted small">
        {backend === 'core' ? port.hint : py.hint}
      </p>
      {problem !== null && <p className="error-text small">{problem}</p>}
    </div>
  );
}

/** The MRO before running: the chain, and which class's method runs — or the TypeError. */
export function MroPreview({ result, mroLabel, runsLabel, cannotServe }: { readonly result: Linearization; readonly mroLabel: string; readonly runsLabel: string; readonly cannotServe: string }) {
  if (!result.ok) {
    return (
      <div className="mro-preview mro-preview--error" role="alert">
        <pre className="mono">{result.error}</pre>
      </div>
    );
  }
  return (
    <div className="mro-preview">
      <div className="mro-preview__label small muted">{mroLabel}</div>
      <ol className="mro-chain">
        {result.mro.map((cls) => (
          <li key={cls}>
            <code>{cls}</code>
          </li>
        ))}
      </ol>
      {result.transport === null ? (
        <p className="error-text small">{cannotServe}</p>
      ) : (
        <details className="mro-preview__runs">
          <summary className="small muted">{runsLabel}</summary>
          <table className="small mono">
            <tbody>
              {Object.entries(result.resolution).map(([method, owner]) => (
                <tr key={method}>
                  <td>{method}</td>
                  <td>→ {owner}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}

function buildOptions(numbers: Partial<Record<NumberOption, string>>, flags: Partial<Record<FlagOption, boolean>>): LabOptions {
  const options: Record<string, number | boolean> = {};
  for (const [name, dflt] of FLAG_OPTIONS) {
    const value = flags[name];
    if (value !== undefined && value !== dflt) options[name] = value;
  }
  for (const [name] of NUMBER_OPTIONS) {
    const text = (numbers[name] ?? '').trim();
    if (text === '') continue;
    const value = Number(text);
    if (Number.isFinite(value)) options[name] = name === 'poll_interval' || name === 'timeout' ? value : Math.trunc(value);
  }
  return options;
}
