import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/sockscope.js', import.meta.url));

/** Runs the real `sockscope` shim in a child process. */
async function sockscope(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { timeout: 15_000 });
    return { code: 0, stdout, stderr };
  } catch (thrown) {
    const failure = thrown as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

describe('CLI-BIN-1 bin/sockscope.js runs the TypeScript CLI and exits with its status', () => {
  it('--help lists the commands, status 0', async () => {
    const { code, stdout } = await sockscope('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: sockscope <command> \[options\]/);
    expect(stdout).toMatch(/^ {2}record +/m);
    expect(stdout).toMatch(/^ {2}validate +/m);
    expect(stdout).toMatch(/^ {2}export-chrome +/m);
  });

  it('an unknown command: status 2', async () => {
    const { code, stderr } = await sockscope('frob');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frob"/);
  });
});
