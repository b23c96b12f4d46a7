import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuMicros, parseStat } from './cpu.js';

describe('parseStat', () => {
  it('reads utime, stime, cutime and cstime even when the name holds spaces and parentheses', () => {
    const line = '4242 (node (my) srv) S 1 4242 4242 0 -1 4194560 1000 0 0 0 150 25 7 3 20 0 11 0 100 0 0';
    expect(parseStat(line)).toEqual({ utime: 150, stime: 25, cutime: 7, cstime: 3 });
  });

  it('refuses what is not a stat line', () => {
    expect(() => parseStat('nonsense')).toThrow();
  });
});

describe('cpuMicros', () => {
  it.runIf(existsSync('/proc/self/stat'))('reads this process, and null for a pid that does not exist', () => {
    expect(cpuMicros(process.pid)).toBeGreaterThan(0);
    expect(cpuMicros(2 ** 22 + 17)).toBeNull();
  });
});
