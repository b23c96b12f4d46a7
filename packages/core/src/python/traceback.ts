/**
 * Python-style tracebacks from JavaScript errors, so `handle_error` prints what a Python
 * programmer expects: the frames, most recent call last, then `Type: message`.
 */

/** Python's `traceback.format_exception` for one error. */
export function formatException(err: unknown): string {
  if (!(err instanceof Error)) return `Exception: ${String(err)}\n`;
  const frames = parseFrames(err.stack ?? '').reverse();
  const lines = ['Traceback (most recent call last):\n'];
  for (const f of frames) lines.push(`  File "${f.file}", line ${f.line}, in ${f.fn}\n`);
  lines.push(err.message ? `${err.name}: ${err.message}\n` : `${err.name}\n`);
  return lines.join('');
}

interface Frame {
  readonly fn: string;
  readonly file: string;
  readonly line: number;
}

/** The frames of a V8 stack that belong to user or port code (not Node internals). */
function parseFrames(stack: string): Frame[] {
  const frames: Frame[] = [];
  for (const raw of stack.split('\n')) {
    const m = /^\s+at (?:async )?(?:(.+?) \()?(.+?):(\d+):\d+\)?$/.exec(raw);
    if (m?.[2] === undefined || m[3] === undefined) continue;
    const file = m[2].replace(/^file:\/\//, '');
    if (file.startsWith('node:') || file.includes('/node_modules/')) continue;
    const fn = (m[1] ?? '<module>').replace(/^.*\./, '').replace(/^(Object|Function)$/, '<module>');
    frames.push({ fn: fn || '<module>', file, line: Number(m[3]) });
  }
  return frames;
}
