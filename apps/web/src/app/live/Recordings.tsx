/** The runtime's recordings: open one in the replay, or download it (`/recordings/NAME`). */
import type { RecordingInfo } from '@sockscope/core/trace';
import { memo, useContext } from 'react';
import { LangContext, useT, type Catalog } from '../../i18n/i18n.js';
import { BackendBadge } from '../../panes/BackendBadge.js';

const TEXT: Catalog<'none' | 'open' | 'download' | 'events' | 'writing'> = {
  en: {
    none: 'No recordings yet. Record a lab to replay it later, here or at home.',
    open: 'Replay',
    download: 'Download',
    events: '{n} events',
    writing: 'cut short: its last line is left out',
  },
  'zh-CN': {
    none: '还没有录制。录制一个实验，之后可以在这里或在家中回放。',
    open: '回放',
    download: '下载',
    events: '{n} 个事件',
    writing: '文件不完整：最后一行被忽略',
  },
};

/** The list. Memoized: the live page renders for every batch of events, and the list never depends on them. */
export const Recordings = memo(function Recordings({ recordings, onOpen }: { readonly recordings: readonly RecordingInfo[]; readonly onOpen: (path: string) => void }) {
  const t = useT(TEXT);
  const lang = useContext(LangContext);
  if (recordings.length === 0) return <p className="muted small">{t('none')}</p>;
  return (
    <ul className="recordings">
      {[...recordings].reverse().map((r) => (
        <li key={r.name} className="recording">
          <div className="recording__name mono" title={r.name}>
            {r.name}
          </div>
          <div className="small muted">
            {r.backend && <BackendBadge info={{ backend: r.backend, ...(r.backend_version ? { backend_version: r.backend_version } : {}) }} short />}{' '}
            <code>{r.server_class}</code> · {t('events', { n: r.events })} · {new Date(r.created_at).toLocaleTimeString(lang)}
            {!r.complete && <> · {t('writing')}</>}
          </div>
          <div className="btn-row">
            <button type="button" className="btn btn--small btn--primary" onClick={() => onOpen(`recordings/${r.name}`)}>
              {t('open')}
            </button>
            <a className="btn btn--small" href={`/recordings/${encodeURIComponent(r.name)}`} download={`${r.name}.jsonl`}>
              {t('download')}
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
});
