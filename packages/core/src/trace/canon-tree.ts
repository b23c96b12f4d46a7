/**
 * Each thread's call tree for the canonical form: calls nest by the order of their call and
 * return events within the thread (never by span ids, which a forked child shares with its
 * parent), with the semantic markers that matter in between.
 */
import { threadKey, type Roles, type ThreadKey } from './canon-roles.js';
import type { TraceEvent } from './schema.js';

/** A node while its thread's events are read; `method` is null for a marker. */
export interface TreeNode {
  label: string;
  readonly method: string | null;
  readonly children: TreeNode[];
}

interface Frame {
  readonly cls: string;
  readonly method: string;
  readonly node: TreeNode;
}

/** One thread's tree as it grows. */
class ThreadTree {
  readonly roots: TreeNode[] = [];
  readonly #stack: Frame[] = [];

  call(cls: string, method: string): void {
    const node: TreeNode = { label: `${cls}.${method}`, method, children: [] };
    this.#add(node);
    this.#stack.push({ cls, method, node });
  }

  /** A return (excType null) or an exception exit of `cls.method`. */
  end(cls: string, method: string, excType: string | null): void {
    const at = this.#stack.findLastIndex((f) => f.cls === cls && f.method === method);
    if (at < 0) {
      this.marker(`(${excType === null ? 'return' : 'raise'} without call) ${cls}.${method}${excType === null ? '' : ` !${excType}`}`);
      return;
    }
    const [frame, ...unended] = this.#stack.splice(at);
    for (const inner of unended) inner.node.label += ' (open)';
    if (frame !== undefined && excType !== null) frame.node.label += ` !${excType}`;
  }

  marker(label: string): void {
    this.#add({ label, method: null, children: [] });
  }

  /** Marks the calls still open at the end of the trace. */
  close(): void {
    for (const frame of this.#stack.splice(0)) frame.node.label += ' (open)';
  }

  #add(node: TreeNode): void {
    (this.#stack.at(-1)?.node.children ?? this.roots).push(node);
  }
}

/** The marker an event shows as in its thread's tree, or null when the tree leaves it out. */
function markerOf(event: TraceEvent, roles: Roles): string | null {
  switch (event.kind) {
    case 'select_ready':
      return 'select: ready';
    case 'select_timeout':
      return 'select: timeout';
    case 'thread_spawn':
      return `spawn ${threadRole(roles, `${event.pid}:${event.child_tid}`, event.child_name)}`;
    case 'thread_join':
      return `join ${threadRole(roles, `${event.pid}:${event.joined_tid}`, event.joined_name)}`;
    case 'fork':
      return `fork ${roles.processes.get(event.child_pid) ?? 'child ?'}`;
    case 'child_start':
      return 'child_start';
    case 'child_exit':
      return `child_exit ${event.status}`;
    default:
      return null;
  }
}

/** The role of a thread named in a spawn or join, even one that left no event of its own. */
function threadRole(roles: Roles, key: ThreadKey, name: string): string {
  const client = /^client-(\d+)$/.exec(name);
  return roles.threads.get(key) ?? (client === null ? 'thread ?' : `client ${client[1]}`);
}

/** The trees of every thread but the clients', by thread, from events in seq order. */
export function buildTrees(events: readonly TraceEvent[], roles: Roles): Map<ThreadKey, TreeNode[]> {
  const trees = new Map<ThreadKey, ThreadTree>();
  for (const event of events) {
    const key = threadKey(event);
    if (roles.clients.has(key)) continue;
    const tree = trees.get(key) ?? new ThreadTree();
    trees.set(key, tree);
    if (event.kind === 'call') tree.call(event.cls, event.method);
    else if (event.kind === 'return') tree.end(event.cls, event.method, null);
    else if (event.kind === 'exception') tree.end(event.cls, event.method, event.exc_type);
    else {
      const marker = markerOf(event, roles);
      if (marker !== null) tree.marker(marker);
    }
  }
  const result = new Map<ThreadKey, TreeNode[]>();
  for (const [key, tree] of trees) {
    tree.close();
    result.set(key, tree.roots);
  }
  return result;
}
