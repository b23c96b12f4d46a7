/**
 * The scripted clients' steps as the presenter types them, one per line:
 *
 *     send hello {i}\n      bytes to send (\n \r \t \\ escapes; {i} is the client's number)
 *     recv                  wait for a reply
 *     sleep_ms 100          wait
 *     shut_wr               shutdown(SHUT_WR)
 *     close                 close the socket
 */
import type { ClientSpec, ClientStep } from '@sockscope/core/trace';

/** The steps a new lab's clients start with: send "hello\n", read the reply, close. */
export const DEFAULT_STEPS = 'send hello\\n\nrecv\nclose';

/** The steps, or the first line that is wrong. */
export type StepsParse = { readonly ok: true; readonly steps: readonly string[][] } | { readonly ok: false; readonly line: number; readonly error: string };

/** The runtime's limits (apps/runtime/SPEC.md). */
export const MAX_CLIENTS = 50;
export const MAX_STEPS = 200;

/** Reads the steps text (without filling `{i}` yet). */
export function parseSteps(text: string): StepsParse {
  const lines = text.split('\n');
  const steps: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const [word = '', ...rest] = raw.split(/\s+/);
    const arg = raw.slice(word.length).trimStart();
    const line = i + 1;
    switch (word) {
      case 'send':
        if (arg === '') return { ok: false, line, error: 'send needs the text to send, e.g. send hello\\n' };
        steps.push(['send', arg]);
        break;
      case 'recv':
      case 'shut_wr':
      case 'close':
        if (rest.length > 0) return { ok: false, line, error: `${word} takes nothing after it` };
        steps.push([word]);
        break;
      case 'sleep_ms':
      case 'sleep': {
        const ms = Number(arg);
        if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) return { ok: false, line, error: 'sleep_ms needs a whole number of milliseconds (0–60000)' };
        steps.push(['sleep_ms', arg]);
        break;
      }
      default:
        return { ok: false, line, error: `unknown step "${word}" (send TEXT, recv, sleep_ms N, shut_wr, close)` };
    }
  }
  if (steps.length > MAX_STEPS) return { ok: false, line: lines.length, error: `at most ${MAX_STEPS} steps per client` };
  return { ok: true, steps };
}

/** `\n`, `\r`, `\t`, `\\` in typed text. */
export function unescape(text: string): string {
  return text.replace(/\\([nrt\\])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c] ?? c);
}

/** `count` clients with these steps, client i starting `i × staggerMs` after the first. */
export function clientSpecs(steps: readonly string[][], count: number, staggerMs: number): ClientSpec[] {
  const n = Math.min(MAX_CLIENTS, Math.max(1, Math.trunc(count)));
  return Array.from({ length: n }, (_, index) => ({
    start_ms: Math.max(0, Math.trunc(staggerMs)) * index,
    steps: steps.map((s): ClientStep => {
      switch (s[0]) {
        case 'send':
          return ['send', unescape((s[1] ?? '').replaceAll('{i}', String(index + 1)))];
        case 'sleep_ms':
          return ['sleep_ms', Number(s[1])];
        case 'recv':
          return ['recv'];
        case 'shut_wr':
          return ['shut_wr'];
        default:
          return ['close'];
      }
    }),
  }));
}
