/** The runner's side of the load generator: one forked process, one load at a time. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Processes } from '../lib/procs.js';
import type { ResultMessage, RunMessage } from './generator.js';
import type { LoadResult, LoadSpec } from './spec.js';

const GENERATOR = fileURLToPath(new URL('./generator.ts', import.meta.url));

/** A load generator process. */
export class LoadGenerator {
  #nextId = 1;
  readonly #pending = new Map<number, (m: ResultMessage) => void>();

  private constructor(readonly child: ChildProcess) {
    child.on('message', (m: ResultMessage) => {
      this.#pending.get(m.id)?.(m);
      this.#pending.delete(m.id);
    });
    child.on('exit', () => {
      for (const [id, settle] of this.#pending) settle({ id, error: 'the load generator exited' });
      this.#pending.clear();
    });
  }

  /** Forks the generator (registered with `procs`, so it is stopped with the rest) and waits until it is ready. */
  static async start(procs: Processes): Promise<LoadGenerator> {
    const child = fork(GENERATOR, [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    procs.adopt(child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the load generator exited (${code})`)));
    });
    return new LoadGenerator(child);
  }

  /** Runs one load; rejects if the generator failed, or after `maxSeconds` + 30 s. */
  run(spec: LoadSpec): Promise<LoadResult> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`the load generator did not answer within ${spec.maxSeconds + 30} s`));
      }, (spec.maxSeconds + 30) * 1000);
      this.#pending.set(id, (m) => {
        clearTimeout(timer);
        if ('result' in m) resolve(m.result);
        else reject(new Error(m.error));
      });
      this.child.send({ id, spec } satisfies RunMessage);
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }
}
