/**
 * CPY-9: a CPython lab's python3 lives exactly as long as the lab. Ctrl-C reaches the
 * whole process group; the runtime closes the lab and python3 exits with it. A runtime
 * killed outright leaves no python3 behind either: the tracer sees its connection drop.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TestClient, until } from './test-client.js';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function runtimeWithCPythonLab(dir: string) {
  // Its own process group, so the test can send Ctrl-C the way a terminal does.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--recordings', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await until(() => /presenter \(controls the labs\): (\S+)/.test(out), 30, 'the runtime to start');
  const url = new URL((/presenter \(controls the labs\): (\S+)/.exec(out) as RegExpExecArray)[1] as string);
  const client = await TestClient.connect(url.origin, url.searchParams.get('token') ?? '');
  const lab = await client.must('create_lab', { server: 'ThreadingTCPServer', handler: 'echo', backend: 'cpython' });
  await client.must('run_lab', { lab: lab.id });
  await until(() => client.events.some((e) => e.kind === 'select_wait'), 10, 'the loop');
  const python = client.events[0]?.pid ?? 0;
  client.close();
  return { child, python };
}

describe('CPY-9 python3 lives as long as its lab', () => {
  it('Ctrl-C to the group closes the lab and leaves no python3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sockscope-cpy-life-'));
    const { child, python } = await runtimeWithCPythonLab(dir);
    try {
      expect(alive(python)).toBe(true);
      process.kill(-(child.pid ?? 0), 'SIGINT');
      const code = await new Promise((r) => child.once('exit', r));
      expect(code).toBe(0);
      await until(() => !alive(python), 5, 'python3 to exit');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      if (alive(python)) process.kill(python, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a runtime killed with SIGKILL leaves no python3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sockscope-cpy-life-'));
    const { child, python } = await runtimeWithCPythonLab(dir);
    try {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      await until(() => !alive(python), 5, 'python3 to exit');
    } finally {
      if (alive(python)) process.kill(python, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
