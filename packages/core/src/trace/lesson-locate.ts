/**
 * Where a lesson's steps stop in a trace. A step's matcher names its thread by role
 * (`loop`, `worker 2`), as the canonical form does (`assignRoles`), so one lesson fits any
 * run of its scenario: pids, tids and thread names differ, the roles do not.
 */
import { matchesMethod } from './breakpoints.js';
import { assignRoles, threadKey } from './canon-roles.js';
import type { EventMatcher, Lesson } from './lesson.js';
import type { TraceEvent } from './schema.js';

/** Where one step stops, or why it stops nowhere. `index` is the step's place in `steps`, from 0. */
export type StepLocation =
  | { readonly ok: true; readonly index: number; readonly seq: number }
  | {
      readonly ok: false;
      readonly index: number;
      /** `not_found`: no nth matching event (yet, in a live run); `out_of_order`: it lands at or before the previous step. */
      readonly reason: 'not_found' | 'out_of_order';
      readonly error: string;
    };

/**
 * Whether a role pattern names a thread's role: the role itself, or its kind alone
 * (`worker` names `worker 3`). `child 2` also names its process's other threads (`child 2 thread 2`).
 */
export function matchesRole(pattern: string, role: string): boolean {
  return role === pattern || role.startsWith(`${pattern} `);
}

const ORDINALS = ['th', 'st', 'nd', 'rd'];

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${String(n)}${teen ? 'th' : (ORDINALS[n % 10] ?? 'th')}`;
}

/** A matcher in words, e.g. "the 2nd call of SlowEchoHandler.handle in loop". */
export function describeMatcher(at: EventMatcher): string {
  const method = at.method === undefined ? '' : ` of ${at.method}`;
  const thread = at.thread === undefined ? '' : ` in ${at.thread}`;
  return `the ${ordinal(at.nth ?? 1)} ${at.kind}${method}${thread}`;
}

/**
 * For each step of `lesson`, the seq of the event it stops at: the `nth` event (counted
 * from the start of the trace) of the matcher's kind, method and thread role. Steps must
 * land in strictly increasing seq order. Pure; `events` may come in any order, and may be
 * a prefix of a live run (a step not reached yet is `not_found`).
 */
export function locateSteps(lesson: Pick<Lesson, 'steps'>, events: readonly TraceEvent[]): StepLocation[] {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const roles = assignRoles(ordered).threads;
  const roleOf = (event: TraceEvent): string => roles.get(threadKey(event)) ?? '';
  let previous: { index: number; seq: number } | null = null;
  return lesson.steps.map(({ at }, index): StepLocation => {
    const wanted = at.nth ?? 1;
    let count = 0;
    const found = ordered.find(
      (e) =>
        e.kind === at.kind &&
        (at.method === undefined || matchesMethod(at.method, e)) &&
        (at.thread === undefined || matchesRole(at.thread, roleOf(e))) &&
        ++count === wanted,
    );
    const name = `step ${String(index + 1)} (${describeMatcher(at)})`;
    if (found === undefined) {
      return { ok: false, index, reason: 'not_found', error: `${name} found nothing: ${String(count)} matching event${count === 1 ? '' : 's'} in the trace` };
    }
    if (previous !== null && found.seq <= previous.seq) {
      const error = `${name} lands at seq ${String(found.seq)}, not after step ${String(previous.index + 1)} at seq ${String(previous.seq)}`;
      return { ok: false, index, reason: 'out_of_order', error };
    }
    previous = { index, seq: found.seq };
    return { ok: true, index, seq: found.seq };
  });
}
