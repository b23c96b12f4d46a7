/**
 * The load generator's process (started by `LoadGenerator` with child_process.fork), so
 * that the clients never share an event loop with a server under test. It runs one load
 * per IPC message and answers with its LoadResult; it exits when the runner disconnects.
 */
import type { Recorder } from './recorder.js';
import type { LoadResult, LoadSpec } from './spec.js';
import { runConnect, runPersistent } from './tcp.js';
import { runDatagram } from './udp.js';

/** An IPC request: a load to run, with an id to answer with. */
export interface RunMessage {
  readonly id: number;
  readonly spec: LoadSpec;
}

/** The IPC answer. */
export type ResultMessage = { readonly id: number; readonly result: LoadResult } | { readonly id: number; readonly error: string };

function run(spec: LoadSpec): Promise<Recorder> {
  switch (spec.mode) {
    case 'persistent':
      return runPersistent(spec);
    case 'connect':
      return runConnect(spec);
    case 'datagram':
      return runDatagram(spec);
  }
}

process.on('message', (msg: RunMessage) => {
  run(msg.spec).then(
    (rec) => process.send?.({ id: msg.id, result: rec.result() } satisfies ResultMessage),
    (err: unknown) => process.send?.({ id: msg.id, error: err instanceof Error ? err.message : String(err) } satisfies ResultMessage),
  );
});
process.on('disconnect', () => process.exit(0));
process.send?.({ id: 0, ready: true });
