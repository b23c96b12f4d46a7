/**
 * What the canonical form keeps of the outside world: each scripted client's actions and
 * what it received, and, per process, the children it reaped (a summary, because a child
 * may be reaped in any idle iteration of the loop or in `server_close`).
 */
import { threadKey, type Roles } from './canon-roles.js';
import type { CanonClient, CanonProcess } from './canon-types.js';
import type { TraceEvent } from './schema.js';

/** A client's action for an event of its thread, or null for one it leaves out. */
function clientAction(event: TraceEvent): string | null {
  switch (event.kind) {
    case 'connect':
      return 'connect';
    case 'send':
      return `send ${event.preview}`;
    case 'recv':
      return `recv ${event.preview}`;
    case 'socket_shutdown':
      return `shutdown ${event.how}`;
    case 'close':
      return 'close';
    case 'stderr':
    case 'exception':
      return 'error';
    default:
      return null;
  }
}

/** Every client's actions, by client number; an error (stderr, an exception) is one `error`. */
export function clientOutcomes(events: readonly TraceEvent[], roles: Roles): CanonClient[] {
  const actions = new Map<number, string[]>();
  for (const n of roles.clients.values()) actions.set(n, []);
  for (const event of events) {
    const n = roles.clients.get(threadKey(event));
    const action = clientAction(event);
    if (n === undefined || action === null) continue;
    const list = actions.get(n) ?? [];
    actions.set(n, list);
    if (action !== 'error' || !list.includes('error')) list.push(action);
  }
  return [...actions].sort(([a], [b]) => a - b).map(([n, list]) => ({ n, actions: list }));
}

/** The processes that forked or reaped, with the sorted statuses of the children they reaped. */
export function reapedChildren(events: readonly TraceEvent[], roles: Roles): CanonProcess[] {
  const reaped = new Map<number, number[]>();
  for (const event of events) {
    if (event.kind !== 'fork' && event.kind !== 'reap') continue;
    const statuses = reaped.get(event.pid) ?? [];
    reaped.set(event.pid, statuses);
    if (event.kind === 'reap') statuses.push(event.status);
  }
  return [...reaped]
    .map(([pid, statuses]) => ({ role: roles.processes.get(pid) ?? `process ${pid}`, reaped: statuses.sort((a, b) => a - b) }))
    .sort((a, b) => processOrder(a.role) - processOrder(b.role));
}

/** `server` first, then `child K` by K. */
function processOrder(role: string): number {
  return role === 'server' ? 0 : Number(/\d+$/.exec(role)?.[0] ?? Number.MAX_SAFE_INTEGER);
}
