/** The machine a run measured on, for the report (numbers mean little without it). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** What RESULTS.md says about the machine. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  /** e.g. `Python 3.11.7`, or null without python3. */
  readonly python: string | null;
  /** The 1-minute load average when the run started. */
  readonly loadAverage: number;
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
    if (pretty) return `${pretty}, ${os.type()} ${os.release()} ${os.arch()}`;
  } catch {
    // not Linux, or no os-release
  }
  return `${os.type()} ${os.release()} ${os.arch()}`;
}

/** The python3 on PATH (or $SOCKSCOPE_PYTHON) and its version, or null when there is none. */
export function findPython(): { executable: string; version: string } | null {
  const executable = process.env['SOCKSCOPE_PYTHON'] ?? 'python3';
  try {
    const version = execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    return { executable, version };
  } catch {
    return null;
  }
}

/** Describes this machine. */
export function describeMachine(python: string | null): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    python,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}
