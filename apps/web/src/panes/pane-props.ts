/** What every pane is given: the trace, the state at the cursor, and a way to move the cursor. */
import type { LabDescription } from '@sockscope/core/trace';
import type { CursorState } from '../model/cursor-state.js';
import type { TraceModel } from '../model/trace-model.js';

/** The props of a pane. */
export interface PaneProps {
  readonly model: TraceModel;
  /** Bumped whenever the model has new events (the model itself is mutated in place). */
  readonly version: number;
  /** The lab or file's classes: MROs and resolution tables. */
  readonly description: LabDescription | null;
  readonly state: CursorState;
  /** Moves the cursor to event index `index` (clicking in any pane does this). */
  readonly onCursor: (index: number) => void;
}
