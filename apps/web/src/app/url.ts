/**
 * What the address says: `#trace=examples/ThreadingTCPServer.jsonl&at=123` names a trace
 * and the event at the cursor (by its `seq`, the `#123` every pane shows), so a link opens
 * the same trace at the same moment. `#lesson=01-sync-tcp-server` opens a guided lesson.
 * `?presenter=1` turns on presenter mode and `?lang=zh-CN` picks the language; `?token=`
 * (the presenter token) is read by the live client.
 */
import type { Lang } from '../i18n/i18n.js';
import { isLessonId } from '../transport/lesson-files.js';

/** The trace and cursor named by the hash. */
export interface HashState {
  /** A trace path relative to the page: `examples/NAME.jsonl` or `recordings/NAME`. */
  readonly trace: string | null;
  /** The `seq` of the event at the cursor. */
  readonly at: number | null;
}

/** Trace paths a link may name: the bundled examples, the lessons' recordings and the runtime's recordings, nothing else. */
const TRACE_PATH = /^(examples|lessons|recordings)\/[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;

/** Whether a link may open `path` (never another site, never outside these folders). */
export function isTracePath(path: string): boolean {
  return TRACE_PATH.test(path) && !path.includes('..');
}

/** Reads `#trace=…&at=…`; anything else in the hash is ignored. */
export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const trace = params.get('trace');
  const atText = params.get('at');
  const at = atText !== null && /^\d{1,12}$/.test(atText) ? Number(atText) : null;
  return { trace: trace !== null && isTracePath(trace) ? trace : null, at };
}

/** The hash for a trace and cursor (empty when there is no trace to name). */
export function formatHash(state: HashState): string {
  if (state.trace === null) return '';
  return `#trace=${state.trace}${state.at === null ? '' : `&at=${state.at}`}`;
}

/** Whether `?name=1` (or `true`, `yes`, or just `?name`) is in the query. */
export function queryFlag(search: string, name: string): boolean {
  const value = new URLSearchParams(search).get(name);
  return value !== null && ['', '1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** The language to start in: `?lang=`, then the saved choice, then the browser's, else English. */
export function initialLang(search: string, saved: string | null, browser: readonly string[]): Lang {
  const asked = new URLSearchParams(search).get('lang');
  for (const candidate of [asked, saved]) {
    if (candidate === 'en' || candidate === 'zh-CN') return candidate;
  }
  return browser.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** The query string with `name` set to `value` (or removed when null). */
export function withQuery(search: string, name: string, value: string | null): string {
  const params = new URLSearchParams(search);
  if (value === null) params.delete(name);
  else params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The lesson named by the hash (`#lesson=01-sync-tcp-server`), or null. */
export function parseLessonHash(hash: string): string | null {
  const id = new URLSearchParams(hash.replace(/^#/, '')).get('lesson');
  return id !== null && isLessonId(id) ? id : null;
}

/** The hash naming a lesson (empty for none). */
export function formatLessonHash(id: string | null): string {
  return id === null ? '' : `#lesson=${id}`;
}
