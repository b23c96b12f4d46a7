/** Replay mode: the side panel, the transport bar, the workspace at the replay's cursor. */
import { useMemo, useState } from 'react';
import { useT, type Catalog } from '../../i18n/i18n.js';
import { toggleBreakpoint } from '../../machines/breakpoints.js';
import { cursorState } from '../../model/cursor-state.js';
import type { PaneProps } from '../../panes/pane-props.js';
import { JumpPrompt } from '../JumpPrompt.js';
import { indexOfSeq } from '../seq.js';
import { Sidebar } from '../Sidebar.js';
import { useShortcuts } from '../useShortcuts.js';
import { Workspace } from '../Workspace.js';
import { ReplayBar } from './ReplayBar.js';
import { ReplaySidebar } from './ReplaySidebar.js';
import type { ReplayController } from './useReplayController.js';

const TEXT: Catalog<'panel' | 'empty' | 'emptyHint' | 'loading'> = {
  en: {
    panel: 'Traces',
    empty: 'Open a trace to replay it',
    emptyHint: 'Pick an example on the left, open a .jsonl file, or drop one onto the page.',
    loading: 'Opening the trace…',
  },
  'zh-CN': {
    panel: '追踪',
    empty: '打开一个追踪文件进行回放',
    emptyHint: '在左侧选择一个示例，打开 .jsonl 文件，或把文件拖到页面上。',
    loading: '正在打开追踪…',
  },
};

/** The replay screen. */
export function ReplayMode({ replay, active, presenter, overlayOpen }: { readonly replay: ReplayController; readonly active: boolean; readonly presenter: boolean; readonly overlayOpen: boolean }) {
  const t = useT(TEXT);
  const [jumping, setJumping] = useState(false);
  const { actor, trace, cursor } = replay;
  const model = trace?.model ?? null;

  const pane: PaneProps | null = useMemo(() => {
    if (!model || !trace) return null;
    return {
      model,
      version: model.length,
      description: trace.file.header,
      state: cursorState(model, cursor),
      onCursor: (index: number) => actor.send({ type: 'JUMP', index }),
    };
  }, [model, trace, cursor, actor]);

  useShortcuts('replay', active && !jumping && !overlayOpen, {
    stepForward: () => actor.send({ type: 'STEP_FORWARD' }),
    stepBack: () => actor.send({ type: 'STEP_BACK' }),
    playPause: () => actor.send({ type: 'TOGGLE' }),
    home: () => actor.send({ type: 'JUMP', index: 0 }),
    end: () => actor.send({ type: 'END' }),
    jump: () => {
      if (model && model.length > 0) setJumping(true);
    },
    toggleBreakpoint: () => {
      const method = pane?.state.active;
      if (!method) return;
      actor.send({ type: 'SET_BREAKPOINTS', breakpoints: toggleBreakpoint(replay.breakpoints, 'methods', `${method.cls}.${method.method}`) });
    },
  });

  if (!active) return null;
  const events = model?.events ?? [];
  return (
    <div className="mode mode--replay">
      <Sidebar title={t('panel')} folded={presenter}>
        <ReplaySidebar replay={replay} />
      </Sidebar>
      <div className="main">
        <ReplayBar replay={replay} onJump={() => setJumping(true)} />
        {pane ? (
          <Workspace pane={pane} presenter={presenter} />
        ) : (
          <div className="empty">
            <div className="empty__card">
              <h2>{replay.loading !== null ? t('loading') : t('empty')}</h2>
              <p>{t('emptyHint')}</p>
            </div>
          </div>
        )}
      </div>
      {jumping && events.length > 0 && (
        <JumpPrompt
          first={events[0]?.seq ?? 1}
          last={events.at(-1)?.seq ?? 1}
          onJump={(seq) => actor.send({ type: 'JUMP', index: indexOfSeq(events, seq) })}
          onClose={() => setJumping(false)}
        />
      )}
    </div>
  );
}
