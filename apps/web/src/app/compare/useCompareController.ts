/**
 * The comparison's controller: the reducer (compare-state.ts), the runtime's scenarios asked
 * for when the view is first shown while connected, a run on both backends, and trace files
 * opened into either side with the replay's reader (same checks, same messages).
 */
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { readTraceFile } from '../../transport/trace-file.js';
import type { LiveRequest } from '../live/live-types.js';
import { compareReducer, INITIAL_COMPARE, type SideIndex } from './compare-state.js';

/** How long a run on both backends may take (a forking scenario on a slow machine takes a while). */
export const COMPARE_TIMEOUT_MS = 120_000;

/** Everything the comparison UI needs. */
export type CompareController = ReturnType<typeof useCompareController>;

/** The controller. `request`: the runtime, or null without one; `active`: the view is on screen. */
export function useCompareController(request: LiveRequest | null, active: boolean) {
  const [state, dispatch] = useReducer(compareReducer, INITIAL_COMPARE);
  const listed = state.scenarios.status;

  useEffect(() => {
    if (request === null) dispatch({ type: 'OFFLINE' });
  }, [request]);

  useEffect(() => {
    if (request === null || !active || listed !== 'offline') return;
    dispatch({ type: 'SCENARIOS_LOADING' });
    void request('list_scenarios', {}).then((reply) => {
      dispatch(reply.ok ? { type: 'SCENARIOS', list: reply.value } : { type: 'SCENARIOS_FAILED', error: reply.error });
    });
  }, [request, active, listed]);

  const scenario = state.scenario;
  const running = state.run.status === 'running';
  const run = useCallback(async (): Promise<void> => {
    if (request === null || scenario === null || running) return;
    dispatch({ type: 'RUN', at: Date.now() });
    const reply = await request('compare_scenario', { scenario }, COMPARE_TIMEOUT_MS);
    dispatch(reply.ok ? { type: 'RAN', comparison: reply.value } : { type: 'RUN_FAILED', error: reply.error });
  }, [request, scenario, running]);

  const openFile = useCallback(async (side: SideIndex, file: File): Promise<void> => {
    dispatch({ type: 'FILE_LOADING', side, name: file.name });
    const load = await readTraceFile(file);
    dispatch(load.ok ? { type: 'FILE', side, name: load.name, file: load.file } : { type: 'FILE_FAILED', side, name: load.name, error: load.error });
  }, []);

  return useMemo(
    () => ({
      state,
      online: request !== null,
      pick: (name: string) => dispatch({ type: 'PICK', scenario: name }),
      run,
      openFile,
      dismiss: (side: SideIndex | 'run') => dispatch({ type: 'DISMISS', side }),
    }),
    [state, request, run, openFile],
  );
}
