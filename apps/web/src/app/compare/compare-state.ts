/**
 * The comparison's state, as a pure reducer: the runtime's scenarios, the picked one, a run
 * on both backends (one at a time), and the two sides — each a trace from that run or from a
 * file the user opened — with what went wrong loading each.
 */
import type { BackendComparison, ScenarioInfo, TraceFile } from '@sockscope/core/trace';

/** Which column: 0 on the left (the port, after a run), 1 on the right (CPython). */
export type SideIndex = 0 | 1;

/** A trace in a column. */
export interface CompareSide {
  readonly file: TraceFile;
  /** The scenario's name, or the file's. */
  readonly name: string;
  readonly origin: 'scenario' | 'file';
}

/** A file that did not open, to show in its column. */
export interface SideError {
  readonly name: string;
  readonly error: string;
}

/** The runtime's scenario list. */
export type ScenarioList =
  | { readonly status: 'offline' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly list: readonly ScenarioInfo[] }
  | { readonly status: 'error'; readonly error: string };

/** A run of a scenario on both backends. */
export type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly scenario: string; readonly startedAt: number }
  | { readonly status: 'failed'; readonly scenario: string; readonly error: string };

/** Everything the comparison shows. */
export interface CompareState {
  readonly scenarios: ScenarioList;
  readonly scenario: string | null;
  readonly run: RunState;
  readonly sides: readonly [CompareSide | null, CompareSide | null];
  readonly errors: readonly [SideError | null, SideError | null];
  /** The file each side is reading, if any. */
  readonly loading: readonly [string | null, string | null];
}

/** What can happen. */
export type CompareAction =
  | { readonly type: 'OFFLINE' }
  | { readonly type: 'SCENARIOS_LOADING' }
  | { readonly type: 'SCENARIOS'; readonly list: readonly ScenarioInfo[] }
  | { readonly type: 'SCENARIOS_FAILED'; readonly error: string }
  | { readonly type: 'PICK'; readonly scenario: string }
  | { readonly type: 'RUN'; readonly at: number }
  | { readonly type: 'RAN'; readonly comparison: BackendComparison }
  | { readonly type: 'RUN_FAILED'; readonly error: string }
  | { readonly type: 'FILE_LOADING'; readonly side: SideIndex; readonly name: string }
  | { readonly type: 'FILE'; readonly side: SideIndex; readonly name: string; readonly file: TraceFile }
  | { readonly type: 'FILE_FAILED'; readonly side: SideIndex; readonly name: string; readonly error: string }
  | { readonly type: 'DISMISS'; readonly side: SideIndex | 'run' };

/** Nothing loaded, no runtime yet. */
export const INITIAL_COMPARE: CompareState = {
  scenarios: { status: 'offline' },
  scenario: null,
  run: { status: 'idle' },
  sides: [null, null],
  errors: [null, null],
  loading: [null, null],
};

/** The scenario a list starts on: ThreadingTCPServer when there is one (the lesson's server), else the first. */
export function defaultScenario(list: readonly ScenarioInfo[]): string | null {
  return (list.find((s) => s.name === 'ThreadingTCPServer') ?? list[0])?.name ?? null;
}

function setAt<T>(pair: readonly [T, T], side: SideIndex, value: T): readonly [T, T] {
  return side === 0 ? [value, pair[1]] : [pair[0], value];
}

/** The next state. */
export function compareReducer(state: CompareState, action: CompareAction): CompareState {
  switch (action.type) {
    case 'OFFLINE':
      return { ...state, scenarios: { status: 'offline' } };
    case 'SCENARIOS_LOADING':
      return { ...state, scenarios: { status: 'loading' } };
    case 'SCENARIOS': {
      const keep = state.scenario !== null && action.list.some((s) => s.name === state.scenario);
      return { ...state, scenarios: { status: 'ready', list: action.list }, scenario: keep ? state.scenario : defaultScenario(action.list) };
    }
    case 'SCENARIOS_FAILED':
      return { ...state, scenarios: { status: 'error', error: action.error } };
    case 'PICK':
      return state.run.status === 'running' ? state : { ...state, scenario: action.scenario };
    case 'RUN':
      if (state.run.status === 'running' || state.scenario === null) return state;
      return { ...state, run: { status: 'running', scenario: state.scenario, startedAt: action.at } };
    case 'RAN': {
      if (state.run.status !== 'running') return state;
      const name = action.comparison.scenario;
      return {
        ...state,
        run: { status: 'idle' },
        sides: [
          { file: action.comparison.core, name, origin: 'scenario' },
          { file: action.comparison.cpython, name, origin: 'scenario' },
        ],
        errors: [null, null],
      };
    }
    case 'RUN_FAILED':
      return state.run.status === 'running' ? { ...state, run: { status: 'failed', scenario: state.run.scenario, error: action.error } } : state;
    case 'FILE_LOADING':
      return { ...state, loading: setAt(state.loading, action.side, action.name) };
    case 'FILE':
      return {
        ...state,
        sides: setAt(state.sides, action.side, { file: action.file, name: action.name, origin: 'file' }),
        errors: setAt(state.errors, action.side, null),
        loading: setAt(state.loading, action.side, null),
      };
    case 'FILE_FAILED':
      return {
        ...state,
        errors: setAt(state.errors, action.side, { name: action.name, error: action.error }),
        loading: setAt(state.loading, action.side, null),
      };
    case 'DISMISS':
      if (action.side === 'run') return state.run.status === 'failed' ? { ...state, run: { status: 'idle' } } : state;
      return { ...state, errors: setAt(state.errors, action.side, null) };
  }
}
