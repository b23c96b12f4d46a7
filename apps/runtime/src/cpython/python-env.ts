/**
 * Finding the user's python3 for the CPython backend: `SOCKSCOPE_PYTHON` or `python3` on
 * the PATH, 3.8 or newer. The answer is cached for the life of the runtime.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A usable Python. */
export interface PythonInfo {
  readonly executable: string;
  /** e.g. `3.11.7`. */
  readonly version: string;
}

/** The folder holding the `sockscope_cpython` package (put on PYTHONPATH). */
export const PYTHON_PACKAGE_ROOT = fileURLToPath(new URL('../../python', import.meta.url));

/** The oldest Python the tracer supports. */
export const MIN_PYTHON: readonly [number, number] = [3, 8];

let cached: Promise<PythonInfo> | null = null;

/** The Python the CPython backend runs; rejects with a clear message when there is none. */
export function findPython(): Promise<PythonInfo> {
  cached ??= probePython(process.env['SOCKSCOPE_PYTHON'] ?? 'python3');
  return cached;
}

/** Checks one Python executable: runs it, reads its version, refuses one older than MIN_PYTHON. */
export function probePython(executable: string): Promise<PythonInfo> {
  return new Promise((resolve, reject) => {
    execFile(executable, ['-c', 'import sys, socketserver; print(sys.executable); print("%d.%d.%d" % sys.version_info[:3])'], { timeout: 10_000 }, (error, stdout) => {
      if (error) {
        reject(new Error(`the CPython backend needs python3 (${MIN_PYTHON.join('.')} or newer) on the PATH: ${executable} could not be run (${error.message.split('\n')[0] ?? ''})`));
        return;
      }
      const [path = executable, version = '0.0.0'] = stdout.trim().split('\n');
      const [major = 0, minor = 0] = version.split('.').map(Number);
      if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
        reject(new Error(`the CPython backend needs Python ${MIN_PYTHON.join('.')} or newer; ${path} is ${version}`));
        return;
      }
      resolve({ executable: path, version });
    });
  });
}
