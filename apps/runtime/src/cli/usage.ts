/**
 * The conventions every command follows for `--help` and bad arguments, as Python's
 * argparse does: help on stdout with status 0; a usage error on stderr with status 2.
 */
import { err, out } from './io.js';

/** Exit status: done. */
export const EXIT_OK = 0;
/** Exit status: the input was bad or could not be read or written. */
export const EXIT_FAILURE = 1;
/** Exit status: the command line was wrong. */
export const EXIT_USAGE = 2;

/** Prints a command's help; returns status 0. */
export function showHelp(usage: string): number {
  out(`${usage.trim()}\n`);
  return EXIT_OK;
}

/** Prints what was wrong with the arguments, then the usage, on stderr; returns status 2. */
export function usageError(command: string, message: string, usage: string): number {
  err(`${command}: ${message}\n\n${usage.trim()}\n`);
  return EXIT_USAGE;
}

/** The message of anything thrown (parseArgs throws TypeErrors with readable messages). */
export function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
