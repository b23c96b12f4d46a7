/**
 * The workspace: a CSS grid with the MRO and the call path on the left, the timeline large
 * in the centre, and tabs (connections, events, source) below it. The left column and the
 * tabs collapse, so a projected timeline can have the whole screen.
 */
import { Component, Suspense, useState, type ReactNode } from 'react';
import { useT, type Catalog } from '../i18n/i18n.js';
import type { PaneProps } from '../panes/pane-props.js';
import { LEFT_PANES, PANES, TAB_PANES, TIMELINE, type PaneId, type Slot } from './panes.js';
import { Placeholder, usePaneTitle } from './Placeholders.js';

const TEXT: Catalog<'hideLeft' | 'showLeft' | 'hideBottom' | 'showBottom' | 'loading' | 'crashed' | 'retry'> = {
  en: {
    hideLeft: 'Hide the MRO and call path',
    showLeft: 'Show the MRO and call path',
    hideBottom: 'Hide the tabs',
    showBottom: 'Show the tabs',
    loading: 'Loading…',
    crashed: 'This pane stopped with an error:',
    retry: 'Try again',
  },
  'zh-CN': {
    hideLeft: '隐藏 MRO 与调用路径',
    showLeft: '显示 MRO 与调用路径',
    hideBottom: '隐藏下方标签页',
    showBottom: '显示下方标签页',
    loading: '加载中…',
    crashed: '此窗格出错停止了：',
    retry: '重试',
  },
};

/** What the workspace shows: the panes' props plus the timeline's follow switch. */
export interface WorkspaceProps {
  readonly pane: PaneProps;
  readonly presenter: boolean;
  readonly follow?: boolean;
  readonly onFollowChange?: (follow: boolean) => void;
}

/** The grid of panes. */
export function Workspace({ pane, presenter, follow, onFollowChange }: WorkspaceProps) {
  const t = useT(TEXT);
  const title = usePaneTitle();
  const [leftOpen, setLeftOpen] = useState(true);
  const [bottomOpen, setBottomOpen] = useState(true);
  const [tab, setTab] = useState<PaneId>('events');

  const timelineExtras = follow === undefined ? { presenter } : { presenter, follow, ...(onFollowChange ? { onFollowChange } : {}) };

  return (
    <div className={`workspace${leftOpen ? '' : ' workspace--no-left'}${bottomOpen ? '' : ' workspace--no-bottom'}`}>
      <div className="ws-left" hidden={!leftOpen}>
        {LEFT_PANES.map((id) => (
          <div key={id} className={`ws-slot ws-slot--${id}`}>
            <PaneSlot id={id} slot={PANES[id]} props={pane} extras={{ presenter }} />
          </div>
        ))}
      </div>
      <button
        type="button"
        className="ws-toggle ws-toggle--left"
        onClick={() => setLeftOpen((v) => !v)}
        title={leftOpen ? t('hideLeft') : t('showLeft')}
        aria-label={leftOpen ? t('hideLeft') : t('showLeft')}
        aria-expanded={leftOpen}
      >
        {leftOpen ? '‹' : '›'}
      </button>
      <div className="ws-centre">
        <PaneSlot id="timeline" slot={TIMELINE} props={pane} extras={timelineExtras} />
      </div>
      <div className="ws-bottom">
        <div className="ws-tabs" role="tablist">
          {TAB_PANES.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={bottomOpen && tab === id}
              className={`ws-tab${bottomOpen && tab === id ? ' is-active' : ''}`}
              onClick={() => {
                setTab(id);
                setBottomOpen(true);
              }}
            >
              {title(id)}
            </button>
          ))}
          <button
            type="button"
            className="ws-tabs__toggle"
            onClick={() => setBottomOpen((v) => !v)}
            title={bottomOpen ? t('hideBottom') : t('showBottom')}
            aria-label={bottomOpen ? t('hideBottom') : t('showBottom')}
            aria-expanded={bottomOpen}
          >
            {bottomOpen ? '▾' : '▴'}
          </button>
        </div>
        {bottomOpen && (
          <div className="ws-tabpanel" role="tabpanel">
            <PaneSlot id={tab} slot={PANES[tab]} props={pane} extras={{ presenter }} />
          </div>
        )}
      </div>
    </div>
  );
}

/** One slot: the wired component (lazy ones load behind Suspense), or its placeholder. */
function PaneSlot<E extends object>({ id, slot: Slot, props, extras }: { readonly id: PaneId | 'timeline'; readonly slot: Slot<PaneProps & E> | null; readonly props: PaneProps; readonly extras: E }) {
  const t = useT(TEXT);
  if (Slot === null) return <Placeholder id={id} props={props} />;
  const all = { ...props, ...extras } as PaneProps & E;
  return (
    <PaneBoundary crashed={t('crashed')} retry={t('retry')}>
      <Suspense fallback={<div className="ws-loading">{t('loading')}</div>}>
        <Slot {...all} />
      </Suspense>
    </PaneBoundary>
  );
}

/** Keeps one pane's error inside its slot: the rest of the app goes on. */
class PaneBoundary extends Component<{ readonly children: ReactNode; readonly crashed: string; readonly retry: string }, { error: string | null }> {
  override state: { error: string | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="ws-crashed" role="alert">
        <p>{this.props.crashed}</p>
        <pre>{this.state.error}</pre>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {this.props.retry}
        </button>
      </div>
    );
  }
}
