/**
 * The `sockscope` tool's dispatcher: picks the command named by the first argument and
 * runs it with the rest. Commands load on demand, so `--help` stays instant and one
 * command's dependencies never slow down another.
 */
import { err, out } from './io.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './usage.js';

/** A command: runs with the arguments after its name and returns the exit status. */
export type CommandRun = (argv: readonly string[]) => Promise<number>;

/** A command of the tool. */
export interface CliCommand {
  readonly name: string;
  /** One line for the tool's help. */
  readonly summary: string;
  /** Loads the command's module. */
  load(): Promise<CommandRun>;
}

/** The tool's help, listing `commands`. */
export function toolUsage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`);
  return `usage: sockscope <command> [options]

sockscope: watch Python's socketserver at work. Traces are JSON Lines files: a header
line, then one event per line.

commands:
${lines.join('\n')}

Run 'sockscope <command> --help' for a command's options.
`;
}

/** Runs the command `argv` names; returns the exit status (2 for a usage error). */
export async function dispatch(argv: readonly string[], commands: readonly CliCommand[]): Promise<number> {
  const usage = toolUsage(commands);
  const [name, ...rest] = argv;
  if (name === undefined) {
    err(usage);
    return EXIT_USAGE;
  }
  if (name === '-h' || name === '--help') {
    out(usage);
    return EXIT_OK;
  }
  // `sockscope help CMD` is `sockscope CMD --help`.
  if (name === 'help' && rest[0] !== undefined) return dispatch([rest[0], '--help'], commands);
  if (name === 'help') {
    out(usage);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    err(`sockscope: unknown command ${JSON.stringify(name)}\n\n${usage}`);
    return EXIT_USAGE;
  }
  try {
    const run = await command.load();
    return await run(rest);
  } catch (thrown) {
    // A command reports what it expects; anything thrown is a failure, said in one line.
    err(`sockscope ${name}: ${thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown)}\n`);
    return EXIT_FAILURE;
  }
}
