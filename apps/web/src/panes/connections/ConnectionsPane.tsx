/**
 * The connections pane: per client connection (or datagram peer), the bytes the server
 * received and sent up to the cursor — as Python's bytes literal and in hex, with their
 * event numbers — next to the thread or process that served it. Click a row to go there.
 */
import { useMemo } from 'react';
import { useT, type Catalog, type Translate } from '../../i18n/i18n.js';
import type { Lane } from '../../model/lanes.js';
import type { TraceModel } from '../../model/trace-model.js';
import type { PaneProps } from '../pane-props.js';
import { cx, formatAddress, roleClass, type PresenterProps } from '../pane-common.js';
import { PaneFrame } from '../PaneFrame.js';
import { buildConnections, connectionsAt, type ConnectionAt, type Transfer } from './connections.js';
import './connections.css';

type Key =
  | 'title' | 'summary' | 'none' | 'stream' | 'datagram' | 'open' | 'closed' | 'servedBy' | 'notYet' | 'client'
  | 'colSeq' | 'colDir' | 'colBytes' | 'colText' | 'colHex' | 'in' | 'out' | 'cut' | 'handed' | 'go' | 'bytes'
  | 'roleMain' | 'roleLoop' | 'roleWorker' | 'roleChild' | 'roleClient' | 'noBytes';

const catalog: Catalog<Key> = {
  en: {
    title: 'Connections',
    summary: '{n} so far · {in} B in · {out} B out',
    none: 'No client has connected yet.',
    stream: 'connection',
    datagram: 'datagram peer',
    open: 'open',
    closed: 'closed',
    servedBy: 'served by',
    notYet: 'not served yet',
    client: 'client',
    colSeq: 'event',
    colDir: '',
    colBytes: 'bytes',
    colText: 'text',
    colHex: 'hex',
    in: 'in',
    out: 'out',
    cut: 'the first bytes of {n}',
    handed: 'handed to child pid {pid}',
    go: 'Go to event {n}',
    bytes: '{n} B',
    roleMain: 'main',
    roleLoop: 'loop',
    roleWorker: 'request thread',
    roleChild: 'child process',
    roleClient: 'client',
    noBytes: 'No bytes yet.',
  },
  'zh-CN': {
    title: '连接',
    summary: '目前 {n} 个 · 收到 {in} 字节 · 发出 {out} 字节',
    none: '还没有客户端连接。',
    stream: '连接',
    datagram: '数据报对端',
    open: '打开',
    closed: '已关闭',
    servedBy: '处理者',
    notYet: '尚未处理',
    client: '客户端',
    colSeq: '事件',
    colDir: '',
    colBytes: '字节',
    colText: '文本',
    colHex: '十六进制',
    in: '收',
    out: '发',
    cut: '共 {n} 字节中的前一部分',
    handed: '已交给子进程 pid {pid}',
    go: '跳到第 {n} 个事件',
    bytes: '{n} 字节',
    roleMain: '主线程',
    roleLoop: '主循环',
    roleWorker: '请求线程',
    roleChild: '子进程',
    roleClient: '客户端',
    noBytes: '还没有收发字节。',
  },
};

const ROLE_KEY = { main: 'roleMain', loop: 'roleLoop', worker: 'roleWorker', child: 'roleChild', client: 'roleClient' } as const;

/** Props of ConnectionsPane. */
export type ConnectionsPaneProps = PaneProps & PresenterProps;

/** The connections pane. */
export function ConnectionsPane({ model, version, state, onCursor, presenter = false }: ConnectionsPaneProps) {
  const t = useT(catalog);
  // The model is mutated in place; `version` says when it grew.
  const all = useMemo(() => buildConnections(model), [model, version]);
  const shown = connectionsAt(all, state.index);
  const totalIn = shown.reduce((s, c) => s + c.bytesIn, 0);
  const totalOut = shown.reduce((s, c) => s + c.bytesOut, 0);
  return (
    <PaneFrame
      title={t('title')}
      subtitle={t('summary', { n: shown.length, in: totalIn, out: totalOut })}
      presenter={presenter}
      className="ss-conn"
    >
      {shown.length === 0 && <p className="ss-pane__empty">{t('none')}</p>}
      <ol className="ss-conn-list">
        {shown.map((c, i) => (
          <ConnectionCard key={c.conn.id} n={i + 1} at={c} model={model} cursor={state.index} onCursor={onCursor} t={t} />
        ))}
      </ol>
    </PaneFrame>
  );
}

function laneOf(model: TraceModel, key: string): Lane | undefined {
  return model.lanes.get(key);
}

function ConnectionCard(props: {
  readonly n: number;
  readonly at: ConnectionAt;
  readonly model: TraceModel;
  readonly cursor: number;
  readonly onCursor: (index: number) => void;
  readonly t: Translate<Key>;
}) {
  const { n, at, model, cursor, onCursor, t } = props;
  const { conn } = at;
  const served = conn.servedBy.filter((key) => at.transfers.some((x) => x.lane === key));
  const handed = conn.child && conn.life.some((l) => l.kind === 'fork' && l.index <= cursor) ? conn.child : null;
  const client = conn.client ? laneOf(model, conn.client.lane) : undefined;
  return (
    <li className={cx('ss-conn-card', at.status === 'closed' && 'ss-conn-card--closed', at.current && 'ss-conn-card--current')}>
      <div className="ss-conn-card__main">
        <header className="ss-conn-card__head">
          <span className="ss-conn-card__n">#{n}</span>
          <code className="ss-code ss-conn-card__peer">{formatAddress(conn.peer)}</code>
          <span className="ss-conn-card__meta">
            {t(conn.kind)} · fd {conn.fd}
            {handed && <> · {t('handed', { pid: handed.pid })}{handed.fd !== null && <> (fd {handed.fd})</>}</>}
          </span>
          <span className={cx('ss-conn-status', `ss-conn-status--${at.status}`)}>{at.status === 'open' ? `● ${t('open')}` : `○ ${t('closed')}`}</span>
        </header>
        {at.transfers.length === 0 ? (
          <p className="ss-conn-nobytes">{t('noBytes')}</p>
        ) : (
          <table className="ss-conn-table">
            <thead>
              <tr>
                <th scope="col">{t('colSeq')}</th>
                <th scope="col">{t('colDir')}</th>
                <th scope="col" className="ss-conn-num">{t('colBytes')}</th>
                <th scope="col">{t('colText')}</th>
                <th scope="col">{t('colHex')}</th>
              </tr>
            </thead>
            <tbody>
              {at.transfers.map((x) => (
                <TransferRow key={x.index} x={x} lit={x.index === cursor} onCursor={onCursor} t={t} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      <aside className="ss-conn-card__side">
        <span className="ss-conn-side__label">{t('servedBy')}</span>
        {served.length === 0 && <span className="ss-conn-side__none">{t('notYet')}</span>}
        {served.map((key) => {
          const lane = laneOf(model, key);
          return (
            <span key={key} className={cx('ss-conn-lane', lane && roleClass(lane.role))}>
              <span className="ss-conn-lane__name">{lane?.name ?? key}</span>
              {lane && <span className="ss-badge">{lane.role === 'child' ? `pid ${lane.pid}` : t(ROLE_KEY[lane.role])}</span>}
            </span>
          );
        })}
        {client && (
          <>
            <span className="ss-conn-side__label">{t('client')}</span>
            <span className={cx('ss-conn-lane', roleClass('client'))}>
              <span className="ss-conn-lane__name">{client.name}</span>
            </span>
          </>
        )}
      </aside>
    </li>
  );
}

function TransferRow(props: { readonly x: Transfer; readonly lit: boolean; readonly onCursor: (index: number) => void; readonly t: Translate<Key> }) {
  const { x, lit, onCursor, t } = props;
  const go = () => onCursor(x.index);
  return (
    <tr
      className={cx('ss-conn-row', `ss-conn-row--${x.dir}`, lit && 'ss-conn-row--lit')}
      tabIndex={0}
      title={t('go', { n: x.seq })}
      aria-current={lit ? 'true' : undefined}
      onClick={go}
      onKeyDown={(ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          go();
        }
      }}
    >
      <td className="ss-conn-num">{x.seq}</td>
      <td className="ss-conn-dir">
        <span aria-hidden="true">{x.dir === 'in' ? '⇐' : '⇒'}</span> {x.dir === 'in' ? 'recv' : 'send'}
        <span className="ss-visually-hidden"> ({t(x.dir)})</span>
      </td>
      <td className="ss-conn-num">{x.nbytes}</td>
      <td>
        <code className="ss-code ss-conn-text" title={x.truncated ? t('cut', { n: x.nbytes }) : undefined}>
          {x.preview}
        </code>
      </td>
      <td>
        <code className="ss-code ss-conn-hex">
          {x.hex}
          {x.truncated && ' …'}
        </code>
      </td>
    </tr>
  );
}
