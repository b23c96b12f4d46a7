/** Types the live lab's components share. */
import type { Reply } from '@sockscope/core/trace';
import type { CPythonSourceState } from '../../panes/source/cpython-context.js';
import type { ReplyOf, RequestName, RequestOf } from '../../transport/live-client.js';

/** Sends a request to the runtime; always resolves with its Reply (an error after `timeoutMs`, default 20 s). */
export type LiveRequest = <K extends RequestName>(name: K, req: RequestOf<K>, timeoutMs?: number) => Promise<Reply<ReplyOf<K>>>;

/** What the top bar shows about the live connection. */
export interface LiveStatus {
  readonly connection: 'disconnected' | 'connecting' | 'connected';
  readonly role: 'presenter' | 'viewer' | null;
}

/** What the rest of the app may use of the live lab's connection to the runtime. */
export interface RuntimeLink {
  /** Requests to the runtime; null while it is not connected (and always in the static build). */
  readonly request: LiveRequest | null;
  /** CPython's sources, read once per connection. */
  readonly cpython: CPythonSourceState;
}

/** Bases for the live lab's MRO playground, sent from a lesson (`n` tells one request from the next). */
export interface PlaygroundSeed {
  readonly bases: readonly string[];
  readonly className: string | null;
  readonly n: number;
}
