import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTraceFile } from '../recording/trace-reader.js';
import { TestClient, until } from './test-client.js';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

describe('RT-REC-2 a recording survives a killed runtime', () => {
  it('after SIGKILL the file loads with every event written before the last batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sockscope-kill-'));
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--recordings', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      await until(() => /presenter \(controls the labs\): (\S+)/.test(out), 30, 'the runtime to start');
      const presenterUrl = new URL((/presenter \(controls the labs\): (\S+)/.exec(out) as RegExpExecArray)[1] as string);
      const client = await TestClient.connect(presenterUrl.origin, presenterUrl.searchParams.get('token') ?? '');
      const lab = await client.must('create_lab', { server: 'ThreadingTCPServer', handler: 'echo', options: { poll_interval: 0.05 } });
      const rec = await client.must('start_recording', { lab: lab.id });
      await client.must('run_lab', { lab: lab.id });
      await client.must('spawn_clients', {
        lab: lab.id,
        clients: [0, 1, 2].map(() => ({ steps: [['send', 'before the crash\n'], ['recv'], ['close']] })),
      });
      await until(() => client.events.filter((e) => e.kind === 'thread_exit' && e.thread.startsWith('client-')).length === 3, 10, 'clients');
      await new Promise((r) => setTimeout(r, 200)); // more than one flush interval
      const seen = client.events.length;
      client.close();
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const path = join(dir, `${rec.name}.jsonl`);
      const read = await readTraceFile(path);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.file.header.server_class).toBe('ThreadingTCPServer');
      expect(read.file.events.length).toBeGreaterThanOrEqual(seen - 5);
      expect(read.file.events.filter((e) => e.kind === 'thread_spawn' && e.child_name.includes('process_request'))).toHaveLength(3);

      // A writer killed in the middle of a line: that line is dropped, the rest loads.
      appendFileSync(path, '{"seq": 99999, "kind": "ca');
      const cut = await readTraceFile(path);
      expect(cut.ok && cut.file.truncated).toBe(true);
      expect(cut.ok && cut.file.events.length).toBe(read.file.events.length);
      expect(readdirSync(dir)).toContain(`${rec.name}.jsonl`);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
