/** The replay's transport bar: step, play, speed, the scrubber, jump, breakpoints. */
import { useMemo } from 'react';
import { useT, type Catalog } from '../../i18n/i18n.js';
import { SPEEDS } from '../../machines/replay-machine.js';
import { BreakpointsEditor } from '../BreakpointsEditor.js';
import { IconFirst, IconLast, IconPause, IconPlay, IconStep, IconStepBack } from '../icons.js';
import { methodNames, threadNames } from '../trace-info.js';
import type { ReplayController } from './useReplayController.js';

const TEXT: Catalog<
  | 'first'
  | 'back'
  | 'play'
  | 'pause'
  | 'forward'
  | 'last'
  | 'speed'
  | 'scrub'
  | 'jump'
  | 'position'
  | 'atBreakpoint'
  | 'atEnd'
  | 'time'
  | 'lessonBack'
  | 'lessonPlay'
  | 'lessonPause'
  | 'lessonForward'
> = {
  en: {
    lessonBack: 'Step back one event (Shift+←)',
    lessonPlay: 'Play on from here',
    lessonPause: 'Pause',
    lessonForward: 'Step forward one event (Shift+→)',
    first: 'First event (Home)',
    back: 'Step back (←)',
    play: 'Play (p)',
    pause: 'Pause (p)',
    forward: 'Step forward (→ or Space)',
    last: 'Last event (End)',
    speed: 'Speed',
    scrub: 'Position in the trace',
    jump: 'Jump to #…',
    position: 'event {n} of {total}',
    atBreakpoint: 'Stopped at a breakpoint',
    atEnd: 'End of the trace',
    time: '{ms} ms',
  },
  'zh-CN': {
    lessonBack: '后退一个事件（Shift+←）',
    lessonPlay: '从这里继续播放',
    lessonPause: '暂停',
    lessonForward: '前进一个事件（Shift+→）',
    first: '第一个事件（Home）',
    back: '后退一步（←）',
    play: '播放（p）',
    pause: '暂停（p）',
    forward: '前进一步（→ 或空格）',
    last: '最后一个事件（End）',
    speed: '速度',
    scrub: '在追踪中的位置',
    jump: '跳转到 #…',
    position: '第 {n} / {total} 个事件',
    atBreakpoint: '停在断点处',
    atEnd: '已到追踪末尾',
    time: '{ms} 毫秒',
  },
};

/**
 * The bar. `lesson`: inside a guided lesson, without jump and breakpoints (the lesson moves
 * the cursor; the Replay mode has the rest).
 */
export function ReplayBar({ replay, onJump, lesson = false }: { readonly replay: ReplayController; readonly onJump: () => void; readonly lesson?: boolean }) {
  const t = useT(TEXT);
  const { actor, trace, cursor, playing, speed, breakpoints, stopped } = replay;
  const model = trace?.model;
  const length = model?.length ?? 0;
  const event = model?.events[cursor];
  const first = model?.events[0];
  const methods = useMemo(() => (model ? methodNames(model) : []), [model]);
  const threads = useMemo(() => (model ? threadNames(model) : []), [model]);
  const disabled = length === 0;
  const ms = event && first ? ((event.t_ns - first.t_ns) / 1e6).toFixed(1) : '0.0';
  // In a lesson the arrows move between notes: the buttons name the lesson's keys.
  const back = lesson ? t('lessonBack') : t('back');
  const forward = lesson ? t('lessonForward') : t('forward');
  const play = lesson ? t('lessonPlay') : t('play');
  const pause = lesson ? t('lessonPause') : t('pause');

  return (
    <div className="bar replay-bar" role="toolbar" aria-label="replay">
      <div className="bar__group">
        <button type="button" className="btn btn--icon" disabled={disabled} onClick={() => actor.send({ type: 'JUMP', index: 0 })} title={t('first')} aria-label={t('first')}>
          <IconFirst />
        </button>
        <button type="button" className="btn btn--icon" disabled={disabled} onClick={() => actor.send({ type: 'STEP_BACK' })} title={back} aria-label={back}>
          <IconStepBack />
        </button>
        <button
          type="button"
          className="btn btn--icon btn--primary btn--play"
          disabled={disabled}
          onClick={() => actor.send({ type: 'TOGGLE' })}
          title={playing ? pause : play}
          aria-label={playing ? pause : play}
        >
          {playing ? <IconPause /> : <IconPlay />}
        </button>
        <button type="button" className="btn btn--icon" disabled={disabled} onClick={() => actor.send({ type: 'STEP_FORWARD' })} title={forward} aria-label={forward}>
          <IconStep />
        </button>
        <button type="button" className="btn btn--icon" disabled={disabled} onClick={() => actor.send({ type: 'END' })} title={t('last')} aria-label={t('last')}>
          <IconLast />
        </button>
      </div>
      <label className="bar__speed">
        <span className="muted">{t('speed')}</span>
        <select value={speed} onChange={(e) => actor.send({ type: 'SET_SPEED', speed: Number(e.target.value) })}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <input
        className="scrubber"
        type="range"
        min={0}
        max={Math.max(0, length - 1)}
        value={Math.max(0, cursor)}
        disabled={disabled}
        aria-label={t('scrub')}
        aria-valuetext={event ? `#${event.seq}` : ''}
        onChange={(e) => actor.send({ type: 'SEEK', index: Number(e.target.value) })}
      />
      <div className="bar__pos">
        <b className="mono">#{event?.seq ?? '–'}</b>
        {(stopped === 'breakpoint' || stopped === 'end') && !playing ? (
          <span className={`small bar__stopped bar__stopped--${stopped}`}>{stopped === 'breakpoint' ? t('atBreakpoint') : t('atEnd')}</span>
        ) : (
          <span className="muted small">
            {t('position', { n: cursor + 1, total: length })} · {t('time', { ms })}
          </span>
        )}
      </div>
      {!lesson && (
        <>
          <button type="button" className="btn" disabled={disabled} onClick={onJump}>
            {t('jump')}
          </button>
          <BreakpointsEditor breakpoints={breakpoints} onChange={(next) => actor.send({ type: 'SET_BREAKPOINTS', breakpoints: next })} methods={methods} threads={threads} />
        </>
      )}
    </div>
  );
}
