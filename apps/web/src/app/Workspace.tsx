/**
 * The workspace: a CSS grid with the MRO and the call path on the left, the timeline large
 * in the centre, and tabs (connections, events, source) below it. The left column and the
 * tabs collapse, so a projected timeline can have the whole screen.
 *
 * A guided lesson lights the panes a note talks about (`lit`): their frames get an outline and
 * a "Look here" label, a lit tab is brought to the front, and a hidden column or the hidden
 * tabs open again.
 */
import { Component, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useT, type Catalog } from '../i18n/i18n.js';
import type { PaneProps } from '../panes/pane-props.js';
import { LEFT_PANES, PANES, TAB_PANES, TIMELINE, type PaneId, type Slot } from './panes.js';
import { Placeholder, usePaneTitle } from './Placeholders.js';

const TEXT: Catalog<'hideLeft' | 'showLeft' | 'hideBottom' | 'showBottom' | 'loading' | 'crashed' | 'retry' | 'lookHere'> = {
  en: {
    lookHere: 'Look here',
    hideLeft: 'Hide the MRO and call path',
    showLeft: 'Show the MRO and call path',
    hideBottom: 'Hide the tabs',
    showBottom: 'Show the tabs',
    loading: 'Loading…',
    crashed: 'This pane stopped with an error:',
    retry: 'Try again',
  },
  'zh-CN': {
    lookHere: '看这里',
    hideLeft: '隐藏 MRO 与调用路径',
    showLeft: '显示 MRO 与调用路径',
    hideBottom: '隐藏下方标签页',
    showBottom: '显示下方标签页',
    loading: '加载中…',
    crashed: '此窗格出错停止了：',
    retry: '重试',
  },
};

/** A slot of the workspace a lesson can light. */
export type LitPane = PaneId | 'timeline';

/** What the workspace shows: the panes' props plus the timeline's follow switch. */
export interface WorkspaceProps {
  readonly pane: PaneProps;
  readonly presenter: boolean;
  readonly follow?: boolean;
  readonly onFollowChange?: (follow: boolean) => void;
  /** The panes a lesson's note talks about, lit (none by default). */
  readonly lit?: readonly LitPane[];
  /** Changes with each note, so a lit pane comes back into view even when the next note lights the same ones. */
  readonly litCue?: string | number;
}

const NOTHING_LIT: readonly LitPane[] = [];

/** The grid of panes. */
export function Workspace({ pane, presenter, follow, onFollowChange, lit = NOTHING_LIT, litCue }: WorkspaceProps) {
  const t = useT(TEXT);
  const title = usePaneTitle();
  const [leftOpen, setLeftOpen] = useState(true);
  const [bottomOpen, setBottomOpen] = useState(true);
  const [tab, setTab] = useState<PaneId>('events');

  // A lit pane is always in view: its column or the tabs open, a lit tab in front.
  const litKey = lit.join(' ');
  useEffect(() => {
    if (litKey === '') return;
    const names = litKey.split(' ');
    if (LEFT_PANES.some((id) => names.includes(id))) setLeftOpen(true);
    const litTab = TAB_PANES.find((id) => names.includes(id));
    if (litTab) {
      setTab(litTab);
      setBottomOpen(true);
    }
  }, [litKey, litCue]);
  const isLit = (id: LitPane): boolean => lit.includes(id);
  const badge = (id: LitPane) =>
    isLit(id) ? (
      <span className="ws-lit-label" aria-hidden="true">
        {t('lookHere')}
      </span>
    ) : null;

  const timelineExtras = follow === undefined ? { presenter } : { presenter, follow, ...(onFollowChange ? { onFollowChange } : {}) };

  return (
    <div className={`workspace${leftOpen ? '' : ' workspace--no-left'}${bottomOpen ? '' : ' workspace--no-bottom'}`}>
      <div className="ws-left" hidden={!leftOpen}>
        {LEFT_PANES.map((id) => (
          <div key={id} className={`ws-slot ws-slot--${id}${isLit(id) ? ' is-lit' : ''}`} data-pane={id} data-lit={isLit(id) || undefined}>
            <PaneSlot id={id} slot={PANES[id]} props={pane} extras={{ presenter }} />
            {badge(id)}
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
      <div className={`ws-centre${isLit('timeline') ? ' is-lit' : ''}`} data-pane="timeline" data-lit={isLit('timeline') || undefined}>
        <PaneSlot id="timeline" slot={TIMELINE} props={pane} extras={timelineExtras} />
        {badge('timeline')}
      </div>
      <div className={`ws-bottom${bottomOpen && isLit(tab) ? ' is-lit' : ''}`} data-pane={bottomOpen ? tab : undefined} data-lit={(bottomOpen && isLit(tab)) || undefined}>
        <div className="ws-tabs" role="tablist">
          {TAB_PANES.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={bottomOpen && tab === id}
              className={`ws-tab${bottomOpen && tab === id ? ' is-active' : ''}${isLit(id) ? ' is-lit' : ''}`}
              data-pane={id}
              data-lit={isLit(id) || undefined}
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
        {bottomOpen && badge(tab)}
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
