/**
 * The canonical, timing-free form of a trace, for differential conformance: the same
 * scenario run on the port and on CPython must give the same form.
 *
 * It holds the server and handler classes (MRO, resolution table), each thread's call tree
 * (`Class.method`, nested by call order within the thread, `!ExcType` for an exception exit,
 * `(open)` for a call never ended) with markers (`select: ready`/`select: timeout`,
 * `spawn worker K`, `spawn loop`, `spawn client K`, `fork child K`, `child_start`,
 * `child_exit S`, `join ...`), the children each process reaped, and each client's actions.
 * Threads are named by role and order, never by name, pid or tid: `main` (the first event's
 * thread), `loop` (first call `serve_forever` or `handle_request`), `worker K` (K-th thread
 * spawned inside `process_request`), `child K` (K-th forked child), `client K` (thread
 * `client-K`), `thread K` (any other). Sockets, `stderr`, `node_difference`, thread
 * start/exit and `select_wait` are left out; `canon-normalize.ts` says what else is folded.
 */
import { normalizeTree } from './canon-normalize.js';
import { clientOutcomes, reapedChildren } from './canon-outcomes.js';
import { assignRoles } from './canon-roles.js';
import { buildTrees } from './canon-tree.js';
import type { CanonClass, CanonThread, CanonicalForm } from './canon-types.js';
import type { LabDescription } from './file-format.js';
import type { TraceEvent } from './schema.js';

export type { CanonClass, CanonClient, CanonDiffLine, CanonNode, CanonProcess, CanonThread, CanonicalForm } from './canon-types.js';
export { formatCanon } from './canon-format.js';
export { canonDiffers, diffCanon, formatCanonDiff } from './canon-diff.js';
export { IDLE } from './canon-normalize.js';
export { assignRoles, threadKey, type Roles, type ThreadKey } from './canon-roles.js';

/** What the form takes from a trace's header. */
export type CanonHeader = Pick<LabDescription, 'server_class' | 'mro' | 'resolution' | 'handler_class' | 'handler_mro' | 'handler_resolution'>;

function canonClass(name: string, mro: readonly string[], resolution: Readonly<Record<string, string>>): CanonClass {
  const table = Object.entries(resolution).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { name, mro: [...mro], resolution: table };
}

const ROLE_RANK = ['main', 'loop', 'worker', 'child', 'thread'];

/** Orders roles: main, loops, workers, children, other threads; by number within each. */
function compareRoles(a: string, b: string): number {
  const rank = (role: string): number => ROLE_RANK.indexOf(role.split(' ')[0] ?? '');
  const numbers = (role: string): number[] => (role.match(/\d+/g) ?? []).map(Number);
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The canonical form of a run from its header's classes and its events (any order; sorted by seq). */
export function canonicalize(header: CanonHeader, events: readonly TraceEvent[]): CanonicalForm {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const roles = assignRoles(ordered);
  const trees = buildTrees(ordered, roles);
  const threads: CanonThread[] = [...trees]
    .map(([key, nodes]) => ({ role: roles.threads.get(key) ?? 'thread ?', tree: normalizeTree(nodes) }))
    .sort((a, b) => compareRoles(a.role, b.role));
  return {
    server: canonClass(header.server_class, header.mro, header.resolution),
    handler: canonClass(header.handler_class, header.handler_mro, header.handler_resolution),
    threads,
    processes: reapedChildren(ordered, roles),
    clients: clientOutcomes(ordered, roles),
  };
}
