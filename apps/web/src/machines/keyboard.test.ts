import { describe, expect, it } from 'vitest';
import { isTypingTarget, keyAction, SHORTCUT_TEXT, SHORTCUTS, type KeyPress } from './keyboard.js';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('WEB-KEYS-1 the shortcut map', () => {
  it('space steps: one event in the live lab, forward in a replay', () => {
    expect(keyAction(press(' '), 'live')).toBe('step');
    expect(keyAction(press(' '), 'replay')).toBe('stepForward');
    expect(keyAction(press('ArrowRight'), 'replay')).toBe('stepForward');
    expect(keyAction(press('ArrowRight'), 'live')).toBe('step');
  });

  it('shift+space and ← step back in a replay; the live lab cannot go back', () => {
    expect(keyAction(press(' ', { shiftKey: true }), 'replay')).toBe('stepBack');
    expect(keyAction(press('ArrowLeft'), 'replay')).toBe('stepBack');
    expect(keyAction(press(' ', { shiftKey: true }), 'live')).toBeNull();
    expect(keyAction(press('ArrowLeft'), 'live')).toBeNull();
  });

  it('p plays/pauses, c continues (live), b breakpoints, g jumps, ? helps, Esc closes', () => {
    expect(keyAction(press('p'), 'replay')).toBe('playPause');
    expect(keyAction(press('p'), 'live')).toBe('playPause');
    expect(keyAction(press('c'), 'live')).toBe('continue');
    expect(keyAction(press('c'), 'replay')).toBeNull();
    expect(keyAction(press('b'), 'live')).toBe('toggleBreakpoint');
    expect(keyAction(press('g'), 'replay')).toBe('jump');
    expect(keyAction(press('?', { shiftKey: true }), 'replay')).toBe('help');
    expect(keyAction(press('Escape'), 'live')).toBe('close');
  });

  it('1, 2, 3 switch to the live lab, the replay, the comparison from any mode; the comparison has no stepping keys', () => {
    for (const mode of ['live', 'replay', 'compare', 'lessons'] as const) {
      expect(keyAction(press('1'), mode)).toBe('modeLive');
      expect(keyAction(press('2'), mode)).toBe('modeReplay');
      expect(keyAction(press('3'), mode)).toBe('modeCompare');
      expect(keyAction(press('?'), mode)).toBe('help');
    }
    for (const key of [' ', 'ArrowRight', 'ArrowLeft', 'p', 'b', 'g', 'Home']) expect(keyAction(press(key), 'compare')).toBeNull();
    expect(SHORTCUTS.filter((s) => s.modes.includes('compare')).map((s) => s.text)).toEqual(['modes', 'help', 'close']);
  });

  it('4 opens the lessons; in a lesson →/N/PageDown go on, ←/P/PageUp go back, A–F answer, Shift+arrows step the cursor', () => {
    for (const mode of ['live', 'replay', 'compare', 'lessons'] as const) expect(keyAction(press('4'), mode)).toBe('modeLessons');
    for (const key of ['ArrowRight', 'n', 'N', 'PageDown']) expect(keyAction(press(key), 'lessons')).toBe('nextNote');
    for (const key of ['ArrowLeft', 'p', 'P', 'PageUp']) expect(keyAction(press(key), 'lessons')).toBe('prevNote');
    expect(keyAction(press('a'), 'lessons')).toBe('answer0');
    expect(keyAction(press('D'), 'lessons')).toBe('answer3');
    expect(keyAction(press('f'), 'lessons')).toBe('answer5');
    expect(keyAction(press('g'), 'lessons')).toBeNull();
    expect(keyAction(press('ArrowRight', { shiftKey: true }), 'lessons')).toBe('stepForward');
    expect(keyAction(press('ArrowLeft', { shiftKey: true }), 'lessons')).toBe('stepBack');
    expect(keyAction(press('Escape'), 'lessons')).toBe('close');
    // Elsewhere these keys keep their meaning.
    expect(keyAction(press('b'), 'replay')).toBe('toggleBreakpoint');
    expect(keyAction(press('n'), 'replay')).toBeNull();
  });

  it('keys with Ctrl, Cmd or Alt are left to the browser', () => {
    expect(keyAction(press('p', { ctrlKey: true }), 'replay')).toBeNull();
    expect(keyAction(press('g', { metaKey: true }), 'replay')).toBeNull();
  });

  it('typing in a text field is not a shortcut; a checkbox or a button is not typing', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'range' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('the help overlay describes every shortcut in English and Chinese', () => {
    for (const s of SHORTCUTS) {
      expect(SHORTCUT_TEXT.en[s.text].length).toBeGreaterThan(0);
      expect(SHORTCUT_TEXT['zh-CN'][s.text]).not.toBe(SHORTCUT_TEXT.en[s.text]);
    }
  });
});
