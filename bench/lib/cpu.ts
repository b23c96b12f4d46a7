/** CPU time of a process (and its reaped children) from /proc, in microseconds. */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

let clockTicks: number | undefined;

/** The kernel's clock ticks per second (`getconf CLK_TCK`, almost always 100). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** The CPU fields of a /proc/PID/stat line, in clock ticks. */
export interface StatTicks {
  readonly utime: number;
  readonly stime: number;
  /** User and system time of children the process has waited for (reaped). */
  readonly cutime: number;
  readonly cstime: number;
}

/** Parses a /proc/PID/stat line (the command name may hold spaces and parentheses). */
export function parseStat(line: string): StatTicks {
  const close = line.lastIndexOf(')');
  if (close < 0) throw new Error('not a /proc/PID/stat line');
  // Fields after the name start with field 3 (state); utime is field 14.
  const f = line.slice(close + 2).trim().split(/\s+/);
  const at = (field: number): number => Number(f[field - 3]);
  return { utime: at(14), stime: at(15), cutime: at(16), cstime: at(17) };
}

/**
 * CPU time (µs) the process has used so far, all its threads, plus that of the children it
 * reaped (a forking server's request processes); null if the process is gone.
 */
export function cpuMicros(pid: number): number | null {
  try {
    const t = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return ((t.utime + t.stime + t.cutime + t.cstime) * 1e6) / ticksPerSecond();
  } catch {
    return null;
  }
}
