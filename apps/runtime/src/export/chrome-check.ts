/**
 * Checks the invariants the trace viewers rely on in an exported Chrome trace. The
 * exporter is built to keep them; the tests (and anyone curious) verify with this.
 */
import type { ChromeFlowEvent, ChromeTrace } from './chrome-format.js';

/**
 * Returns every problem found (none: an empty list):
 * - per (pid, tid), times strictly increase in array order;
 * - per (pid, tid), every `E` closes the innermost open `B` of the same name, and none stays open;
 * - every flow id has one `s` and one `f` (with `bp: 'e'`), not going back in time, each
 *   inside an open slice of its thread (the slice it binds to);
 * - every pid has a `process_name`, every (pid, tid) a `thread_name`.
 */
export function checkChromeTrace(trace: ChromeTrace): string[] {
  const problems: string[] = [];
  const processNames = new Set<number>();
  const threadNames = new Set<string>();
  const stacks = new Map<string, string[]>();
  const lastTs = new Map<string, number>();
  const flows = new Map<number, ChromeFlowEvent[]>();

  for (const [index, event] of trace.traceEvents.entries()) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph === 'M') {
      if (event.name === 'process_name') processNames.add(event.pid);
      if (event.name === 'thread_name') threadNames.add(key);
      continue;
    }
    const where = `event ${index} (${event.ph} ${event.name} on ${key})`;
    if (!Number.isFinite(event.ts) || event.ts < 0) problems.push(`${where}: bad ts ${event.ts}`);
    const previous = lastTs.get(key);
    if (previous !== undefined && event.ts <= previous) problems.push(`${where}: ts ${event.ts} is not after ${previous}`);
    lastTs.set(key, event.ts);
    const stack = stacks.get(key) ?? [];
    stacks.set(key, stack);
    switch (event.ph) {
      case 'B':
        stack.push(event.name);
        break;
      case 'E': {
        const open = stack.pop();
        if (open === undefined) problems.push(`${where}: E without a B`);
        else if (open !== event.name) problems.push(`${where}: E closes "${event.name}" but "${open}" is open`);
        break;
      }
      case 's':
      case 'f':
        if (stack.length === 0) problems.push(`${where}: flow end outside any slice`);
        flows.set(event.id, [...(flows.get(event.id) ?? []), event]);
        break;
      case 'i':
        break;
    }
  }
  for (const [key, stack] of stacks) if (stack.length > 0) problems.push(`${key}: ${stack.length} slice(s) never end: ${stack.join(' > ')}`);
  for (const [id, ends] of flows) {
    const [s, f] = ends;
    if (ends.length !== 2 || s?.ph !== 's' || f?.ph !== 'f') problems.push(`flow ${id}: expected one s then one f, got ${ends.map((e) => e.ph).join(',')}`);
    else if (f.bp !== 'e' || f.name !== s.name || f.cat !== s.cat || f.ts < s.ts) problems.push(`flow ${id}: ends do not match`);
  }
  for (const event of trace.traceEvents) {
    if (!processNames.has(event.pid)) problems.push(`pid ${event.pid} has no process_name`);
    if (event.ph !== 'M' && !threadNames.has(`${event.pid}:${event.tid}`)) problems.push(`${event.pid}:${event.tid} has no thread_name`);
  }
  return [...new Set(problems)];
}
