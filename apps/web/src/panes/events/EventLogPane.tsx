/**
 * The event log: every event, filterable by kind, by text in Class.method or the thread's
 * name, and by lane; virtualized, so 100 000 events scroll smoothly. The cursor's event is
 * highlighted and kept in view; click a row to move the cursor there, or use ↑/↓ (PgUp/PgDn,
 * Home/End) while the list has focus.
 */
import { memo, useCallback, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { TraceEvent } from '@sockscope/core/trace';
import { useT, type Catalog } from '../../i18n/i18n.js';
import type { Lane } from '../../model/lanes.js';
import type { TraceModel } from '../../model/trace-model.js';
import type { PaneProps } from '../pane-props.js';
import { cx, roleClass, type PresenterProps } from '../pane-common.js';
import { PaneFrame } from '../PaneFrame.js';
import { eventSummary, filterEvents, laneChoices, formatMs, GROUP_OF, keyTarget, KIND_GROUPS, rowOf, type EventFilter, type KindGroup } from './events.js';
import { VirtualList } from './VirtualList.js';
import './events.css';

type Key =
  | 'title' | 'count' | 'search' | 'searchLabel' | 'allLanes' | 'moreLanes' | 'laneLabel' | 'kinds' | 'colSeq' | 'colTime'
  | 'colLane' | 'colKind' | 'colWhat' | 'none' | 'list' | 'hint' | KindGroup;

const catalog: Catalog<Key> = {
  en: {
    title: 'Event log',
    count: '{shown} of {total} events',
    search: 'Class.method or thread…',
    searchLabel: 'Filter by text in Class.method or the thread name',
    allLanes: 'All lanes',
    moreLanes: '(+{n} older, not listed)',
    laneLabel: 'Show one lane',
    kinds: 'Kinds of event',
    colSeq: '#',
    colTime: 'ms',
    colLane: 'thread',
    colKind: 'kind',
    colWhat: 'details',
    none: 'No event matches the filter.',
    list: 'Events',
    hint: '↑/↓ move the cursor',
    calls: 'calls',
    sockets: 'sockets',
    select: 'select',
    threads: 'threads',
    processes: 'processes',
    notes: 'notes',
  },
  'zh-CN': {
    title: '事件日志',
    count: '显示 {shown} / 共 {total} 个事件',
    search: 'Class.method 或线程名…',
    searchLabel: '按 Class.method 或线程名中的文字筛选',
    allLanes: '全部泳道',
    moreLanes: '（另有 {n} 条较早的泳道未列出）',
    laneLabel: '只看一条泳道',
    kinds: '事件类别',
    colSeq: '#',
    colTime: '毫秒',
    colLane: '线程',
    colKind: '类型',
    colWhat: '详情',
    none: '没有符合筛选条件的事件。',
    list: '事件',
    hint: '↑/↓ 移动光标',
    calls: '调用',
    sockets: '套接字',
    select: 'select',
    threads: '线程',
    processes: '进程',
    notes: '备注',
  },
};

/** Props of EventLogPane. */
export type EventLogPaneProps = PaneProps & PresenterProps;

interface Cache {
  readonly model: TraceModel;
  readonly key: string;
  readonly length: number;
  readonly rows: number[];
}

/** The event log pane. */
export function EventLogPane({ model, version, state, onCursor, presenter = false }: EventLogPaneProps) {
  const t = useT(catalog);
  const idBase = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const [text, setText] = useState('');
  const [groups, setGroups] = useState<ReadonlySet<KindGroup>>(() => new Set(KIND_GROUPS));
  const [lane, setLane] = useState<string | null>(null);
  const deferredText = useDeferredValue(text);
  const filter = useMemo<EventFilter>(() => ({ groups, text: deferredText, lane }), [groups, deferredText, lane]);

  // Filtering is incremental: events only ever get appended, so a grown model filters its new
  // tail into the same rows (earlier rows never change).
  const cache = useRef<Cache | null>(null);
  const rows = useMemo(() => {
    const key = `${[...filter.groups].sort().join()}|${filter.text.trim().toLowerCase()}|${filter.lane ?? ''}`;
    const c = cache.current;
    let next: number[];
    if (c?.model === model && c.key === key && c.length <= model.length) {
      next = c.length === model.length ? c.rows : filterEvents(model.events, filter, c.length, model.length, c.rows);
    } else {
      next = filterEvents(model.events, filter);
    }
    cache.current = { model, key, length: model.length, rows: next };
    return next;
    // `version` says when the (mutated in place) model grew.
  }, [model, version, filter]);

  const lanes = useMemo(() => model.orderedLanes(), [model, version]);
  const laneByKey = useMemo(() => new Map(lanes.map((l) => [l.key, l])), [lanes]);
  const choices = useMemo(() => laneChoices(lanes, lane), [lanes, lane]);
  const t0 = model.events[0]?.t_ns ?? 0;
  const cursor = rowOf(rows, state.index);
  const rowHeight = presenter ? 32 : 24;
  const rowId = (row: number) => `${idBase}-row-${row}`;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, page: number) => {
    // When the cursor's event is filtered out, ↑ goes to the shown event just before it.
    const from = e.key === 'ArrowUp' && !cursor.exact && cursor.row >= 0 ? cursor.row + 1 : cursor.row;
    const target = keyTarget(e.key, from, rows.length, page);
    if (target === null) return;
    e.preventDefault();
    const index = rows[target];
    if (index !== undefined) onCursor(index);
  };

  // One stable click handler for every row (rows are memoized), reading the latest onCursor.
  const onCursorRef = useRef(onCursor);
  useLayoutEffect(() => {
    onCursorRef.current = onCursor;
  }, [onCursor]);
  const onRowClick = useCallback((index: number) => onCursorRef.current(index), []);

  const renderRow = (row: number, style: CSSProperties) => {
    const index = rows[row] ?? 0;
    const e = model.events[index];
    if (!e) return null;
    return (
      <EventRow
        key={index}
        id={rowId(row)}
        index={index}
        e={e}
        lane={laneByKey.get(`${e.pid}:${e.tid}`)}
        ms={(e.t_ns - t0) / 1e6}
        lit={cursor.exact && cursor.row === row}
        after={!cursor.exact && cursor.row === row}
        top={style.top as number}
        height={rowHeight}
        onClick={onRowClick}
      />
    );
  };

  const toggle = (g: KindGroup) => {
    const next = new Set(groups);
    if (next.has(g)) next.delete(g);
    else next.add(g);
    setGroups(next);
  };

  return (
    <PaneFrame
      title={t('title')}
      subtitle={t('count', { shown: rows.length.toLocaleString(), total: model.length.toLocaleString() })}
      presenter={presenter}
      className="ss-events"
      scrollBody={false}
    >
      <div className="ss-events-filters">
        <input
          type="search"
          className="ss-events-search"
          value={text}
          placeholder={t('search')}
          aria-label={t('searchLabel')}
          onChange={(e) => setText(e.target.value)}
        />
        <select className="ss-events-lane" value={lane ?? ''} aria-label={t('laneLabel')} onChange={(e) => setLane(e.target.value === '' ? null : e.target.value)}>
          <option value="">{t('allLanes')}</option>
          {choices.shown.map((l) => (
            <option key={l.key} value={l.key}>
              {l.name} ({l.role === 'child' ? `pid ${l.pid}` : l.role})
            </option>
          ))}
          {choices.hidden > 0 && <option disabled>{t('moreLanes', { n: choices.hidden })}</option>}
        </select>
        <span className="ss-events-groups" role="group" aria-label={t('kinds')}>
          {KIND_GROUPS.map((g) => (
            <button key={g} type="button" className={cx('ss-button', `ss-events-chip--${g}`)} aria-pressed={groups.has(g)} onClick={() => toggle(g)}>
              {t(g)}
            </button>
          ))}
        </span>
      </div>
      <div className="ss-events-head" aria-hidden="true">
        <span className="ss-events-seq">{t('colSeq')}</span>
        <span className="ss-events-ms">{t('colTime')}</span>
        <span>{t('colLane')}</span>
        <span>{t('colKind')}</span>
        <span>{t('colWhat')}</span>
      </div>
      {rows.length === 0 && <p className="ss-pane__empty ss-events-none">{t('none')}</p>}
      <VirtualList
        className="ss-events-list"
        count={rows.length}
        rowHeight={rowHeight}
        renderRow={renderRow}
        keepInView={cursor.row >= 0 ? cursor.row : null}
        label={`${t('list')} — ${t('hint')}`}
        activeId={cursor.exact ? rowId(cursor.row) : undefined}
        onKeyDown={onKeyDown}
      />
    </PaneFrame>
  );
}

/** One row; memoized, so scrolling renders only the rows that come into view. */
const EventRow = memo(function EventRow(props: {
  readonly id: string;
  readonly index: number;
  readonly e: TraceEvent;
  readonly lane: Lane | undefined;
  readonly ms: number;
  readonly lit: boolean;
  readonly after: boolean;
  readonly top: number;
  readonly height: number;
  readonly onClick: (index: number) => void;
}) {
  const { id, index, e, lane, ms, lit, after, top, height, onClick } = props;
  return (
    <div
      id={id}
      role="option"
      aria-selected={lit}
      className={cx(
        'ss-events-row',
        `ss-events-row--${GROUP_OF[e.kind]}`,
        `ss-events-kind--${e.kind}`,
        lit && 'ss-events-row--lit',
        after && 'ss-events-row--before-cursor',
      )}
      style={{ position: 'absolute', top, left: 0, right: 0, height }}
      onClick={() => onClick(index)}
    >
      <span className="ss-events-seq">{e.seq}</span>
      <span className="ss-events-ms">{formatMs(ms)}</span>
      <span className={cx('ss-events-lane-name', lane && roleClass(lane.role))} title={lane?.name ?? e.thread}>
        {lane?.role === 'child' ? `pid ${e.pid} · ` : ''}
        {e.thread}
      </span>
      <span className="ss-events-kind">{e.kind}</span>
      <span className="ss-events-what">{eventSummary(e)}</span>
    </div>
  );
});
