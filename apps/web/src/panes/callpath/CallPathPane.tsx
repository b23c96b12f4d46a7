/**
 * The call path pane: each live lane's call stack at the cursor (click a frame to go to its
 * call), and the request path as this server class takes it — which steps run in the loop,
 * which in a new thread or a forked child, which are never taken — with the cursor's step lit.
 */
import { useMemo } from 'react';
import { useT, type Catalog, type Translate } from '../../i18n/i18n.js';
import type { LaneStack } from '../../model/cursor-state.js';
import type { PaneProps } from '../pane-props.js';
import { cx, roleClass, type PresenterProps } from '../pane-common.js';
import { PaneFrame } from '../PaneFrame.js';
import { fill } from '../rich.js';
import { countUpTo, currentStep, requestPath, serverVariant, stepOccurrences, visibleStacks, type PathStep, type Variant, type Where } from './callpath.js';
import './callpath.css';

type Key =
  | 'title' | 'stacks' | 'path' | 'idle' | 'noStacks' | 'noDescription' | 'sync' | 'threading' | 'forking'
  | 'stream' | 'datagram' | 'colLoop' | 'colWorker' | 'colChild' | 'colNone' | 'noteSync' | 'noteThreading'
  | 'noteForking' | 'noteDatagram' | 'spawnSync' | 'select' | 'notTaken' | 'times' | 'here' | 'outside' | 'moreBusy' | 'moreIdle'
  | 'goCall' | 'roleMain' | 'roleLoop' | 'roleWorker' | 'roleChild' | 'roleClient' | 'goStep';

const catalog: Catalog<Key> = {
  en: {
    title: 'Call path',
    stacks: 'Call stacks at the cursor',
    path: 'The request path',
    idle: 'No call open: {lanes}',
    noStacks: 'No call is open at the cursor.',
    noDescription: 'This trace has no class description, so the request path is unknown.',
    sync: 'synchronous',
    threading: 'a thread per request',
    forking: 'a process per request',
    stream: 'stream',
    datagram: 'datagram',
    colLoop: 'server loop thread',
    colWorker: 'new thread, one per request',
    colChild: 'forked child, one per request',
    colNone: 'no new thread or process',
    noteSync: '{pr} handles the request in the loop’s own thread: the next client waits until it is done.',
    noteThreading: '{pr} starts a thread that runs {prt}, and the loop goes straight back to {select}.',
    noteForking: '{pr} forks: the child handles the request; the parent closes its copy ({close}) and goes back to {select}.',
    noteDatagram: 'Datagrams: {gr} reads one packet with {recvfrom}; the request is {req}.',
    spawnSync: 'thread spawn / fork',
    select: 'select()',
    notTaken: 'not taken',
    times: '×{n}',
    here: 'the cursor is here',
    outside: 'The cursor is outside the request path (start-up, a client, or shutdown).',
    moreBusy: 'Not shown: {n} more with a call open (shown first: the cursor\'s thread, the server\'s own, then the most recently active).',
    moreIdle: '(+{n} more)',
    goCall: 'Go to this call (event {n})',
    roleMain: 'main',
    roleLoop: 'loop',
    roleWorker: 'request thread',
    roleChild: 'child process',
    roleClient: 'client',
    goStep: 'Go to the next time this step runs',
  },
  'zh-CN': {
    title: '调用路径',
    stacks: '光标处的调用栈',
    path: '请求的处理路径',
    idle: '没有进行中的调用：{lanes}',
    noStacks: '光标处没有进行中的调用。',
    noDescription: '这个跟踪没有类的描述，无法得出请求路径。',
    sync: '同步',
    threading: '每个请求一个线程',
    forking: '每个请求一个进程',
    stream: '流式',
    datagram: '数据报',
    colLoop: '服务器主循环线程',
    colWorker: '新线程（每个请求一个）',
    colChild: 'fork 出的子进程（每个请求一个）',
    colNone: '不创建新线程或进程',
    noteSync: '{pr} 在主循环自己的线程里处理请求：下一个客户端要等它处理完。',
    noteThreading: '{pr} 启动一个运行 {prt} 的线程，主循环随即回到 {select}。',
    noteForking: '{pr} 调用 fork：子进程处理请求；父进程关闭自己那份请求（{close}）后回到 {select}。',
    noteDatagram: '数据报：{gr} 用 {recvfrom} 读一个包；请求是 {req}。',
    spawnSync: '创建线程 / fork',
    select: 'select()',
    notTaken: '不经过',
    times: '×{n}',
    here: '光标在这里',
    outside: '光标不在请求路径上（启动、客户端或关闭阶段）。',
    moreBusy: '未显示：另有 {n} 个线程有进行中的调用（优先显示光标所在的线程、服务器自己的线程，再是最近活跃的线程）。',
    moreIdle: '（另有 {n} 个）',
    goCall: '跳到这次调用（第 {n} 个事件）',
    roleMain: '主线程',
    roleLoop: '主循环',
    roleWorker: '请求线程',
    roleChild: '子进程',
    roleClient: '客户端',
    goStep: '跳到这一步下一次运行的位置',
  },
};

/** Props of CallPathPane. */
export type CallPathPaneProps = PaneProps & PresenterProps;

const ROLE_KEY = { main: 'roleMain', loop: 'roleLoop', worker: 'roleWorker', child: 'roleChild', client: 'roleClient' } as const;

/** The call path pane. */
export function CallPathPane({ model, version, description, state, onCursor, presenter = false }: CallPathPaneProps) {
  const t = useT(catalog);
  const path = useMemo(() => (description ? requestPath(description) : null), [description]);
  const variant = useMemo(() => (description ? serverVariant(description) : null), [description]);
  const occurrences = useMemo(
    () => (description ? stepOccurrences(model, description) : null),
    // The model is mutated in place; `version` says when it grew.
    [model, version, description],
  );
  const position = description ? currentStep(model, state, description) : null;
  const activeLane = position?.lane ?? state.active?.lane ?? null;
  const { busy, idle, hiddenBusy, hiddenIdle } = visibleStacks(state, activeLane);

  return (
    <PaneFrame
      title={t('title')}
      subtitle={variant && <VariantLabel variant={variant} t={t} />}
      presenter={presenter}
      className="ss-callpath"
    >
      <h3 className="ss-section-title">{t('stacks')}</h3>
      {busy.length === 0 && <p className="ss-pane__empty">{t('noStacks')}</p>}
      <div className="ss-callpath-stacks">
        {busy.map((s) => (
          <StackCard key={s.lane.key} stack={s} active={s.lane.key === activeLane} onCursor={onCursor} t={t} />
        ))}
      </div>
      {hiddenBusy > 0 && <p className="ss-callpath-idle">{t('moreBusy', { n: hiddenBusy })}</p>}
      {idle.length > 0 && (
        <p className="ss-callpath-idle">
          {t('idle', { lanes: idle.map((l) => l.name).join(', ') })}
          {hiddenIdle > 0 && ` ${t('moreIdle', { n: hiddenIdle })}`}
        </p>
      )}

      <h3 className="ss-section-title">{t('path')}</h3>
      {!description || !path || !variant || !occurrences ? (
        <p className="ss-pane__empty">{t('noDescription')}</p>
      ) : (
        <>
          <p className="ss-callpath-note">
            {fill(t(variant.concurrency === 'sync' ? 'noteSync' : variant.concurrency === 'threading' ? 'noteThreading' : 'noteForking'), {
              pr: code(`${variant.processRequest ?? '?'}.process_request`),
              prt: code('process_request_thread'),
              select: code('select()'),
              close: code('close_request'),
            })}
            {variant.transport === 'datagram' && (
              <> {fill(t('noteDatagram'), { gr: code(`${variant.getRequest ?? '?'}.get_request`), recvfrom: code('recvfrom'), req: code('(data, socket)') })}</>
            )}
          </p>
          <PathGrid
            path={path}
            variant={variant}
            current={position?.step ?? null}
            count={(id) => countUpTo(occurrences.get(id) ?? [], state.index)}
            onStep={(id) => {
              const list = occurrences.get(id) ?? [];
              const next = list[countUpTo(list, state.index)] ?? list[0];
              if (next !== undefined) onCursor(next);
            }}
            t={t}
          />
          {!position && state.event && <p className="ss-callpath-idle">{t('outside')}</p>}
        </>
      )}
    </PaneFrame>
  );
}

const code = (text: string) => <code className="ss-code">{text}</code>;

function VariantLabel({ variant, t }: { readonly variant: Variant; readonly t: Translate<Key> }) {
  return (
    <span className="ss-callpath-variant">
      {t(variant.concurrency)} · {t(variant.transport)}
    </span>
  );
}

/** One lane's stack: outermost call first, innermost last; each frame goes to its call. */
function StackCard(props: {
  readonly stack: LaneStack;
  readonly active: boolean;
  readonly onCursor: (index: number) => void;
  readonly t: Translate<Key>;
}) {
  const { stack, active, onCursor, t } = props;
  const { lane, frames } = stack;
  return (
    <section className={cx('ss-callpath-card', roleClass(lane.role), active && 'ss-callpath-card--active')} aria-label={lane.name}>
      <header className="ss-callpath-card__head">
        <span className="ss-callpath-card__name">{lane.name}</span>
        <span className="ss-badge">
          {t(ROLE_KEY[lane.role])}
          {lane.role === 'child' && ` · pid ${lane.pid}`}
        </span>
      </header>
      <ol className="ss-callpath-frames">
        {frames.map((f, i) => {
          const innermost = i === frames.length - 1;
          return (
            <li key={f.id} style={{ paddingLeft: `${Math.min(i, 8) * 0.7}em` }}>
              <button
                type="button"
                className={cx('ss-callpath-frame', innermost && 'ss-callpath-frame--top', innermost && active && 'ss-callpath-frame--lit')}
                title={t('goCall', { n: f.startIndex + 1 })}
                onClick={() => onCursor(f.startIndex)}
              >
                {i > 0 && <span className="ss-callpath-frame__hook" aria-hidden="true">↳ </span>}
                <code className="ss-code">
                  <span className="ss-callpath-frame__cls">{f.cls}</span>.<span className="ss-callpath-frame__method">{f.method}</span>
                </code>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The request path: the loop's steps on the left, the new thread's or child's on the right. */
function PathGrid(props: {
  readonly path: readonly PathStep[];
  readonly variant: Variant;
  readonly current: string | null;
  readonly count: (id: PathStep['id']) => number;
  readonly onStep: (id: PathStep['id']) => void;
  readonly t: Translate<Key>;
}) {
  const { path, variant, current, count, onStep, t } = props;
  const second: Where | null = variant.concurrency === 'threading' ? 'worker' : variant.concurrency === 'forking' ? 'child' : null;
  const colTitle = second === 'worker' ? t('colWorker') : second === 'child' ? t('colChild') : t('colNone');
  return (
    <div className={cx('ss-callpath-grid', second === null && 'ss-callpath-grid--sync')} role="list">
      <div className={cx('ss-callpath-col', 'ss-callpath-col--1', 'ss-role-loop')} style={{ gridRow: 1 }}>{t('colLoop')}</div>
      <div className={cx('ss-callpath-col', 'ss-callpath-col--2', second === 'worker' ? 'ss-role-worker' : second === 'child' ? 'ss-role-child' : 'ss-callpath-col--none')} style={{ gridRow: 1 }}>
        {colTitle}
      </div>
      {path.map((step, i) => {
        const lit = current === step.id;
        const n = count(step.id);
        const label = step.id === 'select' ? t('select') : step.id === 'spawn' ? spawnLabel(variant, t) : step.method;
        const col = step.where === 'loop' ? 1 : 2;
        const role = step.where === 'loop' ? 'ss-role-loop' : step.where === 'worker' ? 'ss-role-worker' : 'ss-role-child';
        return (
          <div
            key={step.id}
            role="listitem"
            className={cx(
              'ss-callpath-step',
              `ss-callpath-step--col${col}`,
              role,
              !step.taken && 'ss-callpath-step--untaken',
              lit && 'ss-callpath-step--lit',
              step.side === 'handler' && 'ss-callpath-step--handler',
              step.id === 'spawn' && second && 'ss-callpath-step--spawn',
            )}
            style={{ gridRow: i + 2 }}
            aria-current={lit ? 'step' : undefined}
          >
            <button type="button" className="ss-callpath-step__btn" disabled={!step.taken} title={t('goStep')} onClick={() => onStep(step.id)}>
              <span className="ss-callpath-step__marker" aria-hidden="true">{lit ? '▶' : ''}</span>
              <code className="ss-code ss-callpath-step__name">{label}</code>
              <code className="ss-code ss-callpath-step__cls">{step.cls ?? ''}</code>
              <span className="ss-callpath-step__count">
                {step.taken ? (n > 0 ? t('times', { n }) : '') : t('notTaken')}
              </span>
            </button>
            {lit && <span className="ss-visually-hidden">{t('here')}</span>}
          </div>
        );
      })}
    </div>
  );
}

function spawnLabel(variant: Variant, t: Translate<Key>): string {
  if (variant.concurrency === 'threading') return 'thread_spawn';
  if (variant.concurrency === 'forking') return 'fork';
  return t('spawnSync');
}
