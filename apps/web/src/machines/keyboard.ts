/**
 * The keyboard shortcuts, as a pure mapping from a key press to an action (so it can be
 * tested without a browser), and their descriptions for the help overlay in both languages.
 *
 * | key                 | live lab                    | replay                    |
 * |---------------------|-----------------------------|---------------------------|
 * | 1 / 2 / 3 / 4       | to the live lab / the replay / the comparison / the lessons (every mode) |
 * | Space, →            | step one event              | step forward              |
 * | Shift+Space, ←      | –                           | step back                 |
 * | p                   | pause / continue            | play / pause              |
 * | c                   | continue                    | –                         |
 * | b                   | breakpoint on the cursor's method (toggle)              |
 * | g                   | jump to event #N (a small prompt)                       |
 * | Home / End          | –                           | first / last event        |
 * | ?                   | this help                                               |
 * | Esc                 | close the help or the prompt                            |
 *
 * The comparison of two traces (`compare`) has only the mode keys, `?` and Esc. A guided
 * lesson (`lessons`) has its own: → / N / PageDown the next note, ← / P / PageUp the previous
 * one (a presentation clicker sends those), A–F pick an answer, Shift+→ / Shift+← step the
 * replay's cursor, Esc leaves the lesson.
 */
import type { Catalog } from '../i18n/i18n.js';

/** The modes of the app: the live lab, the replay of a trace, two traces compared, the guided lessons. */
export type AppMode = 'live' | 'replay' | 'compare' | 'lessons';

/** Every mode, in the order of their keys (1, 2, 3, 4) and of the top bar. */
export const APP_MODES: readonly AppMode[] = ['live', 'replay', 'compare', 'lessons'];

/** The answer keys of a lesson's question, in choice order. */
export const ANSWER_KEYS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

/** Picks choice N (from 0) of a lesson's question. */
export type AnswerAction = `answer${0 | 1 | 2 | 3 | 4 | 5}`;

/** What a shortcut does. */
export type KeyAction =
  | 'step'
  | 'stepForward'
  | 'stepBack'
  | 'playPause'
  | 'continue'
  | 'toggleBreakpoint'
  | 'jump'
  | 'home'
  | 'end'
  | 'help'
  | 'close'
  | 'modeLive'
  | 'modeReplay'
  | 'modeCompare'
  | 'modeLessons'
  | 'nextNote'
  | 'prevNote'
  | AnswerAction;

/** The parts of a KeyboardEvent the mapping looks at. */
export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** The action for a key press in a mode, or null when the key means nothing there. */
export function keyAction(press: KeyPress, mode: AppMode): KeyAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  switch (press.key) {
    case '1':
      return 'modeLive';
    case '2':
      return 'modeReplay';
    case '3':
      return 'modeCompare';
    case '4':
      return 'modeLessons';
    case '?':
      return 'help';
    case 'Escape':
      return 'close';
    default:
      if (mode === 'lessons') return lessonKey(press);
      return mode === 'compare' ? null : traceKey(press, mode === 'live');
  }
}

/** The keys of a guided lesson. */
function lessonKey(press: KeyPress): KeyAction | null {
  switch (press.key) {
    case 'ArrowRight':
      return press.shiftKey ? 'stepForward' : 'nextNote';
    case 'ArrowLeft':
      return press.shiftKey ? 'stepBack' : 'prevNote';
    case 'PageDown':
    case 'n':
    case 'N':
      return 'nextNote';
    case 'PageUp':
    case 'p':
    case 'P':
      return 'prevNote';
    default: {
      const choice = ANSWER_KEYS.indexOf(press.key.toLowerCase() as (typeof ANSWER_KEYS)[number]);
      return choice === -1 ? null : (`answer${choice}` as AnswerAction);
    }
  }
}

/** The keys that move through a trace: the live lab's or the replay's. */
function traceKey(press: KeyPress, live: boolean): KeyAction | null {
  switch (press.key) {
    case ' ':
    case 'Spacebar':
      if (press.shiftKey) return live ? null : 'stepBack';
      return live ? 'step' : 'stepForward';
    case 'ArrowRight':
      return live ? 'step' : 'stepForward';
    case 'ArrowLeft':
      return live ? null : 'stepBack';
    case 'p':
    case 'P':
      return 'playPause';
    case 'c':
    case 'C':
      return live ? 'continue' : null;
    case 'b':
    case 'B':
      return 'toggleBreakpoint';
    case 'g':
    case 'G':
      return 'jump';
    case 'Home':
      return live ? null : 'home';
    case 'End':
      return live ? null : 'end';
    default:
      return null;
  }
}

/** Whether a key press happened while typing (the shortcuts then stay out of the way). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (target === null || typeof target !== 'object') return false;
  const el = target as { tagName?: unknown; isContentEditable?: unknown; type?: unknown };
  if (el.isContentEditable === true) return true;
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Buttons-like inputs do not take text: Space on a focused checkbox still toggles it, though.
  const type = typeof el.type === 'string' ? el.type : 'text';
  return !['button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
}

/** Keys of the help overlay's descriptions. */
export type ShortcutKey =
  | 'stepLive'
  | 'stepForward'
  | 'stepBack'
  | 'pauseLive'
  | 'playReplay'
  | 'continue'
  | 'breakpoint'
  | 'jump'
  | 'homeEnd'
  | 'help'
  | 'close'
  | 'modes'
  | 'nextNote'
  | 'prevNote'
  | 'answer'
  | 'stepLesson'
  | 'leaveLesson';

/** One row of the help overlay: the keys, what they do, and in which modes. */
export interface Shortcut {
  readonly keys: readonly string[];
  readonly text: ShortcutKey;
  readonly modes: readonly AppMode[];
}

/** Every shortcut, in the order the help overlay lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Space', '→'], text: 'stepLive', modes: ['live'] },
  { keys: ['Space', '→'], text: 'stepForward', modes: ['replay'] },
  { keys: ['Shift+Space', '←'], text: 'stepBack', modes: ['replay'] },
  { keys: ['p'], text: 'pauseLive', modes: ['live'] },
  { keys: ['p'], text: 'playReplay', modes: ['replay'] },
  { keys: ['c'], text: 'continue', modes: ['live'] },
  { keys: ['b'], text: 'breakpoint', modes: ['live', 'replay'] },
  { keys: ['g'], text: 'jump', modes: ['live', 'replay'] },
  { keys: ['Home', 'End'], text: 'homeEnd', modes: ['replay'] },
  { keys: ['→', 'N', 'PageDown'], text: 'nextNote', modes: ['lessons'] },
  { keys: ['←', 'P', 'PageUp'], text: 'prevNote', modes: ['lessons'] },
  { keys: ['A', 'B', 'C', 'D'], text: 'answer', modes: ['lessons'] },
  { keys: ['Shift+→', 'Shift+←'], text: 'stepLesson', modes: ['lessons'] },
  { keys: ['1', '2', '3', '4'], text: 'modes', modes: ['live', 'replay', 'compare', 'lessons'] },
  { keys: ['?'], text: 'help', modes: ['live', 'replay', 'compare', 'lessons'] },
  { keys: ['Esc'], text: 'close', modes: ['live', 'replay', 'compare'] },
  { keys: ['Esc'], text: 'leaveLesson', modes: ['lessons'] },
];

/** The descriptions, in both languages. */
export const SHORTCUT_TEXT: Catalog<ShortcutKey> = {
  en: {
    stepLive: 'Step: let the held thread run to its next event',
    stepForward: 'Step forward one event',
    stepBack: 'Step back one event',
    pauseLive: 'Pause the lab, or let it continue',
    playReplay: 'Play or pause the replay',
    continue: 'Continue: release every held thread',
    breakpoint: "Set or clear a breakpoint on the cursor's method",
    jump: 'Jump to event #N',
    homeEnd: 'First / last event',
    help: 'Show or hide these shortcuts',
    close: 'Close this window or the prompt',
    modes: 'Switch mode: {names}',
    nextNote: 'Next note (once its question is answered)',
    prevNote: 'Previous note',
    answer: "Pick an answer to the note's question",
    stepLesson: "Step the recording's cursor forward / back",
    leaveLesson: 'Leave the lesson (back to the list)',
  },
  'zh-CN': {
    stepLive: '单步：让被暂停的线程运行到它的下一个事件',
    stepForward: '向前一步（下一个事件）',
    stepBack: '向后一步（上一个事件）',
    pauseLive: '暂停实验，或让它继续运行',
    playReplay: '播放或暂停回放',
    continue: '继续：放行所有被暂停的线程',
    breakpoint: '在光标所在的方法上设置或取消断点',
    jump: '跳转到第 N 号事件',
    homeEnd: '第一个 / 最后一个事件',
    help: '显示或隐藏快捷键说明',
    close: '关闭此窗口或输入框',
    modes: '切换模式：{names}',
    nextNote: '下一条讲解（先答对本条的问题）',
    prevNote: '上一条讲解',
    answer: '选择本条问题的答案',
    stepLesson: '在录制中向前 / 向后移动一个事件',
    leaveLesson: '退出课程（回到课程列表）',
  },
};
