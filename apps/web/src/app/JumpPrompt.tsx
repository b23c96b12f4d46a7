/** The small "jump to event #N" prompt (`g`). */
import { useState } from 'react';
import { useT, type Catalog } from '../i18n/i18n.js';

const TEXT: Catalog<'title' | 'label' | 'go' | 'cancel' | 'range' | 'bad'> = {
  en: {
    title: 'Jump to event',
    label: 'Event number (#seq)',
    go: 'Jump',
    cancel: 'Cancel',
    range: 'This trace has events #{first} to #{last}.',
    bad: 'Type a whole number, e.g. {first}.',
  },
  'zh-CN': {
    title: '跳转到事件',
    label: '事件编号（#seq）',
    go: '跳转',
    cancel: '取消',
    range: '本追踪包含 #{first} 到 #{last} 号事件。',
    bad: '请输入一个整数，例如 {first}。',
  },
};

/** Asks for a seq; `onJump` gets it. */
export function JumpPrompt({
  first,
  last,
  onJump,
  onClose,
}: {
  readonly first: number;
  readonly last: number;
  readonly onJump: (seq: number) => void;
  readonly onClose: () => void;
}) {
  const t = useT(TEXT);
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);
  const submit = (): void => {
    const value = Number(text.trim().replace(/^#/, ''));
    if (!Number.isInteger(value) || text.trim() === '') {
      setBad(true);
      return;
    }
    onJump(value);
    onClose();
  };
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <form
        className="dialog jump"
        role="dialog"
        aria-modal="true"
        aria-labelledby="jump-title"
        onClick={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id="jump-title">{t('title')}</h2>
        <label className="field">
          <span>{t('label')}</span>
          <input
            autoFocus
            inputMode="numeric"
            value={text}
            placeholder={String(first)}
            onChange={(e) => {
              setText(e.target.value);
              setBad(false);
            }}
            aria-invalid={bad}
          />
        </label>
        <p className={bad ? 'error-text' : 'muted'}>{bad ? t('bad', { first }) : t('range', { first, last })}</p>
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="btn btn--primary">
            {t('go')}
          </button>
        </div>
      </form>
    </div>
  );
}
