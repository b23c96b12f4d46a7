/**
 * The watched lab: what it is, how to reach it from a terminal (`nc …`, with a copy
 * button), and — for the presenter — scripted clients, shutdown / close, recording. Anyone
 * can save what is on screen.
 */
import type { LabSummary, SockAddr } from '@sockscope/core/trace';
import { memo, useState } from 'react';
import { useT, type Catalog } from '../../i18n/i18n.js';
import type { TraceModel } from '../../model/trace-model.js';
import { BackendBadge } from '../../panes/BackendBadge.js';
import { downloadChromeTrace, downloadTrace, traceHeader } from '../../transport/download.js';
import { Notice } from '../Notice.js';
import { clientSpecs, DEFAULT_STEPS, parseSteps } from './client-steps.js';
import type { LiveRequest } from './live-types.js';

const TEXT: Catalog<
  | 'handler'
  | 'address'
  | 'reach'
  | 'copy'
  | 'copied'
  | 'copyFailed'
  | 'clients'
  | 'count'
  | 'stagger'
  | 'steps'
  | 'stepsHint'
  | 'spawn'
  | 'spawned'
  | 'shutdown'
  | 'close'
  | 'record'
  | 'stopRecording'
  | 'recordingTo'
  | 'save'
  | 'chrome'
  | 'events'
  | 'failed'
  | 'stepsError'
  | 'state_created'
  | 'state_serving'
  | 'state_shutting_down'
  | 'state_stopped'
  | 'state_closed'
  | 'state_failed'
> = {
  en: {
    handler: 'handler',
    address: 'address',
    reach: 'Reach it from a terminal',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Select and copy',
    clients: 'Scripted clients',
    count: 'Clients',
    stagger: 'every (ms)',
    steps: 'Each client’s steps',
    stepsHint: 'One per line: send TEXT (\\n for a newline, {i} for the client’s number), recv, sleep_ms N, shut_wr, close.',
    spawn: 'Spawn {n} clients',
    spawned: '{n} clients started',
    shutdown: 'shutdown()',
    close: 'server_close() and remove',
    record: '● Record',
    stopRecording: '■ Stop recording',
    recordingTo: 'recording to {name}',
    save: 'Save .jsonl',
    chrome: 'Export for Perfetto',
    events: '{n} events here',
    failed: 'The live lab said no',
    stepsError: 'line {line}: {error}',
    state_created: 'created',
    state_serving: 'serving',
    state_shutting_down: 'shutting down',
    state_stopped: 'stopped',
    state_closed: 'closed',
    state_failed: 'failed',
  },
  'zh-CN': {
    handler: '处理器',
    address: '地址',
    reach: '在终端中连接它',
    copy: '复制',
    copied: '已复制',
    copyFailed: '请手动选择并复制',
    clients: '脚本客户端',
    count: '客户端数',
    stagger: '间隔（毫秒）',
    steps: '每个客户端的步骤',
    stepsHint: '每行一步：send 文本（\\n 表示换行，{i} 表示客户端编号）、recv、sleep_ms N、shut_wr、close。',
    spawn: '启动 {n} 个客户端',
    spawned: '已启动 {n} 个客户端',
    shutdown: 'shutdown()',
    close: 'server_close() 并移除',
    record: '● 录制',
    stopRecording: '■ 停止录制',
    recordingTo: '正在录制到 {name}',
    save: '保存为 .jsonl',
    chrome: '导出到 Perfetto',
    events: '此处共 {n} 个事件',
    failed: '实时实验拒绝了请求',
    stepsError: '第 {line} 行：{error}',
    state_created: '已创建',
    state_serving: '服务中',
    state_shutting_down: '正在关闭',
    state_stopped: '已停止',
    state_closed: '已关闭',
    state_failed: '失败',
  },
};

/** Python's repr of an address: `('127.0.0.1', 40123)` or `'/tmp/…/sock'`. */
export function formatAddress(addr: SockAddr): string {
  if (addr === null) return 'None';
  if (typeof addr === 'string') return `'${addr}'`;
  return `(${addr.map((p) => (typeof p === 'string' ? `'${p}'` : String(p))).join(', ')})`;
}

/** The card. */
export function LabCard({
  lab,
  model,
  canControl,
  request,
}: {
  readonly lab: LabSummary;
  readonly model: TraceModel | null;
  readonly canControl: boolean;
  readonly request: LiveRequest;
}) {
  const t = useT(TEXT);
  const [count, setCount] = useState('3');
  const [stagger, setStagger] = useState('0');
  const [steps, setSteps] = useState(DEFAULT_STEPS);
  const [error, setError] = useState<string | null>(null);
  const [spawned, setSpawned] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = parseSteps(steps);
  const n = Math.min(50, Math.max(1, Math.trunc(Number(count)) || 1));
  const running = lab.state === 'serving' || lab.state === 'created';

  const act = async (run: () => Promise<{ ok: boolean; error?: string }>, clients?: number): Promise<void> => {
    setBusy(true);
    setError(null);
    setSpawned(null);
    const reply = await run();
    setBusy(false);
    if (!reply.ok) setError(reply.error ?? '?');
    else if (clients !== undefined) setSpawned(clients);
  };

  const spawn = (): void => {
    if (!parsed.ok) return;
    void act(async () => {
      const reply = await request('spawn_clients', { lab: lab.id, clients: clientSpecs(parsed.steps, n, Number(stagger) || 0) });
      return reply.ok ? { ok: true } : reply;
    }, n);
  };

  return (
    <div className="lab-card">
      <div className="lab-card__head">
        <span className="mono">{lab.id}</span>
        <span className={`badge badge--${lab.state}`}>{t(`state_${lab.state}`)}</span>
      </div>
      <div>
        <BackendBadge info={lab} />
      </div>
      <div>
        <code className="strong">{lab.server_class}</code> · <span className="muted">{t('handler')}</span> <code>{lab.handler_class}</code>
      </div>
      <div className="small">
        <span className="muted">{t('address')}</span> <code>{formatAddress(lab.address)}</code>
        {model && <span className="muted"> · {t('events', { n: model.length })}</span>}
      </div>
      {lab.error !== null && <Notice title={lab.error} />}
      {lab.recording !== null && <div className="recording-flag small">● {t('recordingTo', { name: lab.recording })}</div>}

      {lab.external_commands.length > 0 && (
        <div className="reach">
          <div className="small muted">{t('reach')}</div>
          {lab.external_commands.map((c) => (
            <CopyLine key={c.command} label={c.label} text={c.command} />
          ))}
        </div>
      )}

      {canControl && (
        <>
          <details className="clients" open={running}>
            <summary>{t('clients')}</summary>
            <div className="inline">
              <label className="field field--inline">
                <span className="small">{t('count')}</span>
                <input type="number" min={1} max={50} value={count} onChange={(e) => setCount(e.target.value)} className="narrow" />
              </label>
              <label className="field field--inline">
                <span className="small">{t('stagger')}</span>
                <input type="number" min={0} max={60000} value={stagger} onChange={(e) => setStagger(e.target.value)} className="narrow" />
              </label>
            </div>
            <label className="field">
              <span className="small">{t('steps')}</span>
              <textarea className="mono" rows={3} value={steps} onChange={(e) => setSteps(e.target.value)} spellCheck={false} aria-invalid={!parsed.ok} />
            </label>
            {parsed.ok ? <p className="muted small">{t('stepsHint')}</p> : <p className="error-text small">{t('stepsError', { line: parsed.line, error: parsed.error })}</p>}
            <button type="button" className="btn btn--primary btn--wide" disabled={busy || !parsed.ok || !running} onClick={spawn}>
              {t('spawn', { n })}
            </button>
            {spawned !== null && <p className="muted small">{t('spawned', { n: spawned })}</p>}
          </details>
          <div className="btn-row">
            {lab.recording === null ? (
              <button type="button" className="btn" disabled={busy} onClick={() => void act(() => request('start_recording', { lab: lab.id }))}>
                {t('record')}
              </button>
            ) : (
              <button type="button" className="btn btn--danger-outline" disabled={busy} onClick={() => void act(() => request('stop_recording', { lab: lab.id }))}>
                {t('stopRecording')}
              </button>
            )}
            <button type="button" className="btn mono" disabled={busy || lab.state !== 'serving'} onClick={() => void act(() => request('shutdown_lab', { lab: lab.id }))}>
              {t('shutdown')}
            </button>
            <button type="button" className="btn mono" disabled={busy} onClick={() => void act(() => request('close_lab', { lab: lab.id }))}>
              {t('close')}
            </button>
          </div>
        </>
      )}
      {error !== null && (
        <Notice title={t('failed')} onDismiss={() => setError(null)}>
          <code className="error-where">{error}</code>
        </Notice>
      )}
      {model && model.length > 0 && (
        <div className="btn-row">
          <button type="button" className="btn btn--small" onClick={() => downloadTrace(`${lab.id}-${lab.server_class}`, traceHeader(lab), model.events)}>
            {t('save')}
          </button>
          <button type="button" className="btn btn--small" onClick={() => downloadChromeTrace(`${lab.id}-${lab.server_class}`, lab, model.events)}>
            {t('chrome')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * A command with a copy button (the clipboard API, else select-and-copy on plain http).
 * Memoized: the card re-renders with every batch of live events, and a controlled input
 * that re-renders has its attributes written again.
 */
const CopyLine = memo(function CopyLine({ label, text }: { readonly label: string; readonly text: string }) {
  const t = useT(TEXT);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async (input: HTMLInputElement | null): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // A classroom on http://192.168.…: no clipboard API; the old way still works.
      input?.select();
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only copy on insecure origins
      setState(document.execCommand('copy') ? 'copied' : 'failed');
    }
    setTimeout(() => setState('idle'), 1500);
  };
  let field: HTMLInputElement | null = null;
  return (
    <div className="copy-line" title={label}>
      <input
        ref={(el) => {
          field = el;
        }}
        className="mono"
        readOnly
        value={text}
        onFocus={(e) => e.target.select()}
        aria-label={label}
      />
      <button type="button" className="btn btn--small" onClick={() => void copy(field)}>
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : t('copy')}
      </button>
    </div>
  );
});
