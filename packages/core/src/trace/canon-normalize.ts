/**
 * Takes the timing out of a thread's tree, so two correct runs of a scenario give the same
 * form:
 *
 * - Idle polling. In `serve_forever`, an iteration whose select timed out (`select: timeout`
 *   then `service_actions`, or the last select before shutdown) is idle; how many idle
 *   iterations come before, between and after the requests depends on the clock and on how
 *   the clients' connections fall in `poll_interval`. Every idle run becomes `(idle)`, and
 *   only the last one is kept (the loop waiting for shutdown after its last request).
 * - `handle_request`'s wait: a select that wakes early is retried, so consecutive
 *   `select: timeout` markers become one.
 * - Joins of workers. `_Threads.append` drops the workers already finished, so which workers
 *   `server_close` still joins depends on timing: a run of `join worker K` becomes `join workers`.
 * - The scripted clients are the harness, not the server: a run of `spawn client K` is sorted
 *   by K, however the runner happened to start them.
 */
import type { CanonNode } from './canon-types.js';
import type { TreeNode } from './canon-tree.js';

/** The line that stands for the idle polling of a `serve_forever`. */
export const IDLE = '(idle)';
const SELECT_TIMEOUT = 'select: timeout';
const JOIN_WORKER = /^join worker \d+$/;
const JOIN_WORKERS = 'join workers';
const SPAWN_CLIENT = /^spawn client (\d+)$/;

const marker = (label: string): CanonNode => ({ label, children: [] });

/** A tree without its timing-dependent details; see the module's doc. */
export function normalizeTree(nodes: readonly TreeNode[], parentMethod: string | null = null): CanonNode[] {
  let children: CanonNode[] = [];
  // Keep each call's method with it while the list is rewritten.
  const methods = new Map<CanonNode, string | null>();
  for (const node of nodes) {
    const canon: CanonNode = { label: node.label, children: normalizeTree(node.children, node.method) };
    methods.set(canon, node.method);
    children.push(canon);
  }
  if (parentMethod === 'serve_forever') children = collapseIdle(children, (n) => methods.get(n) ?? null);
  children = collapseRuns(children, (l) => l === SELECT_TIMEOUT, SELECT_TIMEOUT);
  return sortClientSpawns(collapseRuns(children, (l) => JOIN_WORKER.test(l), JOIN_WORKERS));
}

/** Sorts each run of `spawn client K` markers by K. */
function sortClientSpawns(children: CanonNode[]): CanonNode[] {
  const clientOf = (node: CanonNode | undefined): number | null => {
    const match = node === undefined || node.children.length > 0 ? null : SPAWN_CLIENT.exec(node.label);
    return match?.[1] === undefined ? null : Number(match[1]);
  };
  for (let start = 0; start < children.length; start++) {
    let end = start;
    while (clientOf(children[end]) !== null) end++;
    if (end - start < 2) continue;
    const run = children.slice(start, end).sort((a, b) => (clientOf(a) ?? 0) - (clientOf(b) ?? 0));
    children.splice(start, run.length, ...run);
    start = end;
  }
  return children;
}

/** Replaces each run of idle iterations with `(idle)`, then keeps only the last `(idle)`. */
function collapseIdle(children: readonly CanonNode[], methodOf: (node: CanonNode) => string | null): CanonNode[] {
  const idleLength = (i: number): number => {
    if (children[i]?.label !== SELECT_TIMEOUT || children[i]?.children.length !== 0) return 0;
    if (i === children.length - 1) return 1;
    const next = children[i + 1];
    return next !== undefined && methodOf(next) === 'service_actions' ? 2 : 0;
  };
  const out: CanonNode[] = [];
  for (let i = 0; i < children.length; ) {
    let length = idleLength(i);
    if (length === 0) {
      out.push(children[i] as CanonNode);
      i += 1;
      continue;
    }
    while (length > 0) {
      i += length;
      length = idleLength(i);
    }
    out.push(marker(IDLE));
  }
  const last = out.findLastIndex((n) => n.label === IDLE && n.children.length === 0);
  return out.filter((n, i) => i === last || n.label !== IDLE || n.children.length !== 0);
}

/** Replaces each run of markers whose label matches with one marker `label`. */
function collapseRuns(children: readonly CanonNode[], matches: (label: string) => boolean, label: string): CanonNode[] {
  const out: CanonNode[] = [];
  for (const node of children) {
    const inRun = node.children.length === 0 && matches(node.label);
    const previous = out.at(-1);
    if (inRun && previous?.label === label && previous.children.length === 0) continue;
    out.push(inRun ? marker(label) : node);
  }
  return out;
}
