/** Types the live lab's components share. */
import type { Reply } from '@sockscope/core/trace';
import type { ReplyOf, RequestName, RequestOf } from '../../transport/live-client.js';

/** Sends a request to the runtime; always resolves with its Reply. */
export type LiveRequest = <K extends RequestName>(name: K, req: RequestOf<K>) => Promise<Reply<ReplyOf<K>>>;

/** What the top bar shows about the live connection. */
export interface LiveStatus {
  readonly connection: 'disconnected' | 'connecting' | 'connected';
  readonly role: 'presenter' | 'viewer' | null;
}
