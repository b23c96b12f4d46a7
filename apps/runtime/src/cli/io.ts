/**
 * Where the commands write: stdout and stderr, swappable so that tests can run a
 * command in-process and read what it printed.
 */

/** The two output streams of a command. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CliOutput = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

let current: CliOutput = processOutput;

/** Writes to the command's stdout. */
export function out(text: string): void {
  current.out(text);
}

/** Writes to the command's stderr. */
export function err(text: string): void {
  current.err(text);
}

/** Sends command output to `output` (null: back to the process's streams); returns the previous one. */
export function setCliOutput(output: CliOutput | null): CliOutput {
  const previous = current;
  current = output ?? processOutput;
  return previous;
}
