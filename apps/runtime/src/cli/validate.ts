/** `sockscope validate TRACE.jsonl`: checks a trace file and says where it is wrong. */
import { parseArgs } from 'node:util';
import { readTraceFile } from '../recording/trace-reader.js';
import { err, out } from './io.js';
import { EXIT_FAILURE, EXIT_OK, messageOf, showHelp, usageError } from './usage.js';

/** The help of `sockscope validate`. */
export const VALIDATE_USAGE = `
usage: sockscope validate TRACE.jsonl

Checks a trace file line by line: the header (format, version, fields), then every
event against the event schema. A last line cut short (the writer was killed) is
dropped and reported; anything else wrong is an error that names its line.

prints:
  ok: N events, header: SERVER_CLASS[, truncated last line dropped]
  error: line N: WHAT IS WRONG            (exit status 1)

options:
  -h, --help   show this help
`;

/** Runs `sockscope validate` with the arguments after the command name; returns the exit status. */
export async function validateCommand(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (thrown) {
    return usageError('sockscope validate', messageOf(thrown), VALIDATE_USAGE);
  }
  if (parsed.values.help === true) return showHelp(VALIDATE_USAGE);
  const [path, ...extra] = parsed.positionals;
  if (path === undefined) return usageError('sockscope validate', 'which trace file? (give TRACE.jsonl)', VALIDATE_USAGE);
  if (extra.length > 0) return usageError('sockscope validate', `one trace file at a time (got ${parsed.positionals.length})`, VALIDATE_USAGE);

  const result = await readTraceFile(path);
  if (!result.ok) {
    err(`error: ${result.error}\n`);
    return EXIT_FAILURE;
  }
  const { events, header, truncated } = result.file;
  out(`ok: ${events.length} events, header: ${header.server_class}${truncated ? ', truncated last line dropped' : ''}\n`);
  return EXIT_OK;
}
