/**
 * Stand-ins for the timeline and the panes until they are wired in app/panes.ts: each says
 * what will be there and shows the plainest useful view of the same PaneProps (the MRO, the
 * stacks at the cursor, the events around it), so the shell can be used and checked alone.
 */
import { qualified } from '../model/spans.js';
import type { PaneProps } from '../panes/pane-props.js';
import { useT, type Catalog } from '../i18n/i18n.js';
import type { PaneId } from './panes.js';

const TEXT: Catalog<'placeholder' | 'timeline' | 'mro' | 'callpath' | 'connections' | 'events' | 'source' | 'noEvent' | 'idle' | 'noTrace'> = {
  en: {
    placeholder: 'placeholder until the pane is wired',
    timeline: 'Timeline',
    mro: 'MRO',
    callpath: 'Call path',
    connections: 'Connections',
    events: 'Events',
    source: 'Source',
    noEvent: 'No event at the cursor yet.',
    idle: '(idle)',
    noTrace: 'Nothing loaded.',
  },
  'zh-CN': {
    placeholder: '占位视图，待正式窗格接入',
    timeline: '时间线',
    mro: 'MRO（方法解析顺序）',
    callpath: '调用路径',
    connections: '连接',
    events: '事件',
    source: '源码',
    noEvent: '光标处还没有事件。',
    idle: '（空闲）',
    noTrace: '尚未加载任何内容。',
  },
};

/** A pane's title, as the placeholders and the tabs show it. */
export function usePaneTitle(): (id: PaneId | 'timeline') => string {
  const t = useT(TEXT);
  return (id) => t(id);
}

/** The placeholder for one slot. */
export function Placeholder({ id, props }: { readonly id: PaneId | 'timeline'; readonly props: PaneProps }) {
  const t = useT(TEXT);
  return (
    <section className="placeholder" aria-label={t(id)} data-placeholder={id}>
      <header className="placeholder__head">
        <h2>{t(id)}</h2>
        <span className="placeholder__note">{t('placeholder')}</span>
      </header>
      <div className="placeholder__body">
        {props.model.length === 0 ? <p className="muted">{t('noTrace')}</p> : <Fallback id={id} props={props} />}
      </div>
    </section>
  );
}

function Fallback({ id, props }: { readonly id: PaneId | 'timeline'; readonly props: PaneProps }) {
  const t = useT(TEXT);
  const { state, description, model, onCursor } = props;
  switch (id) {
    case 'mro':
      return (
        <ol className="ph-mro">
          {(description?.mro ?? []).map((cls) => (
            <li key={cls} className={state.active?.cls === cls ? 'is-lit' : undefined}>
              <code>{cls}</code>
            </li>
          ))}
        </ol>
      );
    case 'callpath':
      return (
        <div className="ph-stacks">
          {state.stacks.map(({ lane, frames }) => (
            <div key={lane.key} className="ph-stack">
              <div className="ph-stack__lane">{lane.name}</div>
              {frames.length === 0 ? (
                <div className="muted">{t('idle')}</div>
              ) : (
                frames.map((f) => (
                  <div key={f.id} style={{ paddingLeft: `${f.depth * 10}px` }}>
                    <code>{qualified(f)}</code>
                  </div>
                ))
              )}
            </div>
          ))}
        </div>
      );
    case 'timeline': {
      const e = state.event;
      const pct = model.length > 1 ? (state.index / (model.length - 1)) * 100 : 0;
      return (
        <div className="ph-timeline">
          <div className="ph-timeline__bar">
            <div style={{ width: `${pct}%` }} />
          </div>
          {e ? (
            <p>
              <b>#{e.seq}</b> <code>{e.kind}</code> · {e.thread}
              {state.active && (
                <>
                  {' '}· <code>{`${state.active.cls}.${state.active.method}`}</code>
                </>
              )}
            </p>
          ) : (
            <p className="muted">{t('noEvent')}</p>
          )}
          <p className="muted">
            {model.orderedLanes().map((l) => l.name).join(' · ')}
          </p>
        </div>
      );
    }
    case 'events': {
      const from = Math.max(0, state.index - 40);
      const rows = model.events.slice(from, from + 120);
      return (
        <table className="ph-events">
          <tbody>
            {rows.map((e, i) => (
              <tr key={e.seq} className={from + i === state.index ? 'is-cursor' : undefined} onClick={() => onCursor(from + i)}>
                <td>#{e.seq}</td>
                <td>{e.thread}</td>
                <td>
                  <code>{e.kind === 'call' || e.kind === 'return' || e.kind === 'exception' ? `${e.kind} ${e.cls}.${e.method}` : e.kind}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    default:
      return <p className="muted">{state.event ? `#${state.event.seq} ${state.event.kind}` : t('noEvent')}</p>;
  }
}
