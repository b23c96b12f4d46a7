/**
 * The parts of Python's `os` that ForkingMixIn uses: `waitpid` (with `WNOHANG`) over the
 * real child processes this process started, and `getpid`.
 */
import type { ChildProcess } from 'node:child_process';
import { emit } from '../trace/emit.js';
import { ChildProcessError } from './exceptions.js';

/** Python's `os.WNOHANG`: `waitpid` returns `(0, 0)` at once if the child has not exited. */
export const WNOHANG = 1;

interface Child {
  readonly pid: number;
  exitCode: number | null;
  readonly exited: Promise<void>;
}

/** Children started and not yet reaped, by pid. */
const children = new Map<number, Child>();

/** Records a child process so that `waitpid` can reap it. */
export function adoptChild(proc: ChildProcess): number {
  const pid = proc.pid;
  if (pid === undefined) throw new ChildProcessError(10, 'No child processes');
  let markExited = (): void => undefined;
  const child: Child = { pid, exitCode: null, exited: new Promise((r) => (markExited = r)) };
  proc.once('exit', (code, signal) => {
    child.exitCode = code ?? (signal ? 128 : 1);
    markExited();
  });
  children.set(pid, child);
  return pid;
}

/**
 * Python's `os.waitpid(pid, options)`: reaps child `pid` (or any child for -1) and
 * returns `[pid, status]` (status as the OS encodes it: exit code × 256). With
 * `WNOHANG` and a child still running it returns `[0, 0]`. Raises ChildProcessError when
 * there is no such child.
 */
export async function waitpid(pid: number, options: number): Promise<[number, number]> {
  const candidates = pid === -1 ? [...children.values()] : [children.get(pid)].filter((c) => c !== undefined);
  if (candidates.length === 0) throw new ChildProcessError(10, 'No child processes');
  let done = candidates.find((c) => c.exitCode !== null);
  if (!done && (options & WNOHANG) !== 0) return [0, 0];
  if (!done) {
    await Promise.race(candidates.map((c) => c.exited));
    done = candidates.find((c) => c.exitCode !== null);
  }
  if (!done) return [0, 0];
  children.delete(done.pid);
  const code = done.exitCode ?? 0;
  await emit({ kind: 'reap', child_pid: done.pid, status: code });
  return [done.pid, code * 256];
}

/** Python's `os.getpid()`. */
export function getpid(): number {
  return process.pid;
}
