/**
 * The top bar: the title, Live lab / Replay / Compare / Lessons (with their keys 1 2 3 4), the connection and the role (presenter or
 * viewer), the language, presenter mode (large type, high contrast) and the shortcut help.
 */
import { LANGS, useT, type Catalog, type Lang } from '../i18n/i18n.js';
import { APP_MODES, type AppMode } from '../machines/keyboard.js';
import type { LiveStatus } from './live/live-types.js';

const TEXT: Catalog<
  | 'tagline'
  | 'live'
  | 'replay'
  | 'compare'
  | 'lessons'
  | 'modeKey'
  | 'replayOnly'
  | 'presenterRole'
  | 'presenterRoleHint'
  | 'viewerRole'
  | 'viewerRoleHint'
  | 'connected'
  | 'connecting'
  | 'disconnected'
  | 'presenterMode'
  | 'presenterModeHint'
  | 'help'
  | 'language'
  | 'modes'
> = {
  en: {
    tagline: "inside Python's socketserver",
    live: 'Live lab',
    replay: 'Replay',
    compare: 'Compare',
    lessons: 'Lessons',
    modeKey: '{mode} (key {key})',
    replayOnly: 'Replay of recorded traces',
    presenterRole: 'Presenter',
    presenterRoleHint: 'You control the labs',
    viewerRole: 'Viewer',
    viewerRoleHint: 'You watch; the presenter controls the labs',
    connected: 'connected',
    connecting: 'connecting…',
    disconnected: 'offline',
    presenterMode: 'Presenter mode',
    presenterModeHint: 'Large type and high contrast, for a projector',
    help: 'Keyboard shortcuts (?)',
    language: 'Language',
    modes: 'Mode',
  },
  'zh-CN': {
    tagline: '深入 Python 的 socketserver',
    live: '实时实验',
    replay: '回放',
    compare: '对比',
    lessons: '课程',
    modeKey: '{mode}（按键 {key}）',
    replayOnly: '回放已录制的追踪',
    presenterRole: '讲师',
    presenterRoleHint: '你可以控制实验',
    viewerRole: '观众',
    viewerRoleHint: '你在观看；由讲师控制实验',
    connected: '已连接',
    connecting: '正在连接…',
    disconnected: '未连接',
    presenterMode: '演示模式',
    presenterModeHint: '大字号、高对比度，适合投影',
    help: '键盘快捷键（?）',
    language: '语言',
    modes: '模式',
  },
};

const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'EN', 'zh-CN': '简体中文' };

/** The bar's props. */
export interface TopBarProps {
  readonly mode: AppMode;
  /** The modes this build has (the static one has no live lab). */
  readonly modes: readonly AppMode[];
  readonly onMode: (mode: AppMode) => void;
  readonly live: LiveStatus | null;
  readonly lang: Lang;
  readonly onLang: (lang: Lang) => void;
  readonly presenter: boolean;
  readonly onPresenter: (on: boolean) => void;
  readonly onHelp: () => void;
}

/** The bar. */
export function TopBar({ mode, modes, onMode, live, lang, onLang, presenter, onPresenter, onHelp }: TopBarProps) {
  const t = useT(TEXT);
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="topbar__logo" aria-hidden="true">
          ⟲
        </span>
        <h1>sockscope</h1>
        <span className="topbar__tagline">{t('tagline')}</span>
      </div>
      {modes.length > 1 ? (
        <nav className="segmented segmented--dark" aria-label={t('modes')}>
          {modes.map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              className={mode === m ? 'is-on' : ''}
              onClick={() => onMode(m)}
              title={t('modeKey', { mode: t(m), key: APP_MODES.indexOf(m) + 1 })}
              aria-keyshortcuts={String(APP_MODES.indexOf(m) + 1)}
            >
              {t(m)}
            </button>
          ))}
        </nav>
      ) : (
        <span className="topbar__mode">{t('replayOnly')}</span>
      )}
      <div className="topbar__right">
        {live && mode === 'live' && (
          <>
            <span className={`conn conn--${live.connection}`}>
              <span className="dot" aria-hidden="true" />
              {t(live.connection)}
            </span>
            {live.role !== null && (
              <span className={`role role--${live.role}`} title={live.role === 'presenter' ? t('presenterRoleHint') : t('viewerRoleHint')}>
                {live.role === 'presenter' ? t('presenterRole') : t('viewerRole')}
              </span>
            )}
          </>
        )}
        <div className="segmented segmented--dark segmented--small" role="group" aria-label={t('language')}>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} className={lang === l ? 'is-on' : ''} onClick={() => onLang(l)}>
              {LANG_NAMES[l]}
            </button>
          ))}
        </div>
        <button type="button" className={`toggle${presenter ? ' is-on' : ''}`} aria-pressed={presenter} onClick={() => onPresenter(!presenter)} title={t('presenterModeHint')}>
          <span className="toggle__track" aria-hidden="true">
            <span className="toggle__thumb" />
          </span>
          {t('presenterMode')}
        </button>
        <button type="button" className="btn btn--dark btn--icon" onClick={onHelp} title={t('help')} aria-label={t('help')}>
          ?
        </button>
      </div>
    </header>
  );
}
