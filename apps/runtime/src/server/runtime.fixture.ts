/** A runtime on a free port with a presenter and a viewer connected, for integration tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime, type Runtime } from './runtime.js';
import { TestClient } from './test-client.js';

/** What a test gets: the runtime, its two connections, and how to end it all. */
export interface TestRuntime {
  readonly runtime: Runtime;
  readonly presenter: TestClient;
  readonly viewer: TestClient;
  close(): Promise<void>;
}

/** Starts a runtime (recordings in a temp folder, no web app) and connects a presenter and a viewer. */
export async function startTestRuntime(prefix: string): Promise<TestRuntime> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const runtime = await startRuntime({ port: 0, recordingsDir: join(dir, 'rec'), webRoot: join(dir, 'no-web') });
  const presenter = await TestClient.connect(runtime.url, runtime.token);
  const viewer = await TestClient.connect(runtime.url);
  return {
    runtime,
    presenter,
    viewer,
    async close() {
      presenter.close();
      viewer.close();
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
