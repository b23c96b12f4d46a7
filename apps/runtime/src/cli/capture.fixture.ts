/** Test support: captures what commands print, instead of the process's streams. */
import { setCliOutput } from './io.js';

/** Captured output; `restore()` puts the process's streams back. */
export interface Captured {
  stdout(): string;
  stderr(): string;
  restore(): void;
}

/** Starts capturing command output. */
export function captureCliOutput(): Captured {
  let stdout = '';
  let stderr = '';
  const previous = setCliOutput({ out: (text) => void (stdout += text), err: (text) => void (stderr += text) });
  return { stdout: () => stdout, stderr: () => stderr, restore: () => void setCliOutput(previous) };
}
