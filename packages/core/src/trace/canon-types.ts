/**
 * The canonical form of a trace: what a run did, without its timing, so that the same
 * scenario run on the port and on CPython can be compared line for line.
 */

/** A class as the form shows it: its MRO and its resolution table, sorted by method. */
export interface CanonClass {
  readonly name: string;
  readonly mro: readonly string[];
  /** `[method, class whose implementation runs]`, sorted by method. */
  readonly resolution: ReadonlyArray<readonly [string, string]>;
}

/**
 * One item of a thread's tree: a call (`Class.method`, `Class.method !ValueError`,
 * `Class.method (open)`) with the calls and markers inside it, or a marker
 * (`select: ready`, `spawn worker 1`, `(idle)`, ...) with no children.
 */
export interface CanonNode {
  readonly label: string;
  readonly children: readonly CanonNode[];
}

/** A logical thread, named by its role: `main`, `loop`, `worker 2`, `child 1`, `thread 1`. */
export interface CanonThread {
  readonly role: string;
  readonly tree: readonly CanonNode[];
}

/** A process that forked or reaped: `server`, or `child 2`; the statuses of the children it reaped, sorted. */
export interface CanonProcess {
  readonly role: string;
  readonly reaped: readonly number[];
}

/** A scripted client (`client-N`): what it did and saw, in order (`connect`, `send b'hi'`, `recv b''`, `error`, ...). */
export interface CanonClient {
  readonly n: number;
  readonly actions: readonly string[];
}

/** The canonical form of a whole trace. */
export interface CanonicalForm {
  readonly server: CanonClass;
  readonly handler: CanonClass;
  /** main, loop(s), workers, forked children, other threads: in that order. */
  readonly threads: readonly CanonThread[];
  readonly processes: readonly CanonProcess[];
  /** By client number. */
  readonly clients: readonly CanonClient[];
}

/** One line of a diff between two canonical texts. */
export interface CanonDiffLine {
  readonly op: 'same' | 'only_a' | 'only_b';
  readonly text: string;
}
