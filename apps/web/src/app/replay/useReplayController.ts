/**
 * The replay's state: the loaded trace and its model, the replay machine (cursor, playing,
 * speed, breakpoints), the examples, loading and errors, and the address (`#trace=…&at=…`)
 * kept in step with the cursor.
 */
import type { TraceFile } from '@sockscope/core/trace';
import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { replayMachine } from '../../machines/replay-machine.js';
import { TraceModel } from '../../model/trace-model.js';
import { fetchExamples, fetchTrace, readTraceFile, type ExampleEntry, type TraceLoad, type TraceSource } from '../../transport/trace-file.js';
import { indexOfSeq, seqAt } from '../seq.js';
import { formatHash, parseHash } from '../url.js';

/** A loaded trace. */
export interface LoadedTrace {
  readonly file: TraceFile;
  readonly model: TraceModel;
  /** A label: the file name, `ThreadingTCPServer.jsonl`. */
  readonly name: string;
  readonly source: TraceSource;
}

/** A failed load, to show. */
export interface LoadError {
  readonly name: string;
  readonly error: string;
}

/** Everything the replay UI needs. */
export type ReplayController = ReturnType<typeof useReplayController>;

/** Where the example traces are, relative to the page. */
export const EXAMPLES_DIR = 'examples/';

/** The replay controller. `active`: the replay is on screen (it owns the address then). */
export function useReplayController(active: boolean) {
  const actor = useActorRef(replayMachine);
  const cursor = useSelector(actor, (s) => s.context.cursor);
  const playing = useSelector(actor, (s) => s.matches('playing'));
  const speed = useSelector(actor, (s) => s.context.speed);
  const breakpoints = useSelector(actor, (s) => s.context.breakpoints);
  const stopped = useSelector(actor, (s) => s.context.stopped);
  const [trace, setTrace] = useState<LoadedTrace | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<LoadError | null>(null);
  const [examples, setExamples] = useState<readonly ExampleEntry[]>([]);
  const [examplesError, setExamplesError] = useState<string | null>(null);
  const [examplesLoaded, setExamplesLoaded] = useState(false);
  /** The newest load wins: a slow fetch never replaces a trace opened after it. */
  const loadCount = useRef(0);

  useEffect(() => {
    let live = true;
    void fetchExamples(`${EXAMPLES_DIR}index.json`).then((r) => {
      if (!live) return;
      setExamples(r.examples);
      setExamplesError(r.error);
      setExamplesLoaded(true);
    });
    return () => {
      live = false;
    };
  }, []);

  const show = useCallback(
    (file: TraceFile, name: string, source: TraceSource, atSeq: number | null) => {
      const model = new TraceModel();
      model.append(file.events);
      setTrace({ file, model, name, source });
      setError(null);
      const at = atSeq === null ? 0 : Math.max(0, indexOfSeq(file.events, atSeq));
      actor.send({ type: 'LOAD', events: file.events, at });
    },
    [actor],
  );

  const finish = useCallback(
    (n: number, load: TraceLoad, source: TraceSource, atSeq: number | null): boolean => {
      if (n !== loadCount.current) return false;
      setLoading(null);
      if (!load.ok) {
        setError({ name: load.name, error: load.error });
        return false;
      }
      show(load.file, load.name, source, atSeq);
      return true;
    },
    [show],
  );

  /** Opens a trace by its path (an example, a recording). */
  const openUrl = useCallback(
    async (url: string, atSeq: number | null = null): Promise<boolean> => {
      const n = ++loadCount.current;
      setLoading(url.split('/').pop() ?? url);
      return finish(n, await fetchTrace(url), { kind: 'url', url }, atSeq);
    },
    [finish],
  );

  /** Opens a file the user chose or dropped. */
  const openFile = useCallback(
    async (file: File): Promise<boolean> => {
      const n = ++loadCount.current;
      setLoading(file.name);
      return finish(n, await readTraceFile(file), { kind: 'file', name: file.name }, null);
    },
    [finish],
  );

  /** Shows a trace already parsed (a recording loaded over socket.io, a live lab's events). */
  const openParsed = useCallback(
    (file: TraceFile, name: string, source: TraceSource) => {
      ++loadCount.current;
      setLoading(null);
      show(file, name, source, null);
    },
    [show],
  );

  // The address: a link opens a trace (and cursor); the cursor moving updates the link.
  const initial = useRef(parseHash(window.location.hash));
  useEffect(() => {
    const { trace: path, at } = initial.current;
    if (path !== null) void openUrl(path, at);
  }, [openUrl]);

  useEffect(() => {
    const onHash = (): void => {
      const next = parseHash(window.location.hash);
      if (next.trace === null) return;
      const current = trace?.source.kind === 'url' ? trace.source.url : null;
      if (next.trace !== current) void openUrl(next.trace, next.at);
      else if (next.at !== null && trace) actor.send({ type: 'JUMP', index: indexOfSeq(trace.file.events, next.at) });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [trace, openUrl, actor]);

  // A first visit to the replay opens the first bundled example: never an empty screen.
  const triedDefault = useRef(false);
  useEffect(() => {
    if (!active || trace !== null || loading !== null || triedDefault.current || initial.current.trace !== null) return;
    const first = examples[0];
    if (!first) return;
    triedDefault.current = true;
    void openUrl(`${EXAMPLES_DIR}${first.file}`);
  }, [active, trace, loading, examples, openUrl]);

  const atSeq = trace ? seqAt(trace.file.events, cursor) : null;
  useEffect(() => {
    if (!active) return;
    const path = trace?.source.kind === 'url' ? trace.source.url : null;
    // While playing, the address is updated when the replay pauses, not at every frame.
    if (playing) return;
    const hash = formatHash({ trace: path, at: path === null ? null : atSeq });
    if (hash !== window.location.hash && !(hash === '' && window.location.hash === '')) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
    }
  }, [active, trace, atSeq, playing]);

  // Playing: one TICK per animation frame with the wall time since the last.
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      // A background tab gets no frames; coming back does not jump ahead by minutes.
      actor.send({ type: 'TICK', elapsedMs: Math.min(250, Math.max(0, now - last)) });
      last = now;
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, actor]);

  return useMemo(
    () => ({
      actor,
      trace,
      cursor,
      playing,
      speed,
      breakpoints,
      stopped,
      loading,
      error,
      examples,
      examplesError,
      examplesLoaded,
      openUrl,
      openFile,
      openParsed,
      dismissError: () => setError(null),
    }),
    [actor, trace, cursor, playing, speed, breakpoints, stopped, loading, error, examples, examplesError, examplesLoaded, openUrl, openFile, openParsed],
  );
}
