/**
 * Starting the servers under test, each in its own process, and talking to them: the
 * address they announce, resetting a memory tracer, a viewer's counts, the server's pid
 * (whose CPU time is measured).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Target } from '../load/spec.js';
import { tsNode, type LineProcess, type Processes } from '../lib/procs.js';
import type { Announcement } from './control.js';

/** Which implementation serves. */
export type Impl = 'core' | 'core+memory' | 'core+viewer' | 'cpython' | 'node';

/** The implementations in the order the tables show them. */
export const IMPLS: readonly Impl[] = ['core', 'core+memory', 'core+viewer', 'cpython', 'node'];

/** One server to start. For `node`, `cls` is the raw echo's kind: `tcp`, `unix` or `udp`. */
export interface ServerSpec {
  readonly impl: Impl;
  readonly cls: string;
  readonly queue: number;
}

/** A key naming a server spec (two arms with the same key share one server). */
export function serverKey(s: ServerSpec): string {
  return `${s.impl}:${s.cls}:q${s.queue}`;
}

/** How a server moves bytes: what its raw Node counterpart is. */
export function transportOf(cls: string): 'tcp' | 'unix' | 'udp' {
  if (cls === 'tcp' || cls === 'unix' || cls === 'udp') return cls;
  if (cls.includes('UDP')) return 'udp';
  return cls.includes('Unix') ? 'unix' : 'tcp';
}

/** A server that announced its address. */
export interface RunningServer {
  readonly spec: ServerSpec;
  readonly target: Target;
  /** The process whose CPU time is the server's. */
  readonly pid: number;
  readonly proc: LineProcess;
  readonly viewer: LineProcess | null;
  /** Empties a memory tracer; returns how many events it held (0 untraced). */
  reset(): Promise<number>;
  /** A viewer's counts since the last call (null without a viewer). */
  viewerStats(): Promise<ViewerStats | null>;
}

/** What a viewer took since its previous stats. */
export interface ViewerStats {
  readonly events: number;
  readonly batches: number;
  readonly gap: number;
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

/** Starts one server (and its viewer) and waits for its announcement. */
export async function launch(procs: Processes, spec: ServerSpec, python: string | null, tmp: string): Promise<RunningServer> {
  const unixPath = join(tmp, `${spec.impl.replace('+', '-')}-${spec.cls}-q${spec.queue}.sock`);
  const queue = String(spec.queue);
  const name = serverKey(spec);
  let proc: LineProcess;
  if (spec.impl === 'cpython') {
    if (python === null) throw new Error('no python3');
    proc = procs.start(name, python, ['-u', here('./cpython_echo.py'), '--cls', spec.cls, '--queue', queue, '--unix', unixPath]);
  } else if (spec.impl === 'node') {
    const c = tsNode(here('./node-raw.ts'), ['--kind', spec.cls, '--queue', queue, '--unix', unixPath]);
    proc = procs.start(name, c.command, c.args);
  } else if (spec.impl === 'core+viewer') {
    const c = tsNode(here('./runtime-server.ts'), ['--cls', spec.cls, '--queue', queue]);
    proc = procs.start(name, c.command, c.args);
  } else {
    const trace = spec.impl === 'core+memory' ? 'memory' : 'none';
    const c = tsNode(here('./core-server.ts'), ['--cls', spec.cls, '--queue', queue, '--trace', trace, '--unix', unixPath]);
    proc = procs.start(name, c.command, c.args);
  }
  const a = await proc.next<Announcement>(60);
  let viewer: LineProcess | null = null;
  if (spec.impl === 'core+viewer') {
    if (a.url === undefined) throw new Error(`${name} announced no URL`);
    const c = tsNode(here('./viewer.ts'), ['--url', a.url]);
    viewer = procs.start(`viewer of ${name}`, c.command, c.args);
    await viewer.next(60);
  }
  const udp = transportOf(spec.cls) === 'udp';
  const target: Target =
    typeof a.address === 'string'
      ? { kind: 'unix', path: a.address }
      : { kind: udp ? 'udp' : 'tcp', host: a.address[0], port: a.address[1] };
  return {
    spec,
    target,
    pid: proc.pid,
    proc,
    viewer,
    async reset() {
      if (spec.impl !== 'core+memory') return 0;
      return (await proc.command<{ events: number }>('reset')).events;
    },
    async viewerStats() {
      return viewer ? viewer.command<ViewerStats>('stats') : null;
    },
  };
}
