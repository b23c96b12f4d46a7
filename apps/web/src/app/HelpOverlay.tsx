/** The shortcut help (`?`): every key, what it does in the live lab, in a replay, in the comparison and in a lesson. */
import { useT, type Catalog } from '../i18n/i18n.js';
import { APP_MODES, SHORTCUT_TEXT, SHORTCUTS, type AppMode, type Shortcut } from '../machines/keyboard.js';

const TEXT: Catalog<'title' | 'live' | 'replay' | 'compare' | 'lessons' | 'close' | 'hint'> = {
  en: {
    title: 'Keyboard shortcuts',
    live: 'Live lab',
    replay: 'Replay',
    compare: 'Compare',
    lessons: 'Lessons',
    close: 'Close',
    hint: 'Shortcuts do nothing while you type in a field. Viewers can move the cursor; only the presenter steps the lab.',
  },
  'zh-CN': {
    title: '键盘快捷键',
    live: '实时实验',
    replay: '回放',
    compare: '对比',
    lessons: '课程',
    close: '关闭',
    hint: '在输入框中打字时快捷键不起作用。观众可以移动光标；只有讲师能单步执行实验。',
  },
};

/** The overlay. */
export function HelpOverlay({ mode, modes = APP_MODES, onClose }: { readonly mode: AppMode; readonly modes?: readonly AppMode[]; readonly onClose: () => void }) {
  const t = useT(TEXT);
  const s = useT(SHORTCUT_TEXT);
  // The mode keys name only the modes this build has (the static one has no live lab).
  const keysOf = (sc: Shortcut): readonly string[] => (sc.text === 'modes' ? modes.map((m) => String(APP_MODES.indexOf(m) + 1)) : sc.keys);
  const textOf = (sc: Shortcut): string => (sc.text === 'modes' ? s('modes', { names: modes.map((m) => t(m)).join(' / ') }) : s(sc.text));
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div className="dialog help" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <header className="dialog__head">
          <h2 id="help-title">{t('title')}</h2>
          <button type="button" className="btn btn--ghost" onClick={onClose} aria-label={t('close')} autoFocus>
            ✕
          </button>
        </header>
        <div className={`help__cols help__cols--${modes.length}`}>
          {modes.map((m) => (
            <section key={m} className={`help__col${m === mode ? ' is-current' : ''}`}>
              <h3>{t(m)}</h3>
              <table>
                <tbody>
                  {SHORTCUTS.filter((sc) => sc.modes.includes(m)).map((sc) => (
                    <tr key={`${m}-${sc.text}`}>
                      <td className="help__keys">
                        {keysOf(sc).map((k, i) => (
                          <span key={k}>
                            {i > 0 && ' / '}
                            <kbd>{k}</kbd>
                          </span>
                        ))}
                      </td>
                      <td>{textOf(sc)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
        <p className="muted help__hint">{t('hint')}</p>
      </div>
    </div>
  );
}
