/**
 * `sockscope <command> [args]`: the command line of the sockscope runtime. This file
 * only lists the commands; `dispatch` runs them. Run it through `bin/sockscope.js`
 * (`npx sockscope --help`).
 */
import { dispatch, type CliCommand } from './dispatch.js';

/** The tool's commands, in the order its help lists them. */
export const COMMANDS: readonly CliCommand[] = [
  {
    name: 'record',
    summary: 'run a lab headlessly and record its trace to a file',
    load: async () => (await import('./record.js')).recordCommand,
  },
  {
    name: 'validate',
    summary: 'check a trace file line by line',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'export-chrome',
    summary: 'convert a trace to Chrome Trace Event JSON for Perfetto / chrome://tracing',
    load: async () => (await import('./export-chrome.js')).exportChromeCommand,
  },
  {
    name: 'canon',
    summary: "print a trace's canonical, timing-free form, or diff two traces' forms",
    load: async () => (await import('./canon.js')).canonCommand,
  },
];

/** Runs the command named by `argv[0]`; resolves to the process's exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  return dispatch(argv, COMMANDS);
}
