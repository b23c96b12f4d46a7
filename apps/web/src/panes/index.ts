/** The panes: each takes PaneProps (plus `presenter`). */
export { MroPane, type MroPaneProps } from './mro/MroPane.js';
export { CallPathPane, type CallPathPaneProps } from './callpath/CallPathPane.js';
export { ConnectionsPane, type ConnectionsPaneProps } from './connections/ConnectionsPane.js';
export { EventLogPane, type EventLogPaneProps } from './events/EventLogPane.js';
export { SourcePane, type SourcePaneProps } from './source/SourcePane.js';
export { PaneFrame, type PaneFrameProps } from './PaneFrame.js';
export { OKABE_ITO, type PresenterProps } from './pane-common.js';
export type { PaneProps } from './pane-props.js';
