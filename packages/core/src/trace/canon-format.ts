/** The canonical form as stable text: one item a line, two spaces of indentation per level. */
import type { CanonClass, CanonNode, CanonicalForm } from './canon-types.js';

const INDENT = '  ';

function classLines(kind: 'server' | 'handler', cls: CanonClass): string[] {
  return [
    `${kind} ${cls.name}`,
    `${INDENT}mro: ${cls.mro.join(', ')}`,
    `${INDENT}resolution:`,
    ...cls.resolution.map(([method, owner]) => `${INDENT}${INDENT}${method} -> ${owner}`),
  ];
}

function treeLines(nodes: readonly CanonNode[], depth: number): string[] {
  return nodes.flatMap((node) => [`${INDENT.repeat(depth)}${node.label}`, ...treeLines(node.children, depth + 1)]);
}

/**
 * The form as text: the server and handler classes, each thread's tree (`thread main`,
 * `thread loop`, ...), each process's reaped children, each client's actions; ends with a
 * newline. Two forms are equal exactly when their texts are.
 */
export function formatCanon(form: CanonicalForm): string {
  const lines = [
    ...classLines('server', form.server),
    ...classLines('handler', form.handler),
    ...form.threads.flatMap((t) => [`thread ${t.role}`, ...treeLines(t.tree, 1)]),
    ...form.processes.map((p) => `process ${p.role}\n${INDENT}reaped: ${p.reaped.length} children, statuses [${p.reaped.join(', ')}]`),
    ...form.clients.flatMap((c) => [`client ${c.n}`, ...c.actions.map((a) => `${INDENT}${a}`)]),
  ];
  return `${lines.join('\n')}\n`;
}
