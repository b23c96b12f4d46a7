/**
 * CPython's own sources, as the runtime's python3 has them installed (the `cpython_source`
 * request): read once per connection by the live lab and handed to the source pane (and the
 * lab form) through this context. Never bundled: the static build has none.
 */
import type { CPythonSources } from '@sockscope/core/trace';
import { createContext } from 'react';

/** Where CPython's sources are. */
export type CPythonSourceState =
  /** No runtime to ask: the static build, or the live lab is not connected. */
  | { readonly status: 'unavailable' }
  | { readonly status: 'loading' }
  /** The runtime answered with an error (no python3, an unreadable file, no answer). */
  | { readonly status: 'error'; readonly error: string }
  | { readonly status: 'ready'; readonly sources: CPythonSources };

/** No runtime: nothing to show. */
export const NO_CPYTHON: CPythonSourceState = { status: 'unavailable' };

/** The CPython sources the app has. */
export const CPythonSourceContext = createContext<CPythonSourceState>(NO_CPYTHON);
