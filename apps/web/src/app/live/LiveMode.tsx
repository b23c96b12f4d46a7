/**
 * The live lab screen: the connection to the runtime (LiveClient + the live machine), the
 * lab panel, the step-through bar and the workspace at the live cursor. The cursor follows
 * the newest event while the lab runs, sits on the held event while it is paused, and stays
 * where the user put it after a click.
 *
 * Loaded lazily: the static replay-only build never includes it (nor socket.io).
 */
import type { Reply } from '@sockscope/core/trace';
import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useT, type Catalog } from '../../i18n/i18n.js';
import { toggleBreakpoint } from '../../machines/breakpoints.js';
import { canControl, liveMachine, selectedStep, type LiveEvent } from '../../machines/live-machine.js';
import { cursorState } from '../../model/cursor-state.js';
import type { PaneProps } from '../../panes/pane-props.js';
import { NO_CPYTHON, type CPythonSourceState } from '../../panes/source/cpython-context.js';
import { LiveClient, takeToken, type ReplyOf, type RequestName, type RequestOf } from '../../transport/live-client.js';
import { JumpPrompt } from '../JumpPrompt.js';
import { Notice } from '../Notice.js';
import { indexOfSeq } from '../seq.js';
import { Sidebar } from '../Sidebar.js';
import { useShortcuts } from '../useShortcuts.js';
import { Workspace } from '../Workspace.js';
import { LabCard } from './LabCard.js';
import { LabForm } from './LabForm.js';
import type { LiveRequest, LiveStatus, PlaygroundSeed, RuntimeLink } from './live-types.js';
import { Recordings } from './Recordings.js';
import { StepBar, type LiveView } from './StepBar.js';

const TEXT: Catalog<
  | 'panel'
  | 'newLab'
  | 'watching'
  | 'recordings'
  | 'startTitle'
  | 'start1'
  | 'start2'
  | 'start3'
  | 'waitTitle'
  | 'waitText'
  | 'offlineTitle'
  | 'offlineText'
  | 'connectingTitle'
  | 'toReplay'
  | 'refused'
  | 'cannotReach'
  | 'noEventsYet'
  | 'lookHere'
> = {
  en: {
    panel: 'Live lab',
    newLab: 'Start a lab',
    watching: 'This lab',
    recordings: 'Recordings',
    startTitle: 'Start a lab',
    start1: 'Pick a server class — or build one from bases and see its MRO — and a handler, in the panel on the left.',
    start2: 'Press “Start the lab”: the server binds and runs serve_forever() in its own thread.',
    start3: 'Spawn a few clients, then pause and step through the server event by event (Space steps, ? shows every key).',
    waitTitle: 'Waiting for the lecturer to start a lab',
    waitText: 'Everything the lecturer does shows up here live: the threads, every method call, each paused step. Meanwhile you can explore recorded traces.',
    offlineTitle: 'The live lab is not reachable',
    offlineText: 'This page talks to the sockscope runtime that served it. Start it with npm start (it prints the presenter and viewer links), or explore recorded traces meanwhile.',
    connectingTitle: 'Connecting to the live lab…',
    toReplay: 'Open the replay',
    refused: 'The live lab refused',
    cannotReach: 'Cannot reach the live lab ({error}); retrying…',
    noEventsYet: 'The lab is starting: its first events are on their way.',
    lookHere: 'Look here',
  },
  'zh-CN': {
    panel: '实时实验',
    newLab: '启动实验',
    watching: '当前实验',
    recordings: '录制',
    startTitle: '启动一个实验',
    start1: '在左侧面板中选择一个服务器类（或由基类组合出一个类并查看它的 MRO），再选择一个请求处理器。',
    start2: '点击“启动实验”：服务器完成绑定，并在自己的线程中运行 serve_forever()。',
    start3: '启动几个客户端，然后暂停，逐个事件地单步执行服务器（空格键单步，? 查看所有快捷键）。',
    waitTitle: '正在等待讲师启动实验',
    waitText: '讲师的每一步操作都会实时显示在这里：各个线程、每一次方法调用、每一次暂停与单步。在此期间，你可以先浏览已录制的追踪。',
    offlineTitle: '无法连接到实时实验',
    offlineText: '此页面需要与提供它的 sockscope 运行时通信。请用 npm start 启动（它会打印讲师和观众的链接），或者先浏览已录制的追踪。',
    connectingTitle: '正在连接实时实验…',
    toReplay: '打开回放',
    refused: '实时实验拒绝了请求',
    cannotReach: '无法连接到实时实验（{error}），正在重试…',
    noEventsYet: '实验正在启动，最初的事件马上就到。',
    lookHere: '看这里',
  },
};

/** What the live screen needs from the app. */
export interface LiveModeProps {
  readonly active: boolean;
  readonly presenter: boolean;
  /** The help overlay is open: shortcuts wait. */
  readonly overlayOpen: boolean;
  readonly onStatus: (status: LiveStatus) => void;
  /** The connection for the rest of the app (the compare view, the source pane's CPython column). */
  readonly onRuntime: (link: RuntimeLink) => void;
  /** Opens a trace path (a recording) in the replay. */
  readonly onOpenInReplay: (path: string) => void;
  readonly onSwitchToReplay: () => void;
  /** Bases a lesson sends to the MRO playground: the form opens on them, lit. */
  readonly playgroundSeed?: PlaygroundSeed | null;
  /** The guided lessons, listed on the start screen. */
  readonly lessons?: ReactNode;
}

/** How long to wait for the runtime's python3 to say where its socketserver is. */
const CPYTHON_SOURCE_TIMEOUT_MS = 15_000;

/** Where the live cursor is: following the newest event, on the held one, or where the user put it. */
type CursorMode = { readonly kind: 'follow' } | { readonly kind: 'held' } | { readonly kind: 'manual'; readonly index: number };

/** The live screen. */
export default function LiveMode({ active, presenter, overlayOpen, onStatus, onRuntime, onOpenInReplay, onSwitchToReplay, playgroundSeed = null, lessons }: LiveModeProps) {
  const t = useT(TEXT);
  const sendRef = useRef<((event: LiveEvent) => void) | null>(null);
  const [client] = useState(() => new LiveClient({ token: takeToken(), dispatch: (event) => sendRef.current?.(event) }));
  const actor = useActorRef(liveMachine, { input: { send: client.control } });
  sendRef.current = (event) => actor.send(event);

  useEffect(() => {
    client.connect();
    return () => client.close();
  }, [client]);

  const version = useSyncExternalStore(client.subscribe, client.getVersion);
  const view: LiveView = useSelector(actor, (s) => {
    if (s.matches('disconnected')) return 'disconnected';
    if (s.matches('connecting')) return 'connecting';
    if (s.matches({ connected: 'paused' })) return 'paused';
    if (s.matches({ connected: 'stepping' })) return 'stepping';
    return 'live';
  });
  const role = useSelector(actor, (s) => s.context.role);
  const labs = useSelector(actor, (s) => s.context.labs);
  const labId = useSelector(actor, (s) => s.context.lab);
  const step = useSelector(actor, (s) => selectedStep(s.context));
  const error = useSelector(actor, (s) => s.context.error);
  const connectError = useSelector(actor, (s) => s.context.connectError);
  const control = useSelector(actor, (s) => canControl(s.context));
  const lab = labs.find((l) => l.id === labId) ?? null;
  const model = labId === null ? null : (client.models.get(labId) ?? null);

  useEffect(() => {
    onStatus({ connection: view === 'disconnected' ? 'disconnected' : view === 'connecting' ? 'connecting' : 'connected', role });
  }, [view, role, onStatus]);

  const request: LiveRequest = useCallback(
    <K extends RequestName>(name: K, req: RequestOf<K>, timeoutMs?: number): Promise<Reply<ReplyOf<K>>> => client.request(name, req, timeoutMs),
    [client],
  );

  // CPython's sources: asked for once per connection; kept while the connection is down.
  const online = view !== 'disconnected' && view !== 'connecting';
  const [cpython, setCPython] = useState<CPythonSourceState>(NO_CPYTHON);
  useEffect(() => {
    if (!online) {
      setCPython((c) => (c.status === 'ready' ? c : NO_CPYTHON));
      return;
    }
    let current = true;
    setCPython((c) => (c.status === 'ready' ? c : { status: 'loading' }));
    void client.request('cpython_source', {}, CPYTHON_SOURCE_TIMEOUT_MS).then((reply) => {
      if (!current) return;
      setCPython((c) => (reply.ok ? { status: 'ready', sources: reply.value } : c.status === 'ready' ? c : { status: 'error', error: reply.error }));
    });
    return () => {
      current = false;
    };
  }, [online, client]);
  useEffect(() => onRuntime({ request: online ? request : null, cpython }), [online, request, cpython, onRuntime]);

  // The cursor: a pause (or a new held event) puts it on the held event; continuing follows again.
  const [cursorMode, setCursorMode] = useState<CursorMode>({ kind: 'follow' });
  const heldSeq = step?.held?.seq ?? null;
  useEffect(() => {
    if (view === 'paused' && heldSeq !== null) setCursorMode({ kind: 'held' });
    else if (view === 'live') setCursorMode((m) => (m.kind === 'held' ? { kind: 'follow' } : m));
  }, [view, heldSeq]);
  useEffect(() => setCursorMode({ kind: 'follow' }), [labId]);

  const length = model?.length ?? 0;
  let cursor = length - 1;
  if (cursorMode.kind === 'manual') cursor = Math.min(cursorMode.index, length - 1);
  else if (cursorMode.kind === 'held' && heldSeq !== null && model) cursor = indexOfSeq(model.events, heldSeq);

  const pane: PaneProps | null = useMemo(() => {
    if (!model || !lab) return null;
    return {
      model,
      version,
      description: lab,
      state: cursorState(model, cursor),
      onCursor: (index: number) => setCursorMode({ kind: 'manual', index }),
    };
  }, [model, lab, version, cursor]);

  const onFollowChange = useCallback(
    (follow: boolean) => setCursorMode(follow ? { kind: 'follow' } : { kind: 'manual', index: cursor }),
    [cursor],
  );

  // A lesson's "open the MRO playground": the form is lit until a lab starts.
  const [litSeed, setLitSeed] = useState<number | null>(null);
  const seedN = playgroundSeed?.n ?? null;
  useEffect(() => setLitSeed(seedN), [seedN]);
  const labCount = labs.length;
  const labsBefore = useRef(labCount);
  useEffect(() => {
    if (labCount > labsBefore.current) setLitSeed(null);
    labsBefore.current = labCount;
  }, [labCount]);
  const formLit = litSeed !== null;

  const [jumping, setJumping] = useState(false);
  useShortcuts('live', active && !jumping && !overlayOpen, {
    step: () => actor.send({ type: 'STEP' }),
    playPause: () => actor.send({ type: view === 'paused' || view === 'stepping' ? 'RESUME' : 'PAUSE' }),
    continue: () => actor.send({ type: 'RESUME' }),
    jump: () => {
      if (length > 0) setJumping(true);
    },
    toggleBreakpoint: () => {
      const method = pane?.state.active;
      if (!method || !step) return;
      actor.send({ type: 'SET_BREAKPOINTS', breakpoints: toggleBreakpoint(step.breakpoints, 'methods', `${method.cls}.${method.method}`) });
    },
  });

  if (!active) return null;
  const connected = online;
  return (
    <div className="mode mode--live">
      <Sidebar title={t('panel')} folded={presenter}>
        <div className="sidebar__inner">
          {control && (
            <details className={`side-section side-details${formLit ? ' is-lit' : ''}`} open={labs.length === 0 || formLit} data-pane="playground" data-lit={formLit || undefined}>
              <summary className="side-title">{t('newLab')}</summary>
              {formLit && (
                <span className="ws-lit-label" aria-hidden="true">
                  {t('lookHere')}
                </span>
              )}
              <LabForm request={request} seed={playgroundSeed} />
            </details>
          )}
          {lab && (
            <section className="side-section">
              <h2 className="side-title">{t('watching')}</h2>
              <LabCard key={lab.id} lab={lab} model={model} canControl={control} request={request} />
            </section>
          )}
          {connected && (
            <section className="side-section">
              <h2 className="side-title">{t('recordings')}</h2>
              <Recordings recordings={client.recordings} onOpen={onOpenInReplay} />
            </section>
          )}
        </div>
      </Sidebar>
      <div className="main">
        <StepBar
          labs={labs}
          lab={labId}
          onSelect={(id) => actor.send({ type: 'SELECT_LAB', lab: id })}
          view={view}
          step={step}
          model={model}
          version={version}
          canControl={control}
          following={cursorMode.kind === 'follow'}
          onFollow={() => setCursorMode({ kind: 'follow' })}
          onPause={() => actor.send({ type: 'PAUSE' })}
          onStep={() => actor.send({ type: 'STEP' })}
          onRunTo={(target) => actor.send({ type: 'RUN_TO', target })}
          onResume={() => actor.send({ type: 'RESUME' })}
          onBreakpoints={(breakpoints) => actor.send({ type: 'SET_BREAKPOINTS', breakpoints })}
        />
        {error !== null && (
          <Notice title={t('refused')} onDismiss={() => actor.send({ type: 'DISMISS' })}>
            <code className="error-where">{error}</code>
          </Notice>
        )}
        {view === 'connecting' && connectError !== null && <Notice tone="warn" title={t('cannotReach', { error: connectError })} />}
        {pane && pane.model.length > 0 ? (
          <Workspace pane={pane} presenter={presenter} follow={cursorMode.kind === 'follow'} onFollowChange={onFollowChange} />
        ) : (
          <div className="empty">
            <div className="empty__card">
              {!connected ? (
                <>
                  <h2>{view === 'connecting' && connectError === null ? t('connectingTitle') : t('offlineTitle')}</h2>
                  {(view === 'disconnected' || connectError !== null) && <p>{t('offlineText')}</p>}
                  <button type="button" className="btn" onClick={onSwitchToReplay}>
                    {t('toReplay')}
                  </button>
                </>
              ) : lab ? (
                <p>{t('noEventsYet')}</p>
              ) : control ? (
                <>
                  <h2>{t('startTitle')}</h2>
                  <ol className="empty__steps">
                    <li>{t('start1')}</li>
                    <li>{t('start2')}</li>
                    <li>{t('start3')}</li>
                  </ol>
                </>
              ) : (
                <>
                  <div className="empty__pulse" aria-hidden="true" />
                  <h2>{t('waitTitle')}</h2>
                  <p>{t('waitText')}</p>
                  <button type="button" className="btn" onClick={onSwitchToReplay}>
                    {t('toReplay')}
                  </button>
                </>
              )}
            </div>
            {!lab && lessons && <div className="empty__card empty__card--lessons">{lessons}</div>}
          </div>
        )}
      </div>
      {jumping && model && model.length > 0 && (
        <JumpPrompt
          first={model.events[0]?.seq ?? 1}
          last={model.events.at(-1)?.seq ?? 1}
          onJump={(seq) => setCursorMode({ kind: 'manual', index: indexOfSeq(model.events, seq) })}
          onClose={() => setJumping(false)}
        />
      )}
    </div>
  );
}
