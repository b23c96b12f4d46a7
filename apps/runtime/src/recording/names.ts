/**
 * Recording names: what a user may call a recording, and the file it becomes. The rules
 * are strict on purpose: a name never contains a path separator, so it never leaves the
 * recordings folder.
 */

/** The file extension of a recording. */
export const RECORDING_EXT = '.jsonl';

/** The characters and length a recording name may have. */
const NAME = /^[A-Za-z0-9._-]{1,80}$/;

/** A checked name, or why it is refused. */
export type NameCheck = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly error: string };

/**
 * Checks a recording name and returns it without its extension: `run-1` and `run-1.jsonl`
 * name the same recording.
 */
export function checkRecordingName(raw: string): NameCheck {
  const name = raw.endsWith(RECORDING_EXT) ? raw.slice(0, -RECORDING_EXT.length) : raw;
  if (!NAME.test(name)) {
    return {
      ok: false,
      error: `invalid recording name ${JSON.stringify(raw)}: use 1 to 80 of the characters A-Z a-z 0-9 . _ -`,
    };
  }
  // A leading dot would make a hidden file (and `..` looks like a way out of the folder).
  if (name.startsWith('.')) return { ok: false, error: `invalid recording name ${JSON.stringify(raw)}: it must not start with a dot` };
  return { ok: true, name };
}

/** A default name: the time and the server class, e.g. `2024-05-01T10-22-33-123Z-ThreadingTCPServer`. */
export function defaultRecordingName(serverClass: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/:/g, '-').replace('.', '-');
  const cls = serverClass.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${stamp}-${cls}`.slice(0, 80);
}
