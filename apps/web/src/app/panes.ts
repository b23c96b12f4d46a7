/**
 * The registry of what fills the workspace: the timeline and the five panes. Each is built
 * in its own folder (src/timeline/, src/panes/*); until one is wired here, the workspace shows
 * a labelled placeholder in its slot (app/Placeholders.tsx), so the shell works without them.
 *
 * To wire one, replace its `null` with the component — eagerly:
 *     import { MroPane } from '../panes/mro/MroPane.js';   …   mro: MroPane,
 * or lazily (its own chunk; the workspace wraps every slot in <Suspense>):
 *     mro: lazy(() => import('../panes/mro/MroPane.js').then((m) => ({ default: m.MroPane }))),
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { CallPathPane } from '../panes/callpath/CallPathPane.js';
import { ConnectionsPane } from '../panes/connections/ConnectionsPane.js';
import { EventLogPane } from '../panes/events/EventLogPane.js';
import { MroPane } from '../panes/mro/MroPane.js';
import type { PaneProps } from '../panes/pane-props.js';
import { Timeline } from '../timeline/Timeline.js';

/** What every pane gets besides PaneProps. */
export interface PaneExtras {
  /** Presenter mode: larger type, higher contrast. */
  readonly presenter?: boolean;
}

/** What the timeline gets besides PaneProps. */
export interface TimelineExtras extends PaneExtras {
  /** Live lab: the cursor follows the newest event. */
  readonly follow?: boolean;
  /** The timeline stops (false) or resumes (true) following, e.g. when the user scrolls back. */
  readonly onFollowChange?: (follow: boolean) => void;
}

/** A component, eager or lazy. */
export type Slot<P> = ComponentType<P> | LazyExoticComponent<ComponentType<P>>;

/** The panes, by id. */
export type PaneId = 'mro' | 'callpath' | 'connections' | 'events' | 'source';

/** The canvas timeline (src/timeline/: `Timeline`). null: the placeholder is shown. */
export const TIMELINE: Slot<PaneProps & TimelineExtras> | null = Timeline;

/** The panes (src/panes/<id>/). null: the placeholder is shown. */
export const PANES: Readonly<Record<PaneId, Slot<PaneProps & PaneExtras> | null>> = {
  mro: MroPane,
  callpath: CallPathPane,
  connections: ConnectionsPane,
  events: EventLogPane,
  source: lazy(() => import('../panes/source/SourcePane.js').then((m) => ({ default: m.SourcePane }))),
};

/** Where each pane sits: the left column (MRO, call path) or the tabs below the timeline. */
export const LEFT_PANES: readonly PaneId[] = ['mro', 'callpath'];
export const TAB_PANES: readonly PaneId[] = ['connections', 'events', 'source'];
