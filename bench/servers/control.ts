/**
 * How a server under test talks to the runner: it announces itself with one JSON line on
 * stdout, answers one-line commands read from stdin with one JSON line each, and exits when
 * stdin closes (so a runner that dies never leaves a server behind) or on SIGTERM.
 */
import { createInterface } from 'node:readline';

/** What a server prints once it serves. */
export interface Announcement {
  readonly ready: true;
  readonly pid: number;
  /** `[host, port]` or a Unix socket path. */
  readonly address: readonly [string, number] | string;
  /** The runtime's URL, for a server traced with a viewer. */
  readonly url?: string;
}

/** Prints the announcement line. */
export function announce(a: Omit<Announcement, 'ready' | 'pid'>): void {
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, ...a })}\n`);
}

/** A command handler: returns what to print as the command's JSON reply. */
export type Commands = Readonly<Record<string, () => unknown>>;

/**
 * Serves commands from stdin until it closes; then runs `stop` (bounded: the process exits
 * after 2 s whatever happens) and exits.
 */
export function serveCommands(commands: Commands, stop: () => Promise<void> | void = () => undefined): void {
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const command = commands[line.trim()];
    let reply: unknown;
    try {
      reply = command ? command() : { error: `unknown command ${JSON.stringify(line)}` };
    } catch (err) {
      reply = { error: String(err) };
    }
    process.stdout.write(`${JSON.stringify(reply ?? {})}\n`);
  });
  const exit = (): void => {
    setTimeout(() => process.exit(0), 2000).unref();
    void Promise.resolve()
      .then(stop)
      .finally(() => process.exit(0));
  };
  rl.on('close', exit);
  process.once('SIGTERM', exit);
  process.once('SIGINT', exit);
}

/** Reads `--name value` options (the servers take a handful of them). */
export function option(argv: readonly string[], name: string, fallback?: string): string {
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}
