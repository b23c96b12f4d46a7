/** `sockscope canon TRACE.jsonl [--diff OTHER.jsonl]`: a trace's canonical, timing-free form. */
import { parseArgs } from 'node:util';
import { canonDiffers, canonicalize, diffCanon, formatCanon, formatCanonDiff, type TraceFile } from '@sockscope/core/trace';
import { readTraceFile } from '../recording/trace-reader.js';
import { err, out } from './io.js';
import { EXIT_FAILURE, EXIT_OK, messageOf, showHelp, usageError } from './usage.js';

/** The help of `sockscope canon`. */
export const CANON_USAGE = `
usage: sockscope canon TRACE.jsonl [--diff OTHER.jsonl]

Prints a trace's canonical form: what the run did without its timing, so that the same
scenario run on the port and on CPython can be compared. It has the server and handler
classes (MRO, resolution table), each thread's call tree named by role (main, loop,
worker K, child K), the children each process reaped, and what each client sent and
received. Idle polling is one (idle) line; sockets and stderr are left out.

With --diff, prints a unified diff of the two forms instead (TRACE.jsonl is -, OTHER is +).

exit status:
  0   printed; with --diff, the forms are identical
  1   a file is missing or not a valid trace; with --diff, the forms differ
  2   bad usage

options:
  -d, --diff OTHER.jsonl   compare with another trace
  -h, --help               show this help
`;

/** Runs `sockscope canon` with the arguments after the command name; returns the exit status. */
export async function canonCommand(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { diff: { type: 'string', short: 'd' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (thrown) {
    return usageError('sockscope canon', messageOf(thrown), CANON_USAGE);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return showHelp(CANON_USAGE);
  const [path, ...extra] = positionals;
  if (path === undefined) return usageError('sockscope canon', 'which trace file? (give TRACE.jsonl)', CANON_USAGE);
  if (extra.length > 0) return usageError('sockscope canon', `one trace file at a time (got ${positionals.length}; use --diff OTHER.jsonl to compare)`, CANON_USAGE);

  const first = await canonText(path);
  if (first === null) return EXIT_FAILURE;
  if (values.diff === undefined) {
    out(first);
    return EXIT_OK;
  }
  const second = await canonText(values.diff);
  if (second === null) return EXIT_FAILURE;
  const diff = diffCanon(first, second);
  if (!canonDiffers(diff)) {
    out(`identical: the canonical forms of ${path} and ${values.diff} are the same\n`);
    return EXIT_OK;
  }
  out(`--- ${path}\n+++ ${values.diff}\n${formatCanonDiff(diff)}`);
  return EXIT_FAILURE;
}

/** The canonical text of a trace file, or null once the error is printed. */
async function canonText(path: string): Promise<string | null> {
  const result = await readTraceFile(path);
  if (!result.ok) {
    err(`error: ${result.error}\n`);
    return null;
  }
  if (result.file.truncated) err(`note: the last line of ${path} was cut short and was dropped\n`);
  return canonOf(result.file);
}

/** The canonical text of a parsed trace. */
export function canonOf(file: TraceFile): string {
  return formatCanon(canonicalize(file.header, file.events));
}
